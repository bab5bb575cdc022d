"""Command-line start-up (issues 4 and 18): each command as a walker runs it, a new process
through the `retrowalk` console script, against bare `python -c pass` measured in the same rounds.

    python -m bench.bench_cli             # 15 rounds
    python -m bench.bench_cli --write     # and update docs/benchmarks.md
    python -m bench.bench_cli --rounds 5  # fewer, for a quick look

Each round runs every command once, in turn, so a busy moment on the machine costs all of them
alike; the figure is the median wall time as a ratio to the median of `python -c pass`. The
stored walker (set up once in a scratch data directory) has three weeks of logged walks.
`today (after a log)` is run after a change to the database file, as after any `retrowalk log`;
the row after it answers from the day's card that run kept (cli/today_cache.py).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bench.bench_cli_imports import import_costs
from bench.report import machine, write_section

ROUNDS = 15
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "knee_oa_mph.json"
RETROWALK = shutil.which("retrowalk", path=str(Path(sys.executable).parent)) or "retrowalk"
SET_UP = [
    "init", "--yes", "--age", "67", "--condition", "knee_oa", "--weight-kg", "72",
    "--equipment", "motorized_treadmill", "--min-speed", "0.5", "--max-speed", "10",
    "--speed-step", "0.1", "--max-incline-percent", "10", "--handrails", "--safety-clip",
]  # fmt: skip
LOGGED_DAYS_AGO = (21, 19, 16, 14, 12, 9, 7, 5, 2)  # three weeks, three walks a week
WALKED_WELL = [
    "--yes", "--pain-during", "1", "--pain-after", "1", "--pain-next-morning", "1",
    "--rpe", "4", "--form-ok", "--no-sharp-pain", "--no-swelling", "--no-locking",
    "--no-giving-way",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Case:
    """One row: what is run, the goal as a ratio to bare Python (None: shown for reference)."""

    name: str
    command: list[str]
    goal: float | None
    before: Callable[[], None] | None = None


@dataclass(frozen=True, slots=True)
class Timing:
    wall_ms: float
    cpu_ms: float


def timed(case: Case, env: dict[str, str]) -> Timing:
    if case.before is not None:
        case.before()
    cpu_before = _children_cpu()
    started = time.perf_counter()
    subprocess.run(case.command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    return Timing(wall * 1000, (_children_cpu() - cpu_before) * 1000)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def set_up(scratch: Path, env: dict[str, str]) -> None:
    """The stored walker, with three weeks of walks; and the long and the bad scenario files."""
    today = date.today()
    start = (today - timedelta(days=max(LOGGED_DAYS_AGO))).isoformat()
    _quiet([RETROWALK, *SET_UP, "--start", start], env)
    for days_ago in LOGGED_DAYS_AGO:
        walked = (today - timedelta(days=days_ago)).isoformat()
        _quiet([RETROWALK, "log", "--date", walked, *WALKED_WELL], env)
    scenario = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    long_one = {**scenario, "weeks": 156, "sessions_per_week": 7}
    (scratch / "long.json").write_text(json.dumps(long_one), encoding="utf-8")
    bad = {**scenario, "walker": {**scenario["walker"], "age": 300}}
    (scratch / "bad.json").write_text(json.dumps(bad), encoding="utf-8")


def _quiet(command: list[str], env: dict[str, str]) -> None:
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)


def after_a_log(database: Path) -> Callable[[], None]:
    def touched() -> None:
        # What any write does to the file: a new modification time, so the day's cached card
        # of `today` (cli/today_cache.py) no longer matches and the card is worked out afresh.
        os.utime(database)

    return touched


def cases(scratch: Path, database: Path) -> list[Case]:
    bare = [sys.executable, "-c", "pass"]
    example = str(EXAMPLE.relative_to(ROOT))
    simulate = [RETROWALK, "simulate"]
    return [
        Case("python -c pass", bare, None),
        Case("retrowalk --version", [RETROWALK, "--version"], None),
        Case(f"retrowalk simulate {example}", [*simulate, str(EXAMPLE)], 6),
        Case(
            "retrowalk simulate long.json (156 weeks, 7 a week)",
            [*simulate, str(scratch / "long.json")],
            8,
        ),
        Case(
            "retrowalk simulate bad.json (an input error)",
            [*simulate, str(scratch / "bad.json")],
            6,
        ),
        Case("retrowalk history", [RETROWALK, "history"], 12),
        Case("retrowalk progress", [RETROWALK, "progress"], 12),
        Case("retrowalk plan", [RETROWALK, "plan"], 12),
        Case("retrowalk today (after a log)", [RETROWALK, "today"], 12, after_a_log(database)),
        # The next `today` of the day, answered from the card the row above kept.
        Case("retrowalk today (the day's card kept)", [RETROWALK, "today"], None),
    ]


def measure(all_cases: list[Case], env: dict[str, str], rounds: int) -> dict[str, list[Timing]]:
    times: dict[str, list[Timing]] = {case.name: [] for case in all_cases}
    for case in all_cases:  # one unmeasured run each: the disk cache warm for every command
        timed(case, env)
    for _ in range(rounds):
        for case in all_cases:
            times[case.name].append(timed(case, env))
    return times


def report(all_cases: list[Case], times: dict[str, list[Timing]], rounds: int) -> str:
    bare = statistics.median(t.wall_ms for t in times["python -c pass"])
    lines = [
        "## Command line",
        "",
        f"Measured with `python -m bench.bench_cli --write` on {machine()}, load average "
        f"{os.getloadavg()[0]:.1f} (one minute) at the end: each command a new process through "
        f"the `retrowalk` console script, {rounds} rounds, every command once a round, so they "
        "share the machine's busy moments. The stored walker has three weeks of walks (nine "
        "sessions); `long.json` is `examples/knee_oa_mph.json` over 156 weeks at 7 a week "
        "(1,076 sessions); `bad.json` has an age of 300. Medians; the ratio is to the median "
        "of `python -c pass` in the same run. Bytecode is written and read, as after an "
        "install. The goals are issue 18's; docs/decisions.md says what still stands between "
        "each command and its goal.",
        "",
        "| command | × bare Python | goal | wall ms | CPU ms |",
        "| --- | --- | --- | --- | --- |",
    ]
    for case in all_cases:
        wall = statistics.median(t.wall_ms for t in times[case.name])
        cpu = statistics.median(t.cpu_ms for t in times[case.name])
        ratio = wall / bare
        goal = "" if case.goal is None else f"≤ {case.goal:g}× ({_verdict(ratio, case.goal)})"
        lines.append(f"| `{case.name}` | {ratio:.1f} | {goal} | {wall:.0f} | {cpu:.0f} |")
    return "\n".join(lines)


def _verdict(ratio: float, goal: float) -> str:
    return "met" if ratio <= goal else "missed"


def main() -> None:
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else ROUNDS
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        env = {
            # Bytecode written and read as after an install (the walker's real path).
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "RETROWALK_DATA_DIR": str(scratch / "data"),
            "RETROWALK_CONFIG_FILE": str(scratch / "config.toml"),
        }
        set_up(scratch, env)
        database = scratch / "data" / "retrowalk.sqlite3"
        all_cases = cases(scratch, database)
        times = measure(all_cases, env, rounds)
        imports = import_costs(env, scratch, after_a_log(database))
        body = report(all_cases, times, rounds) + "\n\n" + imports
    print(body)
    if "--write" in sys.argv:
        write_section("cli", body)


if __name__ == "__main__":
    main()
