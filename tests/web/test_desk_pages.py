"""The clinician's desk pages: for clinicians only, their own patients only, writes behind the
guard (CSRF), done once under a double submit, and the limits form re-planning the session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring, bootstrap
from retrowalk.services.clock import FixedClock
from retrowalk.services.records import Role
from retrowalk.store.snapshot import read_snapshot
from retrowalk.web import deps
from retrowalk.web.app import create_app
from tests.db import START, fresh_database_url
from tests.web.builders import onboard
from tests.web.client import OwnPage
from tests.web.conftest import settings_for

LIMITS = {
    "max_speed": "",
    "max_incline_percent": "",
    "target_minutes": "2",
    "sessions_per_week": "3",
    "protocol": "default",
    "hands_free_allowed": "on",
}


@pytest.fixture(name="wired")
def wired_fixture(
    request: pytest.FixtureRequest, clock: FixedClock, tmp_path: Path
) -> Iterator[Wiring]:
    url = fresh_database_url("sqlite", request, tmp_path)
    wired = bootstrap(settings_for(url, tmp_path), clock=clock)
    yield wired
    wired.close()


@pytest.fixture(name="clock")
def clock_fixture() -> FixedClock:
    return FixedClock(START)


@pytest.fixture(name="app_client")
def app_client_fixture(wired: Wiring) -> Iterator[OwnPage]:
    app = create_app(wired)
    with OwnPage(app) as client:
        walker = onboard(client)  # the local walker, through the API
        with wired.uow() as uow:
            lee = uow.accounts.add("dr-lee", Role.CLINICIAN, START)
            uow.accounts.add("dr-other", Role.CLINICIAN, START)
            uow.walkers.assign_clinician(walker, lee.id)
            uow.commit()
        client.walker_id = walker  # type: ignore[attr-defined]
        app.dependency_overrides[deps.current_account] = lambda: "dr-lee"
        yield client


def _as(client: TestClient, account: str) -> None:
    client.app.dependency_overrides[deps.current_account] = lambda: account  # type: ignore[attr-defined]


def test_the_desk_lists_the_patient_with_a_link_to_their_page(app_client: OwnPage) -> None:
    page = app_client.get("/desk")

    assert page.status_code == 200
    assert f'href="/desk/patients/{app_client.walker_id}"' in page.text  # type: ignore[attr-defined]
    assert 'href="/invitations"' in page.text


def test_the_patient_page_shows_status_forms_and_report_links(app_client: OwnPage) -> None:
    walker = app_client.walker_id  # type: ignore[attr-defined]

    page = app_client.get(f"/desk/patients/{walker}")
    report = app_client.get(f"/desk/patients/{walker}/report?from=2027-01-04")

    assert page.status_code == 200
    assert "Limits and plan" in page.text and "Outcome measures" in page.text
    assert f"/desk/patients/{walker}/report" in page.text
    assert report.status_code == 200 and f"/desk/patients/{walker}/report.pdf" in report.text


def test_a_walker_account_gets_404_on_the_desk(app_client: OwnPage) -> None:
    _as(app_client, "local")

    assert app_client.get("/desk").status_code == 404


def test_another_clinicians_patient_is_404_and_nothing_changes(
    app_client: OwnPage, wired: Wiring
) -> None:
    walker = app_client.walker_id  # type: ignore[attr-defined]
    _as(app_client, "dr-other")
    before = read_snapshot(wired.database.engine)

    shown = app_client.get(f"/desk/patients/{walker}")
    written = app_client.post(f"/desk/patients/{walker}/limits", data=LIMITS)

    assert (shown.status_code, written.status_code) == (404, 404)
    assert read_snapshot(wired.database.engine) == before


def test_a_write_without_the_csrf_token_is_refused(app_client: OwnPage, wired: Wiring) -> None:
    walker = app_client.walker_id  # type: ignore[attr-defined]
    before = read_snapshot(wired.database.engine)

    with TestClient(app_client.app, base_url=app_client.origin) as no_token:
        refused = no_token.post(f"/desk/patients/{walker}/limits", data=LIMITS)

    assert refused.status_code == 403
    assert read_snapshot(wired.database.engine) == before


def test_target_minutes_from_the_form_replan_the_pending_session_once(
    app_client: OwnPage, wired: Wiring
) -> None:
    walker = app_client.walker_id  # type: ignore[attr-defined]

    first = app_client.post(f"/desk/patients/{walker}/limits", data=LIMITS, follow_redirects=False)
    again = app_client.post(f"/desk/patients/{walker}/limits", data=LIMITS, follow_redirects=False)

    assert (first.status_code, again.status_code) == (303, 303)
    tables = read_snapshot(wired.database.engine)["tables"]
    assert [row["action"] for row in tables["audit_log"]] == ["limits"]
    with wired.uow().reading() as uow:
        pending = uow.sessions.latest_planned(walker)
    assert pending is not None and pending.decision.dose.minutes == 2
    assert "target of 2 minutes" in pending.decision.reasons[0]


def test_a_limit_above_the_protocols_own_is_shown_beside_its_field(app_client: OwnPage) -> None:
    walker = app_client.walker_id  # type: ignore[attr-defined]

    answer = app_client.post(f"/desk/patients/{walker}/limits", data=LIMITS | {"max_speed": "2.5"})

    assert answer.status_code == 422
    assert 'id="max_speed-error"' in answer.text and "at most 2 mph" in answer.text


def test_an_outcome_measure_out_of_range_is_refused_and_a_good_one_kept(
    app_client: OwnPage, wired: Wiring
) -> None:
    walker = app_client.walker_id  # type: ignore[attr-defined]
    url = f"/desk/patients/{walker}/measures"

    bad = app_client.post(url, data={"instrument": "womac", "womac_stiffness": "9"})
    good = app_client.post(
        url, data={"instrument": "koos", "koos_pain": "55"}, follow_redirects=False
    )

    assert bad.status_code == 422 and "from 0 to 8" in bad.text
    assert good.status_code == 303
    rows = read_snapshot(wired.database.engine)["tables"]["outcome_measures"]
    assert [(r["instrument"], r["koos_pain"], r["koos_qol"]) for r in rows] == [
        ("koos", 55.0, None)
    ]
