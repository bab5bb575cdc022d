"""Serving the web app: where it may listen, and the database it opens on first run.

Local single-user mode has no login, so it listens on this machine only. Another address needs
authentication switched on, which arrives with clinician accounts (`--auth`); until then the
refusal says so. On first run the embedded SQLite database is created at the current schema; an
older SQLite database is backed up, then upgraded. An older PostgreSQL database is left to
`retrowalk db upgrade` (a clinic upgrades on purpose, after its own backup).
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

from retrowalk.bootstrap import Wiring, bootstrap
from retrowalk.domain.errors import InputError
from retrowalk.settings import Settings

AUTH_OPTION = "--auth"
SECRET_FILE_NAME = "web-secret"
LOOPBACK_NAMES = ("localhost",)


def check_listen_address(host: str, authentication: bool = False) -> None:
    """Refuse an address other computers can reach unless authentication is on."""
    if authentication or is_loopback(host):
        return
    raise InputError(
        "--host",
        host,
        "without authentication retrowalk serve listens on this computer only (127.0.0.1, ::1 "
        f"or localhost); listening on another address needs authentication ({AUTH_OPTION}), "
        "which comes with clinician accounts and is not available yet",
    )


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def open_database(settings: Settings) -> tuple[Wiring, str]:
    """The wiring on a database at the current schema, and a sentence saying what was done."""
    wiring = bootstrap(settings, check_schema=False)
    try:
        opened = wiring.database.open_for_use(settings.data_dir / "backups", wiring.data.backup)
    except BaseException:
        wiring.close()
        raise
    where = settings.shown_database_url  # printed by `serve`: no password
    if opened.created:
        return wiring, f"Created a new database at {where}."
    if opened.kept_copy is not None:
        return wiring, (
            f"Upgraded the database from schema {opened.upgraded_from}; "
            f"the old one is kept at {opened.kept_copy}."
        )
    return wiring, f"Using the database at {where}."


def web_secret(data_dir: Path) -> str:
    """The secret the web app signs its CSRF tokens with, kept in the data directory (readable
    by this user only) so that pages left open stay valid when the server restarts."""
    path = data_dir / SECRET_FILE_NAME
    try:
        kept = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        kept = ""
    if len(kept) >= 32:
        return kept
    made = secrets.token_urlsafe(32)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(made)
    except OSError:
        pass  # not kept: open pages need a reload after a restart, nothing worse
    return made
