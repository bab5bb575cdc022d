"""`retrowalk serve`: the web app on this computer, creating the database on first run; with
`--device`, the live session's belt follows a treadmill connected to this computer (and with
`--strap`, the live page shows the walker's pulse).

FastAPI, uvicorn and bleak load inside the command, so the rest of the CLI starts without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from retrowalk.cli.device_options import Control, Device, Strap, device_choice
from retrowalk.cli.errors import fail_on_storage_error, fail_on_user_error

if TYPE_CHECKING:
    from retrowalk.devices.choice import DeviceChoice


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve)


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (this computer only for now).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    device: Device = None,
    control: Control = False,
    strap: Strap = None,
) -> None:
    """Start the web app: today's session, the live coach, history and progress in a browser.

    Examples:
      [bold]retrowalk serve[/bold], then open http://127.0.0.1:8000
      [bold]retrowalk serve --device virtual --control[/bold]   the belt follows the live page
      [bold]retrowalk serve --device virtual --control --strap virtual[/bold]   and the pulse
    """
    from retrowalk.settings import get_settings
    from retrowalk.web.server import check_listen_address, open_database

    with fail_on_user_error():
        check_listen_address(host)
        choice = device_choice(device, control, strap)
        settings = get_settings()
        with fail_on_storage_error():
            wiring, note = open_database(settings)
    try:
        _run(wiring, host, port, note, choice, settings.data_dir)
    finally:
        wiring.close()


def _run(
    wiring: object,
    host: str,
    port: int,
    note: str,
    choice: DeviceChoice | None,
    data_dir: Path,
) -> None:
    import uvicorn

    from retrowalk.bootstrap import Wiring
    from retrowalk.web.app import create_app
    from retrowalk.web.belt import LiveBelt
    from retrowalk.web.guard import LOOPBACK_NAMES, Guard
    from retrowalk.web.guard.rules import listen_name
    from retrowalk.web.server import web_secret

    assert isinstance(wiring, Wiring)
    shown = listen_name(host)
    guard = Guard(LOOPBACK_NAMES | {shown}, web_secret(data_dir))
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
    typer.echo(f"retrowalk is at http://{shown}:{port}/ (press Ctrl-C to stop)")
    app = create_app(wiring, belt, guard)
    try:
        uvicorn.run(app, host=host, port=port, server_header=False, log_level="info")
    finally:
        if belt is not None:
            belt.close()  # the app's shutdown closed it already; this covers a failed start
