"""Why a walker pressed STOP before the end, as the check-in asks it first (PROTOCOL.md §6, §11).

A stop for pain is a stop for sharp pain: the engine steps back. A stop for balance says the
walker was not steady: no hand is let go on the strength of it. Tiredness is a partial session
with its effort. A stop by mistake, or for an interruption, says nothing about the knee: the
walker may go on with the same session, and it counts as one session walked in full.
"""

from __future__ import annotations

from enum import StrEnum


class StopReason(StrEnum):
    PAIN = "pain"
    BALANCE = "balance"
    TIRED = "tired"
    INTERRUPTED = "interrupted"
    MISTAKE = "mistake"

    @property
    def can_go_on(self) -> bool:
        """The stop says nothing about the knee, so the same session may go on."""
        return self in (StopReason.INTERRUPTED, StopReason.MISTAKE)

    def describe(self) -> str:
        return _WORDS[self]


_WORDS = {
    StopReason.PAIN: "pain",
    StopReason.BALANCE: "balance",
    StopReason.TIRED: "tired",
    StopReason.INTERRUPTED: "interrupted",
    StopReason.MISTAKE: "pressed by mistake",
}
