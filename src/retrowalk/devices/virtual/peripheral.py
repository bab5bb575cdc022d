"""What the bleak backend needs of a virtual peripheral: its GATT table, its advertisement, and
the link's life (open, values pushed to the central, dropped), which `LinkedPeripheral` keeps
for every one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from bleak.assigned_numbers import CharacteristicPropertyName
from bleak.exc import BleakDeviceNotFoundError

# A value pushed to the central: (characteristic UUID, bytes), as a notification or indication.
Deliver = Callable[[str, bytes], None]
# service UUID -> characteristic UUID -> GATT properties ("read", "write", "notify", "indicate")
GattTable = Mapping[str, Mapping[str, tuple[CharacteristicPropertyName, ...]]]


class VirtualPeripheral(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def address(self) -> str: ...

    def gatt(self) -> GattTable: ...

    def advertisement(self) -> tuple[list[str], dict[str, bytes]]:
        """The advertised service UUIDs and the Service Data by service UUID."""
        ...

    def open_link(self, deliver: Deliver, lost: Callable[[], None]) -> None:
        """Accept a central; raise bleak's BleakDeviceNotFoundError when out of reach."""
        ...

    def close_link(self) -> None: ...

    def read(self, uuid: str) -> bytes: ...

    def write(self, uuid: str, data: bytes) -> None: ...

    def subscribe(self, uuid: str) -> None:
        """The central wrote the characteristic's CCCD: push its values from now on."""
        ...


class LinkedPeripheral:
    """The link's life shared by the virtual peripherals: while a central is connected, where its
    values go and whom to tell of a drop; after `drop_link`, out of reach (each try to connect
    refused and counted) until `restore_link`. `_forget_central` resets what a peripheral keeps
    for one central (its subscriptions...)."""

    def __init__(self, name: str, address: str) -> None:
        self._name, self._address = name, address
        self._deliver: Deliver | None = None
        self._lost: Callable[[], None] | None = None
        self._reachable = True
        self.refused_links = 0  # tries to connect while out of reach

    @property
    def name(self) -> str:
        return self._name

    @property
    def address(self) -> str:
        return self._address

    @property
    def connected(self) -> bool:
        return self._deliver is not None

    def open_link(self, deliver: Deliver, lost: Callable[[], None]) -> None:
        if not self._reachable:
            self.refused_links += 1
            raise BleakDeviceNotFoundError(self._address, f"{self._name} is out of reach")
        self._deliver, self._lost = deliver, lost

    def close_link(self) -> None:
        self._deliver = self._lost = None
        self._forget_central()

    def drop_link(self) -> None:
        """The peripheral goes out of reach (a flat battery, a walk out of range); a treadmill's
        belt keeps running."""
        self._reachable = False
        lost = self._lost
        self.close_link()
        if lost is not None:
            lost()

    def restore_link(self) -> None:
        """In reach again: the next try to connect succeeds."""
        self._reachable = True

    def _forget_central(self) -> None:
        """What the peripheral resets when its central goes."""
