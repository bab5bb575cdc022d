"""The GATT addresses of the two services retrowalk speaks: Fitness Machine (FTMS) and Heart Rate.

Bluetooth SIG 16-bit UUIDs, written out in the 128-bit form bleak uses, and the Fitness Machine
advertisement's Service Data, which says what kind of machine is advertising (FTMS 3.1).
"""

from __future__ import annotations


def uuid16(short: int) -> str:
    """The 128-bit UUID of a SIG-assigned 16-bit one, lower case as bleak normalises it."""
    return f"0000{short:04x}-0000-1000-8000-00805f9b34fb"


FITNESS_MACHINE_SERVICE = uuid16(0x1826)
FEATURE = uuid16(0x2ACC)
TREADMILL_DATA = uuid16(0x2ACD)
TRAINING_STATUS = uuid16(0x2AD3)
SPEED_RANGE = uuid16(0x2AD4)
INCLINATION_RANGE = uuid16(0x2AD5)
CONTROL_POINT = uuid16(0x2AD9)
MACHINE_STATUS = uuid16(0x2ADA)

HEART_RATE_SERVICE = uuid16(0x180D)
HEART_RATE_MEASUREMENT = uuid16(0x2A37)

_TREADMILL_TYPE_BIT = 1 << 0


def advertises_treadmill(service_data: bytes) -> bool:
    """True when FTMS Service Data (flags uint8, machine type uint16) says "treadmill".

    Some machines send one type byte or swap the two, so the type bytes are OR-ed together
    rather than read as a little-endian number (the way pyftms reads them).
    """
    type_bytes = service_data[1:3]
    machine_type = 0
    for byte in type_bytes:
        machine_type |= byte
    return bool(machine_type & _TREADMILL_TYPE_BIT)


def service_data_for_treadmill() -> bytes:
    """What a treadmill advertises: "available" and machine type bit 0."""
    return bytes((0x01, _TREADMILL_TYPE_BIT, 0x00))
