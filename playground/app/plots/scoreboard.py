"""The big read-out above the plot (epoch, losses, accuracy/R²), readable from the back row.

Four tiles, caption over value, as TensorFlow Playground shows its losses; the values change at
the snapshot rate while the layout never moves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from playground.app.plots.history import fmt
from playground.core.snapshot import Snapshot

WIDEST_VALUE = "−8.888e-88"
"""The widest text a value tile shows (``fmt`` keeps 4 figures): tiles are sized for it, so a long
loss never spills into its neighbour and the layout never jumps as the numbers change."""
VALUE_SCALE = 1.6
"""Values are this much larger than the window's font when there is room (readable from the back)."""
SMALLEST_CAPTION = 0.75
"""Captions shrink to this fraction of the window's font on a narrow window, values to 1."""


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
            for label in (caption, value):
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(caption, 0, column)
            layout.addWidget(value, 1, column)
            self.captions.append(caption)
            self.values.append(value)
        self._set_captions("accuracy")
        self._metric = "accuracy"

    def _column_space(self) -> float:
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = self.width() - margins.left() - margins.right() - 3 * max(layout.horizontalSpacing(), 0)
        return inner / 4 - 2

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Largest fonts with which the widest value and every caption fit their tile."""
        space = self._column_space()
        base = QFont(self.font())
        value_font = QFont(base)
        value_font.setBold(True)
        wide = QFontMetricsF(value_font).horizontalAdvance(WIDEST_VALUE)
        value_font.setPointSizeF(base.pointSizeF() * max(1.0, min(VALUE_SCALE, space / max(wide, 1.0))))
        caption_font = QFont(base)
        widest = max(QFontMetricsF(base).horizontalAdvance(c.text()) for c in self.captions)
        caption_font.setPointSizeF(base.pointSizeF() * max(SMALLEST_CAPTION, min(1.0, space / max(widest, 1.0))))
        for labels, font in ((self.values, value_font), (self.captions, caption_font)):
            for label in labels:
                if label.font() != font:
                    label.setFont(font)

    def _set_captions(self, metric: str) -> None:
        names = (self.tr("Epoch"), self.tr("Test loss"), self.tr("Training loss"),
                 self.tr("Test accuracy") if metric == "accuracy" else self.tr("Test R²"))
        for label, name in zip(self.captions, names):
            label.setText(name)
        self._fit()
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
