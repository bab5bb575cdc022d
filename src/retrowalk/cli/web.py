"""`retrowalk serve`: the web app on this computer, creating the database on first run.

FastAPI and uvicorn load inside the command, so the rest of the CLI starts without them.
"""

from __future__ import annotations

from typing import Annotated

import typer

from retrowalk.cli.errors import EXIT_BAD_INPUT, fail_on_user_error
from retrowalk.domain.errors import StorageError


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve)


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (this computer only for now).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
) -> None:
    """Start the web app: today's session, the live coach, history and progress in a browser.

    Example: [bold]retrowalk serve[/bold], then open http://127.0.0.1:8000
    """
    from retrowalk.settings import get_settings
    from retrowalk.web.server import check_listen_address, open_database

    with fail_on_user_error():
        check_listen_address(host)
        settings = get_settings()
        try:
            wiring, note = open_database(settings)
        except StorageError as error:
            typer.echo(f"Error: {error}", err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None
    try:
        _run(wiring, host, port, note)
    finally:
        wiring.close()


def _run(wiring: object, host: str, port: int, note: str) -> None:
    import uvicorn

    from retrowalk.bootstrap import Wiring
    from retrowalk.web.app import create_app

    assert isinstance(wiring, Wiring)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(note)
    typer.echo(f"retrowalk is at http://{shown}:{port}/ (press Ctrl-C to stop)")
    uvicorn.run(create_app(wiring), host=host, port=port, server_header=False, log_level="info")
