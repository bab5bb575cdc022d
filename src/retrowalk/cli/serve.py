"""`retrowalk serve`: the web app on this computer, creating the database on first run; with
`--device`, the live session's belt follows a treadmill connected to this computer (and with
`--strap`, the live page shows the walker's pulse). With `--lan` it listens on the home network
too, for a phone paired with a code this command shows (and the page /pair on this computer).

FastAPI, uvicorn and bleak load inside the command, so the rest of the CLI starts without them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from retrowalk.cli.device_options import Control, Device, Strap, device_choice
from retrowalk.cli.errors import fail_on_storage_error, fail_on_user_error
from retrowalk.cli.network_options import LanAddress, Names
from retrowalk.domain.errors import InputError

if TYPE_CHECKING:
    from retrowalk.bootstrap import Wiring
    from retrowalk.devices.choice import DeviceChoice
    from retrowalk.settings import Settings
    from retrowalk.web.guard import Guard
    from retrowalk.web.guard.pairing import Pairing


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve)


def serve(
    host: Annotated[
        str | None,
        typer.Option(
            "--host",
            help="Address to listen on: 127.0.0.1 (this computer) by default, every address "
            "with --lan.",
            show_default=False,
        ),
    ] = None,
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    lan: Annotated[
        bool,
        typer.Option(
            "--lan", help="Listen on the home network too, for phones paired with a code."
        ),
    ] = False,
    lan_address: LanAddress = None,
    names: Names = None,
    certfile: Annotated[
        Path | None,
        typer.Option("--certfile", help="HTTPS: the certificate (PEM) to serve with."),
    ] = None,
    keyfile: Annotated[
        Path | None,
        typer.Option("--keyfile", help="HTTPS: its private key (PEM), if not in --certfile."),
    ] = None,
    device: Device = None,
    control: Control = False,
    strap: Strap = None,
    clinic: Annotated[
        bool,
        typer.Option(
            "--clinic",
            help="Clinic mode: accounts and login (walkers, clinicians, admins); with --lan, "
            "phones log in instead of pairing.",
        ),
    ] = False,
) -> None:
    """Start the web app: today's session, the live coach, history and progress in a browser.

    Examples:
      [bold]retrowalk serve[/bold], then open http://127.0.0.1:8000
      [bold]retrowalk serve --lan[/bold]   and pair a phone: scan the QR code it shows
      [bold]retrowalk serve --device virtual --control[/bold]   the belt follows the live page
      [bold]retrowalk serve --device virtual --control --strap virtual[/bold]   and the pulse
      [bold]retrowalk serve --clinic --lan[/bold]   accounts and login, on the network
    """
    from retrowalk.settings import get_settings
    from retrowalk.web.server import check_listen_address, open_database

    with fail_on_user_error():
        listen = host or ("0.0.0.0" if lan else "127.0.0.1")
        check_listen_address(listen, pairing=lan)
        where = _listening(listen, port, lan, lan_address, names or [], certfile, keyfile)
        choice = device_choice(device, control, strap)
        settings = get_settings()
        with fail_on_storage_error():
            wiring, note = open_database(settings)
    try:
        _run(wiring, where, note, choice, settings, clinic or settings.clinic)
    finally:
        wiring.close()


def _listening(
    listen: str,
    port: int,
    lan: bool,
    lan_address: str | None,
    names: list[str],
    certfile: Path | None,
    keyfile: Path | None,
) -> Listening:
    from retrowalk.web.server import ADDRESS_OPTION, PAIRING_OPTION, home_network_address

    if not lan and (lan_address is not None or names):
        option = "--lan-address" if lan_address is not None else "--name"
        raise InputError(option, lan_address or names[0], f"only with {PAIRING_OPTION}")
    if keyfile is not None and certfile is None:
        raise InputError("--keyfile", str(keyfile), "only with --certfile (its certificate)")
    for option, path in (("--certfile", certfile), ("--keyfile", keyfile)):
        if path is not None and not path.is_file():
            raise InputError(option, str(path), "a PEM file that exists")
    address = None
    if lan:
        specific = listen not in ("0.0.0.0", "::")
        address = lan_address or (listen if specific else home_network_address())
        if not address.strip():
            raise InputError(ADDRESS_OPTION, address, "an address such as 192.168.1.5")
    return Listening(listen, port, address, tuple(names), certfile, keyfile)


@dataclass(frozen=True, slots=True)
class Listening:
    """Where `serve` listens, and with `--lan` the address and names a phone may use."""

    host: str
    port: int
    lan_address: str | None
    names: tuple[str, ...]
    certfile: Path | None
    keyfile: Path | None

    @property
    def scheme(self) -> str:
        return "https" if self.certfile is not None else "http"


def _run(
    wiring: object,
    where: Listening,
    note: str,
    choice: DeviceChoice | None,
    settings: Settings,
    clinic: bool,
) -> None:
    import uvicorn

    from retrowalk.bootstrap import Wiring
    from retrowalk.web.app import create_app
    from retrowalk.web.belt import LiveBelt

    assert isinstance(wiring, Wiring)
    guard, local_url = _guard(where, wiring, settings, clinic)
    belt: LiveBelt | None = None
    typer.echo(note)
    if choice is not None:
        from retrowalk.bootstrap import session_clock, treadmill_opener
        from retrowalk.web.treadmills import TreadmillBelts, intended_for

        opener = treadmill_opener(choice, session_clock())
        belt = TreadmillBelts(opener, intended=intended_for(choice))
        setting = "retrowalk sets the belt" if choice.control else "read-only: you set the belt"
        strap = "" if choice.strap is None else f", with the strap {choice.strap}"
        typer.echo(f"Treadmill {choice.device} opens for each live session ({setting}{strap}).")
    typer.echo(f"retrowalk is at {local_url}/ on this computer (press Ctrl-C to stop)")
    if clinic:
        typer.echo(
            "Clinic mode: everyone logs in (retrowalk admin create-clinician makes the first)."
        )
    if guard.pairing is not None and guard.pairing.desk is not None:
        _show_pairing(guard.pairing, local_url, wiring.clock.now())
    app = create_app(wiring, belt, guard, clinic)
    try:
        uvicorn.run(
            app,
            host=where.host,
            port=where.port,
            server_header=False,
            proxy_headers=False,  # the client's own address decides who is this computer
            log_level="info",
            ssl_certfile=where.certfile,
            ssl_keyfile=where.keyfile,
        )
    finally:
        if belt is not None:
            belt.close()  # the app's shutdown closed it already; this covers a failed start


def _guard(where: Listening, wiring: Wiring, settings: Settings, clinic: bool) -> tuple[Guard, str]:
    """The names this server answers to, its secret and its paired devices; and its address on
    this computer. The network's address and names join only with --lan. In clinic mode nothing
    is paired: phones log in like every browser."""
    from retrowalk.bootstrap import paired_devices
    from retrowalk.services.pairing import PairingDesk
    from retrowalk.web.guard import LOOPBACK_NAMES, Guard
    from retrowalk.web.guard.pairing import Pairing
    from retrowalk.web.guard.rules import listen_name
    from retrowalk.web.server import web_secret

    wildcard = where.host in ("0.0.0.0", "::")
    local = "127.0.0.1" if wildcard else listen_name(where.host)
    names = set(LOOPBACK_NAMES) | {local}
    devices = paired_devices(settings)
    pairing = Pairing(devices)
    if where.lan_address is not None:
        shown = listen_name(where.lan_address)
        names |= {shown, *(name.lower() for name in where.names)}
        desk = PairingDesk(devices)
        desk.new_code(wiring.clock.now())
        pairing = Pairing(devices, desk, f"{where.scheme}://{shown}:{where.port}")
    secret = web_secret(settings.data_dir)
    guard = Guard(frozenset(names), secret, None if clinic else pairing)
    return guard, f"{where.scheme}://{local}:{where.port}"


def _show_pairing(pairing: Pairing, local_url: str, now: datetime) -> None:
    """The QR code and the code for the first phone, in the terminal."""
    import sys

    import segno

    assert pairing.desk is not None and pairing.address is not None
    code = pairing.desk.current(now)
    assert code is not None
    link = f"{pairing.address}/pair?code={code.value}"
    typer.echo("To use a phone or tablet on this network, scan this with its camera:")
    segno.make(link, error="m").terminal(out=sys.stdout, compact=True)
    typer.echo(f"or open {pairing.address}/pair on it and type the code {code.shown}.")
    typer.echo(
        f"The code works once, for 10 minutes; {local_url}/pair on this computer makes a new one."
    )
