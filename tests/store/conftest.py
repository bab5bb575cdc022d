"""The store's tests run on SQLite and on PostgreSQL (see tests/db.py)."""

from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    backend_fixture,
    clock_fixture,
    database_url_fixture,
    empty_engine_fixture,
    engine_fixture,
    sql_backend_fixture,
)
