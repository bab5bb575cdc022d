"""In the terminal, `s` and Ctrl-C stop the connected treadmill's belt at once (issue 18): on the
real clock, through the real key reader on a pseudo-terminal, each press's FTMS Stop reaches the
virtual treadmill well within a second, and the walk is logged as stopped early. The bench
(`python -m bench.bench_stop`) measures the same path against the 50 ms target."""

from __future__ import annotations

import pytest

from retrowalk.domain.stop_reason import StopReason
from tests.devices.stop_keys import Press, stop_latencies

WALKS = 3
# Generous on purpose (the target is 50 ms at the 99th percentile; CI shares two cores).
BOUND_SECONDS = 1.0


@pytest.mark.parametrize("press", list(Press))
def test_each_press_stops_the_belt_within_a_second_and_the_walk_ends_there(press: Press) -> None:
    timed = stop_latencies(WALKS, press)

    assert len(timed) == WALKS
    assert all(0 < t.latency < BOUND_SECONDS for t in timed), [t.latency for t in timed]
    for walked in timed:
        assert walked.logged.record.stopped_early
        assert walked.logged.check_in.stop_reason is StopReason.TIRED
