"""A cheap fingerprint of a SQLite database's files: inode, size and modification time of the
file and its write-ahead log. Any write by any program changes it, so it keys caches of what was
read from the database. Standard library only: callers use it before loading SQLAlchemy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def sqlite_file(url: str) -> Path | None:
    """The file behind a `sqlite:///` URL; None for PostgreSQL or an in-memory database."""
    if not url.startswith("sqlite:///"):
        return None
    name = url.removeprefix("sqlite:///").split("?", 1)[0]
    return None if name in ("", ":memory:") else Path(name)


def database_fingerprint(url: str) -> list[list[Any]] | None:
    """The database file's and its log's stamps; None where nothing local says when it changed
    (PostgreSQL, an in-memory database)."""
    database = sqlite_file(url)
    if database is None:
        return None
    return [file_stamp(database), file_stamp(Path(f"{database}-wal"))]


def file_stamp(path: Path) -> list[Any]:
    try:
        found = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), found.st_ino, found.st_size, found.st_mtime_ns]
