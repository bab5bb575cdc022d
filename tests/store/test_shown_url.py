"""A database URL is printed (by `config`, `serve` and every storage error) without its password,
whatever the password holds; the rest of the address is kept to say which database it is."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from retrowalk.settings import shown_url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://walker:s3cret@db:5432/rw", "postgresql://walker:***@db:5432/rw"),
        ("postgresql+psycopg://walker:s3cret@db/rw", "postgresql://walker:***@db/rw"),
        ("postgresql://walker@db/rw", "postgresql://walker@db/rw"),
        ("postgresql://db/rw?user=w&password=s3cret", "postgresql://db/rw?user=w&password=***"),
        ("sqlite:////home/walker/rw.sqlite3", "sqlite:////home/walker/rw.sqlite3"),
    ],
)
def test_the_password_is_hidden_and_the_address_kept(url: str, shown: str) -> None:
    assert shown_url(url) == shown


@pytest.mark.parametrize("password", ["s3cret", "p@ss", "a/b:c", "x?y#z", "%40", ":", "with space"])
def test_no_password_shows_through_whatever_it_holds(password: str) -> None:
    url = f"postgresql+psycopg://walker:{password}@db.example:5432/rw"
    opened = make_url(url)  # the password and address retrowalk would really use

    shown = make_url(shown_url(url))

    assert shown.password == "***"
    assert (shown.username, shown.host, shown.port, shown.database) == (
        opened.username,
        opened.host,
        opened.port,
        opened.database,
    )
