"""Clinic mode's forms through the stack, as a browser sends them (httpx): each form's own CSRF
token from the page that holds it, and the clinic's origin. The clinician is the first one,
made by the harness with `retrowalk admin create-clinician` (tests/deploy/stack.py)."""

from __future__ import annotations

import re

import httpx

from tests.deploy.stack import CLINICIAN, CLINICIAN_PASSWORD, Stack

TOKEN_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
INVITE_LINK = re.compile(r'id="invite-link"[^>]* value="([^"]+)"')
WALKER_PASSWORD = "a walker's own long password"


def form_token(page: httpx.Response) -> str:
    found = TOKEN_FIELD.search(page.text)
    assert found is not None, (page.status_code, page.text[:2000])
    return found.group(1)


def send_form(
    client: httpx.Client, stack: Stack, page: str, action: str, fields: dict[str, str]
) -> httpx.Response:
    """Open `page`, then post `fields` to `action` with the page's token, as its form does."""
    token = form_token(client.get(page))
    data = fields | {"csrf_token": token}
    return client.post(action, data=data, headers={"origin": stack.url})


def log_in(
    client: httpx.Client, stack: Stack, name: str = CLINICIAN, password: str = CLINICIAN_PASSWORD
) -> httpx.Response:
    return send_form(client, stack, "/login", "/login", {"name": name, "password": password})


def invitation_link(clinician: httpx.Client, stack: Stack) -> str:
    """A patient's invitation link made by the logged-in clinician on /invitations."""
    made = send_form(clinician, stack, "/invitations", "/invitations", {"role": "walker"})
    assert made.status_code == 201, made.text[:2000]
    found = INVITE_LINK.search(made.text)
    assert found is not None, made.text[:2000]
    return found.group(1).replace("&amp;", "&")


def sign_up(client: httpx.Client, stack: Stack, link: str, name: str) -> httpx.Response:
    """Sign up with the invitation `link` as `name` (the walker's password)."""
    invite = link.split("invite=", 1)[1]
    fields = {
        "invite": invite,
        "name": name,
        "password": WALKER_PASSWORD,
        "password_again": WALKER_PASSWORD,
    }
    return send_form(client, stack, link.removeprefix(stack.url), "/signup", fields)
