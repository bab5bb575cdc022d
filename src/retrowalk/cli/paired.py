"""`retrowalk paired`: the phones and tablets paired with this computer's web app (`retrowalk
serve --lan`), listed, and revoked: a revoked one is locked out on its next request, even while
the server runs."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from retrowalk.cli.errors import fail_on_storage_error, fail_on_user_error

if TYPE_CHECKING:
    from retrowalk.services.pairing import PairedDevice, PairedDevices

paired_app = typer.Typer(
    name="paired",
    rich_markup_mode="rich",
    help="Phones and tablets paired with the web app: list them, or revoke one.",
)


def register(app: typer.Typer) -> None:
    app.add_typer(paired_app)


@paired_app.callback(invoke_without_command=True)
def paired(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
) -> None:
    """List the paired devices (pair one with [bold]retrowalk serve --lan[/bold])."""
    if ctx.invoked_subcommand is not None:
        return
    with fail_on_storage_error():
        devices = _devices().all()
    if as_json:
        typer.echo(json.dumps([_public(device) for device in devices], indent=2))
        return
    if not devices:
        typer.echo("No phone or tablet is paired. Pair one: retrowalk serve --lan")
        return
    for device in devices:
        typer.echo(f"{device.id}. {device.shown()}")


@paired_app.command()
def revoke(
    device_id: Annotated[int, typer.Argument(metavar="NUMBER", help="The device's number.")],
) -> None:
    """Revoke a paired device: it can no longer open retrowalk, at once.

    Example: [bold]retrowalk paired revoke 2[/bold]
    """
    from retrowalk.services.clock import SystemClock
    from retrowalk.services.pairing import revoke as revoke_device

    with fail_on_user_error(), fail_on_storage_error():
        device = revoke_device(_devices(), device_id, SystemClock().now())
    typer.echo(f"Revoked: {device.shown()}")


def _devices() -> PairedDevices:
    from retrowalk.bootstrap import paired_devices
    from retrowalk.settings import get_settings

    return paired_devices(get_settings())


def _public(device: PairedDevice) -> dict[str, object]:
    revoked = device.revoked_at
    return {
        "id": device.id,
        "name": device.name,
        "paired_at": device.paired_at.isoformat() + "Z",
        "revoked_at": None if revoked is None else revoked.isoformat() + "Z",
    }
