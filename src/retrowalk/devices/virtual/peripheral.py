"""What the bleak backend needs of a virtual peripheral: its GATT table, its advertisement, and
the link's life (open, values pushed to the central, dropped).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from bleak.assigned_numbers import CharacteristicPropertyName

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
