"""Garmin's published TCX schema (TrainingCenterDatabase v2), read from where
scripts/system-packages.sh puts it (taken from Debian's pytrainer package, not kept in this
repository). A missing schema fails the tests and says how to fetch it: never skipped."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

SCHEMA = Path("/usr/local/share/retrowalk/schemas/GarminTrainingCenterDatabase_v2.xsd")
TCX = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
EXTENSION = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"
NAMES = {"t": TCX, "x": EXTENSION}


@functools.cache
def tcx_schema() -> Any:
    if not SCHEMA.is_file():
        pytest.fail(
            f"The TCX schema is missing: {SCHEMA}. Fetch it with `scripts/system-packages.sh` "
            "(as root, or with sudo): it copies it out of Debian's pytrainer package."
        )
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def valid_tcx(text: str) -> Any:
    """The document, parsed, once the schema has found it valid (else the schema's errors)."""
    document = etree.fromstring(text.encode("utf-8"))
    schema = tcx_schema()
    assert schema.validate(document), str(schema.error_log)
    return document
