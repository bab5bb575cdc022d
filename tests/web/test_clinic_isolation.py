"""Clinic mode, over the whole route table, on SQLite and PostgreSQL (issue 17): a walker cannot
read or change another walker's data, and a clinician only their own patients'.

Two clinicians, each with one patient who signed up from the clinician's invitation, onboarded
and logged a session with sharp pain (so each patient has a flag) and a note nobody else may
read; each clinician has an open invitation. Every person logs in for real (the login form, the
session cookie). For every route naming a walker, a session, a flag or an invitation, every
method, the other side's ids answer exactly as ids nobody has, nothing stored changes, and no
answer carries the other patient's note. The routes come from the app itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from string import Formatter

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts

from retrowalk.bootstrap import Wiring
from retrowalk.services.accounts import create_staff_account
from retrowalk.services.invitations import SignUpIn, invite, sign_up
from retrowalk.services.records import Role
from retrowalk.web.app import create_app
from tests.web.builders import onboard
from tests.web.client import READS, OwnPage

PASSWORD = "correct horse battery"
OWNED = ("walker_id", "log_id", "flag_id", "invitation_id")
NOBODYS_ID = 987_654
# The names the messages give these ids: a logged session downloaded is a "session" (as the
# CLI's SESSION_ID), an invitation an "invitation".
ALIASES = {"log_id": ("log_id", "session_id"), "invitation_id": ("invitation_id", "invitation")}


def _note(name: str) -> str:
    return f"only {name} and their clinician may read this"


@dataclass
class Person:
    name: str
    client: OwnPage
    ids: dict[str, int] = field(default_factory=dict)


@dataclass
class Clinic:
    app: FastAPI
    wiring: Wiring
    people: dict[str, Person]

    def owned_routes(self) -> list[tuple[str, str]]:
        found = [(route.path, route.methods) for route in iter_route_contexts(self.app.routes)]
        return [
            (method, path)
            for path, methods in found
            if path and methods and any(f"{{{name}}}" in path for name in OWNED)
            for method in sorted(methods)
        ]


def _logged_in(app: FastAPI, name: str) -> OwnPage:
    client = OwnPage(app)
    client.__enter__()
    form = {"name": name, "password": PASSWORD, "csrf_token": client.csrf_token()}
    answer = client.post("/login", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return client


def _patient(clinic: Clinic, clinician: str, name: str) -> Person:
    wiring = clinic.wiring
    with wiring.uow().reading() as uow:
        inviter = uow.accounts.by_name(clinician)
    assert inviter is not None
    token = invite(inviter, Role.WALKER, wiring.uow(), wiring.clock).token
    sign_up(SignUpIn(token, name, PASSWORD, PASSWORD), wiring.uow(), wiring.clock)
    person = Person(name, _logged_in(clinic.app, name))
    walker_id = onboard(person.client, start="2027-01-01")
    body = {"date": "2027-01-01", "sharp_pain": True, "notes": _note(name)}
    logged = person.client.post(f"/api/walkers/{walker_id}/sessions", json=body)
    assert logged.status_code in (200, 201), logged.text
    with wiring.uow().reading() as uow:
        flags = uow.clinic.flags(walker_id)
    assert flags, "sharp pain raised no flag"
    person.ids = {
        "walker_id": walker_id,
        "log_id": logged.json()["session"]["id"],
        "flag_id": flags[0].id,
    }
    return person


def _clinician(clinic: Clinic, name: str) -> Person:
    wiring = clinic.wiring
    with wiring.uow().reading() as uow:
        account = uow.accounts.by_name(name)
    assert account is not None
    made = invite(account, Role.WALKER, wiring.uow(), wiring.clock)
    return Person(name, _logged_in(clinic.app, name), {"invitation_id": made.invitation.id})


@pytest.fixture(name="clinic")
def clinic_fixture(wiring: Wiring) -> Iterator[Clinic]:
    for name in ("dr.lee", "dr.kay"):
        create_staff_account(name, PASSWORD, PASSWORD, False, wiring.uow(), wiring.clock)
    clinic = Clinic(create_app(wiring, clinic=True), wiring, {})
    clinic.people["ann"] = _patient(clinic, "dr.lee", "ann")
    clinic.people["bob"] = _patient(clinic, "dr.kay", "bob")
    clinic.people["dr.lee"] = _clinician(clinic, "dr.lee")
    clinic.people["dr.kay"] = _clinician(clinic, "dr.kay")
    # A clinician acts on their own patient's ids, and their own invitations.
    clinic.people["dr.lee"].ids |= clinic.people["ann"].ids
    clinic.people["dr.kay"].ids |= clinic.people["bob"].ids
    yield clinic
    for person in clinic.people.values():
        person.client.__exit__(None, None, None)


def _fill(template: str, ids: dict[str, int]) -> str:
    names = [name for _, name, _, _ in Formatter().parse(template) if name]
    others = {name: "a-calendar-link-nobody-made" if name == "token" else 1 for name in names}
    return template.format(**(others | ids))


def _unnamed(text: str, refused: dict[str, int]) -> str:
    """The answer with each refused id itself left out (the message names the value given)."""
    for key, value in refused.items():
        for name in ALIASES.get(key, (key,)):
            text = text.replace(f'"field":"{name}","value":{value}', f'"field":"{name}","value":ID')
            text = text.replace(f"{name}: got {value};", f"{name}: got ID;")
    return text


def _nobodys(crossed: dict[str, int]) -> dict[str, int]:
    return dict.fromkeys(crossed, NOBODYS_ID)


def _crossings(own: dict[str, int], other: dict[str, int]) -> list[dict[str, int]]:
    """Every mix of one's own ids and the other side's, with at least one of theirs."""
    names = [name for name in OWNED if name in own and name in other]
    mixes = []
    for mask in range(1, 2 ** len(names)):
        mixed = dict(own)
        for bit, name in enumerate(names):
            if mask & (1 << bit):
                mixed[name] = other[name]
        mixes.append(mixed)
    return mixes


@pytest.mark.parametrize(
    ("who", "other"),
    [("ann", "bob"), ("dr.lee", "bob"), ("dr.lee", "dr.kay"), ("bob", "ann"), ("dr.kay", "ann")],
)
def test_the_other_sides_ids_answer_as_ids_nobody_has_and_change_nothing(
    clinic: Clinic, who: str, other: str
) -> None:
    person, theirs = clinic.people[who], clinic.people[other]
    routes = clinic.owned_routes()
    assert len(routes) >= 30  # the whole app, not a hand list
    before = clinic.wiring.data.snapshot()

    for method, template in routes:
        for ids in _crossings(person.ids, theirs.ids):
            path = _fill(template, ids)
            if path == _fill(template, person.ids):
                continue  # the route names only this person's own ids
            crossed = {k: v for k, v in ids.items() if person.ids.get(k) != v}
            nobodys = ids | dict.fromkeys(crossed, NOBODYS_ID)
            nobody = _fill(template, nobodys)
            answer = person.client.request(method, path, json={}, follow_redirects=False)
            unknown = person.client.request(method, nobody, json={}, follow_redirects=False)
            # Refused (404, the body's 422), or sent away as a person with no walker is (303)
            assert answer.status_code in (303, 404, 422), (who, method, path, answer.status_code)
            text = _unnamed(answer.text.replace(path, nobody), crossed)
            seen = (answer.status_code, text, answer.headers.get("location"))
            expected = (unknown.status_code, _unnamed(unknown.text, _nobodys(crossed)))
            assert seen == (*expected, unknown.headers.get("location")), (who, method, path)
            assert _note(other) not in answer.text

    assert clinic.wiring.data.snapshot() == before


@pytest.mark.parametrize(("who", "other"), [("ann", "bob"), ("dr.lee", "bob"), ("bob", "ann")])
def test_no_read_shows_the_other_patients_note(clinic: Clinic, who: str, other: str) -> None:
    person = clinic.people[who]
    reads = [path for method, path in _all_routes(clinic.app) if method == "GET"]

    for template in reads:
        answer = person.client.get(_fill(template, person.ids), follow_redirects=False)
        assert answer.status_code < 500, (who, template, answer.status_code)
        assert _note(other) not in answer.text, (who, template)


def test_a_clinician_reads_their_own_patients_note_and_no_one_elses(clinic: Clinic) -> None:
    """The note the checks above look for is stored, and shown where it belongs."""
    lee, ann = clinic.people["dr.lee"], clinic.people["ann"]
    patient = lee.client.get(f"/desk/patients/{ann.ids['walker_id']}/report")

    assert patient.status_code == 200
    assert _note("ann") in patient.text
    assert _note("bob") not in patient.text


def test_writes_are_among_the_routes_checked(clinic: Clinic) -> None:
    writes = [(m, p) for m, p in clinic.owned_routes() if m not in READS]

    assert ("POST", "/desk/patients/{walker_id}/limits") in writes
    assert ("POST", "/desk/patients/{walker_id}/flags/{flag_id}/acknowledge") in writes
    assert ("POST", "/invitations/{invitation_id}/withdraw") in writes


def _all_routes(app: FastAPI) -> list[tuple[str, str]]:
    found = [(route.path, route.methods) for route in iter_route_contexts(app.routes)]
    return [(m, path) for path, methods in found if path and methods for m in sorted(methods)]
