"""The terminal charts: a sparkline scales its values (or a fixed scale) onto eight blocks, and
a bar is proportional to the largest value."""

from __future__ import annotations

from retrowalk.cli.charts import BLOCKS, bar, sparkline


def test_a_sparkline_spans_the_lowest_to_the_highest_block():
    assert sparkline([3, 4, 5, 10]) == "▁▂▃█"


def test_a_fixed_scale_keeps_low_pain_low():
    assert sparkline([0, 1, 2], low=0, high=10) == "▁▂▂"


def test_a_missing_value_leaves_a_gap():
    assert sparkline([1, None, 3]) == "▁ █"


def test_a_flat_series_sits_in_the_middle():
    assert sparkline([5, 5, 5]) == BLOCKS[4] * 3


def test_a_long_series_is_averaged_into_the_width():
    line = sparkline(list(range(200)), width=50)

    assert len(line) == 50 and line[0] == "▁" and line[-1] == "█"


def test_a_bar_is_proportional_and_never_empty_above_zero():
    assert bar(12, 24, width=24) == "█" * 12
    assert bar(0.1, 100, width=24) == "█"
    assert bar(0, 100) == ""
