"""The sessions as CSV, read from the typed history on every store: one row per session kept,
the dose prescribed beside what was done, in the documented column order."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from retrowalk.domain.outcome_fields import OUTCOME_FIELDS
from retrowalk.services.log_edit import NextMorningIn, add_next_morning_pain, delete_log, edit_log
from retrowalk.services.session_csv import export_csv
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.store.builders import onboarded, walk

GUIDE = (Path(__file__).parents[2] / "docs" / "storage.md").read_text(encoding="utf-8")


def _rows(backend: Backend) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export_csv(backend.uow()))))


def test_the_csv_has_one_row_per_session_kept_with_the_dose_beside_what_was_done(
    backend: Backend, clock
) -> None:
    ann = onboarded(backend, clock, account="ann", walker={"rest_pain": 5}).walker
    onboarded(backend, clock, account="bob", equipment={"kind": "sled", "max_load_kg": 40})
    logs = walk(backend, clock, ann.id, 4, pain_during=2, notes="Ünïcode ✓")
    delete_log(ann.id, logs[1].log.id, backend.uow(), clock)

    rows = _rows(backend)

    assert [row["date"] for row in rows] == ["2027-01-04", "2027-01-08", "2027-01-11"]
    assert rows[0]["prescribed_minutes"] == "2.0" and rows[0]["pain_during"] == "2"
    assert rows[0]["notes"] == "Ünïcode ✓" and rows[0]["source"] == "manual"
    assert {row["walker_id"] for row in rows} == {str(ann.id)}


def test_answers_are_written_as_given_and_unknown_ones_are_empty(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    [first, second] = walk(backend, clock, walker.id, 2, pain_during=1, notes='a, "quoted" note')
    morning = NextMorningIn(walker_id=walker.id, log_id=first.log.id, pain=3)
    add_next_morning_pain(morning, backend.uow(), clock)
    edit_log(walker.id, second.log.id, {"sharp_pain": True, "rpe": None}, backend.uow(), clock)

    rows = _rows(backend)

    assert rows[0]["pain_next_morning"] == "3" and rows[1]["pain_next_morning"] == ""
    assert (rows[1]["sharp_pain"], rows[1]["rpe"], rows[1]["swelling"]) == ("true", "", "false")
    assert rows[1]["notes"] == 'a, "quoted" note' and rows[0]["prescribed_hands"] == "both"


def test_the_columns_are_in_the_order_the_guide_gives(backend: Backend, clock) -> None:
    onboarded(backend, clock)

    header = export_csv(backend.uow()).splitlines()[0]

    assert f"\n  {header}\n" in GUIDE


def test_each_row_says_how_its_dose_was_decided_and_what_it_led_to(backend: Backend, clock) -> None:
    walker = onboarded(backend, clock).walker
    logs = walk(backend, clock, walker.id, 3, pain_during=1)

    rows = _rows(backend)

    assert [row["seq"] for row in rows] == ["1", "2", "3"]  # as the walker counts
    assert rows[0]["decision"] == "start" and rows[0]["reason"]
    for row, after in zip(rows, logs, strict=True):
        following = after.next_session.decision
        assert row["led_to"] == following.kind.value
        assert row["led_to_reason"] == " ".join(following.reasons)
    assert rows[1]["decision"] == rows[0]["led_to"]
    assert rows[1]["reason"] == rows[0]["led_to_reason"]


def test_what_was_done_as_prescribed_is_filled_in_and_a_missed_session_left_empty(
    backend: Backend, clock
) -> None:
    walker = onboarded(backend, clock).walker
    [walked] = walk(backend, clock, walker.id, 1, pain_during=1)
    [missed] = walk(backend, clock, walker.id, 1, done=False)
    assert walked.log.id != missed.log.id

    walked_row, missed_row = _rows(backend)

    prescribed = [walked_row[name] for name in ("prescribed_minutes", "prescribed_speed")]
    done = [walked_row[name] for name in ("minutes_done", "speed_done")]
    assert done == prescribed
    assert walked_row["speed_done_unit"] == walked_row["prescribed_speed_unit"]
    assert walked_row["incline_done"] == walked_row["prescribed_incline_percent"]
    assert walked_row["hands_done"] == walked_row["prescribed_hands"] == "both"
    assert missed_row["done"] == "false"
    assert [missed_row[name] for name in ("speed_done", "incline_done", "hands_done")] == [
        "",
        "",
        "",
    ]


def _read_back(cell: str, kind: type) -> object:
    """A cell as a spreadsheet's reader would take it: empty is unknown, true/false, numbers."""
    if cell == "":
        return None
    if kind is bool:
        assert cell in ("true", "false"), cell
        return cell == "true"
    return kind(float(cell)) if kind is int else float(cell)


def test_every_answer_reads_back_from_the_csv_as_the_history_holds_it(
    backend: Backend, clock
) -> None:
    """The round trip: each answer column, read back by its kind, equals the typed history's
    answer (unknown stays unknown, never 0 or false)."""
    walker = onboarded(backend, clock).walker
    logs = walk(backend, clock, walker.id, 2, pain_during=2, pain_after=3)
    edit_log(walker.id, logs[1].log.id, {"rpe": None, "swelling": True}, backend.uow(), clock)
    walk(backend, clock, walker.id, 1, done=False)

    rows = _rows(backend)
    with backend.uow().reading() as uow:
        kept = uow.sessions.history(walker.id, None, None)

    assert len(rows) == len(kept) == 3
    for row, logged in zip(rows, kept, strict=True):
        assert int(row["log_id"]) == logged.log_id and row["date"] == logged.on.isoformat()
        for answer in OUTCOME_FIELDS:
            if answer.name == "minutes_done":
                continue  # filled in from the prescription when walked in full (test above)
            given = getattr(logged.entry.outcome, answer.name)
            assert _read_back(row[answer.name], answer.kind) == given, (answer.name, row)
