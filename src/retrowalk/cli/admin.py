"""`retrowalk admin`: clinic mode's accounts on the server itself: the first clinician or admin
(`create-clinician`), a password reset link for anyone (`reset-link`), and the list of accounts
(`accounts`). Whoever runs these has the database already; the web pages need a login."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from retrowalk.cli.errors import fail_on_storage_error, fail_on_user_error
from retrowalk.cli.wiring import opened

admin_app = typer.Typer(
    name="admin",
    rich_markup_mode="rich",
    no_args_is_help=True,
    help="Clinic mode's accounts: create a clinician or admin, issue a password reset link.",
)
DEFAULT_ADDRESS = "http://127.0.0.1:8000"


def register(app: typer.Typer) -> None:
    app.add_typer(admin_app)


@admin_app.command("create-clinician")
def create_clinician(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The account's name to log in.")],
    admin: Annotated[
        bool, typer.Option("--admin", help="An admin (manages accounts) instead.")
    ] = False,
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from the first line of stdin."),
    ] = False,
) -> None:
    """Create a clinician (or with --admin, an admin) who logs in with a password.

    The password is asked twice without echo, or read from stdin for scripts.

    Examples:
      [bold]retrowalk admin create-clinician dr.lee[/bold]
      [bold]retrowalk admin create-clinician root --admin --password-stdin < pass.txt[/bold]
    """
    from retrowalk.services.accounts import create_staff_account

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        again = password
    else:
        password = typer.prompt("Password", hide_input=True)
        again = typer.prompt("Password again", hide_input=True)
    with fail_on_user_error(), fail_on_storage_error(), opened() as wiring:
        account = create_staff_account(name, password, again, admin, wiring.uow(), wiring.clock)
    typer.echo(f"Created the {account.role.value} {account.name}.")


@admin_app.command("reset-link")
def reset_link(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Whose password to reset.")],
    address: Annotated[
        str,
        typer.Option("--address", help="The server's address as its users open it."),
    ] = DEFAULT_ADDRESS,
) -> None:
    """Print a password reset link for an account: it works once, for 24 hours.

    Example: [bold]retrowalk admin reset-link dee --address https://walk.clinic.example[/bold]
    """
    from retrowalk.services.reset_links import issue_reset_link

    with fail_on_user_error(), fail_on_storage_error(), opened() as wiring:
        issued = issue_reset_link(None, name, wiring.uow(), wiring.clock)
    typer.echo(f"{address.rstrip('/')}/reset?token={issued.token}")


@admin_app.command("accounts")
def accounts(
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
) -> None:
    """List every account: name, role and when it was made."""
    from retrowalk.services.accounts import every_account

    with fail_on_storage_error(), opened() as wiring:
        found = every_account(wiring.uow())
    rows = [
        {"name": a.name, "role": a.role.value, "created_at": a.created_at.isoformat()}
        for a in found
    ]
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        typer.echo(f"{row['name']}  {row['role']}  since {row['created_at'][:10]}")
