"""A file retrowalk writes for people (an export, a backup) is there whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from retrowalk.files import atomic_write, write_text_atomically


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path,
) -> None:
    target = tmp_path / "export.json"
    target.write_text("the old export\n")

    with pytest.raises(OSError), atomic_write(target) as temporary:
        temporary.write_text("half of the new")
        raise OSError(28, "No space left on device")

    assert target.read_text() == "the old export\n"
    assert _leftovers(tmp_path) == []


def test_a_complete_write_replaces_the_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("old\n")
    os.chmod(target, 0o600)

    write_text_atomically(target, "new\n")

    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []


def test_a_new_file_gets_the_permissions_a_plain_write_would_give(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("x")

    write_text_atomically(tmp_path / "atomic.txt", "x")

    assert (tmp_path / "atomic.txt").stat().st_mode == (tmp_path / "plain.txt").stat().st_mode


def test_writing_through_a_link_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)

    write_text_atomically(link, "new")

    assert link.is_symlink() and real.read_text() == "new"
