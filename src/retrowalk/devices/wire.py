"""Little-endian integer fields on the wire, read and written with errors that say where and why.

A `Field` describes one value: its size, sign, resolution and the raw value (if any) a machine
sends for "not available". Readers and writers work in the field's own unit (km/h, %, s), so the
codecs above them never see raw counts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum
from typing import TypeVar

from retrowalk.domain.errors import DeviceError

Choice = TypeVar("Choice", bound=IntEnum)

# A float on the grid of a field, times its counts per unit, lands this close to an integer.
_GRID_TOLERANCE = 1e-6


class MalformedFrame(DeviceError):
    """Bytes from a device that cannot be read; `offset` is the first byte that is wrong."""

    def __init__(self, characteristic: str, offset: int, problem: str) -> None:
        self.characteristic = characteristic
        self.offset = offset
        self.problem = problem
        super().__init__(f"{characteristic}, byte {offset}: {problem}")


class UnencodableValue(DeviceError):
    """A value that the field it is sent in cannot hold."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(f"{field}: {value!r} cannot be sent; {allowed}")


@dataclass(frozen=True, slots=True)
class Field:
    """One integer field: `per_unit` counts make one `unit` (100 for a resolution of 0.01)."""

    name: str
    size: int
    signed: bool = False
    per_unit: int = 1
    unit: str = ""
    not_available: int | None = None

    @property
    def wire_type(self) -> str:
        return f"{'sint' if self.signed else 'uint'}{8 * self.size}"

    @property
    def lowest(self) -> int:
        return -(1 << (8 * self.size - 1)) if self.signed else 0

    @property
    def highest(self) -> int:
        top = (1 << (8 * self.size - self.signed)) - 1
        # The "not available" value is always the top one, so a real value must stay below it.
        return top - 1 if self.not_available == top else top

    def allowed(self) -> str:
        """What the field holds, in its unit: "0 to 655.35 km/h in steps of 0.01"."""
        unit = f" {self.unit}" if self.unit else ""
        span = f"{self._shown(self.lowest)} to {self._shown(self.highest)}{unit}"
        if self.per_unit == 1:
            return f"a whole number from {span}"
        return f"{span}, in steps of {self._step()}{unit}"

    def _shown(self, counts: int) -> str:
        return str(counts) if self.per_unit == 1 else f"{counts / self.per_unit:g}"

    def _step(self) -> str:
        decimal = len(str(self.per_unit)) - 1
        is_power_of_ten = self.per_unit == 10**decimal
        return f"{1 / self.per_unit:.{decimal}f}" if is_power_of_ten else f"1/{self.per_unit}"


class FrameReader:
    """Reads fields in order from one notification, indication or read value."""

    def __init__(self, data: bytes, characteristic: str) -> None:
        self._data = bytes(data)
        self._characteristic = characteristic
        self.offset = 0

    @property
    def remaining(self) -> int:
        return len(self._data) - self.offset

    def fail(self, problem: str, offset: int | None = None) -> MalformedFrame:
        """The error to raise for a problem at `offset` (the next unread byte by default)."""
        where = self.offset if offset is None else offset
        return MalformedFrame(self._characteristic, where, problem)

    def take(self, size: int, what: str) -> bytes:
        """The next `size` bytes; `what` names them (with their type) in the error."""
        if self.remaining < size:
            raise self.fail(f"too short for {what}: needs {size} bytes, {self.remaining} left")
        taken = self._data[self.offset : self.offset + size]
        self.offset += size
        return taken

    def counts(self, field: Field) -> int:
        raw = self.take(field.size, f"{field.name} ({field.wire_type})")
        return int.from_bytes(raw, "little", signed=field.signed)

    def integer(self, field: Field) -> int:
        return self.counts(field)

    def number(self, field: Field) -> float:
        return self.counts(field) / field.per_unit

    def optional_integer(self, field: Field) -> int | None:
        counts = self.counts(field)
        return None if counts == field.not_available else counts

    def optional_number(self, field: Field) -> float | None:
        counts = self.counts(field)
        return None if counts == field.not_available else counts / field.per_unit

    def rest(self) -> bytes:
        rest = self._data[self.offset :]
        self.offset = len(self._data)
        return rest

    def finish(self) -> None:
        """Insist that every byte was read."""
        if self.remaining:
            plural = "s" if self.remaining > 1 else ""
            raise self.fail(f"{self.remaining} trailing byte{plural} after the last field")


class FrameWriter:
    """Builds one value field by field, refusing what a field cannot hold."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def integer(self, field: Field, value: int | None) -> None:
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise UnencodableValue(field.name, value, field.allowed())
        self._put(field, value, self._sentinel(field, value) if value is None else value)

    def number(self, field: Field, value: float | None) -> None:
        counts = self._sentinel(field, value) if value is None else self._on_grid(field, value)
        self._put(field, value, counts)

    def raw(self, data: bytes) -> None:
        self._buffer += data

    def to_bytes(self) -> bytes:
        return bytes(self._buffer)

    def _put(self, field: Field, value: float | None, counts: int) -> None:
        if value is not None and not field.lowest <= counts <= field.highest:
            raise UnencodableValue(field.name, value, field.allowed())
        self._buffer += counts.to_bytes(field.size, "little", signed=field.signed)

    @staticmethod
    def _sentinel(field: Field, value: float | None) -> int:
        if field.not_available is None:
            raise UnencodableValue(field.name, value, f"{field.name} has no 'not available' value")
        return field.not_available

    @staticmethod
    def _on_grid(field: Field, value: float) -> int:
        scaled = value * field.per_unit
        counts = round(scaled) if math.isfinite(scaled) else None
        if counts is None or abs(scaled - counts) > _GRID_TOLERANCE:
            raise UnencodableValue(field.name, value, field.allowed())
        return counts


def reject_reserved_bits(frame: FrameReader, flags: int, known: int, at: int = 0) -> None:
    """Raise if `flags` (read at byte `at`) sets a bit the specification reserves."""
    # int() first: `~` on an IntFlag inverts only within its named members.
    reserved = int(flags) & ~int(known)
    if reserved:
        lowest_bit = (reserved & -reserved).bit_length() - 1
        raise frame.fail(f"reserved flag bit {lowest_bit} is set (flags 0x{int(flags):X})", at)


def read_choice(frame: FrameReader, field: Field, choices: type[Choice]) -> Choice:
    """Read a field whose every value is named in `choices`; others are reserved."""
    at = frame.offset
    value = frame.integer(field)
    if value not in {choice.value for choice in choices}:
        known = _spans(sorted(choice.value for choice in choices))
        raise frame.fail(f"{field.name} 0x{value:02X} is reserved (known: {known})", at)
    return choices(value)


def _spans(values: list[int]) -> str:
    """Sorted integers written as hex runs: [1, 2, 3, 255] -> "0x01-0x03, 0xFF"."""
    runs: list[list[int]] = []
    for value in values:
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ", ".join(
        f"0x{run[0]:02X}" if len(run) == 1 else f"0x{run[0]:02X}-0x{run[-1]:02X}" for run in runs
    )
