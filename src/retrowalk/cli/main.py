"""The `retrowalk` command. Heavy libraries load inside the commands that need them."""

from __future__ import annotations

import sys

from retrowalk import __version__


def run() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:
        # Answer at once, without importing the app (a start-up cost every script would pay).
        sys.stdout.write(f"retrowalk {__version__}\n")
        return
    from retrowalk.cli.app import app

    app()


if __name__ == "__main__":
    run()
