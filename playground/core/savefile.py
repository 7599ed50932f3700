"""Atomic saves that lose nothing: write a temporary file beside the target, then rename it over.

* A crash, a full disk or a failed rename leaves the old file intact; the temporary file is removed,
  and temporary files left by a killed process are swept by the next save to the same name.
* A symlink is followed: the file it points to is replaced, the link stays a link.
* The new file gets the old file's permissions, or for a new file the user's umask (``mkstemp``
  alone would make every file 0600).
* A missing or read-only folder is a :class:`SaveError` that says why, never a created folder tree.
* Only a regular file (or a link to one) is ever replaced: a device node (``/dev/null``), a FIFO or a
  socket is refused, since renaming over it would put a regular file in its place.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import threading
import time
from pathlib import Path

from playground.core.errors import SaveError, quote_path

STALE_SECONDS = 60.0
"""A temporary file older than this belongs to a save that died (``kill -9``); younger ones may be live."""

_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux ``/proc``)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _umask_lock:  # elsewhere: set and restore, the only portable way
        mask = os.umask(0o022)
        os.umask(mask)
        return mask


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.[A-Za-z0-9_]{{8}}\.tmp")


def sweep_temporary_files(folder: Path, name: str, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove temporary files a killed save of ``name`` left in ``folder``; returns what was removed."""
    pattern, now, removed = _temp_pattern(name), time.time(), []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
    return removed


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module docstring); raises :class:`SaveError`."""
    shown = quote_path(path)
    target = Path(os.path.realpath(path))
    folder = target.parent
    if not folder.is_dir():
        raise SaveError(f"{shown}: cannot save: the folder {quote_path(folder)} does not exist")
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:  # a new file (or a link to one not made yet)
        info = None
    except OSError as exc:  # a link loop, a name too long: never replace what cannot even be looked at
        raise SaveError(f"{shown}: cannot save: {_why(exc)}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise SaveError(f"{shown}: cannot save: it is a folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise SaveError(f"{shown}: cannot save: it is a device, pipe or socket, not a file; only a regular "
                        "file is replaced (give another name)")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~current_umask()
    sweep_temporary_files(folder, target.name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise SaveError(f"{shown}: cannot save: no permission to write in {quote_path(folder)}") from None
    except OSError as exc:
        raise SaveError(f"{shown}: cannot save: {_why(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise SaveError(f"{shown}: cannot save: {_why(exc)}") from None
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
