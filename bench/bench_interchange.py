"""Interchange (issue 16): one 60-minute walk at 1 Hz exported as FIT and TCX and imported back
from its FIT file by another walker, and five years of
history (three sessions a week) exported as CSV and JSON, on SQLite.

    python -m bench.bench_interchange            # print the figures
    python -m bench.bench_interchange --write    # and update docs/benchmarks.md ("interchange")
    python -m bench.bench_interchange --runs 3   # fewer runs (a quick look)

The walk is twelve sets of 5 minutes with a minute's rest between (71 minutes of samples from a
treadmill), logged with its samples; reading it back through the service and writing each file
are timed apart. The history is built through the real services, one log at a time.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.report import machine, write_section

RUNS = 10
YEARS = 5
SET_SECONDS, REST_SECONDS, SETS = 300, 60, 12
SPEED_MPS = 0.8  # about 1.8 mph


def timed(call: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    """Seconds of each run (after one that warms up) and what the last run gave."""
    result = call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return times, result


def treadmill_samples() -> list[dict[str, Any]]:
    samples, distance = [], 0.0
    for second in range(SETS * (SET_SECONDS + REST_SECONDS) - REST_SECONDS):
        moving = second % (SET_SECONDS + REST_SECONDS) < SET_SECONDS
        speed = SPEED_MPS if moving else 0.0
        distance += speed
        samples.append(
            {
                "second": second,
                "speed_mps": speed,
                "incline_percent": 2.0,
                "distance_m": round(distance, 1),
                "heart_rate": 95 + second % 20,
            }
        )
    return samples


def wired(folder: Path, start: date) -> tuple[Any, Any, Any]:
    from tests.db import Backend

    from retrowalk.bootstrap import bootstrap
    from retrowalk.services.clock import FixedClock
    from retrowalk.settings import Settings

    clock = FixedClock(datetime.combine(start, datetime.min.time().replace(hour=7)))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    settings = Settings(database_url=url, data_dir=folder, config_file=folder / "x.toml")
    wiring = bootstrap(settings, clock=clock)
    return wiring, clock, Backend("sqlite", wiring.uow, lambda: None)


def one_walk(runs: int) -> dict[str, Any]:
    from tests.store.builders import ANSWERED, onboarded

    from retrowalk import __version__
    from retrowalk.domain.dose import Dose, HandSupport
    from retrowalk.domain.units import Speed
    from retrowalk.formats.fit_activity import fit_activity
    from retrowalk.formats.fit_read import read_fit_activity
    from retrowalk.formats.tcx_activity import tcx_activity
    from retrowalk.services.activity_import import import_activity, preview_activity
    from retrowalk.services.import_log import file_key
    from retrowalk.services.log_session import log_command, log_session
    from retrowalk.services.session_activity import recorded_activity, session_activity
    from retrowalk.services.walker_plan import programme_of

    wiring, clock, backend = wired(Path(tempfile.mkdtemp(prefix="retrowalk-bench-")), date.today())
    walker = onboarded(backend, clock, start=date.today().isoformat()).walker
    given = ANSWERED | {"source": "device", "minutes_done": 60, "samples": treadmill_samples()}
    log = log_session(log_command(walker_id=walker.id, **given), wiring.uow(), clock).log
    read, _ = timed(lambda: session_activity(walker.id, log.id, wiring.uow()), runs)
    with wiring.uow().reading() as uow:
        stored = tuple(uow.sessions.samples(log.id))
    sixty = Dose(60, HandSupport.NONE, Speed.kmh(2.9), 2.0)  # twelve sets of 5 minutes
    activity = recorded_activity(log, sixty, programme_of(walker), stored)
    fit, fit_bytes = timed(lambda: fit_activity(activity, __version__), runs)
    tcx, tcx_text = timed(lambda: tcx_activity(activity, __version__), runs)
    fit_read, back = timed(lambda: read_fit_activity(fit_bytes), runs)
    importer = onboarded(backend, clock, start=date.today().isoformat(), account="importer").walker
    sha = file_key(fit_bytes)
    preview, shown = timed(
        lambda: preview_activity(importer.id, back, sha, {}, wiring.uow(), clock), runs
    )
    started = time.perf_counter()
    import_activity(importer.id, back, sha, shown.preview.first_seq, {}, wiring.uow(), clock)
    confirmed = [time.perf_counter() - started]
    wiring.close()
    return {
        "read": read,
        "fit": fit,
        "tcx": tcx,
        "fit_read": fit_read,
        "preview": preview,
        "confirm": confirmed,
        "fit_size": len(fit_bytes),
        "tcx_size": len(tcx_text.encode("utf-8")),
        "laps": len(activity.laps),
        "records": len(activity.samples),
    }


def five_years(runs: int) -> dict[str, Any]:
    from tests.store.builders import onboarded, walk

    from retrowalk.services.interchange import export_json
    from retrowalk.services.session_csv import export_csv

    sessions = YEARS * 52 * 3
    start = date.today() - timedelta(days=7 * sessions // 3 + 7)
    wiring, clock, backend = wired(Path(tempfile.mkdtemp(prefix="retrowalk-bench-")), start)
    walker_id = onboarded(backend, clock, start=start.isoformat()).walker.id
    started = time.perf_counter()
    walk(backend, clock, walker_id, sessions, pain_during=1, notes="Fine.")
    built = time.perf_counter() - started
    csv, csv_text = timed(lambda: export_csv(wiring.uow()), runs)
    json, json_text = timed(lambda: export_json(wiring.data), runs)
    wiring.close()
    return {
        "sessions": sessions,
        "built": built,
        "csv": csv,
        "json": json,
        "csv_size": len(csv_text.encode("utf-8")),
        "json_size": len(json_text.encode("utf-8")),
    }


def _row(what: str, times: list[float], size: int | None = None) -> str:
    kb = "" if size is None else f"{size / 1024:,.0f}"
    median, slowest = statistics.median(times) * 1000, max(times) * 1000
    return f"| {what} | {median:,.0f} | {slowest:,.0f} | {kb} |"


def report(walk: dict[str, Any], history: dict[str, Any], runs: int) -> str:
    fit_line = f"write it as FIT ({walk['laps']} laps, {walk['records']:,} records)"
    csv_line = f"export {history['sessions']} sessions (5 years) as CSV"
    return "\n".join(
        [
            "## Interchange (issue 16)",
            "",
            f"Measured with `python -m bench.bench_interchange --write` on {machine()}, "
            f"{runs} runs of each after one that warms up, on SQLite.",
            "",
            "| what | median ms | slowest ms | file KB |",
            "| --- | ---: | ---: | ---: |",
            _row("read a 60-minute walk (4,260 samples) into an activity", walk["read"]),
            _row(fit_line, walk["fit"], walk["fit_size"]),
            _row("write it as TCX", walk["tcx"], walk["tcx_size"]),
            _row("read that FIT file back (the importer's reader)", walk["fit_read"]),
            _row("preview its import for another walker (rolled back)", walk["preview"]),
            _row("confirm the import: the session and its samples (once)", walk["confirm"]),
            _row(csv_line, history["csv"], history["csv_size"]),
            _row("export that database as JSON", history["json"], history["json_size"]),
            "",
            f"- Building the five years through the services, one log at a time: "
            f"{history['built']:.1f} s.",
            "- FIT: fit-tool's `RecordMessage()` builds all ~85 record fields of the profile for "
            "each record (4.5 s for this walk); `formats/fit_records.py` builds only the five "
            "written. What is left is fit-tool encoding each message twice (once for the CRC).",
            "- TCX: `xml.etree`, indented one space a level; a track point is about 250 bytes, "
            "so an hour is about 1 MB (it compresses well: Strava also takes `.tcx.gz`).",
        ]
    )


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else RUNS
    text = report(one_walk(runs), five_years(runs), runs)
    print(text)
    if "--write" in sys.argv:
        write_section("interchange", text)


if __name__ == "__main__":
    main()
