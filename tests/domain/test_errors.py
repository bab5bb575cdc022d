"""A refusal quotes what was given, but never a whole megabyte of it."""

from __future__ import annotations

from retrowalk.domain.errors import ConflictError, InputError


def test_a_long_value_is_quoted_short_with_its_length() -> None:
    error = InputError("notes", "x" * 50_000, "at most 4000 characters")

    assert len(str(error)) < 200
    assert "50000 characters" in str(error)
    assert error.value == "x" * 50_000  # kept whole for the code that handles it


def test_a_short_value_is_quoted_whole() -> None:
    assert str(InputError("rpe", 11, "0 to 10")) == "rpe: got 11; 0 to 10"


def test_a_huge_number_is_described_not_printed() -> None:
    error = ConflictError("seq", 10**5000, "that session is logged already")

    assert "bits" in str(error)
    assert len(str(error)) < 200
