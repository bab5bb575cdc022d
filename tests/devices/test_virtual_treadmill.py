"""The virtual treadmill through bleak's `backend=` seam: the same BleakClient and Link code a
real adapter runs, against a byte-level FTMS peripheral on a hand-driven clock."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import pytest

from retrowalk.devices import gatt
from retrowalk.devices.ftms_control import (
    ControlResponse,
    OpCode,
    RequestControl,
    ResultCode,
    SetTargetSpeed,
    StartOrResume,
    decode_response,
    encode_command,
)
from retrowalk.devices.ftms_data import decode_treadmill_data
from retrowalk.devices.ftms_features import (
    TargetSettingFeature,
    decode_features,
    decode_speed_range,
)
from retrowalk.devices.ftms_status import (
    StartedOrResumedByUser,
    StoppedBySafetyKey,
    decode_machine_status,
)
from retrowalk.devices.link import BleakLink, LinkError
from retrowalk.devices.virtual.backend import VirtualClientBackend, virtual_device
from retrowalk.devices.virtual.spec import Faults, VirtualSpec
from retrowalk.devices.virtual.treadmill import VirtualTreadmill

Result = TypeVar("Result")


class Bench:
    """A virtual treadmill on a clock the test moves, and a Link to it that keeps what arrives."""

    def __init__(self, faults: Faults | None = None) -> None:
        self.now = 0.0
        self.treadmill = VirtualTreadmill(lambda: self.now, VirtualSpec(faults=faults or Faults()))
        self.link = BleakLink(virtual_device(self.treadmill), backend=VirtualClientBackend)
        self.values: dict[str, list[bytes]] = {}
        self.dropped = 0
        self.link.on_disconnect(self._dropped)

    def _dropped(self) -> None:
        self.dropped += 1

    async def connect(self) -> None:
        await self.link.connect()
        for uuid in (gatt.CONTROL_POINT, gatt.MACHINE_STATUS, gatt.TREADMILL_DATA):
            await self.link.subscribe(uuid, self.values.setdefault(uuid, []).append)

    async def command(self, *commands: object) -> ControlResponse:
        for command in commands:
            await self.link.write(gatt.CONTROL_POINT, encode_command(command))  # type: ignore[arg-type]
        await asyncio.sleep(0)
        return decode_response(self.values[gatt.CONTROL_POINT][-1])

    async def seconds(self, seconds: int) -> float:
        """Let `seconds` pass, one tick a second; the last reported speed."""
        for _ in range(seconds):
            self.now += 1
            self.treadmill.tick()
        await asyncio.sleep(0)
        record = decode_treadmill_data(self.values[gatt.TREADMILL_DATA][-1])
        assert record.instantaneous_speed_kmh is not None
        return record.instantaneous_speed_kmh


def run(work: Callable[[], Coroutine[Any, Any, Result]]) -> Result:
    return asyncio.run(work())


def test_the_feature_and_the_speed_range_read_through_bleak_are_the_specs():
    bench = Bench()

    async def work():
        await bench.connect()
        return (
            decode_features(await bench.link.read(gatt.FEATURE)),
            decode_speed_range(await bench.link.read(gatt.SPEED_RANGE)),
        )

    features, speeds = run(work)

    assert TargetSettingFeature.SPEED in features.target_settings
    assert speeds == bench.treadmill.spec.speeds


def test_a_command_written_before_indications_are_on_is_refused_as_ftms_says():
    bench = Bench()

    async def work():
        await bench.link.connect()
        await bench.link.write(gatt.CONTROL_POINT, encode_command(RequestControl()))

    with pytest.raises(LinkError, match="CCCD"):
        run(work)


def test_every_command_is_answered_by_a_response_code_indication():
    bench = Bench()

    async def work():
        await bench.connect()
        return await bench.command(StartOrResume()), await bench.command(RequestControl())

    without_control, granted = run(work)

    assert without_control == ControlResponse(
        OpCode.START_OR_RESUME, ResultCode.CONTROL_NOT_PERMITTED
    )
    assert granted == ControlResponse(OpCode.REQUEST_CONTROL, ResultCode.SUCCESS)


def test_the_belt_accelerates_at_its_own_rate_and_the_data_carry_distance():
    bench = Bench()

    async def work():
        await bench.connect()
        await bench.command(RequestControl(), StartOrResume(), SetTargetSpeed(3.0))
        early = await bench.seconds(2)
        late = await bench.seconds(10)
        record = decode_treadmill_data(bench.values[gatt.TREADMILL_DATA][-1])
        return early, late, record.total_distance_m

    early, late, distance = run(work)

    assert early == pytest.approx(1.0)  # 0.5 km/h a second from standing
    assert late == pytest.approx(3.0)
    assert distance == 7  # 6 s ramping to 3 km/h is 2.5 m, then 6 s at 3 km/h is 5 m


def test_a_dropped_link_leaves_the_belt_running_and_the_treadmill_out_of_reach():
    bench = Bench()

    async def work():
        await bench.connect()
        await bench.command(RequestControl(), StartOrResume(), SetTargetSpeed(2.0))
        await bench.seconds(5)
        bench.treadmill.drop_link()
        bench.now += 5
        bench.treadmill.console.advance()
        try:
            await bench.link.connect()
        except LinkError as error:
            return error

    refused = run(work)

    assert bench.dropped == 1
    assert bench.treadmill.console.motion.speed_kmh == pytest.approx(2.0)
    assert "no device VIRTUAL-TREADMILL in range" in str(refused)


def test_the_safety_key_halts_the_belt_and_says_so_in_the_machine_status():
    bench = Bench()

    async def work():
        await bench.connect()
        await bench.command(RequestControl(), StartOrResume(), SetTargetSpeed(2.0))
        await bench.seconds(5)
        bench.treadmill.console.pull_safety_key()
        await asyncio.sleep(0)
        restart = await bench.command(StartOrResume())
        return restart, bench.values[gatt.MACHINE_STATUS]

    restart, statuses = run(work)

    assert decode_machine_status(statuses[-1]) == StoppedBySafetyKey()
    assert bench.treadmill.console.motion.speed_kmh == 0
    assert restart.result is ResultCode.OPERATION_FAILED


def test_with_the_mph_quirk_the_belt_runs_the_parameter_in_miles_per_hour():
    bench = Bench(Faults(mph_for_kmh=True))

    async def work():
        await bench.connect()
        await bench.command(RequestControl(), StartOrResume(), SetTargetSpeed(2.0))
        return await bench.seconds(10)

    assert run(work) == pytest.approx(3.22)


def test_a_treadmill_that_ignores_speed_commands_still_answers_success():
    bench = Bench(Faults(ignore_speed_commands=True))

    async def work():
        await bench.connect()
        answer = await bench.command(RequestControl(), StartOrResume(), SetTargetSpeed(3.0))
        return answer, await bench.seconds(10)

    answer, speed = run(work)

    assert answer.succeeded
    assert speed == pytest.approx(bench.treadmill.spec.speeds.minimum_kmh)


def test_a_console_only_treadmill_refuses_start_until_the_console_starts_it():
    bench = Bench(Faults(start_from_console_only=True))

    async def work():
        await bench.connect()
        refused = await bench.command(RequestControl(), StartOrResume())
        bench.treadmill.console.press_start()
        await asyncio.sleep(0)
        accepted = await bench.command(SetTargetSpeed(2.0))
        return refused, accepted, bench.values[gatt.MACHINE_STATUS]

    refused, accepted, statuses = run(work)

    assert refused.result is ResultCode.OPERATION_FAILED
    assert decode_machine_status(statuses[0]) == StartedOrResumedByUser()
    assert accepted.succeeded


def test_refused_control_is_answered_control_not_permitted():
    bench = Bench(Faults(refuse_control=True))

    async def work():
        await bench.connect()
        return await bench.command(RequestControl())

    assert run(work).result is ResultCode.CONTROL_NOT_PERMITTED
