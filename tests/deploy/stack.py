"""The clinic stack of docs/deploy.md on this machine: a fresh PostgreSQL database migrated once
by `retrowalk db upgrade`, its first clinician made by `retrowalk admin create-clinician` (the
password on stdin), two app processes started by the ExecStart line of
deploy/retrowalk@.service, and nginx with TLS in front, configured by deploy/nginx-site.conf
filled in by `fill` (the sed command of docs/deploy.md does the same). nginx runs as a child
process with its own prefix in a temporary folder, never as the system's service.

`started` yields the stack and always tears it all down (processes, then the database).
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import ssl
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from retrowalk.web.certificates import make_certificate
from tests.db import postgres_server_url

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "retrowalk@.service"
SITE = DEPLOY / "nginx-site.conf"
ENV_FILE = DEPLOY / "retrowalk.env"
INSTALLED_BIN = "/opt/retrowalk/venv/bin/"
NGINX = Path("/usr/sbin/nginx")
SERVER_NAME = "localhost"
MIGRATE = ("retrowalk", "db", "upgrade")  # docs/deploy.md, step 5
CLINICIAN = "dr.lee"
CLINICIAN_PASSWORD = "a clinic's first password"
FIRST_CLINICIAN = ("retrowalk", "admin", "create-clinician", CLINICIAN, "--password-stdin")
START_DEADLINE_SECONDS = 30.0
# nginx's own frame around the site file, as Debian's /etc/nginx/nginx.conf gives it there.
MAIN_CONF = """daemon off;
worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {folder}/temp/body;
    proxy_temp_path {folder}/temp/proxy;
    fastcgi_temp_path {folder}/temp/fastcgi;
    uwsgi_temp_path {folder}/temp/uwsgi;
    scgi_temp_path {folder}/temp/scgi;
    include {folder}/retrowalk-site.conf;
}}
"""


def fill(template: str, values: dict[str, str]) -> str:
    """The template with each `@NAME@` replaced; a name left unfilled is an error."""
    filled = re.sub(r"@([A-Z0-9_]+)@", lambda found: values[found.group(1)], template)
    return filled


def placeholders(template: str) -> set[str]:
    return set(re.findall(r"@([A-Z0-9_]+)@", template))


def exec_start(port: int) -> list[str]:
    """The unit's ExecStart for the process on `port`, with this checkout's environment."""
    line = next(
        line for line in UNIT.read_text().splitlines() if line.startswith("ExecStart=")
    ).removeprefix("ExecStart=")
    line = line.replace(INSTALLED_BIN, str(Path(sys.executable).parent) + "/")
    return [word.replace("%i", str(port)) for word in shlex.split(line)]


def env_file_names() -> list[str]:
    lines = ENV_FILE.read_text().splitlines()
    return [line.split("=", 1)[0] for line in lines if line and not line.startswith("#")]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Stack:
    folder: Path
    https_port: int
    http_port: int
    app_ports: tuple[int, ...]
    authority: Path  # the test CA that signed nginx's certificate
    env: dict[str, str]
    database_url: str
    processes: list[tuple[str, subprocess.Popen[bytes]]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"https://{SERVER_NAME}:{self.https_port}"

    def upstream(self, port: int) -> str:
        return f"127.0.0.1:{port}"

    def client(self) -> httpx.Client:
        """A browser-like client that trusts the test CA (and nothing else)."""
        context = ssl.create_default_context(cafile=str(self.authority))
        return httpx.Client(base_url=self.url, verify=context, timeout=10)

    def access_log(self) -> list[tuple[str, str]]:
        """(request line, upstream) for each request nginx proxied, in order."""
        path = self.folder / "retrowalk-access.log"
        found = re.findall(r'"([^"]*)" \d+ .* upstream=(\S+)', path.read_text())
        return [(request, upstream) for request, upstream in found]

    def served_since(self, since: int, count: int) -> list[str]:
        """The upstreams of the `count` requests proxied after the first `since`: nginx logs a
        request once its answer is sent, so the client may read it before the line is there."""
        deadline = time.monotonic() + 5
        while len(found := self.access_log()[since:]) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return [upstream for _, upstream in found]

    def output(self) -> str:
        logs = sorted(self.folder.glob("*.log"))
        return "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')}" for log in logs)


@contextmanager
def started(folder: Path) -> Iterator[Stack]:
    with ExitStack() as cleanup:
        url = _fresh_database(cleanup)
        stack = _prepared(folder, url)
        cleanup.callback(_stop_all, stack)
        _migrate_once(stack)
        _first_clinician(stack)
        for port in stack.app_ports:
            _spawn(stack, f"app-{port}", exec_start(port))
        for port in stack.app_ports:
            _wait_for(stack, f"http://127.0.0.1:{port}/static/app.css", port)
        _spawn(stack, "nginx", [str(NGINX), "-p", str(folder), "-c", str(folder / "nginx.conf"),
                                "-e", str(folder / "nginx-error.log")])  # fmt: skip
        _wait_for(stack, stack.url + "/static/app.css", None)
        yield stack


def _fresh_database(cleanup: ExitStack) -> str:
    server = make_url(postgres_server_url())
    name = f"rw_stack_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()

    cleanup.callback(drop)
    return server.set(database=name).render_as_string(hide_password=False)


def _prepared(folder: Path, database_url: str) -> Stack:
    """Certificate, secret key file, settings and nginx's files, as docs/deploy.md makes them."""
    (folder / "temp").mkdir(parents=True)
    made = make_certificate(folder / "https", "127.0.0.1", (SERVER_NAME,), datetime.now())
    key_file = folder / "secret-key"
    key_file.write_text(uuid.uuid4().hex + uuid.uuid4().hex + "\n")
    key_file.chmod(0o600)
    settings = {
        "RETROWALK_DATABASE_URL": database_url,
        "RETROWALK_SERVER_NAMES": SERVER_NAME,
        "RETROWALK_SECRET_KEY_FILE": str(key_file),
        "RETROWALK_DATA_DIR": str(folder / "data"),
        "RETROWALK_CONFIG_FILE": str(folder / "config.toml"),
    }
    assert sorted(settings) == sorted(env_file_names()), "deploy/retrowalk.env names others"
    outside = {k: v for k, v in os.environ.items() if not k.startswith("RETROWALK_")}
    stack = Stack(
        folder, free_port(), free_port(), (free_port(), free_port()), made.authority,
        outside | settings, database_url,
    )  # fmt: skip
    values = {
        "SERVER_NAMES": SERVER_NAME,
        "HTTPS_PORT": str(stack.https_port),
        "HTTP_PORT": str(stack.http_port),
        "APP_PORT_1": str(stack.app_ports[0]),
        "APP_PORT_2": str(stack.app_ports[1]),
        "CERTIFICATE": str(made.certificate),
        "CERTIFICATE_KEY": str(made.key),
        "LOG_DIR": str(folder),
    }
    (folder / "retrowalk-site.conf").write_text(fill(SITE.read_text(), values))
    (folder / "nginx.conf").write_text(MAIN_CONF.format(folder=folder))
    return stack


def _migrate_once(stack: Stack) -> None:
    command = [str(Path(sys.executable).parent / MIGRATE[0]), *MIGRATE[1:]]
    done = subprocess.run(command, env=stack.env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    (stack.folder / "migrate.log").write_text(done.stdout + done.stderr)


def _first_clinician(stack: Stack) -> None:
    """docs/deploy.md, step 6: the clinician who invites everyone else, password on stdin."""
    command = [str(Path(sys.executable).parent / FIRST_CLINICIAN[0]), *FIRST_CLINICIAN[1:]]
    done = subprocess.run(command, env=stack.env, input=CLINICIAN_PASSWORD + "\n",
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    (stack.folder / "first-clinician.log").write_text(done.stdout + done.stderr)


def _spawn(stack: Stack, name: str, command: list[str]) -> None:
    with (stack.folder / f"{name}.log").open("ab") as out:
        process = subprocess.Popen(
            command, env=stack.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    stack.processes.append((name, process))


def _wait_for(stack: Stack, url: str, port: int | None) -> None:
    """Until `url` answers 200 (the Host is the server's name); a process that died fails."""
    deadline = time.monotonic() + START_DEADLINE_SECONDS
    verify = ssl.create_default_context(cafile=str(stack.authority))
    headers = {"host": f"{SERVER_NAME}:{port}"} if port is not None else {}
    while time.monotonic() < deadline:
        for name, process in stack.processes:
            if process.poll() is not None:
                raise AssertionError(f"{name} exited with {process.returncode}:\n{stack.output()}")
        try:
            if httpx.get(url, verify=verify, headers=headers, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer in {START_DEADLINE_SECONDS} s:\n{stack.output()}")


def _stop_all(stack: Stack) -> None:
    """Every process group, newest first: asked to stop, then killed if it lingers."""
    for _, process in reversed(stack.processes):
        _signal_group(process, signal.SIGTERM)
    for _, process in reversed(stack.processes):
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait()
        _signal_group(process, signal.SIGKILL)  # anything it left behind in its group


def _signal_group(process: subprocess.Popen[bytes], number: signal.Signals) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, number)
