"""`retrowalk today`: the session ahead with why, the checklist and the cues; the empty state;
the rest day; the safety stop; and the day's card kept until the database changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from retrowalk.bootstrap import bootstrap
from retrowalk.services.local_walker import local_walker
from retrowalk.services.log_session import log_command, log_session
from tests.cli.support import (
    ROOT,
    as_json,
    data_dir_fixture,
    days_ago,
    invoke,
    onboard,
    retrowalk,
)

__all__ = ["data_dir_fixture"]


def test_before_init_today_says_to_run_init_and_exits_2(data_dir: Path):
    result = invoke("today")

    assert result.exit_code == 2
    assert "No walker yet: run `retrowalk init`" in result.stderr


def test_today_shows_the_dose_why_the_checklist_and_the_cues(data_dir):
    onboard()

    result = invoke("today")

    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Today" in text and "session 1" in text
    assert "3 minutes at 0.5 mph, flat, both hands on the rails" in text
    assert "Start: 3 min at 0.5 mph" in text
    assert "Clip the safety key to your clothing." in text
    assert "Reach back with a soft, slightly bent knee." in text
    assert "\x1b[" not in text


def test_today_json_holds_the_card(data_dir):
    onboard()

    card = as_json(invoke("today", "--json"))

    session = card["session"]
    assert card["units"] == "imperial"
    assert session["is_today"] is True and session["sets"] == [3.0]
    assert session["decision"]["dose"]["speed"] == {"mph": 0.5, "kmh": 0.8}
    assert len(card["checklist"]) == 4 and card["cues"]
    assert session["energy_kcal"] > 0


def test_after_a_walk_today_is_a_rest_day_and_names_the_next_session(data_dir):
    onboard()
    invoke("log", "--yes")

    result = invoke("today")

    assert result.exit_code == 0, result.output
    assert "Next session" in result.stdout and "(in 2 days)" in result.stdout
    assert "Today is a rest day." in result.stdout


def test_a_red_flag_walker_gets_no_plan_and_exit_status_3(data_dir):
    onboard("--dizziness")

    result = invoke("today")

    assert result.exit_code == 3
    assert "Dizziness" in result.stdout and "No plan" in result.stdout


def test_the_card_is_worked_out_again_after_any_write_to_the_database(data_dir):
    onboard(start=days_ago(2))
    first = invoke("today", "--json")
    wiring = bootstrap()
    walker = local_walker(wiring.uow())
    assert walker is not None
    log_session(log_command(walker_id=walker.id), wiring.uow(), wiring.clock)
    wiring.close()

    second = invoke("today", "--json")

    assert as_json(first)["session"]["seq"] == 0
    assert as_json(second)["session"]["seq"] == 1


def test_the_cached_card_prints_what_the_full_command_prints(data_dir):
    onboard()
    worked_out = invoke("today")

    cached = retrowalk("today")

    assert (data_dir / "cache" / "today.json").exists()
    assert cached.returncode == 0, cached.stderr
    assert cached.stdout == worked_out.stdout


def test_the_cached_card_loads_neither_typer_nor_the_database_libraries(data_dir):
    onboard()
    invoke("today")
    probe = (
        "import sys; from retrowalk.cli.main import run; sys.argv = ['retrowalk', 'today'];"
        "\ntry: run()\nexcept SystemExit: pass\n"
        "print(sorted(m for m in ('typer', 'sqlalchemy', 'pydantic') if m in sys.modules),"
        " file=sys.stderr)"
    )

    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)

    assert ran.stderr.strip() == "[]"
    assert "3 minutes at 0.5 mph" in ran.stdout


def test_a_sled_walker_sees_sets_and_load_without_a_treadmill_checklist(data_dir):
    sled = ROOT / "examples" / "sled_kmh.json"
    invoke("init", "--from-file", str(sled), "--start", days_ago(0))

    result = invoke("today")

    assert result.exit_code == 0, result.output
    assert "2 × 10 m pulling 5 kg" in result.stdout
    assert "Before the belt moves" not in result.stdout and "retrowalk go" not in result.stdout
