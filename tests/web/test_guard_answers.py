"""What the guard adds to every answer and the bodies it will not take (issue 11), seen from
retrowalk's own page: a CSP without inline script that no other page can frame, no sniffing, no
referrer, nothing stored; 415 for JSON sent as another type and 413 past 1 MiB, nothing written.
The header values are written out here, not imported from the guard."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from tests.web.builders import check_in, onboard

ONE_MIB = 1024 * 1024


def _policy(header: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def test_every_kind_of_answer_carries_the_security_headers(client: TestClient) -> None:
    walker_id = onboard(client)
    answers = {
        "page": client.get("/"),
        "api read": client.get(f"/api/walkers/{walker_id}/today"),
        "not found": client.get("/no-such-page"),
        "api write": client.post(f"/api/walkers/{walker_id}/sessions", json=check_in()),
        "refused by the guard": client.post(
            f"/api/walkers/{walker_id}/sessions",
            json=check_in(),
            headers={"origin": "http://127.0.0.1:9999"},
        ),
        "static file": client.get("/static/app.css"),
    }
    for what, answer in answers.items():
        policy = _policy(answer.headers["content-security-policy"])
        assert policy["frame-ancestors"] == "'none'", what
        assert policy["script-src"] == "'self'", what
        assert "unsafe-inline" not in answer.headers["content-security-policy"], what
        assert answer.headers["x-content-type-options"] == "nosniff", what
        assert answer.headers["referrer-policy"] == "no-referrer", what
    for what in ("page", "api read", "not found", "api write", "refused by the guard"):
        assert answers[what].headers["cache-control"] == "no-store", what
    assert answers["refused by the guard"].status_code == 403


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_json_body_sent_as_another_type_is_415_and_nothing_is_logged(
    client: TestClient, wiring: Wiring, content_type: str
) -> None:
    walker_id = onboard(client)
    before = wiring.data.snapshot()

    answer = client.post(
        f"/api/walkers/{walker_id}/sessions",
        content=json.dumps(check_in()).encode(),
        headers={"content-type": content_type},
    )

    assert answer.status_code == 415, answer.text
    assert "application/json" in answer.text
    assert wiring.data.snapshot() == before


def test_a_body_over_one_mebibyte_is_413_and_nothing_is_logged(
    client: TestClient, wiring: Wiring
) -> None:
    walker_id = onboard(client)
    before = wiring.data.snapshot()
    body = {**check_in(), "notes": "n" * ONE_MIB}

    answer = client.post(f"/api/walkers/{walker_id}/sessions", json=body)

    assert answer.status_code == 413, answer.text
    assert str(ONE_MIB) in answer.text
    assert wiring.data.snapshot() == before
