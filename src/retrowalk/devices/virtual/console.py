"""The virtual treadmill's own logic: what its motor does with each control point command, and
what the walker can do at its console (start, stop, change the speed, pull the safety key).

Counters (distance, climb, elapsed time) start again from zero each time the belt starts after a
stop, as many real consoles do; that is why the app keeps its own totals.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from retrowalk.devices.ftms_control import (
    ControlCommand,
    RequestControl,
    Reset,
    ResultCode,
    SetTargetInclination,
    SetTargetSpeed,
    StartOrResume,
    StopAction,
    StopOrPause,
)
from retrowalk.devices.ftms_data import ElevationGain, Inclination, TreadmillData
from retrowalk.devices.ftms_features import (
    FitnessMachineFeatures,
    MachineFeature,
    TargetSettingFeature,
)
from retrowalk.devices.ftms_status import (
    MachineReset,
    MachineStatus,
    StartedOrResumedByUser,
    StoppedBySafetyKey,
    StoppedOrPausedByUser,
    TargetInclinationChanged,
    TargetSpeedChanged,
)
from retrowalk.devices.virtual.physics import BeltMotion
from retrowalk.devices.virtual.spec import VirtualSpec
from retrowalk.domain.units import KM_PER_MILE

_OK, _FAILED = ResultCode.SUCCESS, ResultCode.OPERATION_FAILED
_FEATURES = FitnessMachineFeatures(
    MachineFeature.TOTAL_DISTANCE
    | MachineFeature.INCLINATION
    | MachineFeature.ELEVATION_GAIN
    | MachineFeature.HEART_RATE_MEASUREMENT
    | MachineFeature.ELAPSED_TIME,
    TargetSettingFeature.SPEED | TargetSettingFeature.INCLINATION,
)


class Console:
    def __init__(
        self, spec: VirtualSpec, now: Callable[[], float], status: Callable[[MachineStatus], None]
    ) -> None:
        self.spec = spec
        self.motion = BeltMotion(spec.acceleration_kmh_per_s, spec.incline_percent_per_s)
        self.running = False
        self.control = False
        self.safety_key_in = True
        self.started_at = now()
        self._now, self._status = now, status
        self._advanced_to = now()

    def features(self) -> FitnessMachineFeatures:
        return _FEATURES

    def advance(self) -> None:
        now = self._now()
        self.motion.advance(now - self._advanced_to)
        self._advanced_to = now

    def elapsed_seconds(self) -> int:
        return int(self._now() - self.started_at) if self.running else 0

    def obey(self, command: ControlCommand) -> ResultCode:
        if isinstance(command, RequestControl):
            self.control = not self.spec.faults.refuse_control
            return _OK if self.control else ResultCode.CONTROL_NOT_PERMITTED
        if not self.control:
            return ResultCode.CONTROL_NOT_PERMITTED
        match command:
            case SetTargetSpeed(speed_kmh=speed):
                return self._set_speed(speed)
            case SetTargetInclination(inclination_percent=incline):
                return self._set_incline(incline)
            case StartOrResume():
                if self.spec.faults.start_from_console_only or not self._can_start():
                    return _FAILED
                self._start()
                self._status(StartedOrResumedByUser())  # FTMS notifies every client, ours too
                return _OK
            case StopOrPause(action=action):
                if not self.running:
                    return _FAILED
                self._stop()
                self._status(StoppedOrPausedByUser(action))
                return _OK
            case Reset():
                self.control = False
                self._stop()
                self._status(MachineReset())
        return _OK

    # The walker at the console.
    def press_start(self) -> None:
        if self._can_start():
            self._start()
            self._status(StartedOrResumedByUser())

    def press_stop(self) -> None:
        if self.running:
            self._stop()
            self._status(StoppedOrPausedByUser(StopAction.STOP))

    def press_speed(self, kmh: float) -> None:
        self.advance()
        self.motion.target_kmh = kmh if self.running else 0.0
        self._status(TargetSpeedChanged(round(kmh / self._kmh_per_unit(), 2)))

    def pull_safety_key(self) -> None:
        self.advance()
        self.safety_key_in = False
        self.running = False
        self.motion.halt()
        self._status(StoppedBySafetyKey())

    def put_safety_key_back(self) -> None:
        self.safety_key_in = True

    def _set_speed(self, speed: float) -> ResultCode:
        low, high = self.spec.speeds.minimum_kmh, self.spec.speeds.maximum_kmh
        if not low <= speed <= high:
            return ResultCode.INVALID_PARAMETER
        if not self.running:
            return _FAILED
        if not self.spec.faults.ignore_speed_commands:
            self.motion.target_kmh = speed * self._kmh_per_unit()
            self._status(TargetSpeedChanged(speed))
        return _OK

    def _set_incline(self, incline: float) -> ResultCode:
        low, high = self.spec.inclines.minimum_percent, self.spec.inclines.maximum_percent
        if not low <= incline <= high:
            return ResultCode.INVALID_PARAMETER
        self.motion.target_incline_percent = incline
        self._status(TargetInclinationChanged(incline))
        return _OK

    def _kmh_per_unit(self) -> float:
        return KM_PER_MILE if self.spec.faults.mph_for_kmh else 1.0

    def _can_start(self) -> bool:
        return self.safety_key_in and not self.running

    def _start(self) -> None:
        self.running = True
        self.motion.target_kmh = self.spec.speeds.minimum_kmh * self._kmh_per_unit()
        self.motion.distance_m = self.motion.climb_m = 0.0
        self.started_at = self._now()

    def _stop(self) -> ResultCode:
        self.running = False
        self.motion.target_kmh = 0.0
        return _OK


# The simulated walker's pulse: resting, and the most a heart beats (FTMS sends it as a uint8).
RESTING_BPM = 68
HIGHEST_BPM = 200


def heart_rate_of(console: Console) -> int:
    """A plausible pulse for the data field: resting, plus effort for speed and slope, never
    above `HIGHEST_BPM` whatever the belt does (a belt at 20 km/h does not make 250 bpm)."""
    motion = console.motion
    effort = 9 * motion.speed_kmh + 2 * max(0.0, motion.incline_percent)
    if not math.isfinite(effort):
        return RESTING_BPM
    return round(min(HIGHEST_BPM, max(RESTING_BPM, RESTING_BPM + effort)))


def treadmill_data(console: Console) -> TreadmillData:
    motion = console.motion
    return TreadmillData(
        instantaneous_speed_kmh=round(motion.speed_kmh, 2),
        total_distance_m=int(motion.distance_m),
        inclination=Inclination(round(motion.incline_percent, 1), None),
        elevation_gain=ElevationGain(round(motion.climb_m, 1), 0.0),
        heart_rate_bpm=heart_rate_of(console),
        elapsed_time_s=console.elapsed_seconds(),
    )
