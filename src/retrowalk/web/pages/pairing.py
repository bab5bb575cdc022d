"""Pairing a phone (`retrowalk serve --lan`): on this computer, `/pair` shows the code and its QR
code (and makes a new one); on a phone, `/pair` takes the code and a name for the device, and a
right code gives the phone its credential in a cookie (web/guard/pairing.py). The paired
devices are listed and revoked on the settings page and by `retrowalk paired`.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from retrowalk.domain.errors import InputError
from retrowalk.services.pairing import CODE_FIELD, NAME_FIELD, PairingDesk, revoke
from retrowalk.web.deps import WiringDep
from retrowalk.web.guard.pairing import (
    PAIR_PATH,
    Pairing,
    device_cookie_header,
    from_this_computer,
)
from retrowalk.web.pages.forms import Form, TypedForm
from retrowalk.web.pages.render import page

router = APIRouter()
NEW_CODE_PATH = PAIR_PATH + "/code"


def pairing_of(request: Request) -> Pairing | None:
    pairing: Pairing | None = getattr(request.app.state, "pairing", None)
    return pairing


@router.get(PAIR_PATH)
def pairing_page(request: Request, wired: WiringDep) -> Response:
    if from_this_computer(request.scope):
        return _code_page(request, wired)
    typed = request.query_params.get(CODE_FIELD, "")
    form = Form({CODE_FIELD: typed, NAME_FIELD: device_name_guess(request)})
    return _phone_page(request, form)


@router.post(PAIR_PATH)
def pair_this_device(request: Request, form: TypedForm, wired: WiringDep) -> Response:
    desk = _desk(request)
    if from_this_computer(request.scope) or desk is None:
        return _code_page(request, wired, status=409)
    values = form.values
    try:
        paired = desk.pair(
            values.get(CODE_FIELD, ""), values.get(NAME_FIELD, ""), wired.clock.now()
        )
    except InputError as error:
        form.add(error)
        return _phone_page(request, form, status=422)
    response = RedirectResponse("/?paired=1", status_code=303)
    secure = request.url.scheme == "https"
    response.headers.append("set-cookie", device_cookie_header(paired.token, secure))
    return response


@router.post(NEW_CODE_PATH)
def make_new_code(request: Request, wired: WiringDep) -> Response:
    desk = _desk(request)
    if not from_this_computer(request.scope) or desk is None:
        return _code_page(request, wired, status=403)
    desk.new_code(wired.clock.now())
    return RedirectResponse(PAIR_PATH, status_code=303)


@router.post("/settings/paired/{device_id}/revoke")
def revoke_device(request: Request, device_id: int, wired: WiringDep) -> Response:
    pairing = pairing_of(request)
    if pairing is None:
        raise InputError("device", str(device_id), "a paired device (pairing is not set up)")
    revoke(pairing.devices, device_id, wired.clock.now())
    return RedirectResponse(f"/settings?revoked={device_id}#paired-title", status_code=303)


def _desk(request: Request) -> PairingDesk | None:
    pairing = pairing_of(request)
    return None if pairing is None else pairing.desk


def _code_page(request: Request, wired: WiringDep, status: int = 200) -> Response:
    pairing = pairing_of(request)
    desk = None if pairing is None else pairing.desk
    now = wired.clock.now()
    code = None if desk is None else desk.current(now)
    context: dict[str, object] = {"title": "Pair a phone", "on_lan": desk is not None}
    if pairing is not None and pairing.address is not None and code is not None:
        link = f"{pairing.address}{PAIR_PATH}?{CODE_FIELD}={code.value}"
        minutes = max(1, round((code.expires_at - now).total_seconds() / 60))
        context.update(code=code, link=link, qr=qr_svg(link), minutes=minutes)
    context["address"] = None if pairing is None else pairing.address
    return page(request, "pair_code.html", context, status)


def _phone_page(request: Request, form: Form, status: int = 200) -> Response:
    device = getattr(request.state, "device", None)
    context = {"title": "Pair this device", "form": form, "device": device}
    return page(request, "pair_phone.html", context, status)


def qr_svg(link: str) -> Markup:
    """The link as a QR code, an SVG inside the page (segno draws it; no script, no request)."""
    import segno

    code = segno.make(link, error="m")
    return Markup(code.svg_inline(scale=6, border=4, title="QR code to pair a phone"))


def device_name_guess(request: Request) -> str:
    """A first name for the device from its browser's own description; the walker may change it."""
    agent = request.headers.get("user-agent", "")
    for marker, name in (("iPhone", "iPhone"), ("iPad", "iPad")):
        if marker in agent:
            return name
    if "Android" in agent:
        return "Android phone" if "Mobile" in agent else "Android tablet"
    return "Phone or tablet"
