"""The big read-out above the plot (epoch, losses, accuracy/R²), readable from the back row.

Four tiles, caption over value, as TensorFlow Playground shows its losses; the values change at
the snapshot rate while the layout never moves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from playground.app.plots.history import fmt
from playground.core.snapshot import Snapshot


class Scoreboard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreboard")
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setVerticalSpacing(0)
        self.captions: list[QLabel] = []
        self.values: list[QLabel] = []
        for column in range(4):
            caption, value = QLabel(), QLabel("–")
            caption.setStyleSheet("color: #57606a;")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value.setFont(font)
            for label in (caption, value):
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(caption, 0, column)
            layout.addWidget(value, 1, column)
            self.captions.append(caption)
            self.values.append(value)
        self._set_captions("accuracy")
        self._metric = "accuracy"

    def _set_captions(self, metric: str) -> None:
        names = (self.tr("Epoch"), self.tr("Test loss"), self.tr("Training loss"),
                 self.tr("Test accuracy") if metric == "accuracy" else self.tr("Test R²"))
        for label, name in zip(self.captions, names):
            label.setText(name)
        tips = {1: self.tr("The mean loss per example over the whole test set, whatever the loss's reduction "
                           "(with reduction = sum, the Maths tab shows the batch's sum)"),
                2: self.tr("The mean loss per example over the whole training set, whatever the loss's "
                           "reduction (with reduction = sum, the Maths tab shows the batch's sum)")}
        for column, tip in tips.items():  # which loss it is: a mean, while Maths may show a batch's sum
            for label in (self.captions[column], self.values[column]):
                label.setToolTip(tip)

    def update(self, snapshot: Snapshot) -> None:  # type: ignore[override] — a view's one entry point
        m = snapshot.metrics
        texts = [f"{snapshot.epoch:,}", "–", "–", "–"]
        if m is not None:
            if m.metric_name != self._metric:
                self._metric = m.metric_name
                self._set_captions(m.metric_name)
            texts[1:] = [fmt(m.test_loss), fmt(m.train_loss), fmt(m.test_metric, m.metric_name == "accuracy")]
        if snapshot.diverged:
            texts[1] = self.tr("diverged")
        for label, text in zip(self.values, texts):
            if label.text() != text:
                label.setText(text)

    def text(self) -> str:
        """Caption: value pairs as one line (tests, accessibility)."""
        return " · ".join(f"{c.text()}: {v.text()}" for c, v in zip(self.captions, self.values))
