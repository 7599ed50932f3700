"""Reading a user's text file with one clear sentence for every way it can fail.

Only regular files are read, and never more than a size limit: a path to ``/dev/zero``, a pipe or a
huge file is refused at once instead of reading until memory runs out.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from playground.core.errors import quote, quote_path
from playground.core.limits import MIB


def size_text(n: int) -> str:
    return f"{n / MIB:,.1f} MiB" if n >= MIB else f"{n:,} bytes"


def read_text(path: str | os.PathLike[str], error: type[Exception], what: str, encoding: str = "utf-8",
              max_bytes: int | None = None) -> str:
    """The file's text with universal newlines; any failure raises ``error`` naming the file and the problem.

    ``what`` names the expected kind of file ("an experiment file", "a CSV file") in messages;
    ``max_bytes`` refuses a larger file before reading it.
    """
    p = Path(path)
    shown = quote_path(p)
    try:
        info = os.stat(p)  # follows symlinks: the file a link points to is what is read
    except (FileNotFoundError, NotADirectoryError):
        raise error(f"{shown}: no such file") from None
    except ValueError:  # "embedded null byte"
        raise error(f"{quote(str(p))}: not a valid file name (it contains a NUL character)") from None
    except OSError as exc:
        raise error(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{shown}: is a folder, not {what}")
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{shown}: is a device, pipe or socket, not {what}")
    too_big = f"{shown}: is larger than the {size_text(max_bytes or 0)} allowed for {what}"
    if max_bytes is not None and info.st_size > max_bytes:
        raise error(f"{too_big} ({size_text(info.st_size)})")
    try:
        with open(p, "rb") as f:
            raw = f.read() if max_bytes is None else f.read(max_bytes + 1)  # it may have grown since stat
    except OSError as exc:
        raise error(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if max_bytes is not None and len(raw) > max_bytes:
        raise error(too_big)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise error(f"{shown}: not a UTF-8 text file ({what} is UTF-8 text)") from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
