"""The options that name this computer on the home network, shared by `serve --lan` and
`certificate` (the QR code's address and the certificate's must be the same)."""

from __future__ import annotations

from typing import Annotated

import typer

LanAddress = Annotated[
    str | None,
    typer.Option(
        "--lan-address",
        help="The address a phone reaches this computer at (found by itself if left out).",
        show_default=False,
    ),
]
Names = Annotated[
    list[str] | None,
    typer.Option("--name", help="Another name of this computer a phone may use (repeat)."),
]
