"""What the walker chose to connect: the virtual treadmill's faults, the treadmill's name in the
equipment profile, and which stored verdict a walk may use."""

from __future__ import annotations

import pytest

from retrowalk.devices.choice import DeviceChoice
from retrowalk.devices.virtual.spec import Faults
from retrowalk.domain.errors import InputError
from retrowalk.services.records import MphVerdict


def test_the_virtual_treadmill_shows_the_faults_named_after_it():
    choice = DeviceChoice("virtual:refuse_control, mph_for_kmh")

    assert choice.virtual
    assert choice.faults == Faults(refuse_control=True, mph_for_kmh=True)


def test_a_fault_the_virtual_treadmill_cannot_show_is_refused_naming_those_it_can():
    with pytest.raises(InputError) as refused:
        DeviceChoice("virtual:smoke")

    assert refused.value.field == "--device"
    assert "mph_for_kmh" in str(refused.value) and "refuse_control" in str(refused.value)


@pytest.mark.parametrize(
    ("device", "key"),
    [
        ("virtual", "virtual"),
        ("virtual:refuse_control,mph_for_kmh", "virtual:refuse_control,mph_for_kmh"),
        ("virtual:mph_for_kmh,refuse_control", "virtual:refuse_control,mph_for_kmh"),
        (" f4:12:fa:00:11:22 ", "F4:12:FA:00:11:22"),
    ],
)
def test_a_treadmill_has_one_name_in_the_profile_however_it_was_written(device, key):
    assert DeviceChoice(device).key == key


def test_a_stored_verdict_is_used_only_for_the_treadmill_that_gave_it():
    kept = MphVerdict("virtual:mph_for_kmh", mph_quirk=True)

    same = DeviceChoice("virtual:mph_for_kmh", control=True).knowing(kept)
    other = DeviceChoice("virtual", control=True).knowing(kept)

    assert same.mph_quirk is True and same.control
    assert other.mph_quirk is None


def test_only_a_verdict_the_walk_found_itself_is_offered_to_the_profile():
    unknown, known = (
        DeviceChoice("AA:BB:CC:DD:EE:FF"),
        DeviceChoice("AA:BB:CC:DD:EE:FF", False, True),
    )

    assert unknown.verdict(True) == MphVerdict("AA:BB:CC:DD:EE:FF", True)
    assert unknown.verdict(None) is None
    assert known.verdict(True) is None


def test_a_blank_treadmill_or_strap_is_refused():
    with pytest.raises(InputError, match="--device"):
        DeviceChoice(" ")
    with pytest.raises(InputError, match="--strap"):
        DeviceChoice("virtual", strap="")
