"""`retrowalk history`, `progress` and `plan` for the stored walker: tables for people, JSON
for scripts, date filters, helpful empty states, and the coming weeks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import (
    ALL_WELL,
    as_json,
    data_dir_fixture,
    days_ago,
    exported,
    invoke,
    onboard,
)

__all__ = ["data_dir_fixture"]


def _three_walks() -> None:
    onboard(start=days_ago(6))
    for days, pain in ((6, 1), (4, 2), (2, 3)):
        given = ("--pain-during", str(pain), "--rpe", "4", "--pain-next-morning", "1", *ALL_WELL)
        result = invoke("log", "--yes", "--date", days_ago(days), *given)
        assert result.exit_code == 0, result.output


def test_history_lists_each_session_beside_its_prescription(data_dir: Path):
    _three_walks()

    result = invoke("history")

    assert result.exit_code == 0, result.output
    assert "Sessions logged" in result.stdout
    assert all(days_ago(days) in result.stdout for days in (6, 4, 2))
    assert result.stdout.count("3 min, 0.5 mph, flat, 2 hands") == 2
    assert "4 min, 0.5 mph, flat, 2 hands" in result.stdout  # the third stepped up


def test_history_dates_filter_the_sessions(data_dir):
    _three_walks()

    shown = as_json(invoke("history", "--since", days_ago(4), "--until", days_ago(3), "--json"))

    assert [s["on"] for s in shown] == [days_ago(4)]
    assert shown[0]["prescribed"]["kind"] == "hold"


def test_an_empty_history_says_how_to_fill_it(data_dir):
    onboard()

    result = invoke("history")

    assert result.exit_code == 0
    assert "No sessions logged yet" in result.stdout and "retrowalk go" in result.stdout


def test_progress_json_has_the_points_weeks_adherence_streak_and_energy(data_dir):
    _three_walks()

    figures = as_json(invoke("progress", "--json"))

    assert [p["pain_during"] for p in figures["points"]] == [1, 2, 3]
    assert sum(week["sessions"] for week in figures["weeks"]) == 3
    assert 0 < figures["adherence"] <= 1
    assert figures["energy_kcal"] > 0
    assert "streak_weeks" in figures


def test_progress_draws_the_measures_and_the_weeks(data_dir):
    _three_walks()

    result = invoke("progress")

    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "3 sessions walked" in text
    assert "Pain during, 0-10" in text and "1 → 3" in text
    assert "Week by week" in text and "█" in text


def test_progress_with_no_pain_given_shows_it_as_unknown(data_dir):
    onboard(start=days_ago(2))
    logged = invoke("log", "--yes", "--date", days_ago(2))
    assert logged.exit_code == 0, logged.output

    result = invoke("progress")

    assert result.exit_code == 0, result.output
    assert "1 session walked" in result.stdout
    assert "Worst pain" in result.stdout and "/10" not in result.stdout


def test_progress_shows_speeds_in_the_units_set(data_dir):
    _three_walks()
    invoke("config", "set", "units", "metric")

    result = invoke("progress")

    assert "Speed, km/h" in result.stdout and "0.8 → 0.8" in result.stdout


def test_progress_before_any_walk_says_it_starts_with_the_first(data_dir):
    onboard()

    result = invoke("progress")

    assert result.exit_code == 0
    assert "Nothing walked yet" in result.stdout


def test_plan_without_a_file_shows_the_coming_weeks_for_the_walker(data_dir):
    onboard()

    result = invoke("plan", "--weeks", "2")

    assert result.exit_code == 0, result.output
    assert "retrowalk plan" in result.stdout and "start" in result.stdout
    assert days_ago(-2) in result.stdout


def test_plan_json_continues_from_the_session_still_to_walk(data_dir):
    _three_walks()

    plan = as_json(invoke("plan", "--weeks", "3", "--json"))

    sessions = plan["sessions"]
    assert sessions[0]["index"] == 3
    assert sessions[0]["date"] >= days_ago(0)
    assert any(s["decision"] == "progress" for s in sessions)


def test_plan_for_a_red_flag_walker_exits_3(data_dir):
    onboard("--locking")

    result = invoke("plan")

    assert result.exit_code == 3
    assert "No plan" in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["history", "--since", "2026-02-30"],
        ["history", "--since", days_ago(1), "--until", days_ago(3)],
        ["progress", "--until", "tomorrow"],
        ["plan", "--weeks", "0"],
    ],
)
def test_bad_dates_and_weeks_are_refused_without_a_traceback(data_dir, arguments):
    _three_walks()
    before = exported()

    result = invoke(*arguments)

    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert exported() == before


def test_plan_at_the_walkers_usual_pain_holds_where_a_pain_free_plan_progresses(data_dir):
    onboard("--rest-pain", "5")

    well = as_json(invoke("plan", "--weeks", "4", "--json"))["sessions"]
    usual = as_json(invoke("plan", "--weeks", "4", "--pain", "usual", "--json"))["sessions"]

    assert any(s["decision"] == "progress" for s in well)
    assert not any(s["decision"] == "progress" for s in usual)
    assert [s["date"] for s in usual] == [s["date"] for s in well]


def test_the_plans_energy_total_is_rounded_like_everywhere_else(data_dir):
    onboard()

    result = invoke("plan", "--weeks", "4")

    assert result.exit_code == 0, result.output
    total = result.stdout.split("minutes walked, about ")[1].split(" kcal")[0]
    assert total.isdigit(), total
