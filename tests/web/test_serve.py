"""`retrowalk serve`: loopback only unless phones are paired (`--lan`), and the database on first
run."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from retrowalk.cli.app import app
from retrowalk.domain.errors import InputError, StorageError
from retrowalk.store.migrate import SchemaState, schema_state
from retrowalk.web.server import check_listen_address, open_database
from tests.web.conftest import settings_for


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_addresses_need_no_pairing(host: str) -> None:
    check_listen_address(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_another_address_is_refused_naming_the_pairing_option(host: str) -> None:
    with pytest.raises(InputError) as refused:
        check_listen_address(host)

    assert refused.value.field == "--host" and "add --lan" in refused.value.allowed
    check_listen_address(host, pairing=True)


def test_serve_on_another_address_exits_with_status_2_before_opening_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RETROWALK_DATA_DIR", str(tmp_path))

    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])

    assert result.exit_code == 2
    assert "add --lan" in result.output
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["--lan-address", "192.168.1.5"], "--lan-address: got '192.168.1.5'; only with --lan"),
        (["--name", "walker-pc.local"], "--name: got 'walker-pc.local'; only with --lan"),
        (["--keyfile", "key.pem"], "--keyfile: got 'key.pem'; only with --certfile"),
        (["--certfile", "absent.pem"], "--certfile: got 'absent.pem'; a PEM file that exists"),
    ],
)
def test_serve_refuses_network_and_https_options_that_cannot_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str], named: str
) -> None:
    monkeypatch.setenv("RETROWALK_DATA_DIR", str(tmp_path))

    result = CliRunner().invoke(app, ["serve", *arguments])

    assert result.exit_code == 2
    assert named in " ".join(result.output.split())
    assert not any(tmp_path.iterdir())


def test_on_first_run_the_database_is_created_at_the_current_schema(tmp_path: Path) -> None:
    settings = settings_for(f"sqlite:///{tmp_path / 'new.sqlite3'}", tmp_path)

    wiring, note = open_database(settings)

    assert note.startswith("Created a new database")
    assert schema_state(wiring.database.engine)[0] is SchemaState.CURRENT
    wiring.close()


def test_on_a_later_run_the_same_database_is_used(tmp_path: Path) -> None:
    settings = settings_for(f"sqlite:///{tmp_path / 'kept.sqlite3'}", tmp_path)
    open_database(settings)[0].close()

    wiring, note = open_database(settings)

    assert note.startswith("Using the database")
    wiring.close()


def test_a_database_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    settings = settings_for(f"sqlite:///{tmp_path / 'other.sqlite3'}", tmp_path)
    wiring, _ = open_database(settings)
    with wiring.database.engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    wiring.close()

    with pytest.raises(StorageError):
        open_database(settings)
