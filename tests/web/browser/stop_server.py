"""`retrowalk serve --device virtual --control` as the STOP timings need it (issue 18): the same
app, guard, treadmill opener and uvicorn settings, on the real monotonic clock, keeping each
virtual treadmill it opens; GET /test/stops says when each FTMS Stop reached one of them.

    python -m tests.web.browser.stop_server --port PORT

The data directory comes from the environment, as for `retrowalk serve`. The times are the
treadmill's own clock at the control point write: `time.monotonic` (CLOCK_MONOTONIC), which every
process on this machine reads alike, so a driver in another process can set them against its own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import uvicorn
from fastapi.responses import JSONResponse

from retrowalk.bootstrap import paired_devices
from retrowalk.coach.clock import MonotonicClock
from retrowalk.devices.choice import DeviceChoice
from retrowalk.settings import get_settings
from retrowalk.web.app import create_app
from retrowalk.web.guard import LOOPBACK_NAMES, Guard
from retrowalk.web.guard.pairing import Pairing
from retrowalk.web.server import open_database, web_secret
from retrowalk.web.treadmills import TreadmillBelts, intended_for
from tests.web.virtual import VirtualTreadmills

STOPS_PATH = "/test/stops"
VIRTUAL = intended_for(DeviceChoice("virtual", True))
Route = Callable[[], Any]


def serve(port: int, belts: TreadmillBelts, routes: dict[str, Route]) -> None:
    """The app as `retrowalk serve --device virtual --control` builds it, on `belts`, with the
    test's own GET `routes`, on uvicorn as `serve` runs it, until the process is stopped."""
    settings = get_settings()
    wiring, _ = open_database(settings)
    guard = Guard(LOOPBACK_NAMES, web_secret(settings.data_dir), Pairing(paired_devices(settings)))
    app = create_app(wiring, belts, guard)
    for path, route in routes.items():
        app.add_api_route(path, route, methods=["GET"], include_in_schema=False)
    try:
        uvicorn.run(
            app,
            host="127.0.0.1",
            port=port,
            server_header=False,
            proxy_headers=False,
            log_level="info",
        )
    finally:
        wiring.close()


def main(port: int) -> None:
    treadmills = VirtualTreadmills(clock=MonotonicClock())

    def stops() -> JSONResponse:
        return JSONResponse(treadmills.stops_received())

    serve(port, TreadmillBelts(treadmills, intended=VIRTUAL), {STOPS_PATH: stops})


if __name__ == "__main__":
    main(int(sys.argv[sys.argv.index("--port") + 1]))
