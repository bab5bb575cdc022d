"""What a connected treadmill adds to a walk's record: its 1 Hz samples, why its record is
partial, and the verdict on whether it takes FTMS speeds as mph.

Facts of a walk, not of storage or of a device's bytes: the device layer produces them, the live
coach carries them, and the live-walk service logs them with the session in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MphVerdict:
    """What reading the belt back found about one treadmill: whether it takes FTMS speeds as mph.
    `device` names that treadmill ("virtual…" or its Bluetooth address, as `DeviceChoice.key`)."""

    device: str
    mph_quirk: bool


@dataclass(frozen=True, slots=True)
class Sample:
    """One second of a session from a device: metres per second, percent, metres, beats/min."""

    second: int
    speed_mps: float | None = None
    incline_percent: float | None = None
    distance_m: float | None = None
    heart_rate: int | None = None


@dataclass(frozen=True, slots=True)
class DeviceTrace:
    """What a connected treadmill recorded: 1 Hz samples, why the session is partial, and a new
    mph-for-km/h verdict found by reading the belt back (None: nothing new to keep)."""

    samples: tuple[Sample, ...] = ()
    partial_reasons: tuple[str, ...] = ()
    mph_verdict: MphVerdict | None = None
