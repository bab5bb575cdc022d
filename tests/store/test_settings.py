"""One settings object: RETROWALK_* variables, then the config file, then defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import user_data_dir

from retrowalk.domain.errors import InputError
from retrowalk.settings import Settings, get_settings


@pytest.fixture(autouse=True)
def _no_outside_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("RETROWALK_DATA_DIR", "RETROWALK_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RETROWALK_CONFIG_FILE", str(tmp_path / "absent.toml"))
    get_settings.cache_clear()


def test_by_default_the_database_is_a_sqlite_file_in_the_user_data_directory() -> None:
    settings = Settings()

    assert settings.database_file == Path(user_data_dir("retrowalk")) / "retrowalk.sqlite3"
    assert settings.resolved_database_url == f"sqlite:///{settings.database_file}"


def test_retrowalk_data_dir_moves_the_database_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RETROWALK_DATA_DIR", str(tmp_path))

    assert Settings().resolved_database_url == f"sqlite:///{tmp_path / 'retrowalk.sqlite3'}"


def test_a_postgresql_url_is_opened_with_psycopg_3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETROWALK_DATABASE_URL", "postgresql://clinic@db.example/retrowalk")

    assert Settings().resolved_database_url == "postgresql+psycopg://clinic@db.example/retrowalk"


def test_the_config_file_is_read_when_no_variable_is_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'data_dir = "{tmp_path / "from-file"}"\n')
    monkeypatch.setenv("RETROWALK_CONFIG_FILE", str(config))

    assert Settings().data_dir == tmp_path / "from-file"


def test_a_variable_wins_over_the_config_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'data_dir = "{tmp_path / "from-file"}"\n')
    monkeypatch.setenv("RETROWALK_CONFIG_FILE", str(config))
    monkeypatch.setenv("RETROWALK_DATA_DIR", str(tmp_path / "from-env"))

    assert Settings().data_dir == tmp_path / "from-env"


def test_an_unknown_kind_of_database_is_refused_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RETROWALK_DATABASE_URL", "mysql://somewhere/db")

    with pytest.raises(InputError) as refused:
        get_settings()

    assert refused.value.field == "database_url"


def test_the_settings_are_built_once_per_process() -> None:
    assert get_settings() is get_settings()
