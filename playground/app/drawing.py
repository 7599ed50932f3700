"""Draw mode: clicks on the boundary view become undoable edits of ``data.added`` / ``data.removed``.

``data.removed`` indexes the *generated* points (train then test, before any edit), while the view
shows the edited set; the mapping between the two is worked out here from the spec alone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from playground.app.document import ExperimentDocument
from playground.app.plots.boundary import BoundaryView
from playground.core.data.build import make_dataset
from playground.core.spec import DataSpec, Experiment, PointSpec


def new_point(data_dim: int, classification: bool, x: float, y: float, label: float) -> PointSpec:
    """2-D data: a point at (x, y) with the chosen label; 1-D regression: the clicked (x, target)."""
    if data_dim == 1:
        return PointSpec(x=[x], y=y)
    value = float(round(label)) if classification else float(label)
    return PointSpec(x=[x, y], y=value)


def generated_sizes(data: DataSpec, base_dir: Path | None) -> tuple[int, int]:
    """Train and test sizes before the user's edits (the space ``data.removed`` indexes)."""
    base = make_dataset(data.model_copy(update={"removed": [], "added": []}), base_dir)
    return len(base.x_train), len(base.x_test)


def remove_shown_point(data: DataSpec, n_train: int, n_test: int, split: str, position: int) -> None:
    """Remove the ``position``-th shown point of ``split`` from ``data`` (in place).

    Shown points are the kept generated ones, then the drawn ones of that split; a drawn point
    leaves ``added``, a generated one joins ``removed``.
    """
    removed = set(data.removed)
    offset, size = (0, n_train) if split == "train" else (n_train, n_test)
    kept = [offset + i for i in range(size) if offset + i not in removed]
    if position < len(kept):
        data.removed = sorted([*data.removed, kept[position]])
        return
    drawn = [k for k, p in enumerate(data.added) if p.split == split]
    k = drawn[position - len(kept)]
    data.added = [p for i, p in enumerate(data.added) if i != k]


class DrawController(QObject):
    """Turns the view's draw requests into document edits (one undo step per click)."""

    def __init__(self, document: ExperimentDocument, view: BoundaryView, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.view = view
        view.pointRequested.connect(self.add)
        view.removeRequested.connect(self.remove)

    def add(self, x: float, y: float) -> bool:
        ds = self.view.dataset
        if ds is None:
            return False
        point = new_point(ds.raw_dim, ds.task == "classification", x, y, self.view.draw_label)

        def mutate(exp: Experiment) -> None:
            exp.data.added = [*exp.data.added, point]
        return self.document.edit(mutate, self.tr("Draw a point"))

    def remove(self, x: float, y: float) -> bool:
        hit = self.view.nearest_point(x, y)
        if hit is None:
            return False
        split, position = hit
        data = self.document.experiment.data
        n_train, n_test = generated_sizes(data, self.document.base_dir)

        def mutate(exp: Experiment) -> None:
            remove_shown_point(exp.data, n_train, n_test, split, position)
        return self.document.edit(mutate, self.tr("Remove a point"))
