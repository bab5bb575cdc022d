"""A certificate for HTTPS on the home network, made on this computer (`retrowalk certificate`).

A phone gives a page the secure context that Wake Lock, service workers and installing need
only over HTTPS. A home network has no public name, so no public authority will sign for it:
retrowalk makes its own small authority (a CA certificate the walker installs and trusts on the
phone once) and signs a server certificate for the computer's LAN address and names with it.
The authority may vouch only for addresses of home networks and `.local` names and those given
(a name constraint), so trusting it lets it vouch for no site on the internet. Both keys stay
in the data directory, readable by this user only. The `cryptography` package does the work
(docs/decisions.md).

Lifetimes: iOS refuses a server certificate valid for more than 825 days; the authority lasts
ten years so that a new server certificate needs no new install on the phone.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from retrowalk.domain.errors import InputError

if TYPE_CHECKING:
    from cryptography.x509 import KeyUsage

SERVER_DAYS = 825
AUTHORITY_DAYS = 3650
FOLDER_NAME = "https"


@dataclass(frozen=True, slots=True)
class Made:
    authority: Path  # install and trust this on the phone
    certificate: Path  # --certfile
    key: Path  # --keyfile
    new_authority: bool


def make_certificate(folder: Path, address: str, names: tuple[str, ...], now: datetime) -> Made:
    """The server certificate for `address` (and `names`) signed by this computer's authority,
    made once and kept in `folder`; a second call keeps the authority and signs anew."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    ip = _address(address)
    dns = [_name(name) for name in names]
    folder.mkdir(parents=True, exist_ok=True)
    authority_path, authority_key_path = folder / "retrowalk-ca.pem", folder / "retrowalk-ca.key"
    new_authority = not (authority_path.exists() and authority_key_path.exists())
    if new_authority:
        authority_key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "retrowalk on this computer")])
        permitted: list[x509.GeneralName] = [x509.IPAddress(_home_range(ip))]
        permitted += [x509.DNSName(name) for name in ("local", *dns)]
        authority = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(authority_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=AUTHORITY_DAYS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_key_usage(certificate_signing=True), critical=True)
            .add_extension(
                x509.NameConstraints(permitted_subtrees=permitted, excluded_subtrees=None),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(authority_key.public_key()),
                critical=False,
            )
            .sign(authority_key, hashes.SHA256())
        )
        _write(authority_key_path, _private_pem(authority_key), private=True)
        _write(authority_path, authority.public_bytes(serialization.Encoding.PEM))
    else:
        authority = x509.load_pem_x509_certificate(authority_path.read_bytes())
        loaded = serialization.load_pem_private_key(authority_key_path.read_bytes(), None)
        assert isinstance(loaded, ec.EllipticCurvePrivateKey)
        authority_key = loaded
    server_key = ec.generate_private_key(ec.SECP256R1())
    alternative: list[x509.GeneralName] = [x509.IPAddress(ip)]
    alternative += [x509.DNSName(name) for name in dns]
    server = (
        x509.CertificateBuilder()
        # Not the address: a common name that looks like a host name is checked against the
        # authority's constraints as one (OpenSSL), and the names live in the SAN anyway.
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "retrowalk server")]))
        .issuer_name(authority.subject)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=SERVER_DAYS - 1))
        .add_extension(x509.SubjectAlternativeName(alternative), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(certificate_signing=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(authority_key.public_key()),
            critical=False,
        )
        .sign(authority_key, hashes.SHA256())
    )
    certificate_path, key_path = folder / "server.pem", folder / "server.key"
    _write(key_path, _private_pem(server_key), private=True)
    _write(certificate_path, server.public_bytes(serialization.Encoding.PEM))
    return Made(authority_path, certificate_path, key_path, new_authority)


def _address(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    try:
        return ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        raise InputError(
            "--lan-address", address, "this computer's IP address on the network, e.g. 192.168.1.5"
        ) from None


# The private ranges of home networks (RFC 1918, and IPv6 unique local and link-local): the
# authority may vouch for an address in the range of the computer's own, so a router that
# hands out another address next week needs a new server certificate, not a new install.
_HOME_RANGES = tuple(
    ipaddress.ip_network(text)
    for text in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fe80::/10")
)


def _home_range(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    for network in _HOME_RANGES:
        if ip.version == network.version and ip in network:
            return network
    return ipaddress.ip_network(f"{ip}/{ip.max_prefixlen}")  # anywhere else: this address only


def _name(name: str) -> str:
    clean = name.strip().lower().rstrip(".")
    labels = clean.split(".")
    if not clean or not all(label and label.replace("-", "").isalnum() for label in labels):
        raise InputError("--name", name, "a host name such as walker-pc.local")
    return clean


def _key_usage(certificate_signing: bool) -> KeyUsage:
    from cryptography import x509

    return x509.KeyUsage(
        digital_signature=not certificate_signing,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=certificate_signing,
        crl_sign=certificate_signing,
        encipher_only=False,
        decipher_only=False,
    )


def _private_pem(key: object) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _write(path: Path, data: bytes, private: bool = False) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
