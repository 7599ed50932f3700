"""The diagram's image node: image inputs (64 or 784 pixels) drawn as one picture, not a column of nodes.

Its links to the next layer are one bundle, a link per drawn unit, each standing for that unit's whole
row of weights: grey (a row has no one sign), as wide as the row's norm. Texts use the diagram's
translation context, so they sit beside its other tooltips in the catalogue.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from playground.app.names import indexing_note, layer_name, number

BUNDLE_GREY = (110, 118, 129)
"""An image's bundle links: no sign (each is a whole row of weights), so neither orange nor blue."""
IMAGE_PIXELS = 72
"""Pixels per side the picture is drawn at before the view scales it (blocky, not blurred)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("NetworkDiagram", text)


def image_node_rgba(grey: np.ndarray | None) -> np.ndarray:
    """The picture (``side × side`` grey uint8), each pixel a block, framed in grey; blank without one."""
    grey = grey if grey is not None else np.full((8, 8), 255, dtype=np.uint8)
    scale = max(1, IMAGE_PIXELS // grey.shape[0])
    big = np.repeat(np.repeat(grey, scale, axis=0), scale, axis=1)
    rgba = np.empty((*big.shape, 4), dtype=np.uint8)
    rgba[..., :3] = big[..., None]
    rgba[..., 3] = 255
    rgba[[0, -1], :, :3] = 120
    rgba[:, [0, -1], :3] = 120
    return rgba


def describe_image(side: int, inputs: int, next_layer: str) -> str:
    """The image node's tooltip."""
    return _tr("Image input: {0} × {0} grey pixels, {1} numbers in [0, 1] read row by row (drawn: a training "
               "image). Each unit of {2} weighs every pixel: its weights as a picture are in Images ▸ What "
               "each unit learned.").format(side, inputs, layer_name(next_layer))


def describe_bundle(side: int, layer: str, unit: int, row: np.ndarray) -> str:
    """A bundle link's tooltip: unit ``unit`` of ``layer`` and its row of weights, one per pixel."""
    return "\n".join([
        _tr("image {0}×{0} → {1} · unit {2}").format(side, layer_name(layer), unit),
        _tr("{0} weights w[{1}, 0…{2}], one per pixel").format(len(row), unit, len(row) - 1),
        _tr("size ‖w‖ = {0}, from {1} to {2}").format(number(float(np.linalg.norm(row))), number(float(row.min())),
                                                     number(float(row.max()))),
        _tr("as a picture: Images ▸ What each unit learned"),
        f"({indexing_note()})"])
