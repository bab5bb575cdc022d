"""The settings of a deployment behind a proxy: the server's names and the shared secret key,
which comes from the environment or from a file only its owner reads, and is never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrowalk.domain.errors import InputError
from retrowalk.settings import Settings, get_settings

KEY = "k" * 43


@pytest.fixture(autouse=True)
def _no_outside_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("SERVER_NAMES", "SECRET_KEY", "SECRET_KEY_FILE"):
        monkeypatch.delenv(f"RETROWALK_{name}", raising=False)
    monkeypatch.setenv("RETROWALK_CONFIG_FILE", str(tmp_path / "absent.toml"))
    get_settings.cache_clear()


def _key_file(folder: Path, text: str, mode: int) -> Path:
    path = folder / "secret-key"
    path.write_text(text + "\n")
    path.chmod(mode)
    return path


def test_server_names_come_from_the_environment_in_lower_case(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RETROWALK_SERVER_NAMES", "Clinic.Example.org, 10.0.0.5 ,[::1]")

    assert Settings().server_names == ("clinic.example.org", "10.0.0.5", "[::1]")


def test_a_server_name_that_is_no_host_name_is_refused_by_name() -> None:
    with pytest.raises(InputError) as refused:
        Settings(server_names="clinic.example.org, evil/path")

    assert refused.value.field == "server_names" and refused.value.value == "evil/path"


def test_no_server_names_and_no_key_by_default() -> None:
    settings = Settings()

    assert (settings.server_names, settings.secret_key) == ((), None)


def test_the_secret_key_comes_from_the_environment_and_is_never_in_the_settings_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RETROWALK_SECRET_KEY", KEY)

    settings = Settings()

    assert settings.secret_key == KEY
    assert KEY not in repr(settings)


def test_a_short_secret_key_is_refused_without_quoting_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETROWALK_SECRET_KEY", "hunter2-hunter2")

    with pytest.raises(InputError) as refused:
        _ = Settings().secret_key

    assert refused.value.field == "secret_key"
    assert "hunter2" not in str(refused.value) and "32" in str(refused.value)


def test_the_secret_key_is_read_from_a_file_only_its_owner_may_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RETROWALK_SECRET_KEY_FILE", str(_key_file(tmp_path, KEY, 0o600)))

    assert Settings().secret_key == KEY


def test_a_key_file_others_may_read_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RETROWALK_SECRET_KEY_FILE", str(_key_file(tmp_path, KEY, 0o644)))

    with pytest.raises(InputError) as refused:
        _ = Settings().secret_key

    assert refused.value.field == "secret_key_file" and "owner only" in str(refused.value)
    assert KEY not in str(refused.value)


def test_a_key_given_twice_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RETROWALK_SECRET_KEY", KEY)
    monkeypatch.setenv("RETROWALK_SECRET_KEY_FILE", str(_key_file(tmp_path, KEY, 0o600)))

    with pytest.raises(InputError) as refused:
        _ = Settings().secret_key

    assert refused.value.field == "secret_key_file"


def test_the_config_file_may_name_the_key_file_and_the_server_names(tmp_path: Path) -> None:
    key_file = _key_file(tmp_path, KEY, 0o600)
    config = tmp_path / "config.toml"
    config.write_text(f'server_names = "clinic.example.org"\nsecret_key_file = "{key_file}"\n')

    settings = Settings(config_file=config)

    assert (settings.server_names, settings.secret_key) == (("clinic.example.org",), KEY)
