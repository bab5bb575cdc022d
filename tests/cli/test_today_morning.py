"""`retrowalk today` the day after a walk whose next-morning pain is unknown: it asks for it
first (at a terminal), keeps the answer once and shows today's session decided with it;
elsewhere it says how to answer, and the JSON card carries the question."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.support import as_json, data_dir_fixture, days_ago, invoke, onboard

__all__ = ["data_dir_fixture"]


@pytest.fixture(name="walked_yesterday")
def walked_yesterday_fixture(data_dir: Path) -> Path:
    onboard(start=days_ago(1))
    logged = invoke("log", "--date", days_ago(1), "--pain-during", "1", "--rpe", "4", "--yes")
    assert logged.exit_code == 0, logged.output
    return data_dir


@pytest.fixture(name="at_a_terminal")
def at_a_terminal_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("retrowalk.cli.today_morning.interactive", lambda: True)


def _mornings() -> list[int | None]:
    return [item["entry"]["pain_next_morning"] for item in as_json(invoke("history", "--json"))]


def test_at_a_terminal_today_asks_the_morning_first_and_shows_the_session_decided_with_it(
    walked_yesterday: Path, at_a_terminal: None
):
    result = invoke("today", input="7\n")

    assert result.exit_code == 3, result.output  # 7/10 the next morning stops walking (§11)
    text = result.stdout
    asked = text.index("How is the knee this morning, after yesterday's walk?")
    assert asked < text.index("Kept: 7/10 the morning after.") < text.index("Next session")
    assert "7/10" in text[text.index("No walking for now") :]  # decided again with it
    assert _mornings() == [7]


def test_the_morning_is_recorded_once_and_not_asked_again(
    walked_yesterday: Path, at_a_terminal: None
):
    invoke("today", input="2\n")

    again = invoke("today", input="5\n")

    assert "How is the knee this morning" not in again.stdout
    assert _mornings() == [2]
    history = as_json(invoke("history", "--json"))
    assert history[0]["entry"]["next_morning_on"] == days_ago(0)


def test_enter_leaves_the_morning_for_later_and_asks_again_next_time(
    walked_yesterday: Path, at_a_terminal: None
):
    first = invoke("today", input="\n")
    second = invoke("today", input="11\n1\n")

    assert first.exit_code == 0 and "Next session" in first.stdout
    assert "Please give a whole number from 0 to 10" in second.stdout
    assert _mornings() == [1]


def test_without_a_terminal_the_card_says_first_how_to_answer(walked_yesterday: Path):
    result = invoke("today")

    text = result.stdout
    assert text.index("First, this morning") < text.index("Next session")
    assert "retrowalk log morning N" in text
    assert _mornings() == [None]


def test_the_json_card_carries_the_morning_question(walked_yesterday: Path, at_a_terminal: None):
    card = as_json(invoke("today", "--json"))

    assert card["morning"]["session_date"] == days_ago(1)
    assert card["morning"]["question"].startswith("How is the knee this morning")
    assert _mornings() == [None]  # JSON never stops to ask


def test_a_walk_three_days_ago_is_no_longer_asked_about(data_dir: Path, at_a_terminal: None):
    onboard(start=days_ago(3))
    invoke("log", "--date", days_ago(3), "--yes")

    card = as_json(invoke("today", "--json"))

    assert card["morning"] is None


def test_the_day_after_next_it_asks_about_the_morning_after_by_date(
    data_dir: Path, at_a_terminal: None
):
    onboard(start=days_ago(2))
    invoke("log", "--date", days_ago(2), "--yes")

    card = json.loads(invoke("today", "--json").stdout)

    assert f"the morning after your walk of {days_ago(2)}" in card["morning"]["question"]
