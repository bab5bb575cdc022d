"""The therapist's report (issue 15): the report service and the PDF made from it, as
`retrowalk report` makes them, for a walker with two years of three sessions a week on SQLite.

    python -m bench.bench_report            # print the figures
    python -m bench.bench_report --write    # and update docs/benchmarks.md (section "report")
    python -m bench.bench_report --runs 5   # fewer runs (a quick look)

Each run reads the report in one unit of work and lays out and writes its PDF with WeasyPrint, in
one process, after one run that pays for the imports (WeasyPrint, fonts); the first run is shown
apart. Then `retrowalk report` itself, a new process each time (imports included), as the walker
runs it. One more run under cProfile shows where the time goes.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bench.report import machine, write_section

if TYPE_CHECKING:
    from retrowalk.bootstrap import Wiring
    from retrowalk.services.clock import FixedClock

RUNS = 30
CLI_RUNS = 8
TARGET_P95_SECONDS = 2.0
SESSIONS = 2 * 52 * 3
PROFILE_ROWS = 14
# The same command before the layout was made fast (commit c57e941), for comparison.
BEFORE = (
    "Before (commit c57e941's `src` with this script, load average 1.9): first run 1.84 s, "
    "median 1.10 s, p95 1.16 s; `retrowalk report` median 2.60 s, p95 2.73 s; 4 pages (at "
    "load 4.5: p95 2.36 s in process, 4.24 s as `retrowalk report`). The profile "
    "then: of 2.0 s, 0.61 s went in WeasyPrint's automatic table layout measuring the "
    "min-content width of every cell of the decisions table (`overflow-wrap: anywhere` made "
    "every character a break to try), 0.30 s in flex layout (the walker's answers, the two "
    "halves of page one) and 0.16 s in balancing the two columns of the 30-day windows."
)


@dataclass(frozen=True, slots=True)
class Measured:
    sessions: int
    pages: int
    first: float
    runs: list[float]
    cli: list[float]
    profile: str


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def seed(folder: Path) -> tuple[Wiring, FixedClock, int]:
    """Two years of three sessions a week, mornings reported, on a SQLite file: a bad week
    (pain above the limit, held and stepped down), a walk stopped for pain, and a note every
    tenth session. Returns the wiring, its clock and the walker's id."""
    from tests.db import Backend
    from tests.store.builders import onboarded, walk

    from retrowalk.bootstrap import bootstrap
    from retrowalk.services.clock import FixedClock
    from retrowalk.settings import Settings

    # Started two years ago, so the last sessions are this week's (as `retrowalk report` sees it).
    start = date.today() - timedelta(days=7 * SESSIONS // 3)
    clock = FixedClock(datetime.combine(start, datetime.min.time().replace(hour=7)))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    wiring = bootstrap(
        Settings(database_url=url, data_dir=folder, config_file=folder / "x.toml"), clock=clock
    )
    backend = Backend("sqlite", wiring.uow, lambda: None)
    walker_id = onboarded(backend, clock, start=start.isoformat()).walker.id
    done = 0
    for block in range(SESSIONS // 10):
        walk(backend, clock, walker_id, 9, next_morning=1)
        note = f"Block {block + 1}: knee fine on the stairs."
        if block == 15:
            walk(backend, clock, walker_id, 1, next_morning=2, pain_during=6, notes=note)
        elif block == 25:
            stopped = {"minutes_done": 1.0, "stop_reason": "pain", "pain_during": 6}
            walk(backend, clock, walker_id, 1, next_morning=3, notes=note, **stopped)
        else:
            walk(backend, clock, walker_id, 1, next_morning=1, notes=note)
        done += 10
    walk(backend, clock, walker_id, SESSIONS - done, next_morning=1)
    clock.current += timedelta(days=1)
    return wiring, clock, walker_id


def measure(runs: int) -> Measured:
    from retrowalk.services.history import Period
    from retrowalk.services.report import therapist_report
    from retrowalk.web.report.pdf import report_pdf
    from retrowalk.web.report.view import Paper

    folder = Path(tempfile.mkdtemp(prefix="retrowalk-bench-"))
    wiring, clock, walker_id = seed(folder)

    def once() -> tuple[int, int]:
        found = therapist_report(Period(walker_id=walker_id), wiring.uow(), clock)
        return found.sessions_done, report_pdf(found, Paper.LETTER).pages

    started = time.perf_counter()
    sessions, pages = once()
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        once()
        times.append(time.perf_counter() - started)
    profiler = cProfile.Profile()
    profiler.runcall(once)
    wiring.close()
    cli = [_cli_once(folder) for _ in range(CLI_RUNS)]
    return Measured(sessions, pages, first, times, cli, _profile(profiler))


def _cli_once(folder: Path) -> float:
    """`retrowalk report` in a new process on the same database (the wall clock's today)."""
    env = os.environ | {
        "RETROWALK_DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "RETROWALK_DATA_DIR": str(folder),
        "RETROWALK_CONFIG_FILE": str(folder / "x.toml"),
    }
    command = [sys.executable, "-m", "retrowalk.cli.main", "report", "-o", str(folder / "r.pdf")]
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def _profile(profiler: cProfile.Profile) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(PROFILE_ROWS)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    total = next(line for line in lines if "function calls" in line).strip()
    return "\n".join([total, "", *lines[start:]]).rstrip()


def report(measured: Measured, runs: int, load_at_start: float) -> str:
    load = f"{load_at_start:.1f} at the start and {os.getloadavg()[0]:.1f} at the end"
    verdict, verdict_cli = (
        "met" if p95(times) < TARGET_P95_SECONDS else "not met"
        for times in (measured.runs, measured.cli)
    )
    median = statistics.median(measured.runs)
    cli = measured.cli
    return "\n".join(
        [
            "## Report (issue 15)",
            "",
            f"Measured with `python -m bench.bench_report --write` on {machine()}, load average "
            f"{load} (one minute) on two shared cores: the report for a walker with "
            f"{measured.sessions} sessions over two years (three a week, on SQLite), the service "
            "and its PDF (Letter) in one process as `retrowalk report` makes them, "
            f"{runs} runs after a first one.",
            "",
            "| what | seconds |",
            "| --- | ---: |",
            f"| first run (imports WeasyPrint, loads the fonts) | {measured.first:.2f} |",
            f"| median of {runs} runs | {median:.2f} |",
            f"| p95 | {p95(measured.runs):.2f} |",
            f"| slowest | {max(measured.runs):.2f} |",
            f"| `retrowalk report`, a new process each time: median of {len(cli)} runs | "
            f"{statistics.median(cli):.2f} |",
            f"| `retrowalk report`: p95 | {p95(cli):.2f} |",
            "",
            f"- {measured.pages} pages. Target: p95 under {TARGET_P95_SECONDS:.0f} s: {verdict} "
            f"in process, {verdict_cli} by `retrowalk report` with its start-up.",
            "",
            BEFORE,
            "",
            "After: the decisions, the answers and page one's halves are tables of fixed layout "
            "(widths from the first row, no cell measured), the windows and notes inline blocks "
            "two to a line, one `<b>` and one `<em>` a decision instead of three spans and "
            "classes, and the printable document rendered from its own Jinja2 environment (no "
            "FastAPI and page modules imported by `retrowalk report`). Everything the report "
            "carried is still there; the charts were already one point per session, one "
            "polyline a series. What is left of the start-up is importing WeasyPrint (about "
            "0.65 s, most of it cffi reading Pango's declarations) and the store (SQLAlchemy).",
            "",
            "Where the time goes (cProfile, one run, sorted by cumulative time):",
            "",
            "```",
            measured.profile,
            "```",
        ]
    )


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else RUNS
    load_at_start = os.getloadavg()[0]
    text = report(measure(runs), runs, load_at_start)
    print(text)
    if "--write" in sys.argv:
        write_section("report", text)


if __name__ == "__main__":
    main()
