"""Where each role starts: a walker at their today page, a clinician at the desk, an admin at
the accounts. A clinician or admin has no walker of their own, so a walker's page sends them
here rather than to onboarding, which would only refuse them."""

from __future__ import annotations

from retrowalk.services.records import Account, Role

START_PAGES = {Role.WALKER: "/", Role.CLINICIAN: "/desk", Role.ADMIN: "/admin"}


def staff_start_page(account: Account | None) -> str | None:
    """The start page of a logged-in clinician or admin; None for a walker or nobody."""
    if account is None or account.role is Role.WALKER:
        return None
    return START_PAGES[account.role]
