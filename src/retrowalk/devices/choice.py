"""What the walker chose to connect for a walk, as `--device`, `--control` and `--strap` give it.

A treadmill is "virtual", "virtual:FAULT[,FAULT…]" (the virtual treadmill showing real machines'
faults, `Faults`' names) or a Bluetooth address; a strap is "virtual" or an address. `key` names
the treadmill in the equipment profile, where its mph-for-km/h verdict is kept: a verdict found on
one treadmill is never taken for another's.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from retrowalk.devices.virtual.spec import Faults
from retrowalk.domain.errors import InputError
from retrowalk.domain.treadmill_record import MphVerdict

VIRTUAL = "virtual"
FAULT_NAMES = tuple(f.name for f in fields(Faults))


@dataclass(frozen=True, slots=True)
class DeviceChoice:
    """`control` is the walker's own choice to let retrowalk set the belt; `mph_quirk` is what the
    equipment profile knows (None: unknown, found by reading the belt back); `strap` is a
    heart-rate strap for the walk, if any."""

    device: str
    control: bool = False
    mph_quirk: bool | None = None
    strap: str | None = None

    def __post_init__(self) -> None:
        _faults(self.device)  # refuses a fault the virtual treadmill cannot show
        if not self.device.strip():
            raise InputError("--device", self.device, "give virtual or a Bluetooth address")
        if self.strap is not None and not self.strap.strip():
            raise InputError("--strap", self.strap, "give virtual or a Bluetooth address")

    @property
    def virtual(self) -> bool:
        return self.device == VIRTUAL or self.device.startswith(f"{VIRTUAL}:")

    @property
    def faults(self) -> Faults:
        """The virtual treadmill's faults ("virtual:mph_for_kmh,refuse_control")."""
        return _faults(self.device)

    @property
    def key(self) -> str:
        """The treadmill's name in the equipment profile: the address in capitals, or "virtual"
        with its faults in a fixed order (a virtual treadmill with other faults is another)."""
        if not self.virtual:
            return self.device.strip().upper()
        faults = self.faults
        shown = [name for name in FAULT_NAMES if getattr(faults, name)]
        return f"{VIRTUAL}:{','.join(shown)}" if shown else VIRTUAL

    @property
    def virtual_strap(self) -> bool:
        return self.strap == VIRTUAL

    def knowing(self, verdict: MphVerdict | None) -> DeviceChoice:
        """This choice with the profile's verdict, when the verdict is this treadmill's."""
        if self.mph_quirk is not None or verdict is None or verdict.device != self.key:
            return self
        return replace(self, mph_quirk=verdict.mph_quirk)

    def verdict(self, mph_quirk: bool | None) -> MphVerdict | None:
        """What to keep in the profile after a walk that found `mph_quirk` (None: nothing new)."""
        if mph_quirk is None or self.mph_quirk is not None:
            return None
        return MphVerdict(self.key, mph_quirk)


def _faults(device: str) -> Faults:
    if not device.startswith(f"{VIRTUAL}:"):
        return Faults()
    named = [name.strip() for name in device.split(":", 1)[1].split(",")]
    if any(name not in FAULT_NAMES for name in named):
        allowed = f"after virtual: give one or more of {', '.join(FAULT_NAMES)}, comma-separated"
        raise InputError("--device", device, allowed)
    return Faults(**dict.fromkeys(named, True))
