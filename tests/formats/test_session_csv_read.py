"""Sessions read from a CSV with the export's columns: every row typed or refused by its line
and column, and a file that is not such a CSV refused whole with one InputError."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrowalk.domain.errors import InputError
from retrowalk.domain.session_rows import CsvSessions, RefusedRow
from retrowalk.formats.session_csv_read import IGNORED, READ, read_sessions_csv
from retrowalk.services.session_csv import CSV_COLUMNS


def _read(text: str) -> CsvSessions:
    return read_sessions_csv(text.encode("utf-8"))


def test_the_columns_read_and_ignored_are_exactly_the_exports() -> None:
    assert sorted((*READ, *IGNORED)) == sorted(CSV_COLUMNS)
    assert set(READ) & set(IGNORED) == set()


def test_a_row_is_typed_by_its_columns_and_empty_cells_stay_unknown() -> None:
    read = _read(
        "date,done,minutes_done,pain_during,rpe,sharp_pain,speed_done,speed_done_unit,"
        "incline_done,hands_done,stop_reason,notes\n"
        '2027-01-04,true,12.5,2,,false,"1,2",mph,1,one,tired," felt, good "\n'
    )

    [session] = read.sessions
    assert read.refused == ()
    assert (session.line, session.on) == (2, date(2027, 1, 4))
    assert session.cells == {
        "done": True,
        "minutes_done": 12.5,
        "pain_during": 2,
        "sharp_pain": False,
        "speed_done": 1.2,
        "speed_done_unit": "mph",
        "incline_done": 1.0,
        "hands_done": "one",
        "stop_reason": "tired",
        "notes": " felt, good ",
    }


def test_the_header_may_come_in_any_order_with_a_bom_and_yes_and_no() -> None:
    read = read_sessions_csv("\ufeffdone,Date\nYes,2027-01-04\n".replace("Date", "date").encode())

    assert [(s.on, s.cells) for s in read.sessions] == [(date(2027, 1, 4), {"done": True})]


def test_the_exports_plan_columns_are_ignored() -> None:
    read = _read("walker_id,seq,decision,date,done,source,led_to\n7,3,hold,2027-01-04,no,live,x\n")

    assert read.sessions[0].cells == {"done": False}


@pytest.mark.parametrize(
    ("row", "refused"),
    [
        (
            "2027-13-01,true,",
            RefusedRow(3, "date", "2027-13-01", "give a day as YYYY-MM-DD, like 2027-01-04"),
        ),
        (
            "04/01/2027,true,",
            RefusedRow(3, "date", "04/01/2027", "give a day as YYYY-MM-DD, like 2027-01-04"),
        ),
        ("2027-01-04,maybe,", RefusedRow(3, "done", "maybe", "give true or false (yes or no)")),
        (
            "2027-01-04,true,11",
            RefusedRow(3, "pain_during", "11", "give a whole number from 0 to 10"),
        ),
        (
            "2027-01-04,true,1.5",
            RefusedRow(3, "pain_during", "1.5", "give a whole number from 0 to 10"),
        ),
        (
            "2027-01-04,true,nan",
            RefusedRow(3, "pain_during", "nan", "give a whole number from 0 to 10"),
        ),
        (",true,", RefusedRow(3, "date", "", "give a value: this column is required")),
        ("2027-01-04,,", RefusedRow(3, "done", "", "give a value: this column is required")),
        (
            "2027-01-04,true,1,extra",
            RefusedRow(
                3,
                "(the row)",
                "4 cells",
                "the header names 3 columns; give no more cells than that",
            ),
        ),
    ],
)
def test_a_bad_cell_refuses_its_row_by_line_and_column(row: str, refused: RefusedRow) -> None:
    read = _read(f"date,done,pain_during\n2027-01-03,true,0\n\n{row}\n".replace("\n\n", "\n"))

    assert [s.on for s in read.sessions] == [date(2027, 1, 3)]
    assert read.refused == (refused,)


def test_a_speed_needs_its_unit() -> None:
    read = _read("date,done,speed_done,speed_done_unit\n2027-01-04,true,1.2,\n")

    assert read.refused == (
        RefusedRow(2, "speed_done_unit", "", "give speed_done_unit with speed_done"),
    )


def test_lines_count_a_quoted_note_over_several_lines() -> None:
    read = _read('date,done,notes\n2027-01-04,true,"two\nlines"\n2027-01-06,maybe,\n')

    assert read.sessions[0].cells["notes"] == "two\nlines"
    assert read.refused[0].line == 4


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "FILE: got '(empty)'; give a CSV whose first line names its columns"),
        (b"date,done,pain_durng\n", "FILE header: got 'pain_durng'; give a column of the export"),
        (b"date,date,done\n", "FILE header: got 'date'; name each column once"),
        (b"date,minutes_done\n", "FILE header: got 'date,minutes_done'; add the column done"),
        (b"date,done\n\xff\xfe", "FILE: got '(the bytes)'; it is not UTF-8 text (byte 10)"),
        (b"date,done\n2027-01-04,\x00true", "FILE: got '(the bytes)'; it is not CSV text"),
        (bytes(2 * 2**20 + 1), "FILE: got '2097153 bytes'; give a CSV file of at most 2 MiB"),
        (b"date,done\n" + b"2027-01-04,true\n" * 2001, "FILE: got 'more than 2000 rows'"),
        (b'date,done\n"2027-01-04' + b"x" * 200_000, "FILE: got 'line 2'; it is not CSV"),
    ],
)
def test_a_file_that_is_not_a_sessions_csv_is_refused_whole(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as refused:
        read_sessions_csv(data)

    assert str(refused.value).startswith(message)


@given(st.binary(max_size=3000))
def test_any_bytes_are_read_or_refused_with_one_input_error(data: bytes) -> None:
    try:
        read = read_sessions_csv(data)
    except InputError as error:
        assert error.field.startswith("FILE")
    else:
        lines = [row.line for row in read.sessions] + [row.line for row in read.refused]
        assert all(line >= 2 for line in lines)


CELLS = st.text(alphabet=st.sampled_from('0123456789-.,"truefalsyn \n\r'), max_size=12)


@given(st.lists(st.lists(CELLS, min_size=1, max_size=5), max_size=20))
def test_any_rows_under_a_good_header_are_each_read_or_refused(rows: list[list[str]]) -> None:
    text = "date,done,pain_during,minutes_done,notes\n" + "\n".join(",".join(r) for r in rows)

    try:
        read = _read(text)
    except InputError as error:  # a quote left open runs to the end: the file is not CSV
        assert error.field == "FILE"
    else:
        assert all(
            isinstance(s.on, date) and isinstance(s.cells["done"], bool) for s in read.sessions
        )
