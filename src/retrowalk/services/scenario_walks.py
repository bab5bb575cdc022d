"""Today's walk from a scenario file, until storage is wired in: one session of the plan that
`retrowalk simulate` would print, and the engine's next decision once it has been walked."""

from __future__ import annotations

from retrowalk.coach.completed import CompletedSession
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.cues import Cue, say
from retrowalk.domain.equipment import Deadmill, ManualTreadmill, MotorizedTreadmill
from retrowalk.domain.errors import InputError, SafetyLimitError
from retrowalk.domain.plan import PlannedSession
from retrowalk.domain.programme import Programme, build_programme
from retrowalk.protocols import load_modality, protocol_for_walker
from retrowalk.services.scenario import OutcomeIn, ScenarioIn, equipment_of, walker_profile
from retrowalk.services.simulate import Simulation, simulate

_TREADMILLS = (MotorizedTreadmill, Deadmill, ManualTreadmill)


class ScenarioWalks:
    """Session `index` (0 is the first) of a scenario's plan."""

    def __init__(self, scenario: ScenarioIn, index: int = 0) -> None:
        self._scenario, self._index = scenario, index
        simulation = simulate(scenario)
        preview = simulation.preview
        if not preview.screening.cleared_to_start:
            raise SafetyLimitError(f"no plan to walk: {simulation.red_flag_message}")
        sessions = preview.sessions
        if not 0 <= index < len(sessions):
            raise InputError("session", index, f"the plan has sessions 0 to {len(sessions) - 1}")
        self._session = sessions[index]
        if not self._session.decision.walk:
            raise SafetyLimitError(f"session {index} is not for walking: {_reasons(self._session)}")
        self._previous = next(
            (s for s in reversed(sessions[:index]) if s.decision.walk and not s.missed), None
        )
        self._programme = _programme(scenario, simulation)
        self._units = simulation.units

    def todays_walk(self) -> TodaysWalk:
        session, p = self._session, self._programme
        dose = session.decision.dose
        treadmill = p.equipment if isinstance(p.equipment, MotorizedTreadmill) else None
        ceiling = p.speed_cap if dose.incline_percent > 0 else p.speed_ceiling
        previous = self._previous.decision.dose.speed if self._previous else None
        return TodaysWalk(
            dose=dose,
            sets=session.sets,
            rest_minutes=session.rest_minutes,
            unit=self._units.speed_unit,
            previous_speed=previous,
            treadmill=treadmill,
            speed_ceiling=ceiling if treadmill is not None else None,
            label=f"plan session {self._index}, {session.on.isoformat()}",
        )

    def next_decision(self, completed: CompletedSession) -> str:
        """The plan's next session after this walk, decided by the engine from its outcome."""
        walked = OutcomeIn(**completed.walked_answers())
        given = list(self._scenario.outcomes or [])[: self._index]
        before = given + [OutcomeIn()] * (self._index - len(given))
        replay = self._scenario.model_copy(
            update={"outcomes": [*before, walked], "weeks": self._scenario.weeks + 1}
        )
        following = simulate(replay).preview.sessions[self._index + 1]
        return say(
            Cue.NEXT_SESSION, date=following.on.isoformat(), reasons=_reasons(following)
        ).text


def _reasons(session: PlannedSession) -> str:
    return " ".join(session.decision.reasons)


def _programme(scenario: ScenarioIn, simulation: Simulation) -> Programme:
    walker = walker_profile(scenario.walker)
    equipment = equipment_of(scenario.equipment)
    if not isinstance(equipment, _TREADMILLS):
        allowed = "the live coach runs on a treadmill for now (motorized, deadmill or manual)"
        raise InputError("equipment.kind", equipment.kind.value, allowed)
    protocol = protocol_for_walker(walker, scenario.start)
    modality = load_modality(equipment.kind)
    return build_programme(walker, equipment, protocol, modality, simulation.preview.screening)
