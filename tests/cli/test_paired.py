"""`retrowalk paired`: the paired phones listed (text and JSON) and revoked, in the same file the
running server reads (tests/web/test_pairing.py shows the server locking a revoked one out)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from retrowalk.cli.app import app
from retrowalk.services.pairing import device_for
from retrowalk.services.tokens import token_hash
from retrowalk.store.paired_devices import PairedDevicesFile
from tests.cli.support import data_dir_fixture  # noqa: F401 - a fixture, known by its name

PAIRED_AT = datetime(2026, 12, 3, 18, 30)


@pytest.fixture(name="folder")
def folder_fixture(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True)
    return data_dir


def test_no_device_paired_says_how_to_pair(folder: Path) -> None:
    result = CliRunner().invoke(app, ["paired"])

    assert result.exit_code == 0
    assert "No phone or tablet is paired. Pair one: retrowalk serve --lan" in result.output


def test_paired_devices_are_listed_with_their_number_name_and_day(folder: Path) -> None:
    devices = PairedDevicesFile(folder)
    devices.add("Pixel 8", token_hash("one"), PAIRED_AT)
    devices.add("Kitchen iPad", token_hash("two"), PAIRED_AT)

    listed = CliRunner().invoke(app, ["paired"])
    as_json = json.loads(CliRunner().invoke(app, ["paired", "--json"]).output)

    assert listed.output.splitlines() == [
        "1. Pixel 8, paired 3 Dec 2026",
        "2. Kitchen iPad, paired 3 Dec 2026",
    ]
    assert as_json[1] == {
        "id": 2,
        "name": "Kitchen iPad",
        "paired_at": "2026-12-03T18:30:00Z",
        "revoked_at": None,
    }
    assert "token" not in json.dumps(as_json)


def test_revoke_locks_the_device_out_and_keeps_it_listed_as_revoked(folder: Path) -> None:
    PairedDevicesFile(folder).add("Pixel 8", token_hash("one"), PAIRED_AT)

    result = CliRunner().invoke(app, ["paired", "revoke", "1"])

    assert result.exit_code == 0 and result.output.startswith("Revoked: Pixel 8, paired 3 Dec")
    assert device_for(PairedDevicesFile(folder).all(), "one") is None
    assert ", revoked " in CliRunner().invoke(app, ["paired"]).output


def test_revoking_an_unknown_number_exits_2_naming_the_numbers_there_are(folder: Path) -> None:
    PairedDevicesFile(folder).add("Pixel 8", token_hash("one"), PAIRED_AT)

    result = CliRunner().invoke(app, ["paired", "revoke", "4"])

    assert result.exit_code == 2
    assert "Error: device: got '4'; a paired device's number (1)" in result.output


def test_an_unreadable_list_is_one_error_line(folder: Path) -> None:
    (folder / "paired-devices.json").write_text("[")

    result = CliRunner().invoke(app, ["paired"])

    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and "paired-devices.json" in result.output
    assert "Traceback" not in result.output
