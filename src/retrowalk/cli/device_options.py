"""The options that connect a treadmill and a heart-rate strap (`go`, `serve`), and their rules:
control and a strap both need a treadmill; a virtual treadmill's faults must be ones it can show."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from retrowalk.domain.errors import InputError

if TYPE_CHECKING:
    from retrowalk.devices.choice import DeviceChoice

Device = Annotated[
    str | None,
    typer.Option(
        "--device",
        metavar="virtual|ADDRESS",
        help="Connect this FTMS treadmill (the virtual one, or an address from "
        "`retrowalk devices scan`).",
    ),
]
Control = Annotated[
    bool,
    typer.Option("--control", help="Let retrowalk set the connected belt (off by default)."),
]
Strap = Annotated[
    str | None,
    typer.Option(
        "--strap",
        metavar="virtual|ADDRESS",
        help="Show this heart-rate strap's pulse and keep it with the treadmill's samples.",
    ),
]


def device_choice(device: str | None, control: bool, strap: str | None) -> DeviceChoice | None:
    """The devices chosen, or None for none; an InputError names an option that cannot be."""
    if device is None and strap is not None:
        allowed = "the pulse is kept with a treadmill's samples: add --device virtual|ADDRESS"
        raise InputError("--strap", strap, allowed)
    if device is None and control:
        raise InputError("--control", True, "give the treadmill too: --device virtual|ADDRESS")
    if device is None:
        return None
    from retrowalk.devices.choice import DeviceChoice

    return DeviceChoice(device, control, strap=strap)  # refuses an unknown virtual fault
