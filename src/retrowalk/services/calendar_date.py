"""A calendar date as people, forms and files give it: ISO text (YYYY-MM-DD) or a date object,
within the years a walker's record can name. A number is not a date: pydantic would read `0`
as 1 January 1970 (seconds since the epoch), which no walker means."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

# A knee operation decades ago is a real answer; a walk in the year 9999 is not.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _as_written(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO.fullmatch(value.strip()):
        return value.strip()
    raise ValueError("give a date as YYYY-MM-DD")


def _within_years(value: dt.date) -> dt.date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"give a date from {EARLIEST} to {LATEST}")
    return value


CalendarDate = Annotated[
    dt.date,
    BeforeValidator(_as_written),
    AfterValidator(_within_years),
    Field(strict=False, description=f"YYYY-MM-DD, from {EARLIEST} to {LATEST}"),
]
