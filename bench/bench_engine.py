"""Engine benchmarks (issues 2 and 18): a 52-week plan at 5 sessions a week, and the next-dose
decision rate for walkers with short and very long histories, every figure from one run.

    python -m bench.bench_engine            # print the figures
    python -m bench.bench_engine --write    # and update docs/benchmarks.md
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import time
from datetime import date, timedelta

from tests.factories import request, treadmill, walker

from bench.report import machine, write_section
from retrowalk.domain.outcome import SessionOutcome
from retrowalk.domain.plan import PlanRequest, preview_plan
from retrowalk.domain.programme import Programme, screened_programme
from retrowalk.domain.progression import EngineState, decide, initial_state, record
from retrowalk.domain.walker import Condition

HISTORIES = (10, 1_000, 100_000)
ROUNDS = 3  # each history's rate is the median of this many rounds, the histories taking turns
OUTCOMES = (
    SessionOutcome(),
    SessionOutcome(pain_during=2, rpe=5),
    SessionOutcome(pain_during=6),
    SessionOutcome(done=False),
    SessionOutcome(stable_without_hands=True),
)


def year_request() -> PlanRequest:
    return request(
        who=walker(condition=Condition.ATHLETE),
        equipment=treadmill(),
        weeks=52,
        sessions_per_week=5,
    )


def time_year_plan(runs: int = 40) -> list[float]:
    plan_request = year_request()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        preview_plan(plan_request)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _programme_and_state(history: int) -> tuple[Programme, EngineState, date]:
    plan_request = year_request()
    _, p = screened_programme(
        plan_request.walker, plan_request.equipment, plan_request.protocol,
        plan_request.modality, plan_request.start,
    )  # fmt: skip
    assert p is not None
    state, on = initial_state(p), date(2020, 1, 6)
    for index in range(history):
        decision = decide(p, state, on)
        state = record(p, state, decision, OUTCOMES[index % len(OUTCOMES)], on)
        on += timedelta(days=2)
    return p, state, on


def decisions_per_second(
    folded: tuple[Programme, EngineState, date], seconds: float = 1.5, read: bool = False
) -> float:
    """Next-dose decisions (decide, then record the outcome) per second of this process's CPU
    time after a folded history (on two cores shared with other work, wall-clock time would
    count theirs too); `read`: every decision's reasons read too, as a face showing each would."""
    p, start_state, on = folded
    count, state = 0, start_state
    started = time.process_time()
    while time.process_time() - started < seconds:
        for _ in range(1000):
            decision = decide(p, state, on)
            if read:
                decision.reasons  # noqa: B018 (reading is what is measured)
            state = record(p, state, decision, OUTCOMES[count % len(OUTCOMES)], on)
            on += timedelta(days=2)
            count += 1
    return count / (time.process_time() - started)


def profile_decisions(history: int = 1_000) -> str:
    p, state, on = _programme_and_state(history)
    profiler = cProfile.Profile()
    profiler.enable()
    for index in range(20_000):
        decision = decide(p, state, on)
        state = record(p, state, decision, OUTCOMES[index % len(OUTCOMES)], on)
        on += timedelta(days=2)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(10)
    text = re.sub(r"\S*/(?=[\w.]+\.py:)", "", out.getvalue())  # file names, not full paths
    lines = [line for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    return "\n".join(lines[start : start + 11])


def _state_size(state: EngineState) -> int:
    return len(repr(state))


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def main() -> None:
    load_before = _load()
    year = time_year_plan()
    folded = {history: _programme_and_state(history) for history in HISTORIES}
    rounds: dict[int, list[float]] = {history: [] for history in HISTORIES}
    for _ in range(ROUNDS):
        for history in HISTORIES:
            rounds[history].append(decisions_per_second(folded[history]))
    rates = {history: statistics.median(rates) for history, rates in rounds.items()}
    read = statistics.median(decisions_per_second(folded[1_000], read=True) for _ in range(ROUNDS))
    sizes = {history: _state_size(folded[history][1]) for history in HISTORIES}
    profile = profile_decisions()
    load_after = _load()
    sessions = len(preview_plan(year_request()).sessions)
    slowest = min(rates.values())
    body = "\n".join(
        [
            "## Engine (issues 2 and 18)",
            "",
            "Measured with `PYTHONPATH=src python -m bench.bench_engine --write` on "
            f"{machine()}, one process on one core; load average {load_before} at the start "
            f"and {load_after} at the end (one minute, two cores shared with other work).",
            "",
            f"- 52-week plan at 5 sessions a week ({sessions} sessions, reasons and energy "
            f"included), in process: median {statistics.median(year):.1f} ms, "
            f"slowest of {len(year)} runs {max(year):.1f} ms (target: under 50 ms).",
            "- Next-dose decisions per second of CPU time (decide, then record the outcome) "
            f"after a history of, median of {ROUNDS} rounds of 1.5 s each, the histories taking "
            "turns:",
            "",
            "| history (sessions) | decisions per second | the rounds | state (repr chars) |",
            "| --- | ---: | --- | ---: |",
            *(
                f"| {h:,} | {rates[h]:,.0f} | "
                f"{', '.join(f'{r:,.0f}' for r in rounds[h])} | {sizes[h]} |"
                for h in HISTORIES
            ),
            "",
            f"Target: 100,000 decisions per second on one core, "
            f"{'met' if slowest >= 100_000 else 'not met'} here (slowest history "
            f"{slowest:,.0f}). The state the engine folds is a handful of counters and at most "
            "three weekly pain averages, so its size and the cost of a decision do not grow with "
            "the history. A decision's reasons are worded when first read "
            "(`Decision` made `worded_later`), so these rates do not include wording them; "
            f"with every decision's reasons read as well: {read:,.0f} a second (history 1,000, "
            f"median of {ROUNDS} rounds).",
            "",
            "Where the time goes (cProfile, 20,000 decisions after 1,000 sessions, sorted by own "
            "time; the profiler's own cost per call inflates the small functions):",
            "",
            "```",
            profile,
            "```",
        ]
    )
    print(body)
    if "--write" in sys.argv:
        write_section("engine", body)


if __name__ == "__main__":
    main()
