"""Fitness Machine Status (FTMS 0x2ADA): what changed on the machine, and who changed it.

One op code byte and its parameter. Changes made on the console, or by another client, arrive here,
so this is how the app learns that the walker pressed a button or pulled the safety key. The events
a treadmill session acts on have their own classes; the rest (bike, rower and target-setting events)
keep their parameter as bytes of the length FTMS gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import ClassVar

from retrowalk.devices.ftms_control import STOP_OR_PAUSE, StopAction
from retrowalk.devices.wire import Field, FrameReader, FrameWriter, UnencodableValue, read_choice

CHARACTERISTIC = "Fitness Machine Status"


class StatusOpCode(IntEnum):
    RESET = 0x01
    STOPPED_OR_PAUSED_BY_USER = 0x02
    STOPPED_BY_SAFETY_KEY = 0x03
    STARTED_OR_RESUMED_BY_USER = 0x04
    TARGET_SPEED_CHANGED = 0x05
    TARGET_INCLINE_CHANGED = 0x06
    TARGET_RESISTANCE_LEVEL_CHANGED = 0x07
    TARGET_POWER_CHANGED = 0x08
    TARGET_HEART_RATE_CHANGED = 0x09
    TARGETED_EXPENDED_ENERGY_CHANGED = 0x0A
    TARGETED_NUMBER_OF_STEPS_CHANGED = 0x0B
    TARGETED_NUMBER_OF_STRIDES_CHANGED = 0x0C
    TARGETED_DISTANCE_CHANGED = 0x0D
    TARGETED_TRAINING_TIME_CHANGED = 0x0E
    TARGETED_TIME_IN_TWO_HEART_RATE_ZONES_CHANGED = 0x0F
    TARGETED_TIME_IN_THREE_HEART_RATE_ZONES_CHANGED = 0x10
    TARGETED_TIME_IN_FIVE_HEART_RATE_ZONES_CHANGED = 0x11
    INDOOR_BIKE_SIMULATION_PARAMETERS_CHANGED = 0x12
    WHEEL_CIRCUMFERENCE_CHANGED = 0x13
    SPIN_DOWN_STATUS = 0x14
    TARGETED_CADENCE_CHANGED = 0x15
    CONTROL_PERMISSION_LOST = 0xFF


# Parameter sizes in bytes of the events kept as raw bytes (FTMS 4.17, table 4.26).
OTHER_PARAMETER_SIZES: dict[StatusOpCode, int] = {
    StatusOpCode.TARGET_RESISTANCE_LEVEL_CHANGED: 1,
    StatusOpCode.TARGET_POWER_CHANGED: 2,
    StatusOpCode.TARGET_HEART_RATE_CHANGED: 1,
    StatusOpCode.TARGETED_EXPENDED_ENERGY_CHANGED: 2,
    StatusOpCode.TARGETED_NUMBER_OF_STEPS_CHANGED: 2,
    StatusOpCode.TARGETED_NUMBER_OF_STRIDES_CHANGED: 2,
    StatusOpCode.TARGETED_DISTANCE_CHANGED: 3,
    StatusOpCode.TARGETED_TRAINING_TIME_CHANGED: 2,
    StatusOpCode.TARGETED_TIME_IN_TWO_HEART_RATE_ZONES_CHANGED: 4,
    StatusOpCode.TARGETED_TIME_IN_THREE_HEART_RATE_ZONES_CHANGED: 6,
    StatusOpCode.TARGETED_TIME_IN_FIVE_HEART_RATE_ZONES_CHANGED: 10,
    StatusOpCode.INDOOR_BIKE_SIMULATION_PARAMETERS_CHANGED: 6,
    StatusOpCode.WHEEL_CIRCUMFERENCE_CHANGED: 2,
    StatusOpCode.SPIN_DOWN_STATUS: 1,
    StatusOpCode.TARGETED_CADENCE_CHANGED: 2,
}

_OP_CODE = Field("Op Code", 1)
_NEW_TARGET_SPEED = Field("New Target Speed", 2, per_unit=100, unit="km/h")
_NEW_TARGET_INCLINATION = Field("New Target Inclination", 2, signed=True, per_unit=10, unit="%")


@dataclass(frozen=True, slots=True)
class MachineReset:
    op_code: ClassVar[StatusOpCode] = StatusOpCode.RESET


@dataclass(frozen=True, slots=True)
class StoppedOrPausedByUser:
    op_code: ClassVar[StatusOpCode] = StatusOpCode.STOPPED_OR_PAUSED_BY_USER
    action: StopAction


@dataclass(frozen=True, slots=True)
class StoppedBySafetyKey:
    op_code: ClassVar[StatusOpCode] = StatusOpCode.STOPPED_BY_SAFETY_KEY


@dataclass(frozen=True, slots=True)
class StartedOrResumedByUser:
    op_code: ClassVar[StatusOpCode] = StatusOpCode.STARTED_OR_RESUMED_BY_USER


@dataclass(frozen=True, slots=True)
class TargetSpeedChanged:
    op_code: ClassVar[StatusOpCode] = StatusOpCode.TARGET_SPEED_CHANGED
    speed_kmh: float


@dataclass(frozen=True, slots=True)
class TargetInclinationChanged:
    op_code: ClassVar[StatusOpCode] = StatusOpCode.TARGET_INCLINE_CHANGED
    inclination_percent: float


@dataclass(frozen=True, slots=True)
class ControlPermissionLost:
    """Control ends (FTMS 4.16.2.1); the belt does not stop by itself."""

    op_code: ClassVar[StatusOpCode] = StatusOpCode.CONTROL_PERMISSION_LOST


@dataclass(frozen=True, slots=True)
class OtherMachineStatus:
    """An event a treadmill session does not act on, with its parameter as sent."""

    op_code: StatusOpCode
    parameter: bytes


MachineStatus = (
    MachineReset
    | StoppedOrPausedByUser
    | StoppedBySafetyKey
    | StartedOrResumedByUser
    | TargetSpeedChanged
    | TargetInclinationChanged
    | ControlPermissionLost
    | OtherMachineStatus
)

_WITHOUT_PARAMETER: dict[int, MachineStatus] = {
    StatusOpCode.RESET: MachineReset(),
    StatusOpCode.STOPPED_BY_SAFETY_KEY: StoppedBySafetyKey(),
    StatusOpCode.STARTED_OR_RESUMED_BY_USER: StartedOrResumedByUser(),
    StatusOpCode.CONTROL_PERMISSION_LOST: ControlPermissionLost(),
}


def decode_machine_status(data: bytes) -> MachineStatus:
    frame = FrameReader(data, CHARACTERISTIC)
    status = _read_status(frame, read_choice(frame, _OP_CODE, StatusOpCode))
    frame.finish()
    return status


def encode_machine_status(status: MachineStatus) -> bytes:
    out = FrameWriter()
    out.integer(_OP_CODE, status.op_code)
    match status:
        case StoppedOrPausedByUser(action=action):
            out.integer(STOP_OR_PAUSE, action)
        case TargetSpeedChanged(speed_kmh=speed):
            out.number(_NEW_TARGET_SPEED, speed)
        case TargetInclinationChanged(inclination_percent=inclination):
            out.number(_NEW_TARGET_INCLINATION, inclination)
        case OtherMachineStatus(op_code=op_code, parameter=parameter):
            _check_other_parameter(op_code, parameter)
            out.raw(parameter)
    return out.to_bytes()


def _read_status(frame: FrameReader, op_code: StatusOpCode) -> MachineStatus:
    if op_code in _WITHOUT_PARAMETER:
        return _WITHOUT_PARAMETER[op_code]
    if op_code is StatusOpCode.STOPPED_OR_PAUSED_BY_USER:
        return StoppedOrPausedByUser(read_choice(frame, STOP_OR_PAUSE, StopAction))
    if op_code is StatusOpCode.TARGET_SPEED_CHANGED:
        return TargetSpeedChanged(frame.number(_NEW_TARGET_SPEED))
    if op_code is StatusOpCode.TARGET_INCLINE_CHANGED:
        return TargetInclinationChanged(frame.number(_NEW_TARGET_INCLINATION))
    parameter = frame.take(OTHER_PARAMETER_SIZES[op_code], f"the {op_code.name} parameter")
    return OtherMachineStatus(op_code, parameter)


def _check_other_parameter(op_code: StatusOpCode, parameter: bytes) -> None:
    if op_code not in OTHER_PARAMETER_SIZES:
        raise UnencodableValue("Op Code", op_code, "an event without a class of its own")
    size = OTHER_PARAMETER_SIZES[op_code]
    if len(parameter) != size:
        raise UnencodableValue(f"{op_code.name} parameter", parameter, f"exactly {size} bytes")
