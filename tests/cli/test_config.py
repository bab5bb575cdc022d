"""`retrowalk config`: each setting with where it came from, and changing the config file."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import as_json, data_dir_fixture, invoke, onboard

__all__ = ["data_dir_fixture"]


def test_config_shows_each_setting_and_where_it_came_from(data_dir: Path):
    shown = as_json(invoke("config", "--json"))

    assert shown["data_dir"] == {"value": str(data_dir), "from": "environment"}
    assert shown["units"]["from"] == "default"
    assert shown["database_url"]["value"].endswith("retrowalk.sqlite3")


def test_config_set_writes_the_file_and_the_commands_follow_it(data_dir, tmp_path):
    onboard()

    result = invoke("config", "set", "units", "metric")

    assert result.exit_code == 0, result.output
    assert (tmp_path / "config.toml").read_text() == 'units = "metric"\n'
    assert as_json(invoke("config", "--json"))["units"]["from"] == "config file"
    assert "0.8 km/h" in invoke("today").stdout


def test_config_unset_brings_back_the_default(data_dir, tmp_path):
    invoke("config", "set", "units", "metric")

    invoke("config", "unset", "units")

    assert (tmp_path / "config.toml").read_text() == ""
    assert as_json(invoke("config", "--json"))["units"]["value"] is None


def test_a_bad_value_is_refused_and_the_file_left_alone(data_dir, tmp_path):
    invoke("config", "set", "units", "metric")

    bad_units = invoke("config", "set", "units", "furlongs")
    bad_key = invoke("config", "set", "colour", "blue")

    assert bad_units.exit_code == 2 and "imperial, metric" in bad_units.stderr
    assert bad_key.exit_code == 2 and "colour" in bad_key.stderr
    assert (tmp_path / "config.toml").read_text() == 'units = "metric"\n'


def test_a_database_password_is_never_shown(data_dir, monkeypatch):
    from retrowalk.settings import get_settings

    monkeypatch.setenv("RETROWALK_DATABASE_URL", "postgresql://clinic:s3cret@db.example/rw")
    get_settings.cache_clear()

    shown = as_json(invoke("config", "--json"))

    assert shown["database_url"]["value"] == "postgresql://clinic:***@db.example/rw"
