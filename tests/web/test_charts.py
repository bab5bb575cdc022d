"""The SVG charts: shapes from numbers, scaled inside the plot, and drawn as valid SVG."""

from __future__ import annotations

from datetime import date, timedelta
from xml.etree import ElementTree

from retrowalk.services.progress import WeekVolume
from retrowalk.web.charts.bars import weekly_volume
from retrowalk.web.charts.calendar import MOST_WEEKS, adherence_calendar
from retrowalk.web.charts.line import Series, line_chart
from retrowalk.web.charts.scale import BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH, nice_top
from retrowalk.web.pages.render import TEMPLATES

DAYS = [date(2027, 1, 4) + timedelta(days=2 * i) for i in range(5)]


def test_round_tops_cover_the_highest_value_with_at_most_five_ticks() -> None:
    for highest in (0.4, 3, 7.5, 12, 29, 180):
        top, step = nice_top(highest)

        assert top >= highest and top / step <= 5


def test_every_point_lies_inside_the_plot() -> None:
    chart = line_chart("m", "Minutes", "min", DAYS, [Series("m", "solid", [2, 3, 3, 4, 5])])

    marks = chart.lines[0].marks
    assert all(LEFT <= m.x <= WIDTH - RIGHT and TOP <= m.y <= HEIGHT - BOTTOM for m in marks)
    assert marks[0].x == LEFT and marks[-1].x == WIDTH - RIGHT
    assert marks[-1].y < marks[0].y  # more minutes, higher up


def test_a_missing_value_breaks_the_line_instead_of_joining_across_it() -> None:
    chart = line_chart("p", "Pain", "", DAYS, [Series("after", "dashed", [1, None, 2, 2, None])])

    assert len(chart.lines[0].segments) == 2
    assert [m.on for m in chart.lines[0].marks] == ["2027-01-04", "2027-01-08", "2027-01-10"]


def test_a_week_with_the_planned_sessions_is_marked_as_met() -> None:
    weeks = [WeekVolume(DAYS[0], 9.0, 3, 3), WeekVolume(DAYS[0] + timedelta(weeks=1), 4.0, 1, 3)]

    chart = weekly_volume(weeks)

    assert [bar.met for bar in chart.bars] == [True, False]
    assert chart.bars[0].height > chart.bars[1].height


def test_the_calendar_fills_the_days_walked_and_keeps_the_latest_weeks() -> None:
    starts = [DAYS[0] + timedelta(weeks=i) for i in range(MOST_WEEKS + 4)]
    weeks = [WeekVolume(s, 3.0, 1, 3) for s in starts]

    calendar = adherence_calendar(weeks, [starts[-1]], starts[-1])

    assert len(calendar.weeks) == MOST_WEEKS and calendar.left_out == 4
    assert calendar.weeks[-1].days[0].walked and not calendar.weeks[-1].days[1].walked


def test_the_drawn_chart_is_well_formed_svg_with_a_title_and_a_description() -> None:
    chart = line_chart("m", "Minutes", "min", DAYS, [Series("m", "solid", [2, 3, 3, 4, 5])])
    macros = TEMPLATES.env.get_template("_charts.html").module

    svg = str(macros.line_chart(chart))  # type: ignore[attr-defined]
    root = ElementTree.fromstring(svg)

    drawing = root.find("svg")
    assert drawing is not None and drawing.get("role") == "img"
    assert len(root.findall(".//path[@data-date]")) == 5
    assert root.find(".//desc") is not None
