"""Clinic mode's accounts (services/login.py, passwords.py, login_sessions.py, invitations.py,
reset_links.py, accounts.py): argon2 hashes stored, never the password; one answer for an unknown
name and a wrong password; the rate limit (5 per name, 20 per address, 15 minutes); sessions
ended by logout, logout everywhere and a reset; invitations and reset links once, expiring,
withdrawable; who may invite whom."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from retrowalk.domain.errors import InputError, NotFoundError
from retrowalk.services.accounts import change_password, create_staff_account
from retrowalk.services.clock import FixedClock
from retrowalk.services.invitations import SignUpIn, invite, sign_up, withdraw
from retrowalk.services.login import LoginDone, LoginIn, LoginRefused, TooManyTries, log_in
from retrowalk.services.login_sessions import log_out, log_out_everywhere, logged_in
from retrowalk.services.passwords import check_new_password
from retrowalk.services.records import Account, Role
from retrowalk.services.reset_links import issue_reset_link, reset_password
from tests.db import (  # noqa: F401 - fixtures, known to pytest by their `name=`
    Backend,
    backend_fixture,
    clock_fixture,
    sql_backend_fixture,
)
from tests.store.builders import onboarded

PASSWORD = "correct horse battery"
OTHER = "a different long password"


def _clinician(backend: Backend, clock: FixedClock, name: str = "dr.lee") -> Account:
    return create_staff_account(name, PASSWORD, PASSWORD, False, backend.uow(), clock)


def _admin(backend: Backend, clock: FixedClock) -> Account:
    return create_staff_account("root", PASSWORD, PASSWORD, True, backend.uow(), clock)


def _login(
    backend: Backend, clock: FixedClock, name: str, password: str, client: str = "10.0.0.1"
) -> LoginDone:
    return log_in(LoginIn(name, password, client), backend.uow(), clock)


def test_the_store_keeps_an_argon2id_hash_never_the_password(
    sql_backend: Backend, clock: FixedClock
) -> None:
    _clinician(sql_backend, clock)

    dumped = json.dumps(sql_backend.contents())
    [row] = [r for r in sql_backend.contents()["tables"]["accounts"] if r["name"] == "dr.lee"]
    assert row["password_hash"].startswith("$argon2id$")
    assert PASSWORD not in dumped


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(
    backend: Backend, clock: FixedClock
) -> None:
    _clinician(backend, clock)

    with pytest.raises(LoginRefused) as wrong:
        _login(backend, clock, "dr.lee", OTHER)
    with pytest.raises(LoginRefused) as unknown:
        _login(backend, clock, "nobody", OTHER)

    assert str(wrong.value) == str(unknown.value)


def test_the_right_password_logs_in_and_the_session_is_found_by_its_token(
    backend: Backend, clock: FixedClock
) -> None:
    _clinician(backend, clock)

    done = _login(backend, clock, " Dr.Lee ", PASSWORD)

    found = logged_in(done.started.token, backend.uow, clock)
    assert found is not None and found.account.name == "dr.lee"
    assert logged_in("x" * 43, backend.uow, clock) is None


def test_the_sixth_try_for_one_name_within_15_minutes_is_refused_until_the_window_passes(
    backend: Backend, clock: FixedClock
) -> None:
    _clinician(backend, clock)
    for _ in range(5):
        with pytest.raises(LoginRefused):
            _login(backend, clock, "dr.lee", OTHER, client="10.0.0.9")
        clock.current += timedelta(minutes=1)

    with pytest.raises(TooManyTries) as locked:
        _login(backend, clock, "dr.lee", PASSWORD, client="10.0.0.2")  # even the right one

    # Failures at minutes 0 to 4, asked at minute 5: the first leaves the window at minute 15.
    assert locked.value.retry_after == 10 * 60
    clock.current += timedelta(minutes=9, seconds=59)
    with pytest.raises(TooManyTries):
        _login(backend, clock, "dr.lee", PASSWORD, client="10.0.0.2")
    clock.current += timedelta(seconds=1)
    assert _login(backend, clock, "dr.lee", PASSWORD).account.name == "dr.lee"


def test_twenty_failures_from_one_address_lock_that_address_for_every_name(
    backend: Backend, clock: FixedClock
) -> None:
    _clinician(backend, clock)
    for n in range(20):
        with pytest.raises(LoginRefused):
            _login(backend, clock, f"guess{n}", OTHER, client="203.0.113.5")

    with pytest.raises(TooManyTries):
        _login(backend, clock, "dr.lee", PASSWORD, client="203.0.113.5")
    assert _login(backend, clock, "dr.lee", PASSWORD, client="10.0.0.1").account.name == "dr.lee"


def test_a_success_forgets_only_its_own_address_failures_for_the_name(
    backend: Backend, clock: FixedClock
) -> None:
    _clinician(backend, clock)
    for client in ("10.0.0.1",) * 2 + ("198.51.100.7",) * 2:
        with pytest.raises(LoginRefused):
            _login(backend, clock, "dr.lee", OTHER, client=client)
    _login(backend, clock, "dr.lee", PASSWORD, client="10.0.0.1")  # forgets 10.0.0.1's two

    for _ in range(3):
        with pytest.raises(LoginRefused):
            _login(backend, clock, "dr.lee", OTHER, client="198.51.100.7")
    with pytest.raises(TooManyTries):  # 2 + 3 from the other address: still counted
        _login(backend, clock, "dr.lee", PASSWORD, client="198.51.100.7")


@pytest.mark.parametrize(
    ("password", "field", "said"),
    [
        ("short one", "password", "9 characters"),
        ("x" * 129, "password", "129 characters"),
        ("dr.lee", "password", "6 characters"),
        ("DR.LEE" + " " * 6, "password", "your account name"),
        ("password1234", "password", "a common password"),
        ("aaaaaaaaaaaaaaaa", "password", "a common password"),
    ],
)
def test_a_password_breaking_a_rule_is_refused_naming_the_field_not_the_password(
    password: str, field: str, said: str
) -> None:
    with pytest.raises(InputError) as refused:
        check_new_password(password, password, "dr.lee")

    assert refused.value.field == field and refused.value.value == said
    assert password not in str(refused.value)


def test_twelve_and_128_characters_are_allowed_and_both_copies_must_agree() -> None:
    check_new_password("twelve chars", "twelve chars", "dr.lee")
    check_new_password("y" * 127 + "z", "y" * 127 + "z", "dr.lee")

    with pytest.raises(InputError) as refused:
        check_new_password(PASSWORD, OTHER, "dr.lee")
    assert refused.value.field == "password_again"


def test_logout_ends_one_session_and_logout_everywhere_ends_all(
    backend: Backend, clock: FixedClock
) -> None:
    lee = _clinician(backend, clock)
    phone, desk, laptop = (_login(backend, clock, "dr.lee", PASSWORD) for _ in range(3))

    log_out(phone.started.session.id, backend.uow(), clock)
    assert logged_in(phone.started.token, backend.uow, clock) is None
    assert logged_in(desk.started.token, backend.uow, clock) is not None

    assert log_out_everywhere(lee.id, backend.uow(), clock) == 2
    assert logged_in(desk.started.token, backend.uow, clock) is None
    assert logged_in(laptop.started.token, backend.uow, clock) is None


def test_a_clinician_session_ends_after_12_idle_hours(backend: Backend, clock: FixedClock) -> None:
    _clinician(backend, clock)
    done = _login(backend, clock, "dr.lee", PASSWORD)

    clock.current += timedelta(hours=11, minutes=59)
    assert logged_in(done.started.token, backend.uow, clock) is not None
    clock.current += timedelta(hours=12)
    assert logged_in(done.started.token, backend.uow, clock) is None


def test_changing_the_password_ends_every_other_session(
    backend: Backend, clock: FixedClock
) -> None:
    lee = _clinician(backend, clock)
    other = _login(backend, clock, "dr.lee", PASSWORD)

    fresh = change_password(lee, PASSWORD, OTHER, OTHER, backend.uow(), clock)

    assert logged_in(other.started.token, backend.uow, clock) is None
    assert logged_in(fresh.token, backend.uow, clock) is not None
    with pytest.raises(LoginRefused):
        _login(backend, clock, "dr.lee", PASSWORD)


def test_an_invitation_signs_up_once_with_its_role_and_inviter(
    backend: Backend, clock: FixedClock
) -> None:
    lee = _clinician(backend, clock)
    made = invite(lee, Role.WALKER, backend.uow(), clock)

    dee, _ = sign_up(SignUpIn(made.token, "Dee", PASSWORD, PASSWORD), backend.uow(), clock)

    assert (dee.name, dee.role, dee.invited_by) == ("dee", Role.WALKER, lee.id)
    with pytest.raises(InputError) as again:
        sign_up(SignUpIn(made.token, "eve", PASSWORD, PASSWORD), backend.uow(), clock)
    assert again.value.field == "invite"


def test_an_invitation_expires_after_7_days(backend: Backend, clock: FixedClock) -> None:
    made = invite(_clinician(backend, clock), Role.WALKER, backend.uow(), clock)

    clock.current += timedelta(days=7)

    with pytest.raises(InputError):
        sign_up(SignUpIn(made.token, "dee", PASSWORD, PASSWORD), backend.uow(), clock)


def test_a_withdrawn_invitation_no_longer_signs_up(backend: Backend, clock: FixedClock) -> None:
    lee = _clinician(backend, clock)
    made = invite(lee, Role.WALKER, backend.uow(), clock)

    withdraw(lee, made.invitation.id, backend.uow(), clock)

    with pytest.raises(InputError):
        sign_up(SignUpIn(made.token, "dee", PASSWORD, PASSWORD), backend.uow(), clock)


def test_only_its_maker_withdraws_an_invitation(backend: Backend, clock: FixedClock) -> None:
    made = invite(_clinician(backend, clock), Role.WALKER, backend.uow(), clock)
    kay = _clinician(backend, clock, "dr.kay")

    with pytest.raises(NotFoundError):
        withdraw(kay, made.invitation.id, backend.uow(), clock)


def test_a_walker_invites_no_one_and_a_clinician_invites_no_clinician_or_admin(
    backend: Backend, clock: FixedClock
) -> None:
    lee = _clinician(backend, clock)
    made = invite(lee, Role.WALKER, backend.uow(), clock)
    dee, _ = sign_up(SignUpIn(made.token, "dee", PASSWORD, PASSWORD), backend.uow(), clock)

    for inviter, role in ((dee, Role.WALKER), (lee, Role.CLINICIAN), (lee, Role.ADMIN)):
        with pytest.raises(InputError):
            invite(inviter, role, backend.uow(), clock)
    assert invite(_admin(backend, clock), Role.ADMIN, backend.uow(), clock).token


def test_a_walker_invited_by_a_clinician_is_their_patient_once_onboarded(
    backend: Backend, clock: FixedClock
) -> None:
    lee = _clinician(backend, clock)
    made = invite(lee, Role.WALKER, backend.uow(), clock)
    sign_up(SignUpIn(made.token, "dee", PASSWORD, PASSWORD), backend.uow(), clock)

    done = onboarded(backend, clock, account="dee")

    assert done.walker.clinician_id == lee.id
    with backend.uow().reading() as uow:
        stored = uow.walkers.get(done.walker.id)
    assert stored is not None and stored.clinician_id == lee.id


def test_a_reset_link_works_once_and_ends_every_session(
    backend: Backend, clock: FixedClock
) -> None:
    _clinician(backend, clock)
    before = _login(backend, clock, "dr.lee", PASSWORD)
    issued = issue_reset_link(_admin(backend, clock), "dr.lee", backend.uow(), clock)

    reset_password(issued.token, OTHER, OTHER, backend.uow(), clock)

    assert logged_in(before.started.token, backend.uow, clock) is None
    assert _login(backend, clock, "dr.lee", OTHER).account.name == "dr.lee"
    with pytest.raises(InputError):
        reset_password(issued.token, PASSWORD, PASSWORD, backend.uow(), clock)


def test_a_reset_link_expires_after_24_hours_and_a_new_one_replaces_it(
    backend: Backend, clock: FixedClock
) -> None:
    _clinician(backend, clock)
    first = issue_reset_link(None, "dr.lee", backend.uow(), clock)
    second = issue_reset_link(None, "dr.lee", backend.uow(), clock)

    with pytest.raises(InputError):
        reset_password(first.token, OTHER, OTHER, backend.uow(), clock)
    clock.current += timedelta(hours=24)
    with pytest.raises(InputError):
        reset_password(second.token, OTHER, OTHER, backend.uow(), clock)


def test_only_an_admin_issues_a_reset_link(backend: Backend, clock: FixedClock) -> None:
    lee = _clinician(backend, clock)

    with pytest.raises(InputError):
        issue_reset_link(lee, "dr.lee", backend.uow(), clock)


def test_an_existing_name_is_refused_for_a_new_staff_account(
    backend: Backend, clock: FixedClock
) -> None:
    _clinician(backend, clock)

    with pytest.raises(InputError) as refused:
        _clinician(backend, clock, "DR.LEE")
    assert refused.value.field == "name"
