"""`retrowalk log` and implausible logs (PROTOCOL.md §11): --yes never confirms a value far from
the prescription (3 min at 0.5 mph, 0 % here) or a second log for one day, --confirm does; at
a terminal the question is asked and the answer decides. "1,2" is read as 1.2 everywhere."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cli.support import as_json, data_dir_fixture, exported, invoke, onboard
from tests.cli.test_in_a_terminal import ENTER, _answer, _finish, _spawn

__all__ = ["data_dir_fixture"]


def _history() -> list[dict[str, Any]]:
    sessions: list[dict[str, Any]] = as_json(invoke("history", "--json"))
    return sessions


@pytest.mark.parametrize(
    ("options", "named", "words"),
    [
        (["--minutes", "30"], "--minutes", "You logged 30 min for a 3-min session"),
        (["--speed", "1,2"], "--speed", "You logged 1.2 mph where 0.5 mph was prescribed"),
        (["--incline", "2"], "--incline", "an incline of 2 % where 0 % was prescribed"),
    ],
)
def test_yes_refuses_a_far_value_without_confirm_and_logs_nothing(
    data_dir, options: list[str], named: str, words: str
):
    onboard()
    before = exported()

    result = invoke("log", "--yes", *options)

    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {named}:") and words in result.stderr
    assert "--confirm" in result.stderr and "nothing was logged" in result.stderr
    assert exported() == before


def test_confirm_logs_a_far_value_as_given(data_dir):
    onboard()

    shown = as_json(invoke("log", "--yes", "--confirm", "--minutes", "30", "--speed", "1,2",
                           "--json"))  # fmt: skip

    assert shown["session"]["entry"]["minutes_done"] == 30
    assert shown["session"]["entry"]["speed_done"]["mph"] == 1.2


def test_a_decimal_comma_is_a_decimal_point(data_dir):
    onboard()

    shown = as_json(invoke("log", "--yes", "--speed", "0,6", "--minutes", "2,5", "--json"))

    entry = shown["session"]["entry"]
    assert entry["speed_done"]["mph"] == 0.6 and entry["minutes_done"] == 2.5


def test_a_number_with_two_separators_is_refused_by_option(data_dir):
    onboard()

    result = invoke("log", "--yes", "--speed", "1.000,5")

    assert result.exit_code == 2 and result.stderr.startswith("Error: --speed: got '1.000,5'")


def test_a_second_log_for_the_day_is_refused_with_yes_and_logged_with_confirm(data_dir):
    onboard()
    invoke("log", "--yes")

    refused = invoke("log", "--yes")
    confirmed = invoke("log", "--yes", "--confirm")

    assert refused.exit_code == 2 and "is logged for" in refused.stderr
    assert "already (log 1," in refused.stderr
    assert confirmed.exit_code == 0, confirmed.output
    assert len(_history()) == 2


def test_an_edit_to_a_far_value_needs_confirm(data_dir):
    onboard()
    invoke("log", "--yes")

    refused = invoke("log", "edit", "1", "--minutes", "30")
    confirmed = invoke("log", "edit", "1", "--minutes", "30", "--confirm")

    assert refused.exit_code == 2 and refused.stderr.startswith("Error: --minutes:")
    assert confirmed.exit_code == 0, confirmed.output
    assert _history()[0]["entry"]["minutes_done"] == 30


def test_log_yes_records_answers_not_given_as_unknown(data_dir):
    onboard()

    invoke("log", "--yes")

    [logged] = _history()
    assert logged["entry"]["pain_during"] is None and logged["entry"]["rpe"] is None


def _log_at_a_terminal(minutes: str) -> Any:
    child = _spawn("log")
    _answer(child, [("The day you walked", ENTER), ("Minutes walked", minutes)])
    _answer(child, [
        ("Belt speed, mph", ENTER), ("Incline", ENTER), ("hand support", ENTER),
        ("hurt while you walked", "1"), ("just after", ENTER), ("How hard", "4"),
        ("sharp, sudden pain", ENTER), ("keep to the cues", ENTER),
        ("swollen", ENTER), ("lock or catch", ENTER), ("give way", ENTER),
        ("steady enough", ENTER), ("Anything to note", ENTER),
    ])  # fmt: skip
    child.expect("You logged 30 min for a 3-min session: is that right?")
    return child


def test_at_a_terminal_yes_to_the_question_logs_the_value(data_dir):
    onboard()
    child = _log_at_a_terminal("30")

    child.sendline("yes")
    output = _finish(child)

    assert "Logged session 1" in output
    assert _history()[0]["entry"]["minutes_done"] == 30


def test_at_a_terminal_no_to_the_question_asks_for_the_value_again(data_dir):
    onboard()
    child = _log_at_a_terminal("30")

    child.sendline(ENTER)  # the default is no
    _answer(child, [("Minutes walked", "2")])
    output = _finish(child)

    assert "Logged session 1" in output
    assert _history()[0]["entry"]["minutes_done"] == 2
