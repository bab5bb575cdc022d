"""The history page: every logged session beside its prescription; log by hand, edit, delete
and undo. Works as plain forms; with htmx, delete and undo swap the list in place.

The hand-log form carries the planned session it logs (`seq`, a hidden field): a second submit
of the same form (a double click, a reload that posts again) finds it logged and comes back to
the history with an "already saved" notice, having written nothing.

A value far from the prescription (or a second log for one day) is asked about on the page,
with a "Yes, it is right" button that sends the same values again with `confirm=1`; the
hand-log's `seq` goes with them, so that button, too, logs the session once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from retrowalk.bootstrap import Wiring
from retrowalk.domain.errors import ConfirmationNeeded, ConflictError, InputError
from retrowalk.domain.units import UnitSystem
from retrowalk.services.commands import read_command
from retrowalk.services.history import Period, session_records
from retrowalk.services.log_edit import delete_log, edit_log, undo_last_change
from retrowalk.services.log_entry import EntryIn, entry_fields
from retrowalk.services.log_session import LogIn, log_session, pending_seq
from retrowalk.services.records import StoredWalker
from retrowalk.services.session_activity import can_export
from retrowalk.web.deps import OwnLog, PageWalker, Units, WiringDep
from retrowalk.web.pages.forms import Form, TypedForm, command_from, given
from retrowalk.web.pages.log_form import (
    CLEARED_WHEN_BLANK,
    NEW_ENTRY,
    RENAMED,
    entry_data,
    entry_values,
)
from retrowalk.web.pages.periods import Shown
from retrowalk.web.pages.render import is_htmx, page

router = APIRouter()


class View(StrEnum):
    CARDS = "cards"
    TABLE = "table"


class Order(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"


class Only(StrEnum):
    ALL = "all"
    SETBACKS = "setbacks"


@dataclass(frozen=True, slots=True)
class Showing:
    """How the list is shown: the period, cards or a table, the order, and all or setbacks."""

    shown: Shown = Shown.TWELVE_WEEKS
    view: View = View.CARDS
    order: Order = Order.NEWEST
    only: Only = Only.ALL

    def link(self, **change: StrEnum) -> str:
        """This page's address with one choice changed (the others kept)."""
        chosen = replace(self, **change)  # type: ignore[arg-type]
        query = urlencode({name: getattr(chosen, name).value for name in _CHOICES})
        return f"/history?{query}"


_CHOICES = ("shown", "view", "order", "only")


@router.get("/history")
def history_page(
    request: Request,
    walker: PageWalker,
    wired: WiringDep,
    units: Units,
    shown: Shown = Shown.TWELVE_WEEKS,
    view: View = View.CARDS,
    order: Order = Order.NEWEST,
    only: Only = Only.ALL,
) -> Response:
    showing = Showing(shown, view, order, only)
    return _history(request, walker, wired, units, showing, _new_entry(walker, wired))


@router.post("/history")
def log_by_hand(
    form: TypedForm, request: Request, walker: PageWalker, wired: WiringDep, units: Units
) -> Response:
    data = entry_data(form.values, units) | given(form.values, ("date", "seq"))
    data |= {"walker_id": walker.id, "confirm": form.confirmed}
    command = command_from(LogIn, data, form, RENAMED)
    if command is not None:
        try:
            log_session(command, wired.uow(), wired.clock)
        except ConflictError:  # its session is logged already (this form sent twice, or elsewhere)
            return RedirectResponse("/history?notice=already", status_code=303)
        except ConfirmationNeeded as error:  # the page asks, with a button to send it confirmed
            form.ask(error)
        except InputError as error:
            form.add(error, RENAMED.get(error.field))
    if form.ok:
        return RedirectResponse("/history?notice=logged", status_code=303)
    return _history(request, walker, wired, units, Showing(), form, status=422)


@router.post("/history/undo")
def undo(request: Request, walker: PageWalker, wired: WiringDep, units: Units) -> Response:
    restored = undo_last_change(walker.id, wired.uow(), wired.clock)
    notice = f"Undone: the session of {restored.on.isoformat()} is back as it was."
    return _after_change(request, walker, wired, units, notice, can_undo=False)


@router.post("/history/{log_id}/delete")
def delete(
    request: Request, walker: PageWalker, log: OwnLog, wired: WiringDep, units: Units
) -> Response:
    delete_log(walker.id, log.id, wired.uow(), wired.clock)
    notice = f"Deleted the session of {log.on.isoformat()}."
    return _after_change(request, walker, wired, units, notice, can_undo=True)


@router.get("/history/{log_id}/edit")
def edit_page(request: Request, log: OwnLog) -> Response:
    return _edit(request, log, Form(entry_values(log.entry)))


@router.post("/history/{log_id}")
def save_edit(
    form: TypedForm, request: Request, walker: PageWalker, log: OwnLog, wired: WiringDep
) -> Response:
    changes = entry_data(form.values)
    for optional in CLEARED_WHEN_BLANK:
        changes.setdefault(optional, "" if optional == "notes" else None)
    if command_from(EntryIn, entry_fields(log.entry) | changes, form) is not None:
        try:
            edit_log(walker.id, log.id, changes, wired.uow(), wired.clock, form.confirmed)
        except ConfirmationNeeded as error:
            form.ask(error)
        except InputError as error:
            form.add(error)
    if form.ok:
        return RedirectResponse("/history?notice=saved", status_code=303)
    return _edit(request, log, form, status=422)


NOTICES = {
    "logged": "Logged. The next session is planned from it.",
    "already": "Already saved: that session was logged already (the form was sent twice, or "
    "it was logged elsewhere), so nothing was logged again. The form below logs the next one.",
    "saved": "Saved your changes.",
    "imported": "Imported: the sessions from your file are logged, and the next session is "
    "planned from them.",
    "imported-already": "Already imported: that file's sessions were logged already (the "
    "button was pressed twice), so nothing was logged again.",
}


def _new_entry(walker: StoredWalker, wired: Wiring) -> Form:
    """An empty hand-log form, naming the planned session it will log."""
    seq = pending_seq(walker.id, wired.uow())
    return Form(dict(NEW_ENTRY) | ({} if seq is None else {"seq": str(seq)}))


def _history(
    request: Request,
    walker: StoredWalker,
    wired: Wiring,
    units: UnitSystem,
    showing: Showing,
    form: Form,
    status: int = 200,
    notice: str | None = None,
    can_undo: bool = False,
) -> Response:
    today = wired.clock.today()
    since = showing.shown.since(today)
    records = session_records(
        read_command(Period, {"walker_id": walker.id, "since": since}), wired.uow()
    )
    setbacks = sum(record.setback for record in records)
    if showing.only is Only.SETBACKS:
        records = [record for record in records if record.setback]
    if showing.order is Order.NEWEST:
        records.reverse()
    context = {
        "title": "History",
        "records": records,
        "setbacks": setbacks,
        "showing": showing,
        "View": View,
        "Order": Order,
        "Only": Only,
        "units": units,
        "shown": showing.shown,
        "periods": list(Shown),
        "form": form,
        "today": today,
        "notice": notice or NOTICES.get(request.query_params.get("notice", "")),
        "can_undo": can_undo,
        "can_export": can_export,
    }
    name = "_history_list.html" if is_htmx(request) and form.ok else "history.html"
    return page(request, name, context, status)


def _after_change(
    request: Request,
    walker: StoredWalker,
    wired: Wiring,
    units: UnitSystem,
    notice: str,
    can_undo: bool,
) -> Response:
    form = _new_entry(walker, wired)
    return _history(request, walker, wired, units, Showing(), form, 200, notice, can_undo)


def _edit(request: Request, log: object, form: Form, status: int = 200) -> Response:
    return page(
        request, "history_edit.html", {"title": "Edit a session", "log": log, "form": form}, status
    )
