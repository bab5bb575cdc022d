"""Importing sessions: upload a watch's FIT activity or a spreadsheet's CSV (`/import`), see what
will be logged and what will not (`/import/preview`), and confirm (`POST /import`).

Nothing is kept between the preview and the confirmation on the server: the confirm form
carries the file back (base64, so the upload is capped to fit the guard's body limit), its
SHA-256 and the session pending at the preview. The service logs it once: a second confirm (a
double click) finds the file imported and comes back to the history saying so, having logged
nothing again.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from retrowalk.bootstrap import Wiring
from retrowalk.domain.errors import ConflictError, InputError
from retrowalk.domain.units import UnitSystem
from retrowalk.services.records import StoredWalker
from retrowalk.web.deps import PageWalker, Units, WiringDep
from retrowalk.web.pages.forms import Form, TypedForm
from retrowalk.web.pages.import_run import FitOrCsv, preview_of, run_import
from retrowalk.web.pages.render import page

router = APIRouter()
# The confirmation sends the file back as base64 (4 bytes for 3) within the guard's 1 MiB body:
# 512 KiB holds a FIT walk of several hours at one record a second, or years of CSV rows.
UPLOAD_MOST_BYTES = 512 * 1024
ANSWERS = ("pain_during", "pain_after", "rpe")


@dataclass
class Upload:
    name: str
    data: bytes | None
    fields: dict[str, str] = field(default_factory=dict)


async def uploaded(request: Request) -> Upload:
    """The multipart form: its file (read within the cap) and its text fields."""
    received = await request.form()
    try:
        fields = {key: value for key, value in received.items() if isinstance(value, str)}
        file = received.get("file")
        if not isinstance(file, UploadFile) or not file.filename:
            return Upload("", None, fields)
        data = await file.read(UPLOAD_MOST_BYTES + 1)
        return Upload(file.filename, data, fields)
    finally:
        await received.close()  # the upload's temporary file


UploadDep = Annotated[Upload, Depends(uploaded)]


@router.get("/import")
def import_page(request: Request, walker: PageWalker) -> Response:
    return _upload_page(request, Form())


@router.post("/import/preview")
def preview_upload(
    upload: UploadDep, request: Request, walker: PageWalker, wired: WiringDep, units: Units
) -> Response:
    try:
        source = _source(upload.name, upload.data)
        return _preview_page(request, walker, wired, units, source, Form())
    except (InputError, ConflictError) as error:
        return _upload_page(request, _refused(error), status=_status(error))


@router.post("/import")
def confirm_upload(
    form: TypedForm, request: Request, walker: PageWalker, wired: WiringDep, units: Units
) -> Response:
    values = form.values
    try:
        source = _carried(values)
    except InputError as error:
        return _upload_page(request, _refused(error), status=422)
    answers = {name: values[name] for name in ANSWERS if values.get(name, "").strip()}
    try:
        if source.kind == "fit" and values.get("treadmill") != "on":
            raise InputError("treadmill", None, "tick it to confirm this was backward walking")
        run_import(walker, wired, source, values.get("first_seq", ""), answers)
    except ConflictError as error:
        if error.field == "FILE":  # this confirmation was sent before (a double click)
            return RedirectResponse("/history?notice=imported-already", status_code=303)
        return _upload_page(request, _refused(error), status=409)
    except InputError as error:
        form.add(error)
        return _preview_page(request, walker, wired, units, source, form, status=422)
    return RedirectResponse("/history?notice=imported", status_code=303)


def _source(name: str, data: bytes | None) -> FitOrCsv:
    if data is None:
        raise InputError("file", None, "choose a .fit or .csv file to import")
    if len(data) > UPLOAD_MOST_BYTES:
        allowed = f"give a file of at most {UPLOAD_MOST_BYTES // 1024} KiB here"
        raise InputError("file", name, allowed)
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if kind not in ("fit", "csv"):
        raise InputError("file", name, "give a .fit activity from a watch or a .csv of sessions")
    return FitOrCsv(kind, data)


def _carried(values: dict[str, str]) -> FitOrCsv:
    """The file the preview put in the confirm form, as it was uploaded."""
    try:
        data = base64.urlsafe_b64decode(values.get("content", "").encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        data = b""
    kind = values.get("kind", "")
    carried = FitOrCsv(kind, data)
    if not data or kind not in ("fit", "csv") or carried.sha256 != values.get("sha256"):
        raise InputError("file", None, "the page's copy of the file is damaged; upload it again")
    return carried


def _preview_page(
    request: Request,
    walker: StoredWalker,
    wired: Wiring,
    units: UnitSystem,
    source: FitOrCsv,
    form: Form,
    status: int = 200,
) -> Response:
    shown = preview_of(walker, wired, source)
    context: dict[str, Any] = {
        "title": "Import: check before logging",
        "preview": shown.preview,
        "warnings": shown.warnings,
        "kind": source.kind,
        "content": base64.urlsafe_b64encode(source.data).decode("ascii"),
        "units": units,
        "form": form,
        "answers": ANSWERS,
    }
    return page(request, "import_preview.html", context, status)


def _upload_page(request: Request, form: Form, status: int = 200) -> Response:
    context = {"title": "Import sessions", "form": form, "most_kib": UPLOAD_MOST_BYTES // 1024}
    return page(request, "import.html", context, status)


def _refused(error: InputError | ConflictError) -> Form:
    form = Form()
    if isinstance(error, InputError):
        form.add(error, "file")
    else:
        form.errors["file"] = error.current
    return form


def _status(error: Exception) -> int:
    return 409 if isinstance(error, ConflictError) else 422
