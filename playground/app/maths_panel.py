"""The Maths panel: one training step on up to four samples, with the real numbers PyTorch computes.

The numbers come from ``core.step_maths`` through the runner (``controller.call``), so the window
never imports torch. The panel asks for them when it is shown, when training stops or steps, and
when the samples change; while training runs it keeps the last step and says so.
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from playground.app.names import layer_name, parameter_label
from playground.app.training import TrainingController
from playground.core.maths_types import MAX_SAMPLES, StepMaths
from playground.core.protocol import RemoteError
from playground.core.registry import ACTIVATIONS
from playground.core.remote import NEXT_BATCH, STEP_MATHS
from playground.core.status import TRAINING

MAX_COLUMNS = 8
"""Units shown per layer; wider layers end with "…" (the numbers are all in the tooltip-free export)."""
MAX_ROWS = 8
"""Rows of a parameter's matrix shown; taller ones end with a "…" row."""


def number(value: float) -> str:
    """Six significant digits, as a calculator shows them; −0 is 0."""
    value = float(value)
    return "0" if value == 0 else f"{value:.6g}".replace("-", "−")


def parse_samples(text: str) -> list[int]:
    """``"0, 1, 3"`` → ``[0, 1, 3]``; raises ``ValueError`` with a sentence."""
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
    try:
        return [int(p) for p in parts]
    except ValueError:
        raise ValueError(f"samples are whole numbers separated by commas, not {text!r}") from None


class MathsPanel(QWidget):
    def __init__(self, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mathsPanel")
        self.controller = controller
        self.maths: StepMaths | None = None
        self._step_seen = -1
        self.samples = QLineEdit(objectName="mathsSamples")
        self.samples.setPlaceholderText(self.tr("first {0}").format(MAX_SAMPLES))
        self.samples.setToolTip(self.tr("Training samples to follow (indices from 0), at most {0}, "
                                        "separated by commas").format(MAX_SAMPLES))
        self.samples.returnPressed.connect(self.refresh)
        self.next_batch = QPushButton(self.tr("Next batch"), objectName="mathsNextBatch")
        self.next_batch.setToolTip(self.tr("The samples the next training step will use (at most {0})")
                                   .format(MAX_SAMPLES))
        self.next_batch.clicked.connect(self.use_next_batch)
        self.refresh_button = QPushButton(self.tr("Show"), objectName="mathsRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Samples:")))
        row.addWidget(self.samples, 1)
        row.addWidget(self.next_batch)
        row.addWidget(self.refresh_button)
        self.note = QLabel(objectName="mathsNote")
        self.note.setWordWrap(True)
        self.view = QTextBrowser(objectName="mathsView")
        self.view.document().setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        controller.statusChanged.connect(self._status_changed)
        controller.datasetChanged.connect(lambda _ds: self._soon())

    # ------------------------------------------------------------------ when to ask
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._soon()

    def _status_changed(self, status: Any) -> None:
        if status.state == TRAINING:
            self.note.setText(self.tr("Training runs: pause it to follow the current step."))
        elif status.step != self._step_seen:
            self._soon()

    def _soon(self) -> None:
        if self.isVisible():
            QTimer.singleShot(0, self.refresh)  # never inside another signal: the call waits for the runner

    def use_next_batch(self) -> None:
        try:
            batch = self.controller.call(NEXT_BATCH)
        except RemoteError as exc:  # an error, a timeout or a dead runner
            self.note.setText(str(exc))
            return
        self.samples.setText(", ".join(str(i) for i in batch))
        self.refresh()

    def refresh(self) -> None:
        """Ask the runner for the step on the chosen samples and show it."""
        if self.controller.state == TRAINING or self.controller.dataset is None:
            return
        try:
            chosen = parse_samples(self.samples.text()) or None
            self.maths = self.controller.call(STEP_MATHS, chosen)
        except (ValueError, RemoteError) as exc:
            self.note.setText(str(exc))
            return
        self._step_seen = self.controller.status.step
        self.note.setText(self.tr("Step {0} on samples {1}: nothing is trained until you press Step or Train.")
                          .format(self._step_seen + 1, ", ".join(map(str, self.maths.samples))))
        self.view.setHtml(self.html(self.maths))

    # ------------------------------------------------------------------ drawing
    def _table(self, rows: list[str], head: list[str], values: np.ndarray) -> str:
        values = np.atleast_2d(values)
        cols = min(values.shape[1], MAX_COLUMNS)
        more = values.shape[1] > cols
        th = "".join(f"<th>{html.escape(h)}</th>" for h in ["", *head[:cols]]) + ("<th>…</th>" if more else "")
        body = ""
        for name, row in zip(rows[:MAX_ROWS], values[:MAX_ROWS]):
            cells = "".join(f"<td align='right'>{number(v)}</td>" for v in row[:cols])
            body += f"<tr><th align='left'>{html.escape(name)}</th>{cells}{'<td>…</td>' if more else ''}</tr>"
        if len(rows) > MAX_ROWS:
            body += "<tr><th align='left'>…</th>" + "<td>…</td>" * (cols + more) + "</tr>"
        return (f"<table cellspacing='0' cellpadding='3' border='1' style='border-color:#d0d7de'>"
                f"<tr style='background:#f6f8fa'>{th}</tr>{body}</table>")

    def html(self, m: StepMaths) -> str:
        names = [self.tr("sample {0}").format(s) for s in m.samples]
        h = {"forward": self.tr("Forward pass"), "inputs": self.tr("Inputs x, as the network reads them"),
             "targets": self.tr("Targets y"), "loss": self.tr("Loss"), "batch": self.tr("batch loss"),
             "mean": self.tr("mean"), "sum": self.tr("sum"), "penalty": self.tr("L1/L2 penalty"),
             "backward": self.tr("Backward pass"), "update": self.tr("Update"), "silent": self.tr("Silent units")}
        out = [f"<h3>{h['forward']}</h3>", f"<p>{h['inputs']}</p>",
               self._table(names, m.input_names, m.inputs),
               f"<p>{h['targets']}: {', '.join(number(v) for v in m.targets)}</p>"]
        for module in m.modules:
            units = [str(k) for k in range(module.values.shape[1])]
            if module.kind == "linear":
                output = module.layer == "output"
                what = self.tr("output (logits)") if output else self.tr("pre-activation z = x·Wᵀ + b")
            elif module.kind == "activation":
                what = self.tr("activation a = {0}(z)").format(self._activation_name(module.code))
            elif module.kind == "norm":
                what = self.tr("normalised")
            else:
                what = self.tr("after dropout (training mode)")
            out += [f"<p><b>{html.escape(layer_name(module.layer))}</b> · <code>{html.escape(module.code)}</code>"
                    f" → {what}</p>", self._table(names, units, module.values)]
        if m.probabilities is not None:
            label = self.tr("softmax (inside the loss): probabilities") if m.output_function == "softmax" \
                else self.tr("sigmoid (inside the loss): probability of class 1")
            out += [f"<p><b>{label}</b></p>",
                    self._table(names, [str(k) for k in range(m.probabilities.shape[1])], m.probabilities)]
        out += [f"<h3>{h['loss']}</h3>",
                f"<p><code>nn.{m.loss_name}(reduction='{m.reduction}')</code></p>",
                self._table(names, [self.tr("loss per sample")], m.per_sample_loss[:, None]),
                f"<p>{h['batch']} = {h[m.reduction]} = "
                f"<b>{number(m.loss)}</b>"
                + (f" &nbsp; + {h['penalty']} {number(m.penalty)}" if m.penalty else "") + "</p>",
                f"<h3>{h['backward']}</h3>", "<p>dL/d(output)</p>",
                self._table(names, [str(k) for k in range(m.d_output.shape[1])], m.d_output),
                f"<h3>{h['update']}</h3>",
                f"<p>{html.escape(m.optimizer)}: <code>{html.escape(m.rule)}</code>, "
                + ", ".join(f"{html.escape(k)} = {number(v)}" for k, v in m.hyper.items()
                            if not isinstance(v, bool)) + "</p>"]
        for p in m.parameters:
            shape = p.shape
            matrix = len(shape) == 2
            rows = [str(k) for k in range(shape[0])] if matrix else ["·"]
            head = [str(k) for k in range(shape[1] if matrix else shape[0])]
            out.append(f"<p><b>{html.escape(p.name)}</b> ({html.escape(parameter_label(p.label))}) "
                       f"{list(shape)}</p>")
            for title, values in ((self.tr("value w"), p.before), (self.tr("gradient g = dL/dw"), p.grad),
                                  (self.tr("update Δw"), p.update), (self.tr("new value"), p.after)):
                out += [f"<p><i>{title}</i></p>", self._table(rows, head, values if matrix else values[None, :])]
        if m.dead_units:
            dead = "; ".join(self.tr("{0}: {1} of {2} units output 0 for every training example")
                             .format(layer_name(layer), n, total) for layer, n, total in m.dead_units)
            out.append(f"<p style='color:#cf222e'><b>{h['silent']}</b>: {html.escape(dead)}</p>")
        return "".join(out)

    @staticmethod
    def _activation_name(code: str) -> str:
        for entry in ACTIVATIONS:
            if code == entry.code():
                return entry.torch_name
        return code
