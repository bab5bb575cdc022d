"""The clinician's desk (issue 17): one clinician with 500 patients of two years each, on
PostgreSQL behind the deployed stack (nginx with TLS, two app processes), under 50 concurrent
connections; and the flags computed in each log's transaction, in process.

    python -m bench.bench_clinic            # print the figures
    python -m bench.bench_clinic --write    # and update docs/benchmarks.md (section "clinic")
    python -m bench.bench_clinic --runs 1   # one load run of each kind (a quick look)

The clinic is loaded from a snapshot (bench/clinic_snapshot.py), the stack is tests/deploy's
(bench/clinic_stack.py), the load comes from wrk on the same two cores as everything else.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bench.bench_store import database
from bench.clinic_flags import log_figures, read_figures
from bench.clinic_report import report
from bench.clinic_snapshot import CLINICIAN, PASSWORD, clinic_snapshot
from bench.clinic_stack import Stack, clinic_stack, logged_in_cookie
from bench.report import write_section
from retrowalk.store.database import make_engine
from retrowalk.store.people import WalkerRow
from retrowalk.store.snapshot import write_snapshot

PATIENTS = 500
CLIENTS, THREADS, SECONDS = 50, 2, 30
RUNS = 3
PATIENT_PAGES = 10  # patients whose pages the second load rotates through
# 50 clinicians at work: between two pages each reads the one shown for THINK_SECONDS (uniform).
THINK_SECONDS = (2, 8)
ROTATE = """
local paths = {%s}
local think = {%d, %d}
local next_path = 0
request = function()
  next_path = next_path %% #paths + 1
  return wrk.format("GET", paths[next_path])
end
if think[2] > 0 then
  delay = function() return math.random(think[1], think[2]) end
end
"""


def wrk_run(
    stack: Stack, cookie: str, paths: list[str], think: tuple[int, int], seconds: int
) -> dict[str, float]:
    """Requests/s, p50/p90/p99 (ms) and requests timed out (none answered in 10 s) of wrk
    rotating over `paths` with the login cookie, each connection waiting `think` seconds
    (uniform) between an answer and its next request; (0, 0): none."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is missing: run `bash scripts/system-packages.sh`")
    script = stack.folder / "rotate.lua"
    quoted = ", ".join(f'"{path}"' for path in paths)
    script.write_text(ROTATE % (quoted, think[0] * 1000, think[1] * 1000))
    command = [wrk, f"-t{THREADS}", f"-c{CLIENTS}", f"-d{seconds}s", "--timeout", "10s",
               "--latency", "-s", str(script), "-H", f"Cookie: {cookie}",
               stack.url + paths[0]]  # fmt: skip
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{paths[0]} answered errors under load:\n{out}")
    timeouts = re.search(r"timeout (\d+)", out)
    found = {
        "requests/s": float(_match(r"Requests/sec:\s+([\d.]+)", out)[0]),
        "timeouts": float(timeouts.group(1)) if timeouts else 0.0,
    }
    for share in ("50", "90", "99"):
        value, unit = _match(rf"\s{share}%\s+([\d.]+)(us|ms|s)\b", out)
        found[f"p{share}"] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return found


def _match(pattern: str, out: str) -> tuple[str, ...]:
    found = re.search(pattern, out)
    if found is None:
        raise SystemExit(f"wrk's output has no {pattern!r}:\n{out}")
    return found.groups()


def under_load(stack: Stack, runs: int, patient_ids: list[int]) -> dict[str, Any]:
    cookie = logged_in_cookie(stack, CLINICIAN, PASSWORD)
    patients = [f"/desk/patients/{walker_id}" for walker_id in patient_ids[:PATIENT_PAGES]]
    pages = f"/desk/patients/{{id}} ({PATIENT_PAGES} patients in turn)"
    low, high = THINK_SECONDS
    loads = {
        f"/desk, {low}-{high} s between pages": (["/desk"], THINK_SECONDS),
        f"{pages}, {low}-{high} s between pages": (patients, THINK_SECONDS),
        "/desk, back to back (no pause)": (["/desk"], (0, 0)),
        f"{pages}, back to back": (patients, (0, 0)),
    }
    figures: dict[str, Any] = {"load before": os.getloadavg()[0]}
    for name, (paths, think) in loads.items():
        wrk_run(stack, cookie, paths, (0, 0), 3)  # warm up: connections, pages, plans cached
        figures[name] = [wrk_run(stack, cookie, paths, think, SECONDS) for _ in range(runs)]
    figures["load after"] = os.getloadavg()[0]
    return figures


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else RUNS
    started = time.perf_counter()
    snapshot, logged = clinic_snapshot(PATIENTS)
    built = time.perf_counter() - started
    sessions = len(snapshot["tables"]["session_logs"])
    flags = len(snapshot["tables"]["clinic_flags"])
    with tempfile.TemporaryDirectory() as folder, clinic_stack(Path(folder), snapshot) as opened:
        stack, load_seconds = opened
        engine = make_engine(stack.database_url)
        ids = _patients(engine)
        web = under_load(stack, runs, ids[1::7])
        postgresql = read_figures(engine, ids[1::7]) | log_figures(engine, ids[2::11])
        engine.dispose()
    with database("sqlite") as engine:
        write_snapshot(engine, snapshot, replace=False)
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
        sqlite = read_figures(engine, ids[1::7]) | log_figures(engine, ids[2::11])
    facts = {"patients": PATIENTS, "logged": logged, "sessions": sessions, "flags": flags,
             "built": built, "loaded": load_seconds, "runs": runs,
             "seconds": SECONDS, "think": THINK_SECONDS}  # fmt: skip
    body = report(facts, web, {"postgresql": postgresql, "sqlite": sqlite})
    print(body)
    if "--write" in sys.argv:
        write_section("clinic", body)


def _patients(engine: Any) -> list[int]:
    with engine.connect() as connection:
        return list(connection.execute(select(WalkerRow.id).order_by(WalkerRow.id)).scalars())


if __name__ == "__main__":
    main()
