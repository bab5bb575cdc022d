"""Command-line start-up (issue 4): `retrowalk --version` and `retrowalk today` as a walker runs
them, each a new process, against bare `python -c pass` measured in the same rounds.

    python -m bench.bench_cli             # 40 rounds
    python -m bench.bench_cli --write     # and update docs/benchmarks.md

Each round runs every command once, in turn, so a busy moment on the machine costs all of them
alike. `today` is measured twice: answered from the day's cached card (every call after the
first of the day, until the database changes), and with the cache removed before each run (the
first call after a change: settings, SQLAlchemy, the schema check, the engine, the card).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.report import machine, write_section

ROUNDS = 40
UNCACHED_ROUNDS = 15
RETROWALK = shutil.which("retrowalk", path=str(Path(sys.executable).parent)) or "retrowalk"
SET_UP = [
    "init", "--yes", "--age", "67", "--condition", "knee_oa", "--weight-kg", "72",
    "--equipment", "motorized_treadmill", "--min-speed", "0.5", "--max-speed", "10",
    "--speed-step", "0.1", "--max-incline-percent", "10", "--handrails", "--safety-clip",
]  # fmt: skip
HEAVY = ("typer", "pydantic", "sqlalchemy", "alembic", "retrowalk.domain.progression")


def timed(command: list[str], env: dict[str, str], before: Callable[[], None] | None) -> float:
    if before is not None:
        before()
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def measure(env: dict[str, str], cache: Path) -> dict[str, list[float]]:
    def drop_cache() -> None:
        cache.unlink(missing_ok=True)

    cases: dict[str, tuple[list[str], Callable[[], None] | None]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], None),
        "python -c 'import re'": ([sys.executable, "-c", "import re"], None),
        "retrowalk --version": ([RETROWALK, "--version"], None),
        "retrowalk today": ([RETROWALK, "today"], None),
        "retrowalk today (cache removed)": ([RETROWALK, "today"], drop_cache),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for round_number in range(ROUNDS):
        for name, (command, before) in cases.items():
            if before is not None and round_number >= UNCACHED_ROUNDS:
                continue
            times[name].append(timed(command, env, before))
        timed([RETROWALK, "today"], env, None)  # leave the cache in place for the next round
    return times


def import_costs(env: dict[str, str], cache: Path) -> dict[str, float]:
    """Cumulative import time (ms) of the heavy modules in one uncached `today`."""
    cache.unlink(missing_ok=True)
    code = "import sys; from retrowalk.cli.main import run; sys.argv[1:] = ['today']; run()"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], env=env, capture_output=True, text=True
    )
    costs: dict[str, float] = {}
    for line in done.stderr.splitlines():
        found = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)$", line)
        if found and found.group(2) in HEAVY:
            costs[found.group(2)] = int(found.group(1)) / 1000
    return costs


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def report(times: dict[str, list[float]], costs: dict[str, float]) -> str:
    bare = statistics.median(times["python -c pass"])
    version = statistics.median(times["retrowalk --version"])
    today = statistics.median(times["retrowalk today"])
    lines = [
        "## Command line",
        "",
        f"Measured with `python -m bench.bench_cli --write` on {machine()}: each command a new "
        f"process, {ROUNDS} rounds ({UNCACHED_ROUNDS} without the cache), every command once a "
        "round, so they share the machine's busy moments. Milliseconds of wall time.",
        "",
        "| command | median | p95 | × bare Python | target |",
        "| --- | --- | --- | --- | --- |",
    ]
    targets = {
        "retrowalk --version": f"within 1.5× ({'met' if version <= 1.5 * bare else 'missed'})",
        "retrowalk today": f"median < 150 ({'met' if today < 150 else 'missed'})",
    }
    for name, values in times.items():
        median = statistics.median(values)
        lines.append(
            f"| `{name}` | {median:.0f} | {p95(values):.0f} | {median / bare:.1f} | "
            f"{targets.get(name, '')} |"
        )
    lines += [
        "",
        "`retrowalk --version` answers before the app is imported (`cli/main.py`); what it "
        "costs above bare Python is mostly the console script pip writes, whose first line is "
        "`import re` (the `python -c 'import re'` row), which retrowalk cannot skip. `retrowalk "
        "today` answers from the day's card (`cli/today_cache.py`) before Typer is loaded: the "
        "settings, the card's JSON and Rich. The card is worked out again after any change to "
        "the database, on a new day, or with new settings; that run pays for everything. Its "
        "imports, cumulative, from `python -X importtime`:",
        "",
        "| module | ms |",
        "| --- | --- |",
        *(f"| `{name}` | {ms:.0f} |" for name, ms in sorted(costs.items(), key=lambda kv: -kv[1])),
    ]
    return "\n".join(lines)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "RETROWALK_DATA_DIR": str(Path(scratch) / "data"),
            "RETROWALK_CONFIG_FILE": str(Path(scratch) / "config.toml"),
        }
        subprocess.run([RETROWALK, *SET_UP], env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([RETROWALK, "log", "--yes"], env=env, check=True, stdout=subprocess.DEVNULL)
        cache = Path(scratch) / "data" / "cache" / "today.json"
        times = measure(env, cache)
        costs = import_costs(env, cache)
    body = report(times, costs)
    print(body)
    if "--write" in sys.argv:
        write_section("cli", body)


if __name__ == "__main__":
    main()
