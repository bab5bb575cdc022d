"""The SQL repository of imported files."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from retrowalk.services.ports import ImportedFiles
from retrowalk.services.records import ImportedFile, ImportKind
from retrowalk.store.database import SqlRepository
from retrowalk.store.imported_files import ImportedFileRow


class SqlImportedFiles(SqlRepository, ImportedFiles):
    def find(self, walker_id: int, sha256: str) -> ImportedFile | None:
        query = select(ImportedFileRow).where(
            ImportedFileRow.walker_id == walker_id, ImportedFileRow.sha256 == sha256
        )
        row = self._session.scalars(query).one_or_none()
        return None if row is None else _record(row)

    def add(
        self,
        walker_id: int,
        sha256: str,
        kind: ImportKind,
        sessions: int,
        first_log_id: int,
        at: datetime,
    ) -> ImportedFile:
        row = ImportedFileRow(
            walker_id=walker_id,
            sha256=sha256,
            kind=kind.value,
            sessions=sessions,
            first_log_id=first_log_id,
            imported_at=at,
        )
        self._inserted(row)
        return _record(row)


def _record(row: ImportedFileRow) -> ImportedFile:
    return ImportedFile(
        id=row.id,
        walker_id=row.walker_id,
        sha256=row.sha256,
        kind=ImportKind(row.kind),
        sessions=row.sessions,
        first_log_id=row.first_log_id,
        imported_at=row.imported_at,
    )
