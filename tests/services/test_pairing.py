"""The pairing desk's rules, with the numbers written out (services/pairing.py's docstring and
docs/phone.md): a code of 8 characters lasts 10 minutes, pairs one device, is withdrawn after 5
wrong tries; at most 10 tries are heard in any minute, right or wrong."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from retrowalk.domain.errors import InputError, StorageError
from retrowalk.services.pairing import PairingDesk, device_for, normal_code, revoke
from retrowalk.store.paired_devices import PairedDevicesFile

NOON = datetime(2027, 1, 4, 12, 0)


@pytest.fixture(name="desk")
def desk_fixture(tmp_path: Path) -> PairingDesk:
    return PairingDesk(PairedDevicesFile(tmp_path))


def test_a_code_is_eight_characters_no_one_misreads(desk: PairingDesk) -> None:
    codes = {desk.new_code(NOON).value for _ in range(200)}

    assert all(len(code) == 8 for code in codes)
    assert not set("".join(codes)) & set("01IO")
    assert len(codes) == 200


def test_a_code_works_until_ten_minutes_have_passed(desk: PairingDesk) -> None:
    code = desk.new_code(NOON)

    assert desk.current(NOON + timedelta(minutes=9, seconds=59)) == code
    assert desk.current(NOON + timedelta(minutes=10)) is None
    paired = desk.pair(code.value, "Pixel 8", NOON + timedelta(minutes=9, seconds=59))
    assert paired.device.name == "Pixel 8"


def test_the_tenth_try_in_a_minute_is_heard_and_the_eleventh_waits(desk: PairingDesk) -> None:
    for second in range(9):  # 4 wrong, then a fresh code each 4 tries, never withdrawn
        if second % 4 == 0:
            desk.new_code(NOON)
        with pytest.raises(InputError):
            desk.pair("WRONG234", "Pixel 8", NOON + timedelta(seconds=second))
    code = desk.new_code(NOON)
    desk.pair(code.value, "Pixel 8", NOON + timedelta(seconds=9))  # the tenth: heard

    code = desk.new_code(NOON)
    with pytest.raises(InputError, match="too many codes"):
        desk.pair(code.value, "Pixel 9", NOON + timedelta(seconds=10))
    paired = desk.pair(code.value, "Pixel 9", NOON + timedelta(seconds=60))
    assert paired.device.id == 2


def test_the_fifth_wrong_try_withdraws_the_code(desk: PairingDesk) -> None:
    code = desk.new_code(NOON)
    for minute in range(4):
        with pytest.raises(InputError, match="the 8-character code"):
            desk.pair("WRONG234", "Pixel 8", NOON + timedelta(seconds=minute))

    with pytest.raises(InputError, match="typed wrong 5 times"):
        desk.pair("WRONG234", "Pixel 8", NOON + timedelta(seconds=5))
    with pytest.raises(InputError, match="used or has expired"):
        desk.pair(code.value, "Pixel 8", NOON + timedelta(seconds=6))


def test_a_credential_names_its_device_until_revoked(tmp_path: Path) -> None:
    devices = PairedDevicesFile(tmp_path)
    desk = PairingDesk(devices)
    paired = desk.pair(desk.new_code(NOON).value, "Pixel 8", NOON)

    assert device_for(devices.all(), paired.token) == paired.device
    assert device_for(devices.all(), paired.token + "x") is None
    assert device_for(devices.all(), None) is None
    revoke(devices, paired.device.id, NOON)
    assert device_for(devices.all(), paired.token) is None
    assert devices.all()[0].shown() == "Pixel 8, paired 4 Jan 2027, revoked 4 Jan 2027"


def test_revoking_a_device_that_is_not_there_names_the_ones_that_are(tmp_path: Path) -> None:
    devices = PairedDevicesFile(tmp_path)
    devices.add("Pixel 8", "a" * 64, NOON)

    with pytest.raises(InputError) as refused:
        revoke(devices, 7, NOON)

    assert refused.value.field == "device" and "(1)" in refused.value.allowed


@pytest.mark.parametrize("typed", ["", " ", "x" * 61, "tab\there\x00"])
def test_a_device_name_is_one_to_sixty_printable_characters(desk: PairingDesk, typed: str) -> None:
    code = desk.new_code(NOON)

    with pytest.raises(InputError) as refused:
        desk.pair(code.value, typed, NOON)

    assert refused.value.field == "name"
    assert desk.current(NOON) == code  # a bad name spends no code


def test_typed_codes_ignore_case_spaces_and_dashes() -> None:
    assert normal_code(" ab2c-d3ef\n") == "AB2CD3EF"


def test_a_corrupt_devices_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "paired-devices.json").write_text('{"devices": [{"id": "one"}]}')

    with pytest.raises(StorageError, match=r"paired-devices\.json"):
        PairedDevicesFile(tmp_path).all()
