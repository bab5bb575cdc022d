"""The clinic stack (tests/deploy/stack.py), once per test module, its logs added to the report
of a failing test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.deploy.stack import Stack, started


@pytest.fixture(name="stack", scope="module")
def stack_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with started(tmp_path_factory.mktemp("stack")) as running:
        yield running


@pytest.fixture(autouse=True)
def _logs_on_failure(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "stack" in request.fixturenames:
        stack: Stack = request.getfixturevalue("stack")
        request.node.add_report_section("call", "clinic stack", stack.output())
