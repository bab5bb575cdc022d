"""The SQL repository of profile changes, and their rows to records and back (the from → to
list and the flags as JSON text)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select

from retrowalk.domain.profile_change import FieldChange
from retrowalk.domain.screening import Flag, FlagLevel
from retrowalk.services.ports import ProfileChanges
from retrowalk.services.records import Clearance, ProfileChange, ProfileChangeKind
from retrowalk.store.database import SqlRepository
from retrowalk.store.people import AccountRow
from retrowalk.store.profile_changes import ProfileChangeRow


class SqlProfileChanges(SqlRepository, ProfileChanges):
    def add(
        self,
        walker_id: int,
        account_id: int,
        at: datetime,
        kind: ProfileChangeKind,
        changes: tuple[FieldChange, ...],
        flags: tuple[Flag, ...],
        clearance: Clearance | None,
    ) -> ProfileChange:
        row = ProfileChangeRow(
            walker_id=walker_id,
            account_id=account_id,
            changed_at=at,
            kind=kind.value,
            changes=changes_json(changes),
            flags=flags_json(flags),
            cleared_on=None if clearance is None else clearance.on,
            clinician=None if clearance is None else clearance.clinician,
            notes=None if clearance is None else clearance.notes,
        )
        self._inserted(row)
        account = self._session.get_one(AccountRow, account_id)
        return profile_change(row, account.name)

    def for_walker(self, walker_id: int) -> list[ProfileChange]:
        query = (
            select(ProfileChangeRow, AccountRow.name)
            .join(AccountRow, AccountRow.id == ProfileChangeRow.account_id)
            .where(ProfileChangeRow.walker_id == walker_id)
            .order_by(ProfileChangeRow.id)
        )
        return [profile_change(row, name) for row, name in self._session.execute(query)]


def changes_json(changes: tuple[FieldChange, ...]) -> str:
    listed = [{"field": c.field, "from": c.before, "to": c.after} for c in changes]
    return json.dumps(listed, ensure_ascii=False)


def flags_json(flags: tuple[Flag, ...]) -> str:
    listed = [{"level": f.level.value, "code": f.code, "message": f.message} for f in flags]
    return json.dumps(listed, ensure_ascii=False)


def profile_change(row: ProfileChangeRow, account: str) -> ProfileChange:
    changes: list[dict[str, Any]] = json.loads(row.changes)
    flags: list[dict[str, Any]] = json.loads(row.flags)
    clearance = None
    if row.cleared_on is not None:
        clearance = Clearance(row.cleared_on, row.clinician, row.notes)
    return ProfileChange(
        id=row.id,
        walker_id=row.walker_id,
        account=account,
        at=row.changed_at,
        kind=ProfileChangeKind(row.kind),
        changes=tuple(FieldChange(c["field"], c["from"], c["to"]) for c in changes),
        flags=tuple(Flag(FlagLevel(f["level"]), f["code"], f["message"]) for f in flags),
        clearance=clearance,
    )
