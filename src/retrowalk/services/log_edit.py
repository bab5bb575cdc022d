"""Changing the record of a session after the fact: the next-morning pain, an edit, a delete,
and undoing the latest of these. Each change keeps the entry as it was (for undo) and replays
the engine from the changed session, so the session still to walk reflects the record."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from retrowalk.domain.errors import ConflictError, InputError, NotFoundError
from retrowalk.domain.setback_rules import PlausibleRules
from retrowalk.services.calendar_date import CalendarDate
from retrowalk.services.clock import Clock
from retrowalk.services.commands import Command, read_command
from retrowalk.services.log_entry import EntryIn, entry_fields
from retrowalk.services.plausibility import refuse_unconfirmed, value_doubts
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.records import Change, LoggedEntry, SessionLog, StoredWalker
from retrowalk.services.scenario import Pain
from retrowalk.services.walker_plan import programme_of, replay_from, require_walker


class NextMorningIn(Command):
    """`once`: answering the morning question (services/morning.py), which is kept once: a
    second answer for the same morning (a form sent twice) is a ConflictError, nothing written."""

    walker_id: int
    log_id: int
    pain: Pain
    date: CalendarDate | None = None
    once: bool = False


def add_next_morning_pain(command: NextMorningIn, uow: UnitOfWork, clock: Clock) -> SessionLog:
    today = clock.today()
    on = command.date or today
    with uow:
        walker, log = _live_log(uow, command.walker_id, command.log_id)
        if command.once and log.entry.next_morning_on is not None:
            allowed = f"the morning after {log.on} is recorded already"
            raise ConflictError("log_id", log.id, allowed)
        if on > today:
            raise InputError("date", on.isoformat(), f"give a date not after today ({today})")
        if on <= log.on:
            raise InputError("date", on.isoformat(), f"give a morning after the session ({log.on})")
        outcome = replace(log.entry.outcome, pain_next_morning=command.pain)
        _change(
            uow,
            walker,
            log,
            Change.EDIT,
            replace(log.entry, outcome=outcome, next_morning_on=on),
            clock,
        )
        uow.commit()
        return _reread(uow, log.id)


def edit_log(
    walker_id: int,
    log_id: int,
    changes: dict[str, Any],
    uow: UnitOfWork,
    clock: Clock,
    confirm: bool = False,
) -> SessionLog:
    """Change some fields of a logged session (the names of `LogIn`, but not its date). A value
    changed to one far from the prescription is asked about first, as when logging
    (ConfirmationNeeded, nothing written, unless `confirm`)."""
    if "date" in changes:
        raise InputError(
            "date", changes["date"], "a session's date cannot change; delete it and log it again"
        )
    with uow:
        walker, log = _live_log(uow, walker_id, log_id)
        kept = read_command(EntryIn, entry_fields(log.entry))
        edited = read_command(EntryIn, entry_fields(log.entry) | changes)
        rules = programme_of(walker).protocol.plausible
        _check_plausible(uow, log, kept, edited, rules, confirm)
        reported = log.entry.next_morning_on or clock.today()
        if edited.pain_next_morning is not None and reported <= log.on:
            raise InputError(
                "pain_next_morning",
                edited.pain_next_morning,
                f"the morning after {log.on} has not come yet; add it then",
            )
        _change(uow, walker, log, Change.EDIT, edited.entry(next_morning_on=reported), clock)
        uow.commit()
        return _reread(uow, log.id)


def delete_log(walker_id: int, log_id: int, uow: UnitOfWork, clock: Clock) -> SessionLog:
    with uow:
        walker, log = _live_log(uow, walker_id, log_id)
        _change(uow, walker, log, Change.DELETE, log.entry, clock)
        uow.commit()
        return _reread(uow, log.id)


def undo_last_change(walker_id: int, uow: UnitOfWork, clock: Clock) -> SessionLog:
    """Undo the latest edit or delete of this walker's sessions not undone yet."""
    with uow:
        walker = require_walker(uow, walker_id, lock=True)
        version = uow.sessions.last_open_version(walker.id)
        if version is None:
            raise InputError("walker_id", walker_id, "there is no edit or delete left to undo")
        log = _owned(uow, walker, version.log_id)
        seq = _seq(uow, log)
        if version.change is Change.DELETE:
            _refuse_out_of_order(uow, walker, log, seq)
            uow.sessions.set_deleted(log.id, False)
        else:
            uow.sessions.update_log(log.id, version.entry, log.state_after)
        uow.sessions.close_version(version.id, clock.now())
        replay_from(uow, walker, seq)
        uow.commit()
        return _reread(uow, log.id)


def _change(
    uow: UnitOfWork,
    walker: StoredWalker,
    log: SessionLog,
    change: Change,
    entry: LoggedEntry,
    clock: Clock,
) -> None:
    uow.sessions.add_version(log.id, change, log.entry, clock.now())
    if change is Change.DELETE:
        uow.sessions.set_deleted(log.id, True)
    else:
        uow.sessions.update_log(log.id, entry, log.state_after)
    replay_from(uow, walker, _seq(uow, log))


def _check_plausible(
    uow: UnitOfWork,
    log: SessionLog,
    kept: EntryIn,
    edited: EntryIn,
    rules: PlausibleRules,
    confirm: bool,
) -> None:
    """Doubts about values the edit changes; one confirmed before and kept is not asked again."""
    planned = uow.sessions.planned(log.planned_id)
    assert planned is not None  # a log always has its planned session (a foreign key)
    dose, equipment = planned.decision.dose, uow.walkers.equipment(planned.equipment_id)
    before = {(d.field, d.value) for d in value_doubts(kept, dose, equipment, rules)}
    now = value_doubts(edited, dose, equipment, rules)
    doubts = [d for d in now if (d.field, d.value) not in before]
    refuse_unconfirmed(doubts, confirm)


def _live_log(uow: UnitOfWork, walker_id: int, log_id: int) -> tuple[StoredWalker, SessionLog]:
    walker = require_walker(uow, walker_id, lock=True)
    log = _owned(uow, walker, log_id)
    if log.deleted:
        raise InputError("log_id", log_id, "this session was deleted; undo the delete first")
    return walker, log


def _owned(uow: UnitOfWork, walker: StoredWalker, log_id: int) -> SessionLog:
    log = uow.sessions.log(log_id)
    if log is None or log.walker_id != walker.id:
        raise NotFoundError(
            "log_id", log_id, f"walker {walker.id} has no logged session with this id"
        )
    return log


def _seq(uow: UnitOfWork, log: SessionLog) -> int:
    planned = uow.sessions.planned(log.planned_id)
    assert planned is not None  # a log always has its planned session (a foreign key)
    return planned.seq


def _refuse_out_of_order(uow: UnitOfWork, walker: StoredWalker, log: SessionLog, seq: int) -> None:
    later = [other for _, other in uow.sessions.sessions_from(walker.id, seq + 1) if other]
    if any(not other.deleted and other.on < log.on for other in later):
        raise InputError(
            "undo",
            f"delete of the session on {log.on}",
            "a session logged since is dated before it; delete that one first",
        )


def _reread(uow: UnitOfWork, log_id: int) -> SessionLog:
    log = uow.sessions.log(log_id)
    assert log is not None
    return log
