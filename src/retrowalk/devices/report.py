"""What the device layer saw during a session, for the record kept with the logged session:
the alerts given, the console changes, why the session is partial, the mph quirk's verdict
(for the caller to keep in the equipment profile), the heart-rate strap's drops and the 1 Hz
samples."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from retrowalk.devices.alerts import ConsoleChange, DeviceAlert
from retrowalk.domain.treadmill_record import Sample


@dataclass
class DeviceReport:
    treadmill: str
    control: str = "off"
    mph_quirk: bool | None = None
    partial_reasons: list[str] = field(default_factory=list)
    alerts: list[DeviceAlert] = field(default_factory=list)
    console_changes: list[ConsoleChange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # unreadable bytes, failed commands
    samples: list[Sample] = field(default_factory=list)
    distance_m: float = 0.0
    strap: str | None = None  # the heart-rate strap's name, when one was worn
    strap_drops: list[float] = field(default_factory=list)  # when its link dropped

    @property
    def partial(self) -> bool:
        """True when the app lost the treadmill during the session, so its record has gaps."""
        return bool(self.partial_reasons)

    def to_json(self, start: float = 0.0) -> dict[str, Any]:
        return {
            "treadmill": self.treadmill,
            "control": self.control,
            "mph_quirk": self.mph_quirk,
            "partial": self.partial,
            "partial_reasons": self.partial_reasons,
            "alerts": [
                {"at_seconds": round(a.at - start, 1), "alert": a.alert.value, "text": a.text}
                for a in self.alerts
            ],
            "console_changes": [
                {"at_seconds": round(c.at - start, 1), "change": c.change, "value": c.value}
                for c in self.console_changes
            ],
            "problems": self.problems,
            "distance_m": round(self.distance_m, 1),
            "strap": None if self.strap is None else self._strap(start),
            "samples": [_sample(s) for s in self.samples],
        }

    def _strap(self, start: float) -> dict[str, Any]:
        drops = [round(at - start, 1) for at in self.strap_drops]
        return {"name": self.strap, "dropped_at_seconds": drops}


def _sample(sample: Sample) -> dict[str, Any]:
    values = asdict(sample)
    if sample.speed_mps is not None:
        values["speed_mps"] = round(sample.speed_mps, 3)
    return values
