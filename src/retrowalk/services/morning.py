"""The morning question (PROTOCOL.md §11): a next-morning pain nobody reported is unknown, so
the product asks for it. The day after a session (or the day after that), while its next
morning is unknown and no session has been logged since, `today` asks it first; the answer is
kept once (log_edit.add_next_morning_pain) and the session ahead is decided again with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from retrowalk.domain.cues import Cue, Message, say
from retrowalk.services.clock import Clock
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.walker_plan import require_walker

# How many days after a session its morning is still asked for: the morning after, or the day
# after that for a walker who did not open retrowalk on it. Later, memory is not an answer.
ASKED_FOR_DAYS = 2


@dataclass(frozen=True, slots=True)
class MorningQuestion:
    """The session whose next-morning pain is unknown (`log_id`, walked `on`)."""

    log_id: int
    on: date

    def question(self, today: date) -> Message:
        """This morning's, the day after the session; else the morning after it, by date."""
        if (today - self.on).days == 1:
            return say(Cue.ASK_MORNING)
        return say(Cue.ASK_MORNING_AFTER, date=self.on.isoformat())


def morning_question(walker_id: int, uow: UnitOfWork, clock: Clock) -> MorningQuestion | None:
    """The morning to ask about today, if any: the last session logged, walked, its next
    morning unknown, one or two days ago."""
    today = clock.today()
    with uow.reading():
        walker = require_walker(uow, walker_id)
        pending = uow.sessions.latest_planned(walker.id)
        log = None if pending is None else uow.sessions.last_live_log(walker.id, pending.seq)
    if log is None or not log.entry.outcome.done or log.entry.next_morning_on is not None:
        return None
    if not 1 <= (today - log.on).days <= ASKED_FOR_DAYS:
        return None
    return MorningQuestion(log.id, log.on)
