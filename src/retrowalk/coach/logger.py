"""The logger port: where a completed session goes, and what the walker is told next.

The storage services will implement it (log the session, plan the next one, return its
summary); the in-memory logger serves tests and demonstrations until then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from retrowalk.coach.completed import CompletedSession
from retrowalk.domain.cues import Cue, duration_words, say


class SessionLogger(Protocol):
    def log(self, completed: CompletedSession) -> str:
        """Keep the session; return the next decision's summary for the walker."""
        ...


class InMemoryLogger:
    """Keeps sessions in a list. `next_decision` says what comes next (an engine run over a
    scenario, for instance); without it the summary is what was walked."""

    def __init__(self, next_decision: Callable[[CompletedSession], str] | None = None) -> None:
        self.sessions: list[CompletedSession] = []
        self._next_decision = next_decision

    def log(self, completed: CompletedSession) -> str:
        self.sessions.append(completed)
        if self._next_decision is not None:
            return self._next_decision(completed)
        walked = duration_words(completed.record.minutes_walked)
        planned = duration_words(completed.walk.dose.minutes)
        return say(Cue.KEPT_IN_MEMORY, walked=walked, planned=planned).text
