"""The virtual treadmill: an FTMS peripheral at the byte level, on an injected clock.

It answers reads of its feature and ranges, obeys the control point (with a Response Code
indication for every write), notifies Treadmill Data on each `tick` and Fitness Machine Status
for what happens on its console. Like a real one, it keeps its belt running when the link drops.
"""

from __future__ import annotations

from collections.abc import Callable

from bleak.exc import BleakGATTProtocolError, BleakGATTProtocolErrorCode

from retrowalk.devices import gatt
from retrowalk.devices.ftms_control import (
    ControlCommand,
    ControlResponse,
    ResultCode,
    UnsupportedOpCode,
    decode_command,
    encode_response,
)
from retrowalk.devices.ftms_data import encode_treadmill_data
from retrowalk.devices.ftms_features import (
    encode_features,
    encode_inclination_range,
    encode_speed_range,
)
from retrowalk.devices.ftms_status import MachineStatus, encode_machine_status
from retrowalk.devices.virtual.console import Console, treadmill_data
from retrowalk.devices.virtual.peripheral import GattTable, LinkedPeripheral
from retrowalk.devices.virtual.spec import VirtualSpec
from retrowalk.devices.wire import MalformedFrame

_GATT: GattTable = {
    gatt.FITNESS_MACHINE_SERVICE: {
        gatt.FEATURE: ("read",),
        gatt.TREADMILL_DATA: ("notify",),
        gatt.SPEED_RANGE: ("read",),
        gatt.INCLINATION_RANGE: ("read",),
        gatt.CONTROL_POINT: ("write", "indicate"),
        gatt.MACHINE_STATUS: ("notify",),
    }
}


class VirtualTreadmill(LinkedPeripheral):
    def __init__(self, now: Callable[[], float], spec: VirtualSpec | None = None) -> None:
        self.spec = spec or VirtualSpec()
        super().__init__(self.spec.name, self.spec.address)
        self.console = Console(self.spec, now, self._notify_status)
        self.received: list[tuple[float, ControlCommand]] = []  # what the app wrote, in order
        self.answers: list[ResultCode] = []  # and what each was answered
        self._now = now
        self._subscribed: set[str] = set()

    def gatt(self) -> GattTable:
        return _GATT

    def advertisement(self) -> tuple[list[str], dict[str, bytes]]:
        service = gatt.FITNESS_MACHINE_SERVICE
        return [service], {service: gatt.service_data_for_treadmill()}

    def _forget_central(self) -> None:
        self._subscribed.clear()
        self.console.control = False

    def read(self, uuid: str) -> bytes:
        readers = {
            gatt.FEATURE: lambda: encode_features(self.console.features()),
            gatt.SPEED_RANGE: lambda: encode_speed_range(self.spec.speeds),
            gatt.INCLINATION_RANGE: lambda: encode_inclination_range(self.spec.inclines),
        }
        return readers[uuid]()

    def subscribe(self, uuid: str) -> None:
        self._subscribed.add(uuid)

    def write(self, uuid: str, data: bytes) -> None:
        if gatt.CONTROL_POINT not in self._subscribed:
            raise BleakGATTProtocolError(BleakGATTProtocolErrorCode.CCCD_IMPROPERLY_CONFIGURED)
        self.console.advance()
        try:
            command = decode_command(data)
        except UnsupportedOpCode as error:
            self._push(gatt.CONTROL_POINT, bytes((0x80, error.op_code, 0x02)))
            return
        except MalformedFrame:
            self._push(gatt.CONTROL_POINT, bytes((0x80, data[0], ResultCode.INVALID_PARAMETER)))
            return
        self.received.append((self._now(), command))
        result = self.console.obey(command)
        self.answers.append(result)
        self._push(gatt.CONTROL_POINT, encode_response(ControlResponse(command.op_code, result)))

    def tick(self) -> None:
        """Move the belt on to the clock's time and notify one Treadmill Data record."""
        self.console.advance()
        self._push(gatt.TREADMILL_DATA, encode_treadmill_data(treadmill_data(self.console)))

    def notify_raw(self, uuid: str, data: bytes) -> None:
        """Push bytes as some firmware sends them, right or wrong (to see the app cope)."""
        self._push(uuid, data)

    def _notify_status(self, status: MachineStatus) -> None:
        self._push(gatt.MACHINE_STATUS, encode_machine_status(status))

    def _push(self, uuid: str, data: bytes) -> None:
        if self._deliver is not None and uuid in self._subscribed:
            self._deliver(uuid, data)
