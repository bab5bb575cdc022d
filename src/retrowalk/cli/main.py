"""The `retrowalk` command. Only the command asked for is loaded (cli/lazy.py), and heavy
libraries load inside the commands that need them."""

from __future__ import annotations

import sys

from retrowalk import __version__


def run() -> None:
    """Console-script entry point."""
    arguments = sys.argv[1:]
    if arguments == ["--version"]:
        # Answer at once, without importing the app (a start-up cost every script would pay).
        sys.stdout.write(f"retrowalk {__version__}\n")
        return
    if arguments in (["today"], ["today", "--json"]):
        # Today's card, when the day's is cached, needs neither Typer nor the database.
        from retrowalk.cli.today_answer import answer_from_cache

        status = answer_from_cache(as_json="--json" in arguments)
        if status is not None:
            sys.exit(status)
    if len(arguments) == 2 and arguments[0] == "simulate" and not arguments[1].startswith("-"):
        # The plain form, as scripts run it, without Typer (the same bytes; cli/simulate_run.py).
        from pathlib import Path

        from retrowalk.cli.simulate_run import simulate_file

        sys.exit(simulate_file(Path(arguments[1])))
    from retrowalk.cli.lazy import app_for

    app_for(arguments)()


if __name__ == "__main__":
    run()
