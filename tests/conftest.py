"""Shared test set-up: the hypothesis profiles (one for every run, a longer one on request)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# A developer may ask for the long run with HYPOTHESIS_PROFILE=thorough; CI uses the default.
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
