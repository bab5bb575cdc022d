"""Each command imports what it needs and no more (issue 18): run in a fresh interpreter through
the entry point, as the walker runs it, then the libraries it loaded are read from
`sys.modules`. Speed itself lives in the bench (bench/bench_cli.py), never in a test."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.support import ROOT, data_dir_fixture, days_ago, invoke, onboard

__all__ = ["data_dir_fixture"]
EXAMPLE = ROOT / "examples" / "knee_oa_mph.json"
# Never wanted by a command that only reads: the web stack, the PDF writer, the migrations tool.
WEB_AND_PDF = ("fastapi", "starlette", "uvicorn", "jinja2", "weasyprint", "alembic")
# `simulate` reads a file and prints JSON: no database, no terminal widgets, no Typer.
NOT_FOR_SIMULATE = (*WEB_AND_PDF, "sqlalchemy", "psycopg", "rich", "typer", "click", "bleak")
# Our own modules a read builds no use for: the scenario file's and a log entry's models.
NOT_FOR_READING = ("retrowalk.services.scenario", "retrowalk.services.log_session")
# A database on SQLite needs nothing of PostgreSQL.
NOT_ON_SQLITE = ("sqlalchemy.dialects.postgresql", "psycopg")
WATCHED = sorted({*NOT_FOR_SIMULATE, *NOT_FOR_READING, *NOT_ON_SQLITE, "pydantic"})


def loaded_by(*arguments: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The watched libraries `retrowalk ARGUMENTS` loaded, and how it ran."""
    probe = (
        "import sys\nfrom retrowalk.cli.main import run\n"
        f"sys.argv = ['retrowalk', *{list(arguments)!r}]\n"
        "status = 0\ntry:\n    run()\nexcept SystemExit as stop:\n    status = stop.code\n"
        f"print(sorted(m for m in {WATCHED!r} if m in sys.modules), status, file=sys.stderr)\n"
    )
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    loaded, status = ran.stderr.strip().splitlines()[-1].rsplit(" ", 1)
    assert status in ("0", "2", "3"), ran.stderr
    return set(ast.literal_eval(loaded)), ran


def test_simulate_loads_neither_the_database_nor_typer_nor_rich():
    loaded, ran = loaded_by("simulate", str(EXAMPLE))

    assert '"sessions"' in ran.stdout
    assert loaded.isdisjoint(NOT_FOR_SIMULATE), loaded


def test_simulate_of_a_bad_file_loads_no_more_than_a_good_one(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace('"age": 67', '"age": 300'))

    loaded, ran = loaded_by("simulate", str(bad))

    assert "walker.age" in ran.stderr
    assert loaded.isdisjoint(NOT_FOR_SIMULATE), loaded


@pytest.mark.parametrize(
    "arguments",
    [
        ("history",),
        ("progress",),
        ("plan",),
        ("today",),
        ("history", "--json"),
        ("progress", "--json"),
        ("plan", "--json"),
        ("today", "--json"),
    ],
)
def test_a_read_command_loads_no_web_stack_no_pdf_writer_and_no_write_models(data_dir, arguments):
    onboard(start=days_ago(7))
    assert invoke("log", "--yes", "--date", days_ago(5), "--pain-during", "1").exit_code == 0
    (data_dir / "cache" / "today.json").unlink(missing_ok=True)  # `today` worked out afresh

    loaded, ran = loaded_by(*arguments)

    assert ran.stdout.strip(), ran.stderr
    assert loaded.isdisjoint(WEB_AND_PDF), loaded
    assert loaded.isdisjoint(NOT_FOR_READING), loaded
    assert loaded.isdisjoint(NOT_ON_SQLITE), loaded
    assert "sqlalchemy" in loaded  # it did read the database (the check above is not vacuous)
    if "--json" in arguments:
        assert "rich" not in loaded  # JSON needs no terminal widgets
