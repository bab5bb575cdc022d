"""The sessions as CSV, read from the typed history on every store: one row per session kept,
the dose prescribed beside what was done, in the documented column order."""

from __future__ import annotations

import csv
import io
from pathlib import Path

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
    assert (rows[1]["sharp_pain"], rows[1]["rpe"], rows[1]["swelling"]) == ("True", "", "False")
    assert rows[1]["notes"] == 'a, "quoted" note' and rows[0]["prescribed_hands"] == "both"


def test_the_columns_are_in_the_order_the_guide_gives(backend: Backend, clock) -> None:
    onboarded(backend, clock)

    header = export_csv(backend.uow()).splitlines()[0]

    assert f"\n  {header}\n" in GUIDE
