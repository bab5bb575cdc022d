"""Fitness Machine Control Point (FTMS 0x2AD9): the commands we write and the replies indicated.

A command is one op code byte and its parameter. The machine answers each write with an
indication `80 <request op code> <result code>`. retrowalk sends only the treadmill commands
below; the other FTMS op codes are named so that replies and logs can say what they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import ClassVar

from retrowalk.devices.wire import Field, FrameReader, FrameWriter, MalformedFrame, read_choice

CHARACTERISTIC = "Fitness Machine Control Point"
RESPONSE_CODE = 0x80


class OpCode(IntEnum):
    REQUEST_CONTROL = 0x00
    RESET = 0x01
    SET_TARGET_SPEED = 0x02
    SET_TARGET_INCLINATION = 0x03
    SET_TARGET_RESISTANCE_LEVEL = 0x04
    SET_TARGET_POWER = 0x05
    SET_TARGET_HEART_RATE = 0x06
    START_OR_RESUME = 0x07
    STOP_OR_PAUSE = 0x08
    SET_TARGETED_EXPENDED_ENERGY = 0x09
    SET_TARGETED_NUMBER_OF_STEPS = 0x0A
    SET_TARGETED_NUMBER_OF_STRIDES = 0x0B
    SET_TARGETED_DISTANCE = 0x0C
    SET_TARGETED_TRAINING_TIME = 0x0D
    SET_TARGETED_TIME_IN_TWO_HEART_RATE_ZONES = 0x0E
    SET_TARGETED_TIME_IN_THREE_HEART_RATE_ZONES = 0x0F
    SET_TARGETED_TIME_IN_FIVE_HEART_RATE_ZONES = 0x10
    SET_INDOOR_BIKE_SIMULATION_PARAMETERS = 0x11
    SET_WHEEL_CIRCUMFERENCE = 0x12
    SPIN_DOWN_CONTROL = 0x13
    SET_TARGETED_CADENCE = 0x14


class ResultCode(IntEnum):
    SUCCESS = 0x01
    OP_CODE_NOT_SUPPORTED = 0x02
    INVALID_PARAMETER = 0x03  # also: outside the machine's supported range
    OPERATION_FAILED = 0x04  # e.g. Start when already started
    CONTROL_NOT_PERMITTED = 0x05


class StopAction(IntEnum):
    STOP = 0x01
    PAUSE = 0x02


OP_CODE = Field("Op Code", 1)
STOP_OR_PAUSE = Field("Stop or Pause parameter", 1)
_TARGET_SPEED = Field("Target Speed", 2, per_unit=100, unit="km/h")
_TARGET_INCLINATION = Field("Target Inclination", 2, signed=True, per_unit=10, unit="%")
_REQUEST_OP_CODE = Field("Request Op Code", 1)
_RESULT_CODE = Field("Result Code", 1)


@dataclass(frozen=True, slots=True)
class RequestControl:
    op_code: ClassVar[OpCode] = OpCode.REQUEST_CONTROL


@dataclass(frozen=True, slots=True)
class Reset:
    """Targets and time fields back to 0, Training Status to Idle; control permission ends."""

    op_code: ClassVar[OpCode] = OpCode.RESET


@dataclass(frozen=True, slots=True)
class SetTargetSpeed:
    op_code: ClassVar[OpCode] = OpCode.SET_TARGET_SPEED
    speed_kmh: float


@dataclass(frozen=True, slots=True)
class SetTargetInclination:
    op_code: ClassVar[OpCode] = OpCode.SET_TARGET_INCLINATION
    inclination_percent: float


@dataclass(frozen=True, slots=True)
class StartOrResume:
    op_code: ClassVar[OpCode] = OpCode.START_OR_RESUME


@dataclass(frozen=True, slots=True)
class StopOrPause:
    op_code: ClassVar[OpCode] = OpCode.STOP_OR_PAUSE
    action: StopAction


ControlCommand = (
    RequestControl | Reset | SetTargetSpeed | SetTargetInclination | StartOrResume | StopOrPause
)

_WITHOUT_PARAMETER: dict[int, ControlCommand] = {
    OpCode.REQUEST_CONTROL: RequestControl(),
    OpCode.RESET: Reset(),
    OpCode.START_OR_RESUME: StartOrResume(),
}


class UnsupportedOpCode(MalformedFrame):
    """A command retrowalk does not handle; a machine answers it with OP_CODE_NOT_SUPPORTED."""

    def __init__(self, op_code: int) -> None:
        self.op_code = op_code
        name = OpCode(op_code).name if op_code in set(OpCode) else "reserved"
        super().__init__(CHARACTERISTIC, 0, f"op code 0x{op_code:02X} ({name}) is not supported")


@dataclass(frozen=True, slots=True)
class ControlResponse:
    """The machine's answer to one command."""

    request_op_code: OpCode
    result: ResultCode

    @property
    def succeeded(self) -> bool:
        return self.result is ResultCode.SUCCESS


def encode_command(command: ControlCommand) -> bytes:
    out = FrameWriter()
    out.integer(OP_CODE, command.op_code)
    match command:
        case SetTargetSpeed(speed_kmh=speed):
            out.number(_TARGET_SPEED, speed)
        case SetTargetInclination(inclination_percent=inclination):
            out.number(_TARGET_INCLINATION, inclination)
        case StopOrPause(action=action):
            out.integer(STOP_OR_PAUSE, action)
    return out.to_bytes()


def decode_command(data: bytes) -> ControlCommand:
    """What a machine (the virtual treadmill) reads from a write to its control point."""
    frame = FrameReader(data, CHARACTERISTIC)
    command = _read_command(frame, frame.integer(OP_CODE))
    frame.finish()
    return command


def encode_response(response: ControlResponse) -> bytes:
    return bytes((RESPONSE_CODE, response.request_op_code, response.result))


def decode_response(data: bytes) -> ControlResponse:
    frame = FrameReader(data, CHARACTERISTIC)
    first = frame.integer(OP_CODE)
    if first != RESPONSE_CODE:
        raise frame.fail(f"0x{first:02X} is not a Response Code indication (0x80)", 0)
    response = ControlResponse(
        request_op_code=read_choice(frame, _REQUEST_OP_CODE, OpCode),
        result=read_choice(frame, _RESULT_CODE, ResultCode),
    )
    frame.finish()
    return response


def _read_command(frame: FrameReader, op_code: int) -> ControlCommand:
    if op_code in _WITHOUT_PARAMETER:
        return _WITHOUT_PARAMETER[op_code]
    if op_code == OpCode.SET_TARGET_SPEED:
        return SetTargetSpeed(frame.number(_TARGET_SPEED))
    if op_code == OpCode.SET_TARGET_INCLINATION:
        return SetTargetInclination(frame.number(_TARGET_INCLINATION))
    if op_code == OpCode.STOP_OR_PAUSE:
        return StopOrPause(read_choice(frame, STOP_OR_PAUSE, StopAction))
    raise UnsupportedOpCode(op_code)
