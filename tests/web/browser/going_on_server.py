"""`retrowalk serve --device virtual --control` for the going-on tests: the same app, guard and
treadmill opener, on the real monotonic clock, with two routes (GETs, so a test reaches them
past the guard's check on writes) that do what the world may do to the treadmill while the
walker answers why they stopped:

- `GET /test/take-control`: another app takes control of the treadmill held since the STOP
  (it says so with FTMS Control Permission Lost, and refuses our commands from then on);
- `GET /test/away`: the page was away for half a minute (a locked phone), long enough for the
  server to let the stopped treadmill go; the treadmill opened next refuses control, as when
  another app took it meanwhile.

    python -m tests.web.browser.going_on_server --port PORT
"""

from __future__ import annotations

import sys
import time

from retrowalk.coach.clock import MonotonicClock
from retrowalk.devices import gatt
from retrowalk.devices.ftms_status import ControlPermissionLost, encode_machine_status
from retrowalk.web.treadmills import SILENCE_SECONDS, TreadmillBelts
from tests.web.browser.stop_server import VIRTUAL, serve
from tests.web.virtual import VirtualTreadmills


def main(port: int) -> None:
    treadmills = VirtualTreadmills(clock=MonotonicClock(), refuses_control_on_open=2)
    away = [0.0]  # seconds the page has been away, as the server's watch sees it
    belts = TreadmillBelts(treadmills, now=lambda: time.monotonic() + away[0], intended=VIRTUAL)

    def take_control() -> None:
        treadmill = treadmills.treadmill

        def taken() -> None:
            treadmill.console.control = False
            status = encode_machine_status(ControlPermissionLost())
            treadmill.notify_raw(gatt.MACHINE_STATUS, status)

        treadmills.on_its_thread(taken)

    def page_away() -> None:
        away[0] += SILENCE_SECONDS + 10
        belts.stop_silent_belts()

    serve(port, belts, {"/test/take-control": take_control, "/test/away": page_away})


if __name__ == "__main__":
    main(int(sys.argv[sys.argv.index("--port") + 1]))
