"""One reader for numbers as people type them, used by the CLI, the web form and the API."""

from __future__ import annotations

import pytest

from retrowalk.cli.ask import number
from retrowalk.domain.errors import InputError
from retrowalk.services.numbers import read_decimal


@pytest.mark.parametrize(
    ("typed", "read"),
    [("1,2", 1.2), ("1.2", 1.2), (" 0,5 ", 0.5), ("3", 3.0), (",5", 0.5), ("2.", 2.0)],
)
def test_a_comma_is_the_decimal_point_when_it_is_the_only_separator(typed: str, read: float):
    assert read_decimal(typed) == read
    assert number(typed) == read  # the CLI's questions read it the same way


@pytest.mark.parametrize("typed", ["1.000,5", "1,000.5", "1,2,3", "1e3", "nan", "inf", "", "abc"])
def test_text_that_is_not_one_plain_number_is_refused_not_guessed(typed: str):
    with pytest.raises(ValueError, match="give a number"):
        read_decimal(typed)
    with pytest.raises(InputError):
        number(typed)
