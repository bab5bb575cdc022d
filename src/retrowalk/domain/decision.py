"""A decision of the engine and its reasons, which may be worded when first read (issue 18).

The engine makes a decision every session and a long fold reads the reasons of almost none, so
a decision may be made `worded_later`: the function that words its reasons and the values it
words them from are kept in slots outside the dataclass's fields, and the function is called the
first time `reasons` is read. The values are immutable (the programme, the state, the date), so
the words are those of the moment the decision was made; equality, hashing, `repr`, `replace`,
pickling and copying all read `reasons`, so they see the same decision as one made with its
reasons.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from retrowalk.domain.dose import Dose, DoseVariable
from retrowalk.domain.frozen import settable_twin


class DecisionKind(StrEnum):
    START = "start"
    PROGRESS = "progress"
    HOLD = "hold"
    REGRESS = "regress"
    DELOAD = "deload"
    PAUSED = "paused"


# Reasons in waiting: called once, with the values kept for it, the first time a decision's
# reasons are read. A module function and its values, not a closure: a function that makes a
# closure pays for a cell per value it captures on every call, whether or not it makes one.
Wording = Callable[..., tuple[str, ...]]


class _Worded:
    """Where a decision made `worded_later` keeps its wording and the values it words (slots
    outside the dataclass's fields, so equality, hashing, `repr`, `replace` and pickling never
    see them)."""

    __slots__ = ("_worded_from", "_wording")
    _wording: Wording
    _worded_from: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Decision(_Worded):
    kind: DecisionKind
    dose: Dose
    changed: DoseVariable | None
    reasons: tuple[str, ...]
    walk: bool = True
    stepped_down: bool = False
    pauses: bool = False
    resets_trend: bool = False
    acts_on_trend: bool = False


class _ReasonsWhenRead:
    """`Decision.reasons`: the slot the dataclass made for the field, worded the first time it is
    read where the decision was made `worded_later`. A descriptor on the one field rather than a
    `__getattr__` on the class: with a `__getattr__`, every attribute read of a decision goes
    through a Python-level hook, which the engine pays for a dozen times a session (issue 18)."""

    def __init__(self, slot: Any) -> None:
        self._slot = slot

    def __get__(self, decision: Decision | None, owner: type | None = None) -> Any:
        if decision is None:
            return self
        try:
            return self._slot.__get__(decision, owner)
        except AttributeError:
            # Not set: a decision made `worded_later` that nobody has read yet. Its wording
            # reads only immutable values (the programme, the state, the date), so the words
            # are those of the moment it was made.
            reasons = tuple(decision._wording(*decision._worded_from))
            self._slot.__set__(decision, reasons)
            return reasons

    def __set__(self, decision: Decision, reasons: tuple[str, ...]) -> None:
        self._slot.__set__(decision, reasons)

    def __delete__(self, decision: Decision) -> None:
        self._slot.__delete__(decision)


if not TYPE_CHECKING:  # the type checker sees `reasons` as the plain field it is to readers
    Decision.reasons = _ReasonsWhenRead(Decision.__dict__["reasons"])
_SettableDecision = settable_twin(Decision)


def worded_later(
    kind: DecisionKind,
    dose: Dose,
    changed: DoseVariable | None,
    wording: Wording,
    values: tuple[Any, ...] = (),
    walk: bool = True,
    stepped_down: bool = False,
    pauses: bool = False,
    resets_trend: bool = False,
    acts_on_trend: bool = False,
) -> Decision:
    """A decision whose reasons `wording(*values)` puts into words when they are first read;
    equal, in every way a caller can see, to the Decision made with those reasons. `values` must
    be immutable, and `wording` must read nothing else that can change."""
    decision: Any = _SettableDecision()
    decision.kind = kind
    decision.dose = dose
    decision.changed = changed
    decision.walk = walk
    decision.stepped_down = stepped_down
    decision.pauses = pauses
    decision.resets_trend = resets_trend
    decision.acts_on_trend = acts_on_trend
    decision._wording = wording
    decision._worded_from = values
    decision.__class__ = Decision
    built: Decision = decision
    return built


def amended(
    decision: Decision, more: Callable[..., str], *values: Any, dose: Dose | None = None
) -> Decision:
    """`decision` with one more reason after its own, `more(*values)` (and `dose` instead of its
    dose), worded when read."""
    return worded_later(
        decision.kind,
        decision.dose if dose is None else dose,
        decision.changed,
        _one_more,
        (decision, more, values),
        decision.walk,
        decision.stepped_down,
        decision.pauses,
        decision.resets_trend,
        decision.acts_on_trend,
    )


def _one_more(
    decision: Decision, more: Callable[..., str], values: tuple[Any, ...]
) -> tuple[str, ...]:
    return (*decision.reasons, more(*values))
