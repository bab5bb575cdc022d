"""The report's PDF as a reader gets it, read back with poppler (pdfinfo, pdftotext, pdftoppm):
two years of three sessions a week fit one to three pages, page one is not blank, the text
names the walker and carries the decisions with their reasons, and the paper is A4 or Letter."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from retrowalk.services.clock import FixedClock
from retrowalk.services.history import Period
from retrowalk.services.report import Report, therapist_report
from retrowalk.store.memory import MemoryDatabase, MemoryUnitOfWork
from retrowalk.web.report.pdf import report_pdf
from retrowalk.web.report.view import Paper
from tests.db import START, Backend
from tests.store.builders import onboarded, walk

TWO_YEARS_OF_SESSIONS = 2 * 52 * 3
# Page one holds text, tables and charts: well above a blank page's nothing.
LEAST_INK = 0.03


def two_years() -> Report:
    """A walker of two years, three sessions a week, mornings reported, a few notes and a bad
    week (pain above the limit, held and stepped down)."""
    db = MemoryDatabase()
    backend = Backend("memory", lambda: MemoryUnitOfWork(db), lambda: None)
    clock = FixedClock(START)
    walker_id = onboarded(backend, clock).walker.id
    walk(backend, clock, walker_id, 150, next_morning=1)
    walk(backend, clock, walker_id, 1, next_morning=2, pain_during=6, notes="Sore after stairs.")
    walk(backend, clock, walker_id, TWO_YEARS_OF_SESSIONS - 151, next_morning=1)
    return therapist_report(Period(walker_id=walker_id), backend.uow(), clock)


@pytest.fixture(name="long_report", scope="module")
def long_report_fixture() -> Report:
    return two_years()


def _pdf(report: Report, paper: Paper, folder: Path) -> tuple[Path, int]:
    pdf = report_pdf(report, paper)
    path = folder / f"report-{paper.value}.pdf"
    path.write_bytes(pdf.data)
    return path, pdf.pages


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_two_years_of_sessions_fit_one_to_three_pages(long_report: Report, tmp_path: Path) -> None:
    path, pages = _pdf(long_report, Paper.LETTER, tmp_path)

    info = _run("pdfinfo", str(path))

    assert long_report.sessions_done == TWO_YEARS_OF_SESSIONS
    assert re.search(rf"^Pages:\s+{pages}$", info, re.MULTILINE)
    assert 1 <= pages <= 3


def test_page_one_is_not_blank(long_report: Report, tmp_path: Path) -> None:
    path, _ = _pdf(long_report, Paper.A4, tmp_path)

    _run("pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "page"))

    (png,) = tmp_path.glob("page*.png")
    with Image.open(png) as image:
        grey = image.convert("L")
        inked = sum(count for level, count in enumerate(grey.histogram()) if level < 200)
        share = inked / (grey.width * grey.height)
    assert share > LEAST_INK, f"page one is {share:.1%} ink"


def test_the_text_names_the_walker_and_gives_each_decision_its_reason(
    long_report: Report, tmp_path: Path
) -> None:
    path, _ = _pdf(long_report, Paper.LETTER, tmp_path)

    text = " ".join(_run("pdftotext", "-layout", str(path), "-").split())

    assert f"Walker {long_report.walker_id}, 67 years, knee osteoarthritis, moderate" in text
    assert "Decisions" in text
    assert "the last 2 sessions were walked in full" in text
    assert "Sore after stairs." in text
    assert "older holds, and decisions repeated as they were, are counted" in text
    assert "159 lb (72 kg)" in text and "knee_oa" not in text


@pytest.mark.parametrize(
    ("paper", "size"),
    [(Paper.A4, "595.276 x 841.89 pts (A4)"), (Paper.LETTER, "612 x 792 pts (letter)")],
)
def test_the_paper_is_a4_or_letter(paper: Paper, size: str, tmp_path: Path) -> None:
    short = therapist_report_of_a_week()
    path, pages = _pdf(short, paper, tmp_path)

    info = _run("pdfinfo", "-f", "1", "-l", str(pages), str(path))

    sizes = re.findall(r"^Page\s+\d+ size:\s+(.*)$", info, re.MULTILINE)
    assert sizes == [size] * pages


def therapist_report_of_a_week() -> Report:
    db = MemoryDatabase()
    backend = Backend("memory", lambda: MemoryUnitOfWork(db), lambda: None)
    clock = FixedClock(START)
    walker_id = onboarded(backend, clock).walker.id
    walk(backend, clock, walker_id, 3)
    return therapist_report(Period(walker_id=walker_id), backend.uow(), clock)
