"""HTTPS on the home network: `retrowalk certificate` makes this computer's certificate
authority and a server certificate for the LAN address, and `retrowalk serve --certfile
--keyfile` serves with it. A client that trusts the authority (as a phone does once it is
installed, docs/phone.md) connects; one that does not is refused; cookies are Secure."""

from __future__ import annotations

import os
import re
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from typer.testing import CliRunner

from retrowalk.cli.app import app
from retrowalk.domain.errors import InputError
from retrowalk.web.certificates import make_certificate

NOW = datetime(2026, 12, 5, 12, 0)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_the_server_certificate_names_the_address_and_lasts_at_most_825_days(
    tmp_path: Path,
) -> None:
    made = make_certificate(tmp_path, "192.168.1.5", ("walker-pc.local",), NOW)
    server = x509.load_pem_x509_certificate(made.certificate.read_bytes())
    authority = x509.load_pem_x509_certificate(made.authority.read_bytes())

    names = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(a) for a in names.get_values_for_type(x509.IPAddress)] == ["192.168.1.5"]
    assert names.get_values_for_type(x509.DNSName) == ["walker-pc.local"]
    assert server.not_valid_after_utc - server.not_valid_before_utc <= timedelta(days=825)
    limits = authority.extensions.get_extension_for_class(x509.NameConstraints)
    assert limits.critical
    permitted = [str(name.value) for name in limits.value.permitted_subtrees or []]
    assert permitted == ["192.168.0.0/16", "local", "walker-pc.local"]
    assert authority.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert oct(made.key.stat().st_mode & 0o777) == "0o600"


def test_a_second_certificate_keeps_the_authority_the_phone_trusts(tmp_path: Path) -> None:
    first = make_certificate(tmp_path, "192.168.1.5", (), NOW)
    installed = first.authority.read_bytes()

    second = make_certificate(tmp_path, "192.168.1.9", (), NOW)

    assert not second.new_authority and second.authority.read_bytes() == installed
    context = ssl.create_default_context(cafile=str(second.authority))
    assert context.get_ca_certs()  # the kept authority still loads


@pytest.mark.parametrize(
    ("address", "names", "field"),
    [("nope", (), "--lan-address"), ("192.168.1.5", ("bad name!",), "--name")],
)
def test_a_bad_address_or_name_is_refused_naming_the_option(
    tmp_path: Path, address: str, names: tuple[str, ...], field: str
) -> None:
    with pytest.raises(InputError) as refused:
        make_certificate(tmp_path, address, names, NOW)

    assert refused.value.field == field
    assert not (tmp_path / "server.pem").exists()


@pytest.fixture(name="https_server")
def https_server_fixture(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, Path, str]]:
    """`retrowalk serve --lan` over HTTPS on the LAN stand-in, with a certificate from
    `retrowalk certificate`: its address, the authority to trust, and what it printed."""
    data = tmp_path / "data"
    env = os.environ | {
        "RETROWALK_DATA_DIR": str(data),
        "RETROWALK_CONFIG_FILE": str(tmp_path / "absent.toml"),
    }
    env.pop("RETROWALK_DATABASE_URL", None)
    for key, value in env.items():
        if key.startswith("RETROWALK_"):
            monkeypatch.setenv(key, value)
    from retrowalk.settings import get_settings

    get_settings.cache_clear()
    made = CliRunner().invoke(app, ["certificate", "--lan-address", "127.0.0.2"])
    get_settings.cache_clear()
    assert made.exit_code == 0, made.output
    command = re.search(r"Start retrowalk with: retrowalk (serve .*)", made.output)
    assert command is not None
    port = _free_port()
    arguments = [*command.group(1).split(), "--port", str(port)]
    log = tmp_path / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "retrowalk.cli.main", *arguments],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    authority = data / "https" / "retrowalk-ca.pem"
    url = f"https://127.0.0.2:{port}"
    trusted = ssl.create_default_context(cafile=str(authority))
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(url + "/pair", verify=trusted, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield url, authority, log.read_text()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_phone_that_trusts_the_authority_pairs_over_https_with_secure_cookies(
    https_server: tuple[str, Path, str],
) -> None:
    url, authority, printed = https_server
    trusted = ssl.create_default_context(cafile=str(authority))
    code = re.search(r"type the code (\w{4}-\w{4})", printed)
    assert code is not None and f"open {url}/pair" in printed

    with httpx.Client(base_url=url, verify=trusted, timeout=5) as phone:
        page = phone.get("/pair")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert page.status_code == 200 and token is not None
        assert "Secure" in page.headers["set-cookie"]
        form = {"code": code.group(1), "name": "Pixel 8", "csrf_token": token.group(1)}
        paired = phone.post("/pair", data=form, headers={"origin": url})

    device = [c for c in paired.headers.get_list("set-cookie") if "retrowalk_device" in c]
    assert paired.status_code == 303 and device and "; Secure" in device[0]


def test_a_client_that_does_not_trust_the_authority_is_refused(
    https_server: tuple[str, Path, str],
) -> None:
    url, _, _ = https_server

    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/pair", timeout=5)
