"""Today's card, worked out from the database (the slow half of `retrowalk today`): the session
ahead with its dose in the units shown, sets, energy, why this dose, the set-up checklist and
the form cues the coach will give. Plain data, so it can be printed as JSON or kept in cache."""

from __future__ import annotations

from datetime import date
from typing import Any

from retrowalk.cli.views import flags_json
from retrowalk.cli.wiring import opened, shown_units
from retrowalk.coach.schedule import build_timeline
from retrowalk.coach.timeline import EventKind
from retrowalk.domain.cues import form_cues, say
from retrowalk.domain.units import UnitSystem
from retrowalk.services.live_walk import on_a_treadmill, walk_for
from retrowalk.services.local_walker import local_walker
from retrowalk.services.morning import MorningQuestion, morning_question
from retrowalk.services.public_sessions import TodayPublic
from retrowalk.services.records import StoredWalker
from retrowalk.services.today import SessionAhead, Today, today_session
from retrowalk.settings import Settings


def fresh_card(settings: Settings) -> dict[str, Any]:
    """The card, read from the database now; `walker_id` is None before onboarding."""
    with opened() as wiring:
        walker = local_walker(wiring.uow())
        if walker is None:
            return {"walker_id": None, "today": wiring.clock.today().isoformat()}
        morning = morning_question(walker.id, wiring.uow(), wiring.clock)
        today = today_session(walker.id, wiring.uow(), wiring.clock)
        shown = card(walker, today, shown_units(settings, walker), wiring.clock.today())
        return shown | {"morning": _morning(morning, wiring.clock.today())}


def card(walker: StoredWalker, today: Today, units: UnitSystem, on: date) -> dict[str, Any]:
    """The API's today (walker_id, session, red_flags) and what the terminal adds: the day, the
    units shown, every flag, the set-up checklist and the form cues."""
    ahead = today.session
    checklist, cues = ([], []) if ahead is None else _coaching(walker, ahead, units)
    return TodayPublic.of(today).model_dump(mode="json") | {
        "today": on.isoformat(),
        "units": units.value,
        "flags": flags_json(walker.flags),
        "checklist": checklist,
        "cues": cues,
    }


def _morning(morning: MorningQuestion | None, today: date) -> dict[str, Any] | None:
    """The morning question, asked before the card (None: nothing to ask)."""
    if morning is None:
        return None
    return {
        "log_id": morning.log_id,
        "session_date": morning.on.isoformat(),
        "question": morning.question(today).text,
        "answer_with": "retrowalk log morning PAIN",
    }


def _coaching(
    walker: StoredWalker, ahead: SessionAhead, units: UnitSystem
) -> tuple[list[str], list[str]]:
    """The set-up checklist and the form cues the live coach gives (none off a treadmill)."""
    decision = ahead.decision
    if not decision.walk or not on_a_treadmill(walker):
        return [], []
    walk = walk_for(walker, ahead, None, units.speed_unit)
    checklist = next(e for e in build_timeline(walk).events if e.kind is EventKind.CHECKLIST)
    slope = decision.dose.incline_percent > 0
    cues = [say(cue).text for cue in form_cues(decision.dose.hands, slope)]
    return [item.text for item in checklist.details], cues
