"""Atomic file writes: a temp file in the same folder, fsync, rename. All-or-nothing.

Every file planner writes (fixes, baselines, scaffolds, reports) goes through here, so a
crash, a full disk or Ctrl-C mid-write leaves the old file as it was and no temp file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from planner.errors import PlannerError


class WriteError(PlannerError):
    """A file could not be written; the original, if any, is unchanged."""


def write_bytes(path: Path, data: bytes, *, exclusive: bool = False, label: str | None = None) -> None:
    """Replace `path` with `data` atomically, keeping its permissions.

    A symlink is followed: the file it points to is replaced, the link stays a link.
    With `exclusive`, an existing file is never replaced (raises FileExistsError).
    `label` names the file in error messages (default: `path`).
    """
    label = label or str(path)
    target = Path(os.path.realpath(path))
    folder = target.parent
    try:
        info = target.stat()
        mode, owner = stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid)
        existed = True
    except FileNotFoundError:
        mode, owner = 0o666 & ~_umask(), None
        existed = False
    if exclusive and existed:
        raise FileExistsError(str(path))
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise WriteError(f"{label}: cannot write: {e.strerror or e}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
        if owner is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file away; others keep their own
                os.chown(temp, *owner)
        if exclusive:
            _link_exclusive(temp, target)
        else:
            os.replace(temp, target)
        _fsync_folder(folder)
    except BaseException as e:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(e, FileExistsError):
            raise
        if isinstance(e, OSError):
            raise WriteError(f"{label}: cannot write: {e.strerror or e}") from None
        raise


def write_text(path: Path, text: str, *, exclusive: bool = False) -> None:
    """Write UTF-8 text with the line endings given (no newline translation)."""
    write_bytes(path, text.encode("utf-8"), exclusive=exclusive)


def _link_exclusive(temp: Path, target: Path) -> None:
    """Give the finished temp file its name unless the name was taken since we looked."""
    try:
        os.link(temp, target)  # fails if the name exists: never clobbers a file made meanwhile
    except FileExistsError:
        raise
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS):
            raise
        # No hard links on this filesystem: a last look, then rename.
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(temp, target)
        return
    temp.unlink()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform lets a folder be opened.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
