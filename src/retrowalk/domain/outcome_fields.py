"""The answers of a logged session, listed once: one `OutcomeField` per field of
`SessionOutcome`, in its order, with the kind of value, its bounds and a label.

The store copies its columns, the web form its inputs, the CLI its options, the CSV its columns
and the public schema its fields from `OUTCOME_FIELDS`; a new answer is added to `SessionOutcome`
and described here, and the import fails until it is.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, fields
from typing import Union, get_args, get_origin, get_type_hints

from retrowalk.domain.outcome import SessionOutcome


@dataclass(frozen=True, slots=True)
class OutcomeField:
    """One answer: `kind` is int, float or bool; `optional` when it may be unknown (None)."""

    name: str
    kind: type
    optional: bool
    label: str
    low: float | None = None
    high: float | None = None

    @property
    def option(self) -> str:
        """The command-line option that gives it: `--pain-during`."""
        return "--" + self.name.replace("_", "-")

    @property
    def is_tick(self) -> bool:
        return self.kind is bool


# What the domain type cannot say: a label and bounds (PROTOCOL.md §6, §11).
_DESCRIBED: dict[str, tuple[str, float | None, float | None]] = {
    "done": ("Walked the session.", None, None),
    "minutes_done": ("Minutes walked.", 0, 300),
    "pain_during": ("Knee pain while walking, 0-10.", 0, 10),
    "pain_after": ("Knee pain just after, 0-10.", 0, 10),
    "pain_next_morning": ("Knee pain the morning after, 0-10 (for a past day).", 0, 10),
    "rpe": ("Effort, 0 (resting) to 10 (all out).", 0, 10),
    "sharp_pain": ("Sharp, sudden pain.", None, None),
    "stable_without_hands": ("Steady enough to let go of the rails.", None, None),
    "form_ok": ("Walking form felt good.", None, None),
    "swelling": ("The knee swelled.", None, None),
    "locking": ("The knee locked.", None, None),
    "giving_way": ("The knee gave way.", None, None),
}


def _field(name: str, hint: object) -> OutcomeField:
    args = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
    kinds = [arg for arg in args if arg is not type(None)]
    if len(kinds) != 1 or kinds[0] not in (int, float, bool):
        raise TypeError(f"SessionOutcome.{name}: an answer is an int, a float or a bool")
    label, low, high = _DESCRIBED[name]
    return OutcomeField(name, kinds[0], len(kinds) != len(args), label, low, high)


def _outcome_fields() -> tuple[OutcomeField, ...]:
    hints = get_type_hints(SessionOutcome)
    names = [f.name for f in fields(SessionOutcome)]
    if set(names) != set(_DESCRIBED):
        raise TypeError(f"describe exactly the fields of SessionOutcome: {sorted(names)}")
    return tuple(_field(name, hints[name]) for name in names)


OUTCOME_FIELDS = _outcome_fields()
OUTCOME_NAMES = tuple(f.name for f in OUTCOME_FIELDS)
