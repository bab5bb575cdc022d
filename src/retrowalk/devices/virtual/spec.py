"""What the virtual treadmill is like: its ranges and motors, and the faults it is told to show.

The faults are the ones real FTMS treadmills show (DEVICES.md 2.4): refused control, speed
commands ignored, the speed parameter read as mph, Start accepted only from the console. A
dropped link and a pulled safety key are things that happen during a walk, so they are actions
on the treadmill (`drop_link`, `pull_safety_key`), not settings here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from retrowalk.devices.ftms_features import InclinationRange, SpeedRange
from retrowalk.domain.equipment import MotorizedTreadmill
from retrowalk.domain.units import SpeedUnit


@dataclass(frozen=True, slots=True)
class Faults:
    refuse_control: bool = False
    ignore_speed_commands: bool = False
    mph_for_kmh: bool = False
    start_from_console_only: bool = False


# A common home treadmill: 0.5-12 km/h in tenths, 0-15 % in half percents.
DEFAULT_SPEEDS = SpeedRange(0.5, 12.0, 0.1)
DEFAULT_INCLINES = InclinationRange(0.0, 15.0, 0.5)


@dataclass(frozen=True, slots=True)
class VirtualSpec:
    """Ranges in FTMS units (km/h, %); motor rates per second. Counters reset when the belt
    starts again after a stop, as many consoles do (the app keeps its own totals)."""

    speeds: SpeedRange = DEFAULT_SPEEDS
    inclines: InclinationRange = DEFAULT_INCLINES
    acceleration_kmh_per_s: float = 0.5
    incline_percent_per_s: float = 0.5
    faults: Faults = field(default_factory=Faults)
    name: str = "retrowalk virtual treadmill"
    address: str = "VIRTUAL-TREADMILL"

    @classmethod
    def like(cls, treadmill: MotorizedTreadmill, faults: Faults | None = None) -> VirtualSpec:
        """A virtual treadmill with the ranges of a walker's own, as FTMS would report them: in
        km/h, or in mph numbers on a treadmill with the mph quirk (its firmware works in mph)."""
        faults = faults or Faults()
        speeds, inclines = treadmill.speed_grid, treadmill.incline_grid
        unit = SpeedUnit.MPH if faults.mph_for_kmh else SpeedUnit.KMH
        per_unit = treadmill.speed_unit.metres_per_second / unit.metres_per_second
        return cls(
            speeds=SpeedRange(
                round(speeds.minimum * per_unit, 2),
                round(speeds.highest * per_unit, 2),
                max(0.01, round(speeds.step * per_unit, 2)),
            ),
            inclines=InclinationRange(
                round(inclines.minimum, 1), round(inclines.highest, 1), round(inclines.step, 1)
            ),
            faults=faults,
        )
