"""The atomic-write helper every planner write goes through."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from planner import atomic
from planner.atomic import WriteError, write_bytes


def test_replaces_content_and_keeps_permissions(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    path.chmod(0o600)
    write_bytes(path, b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["a.md"]


def test_exclusive_never_clobbers(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        write_bytes(path, b"theirs", exclusive=True)
    assert path.read_bytes() == b"mine" and os.listdir(tmp_path) == ["a.md"]


def test_exclusive_without_hard_links_still_creates(tmp_path, monkeypatch):
    def no_links(*args):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    write_bytes(tmp_path / "new.md", b"x", exclusive=True)
    assert (tmp_path / "new.md").read_bytes() == b"x" and os.listdir(tmp_path) == ["new.md"]


def test_unwritable_folder_is_a_planner_error(tmp_path):
    with pytest.raises(WriteError, match="cannot write"):
        write_bytes(tmp_path / "missing" / "a.md", b"x", label="plans/a.md")


def test_interrupt_mid_write_removes_the_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(b"old")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes(path, b"new")
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["a.md"]


def test_owner_is_handed_back_to_the_original(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    info = path.stat()
    calls = []
    monkeypatch.setattr(atomic.os, "chown", lambda p, uid, gid: calls.append((uid, gid)))
    write_bytes(path, b"new")
    assert calls == [(info.st_uid, info.st_gid)]
    write_bytes(tmp_path / "fresh.md", b"x")
    assert len(calls) == 1  # a new file is simply ours


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--baseline", "baseline.json", "--update-baseline"],
        ["schema", "--output", "baseline.json"],
    ],
    ids=["baseline", "schema"],
)
def test_a_full_disk_leaves_every_written_file_intact(tmp_path, monkeypatch, capsys, command):
    """Every command that writes goes through the atomic writer: a failure keeps the old file."""
    import planner.atomic
    from planner.cli import main

    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.md").write_text("---\ntitle: X\nstatus: proposed\ntarget: 2027-08-17\n---\n")
    old = tmp_path / "baseline.json"
    old.write_text('{"keep": "me"}\n')
    monkeypatch.chdir(tmp_path)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(planner.atomic.os, "fsync", full)
    assert main([*command, "--as-of", "2026-11-24"] if command[0] == "check" else command) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert old.read_text() == '{"keep": "me"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "plans"]
