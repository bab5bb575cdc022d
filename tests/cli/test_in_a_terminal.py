"""`retrowalk init` and `retrowalk log` asked at a real terminal (a pseudo-terminal, through
pexpect): Enter takes the default shown, and a wrong answer is refused with the reason and asked
again, whether the answer's own rule refuses it as it is typed or the service does on saving."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pexpect

from tests.cli.support import RETROWALK, as_json, data_dir_fixture, days_ago, invoke, onboard

__all__ = ["data_dir_fixture"]
ENTER = ""


def _spawn(*arguments: str) -> pexpect.spawn:
    assert RETROWALK is not None
    env = {**os.environ, "TERM": "xterm-256color"}
    return pexpect.spawn(
        RETROWALK, list(arguments), env=env, dimensions=(40, 120), encoding="utf-8", timeout=20
    )


def _answer(child: pexpect.spawn, steps: list[tuple[str, str]]) -> None:
    for question, typed in steps:
        child.expect(question)
        child.sendline(typed)


def _finish(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    output: str = child.before
    return output


def test_init_asks_again_after_a_wrong_answer_and_sets_the_walker_up(data_dir: Path):
    child = _spawn("init")

    _answer(child, [("Your age", "200")])
    child.expect("✗ '200': it should be less than or equal to 110")
    _answer(child, [
        ("Your age", "67"), ("Speeds in mph", "metric"), ("Your weight", "160 lb"),
        ("What brings you", "1"), ("How bad is it", ENTER), ("Knee surgery", ENTER),
        ("cleared you", "yes"), ("pain at rest", "2"), ("Falls", ENTER), ("balance", ENTER),
        ("dizzy", ENTER), ("swollen", ENTER), ("lock or catch", ENTER), ("give way", ENTER),
        ("walked backward", ENTER), ("What will you walk on", ENTER), ("shows speed in", ENTER),
        ("slowest speed", ENTER), ("fastest speed", ENTER), ("changes the speed", ENTER),
        ("highest incline", ENTER), ("handrails", ENTER), ("safety key", ENTER),
        ("Sessions a week", ENTER), ("first session", ENTER), ("Save these answers", ENTER),
    ])  # fmt: skip
    output = _finish(child)

    assert "Set up. First session" in output
    card = as_json(invoke("today", "--json"))
    assert card["units"] == "metric"
    assert card["session"]["decision"]["dose"]["speed"] == {"mph": 0.5, "kmh": 0.8}


def test_init_asks_again_for_an_answer_the_service_refuses_on_saving(data_dir):
    child = _spawn("init", "--age", "58", "--condition", "knee_oa", "--equipment", "deadmill")

    _answer(child, [
        ("Speeds in mph", ENTER), ("Your weight", ENTER), ("How bad is it", ENTER),
        ("Knee surgery", "other"), ("Date of the operation", "2090-01-01"),
    ])  # fmt: skip
    _answer(child, [("cleared you", "yes")])
    for question in ("pain at rest", "Falls", "balance", "dizzy", "swollen",
                     "lock or catch", "give way", "walked backward", "handrails", "Sessions a week",
                     "first session", "Save these answers"):  # fmt: skip
        _answer(child, [(question, ENTER)])
    child.expect("give a date not after today")
    _answer(child, [("Date of the operation", days_ago(30))])
    output = _finish(child)

    # An operation 30 days ago brings the post-surgery rules, whatever the condition says.
    assert "post-surgery" in output


def test_init_takes_mph_or_km_h_as_the_units_and_goes_back_a_question_on_back(data_dir):
    child = _spawn("init", "--condition", "knee_oa", "--cleared-by-clinician")

    child.expect("Type back")
    _answer(child, [("Your age", "67"), ("Speeds in mph", "MPH"), ("Your weight in lb", "<")])
    _answer(child, [("Speeds in mph", "km/h"), ("Your weight in kg", "back")])
    _answer(child, [("Speeds in mph", "KMH"), ("Your weight in kg", "72")])
    for question in ("How bad is it", "Knee surgery", "pain at rest", "Falls", "balance",
                     "dizzy", "swollen", "lock or catch", "give way", "walked backward",
                     "What will you walk on", "shows speed in", "slowest speed", "fastest speed",
                     "changes the speed", "highest incline", "handrails",
                     "safety key"):  # fmt: skip
        _answer(child, [(question, ENTER)])
    _answer(child, [("Sessions a week", "2"), ("first session", ENTER)])
    child.expect("Save these answers")
    summary = child.before
    child.sendline(ENTER)
    _finish(child)

    assert "72 kg" in summary and "km/h" in summary
    assert "knee_oa" not in summary and "motorized_treadmill" not in summary
    walker = as_json(invoke("profile", "--json"))
    assert walker["units"] == "metric" and walker["weight_kg"] == 72
    assert walker["sessions_per_week"] == 2


def test_init_reads_a_bare_weight_in_pounds_for_a_walker_using_mph(data_dir):
    child = _spawn("init", "--age", "67", "--units", "imperial", "--condition", "knee_oa")

    _answer(child, [("Your weight in lb", "160")])
    for question in ("How bad is it", "Knee surgery", "cleared you", "pain at rest", "Falls",
                     "balance", "dizzy", "swollen", "lock or catch", "give way",
                     "walked backward", "What will you walk on", "shows speed in",
                     "slowest speed", "fastest speed", "changes the speed", "highest incline",
                     "handrails", "safety key", "Sessions a week", "first session"):  # fmt: skip
        _answer(child, [(question, ENTER)])
    child.expect("Save these answers")
    summary = child.before
    child.sendline(ENTER)
    _finish(child)

    assert "160 lb" in summary
    walker = as_json(invoke("profile", "--json"))
    assert walker["weight_kg"] == 160 * 0.45359237


def test_log_asks_what_the_options_did_not_give_and_refuses_a_pain_of_eleven(data_dir):
    onboard()
    child = _spawn("log", "--notes", "felt steady")

    _answer(child, [
        ("The day you walked", ENTER), ("Minutes walked", "2.5"), ("Belt speed, mph", ENTER),
        ("Incline", ENTER), ("hand support", ENTER), ("hurt while you walked", "11"),
    ])  # fmt: skip
    child.expect("✗ '11': it should be less than or equal to 10")
    _answer(child, [
        ("hurt while you walked", "2"), ("just after", ENTER), ("How hard", "5"),
        ("sharp, sudden pain", ENTER), ("keep to the cues", ENTER),
        ("swollen", ENTER), ("lock or catch", ENTER), ("give way", ENTER), ("steady enough", ENTER),
    ])  # fmt: skip
    output = _finish(child)

    assert "Logged session 1" in output and "Next session" in output
    [logged] = as_json(invoke("history", "--json"))
    entry = logged["entry"]
    assert (entry["minutes_done"], entry["pain_during"], entry["rpe"]) == (2.5, 2, 5)
    assert entry["notes"] == "felt steady" and entry["pain_after"] is None
    # Enter took the answers shown: given, not unknown (an unknown one never counts as good).
    assert (entry["sharp_pain"], entry["form_ok"], entry["swelling"]) == (False, True, False)


def test_deleting_at_a_terminal_asks_first_and_no_keeps_the_session(data_dir):
    onboard()
    invoke("log", "--yes")
    child = _spawn("log", "delete", "1")

    _answer(child, [("Delete session 1", ENTER)])
    _finish(child)

    assert [s["id"] for s in as_json(invoke("history", "--json"))] == [1]
    assert json.loads(invoke("history", "--json").stdout)[0]["entry"]["done"] is True


def test_profile_asks_each_answer_with_the_one_on_record_as_default(data_dir):
    onboard("--cleared-by-clinician", "--rest-pain", "2")
    child = _spawn("profile", "--ask")

    _answer(child, [("Your age", ENTER), ("Speeds in mph", ENTER), ("Your weight", ENTER),
                    ("What brings you", ENTER), ("How bad is it", ENTER),
                    ("Knee surgery", ENTER), ("cleared you", ENTER)])  # fmt: skip
    child.expect(r"pain at rest.*\(2\)")
    _answer(child, [("", "11")])
    child.expect("✗ '11'")
    _answer(child, [("pain at rest", "4")])
    for question in ("Falls", "balance", "dizzy", "swollen", "lock or catch", "give way",
                     "walked backward", "Sessions a week"):  # fmt: skip
        _answer(child, [(question, ENTER)])
    output = _finish(child)

    assert "Pain at rest: 2 → 4" in output and "Next session" in output
    [kept] = as_json(invoke("profile", "--history", "--json"))
    assert kept["changes"] == [{"field": "rest_pain", "from": 2, "to": 4}]
