"""The periods the history and progress pages offer: the last 4, 12 or 52 weeks, or all."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum


class Shown(StrEnum):
    FOUR_WEEKS = "4w"
    TWELVE_WEEKS = "12w"
    A_YEAR = "52w"
    ALL = "all"

    @property
    def label(self) -> str:
        return {"4w": "4 weeks", "12w": "12 weeks", "52w": "1 year", "all": "All"}[self.value]

    def since(self, today: date) -> date | None:
        if self is Shown.ALL:
            return None
        return today - timedelta(weeks=int(self.value.removesuffix("w"))) + timedelta(days=1)
