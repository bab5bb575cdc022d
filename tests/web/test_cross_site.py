"""No other web page can change anything: a suite generated from the app's own route table.

Every state-changing route (every method but GET, HEAD and OPTIONS, API and pages alike) is
sent what another site's page can send: a foreign `Origin` (another port of 127.0.0.1 is another
origin), `null` from a `file://` page, `Sec-Fetch-Site: same-site`, a foreign `Referer`, the
simple content types that need no preflight, no token, a token of another server. Each is
refused by the guard (its answer names the header at fault) and, after all of them, the
database holds exactly what it held and the treadmill neither opened again nor moved. A foreign
`Host` (DNS rebinding) is refused on every route, reads included.

Every test runs twice: on this computer, and on the home network's address (`serve --lan`) from
a phone that is paired: a paired credential lets nothing past the origin and token checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from itsdangerous import URLSafeSerializer

from retrowalk.bootstrap import Wiring, bootstrap
from retrowalk.devices.ftms_control import OpCode
from retrowalk.services.clock import FixedClock
from retrowalk.services.pairing import PairingDesk
from retrowalk.store.paired_devices import PairedDevicesFile
from retrowalk.web.app import create_app
from retrowalk.web.guard import LOOPBACK_NAMES, Guard
from retrowalk.web.guard.pairing import DEVICE_COOKIE, Pairing
from retrowalk.web.treadmills import TreadmillBelts
from tests.db import fresh_database_url
from tests.web.builders import onboard
from tests.web.client import CSRF_COOKIE, OWN_ORIGIN, OwnPage
from tests.web.conftest import settings_for
from tests.web.virtual import VirtualTreadmills

READS = {"GET", "HEAD", "OPTIONS"}
ANOTHER_PORT = "http://127.0.0.1:9999"
LAN_ORIGIN = "http://127.0.0.2:8000"  # a second loopback address stands in for the LAN
PHONE = ("192.168.1.30", 50000)
THIS_COMPUTER = ("127.0.0.1", 50000)
FOREIGN_ORIGINS = (ANOTHER_PORT, "http://localhost:8000", "https://127.0.0.1:8000", OWN_ORIGIN)
# What a page of another site can send without asking the server first (no CORS preflight).
SIMPLE_BODIES: list[dict[str, Any]] = [
    {"content": b'{"pain_during": 9}', "headers": {"content-type": "text/plain"}},
    {"data": {"pain_during": "9", "done": "on"}},
    {"files": {"pain_during": (None, "9")}},
]


@dataclass
class Victim:
    """The app as a walker runs it (`serve --device virtual --control`), mid-morning: a walker,
    one session logged, today's live session started on the virtual treadmill (belt stopped)."""

    app: FastAPI
    client: OwnPage
    wiring: Wiring
    virtual: VirtualTreadmills
    walker_id: int
    log_id: int
    devices: PairedDevicesFile

    @property
    def origin(self) -> str:
        return self.client.origin

    def writes(self) -> list[tuple[str, str]]:
        return [
            (m, self.path(path)) for path, methods in _routes(self.app) for m in methods - READS
        ]

    def reads(self) -> list[str]:
        return [self.path(path) for path, methods in _routes(self.app) if "GET" in methods]

    def path(self, template: str) -> str:
        ids = {"walker_id": self.walker_id, "log_id": self.log_id, "device_id": 1, "flag_id": 1}
        return template.format(**ids, token="a-calendar-link-nobody-made")

    def state(self) -> tuple[Any, ...]:
        """Everything stored (the paired devices too), and what the treadmill did: opened how
        often, moving, told to go."""
        treadmill = (len(self.virtual.belts), self.virtual.running())
        stored = (self.wiring.data.snapshot(), self.devices.all())
        return stored, treadmill, self.virtual.sent(OpCode.START_OR_RESUME)


def _routes(app: FastAPI) -> list[tuple[str, set[str]]]:
    """Every route's path template and methods, pages and API (static files left out)."""
    found = [(route.path, route.methods) for route in iter_route_contexts(app.routes)]
    return [(path, methods) for path, methods in found if path and methods]


@pytest.fixture(name="victim", params=["this computer", "a paired phone"])
def victim_fixture(
    request: pytest.FixtureRequest, clock: FixedClock, tmp_path: Path
) -> Iterator[Victim]:
    url = fresh_database_url("sqlite", request, tmp_path)
    wiring = bootstrap(settings_for(url, tmp_path), clock=clock)
    virtual = VirtualTreadmills()
    belt = TreadmillBelts(virtual, watch_every=None)
    on_lan = request.param == "a paired phone"
    devices = PairedDevicesFile(tmp_path)
    desk = PairingDesk(devices)
    pairing = Pairing(devices, desk, LAN_ORIGIN)
    guard = Guard(LOOPBACK_NAMES | {"127.0.0.2"}, "a test secret of 32 characters....", pairing)
    app = create_app(wiring, belt=belt, guard=guard)
    page = OwnPage(app, LAN_ORIGIN, client=PHONE) if on_lan else OwnPage(app, client=THIS_COMPUTER)
    with page as client:
        if on_lan:
            code = desk.new_code(clock.now()).value
            form = {"code": code, "name": "Pixel 8", "csrf_token": client.csrf_token()}
            assert client.post("/pair", data=form, follow_redirects=False).status_code == 303
        walker_id = onboard(client, start="2027-01-01")
        logged = client.post(f"/api/walkers/{walker_id}/sessions", json={"date": "2027-01-01"})
        seq = client.get(f"/api/walkers/{walker_id}/live").json()["seq"]
        assert client.post(f"/api/walkers/{walker_id}/live", json={"seq": seq}).status_code == 200
        log_id = logged.json()["session"]["id"]
        yield Victim(app, client, wiring, virtual, walker_id, log_id, devices)
    wiring.close()


def _send(victim: Victim, method: str, path: str, **request: Any) -> Any:
    return victim.client.request(method, path, **request)


def _refused(response: Any, status: int, field: str) -> bool:
    problems = response.json()["detail"] if "json" in response.headers["content-type"] else []
    named = [p["field"] for p in problems] == [field] or field in response.text
    return response.status_code == status and named


def test_the_route_table_has_the_writes_a_walker_can_make(victim: Victim) -> None:
    """The suite below walks every write; this guards it from walking an empty list."""
    writes = victim.writes()

    assert len(writes) >= 16
    assert ("POST", f"/api/walkers/{victim.walker_id}/belt/start") in writes
    assert ("POST", f"/history/{victim.log_id}/delete") in writes


def test_a_write_from_another_origin_is_refused_and_changes_nothing(victim: Victim) -> None:
    before = victim.state()
    token = victim.client.csrf_token()

    for method, path in victim.writes():
        for origin in (o for o in (*FOREIGN_ORIGINS, LAN_ORIGIN) if o != victim.origin):
            headers = {"origin": origin, "x-csrf-token": token}
            response = _send(victim, method, path, json={}, headers=headers)
            assert _refused(response, 403, "Origin"), (method, path, origin, response.text)

    assert victim.state() == before


def test_a_write_from_a_file_page_or_another_site_is_refused_and_changes_nothing(
    victim: Victim,
) -> None:
    before = victim.state()
    cases = [
        ({"origin": "null", "sec-fetch-site": "cross-site"}, "Sec-Fetch-Site"),
        ({"origin": "null"}, "Origin"),
        ({"sec-fetch-site": "same-site"}, "Sec-Fetch-Site"),
        ({"referer": ANOTHER_PORT + "/attack.html"}, "Referer"),
    ]

    for method, path in victim.writes():
        for headers, field in cases:
            # Built by hand: exactly these headers, nothing the own page would add.
            request = victim.client.build_request(method, path, json={}, headers=headers)
            response = victim.client.send(request)
            assert _refused(response, 403, field), (method, path, headers, response.text)

    assert victim.state() == before


def test_a_write_without_the_token_is_refused_whatever_its_content_type(victim: Victim) -> None:
    before = victim.state()

    for method, path in victim.writes():
        for body in [*SIMPLE_BODIES, {"json": {}}]:
            headers = {"origin": victim.origin, "x-csrf-token": "", **body.pop("headers", {})}
            response = _send(victim, method, path, headers=headers, **body)
            assert _refused(response, 403, "csrf_token"), (method, path, body, response.text)

    assert victim.state() == before


def test_a_token_another_server_signed_is_refused_even_with_its_own_cookie(
    victim: Victim,
) -> None:
    forged = URLSafeSerializer("not this server's secret", salt="retrowalk-csrf").dumps("x")
    device = victim.client.cookies.get(DEVICE_COOKIE)
    paired = "" if device is None else f"; {DEVICE_COOKIE}={device}"
    before = victim.state()

    for method, path in victim.writes():
        headers = {
            "origin": victim.origin,
            "x-csrf-token": forged,
            "cookie": f"{CSRF_COOKIE}={forged}{paired}",
        }
        request = victim.client.build_request(method, path, json={}, headers=headers)
        response = victim.client.send(request)
        assert _refused(response, 403, "csrf_token"), (method, path, response.text)

    assert victim.state() == before


def test_a_form_field_token_is_taken_from_retrowalks_own_form(victim: Victim) -> None:
    """The pages' forms work without script: the token travels as a field."""
    token = victim.client.csrf_token()
    form = {"csrf_token": token, "units": "metric"}

    response = victim.client.post(
        "/settings/units", data=form, headers={"x-csrf-token": ""}, follow_redirects=False
    )

    assert response.status_code == 303, response.text


def test_every_route_refuses_a_host_that_is_not_the_servers_own(victim: Victim) -> None:
    before = victim.state()
    token = victim.client.csrf_token()
    own = {"origin": victim.origin, "x-csrf-token": token}

    for path in victim.reads():
        response = victim.client.get(path, headers={"host": "rebound.example:8000"})
        assert _refused(response, 400, "Host"), (path, response.text)
    for method, path in victim.writes():
        headers = {**own, "host": "rebound.example:8000", "origin": "http://rebound.example:8000"}
        response = _send(victim, method, path, json={}, headers=headers)
        assert _refused(response, 400, "Host"), (method, path, response.text)

    assert victim.state() == before


def test_no_read_changes_anything_even_when_another_site_sends_it(victim: Victim) -> None:
    """GET is safe: the timeline, the belt's news, every page, asked by an image on any page."""
    before = victim.state()
    cross_site = {"sec-fetch-site": "cross-site", "sec-fetch-dest": "image"}

    for path in [*victim.reads(), "/live", f"/api/walkers/{victim.walker_id}/live"]:
        response = victim.client.get(path, headers=cross_site)
        assert response.status_code < 500, (path, response.text)

    assert victim.state() == before


def test_the_same_writes_from_retrowalks_own_page_do_change_things(victim: Victim) -> None:
    """The refusals above come from the guard, not from the requests: sent from the own page,
    a write of the same kind starts the belt."""
    path = f"/api/walkers/{victim.walker_id}/belt/start"
    before = victim.state()

    started = victim.client.post(path, json={"moving": True, "speed_mph": 0.5})

    assert started.json()["going"] is True
    assert victim.state() != before
