"""The settings object's config file and its origins: `units`, what wins over what, writing
the file, and refusing what it cannot hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrowalk.domain.errors import InputError
from retrowalk.settings import Origin, Settings, get_settings, save_config_file


@pytest.fixture(name="config")
def config_fixture(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in ("RETROWALK_DATA_DIR", "RETROWALK_DATABASE_URL", "RETROWALK_UNITS"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "config.toml"
    monkeypatch.setenv("RETROWALK_CONFIG_FILE", str(path))
    get_settings.cache_clear()
    return path


def test_each_setting_says_where_it_came_from(config: Path, monkeypatch) -> None:
    config.write_text('units = "metric"\n')
    monkeypatch.setenv("RETROWALK_DATA_DIR", "/srv/walking")

    settings = Settings(database_url="sqlite:////tmp/given.sqlite3")

    assert settings.units == "metric" and settings.origins["units"] is Origin.CONFIG_FILE
    assert settings.origins["data_dir"] is Origin.ENVIRONMENT
    assert settings.origins["database_url"] is Origin.GIVEN
    assert settings.origins["config_file"] is Origin.ENVIRONMENT


def test_an_empty_variable_counts_as_unset(config: Path, monkeypatch) -> None:
    config.write_text('units = "metric"\n')
    monkeypatch.setenv("RETROWALK_UNITS", "")

    assert Settings().units == "metric"


def test_units_other_than_imperial_or_metric_are_refused(config: Path, monkeypatch) -> None:
    monkeypatch.setenv("RETROWALK_UNITS", "stone")

    with pytest.raises(InputError) as refused:
        Settings()

    assert refused.value.field == "units"


def test_saving_keeps_the_other_keys_and_none_removes_one(config: Path) -> None:
    config.write_text('data_dir = "/srv/walking"\nunits = "metric"\n')

    save_config_file(config, {"units": None, "database_url": "sqlite:////tmp/x.sqlite3"})

    assert Settings().data_dir == Path("/srv/walking")
    assert Settings().units is None and Settings().database_url == "sqlite:////tmp/x.sqlite3"


def test_a_value_the_settings_refuse_is_never_written(config: Path) -> None:
    config.write_text('units = "metric"\n')

    with pytest.raises(InputError):
        save_config_file(config, {"database_url": "mysql://db/x"})

    assert config.read_text() == 'units = "metric"\n'


@pytest.mark.parametrize(
    ("text", "named"),
    [('colour = "blue"\n', "colour"), ("units = 3\n", "units"), ("units = \n", "config_file")],
)
def test_a_config_file_it_cannot_use_is_refused_by_name(config: Path, text, named) -> None:
    config.write_text(text)

    with pytest.raises(InputError) as refused:
        Settings()

    assert refused.value.field == named


def test_the_database_timeout_is_ten_seconds_unless_set(config: Path, monkeypatch) -> None:
    assert Settings().database_timeout == 10

    monkeypatch.setenv("RETROWALK_DATABASE_TIMEOUT", "0.5")

    assert Settings().database_timeout == 0.5


def test_the_config_file_may_give_the_timeout_as_a_bare_number(config: Path) -> None:
    config.write_text("database_timeout = 3\n")

    assert Settings().database_timeout == 3


@pytest.mark.parametrize("given", ["0", "-1", "soon", "nan", "inf", "3601"])
def test_a_timeout_that_is_not_a_sensible_number_of_seconds_is_refused(
    config: Path, monkeypatch, given: str
) -> None:
    monkeypatch.setenv("RETROWALK_DATABASE_TIMEOUT", given)

    with pytest.raises(InputError) as refused:
        Settings()

    assert refused.value.field == "database_timeout"
    assert "give a number of seconds above 0" in str(refused.value)
