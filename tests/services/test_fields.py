"""One answer checked against a command's own rule for its field, with the command's message."""

from __future__ import annotations

from datetime import date

import pytest

from retrowalk.domain.errors import InputError
from retrowalk.services.fields import check_field
from retrowalk.services.log_session import LogIn
from retrowalk.services.scenario import WalkerIn


def test_an_answer_within_the_rule_comes_back_as_the_command_reads_it():
    assert check_field(LogIn, "date", "2027-01-04") == date(2027, 1, 4)
    assert check_field(WalkerIn, "condition", "knee_oa") == "knee_oa"


@pytest.mark.parametrize(
    ("model", "name", "value", "allowed"),
    [
        (LogIn, "pain_during", 11, "less than or equal to 10"),
        (WalkerIn, "age", 3, "greater than or equal to 5"),
        (WalkerIn, "condition", "sore", "'knee_oa'"),
    ],
)
def test_an_answer_outside_the_rule_is_refused_naming_the_field(model, name, value, allowed):
    with pytest.raises(InputError) as refused:
        check_field(model, name, value)

    assert refused.value.field == name and allowed in refused.value.allowed
