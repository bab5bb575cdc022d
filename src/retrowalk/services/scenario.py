"""The scenario file of `retrowalk simulate` (PRODUCT.md, the simulation contract), read at the
boundary with pydantic and turned into domain values.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from retrowalk.domain.equipment import (
    Deadmill,
    Equipment,
    Grid,
    ManualTreadmill,
    MotorizedTreadmill,
    Outdoor,
    Sled,
)
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import ScriptedSession
from retrowalk.domain.units import Speed, SpeedUnit, UnitSystem
from retrowalk.domain.walker import (
    Condition,
    Severity,
    Surgery,
    SurgeryKind,
    WalkerLimits,
    WalkerProfile,
)
from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.validation import first_input_error

Pain = Annotated[int, Field(ge=0, le=10)]
# A walker's own numbers, shared by onboarding and a change of profile (services/profile_change).
Age = Annotated[int, Field(ge=5, le=110)]
WeightKg = Annotated[float, Field(ge=20, le=350)]
Falls = Annotated[int, Field(ge=0, le=100)]
SessionsPerWeek = Annotated[int, Field(ge=1, le=7)]
SHORTEST_MINUTES = 0.01  # the hundredth of a minute the live coach records to


def _zero_or_measurable(minutes: float) -> float:
    if 0 < minutes < SHORTEST_MINUTES:
        raise ValueError(f"give 0 (stopped before the first step) or at least {SHORTEST_MINUTES}")
    return minutes


# Minutes walked: 0, or a hundredth of a minute up to five hours; less measures nothing.
MinutesDone = Annotated[float, Field(ge=0, le=300), AfterValidator(_zero_or_measurable)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SurgeryIn(_Strict):
    kind: SurgeryKind
    date: CalendarDate


class LimitsIn(_Strict):
    max_speed_mph: float | None = Field(default=None, gt=0, lt=3.5)
    max_speed_kmh: float | None = Field(default=None, gt=0, lt=5.6)
    max_incline_percent: float | None = Field(default=None, ge=0, le=40)
    target_minutes: int | None = Field(default=None, ge=1, le=120)
    hands_free_allowed: bool = True

    @model_validator(mode="after")
    def _one_speed_unit(self) -> LimitsIn:
        if self.max_speed_mph is not None and self.max_speed_kmh is not None:
            raise ValueError("give max_speed_mph or max_speed_kmh, not both")
        return self


class WalkerIn(_Strict):
    age: Age
    weight_kg: WeightKg | None = None
    units: UnitSystem = UnitSystem.IMPERIAL
    condition: Condition
    severity: Severity = Severity.MODERATE
    surgery: SurgeryIn | None = Field(default=None, validate_default=True)
    cleared_by_clinician: bool = False
    rest_pain: Pain = 0
    falls_last_year: Falls = 0
    balance_concern: bool = False
    experienced: bool = False
    dizziness: bool = False
    swelling: bool = False
    locking: bool = False
    giving_way: bool = False
    limits: LimitsIn | None = None

    @field_validator("surgery")
    @classmethod
    def _dated_after_an_operation(cls, surgery: SurgeryIn | None, info: ValidationInfo) -> Any:
        """After knee surgery the operation's date decides the rules: it may not be left out."""
        condition = info.data.get("condition")
        if surgery is None and isinstance(condition, Condition) and condition.is_post_surgery:
            raise ValueError(
                f"the condition {condition.value} needs the operation: give its kind and date "
                "(the date decides which rules apply)"
            )
        return surgery


class MotorizedIn(_Strict):
    kind: Literal["motorized_treadmill"]
    min_speed_mph: float | None = Field(default=None, gt=0, le=25)
    max_speed_mph: float | None = Field(default=None, gt=0, le=25)
    speed_step_mph: float | None = Field(default=None, gt=0, le=5)
    min_speed_kmh: float | None = Field(default=None, gt=0, le=40)
    max_speed_kmh: float | None = Field(default=None, gt=0, le=40)
    speed_step_kmh: float | None = Field(default=None, gt=0, le=8)
    max_incline_percent: float = Field(default=0, ge=0, le=40)
    incline_step_percent: float = Field(default=0.5, gt=0, le=10)
    handrails: bool
    safety_clip: bool

    @model_validator(mode="after")
    def _one_complete_speed_range(self) -> MotorizedIn:
        unit = self.speed_unit
        low, high, step = self.speed_range
        if low is None or high is None or step is None:
            suffix = unit.value
            raise ValueError(
                f"give min_speed_{suffix}, max_speed_{suffix} and speed_step_{suffix} together"
            )
        if low >= high:
            raise ValueError(f"min_speed_{unit} ({low}) must be below max_speed_{unit} ({high})")
        if step > high - low:
            raise ValueError(f"speed_step_{unit} ({step}) is larger than the whole speed range")
        return self

    @property
    def speed_unit(self) -> SpeedUnit:
        metric = (self.min_speed_kmh, self.max_speed_kmh, self.speed_step_kmh)
        imperial = (self.min_speed_mph, self.max_speed_mph, self.speed_step_mph)
        if any(v is not None for v in metric) and any(v is not None for v in imperial):
            raise ValueError("give the speed range in mph or in km/h, not both")
        return SpeedUnit.KMH if any(v is not None for v in metric) else SpeedUnit.MPH

    @property
    def speed_range(self) -> tuple[float | None, float | None, float | None]:
        if self.speed_unit is SpeedUnit.KMH:
            return self.min_speed_kmh, self.max_speed_kmh, self.speed_step_kmh
        return self.min_speed_mph, self.max_speed_mph, self.speed_step_mph


class DeadmillIn(_Strict):
    kind: Literal["deadmill"]
    handrails: bool


class ManualIn(_Strict):
    kind: Literal["manual_treadmill"]
    incline_degrees: float = Field(default=0, ge=0, le=20)
    resistance_levels: int = Field(default=1, ge=1, le=50)
    handrails: bool


class SledIn(_Strict):
    kind: Literal["sled"]
    start_load_kg: float | None = Field(default=None, ge=0, le=200)
    max_load_kg: float | None = Field(default=None, gt=0, le=200)

    @model_validator(mode="after")
    def _start_within_max(self) -> SledIn:
        start, most = self.start_load_kg, self.max_load_kg
        if start is not None and most is not None and start > most:
            raise ValueError(f"start_load_kg ({start}) must not exceed max_load_kg ({most})")
        return self


class OutdoorIn(_Strict):
    kind: Literal["outdoor"]
    spotter: bool = False


EquipmentIn = Annotated[
    MotorizedIn | DeadmillIn | ManualIn | SledIn | OutdoorIn, Field(discriminator="kind")
]


class OutcomeIn(_Strict):
    done: bool = True
    minutes_done: MinutesDone | None = None
    # None: the walker did not answer (unknown, never 0 or "no"; PROTOCOL.md §11).
    pain_during: Pain | None = 0
    pain_after: Pain | None = None
    pain_next_morning: Pain = 0
    rpe: int | None = Field(default=4, ge=0, le=10)
    sharp_pain: bool | None = False
    stable_without_hands: bool = False
    form_ok: bool | None = True
    swelling: bool | None = False
    locking: bool | None = False
    giving_way: bool | None = False
    # Lax on purpose: the `outcomes` list is re-validated from parsed JSON, where a date is text.
    date: CalendarDate | None = None
    cleared_by_clinician: bool = False


class ScenarioIn(_Strict):
    walker: WalkerIn
    equipment: EquipmentIn
    start: CalendarDate
    sessions_per_week: SessionsPerWeek | None = None
    weeks: int = Field(default=12, ge=1, le=156)
    outcomes: list[OutcomeIn] | None = None

    @field_validator("outcomes", mode="before")
    @classmethod
    def _as_prescribed(cls, value: Any) -> Any:
        if value == "as_prescribed":
            return None
        if isinstance(value, str):
            raise ValueError('it should be "as_prescribed" or a list of outcome objects')
        return value

    @model_validator(mode="after")
    def _surgery_before_start(self) -> ScenarioIn:
        surgery = self.walker.surgery
        if surgery is not None and surgery.date > self.start:
            raise ValueError(
                f"walker.surgery.date {surgery.date} is after the plan's start {self.start}; "
                "give the date of an operation that has happened"
            )
        return self


def parse_scenario(text: str) -> ScenarioIn:
    try:
        return ScenarioIn.model_validate_json(text)
    except ValidationError as error:
        raise first_input_error(error) from None


def walker_profile(walker: WalkerIn) -> WalkerProfile:
    fields = walker.model_dump(exclude={"surgery", "limits"})
    surgery = None if walker.surgery is None else Surgery(walker.surgery.kind, walker.surgery.date)
    return WalkerProfile(**fields, surgery=surgery, limits=_limits(walker.limits))


def _limits(limits: LimitsIn | None) -> WalkerLimits:
    if limits is None:
        return WalkerLimits()
    speed = None
    if limits.max_speed_mph is not None:
        speed = Speed.mph(limits.max_speed_mph)
    elif limits.max_speed_kmh is not None:
        speed = Speed.kmh(limits.max_speed_kmh)
    return WalkerLimits(
        speed, limits.max_incline_percent, limits.target_minutes, limits.hands_free_allowed
    )


def equipment_of(equipment: MotorizedIn | DeadmillIn | ManualIn | SledIn | OutdoorIn) -> Equipment:
    if isinstance(equipment, MotorizedIn):
        low, high, step = equipment.speed_range
        assert low is not None and high is not None and step is not None  # checked by the model
        incline_step = min(equipment.incline_step_percent, equipment.max_incline_percent or 1.0)
        return MotorizedTreadmill(
            speed_unit=equipment.speed_unit,
            speed_grid=Grid(low, high, step),
            incline_grid=Grid(0.0, equipment.max_incline_percent, incline_step),
            handrails=equipment.handrails,
            safety_clip=equipment.safety_clip,
        )
    if isinstance(equipment, DeadmillIn):
        return Deadmill(equipment.handrails)
    if isinstance(equipment, ManualIn):
        return ManualTreadmill(
            equipment.incline_degrees, equipment.resistance_levels, equipment.handrails
        )
    if isinstance(equipment, SledIn):
        return Sled(equipment.start_load_kg, equipment.max_load_kg)
    return Outdoor(equipment.spotter)


def scripted_sessions(outcomes: list[OutcomeIn] | None) -> list[ScriptedSession]:
    if outcomes is None:
        return []
    return [
        ScriptedSession(
            SessionOutcome(**entry.model_dump(exclude={"date", "cleared_by_clinician"})),
            entry.date,
            entry.cleared_by_clinician,
        )
        for entry in outcomes
    ]
