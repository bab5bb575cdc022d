"""Real storage failures for the tests, made by the databases themselves (nothing is mocked):

- a full disk: SQLite's `PRAGMA max_page_count` at the file's size, on every connection this
  process opens to it, after VACUUM gave its free pages back (so nothing new fits);
- another writer: a connection holding SQLite's write lock (BEGIN IMMEDIATE), or on PostgreSQL
  the walker's row lock (SELECT … FOR UPDATE);
- a PostgreSQL server that accepts connections and never answers, and one that refuses the
  password (it speaks just enough of the protocol to say so, as a real server does).
"""

from __future__ import annotations

import socket
import sqlite3
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import Pool


def sqlite_file(url: str) -> Path:
    database = make_url(url).database
    assert database, url
    return Path(database)


@contextmanager
def no_room_left(database: Path) -> Iterator[None]:
    """While inside, the disk holding `database` is full for every new connection of this
    process (dispose of an engine's pool to give it new ones)."""
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("VACUUM")
    where = str(database.resolve())

    def cap(connection: Any, _record: Any) -> None:
        if not isinstance(connection, sqlite3.Connection):
            return
        files = [row[2] for row in connection.execute("PRAGMA database_list")]
        if where in files:
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(Pool, "connect", cap)
    try:
        yield
    finally:
        event.remove(Pool, "connect", cap)


@contextmanager
def write_lock_held(url: str, walker_id: int) -> Iterator[None]:
    """Another writer, in the middle of its work on this walker, for as long as inside."""
    if url.startswith("sqlite"):
        holder = sqlite3.connect(sqlite_file(url), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.rollback()
            holder.close()
        return
    engine = create_engine(url)
    try:
        with engine.connect() as connection, connection.begin():
            lock = "SELECT id FROM walkers WHERE id = :id FOR UPDATE"
            connection.execute(text(lock), {"id": walker_id})
            yield
    finally:
        engine.dispose()


# The protocol's requests to encrypt (SSL, GSSAPI), answered "N": go on unencrypted.
ENCRYPTION_REQUESTS = (80877103, 80877104)


def refuse_password(client: socket.socket) -> None:
    """Answer a PostgreSQL client's start-up as a server whose password check fails."""
    while True:
        length, code = struct.unpack("!ii", _read(client, 8))
        if code not in ENCRYPTION_REQUESTS:
            break
        client.sendall(b"N")
    _read(client, length - 8)  # the start-up message: user, database, options
    fields = [b"SFATAL", b"VFATAL", b"C28P01", b'Mpassword authentication failed for user "walker"']
    body = b"".join(field + b"\0" for field in fields) + b"\0"
    client.sendall(b"E" + struct.pack("!i", len(body) + 4) + body)
    client.close()


def _read(client: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = client.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the client left")
        data += chunk
    return data


@contextmanager
def silent_server(answer: Callable[[socket.socket], None] | None = None) -> Iterator[int]:
    """A TCP server on a free local port that accepts every connection and never says a word
    (a PostgreSQL behind a hung proxy, say), or gives each the `answer`; yields its port."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.1)
    accepted: list[socket.socket] = []
    over = threading.Event()

    def accept() -> None:
        while not over.is_set():
            try:
                client = server.accept()[0]
            except TimeoutError:
                continue
            accepted.append(client)
            if answer is not None:
                client.settimeout(5)
                try:
                    answer(client)
                except OSError:
                    continue  # that client gave up; the next may not

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        over.set()
        thread.join(timeout=5)
        server.close()
        for connection in accepted:
            connection.close()


def free_port() -> int:
    """A local port nothing listens on (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
