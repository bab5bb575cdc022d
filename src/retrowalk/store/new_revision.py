"""Write a new migration from the models: `python -m retrowalk.store.new_revision "add x"`.

Autogenerate compares the models with a scratch SQLite database at the current head and writes
`migrations/versions/<next number>_<slug>.py` (batch mode, so it also runs on SQLite). Read it
before committing, then run `python -m tests.store.make_seed` so the migration test fills a
database at the new revision too.
"""

from __future__ import annotations

import sys
import tempfile

from alembic import command
from alembic.config import Config

from retrowalk.store.database import make_engine
from retrowalk.store.migrate import MIGRATIONS, revisions, upgrade


def new_revision(message: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        engine = make_engine(f"sqlite:///{scratch}/scratch.sqlite3")
        upgrade(engine)
        with engine.connect() as connection, connection.begin():
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            number = f"{len(revisions()) + 1:04d}"
            command.revision(config, message=message, autogenerate=True, rev_id=number)
        engine.dispose()


if __name__ == "__main__":
    new_revision(" ".join(sys.argv[1:]) or "describe the change")
