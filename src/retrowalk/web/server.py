"""Serving the web app: where it may listen, and the database it opens on first run.

Local single-user mode has no login, so it listens on this machine only, unless pairing is on
(`--lan`): then a phone on the home network reaches it once paired (web/guard/pairing.py).
On first run the embedded SQLite database is created at the current schema; an
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

PAIRING_OPTION = "--lan"
ADDRESS_OPTION = "--lan-address"
SECRET_FILE_NAME = "web-secret"
LOOPBACK_NAMES = ("localhost",)


def check_listen_address(host: str, pairing: bool = False) -> None:
    """Refuse an address other computers can reach unless pairing is on."""
    if pairing or is_loopback(host):
        return
    raise InputError(
        "--host",
        host,
        "retrowalk serve listens on this computer only (127.0.0.1, ::1 or localhost) unless "
        f"phones are paired: add {PAIRING_OPTION} to reach it from a phone on your home network "
        "(each phone is paired once with a code shown on this computer)",
    )


def home_network_address() -> str:
    """This computer's address on the network it would reach the internet through (asking the
    system's routes only: a UDP socket "connected" to a documentation address sends nothing)."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            address: str = probe.getsockname()[0]
    except OSError:
        address = ""
    if not address or address.startswith("0.") or is_loopback(address):
        raise InputError(
            ADDRESS_OPTION,
            None,
            "this computer's address on your home network, e.g. 192.168.1.5 (none was found: "
            "is the computer connected to the network?)",
        )
    return address


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
