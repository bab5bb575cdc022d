"""Rendering pages: the Jinja2 environment, its helpers, and the error page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from retrowalk.domain.units import format_number
from retrowalk.services.answer_words import EQUIPMENT_WORDS
from retrowalk.services.records import Account, Role
from retrowalk.web.charts.frame import PAGE_BOX
from retrowalk.web.charts.markers import path as marker_path
from retrowalk.web.charts.scale import GEOMETRY
from retrowalk.web.words import (
    day_text,
    decision_label,
    first_upper,
    sets_text,
    speed_text,
    walked_text,
)

TEMPLATES = Jinja2Templates(directory=Path(__file__).parents[1] / "templates")
TEMPLATES.env.filters["number"] = format_number
TEMPLATES.env.auto_reload = False  # the templates ship inside the package
TEMPLATES.env.filters["field_label"] = lambda name: (
    name.rsplit(".", 1)[-1].replace("_", " ").capitalize()
)
TEMPLATES.env.globals.update(speed_text=speed_text, day_text=day_text, sets_text=sets_text)
TEMPLATES.env.globals.update(decision_label=decision_label, walked_text=walked_text)
TEMPLATES.env.filters["first_upper"] = first_upper
TEMPLATES.env.globals["chart_box"] = GEOMETRY
TEMPLATES.env.globals["page_box"] = PAGE_BOX
TEMPLATES.env.globals["equipment_words"] = EQUIPMENT_WORDS
TEMPLATES.env.globals["marker_path"] = marker_path

NAVIGATION = (
    ("/", "Today"),
    ("/history", "History"),
    ("/progress", "Progress"),
    ("/settings", "Settings"),
)


# Clinic mode: each role's own pages (the desk is the clinician's patient list).
STAFF_NAVIGATION: dict[Role, tuple[tuple[str, str], ...]] = {
    Role.CLINICIAN: (("/desk", "Desk"), ("/invitations", "Invitations"), ("/account", "Account")),
    Role.ADMIN: (("/admin", "Accounts"), ("/invitations", "Invitations"), ("/account", "Account")),
}


def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """The page, with this browser's CSRF token for its forms and scripts (web/guard/), and in
    clinic mode the account logged in (for its menu and the log-out button)."""
    token = getattr(request.state, "csrf_token", "")
    signed_in: Account | None = getattr(request.state, "account", None)
    navigation: tuple[tuple[str, str], ...] = NAVIGATION
    if signed_in is not None:
        navigation = STAFF_NAVIGATION.get(signed_in.role, (*NAVIGATION, ("/account", "Account")))
    context = {
        "navigation": navigation,
        "signed_in": signed_in,
        "path": request.url.path,
        "csrf_token": token,
        "belt_running": belt_running(request),
        **context,
    }
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)


def belt_running(request: Request) -> bool:
    """A belt retrowalk drives is running: the page carries a STOP banner (base.html)."""
    belt = getattr(request.app.state, "belt", None)
    return belt is not None and bool(belt.running())


def error_page(request: Request, status: int, title: str, messages: list[str]) -> HTMLResponse:
    return page(
        request, "error.html", {"title": title, "status": status, "messages": messages}, status
    )


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"
