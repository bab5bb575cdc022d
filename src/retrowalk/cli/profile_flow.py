"""The working half of `retrowalk profile` and `retrowalk clearance` (loaded only when they
run): options and questions into a change of profile, a refusal named by its option, and the
answers, the outcome and the history shown or printed as JSON."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console

from retrowalk.bootstrap import Wiring
from retrowalk.cli import ask as a
from retrowalk.cli.errors import EXIT_SAFETY_STOP
from retrowalk.cli.init_answers import option_of, shown
from retrowalk.cli.init_questions import QUESTIONS, answer_words
from retrowalk.cli.output import console, print_json
from retrowalk.cli.wiring import shown_units
from retrowalk.domain.errors import InputError
from retrowalk.domain.profile_change import profile_facts
from retrowalk.domain.units import format_number
from retrowalk.services.answer_words import field_words, profile_answers, screening_answers
from retrowalk.services.clearance import clearance_command, record_clearance
from retrowalk.services.fields import check_field
from retrowalk.services.profile_change import (
    ProfileChangeIn,
    change_profile,
    profile_change_command,
    profile_history,
)
from retrowalk.services.records import ProfileChange, StoredWalker
from retrowalk.services.rescreen import ProfileChanged
from retrowalk.services.walker_fields import WALKER_ANSWERS

ANSWER_KEYS = (*WALKER_ANSWERS, "surgery", "surgery_date", "sessions_per_week")
_ASKED = (*WALKER_ANSWERS, "surgery", "surgery_date")


def change(
    wiring: Wiring, walker: StoredWalker, answers: dict[str, Any], ask: bool
) -> ProfileChanged:
    if ask:
        answers = _asked(console(), walker, answers)
    try:
        command = profile_change_command(change_data(walker, answers))
        return change_profile(walker.id, command, wiring.uow(), wiring.clock)
    except InputError as error:
        raise InputError(_option(error.field), error.value, error.allowed) from None


def clear(wiring: Wiring, walker: StoredWalker, given: dict[str, Any]) -> ProfileChanged:
    data = {key: value for key, value in given.items() if value is not None}
    try:
        return record_clearance(walker.id, clearance_command(data), wiring.uow(), wiring.clock)
    except InputError as error:
        raise InputError(option_of(error.field), error.value, error.allowed) from None


def change_data(walker: StoredWalker, answers: dict[str, Any]) -> dict[str, Any]:
    """A change of profile from the answers given: the operation from `surgery` and
    `surgery_date` (either may be left out when the walker has one on record), a weight of 0
    cleared."""
    data = {key: answers[key] for key in (*WALKER_ANSWERS, "sessions_per_week") if key in answers}
    if data.get("weight_kg") == 0:
        data["weight_kg"] = None
    kind, day = answers.get("surgery"), answers.get("surgery_date")
    if kind == "none":
        data["surgery"] = None
    elif kind is not None or day is not None:
        had = walker.profile.surgery
        if kind is None and had is None:
            raise InputError(
                "--surgery", None, "give the kind of operation (tkr, acl or other) with its date"
            )
        data["surgery"] = {
            "kind": kind or (None if had is None else had.kind.value),
            "date": day or (None if had is None else had.on.isoformat()),
        }
        data["surgery"] = {k: v for k, v in data["surgery"].items() if v is not None}
    return data


def _option(field: str) -> str:
    """The option behind a field of the change (`surgery.date` is `--surgery-date`)."""
    if field.startswith("surgery"):
        return "--surgery-date" if field == "surgery.date" else "--surgery"
    return option_of(field) if field in ANSWER_KEYS else field


def _asked(out: Console, walker: StoredWalker, answers: dict[str, Any]) -> dict[str, Any]:
    """Every question `retrowalk init` asks about the walker not answered by an option, the
    answer on record as its default, then sessions a week."""
    answers = dict(answers)
    for question in QUESTIONS:
        if question.key not in _ASKED or question.key in answers:
            continue
        if not question.when(answers):
            continue
        if question.choices:
            for number, label in enumerate(question.choices.values(), start=1):
                out.print(f"  {number}. {label}")
        default = _on_record(walker, question.key)
        read = question.read(answers)
        answer = a.ask(out, question.asked(answers), read, default)
        if question.key == "weight_kg" and default and answer == read(default):
            answer = walker.profile.weight_kg  # kept as it is, not rounded through lb and back
        answers[question.key] = answer
    if "sessions_per_week" not in answers:
        read = a.then(
            a.whole_number, lambda n: check_field(ProfileChangeIn, "sessions_per_week", n)
        )
        default = str(walker.prescription.sessions_per_week)
        answers["sessions_per_week"] = a.ask(out, "Sessions a week", read, default)
    return answers


def _on_record(walker: StoredWalker, key: str) -> str:
    """The walker's answer on record, typed as the question takes it."""
    profile = walker.profile
    if key == "surgery":
        return "none" if profile.surgery is None else profile.surgery.kind.value
    if key == "surgery_date":
        return "" if profile.surgery is None else profile.surgery.on.isoformat()
    if key == "weight_kg":  # in the walker's own unit, as the question reads a bare number
        kg = profile.weight_kg
        return "" if kg is None else format_number(profile.units.weight_from_kg(kg))
    if key in ("units", "condition"):
        return answer_words(key, getattr(profile, key).value)
    value = getattr(profile, key)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(getattr(value, "value", value))


def show_profile(walker: StoredWalker, as_json: bool) -> None:
    facts = profile_facts(walker.profile)
    facts["sessions_per_week"] = walker.prescription.sessions_per_week
    facts["protocol"] = walker.prescription.protocol
    red = [flag for flag in walker.flags if flag.level.value == "red"]
    if as_json:
        from retrowalk.services.public_walkers import WalkerPublic

        print_json(WalkerPublic.of(walker).model_dump(mode="json"))
        return
    out = console()
    out.print("[bold]Your answers on record[/bold]")
    answers = profile_answers(walker.profile, walker.equipment) + screening_answers(walker.profile)
    for answer in answers:
        out.print(f"  {answer.label}: {answer.text}")
    out.print(f"  Sessions a week: {facts['sessions_per_week']}")
    for flag in red:
        out.print(f"[red]No walking until this is resolved:[/red] {flag.message}")
    out.print("To change them: `retrowalk profile --help`; every change: `--history`.")


def show_changed(wiring: Wiring, changed: ProfileChanged, as_json: bool) -> None:
    if as_json:
        print_json(_changed_json(changed))
    else:
        _say_changed(changed, wiring)
    if changed.pending is None and changed.screening.red:
        raise typer.Exit(EXIT_SAFETY_STOP)


def _changed_json(changed: ProfileChanged) -> dict[str, Any]:
    from retrowalk.services.public_walkers import ProfileChangedPublic

    return ProfileChangedPublic.of(changed).model_dump(mode="json", by_alias=True)


def _say_changed(changed: ProfileChanged, wiring: Wiring) -> None:
    from retrowalk.cli.log_render import show_replanned

    out = console()
    if changed.change is None:
        out.print("Nothing changed: your answers are as they were.")
    else:
        out.print("[green]✓[/green] Saved.")
        for item in changed.change.changes:
            out.print(f"  {field_words(item.field)}: {shown(item.before)} → {shown(item.after)}")
    for note in changed.notes:
        if note != "Nothing changed.":
            out.print(f"  • {note}")
    units = shown_units(wiring.settings, changed.walker)
    stopped = "No walking until this is resolved:"
    show_replanned(changed.pending, changed.screening.red, stopped, units, out)


def show_history(wiring: Wiring, walker: StoredWalker, as_json: bool) -> None:
    changes = profile_history(walker.id, wiring.uow())
    if as_json:
        print_json([change_json(c) for c in changes])
        return
    out = console()
    if not changes:
        out.print("No changes yet: your answers are those you gave at `retrowalk init`.")
    for c in changes:
        what = "answers changed" if c.clearance is None else _cleared_words(c)
        out.print(f"[bold]{c.at:%Y-%m-%d %H:%M} UTC[/bold], by {c.account}: {what}")
        for item in c.changes:
            out.print(f"  {field_words(item.field)}: {shown(item.before)} → {shown(item.after)}")
        red = [flag.message for flag in c.flags if flag.level.value == "red"]
        out.print(
            "  screening: " + ("the plan goes on" if not red else "stopped: " + " ".join(red))
        )


def _cleared_words(change: ProfileChange) -> str:
    cleared = change.clearance
    assert cleared is not None
    who = cleared.clinician or "a clinician"
    notes = f" (“{cleared.notes}”)" if cleared.notes else ""
    return f"cleared by {who} on {cleared.on.isoformat()}{notes}"


def change_json(change: ProfileChange) -> dict[str, Any]:
    from retrowalk.services.public_walkers import ProfileChangePublic

    return ProfileChangePublic.of(change).model_dump(mode="json", by_alias=True)
