"""Numbers as people type them, read the same way by every face: the CLI's options and
questions, the web's forms and the API's JSON (which may also send a plain number).

A decimal comma is a decimal point when it is the only separator: "1,2" is 1.2, as "1.2" is.
Text with both separators ("1.000,5", "1,000.5") or more than one of either is refused rather
than guessed at: a walker's minutes and speeds never need a thousands separator. What the number
then means (a speed far above the prescription, say) is checked afterwards like any other.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import BeforeValidator

_HOW = "give a number, such as 2 or 0.5 (a comma may stand for the decimal point: 0,5)"


def read_decimal(text: str) -> float:
    """The number in `text`, with "." or "," as its one decimal separator; ValueError with
    what to give otherwise."""
    cleaned = text.strip()
    if cleaned.count(",") + cleaned.count(".") > 1:
        raise ValueError(_HOW)
    try:
        value = float(cleaned.replace(",", "."))
    except ValueError:
        raise ValueError(_HOW) from None
    if not math.isfinite(value) or not _digits_only(cleaned):
        raise ValueError(_HOW)
    return value


def _digits_only(text: str) -> bool:
    """Plain decimal digits with an optional sign and separator: no "1e3", "nan" or "1_000"."""
    body = text.removeprefix("-").removeprefix("+")
    return bool(body) and all((c.isdigit() and c.isascii()) or c in ".," for c in body)


def _from_text(value: Any) -> Any:
    return read_decimal(value) if isinstance(value, str) else value


# Read a number typed as text first; added to a float type (after its bounds, so it runs first).
FROM_TEXT = BeforeValidator(_from_text)
# A float that may arrive as text ("1,2" or "1.2"). Put bounds before it in the Annotated
# (`Annotated[float, Field(ge=0), FROM_TEXT]`) so the JSON schema keeps them; the schema still
# says "number": text is a courtesy to people typing, not the API's documented form.
DecimalNumber = Annotated[float, FROM_TEXT]
