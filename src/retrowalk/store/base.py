"""The declarative base, its naming convention and small column helpers shared by the tables."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from sqlalchemy import CheckConstraint, MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints let Alembic's batch mode (SQLite) find, keep and drop them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def one_of(column: str, values: Iterable[str], nullable: bool = False) -> CheckConstraint:
    """A named CHECK that `column` holds one of `values` (an enum's values, usually). Its `info`
    keeps the rule as data, for checking imported rows before they reach the database."""
    known = tuple(values)
    listed = ", ".join(f"'{v}'" for v in known)
    condition = f"{column} IN ({listed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    info = {"column": column, "one_of": known}
    return CheckConstraint(condition, name=f"{column}_known", info=info)


def in_range(column: str, low: float | None, high: float | None) -> CheckConstraint:
    """A named CHECK that `column` (when given) lies in [low, high] (kept in `info` as well)."""
    parts = [
        f"{column} >= {low}" if low is not None else "",
        f"{column} <= {high}" if high is not None else "",
    ]
    condition = " AND ".join(p for p in parts if p)
    info = {"column": column, "low": low, "high": high}
    return CheckConstraint(f"{column} IS NULL OR ({condition})", name=f"{column}_range", info=info)


def values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]
