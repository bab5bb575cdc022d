"""`retrowalk profile` and `retrowalk clearance`: the walker's answers shown and changed (the
plan stopped while a red flag stands, re-planned once it has gone), a clinician's clearance
with its date, and the history of both."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.support import as_json, data_dir_fixture, days_ago, exported, invoke, onboard

__all__ = ["data_dir_fixture"]


def test_without_options_it_shows_the_answers_on_record(data_dir: Path) -> None:
    onboard()

    shown = as_json(invoke("profile", "--json"))

    assert shown["age"] == 67 and shown["condition"] == "knee_oa"
    assert shown["swelling"] is False and shown["sessions_per_week"] == 3
    text = invoke("profile").stdout
    assert "Usual pain at rest: 0 of 10" in text and "Weight: 159 lb (72 kg)" in text
    assert "knee osteoarthritis" in text and "motorized treadmill" in text
    assert "knee_oa" not in text and "motorized_treadmill" not in text and "imperial" not in text


def test_a_weight_in_pounds_is_kept_in_kilograms(data_dir: Path) -> None:
    onboard()

    changed = invoke("profile", "--weight-lb", "150")

    assert changed.exit_code == 0, changed.output
    assert as_json(invoke("profile", "--json"))["weight_kg"] == 150 * 0.45359237


def test_swelling_stops_the_plan_with_exit_3_and_its_going_plans_again(data_dir: Path) -> None:
    onboard("--cleared-by-clinician")

    stopped = invoke("profile", "--swelling", "--json")

    assert stopped.exit_code == 3, stopped.output
    body = json.loads(stopped.stdout)
    assert body["next_session"] is None and body["cleared_to_walk"] is False
    assert invoke("today").exit_code == 3
    assert invoke("log", "--pain-during", "1", "--yes").exit_code == 3
    resumed = as_json(invoke("profile", "--no-swelling", "--json"))
    assert resumed["next_session"]["decision"]["walk"] is True
    assert resumed["change"]["changes"] == [{"field": "swelling", "from": True, "to": False}]
    assert invoke("today").exit_code == 0


def test_a_new_operation_applies_the_post_surgery_protocol(data_dir: Path) -> None:
    onboard("--cleared-by-clinician")

    result = invoke(
        "profile", "--surgery", "tkr", "--surgery-date", days_ago(60), "--cleared-by-clinician"
    )

    assert result.exit_code == 0, result.output
    assert "post-surgery protocol" in result.stdout
    assert as_json(invoke("profile", "--json"))["protocol"] == "post_surgery"


def test_a_clearance_is_kept_with_its_date_and_shown_in_the_history(data_dir: Path) -> None:
    operated = ["--condition", "post_acl", "--surgery", "acl", "--surgery-date", days_ago(120)]
    onboard(*operated, "--no-cleared-by-clinician")
    assert invoke("today").exit_code == 3

    cleared = invoke("clearance", "--on", days_ago(1), "--clinician", "Dr Lee", "--notes", "ok")

    assert cleared.exit_code == 0, cleared.output
    assert "Next session" in cleared.stdout
    [kept] = as_json(invoke("profile", "--history", "--json"))
    assert kept["kind"] == "clearance"
    assert kept["clearance"] == {"on": days_ago(1), "clinician": "Dr Lee", "notes": "ok"}
    history = invoke("profile", "--history").stdout
    assert f"cleared by Dr Lee on {days_ago(1)}" in history
    assert "Cleared by a clinician: no → yes" in history


def test_a_bad_answer_names_its_option_and_changes_nothing(data_dir: Path) -> None:
    onboard()
    before = exported()

    result = invoke("profile", "--rest-pain", "11")

    assert result.exit_code == 2
    assert "--rest-pain: got 11" in result.stderr
    assert exported() == before


def test_an_operation_needs_its_kind_and_date(data_dir: Path) -> None:
    onboard()
    before = exported()

    no_kind = invoke("profile", "--surgery-date", days_ago(10))
    no_date = invoke("profile", "--surgery", "acl")

    assert no_kind.exit_code == 2 and "--surgery:" in no_kind.stderr
    assert no_date.exit_code == 2 and "--surgery-date:" in no_date.stderr
    assert exported() == before


def test_a_clearance_in_the_future_is_refused_by_its_option(data_dir: Path) -> None:
    onboard()
    before = exported()

    result = invoke("clearance", "--on", "2099-01-01")

    assert result.exit_code == 2
    assert "--on: got '2099-01-01'" in result.stderr
    assert exported() == before


def test_asking_needs_a_terminal(data_dir: Path) -> None:
    onboard()

    result = invoke("profile", "--ask")

    assert result.exit_code == 2
    assert "not a terminal" in result.stderr
