"""docs/storage.md stays honest: every table, setting and data command is described there."""

from __future__ import annotations

from pathlib import Path

from retrowalk.settings import Settings
from retrowalk.store.tables import metadata

GUIDE = (Path(__file__).parents[2] / "docs" / "storage.md").read_text(encoding="utf-8")


def test_every_table_is_described() -> None:
    missing = [t.name for t in metadata.sorted_tables if f"`{t.name}`" not in GUIDE]

    assert missing == []


def test_every_setting_is_described_with_its_variable() -> None:
    variables = [f"`RETROWALK_{name.upper()}`" for name in Settings.FIELDS]

    assert [v for v in variables if v not in GUIDE] == []


def test_every_data_command_is_described() -> None:
    commands = ["db upgrade", "backup FILE", "restore FILE", "export", "import FILE.json"]

    assert [c for c in commands if f"retrowalk {c}" not in GUIDE] == []
