"""The progress page's charts: pain read against the walker's usual pain and the limit, series
told apart by dash and marker shape with a legend, the decision each session led to marked on
the dose charts, no incline chart for a flat plan, and text sized for a phone inside the box."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.engine_state import Decision, DecisionKind
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.units import Speed, UnitSystem
from retrowalk.services.clock import FixedClock
from retrowalk.services.history import SessionRecord
from retrowalk.services.progress import Progress, ProgressPoint
from retrowalk.services.progress_view import ProgressView
from retrowalk.services.records import LoggedEntry, LoggedSession, Performed, Source
from retrowalk.web.charts.frame import MIN_TEXT_PX, PHONE_CHART_PX, TEXT, VIEW_WIDTH
from retrowalk.web.charts.line import LineChart
from retrowalk.web.charts.markers import CIRCLE, DIAMOND, DOWN, SQUARE, UP
from retrowalk.web.charts.scale import BOTTOM, HEIGHT, TOP
from retrowalk.web.charts.sessions import session_charts, table_rows
from tests.web.builders import onboard
from tests.web.test_history_record import ALL_WELL, text_of

DAYS = [date(2027, 1, 4) + timedelta(days=2 * i) for i in range(4)]
DOSE = Dose(3.0, HandSupport.BOTH, Speed.mph(0.5), 0.0)


def point(
    on: date, incline: float = 0.0, morning: int | None = 1, after: int | None = 1
) -> ProgressPoint:
    return ProgressPoint(on, 3.0, 0.5, 0.8, incline, 2, after, morning, None, 12.0)


def decided(kind: DecisionKind, walk: bool = True, stepped_down: bool = False) -> Decision:
    return Decision(kind, DOSE, None, ("because",), walk=walk, stepped_down=stepped_down)


def record(on: date, led_to: Decision | None) -> SessionRecord:
    entry = LoggedEntry(SessionOutcome(), Performed(), None, "", Source.MANUAL)
    return SessionRecord(LoggedSession(1, 1, on, decided(DecisionKind.HOLD), entry), led_to)


def view(
    points: list[ProgressPoint],
    led_to: Sequence[Decision | None] | None = None,
    usual: int = 2,
    limit: int = 5,
) -> ProgressView:
    found = Progress(tuple(points), (), None, 0, None)
    records = () if led_to is None else tuple(map(record, [p.on for p in points], led_to))
    return ProgressView(found, records, usual, limit)


def chart(charts: list[LineChart], key: str) -> LineChart:
    return next(c for c in charts if c.key == key)


def test_the_usual_pain_and_the_limit_are_lines_at_their_own_height_on_the_pain_chart() -> None:
    charts = session_charts(view([point(d) for d in DAYS], usual=2, limit=5), UnitSystem.IMPERIAL)

    pain = chart(charts, "pain")

    bottom = HEIGHT - BOTTOM
    at = {ref.style: ref.y for ref in pain.references}
    assert at["limit"] == pytest.approx(bottom - (bottom - TOP) * 5 / 10, abs=0.1)
    assert at["baseline"] == pytest.approx(bottom - (bottom - TOP) * 2 / 10, abs=0.1)
    assert [ref.label for ref in pain.references] == ["limit 5/10", "your usual pain 2/10"]


def test_next_morning_is_the_main_pain_line_and_each_series_has_its_own_dash_and_shape() -> None:
    pain = chart(session_charts(view([point(d) for d in DAYS]), UnitSystem.IMPERIAL), "pain")

    drawn = [(line.name, line.style, line.marks[0].shape) for line in pain.lines]
    assert drawn[0] == ("next morning", "solid", CIRCLE)
    assert {(s, shape) for _, s, shape in drawn[1:]} == {("dashed", SQUARE), ("dotted", DIAMOND)}
    legend = {(e.label, e.line, e.shape) for e in pain.legend}
    assert ("during", "dashed", SQUARE) in legend and ("after", "dotted", DIAMOND) in legend
    assert ("limit 5/10", "limit", None) in legend
    assert ("your usual pain 2/10", "baseline", None) in legend


def test_each_decision_a_session_led_to_has_its_own_marker_and_legend_entry() -> None:
    led_to = [
        decided(DecisionKind.PROGRESS),
        decided(DecisionKind.HOLD),
        decided(DecisionKind.REGRESS, stepped_down=True),
        decided(DecisionKind.PAUSED, walk=False),
    ]
    charts = session_charts(view([point(d) for d in DAYS], led_to), UnitSystem.IMPERIAL)

    for key in ("minutes", "speed"):
        marks = chart(charts, key).lines[0].marks
        assert [(m.kind, m.shape) for m in marks] == [
            ("progress", UP),
            ("hold", CIRCLE),
            ("step down", DOWN),
            ("stop", SQUARE),
        ]
        assert [e.label for e in chart(charts, key).legend] == [
            "led to progress",
            "led to hold",
            "led to step down",
            "led to stop",
        ]
    assert all(m.kind is None for m in chart(charts, "pain").lines[0].marks)


def test_a_legend_names_only_the_decisions_that_were_made() -> None:
    led_to = [decided(DecisionKind.HOLD)] * 3 + [None]

    charts = session_charts(view([point(d) for d in DAYS], led_to), UnitSystem.IMPERIAL)

    assert [e.label for e in chart(charts, "minutes").legend] == ["led to hold"]


def test_a_flat_plan_has_no_incline_chart() -> None:
    flat = session_charts(view([point(d) for d in DAYS]), UnitSystem.METRIC)
    inclined = session_charts(view([point(d, incline=d.day % 3) for d in DAYS]), UnitSystem.METRIC)

    assert [c.key for c in flat] == ["minutes", "speed", "pain"]
    assert [c.key for c in inclined] == ["minutes", "speed", "incline", "pain"]


def test_the_chart_text_is_sized_for_fourteen_pixels_on_a_phone() -> None:
    assert TEXT * PHONE_CHART_PX / VIEW_WIDTH >= MIN_TEXT_PX


def test_the_table_says_which_answers_were_not_given_and_the_hands_used() -> None:
    rows = table_rows(view([point(DAYS[0], morning=None, after=None)], [None]), UnitSystem.METRIC)

    assert rows[0].pain_during == "2 of 10" and rows[0].pain_after == "not given"
    assert rows[0].pain_next_morning == "not reported" and rows[0].effort == "not given"
    assert rows[0].hands == "both hands on the rails" and rows[0].speed == "0.8 km/h"


def test_the_progress_page_draws_the_references_markers_and_every_pain_column(
    sqlite_client: TestClient, clock: FixedClock
) -> None:
    walker_id = onboard(sqlite_client, start="2027-01-04")
    sessions = f"/api/walkers/{walker_id}/sessions"
    walk = {"date": "2027-01-04", "pain_during": 1, "pain_after": 1, "rpe": 4} | ALL_WELL
    sqlite_client.post(sessions, json=walk)
    clock.current = datetime(2027, 1, 6, 9)
    stopped = {"minutes_done": 0.16, "stop_reason": "pain", "pain_during": 7, "rpe": 5}
    sqlite_client.post(sessions, json={"date": "2027-01-06", **stopped} | ALL_WELL)
    clock.current = datetime(2027, 1, 7, 9)

    html = sqlite_client.get("/progress?shown=all").text

    assert 'data-reference="limit 5/10"' in html
    assert 'data-reference="your usual pain' in html
    assert 'data-led-to="stop"' in html and 'id="chart-incline"' not in html
    assert f'font-size="{TEXT}"' in html
    text = text_of(html)
    for column in ("Pain during", "Pain after", "Pain next morning", "Effort", "Hands"):
        assert column in text
    assert "not reported" in text and "led to stop" in text


def test_a_week_that_met_the_plan_is_marked_by_a_tick_not_by_colour_alone(
    sqlite_client: TestClient, clock: FixedClock
) -> None:
    walker_id = onboard(sqlite_client, start="2027-01-04")
    sessions = f"/api/walkers/{walker_id}/sessions"
    for day in (4, 6, 8):  # the three planned days of the first week
        clock.current = datetime(2027, 1, day, 9)
        walk = {"date": f"2027-01-0{day}", "pain_during": 1, "rpe": 4} | ALL_WELL
        assert sqlite_client.post(sessions, json=walk).status_code == 201
    clock.current = datetime(2027, 1, 12, 9)

    html = sqlite_client.get("/progress?shown=all").text

    assert html.count('class="met-mark"') == 1
    assert "✓ plan met" in text_of(html)
