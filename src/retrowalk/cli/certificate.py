"""`retrowalk certificate`: HTTPS for a phone on the home network, with a certificate made on
this computer (web/certificates.py; the steps to trust it on a phone are in docs/phone.md)."""

from __future__ import annotations

import typer

from retrowalk.cli.errors import fail_on_user_error
from retrowalk.cli.network_options import LanAddress, Names


def register(app: typer.Typer) -> None:
    app.command(name="certificate")(certificate)


def certificate(
    lan_address: LanAddress = None,
    names: Names = None,
) -> None:
    """Make a certificate so that phones reach retrowalk over HTTPS on the home network.

    Example: [bold]retrowalk certificate --lan-address 192.168.1.5[/bold], then install
    retrowalk-ca.pem on the phone (docs/phone.md) and start the server as it says.
    """
    from retrowalk.services.clock import SystemClock
    from retrowalk.settings import get_settings
    from retrowalk.web.certificates import FOLDER_NAME, make_certificate
    from retrowalk.web.server import home_network_address

    with fail_on_user_error():
        address = lan_address or home_network_address()
        folder = get_settings().data_dir / FOLDER_NAME
        made = make_certificate(folder, address, tuple(names or ()), SystemClock().now())
    if made.new_authority:
        typer.echo(f"Made this computer's certificate authority: {made.authority}")
        typer.echo("Install it on each phone once and trust it (docs/phone.md says how).")
    else:
        typer.echo(f"Kept this computer's certificate authority: {made.authority}")
    typer.echo(f"Signed a certificate for {address}: {made.certificate}")
    extra = "".join(f" --name {name}" for name in names or ())
    typer.echo(
        f"Start retrowalk with: retrowalk serve --lan --lan-address {address}{extra} "
        f"--certfile {made.certificate} --keyfile {made.key}"
    )
