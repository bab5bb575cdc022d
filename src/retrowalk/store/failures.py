"""What a database failure means to the person using retrowalk, decided in one place.

The failures that are no programming error (a full disk, another writer holding the lock, a
server out of reach) become a StorageError with a plain message, which the web answers with 503
and the CLI with one line. The engine's `handle_error` event sees every connection attempt,
statement and commit, so no route or command needs to catch anything; every other error stays
as it was. A failed write was rolled back (the unit of work rolls back unless it committed), so
nothing acknowledged is ever lost: the person is told, and nothing was saved.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from retrowalk.domain.errors import StorageError
from retrowalk.settings import shown_url

DISK_FULL = "the disk is full: nothing was saved; free some space and try again"
BUSY = "the database is busy (another retrowalk is writing); try again"
# A write holds the lock for milliseconds; a client that waits this long finds it free.
BUSY_RETRY_SECONDS = 1
DISK_FAILED = (
    "the disk failed while retrowalk used the database (disk I/O error); check the disk, "
    "then whether your last change was kept"
)

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 5, 6, 10, 13, 14
SQLITE_NOTADB = 26
# PostgreSQL SQLSTATEs: disk full, a lock not granted within lock_timeout, a deadlock.
PG_DISK_FULL, PG_LOCK_NOT_AVAILABLE, PG_DEADLOCK = "53100", "55P03", "40P01"


def answer_failures(engine: Engine, connect_seconds: int) -> None:
    """Raise a StorageError in place of the failures above, for every use of `engine` (which
    waits `connect_seconds` for a PostgreSQL server to answer)."""
    where = shown_url(engine.url.render_as_string(hide_password=False))

    def translate(context: ExceptionContext) -> None:
        if context.is_pre_ping:
            return  # the pool reconnects by itself; a failed reconnect comes back here
        error = context.original_exception
        found = (
            sqlite_failure(error, where)
            if engine.dialect.name == "sqlite"
            else _postgresql_failure(context, where, connect_seconds)
        )
        if found is not None:
            raise found from error

    event.listen(engine, "handle_error", translate)


def sqlite_failure(error: BaseException, where: str) -> StorageError | None:
    """The StorageError a SQLite error means, or None when it is not one of ours to explain."""
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary == SQLITE_FULL:
        return StorageError(DISK_FULL)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageError(BUSY, BUSY_RETRY_SECONDS)
    if primary == SQLITE_IOERR:
        return StorageError(DISK_FAILED)
    if primary == SQLITE_CANTOPEN:
        return StorageError(f"cannot open the database at {where}: {error}")
    if primary == SQLITE_NOTADB:
        return StorageError(f"the file at {where} is not a SQLite database")
    return None


def _postgresql_failure(
    context: ExceptionContext, where: str, connect_seconds: int
) -> StorageError | None:
    error = context.original_exception
    dbapi: Any = context.dialect.loaded_dbapi
    if not isinstance(error, dbapi.Error):
        return None
    reason = short_reason(error, connect_seconds)
    if context.connection is None and isinstance(error, dbapi.OperationalError):
        return StorageError(f"cannot reach the database at {where}: {reason}")
    state = getattr(error, "sqlstate", None)
    if state == PG_DISK_FULL:
        return StorageError(DISK_FULL)
    if state in (PG_LOCK_NOT_AVAILABLE, PG_DEADLOCK):
        return StorageError(BUSY, BUSY_RETRY_SECONDS)
    if context.is_disconnect:
        return StorageError(
            f"lost the connection to the database at {where}: {reason}; "
            "check whether your last change was kept, then try again"
        )
    return None


def short_reason(error: BaseException, connect_seconds: int) -> str:
    """The driver's reason in a few words: psycopg's messages repeat the address, run over
    several lines and add hints (each address tried gives a line)."""
    text = str(error).strip()
    if "timeout expired" in text:
        return f"no answer within {connect_seconds} seconds (the database_timeout setting)"
    reasons: list[str] = []
    for line in text.splitlines():
        if line.startswith(("\t", " ")) or not line.strip():
            continue  # a hint ("Is the server running on that host…?")
        reason = line.rsplit(" failed: ", 1)[-1]
        reason = re.sub(r"^(FATAL|ERROR):\s+", "", reason.strip())
        reason = re.sub(r"\[Errno -?\d+\]\s*", "", reason)
        if reason.endswith("All failures were:"):
            continue
        if reason and reason not in reasons:
            reasons.append(reason)
    return "; ".join(reasons) or type(error).__name__
