"""`retrowalk serve --device`: the option's rules, checked before anything is opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from retrowalk.cli.app import app


def test_control_without_a_treadmill_exits_with_status_2_before_opening_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RETROWALK_DATA_DIR", str(tmp_path))

    result = CliRunner().invoke(app, ["serve", "--control"])

    assert result.exit_code == 2
    assert "--device virtual|ADDRESS" in result.output
    assert not any(tmp_path.iterdir())


def test_a_strap_without_a_treadmill_exits_with_status_2_naming_the_strap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RETROWALK_DATA_DIR", str(tmp_path))

    result = CliRunner().invoke(app, ["serve", "--strap", "virtual"])

    assert result.exit_code == 2
    assert "--strap" in result.output and "--device virtual|ADDRESS" in result.output
    assert not any(tmp_path.iterdir())
