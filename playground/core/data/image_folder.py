"""Image folders: one sub-folder per class (torchvision's ``ImageFolder`` layout), read as grey squares.

Every image is decoded with Pillow (the core never imports Qt, and the window's preview calls this
same code, so the preview, training and the CLI see identical pixels), converted to grey, resized to
``side × side`` and scaled to [0, 1] (0 black, 1 white), flattened row by row. Files whose name is not
an image type, that cannot be decoded, or that pass a limit are skipped and counted, never fatal. The
folder as a whole is bounded by ``core/limits.py`` (files, classes, pixels, bytes): the scan stops at
the first file past the limit, so any folder is read or refused in bounded time and memory.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from playground.core.data.dataset import Dataset
from playground.core.data.digits import pixel_names
from playground.core.data.errors import DataError
from playground.core.data.split import shuffle_split
from playground.core.errors import quote, quote_path
from playground.core.limits import (
    MAX_COLUMN_NAME,
    MAX_IMAGE_BYTES,
    MAX_IMAGE_CLASSES,
    MAX_IMAGE_FILES,
    MAX_IMAGE_PIXELS,
)
from playground.core.spec import IMAGE_SIDES, DataSpec, ImageFolderSpec

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".pgm", ".ppm")
"""What torchvision's ImageFolder reads (its IMG_EXTENSIONS, less the rare ones Pillow may lack)."""

SKIP_REASONS = {
    "not_image": "not an image file",
    "unreadable": "could not be decoded",
    "too_large": "over the size limits",
}


@dataclass
class FolderScan:
    """What a folder holds: class names (sorted, as ImageFolder), image files per class, skipped files."""

    root: Path
    classes: list[str]
    files: list[list[Path]]
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def n_files(self) -> int:
        return sum(len(f) for f in self.files)

    def skipped_text(self) -> str:
        """``"2 skipped: 1 not an image file, 1 could not be decoded"``, or ``""``."""
        total = sum(self.skipped.values())
        if not total:
            return ""
        parts = [f"{n} {SKIP_REASONS[k]}" for k, n in sorted(self.skipped.items())]
        return f"{total} skipped: " + ", ".join(parts)


@dataclass
class FolderImages:
    """Decoded images: ``x`` float64 ``(n, side²)`` in [0, 1], ``y`` int64 class indices."""

    scan: FolderScan
    side: int
    x: np.ndarray
    y: np.ndarray

    def counts(self) -> list[int]:
        return np.bincount(self.y, minlength=len(self.scan.classes)).tolist()

    def summary(self) -> str:
        """One line: ``"120 images in 3 classes (a 40, b 40, c 40); 2 skipped: …"``."""
        per = ", ".join(f"{c} {n}" for c, n in zip(self.scan.classes, self.counts()))
        text = f"{len(self.y):,} images in {len(self.scan.classes)} classes ({per})"
        skipped = self.scan.skipped_text()
        return f"{text}; {skipped}" if skipped else text


def scan_folder(root: str | Path) -> FolderScan:
    """List the class sub-folders and their image files, refusing a folder past the limits."""
    root = Path(root).expanduser()
    if not root.is_dir():
        raise DataError(f"{quote_path(root)}: not a folder (an image folder holds one sub-folder of images per class)")
    try:
        class_dirs = sorted((e for e in os.scandir(root) if e.is_dir() and not e.name.startswith(".")),
                            key=lambda e: e.name)
    except OSError as exc:
        raise DataError(f"{quote_path(root)}: cannot be read ({exc.strerror or exc})") from None
    if len(class_dirs) > MAX_IMAGE_CLASSES:
        raise DataError(f"{quote_path(root)}: {len(class_dirs):,} class sub-folders is more than the "
                        f"{MAX_IMAGE_CLASSES} allowed")
    too_long = [e.name for e in class_dirs if len(e.name) > MAX_COLUMN_NAME]
    if too_long:
        raise DataError(f"{quote_path(root)}: class sub-folder {quote(too_long[0])} has a name of "
                        f"{len(too_long[0]):,} characters, more than the {MAX_COLUMN_NAME:,} allowed")
    if len(class_dirs) < 2:
        raise DataError(f"{quote_path(root)}: needs at least 2 class sub-folders with images in them "
                        f"(found {len(class_dirs)})")
    scan = FolderScan(root, [e.name for e in class_dirs], [])
    seen = 0
    for entry in class_dirs:
        images: list[Path] = []
        try:
            names = _bounded_names(Path(entry.path), MAX_IMAGE_FILES - seen)
        except OSError as exc:
            raise DataError(f"{quote_path(entry.path)}: cannot be read ({exc.strerror or exc})") from None
        if names is None:
            raise DataError(f"{quote_path(root)}: more than {MAX_IMAGE_FILES:,} files, the most an image folder "
                            "may hold")
        seen += len(names)
        for name in sorted(names):
            if name.lower().endswith(IMAGE_SUFFIXES):
                images.append(Path(entry.path) / name)
            else:
                scan.skipped["not_image"] += 1
        scan.files.append(images)
    return scan


def _bounded_names(folder: Path, room: int) -> list[str] | None:
    """The file names in ``folder`` (not sub-folders, not hidden), or ``None`` past ``room`` of them."""
    names: list[str] = []
    with os.scandir(folder) as it:
        for e in it:
            if e.name.startswith(".") or e.is_dir():
                continue
            if len(names) == room:
                return None
            names.append(e.name)
    return names


def decode(path: Path, side: int) -> np.ndarray | str:
    """One image as grey float64 ``(side, side)`` in [0, 1], or the key of why it was skipped."""
    from PIL import Image, UnidentifiedImageError

    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return "too_large"
        with Image.open(path) as im:
            if im.width * im.height > MAX_IMAGE_PIXELS:
                return "too_large"  # read from the header: nothing decoded yet
            im.draft("L", (side, side))  # JPEG: decode at a reduced scale when it can
            grey = im.convert("L").resize((side, side), Image.Resampling.BOX)
            return np.asarray(grey, dtype=np.float64) / 255.0
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return "unreadable"


def read_images(scan: FolderScan, side: int, per_class: int | None = None) -> FolderImages:
    """Decode the scanned files (``per_class``: only the first few of each class, for a preview)."""
    if side not in IMAGE_SIDES:
        raise DataError(f"image side {side} is not one of {', '.join(map(str, IMAGE_SIDES))}")
    xs: list[np.ndarray] = []
    ys: list[int] = []
    for k, files in enumerate(scan.files):
        got = 0
        for path in files:
            if per_class is not None and got == per_class:
                break
            image = decode(path, side)
            if isinstance(image, str):
                scan.skipped[image] += 1
                continue
            xs.append(image.reshape(-1))
            ys.append(k)
            got += 1
    x = np.array(xs, dtype=np.float64).reshape(len(xs), side * side)
    return FolderImages(scan, side, x, np.array(ys, dtype=np.int64))


def load_folder(root: str | Path, side: int) -> FolderImages:
    """Every image of the folder, or :class:`DataError` when too few are readable to train on."""
    images = read_images(scan_folder(root), side)
    empty = [c for c, n in zip(images.scan.classes, images.counts()) if n == 0]
    if empty:
        skipped = images.scan.skipped_text()
        raise DataError(f"{quote_path(images.scan.root)}: class folder {quote(empty[0])} has no readable image"
                        + (f" ({skipped})" if skipped else ""))
    return images


def import_folder(root: str | Path, side: int = 16) -> tuple[ImageFolderSpec, FolderImages]:
    """Read ``root`` and return the spec that rebuilds it (classes stored) and what was read."""
    images = load_folder(root, side)
    return ImageFolderSpec(path=str(root), side=side, classes=images.scan.classes), images


_cache: dict[tuple[str, int], tuple[tuple[float, ...], FolderImages]] = {}


def _stamp(root: Path) -> tuple[float, ...]:
    """Modification times of the folder and its class folders: a changed folder is read again."""
    stamps = [root.stat().st_mtime]
    with os.scandir(root) as it:
        stamps += sorted(e.stat().st_mtime for e in it if e.is_dir())
    return tuple(stamps)


def folder_dataset(spec: DataSpec, base_dir: Path | None) -> Dataset:
    """The data set of an ``images`` spec: read (or reused while unchanged), shuffled and split."""
    from playground.core.data.csv_data import resolve_path

    folder = spec.images
    assert folder is not None  # the schema guarantees it
    root = resolve_path(folder.path, base_dir).resolve()
    try:
        stamp = _stamp(root)
    except OSError:
        stamp = ()
    key = (str(root), folder.side)
    cached = _cache.get(key)
    if cached is None or cached[0] != stamp or not stamp:
        _cache.clear()  # one folder at a time: bounded memory
        _cache[key] = (stamp, load_folder(root, folder.side))
    images = _cache[key][1]
    classes = images.scan.classes
    if folder.classes is not None and folder.classes != classes:
        raise DataError(f"{quote_path(root)}: the class folders are now {quote(classes)}, the experiment "
                        f"was made with {quote(folder.classes)}; load the folder again")
    x_train, y_train, x_test, y_test = shuffle_split(images.x, images.y, spec.train_fraction,
                                                     np.random.default_rng(spec.seed))
    return Dataset(task="classification", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test,
                   raw_names=pixel_names(folder.side), class_names=list(classes), image_side=folder.side)
