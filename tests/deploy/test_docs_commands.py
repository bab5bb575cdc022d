"""docs/deploy.md runs what the stack test runs: the files it installs are the ones
tests/deploy/stack.py starts from, and its commands fill and run them the same way."""

from __future__ import annotations

import re
import shlex

from tests.deploy.stack import (
    ENV_FILE,
    FIRST_CLINICIAN,
    MIGRATE,
    ROOT,
    SITE,
    UNIT,
    env_file_names,
    exec_start,
    placeholders,
)

GUIDE = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")


def _commands() -> list[list[str]]:
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE, flags=re.DOTALL)
    lines = [line for block in blocks for line in block.splitlines()]
    return [shlex.split(line) for line in lines if line and not line.startswith(("#", "30 "))]


def test_the_sed_command_fills_every_name_of_the_nginx_site_and_writes_the_site() -> None:
    sed = next(command for command in _commands() if command[0] == "sed" and "-e" in command)

    expressions = [sed[at + 1] for at, word in enumerate(sed) if word == "-e"]
    filled = {name for one in expressions for name in re.findall(r"^s.@([A-Z0-9_]+)@", one)}

    assert len(filled) == len(expressions)
    assert filled == placeholders(SITE.read_text())
    assert f"deploy/{SITE.name}" in sed


def test_the_guide_installs_the_unit_and_the_settings_file_the_stack_runs() -> None:
    commands = _commands()

    assert ["cp", f"deploy/{UNIT.name}", "/etc/systemd/system/"] in commands
    assert any(f"deploy/{ENV_FILE.name}" in command for command in commands)
    assert exec_start(8001)[1:3] == ["--factory", "retrowalk.web.deployed:app"]
    assert "`uvicorn --factory retrowalk.web.deployed:app`" in GUIDE


def test_the_guide_migrates_once_with_the_command_the_stack_runs() -> None:
    runs = [command[-len(MIGRATE) :] for command in _commands() if "upgrade" in command]

    assert runs and all(run == ["/opt/retrowalk/venv/bin/retrowalk", *MIGRATE[1:]] for run in runs)


def test_the_guide_makes_the_first_clinician_with_the_command_the_stack_runs() -> None:
    runs = [command for command in _commands() if "create-clinician" in command]

    assert len(runs) == 1
    assert runs[0][-len(FIRST_CLINICIAN) :] == [
        "/opt/retrowalk/venv/bin/retrowalk",
        *FIRST_CLINICIAN[1:],
    ]
    assert "--property=EnvironmentFile=/etc/retrowalk/retrowalk.env" in runs[0]
    assert runs[0][runs[0].index("|") - 1] == "$password"  # the password on stdin, never argv


def test_every_setting_of_the_settings_file_is_explained_in_the_guide() -> None:
    assert all(f"`{name}`" in GUIDE for name in env_file_names())
