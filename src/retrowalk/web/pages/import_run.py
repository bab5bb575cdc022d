"""The import page's glue: a file read with formats/ and handed to the import services, for the
preview and for the confirmation alike (web/pages/import_files.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from retrowalk.bootstrap import Wiring
from retrowalk.domain.errors import InputError
from retrowalk.formats.fit_read import read_fit_activity
from retrowalk.formats.session_csv_read import read_sessions_csv
from retrowalk.services.activity_import import import_activity, preview_activity
from retrowalk.services.import_log import Imported, ImportPreview, file_key
from retrowalk.services.records import StoredWalker
from retrowalk.services.sessions_import import import_sessions, preview_sessions


@dataclass(frozen=True)
class FitOrCsv:
    kind: str  # "fit" or "csv"
    data: bytes

    @cached_property
    def sha256(self) -> str:
        return file_key(self.data)


@dataclass(frozen=True, slots=True)
class Shown:
    preview: ImportPreview
    warnings: tuple[str, ...]


def preview_of(walker: StoredWalker, wired: Wiring, source: FitOrCsv) -> Shown:
    if source.kind == "fit":
        activity = read_fit_activity(source.data)
        shown = preview_activity(walker.id, activity, source.sha256, {}, wired.uow(), wired.clock)
        return Shown(shown.preview, shown.warnings)
    read = read_sessions_csv(source.data)
    return Shown(preview_sessions(walker.id, read, source.sha256, wired.uow(), wired.clock), ())


def run_import(
    walker: StoredWalker, wired: Wiring, source: FitOrCsv, first_seq: str, answers: dict[str, Any]
) -> Imported:
    """Log the file as previewed (a CSV: its rows that can be logged, as the page said)."""
    if not first_seq.isdigit() or len(first_seq) > 9:
        raise InputError("first_seq", first_seq, "reload the import page and try again")
    seq = int(first_seq)
    if source.kind == "fit":
        activity = read_fit_activity(source.data)
        return import_activity(
            walker.id, activity, source.sha256, seq, answers, wired.uow(), wired.clock
        )
    read = read_sessions_csv(source.data)
    return import_sessions(walker.id, read, source.sha256, seq, wired.uow(), wired.clock, True)
