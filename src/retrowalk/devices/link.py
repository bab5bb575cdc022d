"""The transport port: one Bluetooth LE connection to a treadmill or a strap, and its bleak
implementation.

Clients speak to a `Link`; `BleakLink` is the one implementation, and it takes a bleak backend
class, so the virtual treadmill (`devices.virtual`) sits behind the very same bleak client code
that a real adapter does. bleak's failures become `DeviceError`s with a sentence a walker can act
on; without an adapter bleak raises a bare FileNotFoundError (no D-Bus socket), never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

from bleak import BleakClient
from bleak.backends.client import BaseBleakClient
from bleak.backends.device import BLEDevice
from bleak.exc import BleakBluetoothNotAvailableError, BleakDeviceNotFoundError, BleakError

from retrowalk.domain.errors import DeviceError

NO_ADAPTER = "no Bluetooth adapter found: switch Bluetooth on, or plug in an adapter"


class NoAdapter(DeviceError):
    def __init__(self) -> None:
        super().__init__(NO_ADAPTER)


class LinkError(DeviceError):
    """The device could not be reached, or the link failed during an operation."""


class Link(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def is_connected(self) -> bool: ...

    def on_disconnect(self, callback: Callable[[], None]) -> None:
        """Call `callback` when the link drops without our asking (not after `disconnect`)."""
        ...

    async def connect(self) -> None: ...

    async def disconnect(self) -> None: ...

    def has(self, uuid: str) -> bool:
        """True when the connected device has this characteristic."""
        ...

    async def read(self, uuid: str) -> bytes: ...

    async def write(self, uuid: str, data: bytes) -> None:
        """Write with response: returns once the device has acknowledged the bytes."""
        ...

    async def subscribe(self, uuid: str, on_value: Callable[[bytes], None]) -> None:
        """Notifications or indications of `uuid`, each value passed to `on_value`."""
        ...


@contextmanager
def bluetooth_errors(action: str) -> Iterator[None]:
    """bleak's and the operating system's failures, as DeviceErrors that say what to do."""
    try:
        yield
    except (FileNotFoundError, BleakBluetoothNotAvailableError):
        raise NoAdapter() from None
    except BleakDeviceNotFoundError as error:
        raise LinkError(f"{action}: no device {error.identifier} in range") from None
    except (BleakError, OSError, TimeoutError) as error:
        raise LinkError(f"{action}: {error or type(error).__name__}") from None


class BleakLink:
    """A `Link` over bleak's `BleakClient`; `backend` swaps the operating system's Bluetooth for
    another (the virtual treadmill's), through bleak's public seam."""

    def __init__(
        self,
        device: BLEDevice | str,
        backend: type[BaseBleakClient] | None = None,
        timeout: float = 20.0,
    ) -> None:
        self._device = device
        self._listener: Callable[[], None] | None = None
        self._leaving = False
        self._client = BleakClient(device, self._dropped, timeout=timeout, backend=backend)

    @property
    def name(self) -> str:
        if isinstance(self._device, BLEDevice) and self._device.name:
            return self._device.name
        return self._client.address

    @property
    def is_connected(self) -> bool:
        return self._client.is_connected

    def on_disconnect(self, callback: Callable[[], None]) -> None:
        self._listener = callback

    async def connect(self) -> None:
        self._leaving = False
        with bluetooth_errors(f"connecting to {self.name}"):
            await self._client.connect()

    async def disconnect(self) -> None:
        self._leaving = True
        with bluetooth_errors(f"disconnecting from {self.name}"):
            await self._client.disconnect()

    def has(self, uuid: str) -> bool:
        return self._client.services.get_characteristic(uuid) is not None

    async def read(self, uuid: str) -> bytes:
        with bluetooth_errors(f"reading {uuid[4:8]} from {self.name}"):
            return bytes(await self._client.read_gatt_char(uuid))

    async def write(self, uuid: str, data: bytes) -> None:
        with bluetooth_errors(f"writing {uuid[4:8]} to {self.name}"):
            await self._client.write_gatt_char(uuid, data, response=True)

    async def subscribe(self, uuid: str, on_value: Callable[[bytes], None]) -> None:
        with bluetooth_errors(f"subscribing to {uuid[4:8]} of {self.name}"):
            await self._client.start_notify(uuid, lambda _, data: on_value(bytes(data)))

    def _dropped(self, _client: BleakClient) -> None:
        if not self._leaving and self._listener is not None:
            self._listener()
