"""Report for my therapist: the page with its date form, and the PDF download (a GET that
changes nothing), through the test client on a real database."""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi.testclient import TestClient

from retrowalk.bootstrap import Wiring
from retrowalk.services.clock import FixedClock
from tests.web.builders import check_in, onboard


def _three_sessions(client: TestClient, clock: FixedClock) -> int:
    """Mon 4, Wed 6 and Fri 8 Jan 2027, the last with a note; the clock ends on the 8th."""
    walker_id = onboard(client)
    for day, notes in ((4, ""), (6, ""), (8, "Knee felt warm after.")):
        clock.current = datetime(2027, 1, day, 18)
        body = check_in(form_ok=True, swelling=False, locking=False, giving_way=False)
        logged = client.post(f"/api/walkers/{walker_id}/sessions", json=body | {"notes": notes})
        assert logged.status_code == 201, logged.text
    return walker_id


def test_the_page_shows_the_report_with_a_download_in_the_walkers_paper(
    client: TestClient, clock: FixedClock
) -> None:
    _three_sessions(client, clock)

    page = client.get("/report")

    assert page.status_code == 200
    text = page.text
    assert "Report for my therapist" in text
    assert "67 years, knee osteoarthritis, moderate" in text
    assert "Mon 4 Jan 2027 to Fri 8 Jan 2027" in text
    assert "Knee felt warm after." in text
    assert "Decisions" in text and "Start: 3 min at 0.5 mph" in text
    assert 'href="/report.pdf?paper=letter"' in text  # an mph walker: Letter
    assert "knee_oa" not in text and "motorized_treadmill" not in text


def test_the_pdf_is_an_attachment_named_for_the_day_and_changes_nothing(
    client: TestClient, clock: FixedClock, wiring: Wiring
) -> None:
    _three_sessions(client, clock)
    before = wiring.data.snapshot()

    asked = {"from": "2027-01-04", "to": "2027-01-06", "paper": "a4"}
    pdf = client.get("/report.pdf", params=asked)

    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == (
        "attachment; filename=retrowalk-report-2027-01-08.pdf"
    )
    assert pdf.headers["cache-control"] == "no-store"
    assert pdf.content.startswith(b"%PDF-")
    assert wiring.data.snapshot() == before


def test_dates_the_page_cannot_use_are_named_and_no_report_is_made(
    client: TestClient, clock: FixedClock
) -> None:
    _three_sessions(client, clock)

    bad_day = client.get("/report", params={"from": "2027-02-30"})
    backwards = client.get("/report", params={"from": "2027-01-08", "to": "2027-01-04"})
    bad_paper = client.get("/report.pdf", params={"paper": "a3"})

    assert bad_day.status_code == 422 and "from: got &#39;2027-02-30&#39;" in bad_day.text
    assert 'id="download"' not in bad_day.text
    assert backwards.status_code == 422
    assert "from: got &#39;2027-01-08&#39;; must not be after to (2027-01-04)" in backwards.text
    assert bad_paper.status_code == 422 and "paper: got &#39;a3&#39;; give one of a4, letter" in (
        bad_paper.text
    )


def test_the_progress_and_history_pages_lead_to_the_report(
    client: TestClient, clock: FixedClock
) -> None:
    _three_sessions(client, clock)
    clock.current += timedelta(days=1)

    for path in ("/progress", "/history"):
        assert 'href="/report"' in client.get(path).text
