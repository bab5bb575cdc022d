"""The desk's list, flags raised in the log's transaction, acknowledgements, notes and outcome
measures: audited, written once under a double send, and only for the clinician's patients."""

from __future__ import annotations

import pytest

from retrowalk.domain.clinic_flags import FlagKind
from retrowalk.domain.errors import InputError, NotFoundError
from retrowalk.services.clinic_records import AuditAction
from retrowalk.services.clock import FixedClock
from retrowalk.services.desk import desk
from retrowalk.services.desk_records import (
    acknowledge_flag,
    measure_command,
    note_command,
    patient_page,
    save_measure,
    save_note,
)
from retrowalk.services.log_session import log_command, log_session
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
)
from tests.services.desk_builders import clinician, patient
from tests.store.builders import walk


def test_a_sharp_pain_logged_raises_a_flag_once_in_the_same_transaction(
    backend: Backend, clock: FixedClock
) -> None:
    walker = patient(backend, clock, clinician(backend))

    log_session(log_command(walker_id=walker, sharp_pain=True), backend.uow(), clock)

    with backend.uow().reading() as uow:
        flags = uow.clinic.flags(walker)
    sharp = [f for f in flags if f.kind is FlagKind.SHARP_PAIN]
    assert len(sharp) == 1 and sharp[0].open and sharp[0].on == clock.today()


def test_the_desk_lists_patients_with_open_flags_first(backend: Backend, clock: FixedClock) -> None:
    lee = clinician(backend)
    quiet = patient(backend, clock, lee, account="ann")
    flagged = patient(backend, clock, lee, account="bob")
    patient(backend, clock, clinician(backend, "dr-other"), account="cy")
    walk(backend, clock, quiet, 1, pain_during=1)
    log_session(log_command(walker_id=flagged, pain_during=7), backend.uow(), clock)

    shown = desk("dr-lee", backend.uow(), clock)

    assert [p.walker_id for p in shown.patients] == [flagged, quiet]
    assert [p.name for p in shown.patients] == ["bob", "ann"]  # as they signed up
    first = shown.patients[0]
    assert first.open_flags >= 1 and first.done == 1 and first.days_with_data == 1
    assert first.last_session == clock.today()


def test_the_desk_shows_fifty_patients_a_page_with_open_flags_first_across_pages(
    backend: Backend, clock: FixedClock
) -> None:
    lee = clinician(backend)
    ids = [patient(backend, clock, lee, account=f"p{n}") for n in range(51)]
    flagged = ids[-1]
    log_session(log_command(walker_id=flagged, pain_during=7), backend.uow(), clock)

    first = desk("dr-lee", backend.uow(), clock)
    second = desk("dr-lee", backend.uow(), clock, page=2)
    past_the_end = desk("dr-lee", backend.uow(), clock, page=9)

    assert (first.total, first.pages, second.page, past_the_end.page) == (51, 2, 2, 2)
    assert [p.walker_id for p in first.patients] == [flagged, *ids[:49]]
    assert [p.walker_id for p in second.patients] == [ids[49]]
    assert first.patients[0].open_flags >= 1 and second.patients[0].open_flags == 0


def test_the_desk_is_refused_to_a_walker(backend: Backend, clock: FixedClock) -> None:
    patient(backend, clock, clinician(backend))

    with pytest.raises(NotFoundError):
        desk("ann", backend.uow(), clock)


def test_acknowledging_a_flag_is_audited_and_a_second_time_changes_nothing(
    backend: Backend, clock: FixedClock
) -> None:
    walker = patient(backend, clock, clinician(backend))
    log_session(log_command(walker_id=walker, sharp_pain=True), backend.uow(), clock)
    with backend.uow().reading() as uow:
        flags = uow.clinic.flags(walker)
    flag = flags[0]

    acknowledge_flag(walker, flag.id, backend.uow(), clock, "dr-lee")
    once = backend.contents()
    again = acknowledge_flag(walker, flag.id, backend.uow(), clock, "dr-lee")

    assert again.acknowledged_by == "dr-lee" and not again.open
    assert backend.contents() == once
    page = patient_page(walker, backend.uow(), clock, "dr-lee")
    assert [e.action for e in page.audit] == [AuditAction.ACKNOWLEDGE]
    assert page.status.open_flags == len(flags) - 1


def test_another_clinician_cannot_acknowledge_or_read(backend: Backend, clock: FixedClock) -> None:
    walker = patient(backend, clock, clinician(backend))
    clinician(backend, "dr-other")
    log_session(log_command(walker_id=walker, sharp_pain=True), backend.uow(), clock)
    with backend.uow().reading() as uow:
        flag = uow.clinic.flags(walker)[0]
    before = backend.contents()

    with pytest.raises(NotFoundError):
        acknowledge_flag(walker, flag.id, backend.uow(), clock, "dr-other")
    with pytest.raises(NotFoundError):
        patient_page(walker, backend.uow(), clock, "dr-other")

    assert backend.contents() == before


def test_a_note_is_kept_audited_and_written_once(backend: Backend, clock: FixedClock) -> None:
    walker = patient(backend, clock, clinician(backend))
    command = note_command({"text": "Seen on 4 Jan; knee calm."})

    save_note(walker, command, backend.uow(), clock, "dr-lee")
    once = backend.contents()
    save_note(walker, command, backend.uow(), clock, "dr-lee")

    assert backend.contents() == once
    page = patient_page(walker, backend.uow(), clock, "dr-lee")
    assert page.note is not None and page.note.text == "Seen on 4 Jan; knee calm."
    assert [e.action for e in page.audit] == [AuditAction.NOTE]


def test_an_outcome_measure_is_kept_with_unknown_subscales(
    backend: Backend, clock: FixedClock
) -> None:
    walker = patient(backend, clock, clinician(backend))
    command = measure_command({"instrument": "womac", "scores": {"pain": 9, "function": 30}})

    save_measure(walker, command, backend.uow(), clock, "dr-lee")
    once = backend.contents()
    save_measure(walker, command, backend.uow(), clock, "dr-lee")

    assert backend.contents() == once
    stored = patient_page(walker, backend.uow(), clock, "dr-lee").measures
    assert len(stored) == 1
    assert dict(stored[0].measure.scores) == {"pain": 9, "stiffness": None, "function": 30}
    assert stored[0].entered_by == "dr-lee"


def test_an_outcome_measure_out_of_range_is_refused_and_nothing_stored(
    backend: Backend, clock: FixedClock
) -> None:
    walker = patient(backend, clock, clinician(backend))
    before = backend.contents()

    with pytest.raises(InputError) as refused:
        command = measure_command({"instrument": "womac", "scores": {"stiffness": 9}})
        save_measure(walker, command, backend.uow(), clock, "dr-lee")

    assert refused.value.field == "womac.stiffness"
    assert backend.contents() == before
