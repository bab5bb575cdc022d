"""SQL repository for walkers (accounts: store/sql_accounts.py)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from retrowalk.domain.equipment import Equipment
from retrowalk.domain.screening import Flag
from retrowalk.domain.walker import WalkerLimits, WalkerProfile
from retrowalk.services.ports import Walkers
from retrowalk.services.records import MphVerdict, Prescription, StoredWalker
from retrowalk.store.convert import (
    equipment_from_domain,
    equipment_to_domain,
    flag_rows,
    flag_to_domain,
    prescription_row,
    prescription_to_domain,
    walker_from_domain,
    walker_to_domain,
)
from retrowalk.store.database import SqlRepository
from retrowalk.store.people import (
    EquipmentRow,
    PrescriptionRow,
    ScreeningFlagRow,
    WalkerRow,
)


class SqlWalkers(SqlRepository, Walkers):
    def add(
        self,
        account_id: int,
        profile: WalkerProfile,
        screened: tuple[date, tuple[Flag, ...]],
        equipment: Equipment,
        prescription: Prescription,
        at: datetime,
    ) -> StoredWalker:
        screened_on, flags = screened
        row = WalkerRow(
            account_id=account_id,
            screened_on=screened_on,
            created_at=at,
            **walker_from_domain(profile),
        )
        self._inserted(row)
        self._session.add(prescription_row(row.id, prescription, profile.limits, at))
        self._session.add_all(flag_rows(row.id, flags))
        gear = EquipmentRow(walker_id=row.id, added_at=at, **equipment_from_domain(equipment))
        self._inserted(gear)
        return StoredWalker(
            row.id, account_id, None, profile, screened_on, flags, gear.id, equipment, prescription
        )

    def get(self, walker_id: int, lock: bool = False) -> StoredWalker | None:
        # PostgreSQL: a row lock on the walker serialises writers to their sessions. SQLite
        # needs none: every transaction there begins IMMEDIATE, one writer at a time.
        row = self._session.get(WalkerRow, walker_id, with_for_update=lock)
        return None if row is None else self._stored(row)

    def for_account(self, account_id: int) -> StoredWalker | None:
        query = select(WalkerRow).where(WalkerRow.account_id == account_id)
        row = self._session.scalars(query).first()
        return None if row is None else self._stored(row)

    def ids(self) -> list[int]:
        return list(self._session.scalars(select(WalkerRow.id).order_by(WalkerRow.id)))

    def assign_clinician(self, walker_id: int, clinician_id: int | None) -> None:
        self._session.get_one(WalkerRow, walker_id).clinician_id = clinician_id
        self._session.flush()

    def set_mph_verdict(self, equipment_id: int, verdict: MphVerdict) -> None:
        gear = self._session.get_one(EquipmentRow, equipment_id)
        gear.ftms_device, gear.mph_quirk = verdict.device, verdict.mph_quirk
        self._session.flush()

    def change_equipment(
        self,
        walker_id: int,
        equipment: Equipment,
        screened: tuple[date, tuple[Flag, ...]],
        at: datetime,
    ) -> StoredWalker:
        row = self._session.get_one(WalkerRow, walker_id)
        self._replace_flags(row, screened)
        self._inserted(
            EquipmentRow(walker_id=row.id, added_at=at, **equipment_from_domain(equipment))
        )
        return self._stored(row)

    def equipment(self, equipment_id: int) -> Equipment:
        return equipment_to_domain(self._session.get_one(EquipmentRow, equipment_id))

    def change_profile(
        self,
        walker_id: int,
        profile: WalkerProfile,
        screened: tuple[date, tuple[Flag, ...]],
        prescription: Prescription,
        at: datetime,
    ) -> StoredWalker:
        row = self._session.get_one(WalkerRow, walker_id)
        for name, value in walker_from_domain(profile).items():
            setattr(row, name, value)
        plan = self._session.get_one(PrescriptionRow, walker_id)
        plan.protocol = prescription.protocol
        plan.sessions_per_week = prescription.sessions_per_week
        plan.updated_at = at
        self._replace_flags(row, screened)
        return self._stored(row)

    def set_limits(
        self,
        walker_id: int,
        limits: WalkerLimits,
        prescription: Prescription,
        set_by_id: int,
        at: datetime,
    ) -> StoredWalker:
        plan = self._session.get_one(PrescriptionRow, walker_id)
        columns = prescription_row(walker_id, prescription, limits, at)
        for name in (
            "protocol",
            "sessions_per_week",
            "max_speed",
            "max_speed_unit",
            "max_incline_percent",
            "target_minutes",
            "hands_free_allowed",
            "updated_at",
        ):
            setattr(plan, name, getattr(columns, name))
        plan.set_by_id = set_by_id
        self._session.flush()
        return self._stored(self._session.get_one(WalkerRow, walker_id))

    def _replace_flags(self, row: WalkerRow, screened: tuple[date, tuple[Flag, ...]]) -> None:
        row.screened_on, flags = screened
        # Through the ORM, so no stale flag rows linger in the session under the same keys.
        old = select(ScreeningFlagRow).where(ScreeningFlagRow.walker_id == row.id)
        for flag in self._session.scalars(old):
            self._session.delete(flag)
        self._session.flush()
        self._session.add_all(flag_rows(row.id, flags))
        self._session.flush()

    def _stored(self, row: WalkerRow) -> StoredWalker:
        prescription = self._session.get_one(PrescriptionRow, row.id)
        flags = self._session.scalars(
            select(ScreeningFlagRow)
            .where(ScreeningFlagRow.walker_id == row.id)
            .order_by(ScreeningFlagRow.position)
        )
        gear = self._session.scalars(
            select(EquipmentRow)
            .where(EquipmentRow.walker_id == row.id)
            .order_by(EquipmentRow.id.desc())
            .limit(1)
        ).one()
        return _walker(row, prescription, list(flags), gear)


def _walker(
    row: WalkerRow,
    prescription: PrescriptionRow,
    flags: list[ScreeningFlagRow],
    gear: EquipmentRow,
) -> StoredWalker:
    return StoredWalker(
        id=row.id,
        account_id=row.account_id,
        clinician_id=row.clinician_id,
        profile=walker_to_domain(row, prescription),
        screened_on=row.screened_on,
        flags=tuple(flag_to_domain(f) for f in flags),
        equipment_id=gear.id,
        equipment=equipment_to_domain(gear),
        prescription=prescription_to_domain(prescription),
        mph_verdict=_verdict(gear),
    )


def _verdict(gear: EquipmentRow) -> MphVerdict | None:
    if gear.ftms_device is None or gear.mph_quirk is None:
        return None
    return MphVerdict(gear.ftms_device, gear.mph_quirk)
