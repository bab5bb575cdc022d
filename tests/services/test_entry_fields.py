"""Every answer of a session, as the domain type lists it, reaches every place a session is
spelled out: the store's columns, the hand-log form, the CSV, the command-line options, the input
models and the public schema. The names come from `SessionOutcome`'s own fields, not from the
list those places are built from, so a place that misses an answer fails here."""

from __future__ import annotations

import types
from dataclasses import fields
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
import typer

from retrowalk.cli.app import app
from retrowalk.cli.log_options import OPTION_OF
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.outcome_fields import OUTCOME_FIELDS
from retrowalk.services.log_entry import EntryIn
from retrowalk.services.public_sessions import EntryPublic
from retrowalk.services.session_csv import CSV_COLUMNS
from retrowalk.store.sessions import ENTRY_COLUMNS
from retrowalk.web.pages.log_form import TICKS, VALUES
from retrowalk.web.schemas.sessions import SessionCreate, SessionUpdate

ANSWERS = [f.name for f in fields(SessionOutcome)]
TEMPLATE = Path(__file__).parents[2] / "src/retrowalk/web/templates/_entry_fields.html"


def _kinds(hint: Any) -> set[Any]:
    union = get_origin(hint) in (Union, types.UnionType)
    return set(get_args(hint)) if union else {hint}


def _options(*path: str) -> set[str]:
    command: Any = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    return {opt for param in command.params for opt in param.opts}


def test_the_list_is_the_domain_types_fields_in_order_with_their_kinds():
    hints = get_type_hints(SessionOutcome)

    assert [f.name for f in OUTCOME_FIELDS] == ANSWERS
    for field in OUTCOME_FIELDS:
        assert _kinds(hints[field.name]) - {type(None)} == {field.kind}
        assert field.optional == (type(None) in _kinds(hints[field.name]))


@pytest.mark.parametrize("name", ANSWERS)
def test_every_answer_is_a_column_a_form_input_and_a_csv_column(name: str):
    assert name in ENTRY_COLUMNS
    assert (name in VALUES) != (name in TICKS)
    assert f'(form, "{name}",' in TEMPLATE.read_text(encoding="utf-8")
    assert name in CSV_COLUMNS


@pytest.mark.parametrize("name", ANSWERS)
def test_every_answer_is_an_option_of_log_and_of_log_edit(name: str):
    option = OPTION_OF[name]

    assert option in _options("log")
    assert option in _options("log", "edit")


@pytest.mark.parametrize("name", ANSWERS)
def test_every_answer_is_in_the_input_models_and_the_public_entry_with_its_kind(name: str):
    kinds = _kinds(get_type_hints(SessionOutcome)[name])

    assert name in EntryIn.model_fields and name in SessionCreate.model_fields
    assert name in SessionUpdate.model_fields
    assert _kinds(EntryPublic.model_fields[name].annotation) == kinds
