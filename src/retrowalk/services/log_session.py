"""Log a session: the outcome is stored beside the prescribed dose, the engine folds it in, and
the next session is planned, all in one transaction.

Exactly once: a log may name the planned session it means (`seq`, from the page or the live
walk that showed it). That number is compared with the pending session inside the transaction,
after the walker's row is locked, so of two sends of one session (a double click, a retried
report, two tabs) one logs it and the other finds it logged: a ConflictError, nothing written.

Unlikely values (far above the prescription) and a second log for one day are asked about
first (services/plausibility.py): a ConfirmationNeeded, nothing written, unless `confirm`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import Annotated, Any

from pydantic import Field, field_validator

from retrowalk.domain.equipment import Equipment
from retrowalk.domain.errors import ConflictError, InputError
from retrowalk.domain.progression import decide, record
from retrowalk.domain.setback_rules import PlausibleRules
from retrowalk.services.clock import Clock
from retrowalk.services.commands import read_command
from retrowalk.services.flags_on_log import raise_flags
from retrowalk.services.log_entry import EntryIn, SampleIn, samples_of
from retrowalk.services.plausibility import (
    MEASURED,
    refuse_unconfirmed,
    same_day_doubt,
    value_doubts,
    walked_when_stopped_doubt,
)
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import MphVerdict, SessionLog, StoredPlannedSession
from retrowalk.services.treadmill_profile import keep_mph_verdict
from retrowalk.services.walker_plan import (
    next_date,
    programme_of,
    require_plan,
    require_walker,
)

# A planned session's number (0 is the first): what a page or report names as the session it logs.
Seq = Annotated[int, Field(ge=0, le=2**31 - 1)]


class LogBody(EntryIn):
    """A session to log as a face sends it, the walker named apart (by the path, the terminal)."""

    seq: Seq | None = None  # the planned session meant; None: whichever is pending
    samples: tuple[SampleIn, ...] = ()
    confirm: bool = False  # the walker confirmed values or a same-day log asked about

    @field_validator("samples")
    @classmethod
    def _samples_in_order(cls, samples: tuple[SampleIn, ...]) -> tuple[SampleIn, ...]:
        seconds = [s.second for s in samples]
        if any(later <= earlier for earlier, later in pairwise(seconds)):
            raise ValueError("samples must come one per second, in increasing order")
        return samples

    def for_walker(self, walker_id: int) -> LogIn:
        """The command for `walker_id`. Every field was validated when this body was read, and
        a walker id comes from the caller's own lookup, so nothing is validated twice."""
        values = dict(self) | {"walker_id": walker_id}
        return LogIn.model_construct(self.model_fields_set | {"walker_id"}, **values)


class LogIn(LogBody):
    walker_id: int


@dataclass(frozen=True, slots=True)
class Logged:
    log: SessionLog
    session: StoredPlannedSession
    next_session: StoredPlannedSession


def log_command(**fields: Any) -> LogIn:
    return read_command(LogIn, fields)


def log_session(
    command: LogIn, uow: UnitOfWork, clock: Clock, mph_verdict: MphVerdict | None = None
) -> Logged:
    """Log `command`; a treadmill's `mph_verdict` found on the walk is kept in the same
    transaction, so a log that fails keeps neither."""
    with uow:
        logged = log_within(command, uow, clock, mph_verdict)
        uow.commit()
    return logged


def log_within(
    command: LogIn, uow: UnitOfWork, clock: Clock, mph_verdict: MphVerdict | None = None
) -> Logged:
    """Log `command` in a unit of work already open, which the caller commits (or rolls back):
    an import logs several sessions in one transaction this way. Every refusal comes before
    the first write, so a refused log leaves the open unit of work as it was."""
    today = clock.today()
    on = command.date or today
    walker = require_walker(uow, command.walker_id, lock=True)
    pending = require_plan(uow, walker)
    check_seq(command.seq, pending.seq)
    earlier = _check_date(uow, pending, on, today)
    if on < walker.screened_on:
        raise InputError(
            "date",
            on.isoformat(),
            f"give a date on or after {walker.screened_on}, when the plan began",
        )
    if command.pain_next_morning is not None and on >= today:
        raise InputError(
            "pain_next_morning",
            command.pain_next_morning,
            f"the morning after {on.isoformat()} has not come yet; add it then",
        )
    p = programme_of(walker)
    decision = pending.decision if on == pending.on else decide(p, pending.state_before, on)
    session = replace(pending, on=on, decision=decision)
    _check_plausible(command, session, walker.equipment, earlier, p.protocol.plausible)
    if session != pending:
        uow.sessions.update_planned(session)
    entry = command.entry(next_morning_on=today)
    after = record(p, session.state_before, decision, entry.outcome, on)
    log = uow.sessions.add_log(session, entry, after, clock.now())
    uow.sessions.add_samples(log.id, samples_of(command.samples))
    if mph_verdict is not None:
        keep_mph_verdict(uow, walker, mph_verdict)
    next_on = next_date(walker, p, on)
    following = uow.sessions.add_planned(
        walker.id,
        session.seq + 1,
        next_on,
        walker.equipment_id,
        decide(p, after, next_on),
        after,
    )
    raise_flags(uow, walker, p, on, following.decision, clock.now())
    return Logged(log, session, following)


def check_seq(seq: int | None, pending: int) -> None:
    """`seq`, the planned session a request means, against the one still to log (`pending`):
    an earlier one is logged already (ConflictError), a later one is not planned yet
    (InputError). None names no session, and any pending one is meant."""
    if seq is None or seq == pending:
        return
    now = f"the session to log now is number {pending}"
    if seq < pending:
        raise ConflictError("seq", seq, f"session {seq} is logged already; {now}")
    raise InputError("seq", seq, f"session {seq} is not planned yet; {now}")


def pending_seq(walker_id: int, uow: UnitOfWork) -> int | None:
    """The number of the planned session still to log (None: no plan yet), for a form to carry
    as the session it logs, so that a second submit of it logs nothing."""
    with uow.reading():
        pending = uow.sessions.latest_planned(walker_id)
    return None if pending is None else pending.seq


def _check_plausible(
    command: LogIn,
    session: StoredPlannedSession,
    equipment: Equipment,
    earlier: SessionLog | None,
    rules: PlausibleRules,
) -> None:
    if command.source in MEASURED:
        return
    doubts = value_doubts(command, session.decision.dose, equipment, rules)
    if command.done and not session.decision.walk:
        doubts.insert(0, walked_when_stopped_doubt(session.decision.reasons))
    if earlier is not None and earlier.on == session.on:
        doubts.append(same_day_doubt(earlier))
    refuse_unconfirmed(doubts, command.confirm)


def _check_date(
    uow: UnitOfWork, pending: StoredPlannedSession, on: date, today: date
) -> SessionLog | None:
    """Refuse a date in the future or before the last log; returns that last log, if any."""
    if on > today:
        raise InputError("date", on.isoformat(), f"give a date not after today ({today})")
    previous = uow.sessions.last_live_log(pending.walker_id, pending.seq)
    if previous is not None and on < previous.on:
        raise InputError(
            "date",
            on.isoformat(),
            f"give a date on or after {previous.on}, the last logged session",
        )
    return previous
