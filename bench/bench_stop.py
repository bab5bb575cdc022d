"""STOP latency (issue 18): from the walker's STOP to the FTMS Stop written to the virtual
treadmill. In the browser, a tap on STOP on the live page while it polls the belt (target: 99th
percentile at most 100 ms); in the terminal, `s` or Ctrl-C (at most 50 ms).

    python -m bench.bench_stop                          # 120 taps, 100 presses of each key
    python -m bench.bench_stop --taps 20 --presses 10   # a quick look
    python -m bench.bench_stop --write                  # and update docs/benchmarks.md

The browser's path: Chromium (Debian's) on the live page of `retrowalk serve --device virtual
--control` as tests/web/browser/stop_server.py serves it, in a process of its own; each tap is
timed from the click event's own time in the page to the treadmill's time at the control point
write, both set on the kernel's monotonic clock (tests/web/browser/stop_taps.py says how). The
terminal's path: `retrowalk go --device virtual --control`'s walk in this process, the key
written to a pseudo-terminal or SIGINT sent, to the same write (tests/devices/stop_keys.py).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from tests.devices.stop_keys import Press, stop_latencies
from tests.web.browser.conftest import CHROMIUM, LAUNCH_ARGS, local_server, phone_page
from tests.web.browser.stop_taps import TapTimed, stops_on_one_walk

from bench.report import machine, write_section

TAPS, PRESSES = 120, 100
BROWSER_TARGET_MS, TERMINAL_TARGET_MS = 100.0, 50.0
SERVER = [sys.executable, "-m", "tests.web.browser.stop_server"]


def taps_in_the_browser(taps: int) -> list[TapTimed]:
    """One walk on the live page, stopped `taps` times (going on after each)."""
    server = local_server(Path(tempfile.mkdtemp(prefix="retrowalk-bench-")), SERVER)
    server.start()
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
            )
            timed = stops_on_one_walk(phone_page(browser, server.url), server, taps)
            browser.close()
    finally:
        server.stop()
    return timed


def _percentiles(seconds: list[float]) -> tuple[float, float, float, float]:
    """p50, p95, p99 and the worst, in milliseconds."""
    ms = sorted(1000 * s for s in seconds)
    cuts = statistics.quantiles(ms, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98], ms[-1]


def _row(what: str, seconds: list[float], target_ms: float | None) -> str:
    p50, p95, p99, worst = _percentiles(seconds)
    verdict = "met" if target_ms is not None and p99 <= target_ms else "NOT met"
    goal = "" if target_ms is None else f"≤ {target_ms:g} ms: {verdict}"
    cells = [what, str(len(seconds)), *(f"{ms:.1f}" for ms in (p50, p95, p99, worst)), goal]
    return f"| {' | '.join(cells)} |"


def report(
    browser: list[TapTimed], keys: dict[Press, list[float]], loads: tuple[float, float]
) -> str:
    clock_error = max(t.clock_error for t in browser) * 1000
    from_tap, from_driver = [t.from_tap for t in browser], [t.from_driver for t in browser]
    to_handler = [t.to_handler for t in browser]
    to_call = [t.to_call for t in browser if t.to_call is not None]
    from_call = [t.from_tap - t.to_call for t in browser if t.to_call is not None]
    return "\n".join(
        [
            "## STOP latency (issue 18)",
            "",
            f"Measured with `python -m bench.bench_stop --write` on {machine()}; load average "
            f"{loads[0]:.1f} at the start and {loads[1]:.1f} at the end (one minute, two cores "
            "shared with other work). From the walker's STOP to the FTMS Stop (op code 0x08, "
            "stop) written to the virtual treadmill's control point, in milliseconds.",
            "",
            "| path | samples | p50 | p95 | p99 | worst | target (p99) |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
            _row("browser: the tap's click event → Stop", from_tap, BROWSER_TARGET_MS),
            _row("browser: the driver's tap call → Stop", from_driver, None),
            _row("browser, of which: the click event → the page handles it", to_handler, None),
            _row("browser, of which: the click event → the page's DELETE sent", to_call, None),
            _row("browser, of which: the DELETE sent → Stop", from_call, None),
            _row("terminal: `s` → Stop", keys[Press.KEY_S], TERMINAL_TARGET_MS),
            _row("terminal: Ctrl-C → Stop", keys[Press.CTRL_C], TERMINAL_TARGET_MS),
            "",
            "- Browser: Chromium (Debian's, headless, a phone-sized touch page) on the live page "
            "of `retrowalk serve --device virtual --control` in its own process, one uvicorn "
            "worker on SQLite; the page polls the belt once a second (a heartbeat POST) "
            "throughout. Each tap comes at a random moment 0–1 s after the page shows the belt "
            "running, so it lands anywhere in the poll's second; after each STOP the walker "
            "answers *Interrupted*, goes on and taps *Start the belt*, which carries on with "
            "the treadmill held since the STOP (session time runs at a tenth of the wall's, "
            "so that every stop fits in the first walk's 3-minute set).",
            "- Clocks: the tap's time is the click event's `timeStamp` (when the browser took "
            "the touch), set against the driver's monotonic clock from the quickest of 5 round "
            f"trips to the page just before the tap (error at most {clock_error:.2f} ms); the "
            "Stop's time is the treadmill's, on the server's monotonic clock. Both are the "
            "kernel's CLOCK_MONOTONIC. The second row starts before Playwright dispatches the "
            "touch: an upper bound. The next three split the first: until the page's click "
            "handlers run, until its DELETE to the belt leaves (Resource Timing), and from "
            "there through loopback, the server (uvicorn, the guard, the route in the thread "
            "pool, the walk's lock) and the device thread to the control point write.",
            "- Terminal: the walk `retrowalk go --device virtual --control` plays "
            "(`walk_in_terminal`: key reader in cbreak mode on a pseudo-terminal, the Rich "
            "screen drawn on it, runner, belt desk, device thread, virtual treadmill through "
            "bleak), one walk per press, stopped at a random moment 0.2–1.2 s after its belt "
            "starts. `s` is a byte written to the terminal; Ctrl-C is SIGINT sent to the "
            "process, as the terminal sends it, and lands as KeyboardInterrupt in the runner. "
            "Both ends read `time.monotonic` in one process.",
            "- Reproduce: `python -m bench.bench_stop` (`--taps N --presses N` for fewer).",
        ]
    )


def _count(arguments: list[str], option: str, default: int) -> int:
    return int(arguments[arguments.index(option) + 1]) if option in arguments else default


def main(arguments: list[str]) -> None:
    taps, presses = _count(arguments, "--taps", TAPS), _count(arguments, "--presses", PRESSES)
    load_before = os.getloadavg()[0]
    # The terminal first: its Ctrl-C needs Python's own SIGINT handler in the main thread.
    keys = {press: [t.latency for t in stop_latencies(presses, press)] for press in Press}
    browser = taps_in_the_browser(taps)
    body = report(browser, keys, (load_before, os.getloadavg()[0]))
    print(body)
    if "--write" in arguments:
        write_section("stop", body)


if __name__ == "__main__":
    main(sys.argv[1:])
