"""Clinic mode's login through the stack (nginx, HTTPS, two app processes on one PostgreSQL):
a login session made on one process is honoured by the other, logging out on one ends it on
both, the session cookie is Secure, and the login rate limit counts failures across processes
and by the browser's own address (nginx's X-Forwarded-For, believed by uvicorn from nginx
only), not the proxy's."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import httpx

from tests.deploy.accounts import (
    WALKER_PASSWORD,
    form_token,
    invitation_link,
    log_in,
    send_form,
    sign_up,
)
from tests.deploy.stack import Stack

# Loopback addresses a test client may send from: nginx sees each as a browser's own.
ADDRESS_FOR_NAMES, ADDRESS_LOCKED, ADDRESS_OTHER = "127.0.0.5", "127.0.0.6", "127.0.0.7"


def _client_from(stack: Stack, address: str) -> httpx.Client:
    """A browser-like client whose connections come from `address`."""
    context = ssl.create_default_context(cafile=str(stack.authority))
    transport = httpx.HTTPTransport(verify=context, local_address=address)
    return httpx.Client(base_url=stack.url, transport=transport, timeout=10)


def _reads_on_both(client: httpx.Client, stack: Stack, path: str) -> Iterator[tuple[str, int]]:
    """(upstream, status) for four reads of `path`: nginx takes the processes in turn."""
    since = len(stack.access_log())
    statuses = [client.get(path).status_code for _ in range(4)]
    return zip(stack.served_since(since, 4), statuses, strict=True)


def _logins(client: httpx.Client, stack: Stack, names: list[str], password: str) -> list[int]:
    """A login for each of `names` from one opened login page (its token serves every try), so
    the tries alone take turns between the processes."""
    token = form_token(client.get("/login"))
    headers = {"origin": stack.url}
    return [
        client.post(
            "/login", data={"name": name, "password": password, "csrf_token": token},
            headers=headers,
        ).status_code
        for name in names
    ]  # fmt: skip


def test_a_login_made_on_one_process_is_honoured_by_the_other(stack: Stack) -> None:
    with stack.client() as client:
        since = len(stack.access_log())
        answer = log_in(client, stack)  # the login page and the login: the two processes
        served = dict(_reads_on_both(client, stack, "/invitations"))

    assert answer.status_code == 303 and answer.headers["location"] == "/desk"
    assert len(set(stack.served_since(since, 2))) == 2
    assert served == {stack.upstream(port): 200 for port in stack.app_ports}


def test_the_session_cookie_is_secure_through_https(stack: Stack) -> None:
    with stack.client() as client:
        cookie = log_in(client, stack).headers["set-cookie"]

    assert cookie.startswith("retrowalk_session=")
    assert "; Secure" in cookie and "; HttpOnly" in cookie and "; SameSite=Lax" in cookie


def test_logging_out_on_one_process_ends_the_session_on_both(stack: Stack) -> None:
    with stack.client() as client:
        log_in(client, stack)
        session = client.cookies["retrowalk_session"]
        out = send_form(client, stack, "/invitations", "/logout", {})
        client.cookies.set("retrowalk_session", session)  # a copy kept, as a thief would
        after = list(_reads_on_both(client, stack, "/invitations"))

    assert out.status_code == 303 and out.headers["location"] == "/login?done=out"
    assert {upstream for upstream, _ in after} == {stack.upstream(p) for p in stack.app_ports}
    assert [status for _, status in after] == [303] * 4  # sent to log in, by either process


def test_five_wrong_passwords_spread_over_both_processes_refuse_the_sixth_try(
    stack: Stack,
) -> None:
    with stack.client() as clinician, _client_from(stack, ADDRESS_FOR_NAMES) as client:
        log_in(clinician, stack)
        sign_up(client, stack, invitation_link(clinician, stack), "pat")
        since = len(stack.access_log())
        wrong = _logins(client, stack, ["pat"] * 5, "not the password at all")
        tries = stack.served_since(since, 6)[1:]
        sixth = _logins(client, stack, ["pat"], WALKER_PASSWORD)

    assert wrong == [401] * 5
    assert set(tries) == {stack.upstream(port) for port in stack.app_ports}
    assert sixth == [429]  # even with the right password


def test_the_limit_per_address_counts_the_browsers_address_not_the_proxys(stack: Stack) -> None:
    """20 failures from one browser's address (4 names, 5 each) lock that address; a browser
    at another address is still heard, even when it claims the locked one in X-Forwarded-For
    (nginx sets the header afresh)."""
    guesses = [f"guess.{n}" for n in range(4) for _ in range(5)]
    with _client_from(stack, ADDRESS_LOCKED) as locked, _client_from(stack, ADDRESS_OTHER) as other:
        counted = _logins(locked, stack, guesses, "not the password at all")
        refused = _logins(locked, stack, ["guess.4"], "not the password at all")
        heard = _logins(other, stack, ["guess.5"], "not the password at all")
        other.headers["x-forwarded-for"] = ADDRESS_LOCKED
        claimed = _logins(other, stack, ["guess.6"], "not the password at all")

    assert counted == [401] * 20
    assert refused == [429]  # a fresh name: the address is what is locked
    assert (heard, claimed) == ([401], [401])  # the proxy's own address was never counted
