"""App processes that start together on a new PostgreSQL database create its schema once: the
upgrade holds an advisory lock, and the ones that waited find the schema made and do nothing
(docs/deploy.md starts two or more app processes at once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrowalk.store.database import make_engine
from retrowalk.store.migrate import current_revision, upgrade
from tests.db import fresh_database_url
from tests.races import all_at_once

PROCESSES = 4


def test_upgrades_started_together_on_an_empty_database_make_the_schema_once(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = fresh_database_url("postgresql", request, tmp_path, migrated=False)
    engines = [make_engine(url) for _ in range(PROCESSES)]
    waiting = list(engines)

    try:
        found = all_at_once(lambda: upgrade(waiting.pop()), PROCESSES)
        now = current_revision(engines[0])
    finally:
        for engine in engines:
            engine.dispose()

    failures = [result for result in found if isinstance(result, BaseException)]
    assert failures == []
    assert found.count(None) == 1  # one found it empty and made it
    assert now is not None and found.count(now) == PROCESSES - 1  # the others found it made
