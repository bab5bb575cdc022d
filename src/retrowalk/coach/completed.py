"""A completed session: the plan, what the runner saw and what the walker said, ready to log."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from retrowalk.coach.checkin import CheckIn
from retrowalk.coach.record import WalkRecord
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.treadmill_record import DeviceTrace
from retrowalk.domain.units import Speed, SpeedUnit

# The outcome's answers a check-in gives, and with them what a live walk knows of its outcome
# (pain after the walk and the next morning are asked later).
CHECK_IN_ANSWERS = (
    "pain_during",
    "rpe",
    "sharp_pain",
    "stable_without_hands",
    "form_ok",
    "swelling",
    "locking",
    "giving_way",
)
WALKED_ANSWERS = ("done", "minutes_done", *CHECK_IN_ANSWERS)


@dataclass(frozen=True, slots=True)
class CompletedSession:
    walk: TodaysWalk
    record: WalkRecord
    check_in: CheckIn
    trace: DeviceTrace | None = None

    @property
    def outcome(self) -> SessionOutcome:
        """The engine's view. A walk stopped before the first step still counts as done when
        sharp pain or a knee symptom was reported, so it is not lost as a missed session."""
        answers = self.check_in
        knee = True in (answers.swelling, answers.locking, answers.giving_way)
        return SessionOutcome(
            done=self.record.walked_seconds > 0 or answers.sharp_pain is True or knee,
            minutes_done=self.record.minutes_walked,
            **{name: getattr(answers, name) for name in CHECK_IN_ANSWERS},
        )

    def walked_answers(self) -> dict[str, Any]:
        """The outcome as a live walk knows it, by field name."""
        outcome = self.outcome
        return {name: getattr(outcome, name) for name in WALKED_ANSWERS}

    def log_entry(self) -> dict[str, Any]:
        """The fields of the services' session log (`EntryIn`), with `source` live."""
        speed = self.record.main_speed
        mph = speed.value if speed is not None and speed.unit is SpeedUnit.MPH else None
        kmh = speed.value if speed is not None and speed.unit is SpeedUnit.KMH else None
        reason = self.check_in.stop_reason
        return {
            **self.walked_answers(),
            "hands_used": self.check_in.hands_used.value,
            "speed_done_mph": mph,
            "speed_done_kmh": kmh,
            "incline_done_percent": self.walk.dose.incline_percent,
            "notes": self._notes(),
            "source": "live" if self.trace is None else "device",
            "stop_reason": None if reason is None else reason.value,
            "samples": [] if self.trace is None else [asdict(s) for s in self.trace.samples],
        }

    def _notes(self) -> str:
        """The walker's notes, then what the record adds: the stops the walk went on from, and
        why a treadmill's record is partial."""
        said = [self.check_in.notes]
        for stop in self.record.went_on:
            said.append(f"Went on after a STOP at {_clock(stop.at)} ({stop.reason.describe()}).")
        partial = self.trace.partial_reasons if self.trace is not None else ()
        if partial:
            said.append(f"Partial session: {'; '.join(partial)}.")
        return "\n".join(said).strip()

    def to_json(self) -> dict[str, Any]:
        record, walk = self.record, self.walk
        return {
            "planned": _planned(walk),
            "minutes_walked": record.minutes_walked,
            "sets_walked": list(record.sets_walked),
            "completed": not record.stopped_early,
            "stopped_early": record.stopped_early,
            "stopped_at_seconds": round(record.ended_at, 1) if record.stopped_early else None,
            "speed_changes": [
                {
                    "at_seconds": round(c.at, 1),
                    "from": _speed(c.old),
                    "to": _speed(c.new),
                    "by": c.by.value,
                }
                for c in record.speed_changes
            ],
            "pauses": [
                {"at_seconds": round(p.at, 1), "seconds": round(p.seconds, 1)}
                for p in record.pauses
            ],
            "went_on": [
                {"at_seconds": round(w.at, 1), "reason": w.reason.value} for w in record.went_on
            ],
            "check_in": _answers(self.check_in),
            "log_entry": self.log_entry(),
        }


def _answers(check_in: CheckIn) -> dict[str, Any]:
    reason = check_in.stop_reason
    return {
        **asdict(check_in),
        "hands_used": check_in.hands_used.value,
        "stop_reason": None if reason is None else reason.value,
    }


def _clock(seconds: float) -> str:
    """Session time as m:ss."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _planned(walk: TodaysWalk) -> dict[str, Any]:
    dose = walk.dose
    return {
        "label": walk.label,
        "minutes": dose.minutes,
        "sets": list(walk.sets),
        "rest_minutes": walk.rest_minutes,
        "speed": _speed(dose.speed),
        "previous_speed": _speed(walk.previous_speed),
        "incline_percent": dose.incline_percent,
        "hand_support": dose.hands.value,
    }


def _speed(speed: Speed | None) -> dict[str, float] | None:
    if speed is None:
        return None
    return {
        "mph": round(speed.in_unit(SpeedUnit.MPH), 2),
        "kmh": round(speed.in_unit(SpeedUnit.KMH), 2),
    }
