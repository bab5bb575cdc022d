"""Sessions from a file, logged as the walker's next planned sessions: previewed first, then
logged exactly once when the walker confirms.

How they fit the plan: the engine adapts each dose from the last log, so imported sessions are
logged one after another, in date order (a file's order breaks ties), each as the session
then pending, dated by its own day, exactly as if they had been logged by hand that way. A
date before the last logged session or after today is refused (services/log_session.py).

The preview is that logging done in a transaction that is rolled back: it shows what will be
stored (the session each logs, its prescribed dose, the entry, the questions a hand log would
be asked) and the rows that cannot be logged, and stores nothing. Confirming logs the same rows
in one transaction, with the file recorded by its SHA-256 (`imported_files`): the same file a
second time, or a confirm sent twice, is refused (ConflictError) and logs nothing. The preview's
pending session number travels with the confirmation, so a log made in between is noticed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from retrowalk.domain.dose import Dose
from retrowalk.domain.errors import ConfirmationNeeded, ConflictError, InputError
from retrowalk.domain.session_rows import RefusedRow
from retrowalk.services.clock import Clock
from retrowalk.services.log_session import Logged, LogIn, log_command, log_within
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import ImportedFile, ImportKind, LoggedEntry, StoredWalker
from retrowalk.services.walker_plan import require_plan, require_walker


@dataclass(frozen=True, slots=True)
class Candidate:
    """A session a file gives: the log's fields (LogIn's, without the walker), the file's line
    (None for a FIT file, one session), and how a refused field is named in the file."""

    line: int | None
    on: date
    fields: dict[str, Any]
    names: dict[str, str]

    def renamed(self, error: InputError) -> InputError:
        return InputError(self.names.get(error.field, error.field), error.value, error.allowed)

    def refused(self, error: InputError) -> RefusedRow:
        column = self.names.get(error.field, error.field)
        value = "" if error.value is None else str(error.value)
        return RefusedRow(self.line or 0, column, value, error.allowed)


Candidates = Callable[[StoredWalker], Sequence[Candidate]]


@dataclass(frozen=True, slots=True)
class ProposedLog:
    """A session as it will be logged: the planned session (`seq`, from 0) and its dose."""

    line: int | None
    seq: int
    on: date
    prescribed: Dose
    entry: LoggedEntry
    samples: int
    questions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportPreview:
    kind: ImportKind
    sha256: str
    first_seq: int  # the session pending at the preview: a confirmation names it
    logs: tuple[ProposedLog, ...]
    refused: tuple[RefusedRow, ...]


@dataclass(frozen=True, slots=True)
class Imported:
    file: ImportedFile
    logs: tuple[Logged, ...]


def file_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def preview_import(
    walker_id: int,
    kind: ImportKind,
    sha256: str,
    candidates: Candidates,
    uow: UnitOfWork,
    clock: Clock,
    one_session: bool = False,
) -> ImportPreview:
    """What confirming would log, and the rows that cannot be logged; with `one_session` (a
    file of one session), its refusal is raised instead, as it was given."""
    with uow:  # never committed: leaving the block rolls the trial logs back
        walker, first_seq = _ready(walker_id, sha256, uow)
        logs: list[ProposedLog] = []
        refused: list[RefusedRow] = []
        for candidate in _in_date_order(candidates(walker)):
            try:
                logs.append(_trial(walker_id, candidate, uow, clock))
            except InputError as error:
                if one_session:
                    raise candidate.renamed(error) from None
                refused.append(candidate.refused(error))
    return ImportPreview(kind, sha256, first_seq, tuple(logs), tuple(refused))


def confirm_import(
    walker_id: int,
    kind: ImportKind,
    sha256: str,
    first_seq: int,
    candidates: Candidates,
    uow: UnitOfWork,
    clock: Clock,
    skip_refused: bool = False,
    refused_by_file: tuple[RefusedRow, ...] = (),
) -> Imported:
    """Log every candidate, in one transaction; with rows that cannot be logged (or that the
    file's reader refused, `refused_by_file`), nothing unless `skip_refused` (the walker
    confirmed logging the rest)."""
    with uow:
        walker, pending = _ready(walker_id, sha256, uow)
        if pending != first_seq:
            now = f"session {pending + 1} is pending now; preview the file again"
            raise ConflictError("seq", first_seq, f"the plan moved on since the preview: {now}")
        logs, refused = [], list(refused_by_file)
        for candidate in _in_date_order(candidates(walker)):
            try:
                logs.append(log_within(_command(walker_id, candidate, True), uow, clock))
            except InputError as error:
                refused.append(candidate.refused(error))
        _refuse_partial(refused, skip_refused, bool(logs))
        file = uow.imported_files.add(
            walker_id, sha256, kind, len(logs), logs[0].log.id, clock.now()
        )
        uow.commit()
    return Imported(file, tuple(logs))


def _ready(walker_id: int, sha256: str, uow: UnitOfWork) -> tuple[StoredWalker, int]:
    walker = require_walker(uow, walker_id, lock=True)
    before = uow.imported_files.find(walker_id, sha256)
    if before is not None:
        when = before.imported_at.date().isoformat()
        what = f"{before.sessions} session{'s' if before.sessions != 1 else ''}"
        allowed = f"this file was imported on {when} ({what}); it is not logged twice"
        raise ConflictError("FILE", sha256[:12], allowed)
    return walker, require_plan(uow, walker).seq


def _trial(walker_id: int, candidate: Candidate, uow: UnitOfWork, clock: Clock) -> ProposedLog:
    """Log `candidate` in the open unit of work as a hand log would be, noting the questions it
    would be asked (the walker's confirmation of the import answers them)."""
    questions: tuple[str, ...] = ()
    try:
        logged = log_within(_command(walker_id, candidate, False), uow, clock)
    except ConfirmationNeeded as doubts:
        questions = tuple(doubt.question for doubt in doubts.doubts)
        logged = log_within(_command(walker_id, candidate, True), uow, clock)
    samples = len(candidate.fields.get("samples", ()))
    session = logged.session
    dose = session.decision.dose
    return ProposedLog(
        candidate.line, session.seq, session.on, dose, logged.log.entry, samples, questions
    )


def _command(walker_id: int, candidate: Candidate, confirm: bool) -> LogIn:
    return log_command(walker_id=walker_id, confirm=confirm, **candidate.fields)


def _in_date_order(candidates: Sequence[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (c.on, c.line or 0))


def _refuse_partial(refused: list[RefusedRow], skip_refused: bool, any_logged: bool) -> None:
    refused.sort(key=lambda row: row.line)
    count = f"{len(refused)} row{'s' if len(refused) != 1 else ''} refused"
    if not any_logged:
        first = f"; {refused[0]}" if refused else ""
        raise InputError("FILE", count, f"nothing to log{first}")
    if refused and not skip_refused:
        listed = "; ".join(str(row) for row in refused[:3])
        more = f" and {len(refused) - 3} more" if len(refused) > 3 else ""
        allowed = f"confirm logging the other rows, or correct these: {listed}{more}"
        raise InputError("FILE", count, allowed)
