"""What a clinician should look at after a logged session: the flags on the clinician's desk.

Computed from the session just logged, the walker's recent sessions and the decisions they led
to, with the protocol's own numbers where it has them (PROTOCOL.md §6, §11: the pain limit, the
weekly pain trend, two regressions, stop and refer) and the constants below where it has none
(docs/decisions.md, "The clinician's desk"). An answer not given is unknown: it neither raises
a flag nor counts as a pain of 0 that would hide one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise
from statistics import median

from retrowalk.domain.engine_state import Decision, DecisionKind
from retrowalk.domain.outcome import SessionOutcome, week_number
from retrowalk.domain.protocol import Protocol
from retrowalk.domain.schedule import planned_days

# A pain spike: a session's worst pain at least this many points above the walker's recent
# typical (the median of their last known session pains) ...
PAIN_SPIKE_RISE = 3
# ... taken over this many earlier sessions with a known pain.
PAIN_SPIKE_LOOKBACK = 4
# Missed sessions: sessions walked fewer than planned over this many days up to the session.
MISSED_WINDOW_DAYS = 14
# A flag about a stretch of time (rising pain, missed sessions) is not raised again within this
# many days of the last one of its kind, so one bad fortnight is one flag, not one a session.
QUIET_DAYS = {"pain_rising": 7, "missed_sessions": MISSED_WINDOW_DAYS}


class FlagKind(StrEnum):
    PAIN_SPIKE = "pain_spike"
    PAIN_RISING = "pain_rising"
    SHARP_PAIN = "sharp_pain"
    REGRESSIONS = "regressions"
    MISSED_SESSIONS = "missed_sessions"
    RED_FLAG = "red_flag"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True, slots=True)
class SessionSeen:
    """A logged session as the flags read it, and the decision it led to (None: not yet)."""

    log_id: int
    on: date
    outcome: SessionOutcome
    led_to: Decision | None


@dataclass(frozen=True, slots=True)
class ClinicFlag:
    kind: FlagKind
    on: date
    log_id: int
    text: str


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """What the missed-sessions flag compares with: the plan's schedule."""

    start: date
    sessions_per_week: int
    rest_day_weeks: int


def flags_after(
    sessions: Sequence[SessionSeen],
    protocol: Protocol,
    plan: PlanFacts,
    last_raised: dict[FlagKind, date],
) -> tuple[ClinicFlag, ...]:
    """The flags the latest of `sessions` (oldest first, the recent ones) raises. `last_raised`
    is the day each kind was last raised for this walker (for the quiet days)."""
    if not sessions:
        return ()
    latest = sessions[-1]
    found = [
        _pain_spike(sessions, protocol.pain.acceptable_max),
        _pain_rising(sessions, protocol),
        _sharp_pain(latest),
        _regressions(sessions),
        _missed(sessions, plan),
        _red_flag(latest),
    ]
    return tuple(flag for flag in found if flag is not None and not _quiet(flag, last_raised))


def _quiet(flag: ClinicFlag, last_raised: dict[FlagKind, date]) -> bool:
    days = QUIET_DAYS.get(flag.kind.value)
    last = last_raised.get(flag.kind)
    return days is not None and last is not None and (flag.on - last).days < days


def _flag(kind: FlagKind, session: SessionSeen, text: str) -> ClinicFlag:
    return ClinicFlag(kind, session.on, session.log_id, text)


def _pain_spike(sessions: Sequence[SessionSeen], limit: int) -> ClinicFlag | None:
    latest = sessions[-1]
    pain = latest.outcome.peak_pain
    if pain is None:
        return None
    known = [p for s in sessions[:-1] if (p := s.outcome.peak_pain) is not None]
    earlier = known[-PAIN_SPIKE_LOOKBACK:]
    typical = median(earlier) if earlier else None
    if typical is not None and pain >= typical + PAIN_SPIKE_RISE:
        return _flag(
            FlagKind.PAIN_SPIKE,
            latest,
            f"Pain {pain}/10, up from a typical {typical:g}/10 over the sessions before.",
        )
    if pain > limit:
        return _flag(FlagKind.PAIN_SPIKE, latest, f"Pain {pain}/10, above the limit of {limit}/10.")
    return None


def weekly_pain(sessions: Sequence[SessionSeen]) -> list[tuple[int, float]]:
    """(week number, mean of the known worst pains) for each week with a known pain."""
    weeks: dict[int, list[int]] = {}
    for session in sessions:
        pain = session.outcome.peak_pain
        if pain is not None:
            weeks.setdefault(week_number(session.on), []).append(pain)
    return [(week, sum(pains) / len(pains)) for week, pains in sorted(weeks.items())]


def _pain_rising(sessions: Sequence[SessionSeen], protocol: Protocol) -> ClinicFlag | None:
    """Weekly mean pain rising by at least the protocol's step for its number of weeks in a
    row, over consecutive closed weeks (the latest session's own week is still open)."""
    latest = sessions[-1]
    rules = protocol.pain
    closed = [(w, m) for w, m in weekly_pain(sessions) if w < week_number(latest.on)]
    run = closed[-(rules.rising_weeks + 1) :]
    if len(run) < rules.rising_weeks + 1 or run[-1][0] != week_number(latest.on) - 1:
        return None
    consecutive = all(b[0] - a[0] == 1 for a, b in pairwise(run))
    rising = all(b[1] - a[1] >= rules.rising_min_increase for a, b in pairwise(run))
    if not (consecutive and rising):
        return None
    means = " → ".join(f"{m:.1f}" for _, m in run)
    return _flag(FlagKind.PAIN_RISING, latest, f"Weekly average pain rising: {means} out of 10.")


def _sharp_pain(latest: SessionSeen) -> ClinicFlag | None:
    if latest.outcome.sharp_pain is not True:
        return None
    return _flag(FlagKind.SHARP_PAIN, latest, "Sharp pain reported during the walk.")


def _stepped_down(decision: Decision | None) -> bool:
    return decision is not None and (decision.stepped_down or decision.kind is DecisionKind.REGRESS)


def _regressions(sessions: Sequence[SessionSeen]) -> ClinicFlag | None:
    if len(sessions) < 2 or not all(_stepped_down(s.led_to) for s in sessions[-2:]):
        return None
    latest = sessions[-1]
    return _flag(
        FlagKind.REGRESSIONS, latest, "The dose stepped down after each of the last two sessions."
    )


def _missed(sessions: Sequence[SessionSeen], plan: PlanFacts) -> ClinicFlag | None:
    latest = sessions[-1]
    first = max(plan.start, latest.on - timedelta(days=MISSED_WINDOW_DAYS - 1))
    planned = planned_days(
        plan.start, plan.sessions_per_week, plan.rest_day_weeks, first, latest.on
    )
    done = sum(1 for s in sessions if first <= s.on <= latest.on and s.outcome.done)
    if done >= len(planned):
        return None
    return _flag(
        FlagKind.MISSED_SESSIONS,
        latest,
        f"{done} of {len(planned)} planned sessions walked in the {MISSED_WINDOW_DAYS} days "
        f"to {latest.on.isoformat()}.",
    )


def _red_flag(latest: SessionSeen) -> ClinicFlag | None:
    outcome = latest.outcome
    said = [
        name
        for name, answer in (
            ("swelling", outcome.swelling),
            ("locking", outcome.locking),
            ("giving way", outcome.giving_way),
        )
        if answer is True
    ]
    stopped = latest.led_to is not None and not latest.led_to.walk
    if not said and not stopped:
        return None
    parts = [f"Reported {', '.join(said)}." if said else ""]
    if stopped and latest.led_to is not None:
        parts.append(
            "Walking stopped until a clinician has looked: " + " ".join(latest.led_to.reasons)
        )
    return _flag(FlagKind.RED_FLAG, latest, " ".join(p for p in parts if p))
