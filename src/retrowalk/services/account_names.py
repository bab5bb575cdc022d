"""Account names in clinic mode: what a person types to log in.

A name is 3 to 40 characters: lower-case letters, digits and . _ @ - (so an e-mail address
works), beginning with a letter or digit. It is read in lower case with the spaces around it
dropped, so "Ann.Lee " and "ann.lee" are one account. "local" is the local single-user mode's
account and cannot be taken.
"""

from __future__ import annotations

import re

from retrowalk.domain.errors import InputError
from retrowalk.services.onboard import LOCAL_ACCOUNT

NAME_FIELD = "name"
_SHAPE = re.compile(r"[a-z0-9][a-z0-9._@-]{2,39}")
NAME_RULES = (
    "give 3 to 40 characters: letters, digits and . _ @ - (an e-mail address works), "
    "beginning with a letter or digit"
)


def read_name(typed: str) -> str:
    """The name as stored: lower case, without spaces around it."""
    return typed.strip().lower()


def check_new_name(typed: str) -> str:
    """The name a new account gets; an InputError when it breaks the rules."""
    name = read_name(typed)
    if _SHAPE.fullmatch(name) is None:
        raise InputError(NAME_FIELD, typed, NAME_RULES)
    if name == LOCAL_ACCOUNT:
        raise InputError(NAME_FIELD, typed, "this name is kept for local mode; give another")
    return name
