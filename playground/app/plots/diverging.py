"""The diverging colour map every inside-the-network view shares: orange below zero, blue above.

TensorFlow Playground's convention (negative orange, positive blue, white at zero), as a 256-entry
RGBA lookup table so a whole heat map is coloured by one numpy ``take``.
"""

from __future__ import annotations

import numpy as np

NEGATIVE = np.array([245, 147, 34], dtype=np.float64)
ZERO = np.array([250, 250, 250], dtype=np.float64)
POSITIVE = np.array([8, 119, 189], dtype=np.float64)


def _table() -> np.ndarray:
    t = np.linspace(-1.0, 1.0, 256)[:, None]
    rgb = np.where(t < 0, ZERO + (NEGATIVE - ZERO) * -t, ZERO + (POSITIVE - ZERO) * t)
    lut = np.empty((256, 4), dtype=np.uint8)
    lut[:, :3] = np.clip(rgb, 0, 255).round().astype(np.uint8)
    lut[:, 3] = 255
    return lut


LUT = _table()


def colorize(values: np.ndarray, limit: float) -> np.ndarray:
    """Values in ``[-limit, limit]`` → RGBA bytes (NaN and ±inf clip to the ends, NaN to white)."""
    limit = limit if np.isfinite(limit) and limit > 0 else 1.0
    scaled = np.nan_to_num(values / limit, nan=0.0, posinf=1.0, neginf=-1.0)
    index = np.clip(((scaled + 1.0) * 127.5).astype(np.int32), 0, 255)
    return LUT[index]


def symmetric_limit(values: np.ndarray, floor: float = 1e-12) -> float:
    """The largest finite magnitude (the colour scale a centred map needs)."""
    finite = np.abs(values[np.isfinite(values)])
    return max(float(finite.max()), floor) if finite.size else 1.0


def hex_color(value: float, limit: float) -> str:
    r, g, b, _ = colorize(np.array([value]), limit)[0]
    return f"#{r:02x}{g:02x}{b:02x}"
