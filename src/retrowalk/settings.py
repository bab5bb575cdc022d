"""The one settings object: environment variables `RETROWALK_*`, then a config file, then defaults.

Nothing else in retrowalk reads the environment. The config file is TOML, at
`<user config dir>/config.toml` unless `RETROWALK_CONFIG_FILE` names another, and holds the same
keys in lower case (`data_dir = "..."`, `database_url = "..."`, `units = "metric"`,
`database_timeout = 10`).

A deployment behind a proxy (docs/deploy.md) adds the server's names and the secret key that
every app process signs with. The key itself comes only from the environment or from a file
only its owner may read, never from the config file, and is never printed.

Built with the standard library only: every command reads the settings, and pydantic-settings
costs more start-up time than the whole of `retrowalk today` may take (docs/decisions.md).
"""

from __future__ import annotations

import json
import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import ClassVar

from retrowalk.domain.errors import InputError

APP_NAME = "retrowalk"
DATABASE_FILE_NAME = "retrowalk.sqlite3"
ENV_PREFIX = "RETROWALK_"
UNIT_CHOICES = ("imperial", "metric")
_URL_SCHEMES = ("sqlite", "postgresql")
# What the config file may hold (the config file's own place is not one of them).
FILE_KEYS = (
    "data_dir",
    "database_url",
    "database_timeout",
    "units",
    "server_names",
    "secret_key_file",
    "clinic",
)
# How a yes-or-no setting may be written (environment or config file), in lower case.
_YES, _NO = ("1", "true", "yes", "on"), ("0", "false", "no", "off")
# Seconds to wait for the database: to connect (PostgreSQL) or for another writer (both).
DEFAULT_DATABASE_TIMEOUT = 10.0
# An hour: longer is a hang, not a wait (and SQLite's busy timeout is a 32-bit count of ms).
MAX_DATABASE_TIMEOUT = 3600.0
# Enough randomness to sign with: what `secrets.token_urlsafe(32)` gives is 43 characters.
MIN_SECRET_KEY_CHARACTERS = 32
_HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


class Origin(StrEnum):
    """Where a setting's value came from, strongest first."""

    GIVEN = "given"
    ENVIRONMENT = "environment"
    CONFIG_FILE = "config file"
    DEFAULT = "default"


@dataclass(frozen=True, slots=True, init=False)
class Settings:
    """`data_dir` holds the SQLite file; `database_url` overrides it; `database_timeout` is how
    many seconds to wait for the database (to connect, or for another process's write);
    `units` (imperial or metric) overrides the walker's own units wherever numbers are shown;
    None: the walker's. Behind a proxy: `server_names`, the names the server answers to, and
    `secret_key` (from the environment, or read from `secret_key_file` when asked for).
    `clinic` switches the web app's accounts and login on (clinic mode, docs/web.md); off,
    the web app is the local single-user app."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "data_dir",
        "database_url",
        "database_timeout",
        "config_file",
        "units",
        "server_names",
        "secret_key",
        "secret_key_file",
        "clinic",
    )

    data_dir: Path
    database_url: str | None
    database_timeout: float
    config_file: Path
    units: str | None
    server_names: tuple[str, ...]
    secret_key_file: Path | None
    _given_secret_key: str | None = field(compare=False, repr=False)
    clinic: bool
    origins: Mapping[str, Origin] = field(compare=False, repr=False)

    def __init__(
        self,
        *,
        data_dir: Path | str | None = None,
        database_url: str | None = None,
        database_timeout: float | str | None = None,
        config_file: Path | str | None = None,
        units: str | None = None,
        server_names: str | None = None,
        secret_key: str | None = None,
        secret_key_file: Path | str | None = None,
        clinic: bool | None = None,
    ) -> None:
        offered = {
            "data_dir": data_dir,
            "database_url": database_url,
            "database_timeout": database_timeout,
            "units": units,
            "server_names": server_names,
            "secret_key_file": secret_key_file,
            "clinic": None if clinic is None else ("true" if clinic else "false"),
        }
        given = {name: str(value) for name, value in offered.items() if value is not None}
        environment = _environment()
        place = config_file or environment.get("config_file") or _default_config_file()
        values, origins = _layered(given, environment, read_config_file(Path(place)))
        origins["config_file"] = _origin_of_file(config_file, environment)
        object.__setattr__(self, "config_file", Path(place))
        object.__setattr__(self, "data_dir", _data_dir(values.get("data_dir")))
        object.__setattr__(self, "database_url", _database_url(values.get("database_url")))
        timeout = _database_timeout(values.get("database_timeout"))
        object.__setattr__(self, "database_timeout", timeout)
        object.__setattr__(self, "units", _units(values.get("units")))
        object.__setattr__(self, "server_names", _server_names(values.get("server_names")))
        key_file = values.get("secret_key_file")
        object.__setattr__(self, "secret_key_file", Path(key_file) if key_file else None)
        object.__setattr__(self, "_given_secret_key", secret_key or environment.get("secret_key"))
        object.__setattr__(self, "clinic", _clinic(values.get("clinic")))
        object.__setattr__(self, "origins", origins)

    @property
    def secret_key(self) -> str | None:
        """The key every app process signs with: given, from the environment, or read from
        `secret_key_file` now (so commands that never sign need not read it). None: none set."""
        return _secret_key(self._given_secret_key, self.secret_key_file)

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILE_NAME

    @property
    def resolved_database_url(self) -> str:
        """The URL to open: the configured one, or the SQLite file in the data directory."""
        return self.database_url or f"sqlite:///{self.database_file}"

    @property
    def shown_database_url(self) -> str:
        """The URL to open, as it may be printed: its password hidden."""
        return shown_url(self.resolved_database_url)


def shown_url(url: str) -> str:
    """A database URL as retrowalk prints it: the password (in the address or as a `password=`
    parameter) as `***`, and `postgresql+psycopg://` as the `postgresql://` people write."""
    url = re.sub(r"^postgresql\+psycopg://", "postgresql://", url)
    # The password as SQLAlchemy's own URL pattern finds it (user `[^:/]*`, password `[^@]*`).
    url = re.sub(r"^([\w+]+://[^:/]*):[^@]*@", r"\1:***@", url)
    return re.sub(r"([?&]password=)[^&#]*", r"\1***", url, flags=re.IGNORECASE)


def read_config_file(path: Path) -> dict[str, str]:
    """The config file's settings ({} when there is none); unknown keys are refused."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError("config_file", str(path), f"it cannot be read as TOML: {error}") from None
    for key, value in table.items():
        if key not in FILE_KEYS:
            raise InputError(key, value, f"not a setting (in {path}); give one of {FILE_KEYS}")
        if key == "database_timeout" and type(value) in (int, float):
            table[key] = str(value)  # a number of seconds may be written bare
        elif key == "clinic" and isinstance(value, bool):
            table[key] = "true" if value else "false"  # `clinic = true`, as TOML writes it
        elif not isinstance(value, str):
            raise InputError(key, value, f"give it as a quoted string (in {path})")
    return table


def save_config_file(path: Path, changes: Mapping[str, str | None]) -> dict[str, str]:
    """Set (or, with None, remove) keys of the config file, checked first; other keys stay.
    Returns what the file now holds."""
    table: dict[str, str] = read_config_file(path)
    for key, value in changes.items():
        if key not in FILE_KEYS:
            raise InputError(key, value, f"not a setting; give one of {FILE_KEYS}")
        if value is None:
            table.pop(key, None)
        else:
            table[key] = value
    _data_dir(table.get("data_dir"))
    _database_url(table.get("database_url"))
    _database_timeout(table.get("database_timeout"))
    _units(table.get("units"))
    _server_names(table.get("server_names"))
    _clinic(table.get("clinic"))
    lines = [f"{key} = {json.dumps(table[key], ensure_ascii=False)}\n" for key in sorted(table)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return table


@cache
def get_settings() -> Settings:
    """The settings of this process, built once; a bad value raises InputError naming it."""
    return Settings()


def _environment() -> dict[str, str]:
    found = {name: os.environ.get(ENV_PREFIX + name.upper(), "") for name in Settings.FIELDS}
    return {name: value for name, value in found.items() if value}


def _layered(
    given: dict[str, str], environment: dict[str, str], from_file: dict[str, str]
) -> tuple[dict[str, str], dict[str, Origin]]:
    values: dict[str, str] = {}
    origins: dict[str, Origin] = {}
    layers = ((Origin.GIVEN, given), (Origin.ENVIRONMENT, environment))
    for name in FILE_KEYS:
        for origin, layer in (*layers, (Origin.CONFIG_FILE, from_file)):
            if name in layer:
                values[name], origins[name] = layer[name], origin
                break
        else:
            origins[name] = Origin.DEFAULT
    return values, origins


def _origin_of_file(given: Path | str | None, environment: dict[str, str]) -> Origin:
    if given is not None:
        return Origin.GIVEN
    return Origin.ENVIRONMENT if "config_file" in environment else Origin.DEFAULT


def _default_config_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / "config.toml"


def _data_dir(value: str | None) -> Path:
    if value is None:
        from platformdirs import user_data_dir

        return Path(user_data_dir(APP_NAME))
    return Path(value).expanduser()


def _database_url(url: str | None) -> str | None:
    if url is not None and not url.startswith(_URL_SCHEMES):
        raise InputError("database_url", url, "give a sqlite:/// or postgresql:// URL")
    if url is not None and url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _database_timeout(value: str | None) -> float:
    if value is None:
        return DEFAULT_DATABASE_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= MAX_DATABASE_TIMEOUT:  # NaN fails this too
        raise InputError(
            "database_timeout",
            value,
            f"give a number of seconds above 0 and at most {MAX_DATABASE_TIMEOUT:g}, such as "
            f"{DEFAULT_DATABASE_TIMEOUT:g}",
        )
    return seconds


def _clinic(value: str | None) -> bool:
    if value is None or value.strip().lower() in _NO:
        return False
    if value.strip().lower() in _YES:
        return True
    raise InputError("clinic", value, f"give one of {', '.join(_YES + _NO)}")


def _units(value: str | None) -> str | None:
    if value is not None and value not in UNIT_CHOICES:
        raise InputError("units", value, f"give one of {', '.join(UNIT_CHOICES)}")
    return value


def _server_names(value: str | None) -> tuple[str, ...]:
    """Comma-separated host names or IP addresses (IPv6 in brackets), in lower case."""
    names = tuple(name.strip().lower() for name in (value or "").split(",") if name.strip())
    for name in names:
        if not (_HOST_NAME.match(name) or _is_address(name.removeprefix("[").removesuffix("]"))):
            raise InputError(
                "server_names",
                name,
                "host names or addresses separated by commas, such as clinic.example.org",
            )
    return names


def _is_address(text: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _secret_key(given: str | None, key_file: Path | None) -> str | None:
    """The secret key, checked; a message about it never quotes it."""
    if given and key_file is not None:
        raise InputError("secret_key_file", str(key_file), "not with RETROWALK_SECRET_KEY: one key")
    key = given
    if key_file is not None:
        try:
            mode = key_file.stat().st_mode
            if mode & 0o077:
                raise InputError("secret_key_file", str(key_file), "readable by its owner only")
            key = key_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(
                "secret_key_file", str(key_file), f"a readable file ({error})"
            ) from None
    if key is not None and len(key) < MIN_SECRET_KEY_CHARACTERS:
        raise InputError(
            "secret_key",
            f"(hidden, {len(key)} characters)",
            f"at least {MIN_SECRET_KEY_CHARACTERS} random characters, such as "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(32))'` prints",
        )
    return key
