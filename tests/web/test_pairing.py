"""Pairing a phone (`retrowalk serve --lan`), through the app: a device on the network sees
nothing but the pairing page until it sends a right code; a paired one works; a revoked one is
locked out on its very next request; this computer (exactly 127.0.0.1 or ::1, both ends) needs
no pairing. A second loopback address, 127.0.0.2, stands in for the LAN address."""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from string import Formatter
from typing import Any

import pytest
import segno
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts

from retrowalk.bootstrap import Wiring, bootstrap
from retrowalk.services.clock import FixedClock
from retrowalk.services.pairing import PairingDesk
from retrowalk.store.paired_devices import PairedDevicesFile
from retrowalk.web.app import create_app
from retrowalk.web.guard import LOOPBACK_NAMES, Guard
from retrowalk.web.guard.pairing import CALENDAR_FEED_PATH, Pairing
from tests.db import fresh_database_url
from tests.web.builders import onboard
from tests.web.client import OWN_ORIGIN, OwnPage
from tests.web.conftest import settings_for

LAN = "http://127.0.0.2:8000"
PHONE = ("192.168.1.30", 50000)
THIS_COMPUTER = ("127.0.0.1", 50000)


@dataclass
class Home:
    app: FastAPI
    wiring: Wiring
    desk: PairingDesk
    devices: PairedDevicesFile
    clock: FixedClock
    computer: OwnPage
    walker_id: int
    folder: Path

    def phone(self, client: tuple[str, int] = PHONE) -> OwnPage:
        return OwnPage(self.app, LAN, client=client)

    def code(self) -> str:
        return self.desk.new_code(self.clock.now()).value

    def pair(self, phone: OwnPage, code: str, name: str = "Pixel 8") -> Any:
        form = {"code": code, "name": name, "csrf_token": phone.csrf_token()}
        return phone.post("/pair", data=form, follow_redirects=False)


@pytest.fixture(name="home")
def home_fixture(
    request: pytest.FixtureRequest, clock: FixedClock, tmp_path: Path
) -> Iterator[Home]:
    url = fresh_database_url("sqlite", request, tmp_path)
    wiring = bootstrap(settings_for(url, tmp_path), clock=clock)
    devices = PairedDevicesFile(tmp_path)
    desk = PairingDesk(devices)
    guard = Guard(
        LOOPBACK_NAMES | {"127.0.0.2"},
        "a test secret of 32 characters....",
        Pairing(devices, desk, LAN),
    )
    app = create_app(wiring, guard=guard)
    with OwnPage(app, client=THIS_COMPUTER) as computer:
        walker_id = onboard(computer, start="2027-01-04")
        yield Home(app, wiring, desk, devices, clock, computer, walker_id, tmp_path)
    wiring.close()


def _reads(app: FastAPI, walker_id: int) -> list[str]:
    found = [(route.path, route.methods) for route in iter_route_contexts(app.routes)]
    paths = [path for path, methods in found if path and methods and "GET" in methods]
    skipped = ("/pair", CALENDAR_FEED_PATH)  # open without pairing (the feed: its own tests)
    return [_filled(path, walker_id=walker_id) for path in paths if path not in skipped]


def test_an_unpaired_device_gets_how_to_pair_and_no_data_on_every_route(home: Home) -> None:
    phone = home.phone()
    before = home.wiring.data.snapshot()

    reads = _reads(home.app, home.walker_id)
    assert len(reads) >= 10  # the list is the route table, not empty
    for path in reads:
        answer = phone.get(path, follow_redirects=False)
        assert answer.status_code == 401, (path, answer.text[:200])
        if path.startswith("/api"):
            assert [p["field"] for p in answer.json()["detail"]] == ["device"]
        else:
            assert "Pair this device first" in answer.text and "/pair" in answer.text
        assert "knee" not in answer.text.lower().replace("knee health", ""), path
    written = phone.post(
        f"/api/walkers/{home.walker_id}/sessions", json={"date": "2027-01-04", "pain_during": 9}
    )
    assert written.status_code == 401
    assert home.wiring.data.snapshot() == before


def test_an_unpaired_device_changes_nothing_on_any_write_even_from_its_own_origin(
    home: Home,
) -> None:
    phone = home.phone()
    found = [(route.path, route.methods) for route in iter_route_contexts(home.app.routes)]
    writes = [
        (method, _filled(path, walker_id=home.walker_id))
        for path, methods in found
        if path and methods and path != "/pair"
        for method in methods - {"GET", "HEAD", "OPTIONS"}
    ]
    home.pair(home.phone(("192.168.1.31", 50000)), home.code())  # someone else's phone
    before = (home.wiring.data.snapshot(), home.devices.all())

    assert len(writes) >= 16
    for method, path in writes:
        answer = phone.request(method, path, json={})
        assert answer.status_code == 401, (method, path, answer.text[:200])

    assert (home.wiring.data.snapshot(), home.devices.all()) == before


def test_the_pairing_page_and_static_files_are_open_and_take_the_code_from_the_qr_link(
    home: Home,
) -> None:
    phone = home.phone()

    page = phone.get("/pair?code=ABCD2345")

    assert page.status_code == 200
    assert 'value="ABCD2345"' in page.text and 'name="name"' in page.text
    assert phone.get("/static/app.css").status_code == 200


def test_a_right_code_pairs_the_phone_with_a_strict_long_lived_credential(home: Home) -> None:
    phone = home.phone()

    paired = home.pair(phone, home.code(), "Pixel 8")

    assert paired.status_code == 303
    cookie = next(c for c in paired.headers.get_list("set-cookie") if "retrowalk_device=" in c)
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert int(re.search(r"Max-Age=(\d+)", cookie).group(1)) >= 365 * 24 * 3600  # type: ignore[union-attr]
    assert phone.get(f"/api/walkers/{home.walker_id}/today").status_code == 200
    assert phone.get("/history").status_code == 200
    assert "Pixel 8, paired 4 Jan 2027" in phone.get("/settings").text
    logged = phone.post(f"/api/walkers/{home.walker_id}/sessions", json={"date": "2027-01-04"})
    assert logged.status_code == 201, logged.text


def test_the_code_is_typed_in_any_case_with_dashes_and_spaces(home: Home) -> None:
    code = home.code()
    typed = f" {code[:4].lower()}-{code[4:]} "

    assert home.pair(home.phone(), typed).status_code == 303


def test_the_token_is_kept_only_as_a_hash_in_a_file_only_this_user_reads(home: Home) -> None:
    phone = home.phone()
    home.pair(phone, home.code())
    token = phone.cookies["retrowalk_device"]
    kept = home.folder / "paired-devices.json"

    assert token not in kept.read_text()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_a_code_pairs_one_device_only(home: Home) -> None:
    code = home.code()
    assert home.pair(home.phone(), code).status_code == 303

    second = home.pair(home.phone(("192.168.1.31", 50000)), code)

    assert second.status_code == 422
    assert "used or has expired" in second.text
    assert len(home.devices.all()) == 1


def test_a_code_expires_after_ten_minutes(home: Home) -> None:
    code = home.code()
    home.clock.current += timedelta(minutes=10)

    refused = home.pair(home.phone(), code)

    assert refused.status_code == 422 and "used or has expired" in refused.text
    assert home.devices.all() == []


def test_a_code_typed_wrong_five_times_is_withdrawn(home: Home) -> None:
    code = home.code()
    phone = home.phone()
    for _ in range(4):
        assert "the 8-character code shown" in home.pair(phone, "WRONG234").text

    assert "typed wrong 5 times" in home.pair(phone, "WRONG234").text
    assert home.pair(phone, code).status_code == 422
    assert home.devices.all() == []


def test_a_wrong_code_keeps_the_name_typed_and_names_the_field(home: Home) -> None:
    home.code()

    refused = home.pair(home.phone(), "WRONG234", "Kitchen tablet")

    assert refused.status_code == 422
    assert 'value="Kitchen tablet"' in refused.text and 'aria-invalid="true"' in refused.text


def test_a_device_name_must_be_given(home: Home) -> None:
    refused = home.pair(home.phone(), home.code(), "   ")

    assert refused.status_code == 422 and "a name for this device" in refused.text
    assert home.devices.all() == []


def test_a_revoked_phone_is_locked_out_on_its_next_request(home: Home) -> None:
    phone = home.phone()
    home.pair(phone, home.code())
    assert phone.get("/history").status_code == 200

    revoked = home.computer.post("/settings/paired/1/revoke", follow_redirects=False)

    assert revoked.status_code == 303
    assert phone.get("/history").status_code == 401
    assert phone.get(f"/api/walkers/{home.walker_id}/today").status_code == 401
    assert "revoked 4 Jan 2027" in home.computer.get("/settings").text


def test_a_revoke_by_another_process_locks_the_phone_out_at_once(home: Home) -> None:
    """The CLI's `retrowalk paired revoke` writes the same file from another process."""
    phone = home.phone()
    home.pair(phone, home.code())
    assert phone.get("/history").status_code == 200

    PairedDevicesFile(home.folder).revoke(1, home.clock.now())

    assert phone.get("/history").status_code == 401


def test_this_computer_needs_no_pairing_but_only_on_exactly_its_loopback_address(
    home: Home,
) -> None:
    assert home.computer.get("/history").status_code == 200
    with OwnPage(home.app, "http://[::1]:8000", client=("::1", 50000)) as ipv6:
        assert ipv6.get("/history").status_code == 200
    # From this computer, but to the LAN stand-in: the same as a phone.
    with home.phone(client=THIS_COMPUTER) as local_to_lan:
        assert local_to_lan.get("/history").status_code == 401


def test_only_this_computer_makes_a_new_code_and_the_old_one_stops_working(home: Home) -> None:
    old = home.code()
    phone = home.phone()

    assert phone.post("/pair/code", follow_redirects=False).status_code == 401
    made = home.computer.post("/pair/code", follow_redirects=False)
    assert made.status_code == 303
    shown = home.computer.get("/pair").text
    new = re.search(r'id="pairing-code">(\w{4})-(\w{4})<', shown)

    assert new is not None and "".join(new.groups()) != old
    link = f"{LAN}/pair?code={''.join(new.groups())}"
    assert segno.make(link, error="m").svg_inline(scale=6, border=4).split("<path")[1] in shown
    assert home.pair(phone, old).status_code == 422
    assert home.pair(phone, "".join(new.groups())).status_code == 303


def test_a_paired_phone_may_not_make_codes(home: Home) -> None:
    phone = home.phone()
    home.pair(phone, home.code())

    assert phone.post("/pair/code", follow_redirects=False).status_code == 403


def test_an_unreadable_list_of_devices_lets_no_phone_in_and_leaves_this_computer_alone(
    home: Home,
) -> None:
    phone = home.phone()
    home.pair(phone, home.code())
    (home.folder / "paired-devices.json").write_text("{not json")

    refused = phone.get("/history")

    assert refused.status_code == 503 and "paired-devices.json" in refused.text
    assert home.computer.get("/history").status_code == 200


def test_a_phone_write_from_the_computers_origin_is_still_refused(home: Home) -> None:
    phone = home.phone()
    home.pair(phone, home.code())
    headers = {"origin": OWN_ORIGIN}

    answer = phone.post(f"/api/walkers/{home.walker_id}/sessions", json={}, headers=headers)

    assert answer.status_code == 403


def _filled(template: str, **ids: int) -> str:
    """The path with `ids` in place, and 1 for any other id (a session, a device, a flag)."""
    names = [name for _, name, _, _ in Formatter().parse(template) if name]
    return template.format(**(dict.fromkeys(names, 1) | ids))
