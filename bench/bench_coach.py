"""Live-coach timing on the real clock (issue 5): how close each cue, set boundary and display
tick lands to its schedule, whether that error grows as the session goes on, and how much CPU
the coach uses while it waits between cues.

    python -m bench.bench_coach                 # a shortened session (4 minutes walked)
    python -m bench.bench_coach --minutes 20    # the full 20-minute session
    python -m bench.bench_coach --write         # and update docs/benchmarks.md

The runner, the Rich screen (drawn once a second into memory) and the monotonic clock are the
real ones; the voice is silent and the belt is set by hand without waiting for Enter, so nothing
but the schedule decides when the runner wakes.
"""

from __future__ import annotations

import io
import resource
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field

from rich.console import Console
from tests.factories import treadmill

from bench.report import machine, write_section
from retrowalk.coach.belt import HandSetBelt
from retrowalk.coach.clock import MonotonicClock
from retrowalk.coach.session import runner_for
from retrowalk.coach.speech import SilentVoice
from retrowalk.coach.terminal.screen import render
from retrowalk.coach.timeline import Event, EventKind
from retrowalk.coach.view import RunnerView
from retrowalk.coach.walk import TodaysWalk
from retrowalk.domain.dose import Dose, HandSupport
from retrowalk.domain.structure import split_into_sets
from retrowalk.domain.units import Speed, SpeedUnit


@dataclass
class LatenessClock:
    """The monotonic clock, noting how late each wake-up at a deadline came."""

    inner: MonotonicClock = field(default_factory=MonotonicClock)
    wakes: list[tuple[float, float]] = field(default_factory=list)  # (deadline, lateness)

    def now(self) -> float:
        return self.inner.now()

    def sleep_until(self, deadline: float, wake: threading.Event | None = None) -> None:
        self.inner.sleep_until(deadline, wake)
        if wake is None or not wake.is_set():
            self.wakes.append((deadline, self.inner.now() - deadline))


@dataclass
class Measured:
    minutes: float
    wall_seconds: float
    cpu_seconds: float
    wakes: list[tuple[float, float]]
    boundaries: list[tuple[EventKind, float, float]]  # (kind, scheduled, lateness)


def walk_of(minutes: float) -> TodaysWalk:
    """A walk of `minutes` in sets of at most 5 (2 for a shortened one), with a speed step."""
    sets = split_into_sets(minutes, 5.0 if minutes >= 10 else 2.0)
    dose = Dose(minutes, HandSupport.ONE, Speed.mph(0.7))
    return TodaysWalk(dose, sets, 0.5, SpeedUnit.MPH, Speed.mph(0.6), treadmill(), Speed.mph(2.0))


def measure(minutes: float) -> Measured:
    clock = LatenessClock()
    screen = Console(file=io.StringIO(), width=110, height=40)
    boundaries: list[tuple[EventKind, float, float]] = []

    def draw(view: RunnerView) -> None:
        screen.file = io.StringIO()  # keep memory flat: one frame at a time
        screen.print(render(view))

    def fired(event: Event, scheduled: float, actual: float) -> None:
        boundaries.append((event.kind, scheduled, actual - scheduled))

    belt = HandSetBelt(confirm=False)
    runner = runner_for(walk_of(minutes), clock, SilentVoice(), belt, draw, 1.0, fired, False)
    cpu_before, wall_before = _cpu_seconds(), time.monotonic()
    runner.run()
    cpu, wall = _cpu_seconds() - cpu_before, time.monotonic() - wall_before
    return Measured(minutes, wall, cpu, clock.wakes, boundaries)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def _slope_ms_per_10_min(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of lateness against schedule time."""
    times = [t - points[0][0] for t, _ in points]
    late = [lateness for _, lateness in points]
    mean_t, mean_l = statistics.fmean(times), statistics.fmean(late)
    spread = sum((t - mean_t) ** 2 for t in times)
    slope = sum((t - mean_t) * (x - mean_l) for t, x in zip(times, late, strict=True)) / spread
    return slope * 600 * 1000


def report(m: Measured) -> str:
    late = [lateness for _, lateness in m.wakes]
    timed = [(s, lateness) for kind, s, lateness in m.boundaries if kind is not EventKind.CHECKLIST]
    quarter = max(1, len(m.wakes) // 4)
    first = statistics.fmean(late[:quarter])
    last = statistics.fmean(late[-quarter:])
    events = [lateness for _, lateness in timed]
    steps = sum(kind is EventKind.SPEED_STEP for kind, _, _ in m.boundaries)
    return "\n".join(
        [
            "## Live coach (issue 5)",
            "",
            f"Measured with `python -m bench.bench_coach --minutes {m.minutes:g} --write` on "
            f"{machine()}: a {m.minutes:g}-minute walk (sets {walk_of(m.minutes).sets}, 30 s "
            f"rests, {steps} speed step) on the real monotonic clock, "
            f"{m.wall_seconds:.0f} s of wall time, the Rich screen drawn every second.",
            "",
            "| what | count | median late | 99th percentile | worst |",
            "| --- | --- | --- | --- | --- |",
            _row("every wake-up (ticks, cues, set boundaries)", late),
            _row("cues, announcements and set boundaries", events),
            "",
            f"- Drift: mean lateness {_ms(first)} in the first quarter of the session and "
            f"{_ms(last)} in the last; least-squares trend "
            f"{_slope_ms_per_10_min(m.wakes):+.3f} ms per 10 minutes. Each deadline is the "
            "session's start plus the event's second, so lateness never adds up.",
            f"- CPU: {m.cpu_seconds:.2f} s over {m.wall_seconds:.0f} s, "
            f"{100 * m.cpu_seconds / m.wall_seconds:.2f} % of one core, screen included "
            "(target: under 1 %).",
            "- Target: every boundary within 10 ms of its schedule.",
        ]
    )


def _row(label: str, late: list[float]) -> str:
    ordered = sorted(late)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    median = statistics.median(ordered)
    return f"| {label} | {len(late)} | {_ms(median)} | {_ms(p99)} | {_ms(ordered[-1])} |"


def main(arguments: list[str]) -> None:
    minutes = float(arguments[arguments.index("--minutes") + 1]) if "--minutes" in arguments else 4
    body = report(measure(minutes))
    print(body)
    if "--write" in arguments:
        write_section("coach", body)


if __name__ == "__main__":
    main(sys.argv[1:])
