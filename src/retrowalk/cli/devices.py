"""`retrowalk devices`: find treadmills and straps, read the bytes they send, and write control
commands.

The debugging tool for a real treadmill: list what is in range, paste a notification from a BLE
sniffer or a log and see it decoded, or get the exact bytes of a command to write by hand. The
codecs and bleak load inside the commands, so the rest of the CLI pays for typer alone.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import math
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Annotated

import typer

from retrowalk.cli.errors import exit_on, fail_on_user_error
from retrowalk.domain.errors import DeviceError, InputError

if TYPE_CHECKING:
    from retrowalk.devices.ftms_control import ControlCommand
    from retrowalk.devices.scan import Found

KINDS = (
    "treadmill-data",
    "feature",
    "speed-range",
    "incline-range",
    "status",
    "control-response",
    "training-status",
    "heart-rate",
)
_HEX_EXAMPLE = "e.g. '0C 04 50 00', '0c:04:50:00' or '0C045000'"
EXIT_NO_DEVICE = 1
# A negative incline ("-1.0") must reach the command as a value, not be taken for an option.
_NUMBER_ARGUMENT = {"ignore_unknown_options": True}

devices_app = typer.Typer(no_args_is_help=True, rich_markup_mode="rich")
encode_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="Print the bytes of a Fitness Machine Control Point command, as hex.",
)
devices_app.add_typer(encode_app, name="encode")


def register(app: typer.Typer) -> None:
    app.add_typer(
        devices_app,
        name="devices",
        help="Find treadmills and straps; decode device bytes; encode FTMS commands.",
    )


@devices_app.command()
def scan(
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.5, max=120, help="Listen this many seconds.")
    ] = 5.0,
    virtual: Annotated[
        bool,
        typer.Option("--virtual", help="Find the virtual treadmill and strap (no Bluetooth)."),
    ] = False,
) -> None:
    """List the FTMS treadmills and heart-rate straps in range, with their addresses.

    Give an address to [bold]retrowalk go --device ADDRESS[/bold].
    Exit status: 0 a list (perhaps empty), 1 no Bluetooth adapter.

    Example: [bold]retrowalk devices scan --timeout 10[/bold]
    """
    import asyncio

    from retrowalk.devices.scan import scan as listen

    with fail_on_device_error():
        found = asyncio.run(_scan_for_virtual(timeout) if virtual else listen(timeout))
    if not found:
        typer.echo(f"No treadmill or heart-rate strap found in {timeout:g} s.", err=True)
    for device in found:
        typer.echo(f"{device.kind.value:<16}  {device.address:<20}  {device.name}")


def fail_on_device_error() -> AbstractContextManager[None]:
    """A treadmill, strap or adapter that cannot be used: one line and exit status 1."""
    return exit_on(DeviceError, EXIT_NO_DEVICE)


async def _scan_for_virtual(seconds: float) -> list[Found]:
    import time

    from retrowalk.devices.scan import scan as listen
    from retrowalk.devices.virtual.backend import VirtualScanner
    from retrowalk.devices.virtual.strap import VirtualStrap
    from retrowalk.devices.virtual.treadmill import VirtualTreadmill

    peripherals = [VirtualTreadmill(time.monotonic), VirtualStrap()]
    return await listen(seconds, VirtualScanner, peripherals=peripherals)


@devices_app.command()
def decode(
    kind: Annotated[str, typer.Argument(metavar="KIND", help=f"One of: {', '.join(KINDS)}.")],
    hex_bytes: Annotated[
        list[str] | None,
        typer.Argument(metavar="HEX", help=f"The value's bytes in hex, {_HEX_EXAMPLE}."),
    ] = None,
) -> None:
    """Print a characteristic's bytes, as sent by the treadmill or strap, decoded as JSON.

    Exit status: 0 decoded, 2 an unknown KIND or bytes that cannot be read (which byte and why).

    Example: [bold]retrowalk devices decode heart-rate 16 48 00 04[/bold]
    """
    text = " ".join(hex_bytes or [])
    with fail_on_user_error():
        read = _decoder(kind)
        data = parse_hex(text)
        try:
            value = read(data)
        except DeviceError as error:
            raise InputError("HEX", text, str(error)) from None
    typer.echo(json.dumps(decoded_json(value), indent=2, ensure_ascii=False))


@encode_app.command("request-control")
def request_control() -> None:
    """Ask for control of the machine (op code 0x00); needed before any other command."""
    from retrowalk.devices.ftms_control import RequestControl

    _echo_command(RequestControl())


@encode_app.command()
def reset() -> None:
    """Reset the machine (0x01): targets and times to 0, and control permission ends."""
    from retrowalk.devices.ftms_control import Reset

    _echo_command(Reset())


@encode_app.command("set-speed", context_settings=_NUMBER_ARGUMENT)
def set_speed(
    kmh: Annotated[str, typer.Argument(metavar="KMH", help="Target belt speed in km/h.")],
) -> None:
    """Set the target speed (0x02), in km/h as FTMS specifies (some machines read it as mph).

    Example: [bold]retrowalk devices encode set-speed 3.2[/bold] prints 02 40 01
    """
    from retrowalk.devices.ftms_control import SetTargetSpeed

    with fail_on_user_error():
        _echo_command(SetTargetSpeed(_number(kmh, "KMH", "km/h")), "KMH", kmh)


@encode_app.command("set-incline", context_settings=_NUMBER_ARGUMENT)
def set_incline(
    percent: Annotated[str, typer.Argument(metavar="PERCENT", help="Target incline in %.")],
) -> None:
    """Set the target incline (0x03), in percent grade; negative values tilt down.

    Example: [bold]retrowalk devices encode set-incline -1.0[/bold] prints 03 F6 FF
    """
    from retrowalk.devices.ftms_control import SetTargetInclination

    with fail_on_user_error():
        value = _number(percent, "PERCENT", "%")
        _echo_command(SetTargetInclination(value), "PERCENT", percent)


@encode_app.command()
def start() -> None:
    """Start or resume the belt (0x07). Send it only when the walker asks."""
    from retrowalk.devices.ftms_control import StartOrResume

    _echo_command(StartOrResume())


@encode_app.command()
def stop() -> None:
    """Stop the belt (0x08 with parameter 0x01)."""
    from retrowalk.devices.ftms_control import StopAction, StopOrPause

    _echo_command(StopOrPause(StopAction.STOP))


@encode_app.command()
def pause() -> None:
    """Pause the belt (0x08 with parameter 0x02); many consoles reset their counters on pause."""
    from retrowalk.devices.ftms_control import StopAction, StopOrPause

    _echo_command(StopOrPause(StopAction.PAUSE))


def parse_hex(text: str) -> bytes:
    """Bytes from hex pairs separated by spaces, colons or nothing."""
    chunks = [chunk for chunk in re.split(r"[\s:]+", text) if chunk]
    if not chunks:
        raise InputError("HEX", text, f"give the value's bytes in hex, {_HEX_EXAMPLE}")
    for chunk in chunks:
        not_hex = re.search(r"[^0-9A-Fa-f]", chunk)
        if not_hex:
            problem = f"{not_hex.group()!r} is not a hex digit; use 0-9 and A-F, {_HEX_EXAMPLE}"
            raise InputError("HEX", text, problem)
        if len(chunk) % 2:
            problem = f"{chunk!r} is not whole bytes; write two hex digits per byte, {_HEX_EXAMPLE}"
            raise InputError("HEX", text, problem)
    return bytes.fromhex("".join(chunks))


def decoded_json(value: object) -> dict[str, object]:
    """A decoded value as JSON: its type, then its fields (fields left out of the bytes omitted)."""
    fields = _jsonable(value)
    assert isinstance(fields, dict)  # every decoder returns a dataclass
    present = {name: field for name, field in fields.items() if field is not None}
    return {"type": _snake_case(type(value).__name__), **present}


def _decoder(kind: str) -> Callable[[bytes], object]:
    from retrowalk.devices import (
        ftms_control,
        ftms_data,
        ftms_features,
        ftms_status,
        ftms_training,
        heart_rate,
    )

    decoders: dict[str, Callable[[bytes], object]] = {
        "treadmill-data": ftms_data.decode_treadmill_data,
        "feature": ftms_features.decode_features,
        "speed-range": ftms_features.decode_speed_range,
        "incline-range": ftms_features.decode_inclination_range,
        "status": ftms_status.decode_machine_status,
        "control-response": ftms_control.decode_response,
        "training-status": ftms_training.decode_training_status,
        "heart-rate": heart_rate.decode_heart_rate,
    }
    if kind not in decoders:
        raise InputError("KIND", kind, f"one of {', '.join(KINDS)}")
    return decoders[kind]


def _number(text: str, argument: str, unit: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise InputError(argument, text, f"a number in {unit}, e.g. 3.2")
    return value


def _echo_command(command: ControlCommand, argument: str = "", given: str = "") -> None:
    from retrowalk.devices.ftms_control import encode_command
    from retrowalk.devices.wire import UnencodableValue

    try:
        data = encode_command(command)
    except UnencodableValue as error:
        raise InputError(argument, given, error.allowed) from None
    typer.echo(data.hex(" ").upper())


def _jsonable(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _jsonable(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, enum.Flag):
        return _flag_names(value)
    if isinstance(value, enum.Enum):
        return value.name.lower()
    if isinstance(value, bytes):
        return value.hex(" ").upper()
    if isinstance(value, tuple):
        return [_jsonable(item) for item in value]
    return value


def _flag_names(flags: enum.Flag) -> list[str]:
    known = [member for member in type(flags) if member in flags]
    names = [str(member.name).lower() for member in known]
    unknown = int(flags.value) & ~sum(int(member.value) for member in type(flags))
    return names + [
        f"reserved_bit_{bit}" for bit in range(unknown.bit_length()) if unknown >> bit & 1
    ]


def _snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
