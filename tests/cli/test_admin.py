"""`retrowalk admin`: the first clinician or admin (password asked twice without echo, or read
from stdin), refusals with a reason, a reset link that works once, and the account list."""

from __future__ import annotations

import json
from pathlib import Path

from retrowalk.bootstrap import bootstrap
from retrowalk.services.login import LoginIn, log_in
from retrowalk.services.reset_links import account_to_reset
from retrowalk.settings import Settings
from tests.cli.support import data_dir_fixture, invoke  # noqa: F401 - a fixture, by its name

PASSWORD = "correct horse battery"


def test_create_clinician_asks_the_password_twice_and_the_clinician_can_log_in(
    data_dir: Path,
) -> None:
    made = invoke("admin", "create-clinician", "Dr.Lee", input=f"{PASSWORD}\n{PASSWORD}\n")

    assert made.exit_code == 0, made.output
    assert "Created the clinician dr.lee." in made.output
    assert PASSWORD not in made.output  # asked without echo
    wiring = bootstrap(Settings(data_dir=data_dir))
    try:
        done = log_in(LoginIn("dr.lee", PASSWORD, "127.0.0.1"), wiring.uow(), wiring.clock)
    finally:
        wiring.close()
    assert done.account.role.value == "clinician"


def test_create_clinician_reads_the_password_from_stdin_and_makes_an_admin(
    data_dir: Path,
) -> None:
    made = invoke(
        "admin", "create-clinician", "root", "--admin", "--password-stdin", input=PASSWORD + "\n"
    )

    listed = invoke("admin", "accounts", "--json")
    assert made.exit_code == 0, made.output
    assert [(a["name"], a["role"]) for a in json.loads(listed.output)] == [("root", "admin")]


def test_an_existing_name_or_a_short_password_is_refused_with_status_2(data_dir: Path) -> None:
    invoke("admin", "create-clinician", "dr.lee", "--password-stdin", input=PASSWORD + "\n")

    taken = invoke("admin", "create-clinician", "dr.lee", "--password-stdin", input=PASSWORD)
    short = invoke("admin", "create-clinician", "dr.kay", "--password-stdin", input="short\n")

    assert taken.exit_code == short.exit_code == 2
    assert "name" in taken.output and "already" in taken.output
    assert "12 to 128 characters" in short.output and "short'" not in short.output


def test_reset_link_prints_a_link_for_the_address_given(data_dir: Path) -> None:
    invoke("admin", "create-clinician", "dr.lee", "--password-stdin", input=PASSWORD + "\n")

    printed = invoke("admin", "reset-link", "dr.lee", "--address", "https://walk.example/")
    unknown = invoke("admin", "reset-link", "nobody")

    assert printed.exit_code == 0, printed.output
    link = printed.output.strip()
    assert link.startswith("https://walk.example/reset?token=")
    wiring = bootstrap(Settings(data_dir=data_dir))
    try:
        token = link.split("token=")[1]
        assert account_to_reset(token, wiring.uow(), wiring.clock).name == "dr.lee"
    finally:
        wiring.close()
    assert unknown.exit_code == 2
