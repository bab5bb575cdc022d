"""Web benchmark (issue 7): requests per second and p99 latency of the today page and the
progress page for a walker with two years of history, under 50 concurrent clients on loopback,
measured in the same run as a bare Starlette endpoint on the same server (the ceiling for this
stack); and the weight of the live session page (HTML + CSS + JS, compressed).

    python -m bench.bench_web            # print the figures
    python -m bench.bench_web --write    # and update docs/benchmarks.md (section "web")

The load comes from wrk (Debian package, scripts/system-packages.sh) on the same 2-core machine
as the server, so both share the processor; the ceiling is measured the same way.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx

from bench.report import machine, write_section

CLIENTS, THREADS, SECONDS = 50, 2, 10
YEARS = 2
PATHS = {
    "bare Starlette endpoint (ceiling)": "/ceiling",
    "today page": "/",
    "progress page": "/progress",
}
# The same today page asked by a paired phone (issue 14): on the second loopback address, which
# the server treats as the home network, with the phone's credential (web/guard/pairing.py).
PHONE_ADDRESS = "127.0.0.2"
PHONE_TOKEN = "a-bench-phone-credential-of-forty-three-chars"
PHONE_ROW = "today page, from a paired phone"
WEIGHT_LIMIT_KB = 50  # the phone on the stand may sit on a weak Wi-Fi (issue 14)
MORNING = datetime(2000, 1, 1, 7).time()


def seed(url: str) -> int:
    """A walker who started two years ago and walked every planned session since."""
    from tests.store.builders import onboarding

    from retrowalk.bootstrap import bootstrap
    from retrowalk.services.clock import FixedClock
    from retrowalk.services.log_session import log_command, log_session
    from retrowalk.services.onboard import onboard, onboard_command
    from retrowalk.services.today import today_session
    from retrowalk.settings import Settings

    start = date.today() - timedelta(days=365 * YEARS)
    clock = FixedClock(datetime.combine(start, MORNING))
    folder = Path(tempfile.mkdtemp(prefix="retrowalk-bench-"))
    wiring = bootstrap(
        Settings(database_url=url, data_dir=folder, config_file=folder / "x.toml"), clock=clock
    )
    data = onboarding() | {"start": start.isoformat()}
    walker = onboard(onboard_command(data), wiring.uow(), clock).walker
    logged = 0
    while True:
        ahead = today_session(walker.id, wiring.uow(), clock).session
        if ahead is None or ahead.on >= date.today():
            break
        clock.current = datetime.combine(ahead.on, MORNING)
        log_session(log_command(walker_id=walker.id, pain_during=1), wiring.uow(), clock)
        logged += 1
    wiring.close()
    return logged


def serve(port: int, url: str) -> None:
    """The server under test: the retrowalk app, and beside it a bare Starlette endpoint."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Mount, Route

    from retrowalk.bootstrap import bootstrap
    from retrowalk.services.pairing import PairingDesk
    from retrowalk.services.tokens import token_hash
    from retrowalk.settings import Settings
    from retrowalk.store.paired_devices import PairedDevicesFile
    from retrowalk.web.app import create_app
    from retrowalk.web.guard import LOOPBACK_NAMES, Guard
    from retrowalk.web.guard.pairing import Pairing

    folder = Path(tempfile.mkdtemp(prefix="retrowalk-bench-"))
    wiring = bootstrap(Settings(database_url=url, data_dir=folder, config_file=folder / "x.toml"))
    devices = PairedDevicesFile(folder)
    devices.add("Bench phone", token_hash(PHONE_TOKEN), datetime(2026, 12, 5))
    pairing = Pairing(devices, PairingDesk(devices), f"http://{PHONE_ADDRESS}:{port}")
    guard = Guard(LOOPBACK_NAMES | {PHONE_ADDRESS}, "a bench secret of 32 characters.", pairing)

    async def ceiling(request: object) -> PlainTextResponse:
        return PlainTextResponse("ok")

    retrowalk = create_app(wiring, guard=guard)
    app = Starlette(routes=[Route("/ceiling", ceiling), Mount("/", app=retrowalk)])
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    sockets = []
    for address in ("127.0.0.1", PHONE_ADDRESS):  # this computer, and the LAN stand-in
        listening = socket.socket()
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # As uvicorn sets on the sockets it binds itself: without it, small answers wait for
        # the delayed acknowledgement (every request took 40 ms).
        listening.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        listening.bind((address, port))
        sockets.append(listening)
    uvicorn.Server(config).run(sockets=sockets)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            if httpx.get(base + "/ceiling", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not start within 30 s")


def load(base: str, path: str, credential: str | None = None) -> tuple[float, float]:
    """Requests per second and p99 latency (ms) from wrk, as a browser that has been here before
    asks (with the CSRF cookie every answer gives: web/guard/; and a phone's credential)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is missing: run `bash scripts/system-packages.sh`")
    given = {} if credential is None else {"retrowalk_device": credential}
    jar = httpx.get(base + "/", cookies=given).cookies.items()
    cookie = "Cookie: " + "; ".join(f"{k}={v}" for k, v in [*jar, *given.items()])
    subprocess.run(
        [wrk, "-t1", "-c8", "-d2s", "-H", cookie, base + path], check=True, capture_output=True
    )
    command = [
        wrk, f"-t{THREADS}", f"-c{CLIENTS}", f"-d{SECONDS}s", "--latency", "-H", cookie, base + path
    ]  # fmt: skip
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{path} answered errors under load:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return rps, float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def page_weight(base: str) -> list[tuple[str, int]]:
    """Bytes on the wire (gzip) of the live page and every local asset it loads."""
    with httpx.Client(base_url=base, headers={"accept-encoding": "gzip"}) as client:
        page = client.get("/live")
        page.raise_for_status()
        assets = dict.fromkeys(re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text))
        sizes = [("/live (HTML)", page.num_bytes_downloaded)]
        for asset in assets:
            response = client.get(asset)
            response.read()
            sizes.append((asset, response.num_bytes_downloaded))
    return sizes


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="retrowalk-bench-"))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    logged = seed(url)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "bench.bench_web", "--serve", str(port), url])
    try:
        _wait(base, server)
        results = {name: load(base, path) for name, path in PATHS.items()}
        phone = base.replace("127.0.0.1", PHONE_ADDRESS)
        results[PHONE_ROW] = load(phone, "/", credential=PHONE_TOKEN)
        weights = page_weight(base)
    finally:
        server.terminate()
        server.wait(timeout=10)
    report = _report(logged, results, weights)
    print(report)
    if "--write" in sys.argv:
        write_section("web", report)


def _report(
    logged: int, results: dict[str, tuple[float, float]], weights: list[tuple[str, int]]
) -> str:
    ceiling = results["bare Starlette endpoint (ceiling)"][0]
    rows = [
        f"| {name} | {rps:,.0f} | {p99:.1f} | {rps / ceiling:.0%} |"
        for name, (rps, p99) in results.items()
    ]
    total = sum(size for _, size in weights)
    weight_rows = [f"| `{name}` | {size / 1024:.1f} KB |" for name, size in weights]
    verdict = "under" if total / 1024 < WEIGHT_LIMIT_KB else "OVER"
    return "\n".join(
        [
            "## Web",
            "",
            f"`python -m bench.bench_web --write` on {machine()}: one uvicorn worker on "
            f"SQLite, a walker with {logged} sessions over {YEARS} years, wrk with {CLIENTS} "
            f"connections ({THREADS} threads, {SECONDS} s) on loopback, on the same two cores "
            "as the server.",
            "",
            "| endpoint | requests/s | p99 (ms) | share of the ceiling |",
            "| --- | ---: | ---: | ---: |",
            *rows,
            "",
            "The pages come from the whole-page cache (`web/page_cache.py`): nothing is written "
            "during the run, so every request after the first is a hit, which is the walker's "
            "everyday case. A miss (the first request after any write, or a new day) builds the "
            "page: about 4 ms for today and 20 ms for progress in process, the figures the first "
            "version of this table measured under load (151 and 42 requests/s). On PostgreSQL "
            "nothing is cached. The server runs with pairing on (issue 14): the paired phone's "
            f"row asks on {PHONE_ADDRESS}, which stands in for the home network, with its "
            "credential, so each request also reads the paired devices and checks the token.",
            "",
            f"Live session page, compressed: {total / 1024:.1f} KB in all "
            f"({verdict} the {WEIGHT_LIMIT_KB} KB budget).",
            "",
            "| part | gzip size |",
            "| --- | ---: |",
            *weight_rows,
        ]
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(int(sys.argv[2]), sys.argv[3])
    else:
        main()
