"""Docs that tests keep honest: every protocol number is explained in docs/protocol.md."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROTOCOLS = resources.files("retrowalk.protocols")


def _keys(table: dict[str, Any], prefix: str = "") -> Iterator[str]:
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _keys(value, f"{path}.")
        else:
            yield path


def _protocol_keys() -> list[str]:
    keys: list[str] = []
    for name in ("default", "post_surgery", "athlete"):
        keys.extend(_keys(tomllib.loads(PROTOCOLS.joinpath(f"{name}.toml").read_text("utf-8"))))
    for item in PROTOCOLS.joinpath("modalities").iterdir():
        if item.name.endswith(".toml"):
            table = tomllib.loads(item.read_text("utf-8"))
            keys.extend(f"{table['kind']}.{key}" for key in _keys(table))
    return sorted(set(keys))


def test_every_protocol_key_is_named_in_the_protocol_guide():
    guide = (ROOT / "docs" / "protocol.md").read_text(encoding="utf-8")

    missing = [key for key in _protocol_keys() if f"`{key}`" not in guide]

    assert missing == []


def test_the_readme_has_exactly_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up on a fresh machine", 1)[1].split("```sh", 1)[1]
    commands = [line.split("#")[0].strip() for line in setup.split("```", 1)[0].splitlines()]

    assert [c for c in commands if c] == ["make run", "make test"]
