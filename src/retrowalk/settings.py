"""The one settings object: environment variables `RETROWALK_*`, then a config file, then defaults.

Nothing else in retrowalk reads the environment. The config file is TOML, at
`<user config dir>/config.toml` unless `RETROWALK_CONFIG_FILE` names another, and holds the same
keys in lower case (`data_dir = "..."`, `database_url = "..."`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from retrowalk.services.validation import first_input_error

APP_NAME = "retrowalk"
DATABASE_FILE_NAME = "retrowalk.sqlite3"
_URL_SCHEMES = ("sqlite", "postgresql")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RETROWALK_", extra="forbid", frozen=True)

    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir(APP_NAME)))
    database_url: str | None = None
    config_file: Path = Field(
        default_factory=lambda: Path(user_config_dir(APP_NAME)) / "config.toml"
    )

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str | None) -> str | None:
        if url is not None and not url.startswith(_URL_SCHEMES):
            raise ValueError("give a sqlite:/// or postgresql:// URL")
        if url is not None and url.startswith("postgresql://"):
            return "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return url

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILE_NAME

    @property
    def resolved_database_url(self) -> str:
        """The URL to open: the configured one, or the SQLite file in the data directory."""
        return self.database_url or f"sqlite:///{self.database_file}"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config_file = _config_file(init_settings, env_settings)
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_file)
        return init_settings, env_settings, toml


def _config_file(*sources: PydanticBaseSettingsSource) -> Path:
    for source in sources:
        named = source().get("config_file")
        if named:
            return Path(named)
    return Path(user_config_dir(APP_NAME)) / "config.toml"


@cache
def get_settings() -> Settings:
    """The settings of this process, built once; a bad value raises InputError naming it."""
    try:
        return Settings()
    except ValidationError as error:
        raise first_input_error(error) from None
