"""Reading a user's text file with one clear sentence for every way it can fail."""

from __future__ import annotations

import os
from pathlib import Path


def read_text(path: str | os.PathLike[str], error: type[Exception], what: str, encoding: str = "utf-8") -> str:
    """The file's text; any failure raises ``error`` naming the file and the problem.

    ``what`` names the expected kind of file ("an experiment file", "a CSV file") in messages.
    """
    p = Path(path)
    try:
        return p.read_text(encoding=encoding)
    except FileNotFoundError:
        raise error(f"{p}: no such file") from None
    except IsADirectoryError:
        raise error(f"{p}: is a folder, not {what}") from None
    except UnicodeDecodeError:
        raise error(f"{p}: not a UTF-8 text file ({what} is UTF-8 text)") from None
    except OSError as exc:
        raise error(f"{p}: cannot be read ({exc.strerror or exc})") from None
