"""Passwords in clinic mode: the rules a new one must meet, and argon2id hashing.

The rules (docs/web.md, "Accounts and login"): 12 to 128 characters (any characters, spaces
too: a passphrase is welcome), not the account's name, not one of the most common passwords of
that length, and not one character repeated. Nothing else (no "one digit and one symbol"): length
is what makes a password hard to guess. A message about a password names the field and what
is allowed, and never repeats the password.

Hashing is argon2id with argon2-cffi's `PasswordHasher` defaults (RFC 9106's low-memory
choice); a hash made with older parameters is replaced at the next successful login. A login for
an account that has no hash (or no account) spends the same work on a hash made once here, so
the time taken does not tell the two apart.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from retrowalk.domain.errors import InputError

SHORTEST, LONGEST = 12, 128
PASSWORD_FIELD = "password"
AGAIN_FIELD = "password_again"
# The most common passwords of 12 characters or more in public breach lists (lower case).
COMMON = frozenset(
    {
        "123456789012",
        "1234567890123",
        "12345678901234",
        "qwertyuiopasdfgh",
        "qwertyuiop12",
        "qwerty123456",
        "password1234",
        "password12345",
        "password123456",
        "passwordpassword",
        "iloveyou1234",
        "abcdefghijkl",
        "abc123456789",
        "1q2w3e4r5t6y",
        "1qaz2wsx3edc",
        "letmein12345",
        "welcome12345",
        "administrator",
        "changeme1234",
        "retrowalk123",
        "retrowalk1234",
    }
)
RULES = (
    f"give {SHORTEST} to {LONGEST} characters (a few words with spaces are good), not your "
    "account name and not a common password"
)

_HASHER = PasswordHasher()


def check_new_password(password: str, again: str, account_name: str) -> None:
    """An InputError naming the field (never quoting the password) unless `password` may be
    used by `account_name`."""
    if not SHORTEST <= len(password) <= LONGEST:
        said = f"{len(password)} characters"
        raise InputError(PASSWORD_FIELD, said, RULES)
    lowered = password.lower()
    if lowered.strip() == account_name.lower().strip():
        raise InputError(PASSWORD_FIELD, "your account name", RULES)
    if lowered in COMMON or len(set(password)) == 1:
        raise InputError(PASSWORD_FIELD, "a common password", RULES)
    if again != password:
        raise InputError(AGAIN_FIELD, "a different password", "type the same password twice")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def password_matches(stored: str | None, password: str) -> bool:
    """Whether `password` is the one behind `stored`; None (no password) never matches, after
    the same work."""
    try:
        return _HASHER.verify(stored or _stand_in(), password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)


@cache
def _stand_in() -> str:
    return _HASHER.hash("a password no account has: the same work as a real check")
