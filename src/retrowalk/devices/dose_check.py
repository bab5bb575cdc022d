"""Before anyone walks: can this treadmill give today's dose? A treadmill whose slowest speed is
above the dose, or whose top incline is below it, is named with the nearest dose it allows, and
the session does not start. The dose is never changed silently.
"""

from __future__ import annotations

from collections.abc import Iterable

from retrowalk.devices.ftms_client import Capabilities
from retrowalk.devices.safety import Ceiling
from retrowalk.domain.errors import SafetyLimitError
from retrowalk.domain.units import Speed, SpeedUnit, format_number


def check_dose(
    capabilities: Capabilities,
    ceiling: Ceiling | None,
    speeds: Iterable[Speed],
    incline_percent: float,
    unit: SpeedUnit,
) -> None:
    name, machine = capabilities.name, capabilities.speeds
    if machine is not None:
        slowest = Speed.kmh(machine.minimum_kmh)
        half_step = machine.increment_kmh / 2
        for speed in speeds:
            if speed.in_unit(SpeedUnit.KMH) < machine.minimum_kmh - half_step:
                raise SafetyLimitError(
                    f"{name}'s slowest speed is {slowest.describe(unit)}, above today's "
                    f"{speed.describe(unit)}: the nearest dose it allows is "
                    f"{slowest.describe(unit)}. Nothing was changed; ask your clinician about "
                    "that dose, or walk on another treadmill."
                )
        if ceiling is not None and ceiling.kmh < machine.minimum_kmh:
            raise SafetyLimitError(
                f"{name}'s slowest speed is {slowest.describe(unit)}, above {ceiling.set_by} "
                f"({Speed.kmh(ceiling.kmh).describe(unit)}): no speed on it is allowed today."
            )
    inclines = capabilities.inclines
    if incline_percent > 0 and (inclines is None or inclines.maximum_percent < incline_percent):
        highest = 0.0 if inclines is None else inclines.maximum_percent
        raise SafetyLimitError(
            f"{name} tilts up to {format_number(highest)} %, below today's "
            f"{format_number(incline_percent)} %: the nearest dose it allows is "
            f"{format_number(highest)} %. Nothing was changed; ask your clinician about that dose."
        )
