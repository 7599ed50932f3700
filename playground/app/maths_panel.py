"""The Maths panel: the next training step, with the real numbers PyTorch computes.

By default it walks the batch Step will train on (all of it; the first rows are shown), so its
"new value" is exactly what Step then sets; samples the user types are walked instead, and the
panel says plainly that they are not the next batch. The numbers come from ``core.step_maths``
through the runner (``controller.call``), so the window never imports torch. The panel asks for
them when it is shown, when training stops or steps, on every edit (a typed weight, the learning
rate, any option: anything on the undo stack) and when the samples change; while training runs it
keeps the last step and says so. Summaries (batch, loss, update rule, silent units) come first.

A click on a gallery image chooses a *test* sample (the field reads "test 123"): the panel then walks
that image's forward pass as the network predicts it (``core.forward_maths``), saying plainly that
it is not a training step.
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from playground.app.names import indexing_note, layer_name, parameter_label
from playground.app.training import TrainingController
from playground.core.errors import quote
from playground.core.maths_types import MAX_SAMPLES, ForwardMaths, ModuleValues, StepMaths
from playground.core.protocol import RemoteError
from playground.core.registry import ACTIVATIONS
from playground.core.remote import FORWARD_MATHS, STEP_MATHS
from playground.core.status import TRAINING

MAX_COLUMNS = 8
"""Units shown per layer; wider layers end with "…" (the numbers are all in the tooltip-free export)."""
MAX_ROWS = 8
"""Rows of a parameter's matrix shown; taller ones end with a "…" row."""
MAX_CLASSES = 10
"""A test image's class probabilities are shown whole up to this many classes (the ten digits)."""


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
        raise ValueError(f"samples are whole numbers separated by commas, not {quote(text)}") from None


TEST_WORD = "test"
"""The field's prefix for test samples (``test 123``); the translated word is understood too."""


def split_test(text: str, word: str = TEST_WORD) -> list[int] | None:
    """``"test 12"`` → ``[12]`` (test samples chosen, e.g. in the gallery); ``None``: training samples."""
    stripped = text.strip()
    for prefix in {TEST_WORD, word}:
        if prefix and stripped.lower().startswith(prefix.lower()):
            return parse_samples(stripped[len(prefix):])
    return None


class MathsPanel(QWidget):
    def __init__(self, controller: TrainingController, document: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mathsPanel")
        self.controller = controller
        self.maths: StepMaths | None = None
        self.forward: ForwardMaths | None = None
        """The forward pass of chosen test samples (a gallery image), when the field names them."""
        self._step_seen = -1
        self._test_split: np.ndarray | None = None
        self.samples = QLineEdit(objectName="mathsSamples")
        self.samples.setPlaceholderText(self.tr("the next batch"))
        self.samples.setToolTip(self.tr("Leave empty to follow the batch the next step trains on; or type "
                                        "training samples to follow instead (indices from 0), at most {0}, "
                                        "separated by commas").format(MAX_SAMPLES)
                                + self.tr("; or “test 12” for test sample 12's forward pass, as a click on an "
                                          "image in Images ▸ Gallery shows it"))
        self.samples.returnPressed.connect(self.refresh)
        self.next_batch = QPushButton(self.tr("Next batch"), objectName="mathsNextBatch")
        self.next_batch.setToolTip(self.tr("Follow the batch the next training step will use"))
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
        self.view.document().setDefaultStyleSheet("td, th { white-space: nowrap; }")  # never "−2.02 / 092"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        controller.statusChanged.connect(self._status_changed)
        controller.datasetChanged.connect(self._dataset_changed)
        controller.built.connect(self._edited)  # bound methods: Qt drops them when this panel is deleted
        if document is not None:  # every edit: a typed weight, the learning rate, any option, a new file
            document.undo_stack.indexChanged.connect(self._edited)
            document.changed.connect(self._edited)
        self._queued = False

    # ------------------------------------------------------------------ when to ask
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._soon()

    def _status_changed(self, status: Any) -> None:
        if status.state == TRAINING:
            self.note.setText(self.tr("Training runs: pause it to follow the current step."))
        elif status.step != self._step_seen:
            self._soon()

    def _dataset_changed(self, dataset: Any) -> None:
        """Test samples chosen in the gallery belong to one test split: another one (a new file, new data)
        sends the panel back to the next batch; a rebuild on the same data keeps them."""
        same = self._test_split is not None and np.array_equal(self._test_split, dataset.x_test)
        self._test_split = dataset.x_test
        try:
            chosen = split_test(self.samples.text(), self.tr("test"))
        except ValueError:
            chosen = None
        if chosen is not None and not same:
            self.samples.clear()
        self._soon()

    def _edited(self, *_args: Any) -> None:
        self._soon()

    def _soon(self) -> None:
        """Refresh once after the current event (an edit's own commands reach the runner first)."""
        if self.isVisible() and not self._queued:
            self._queued = True
            QTimer.singleShot(0, self._queued_refresh)  # never inside another signal: the call waits

    def _queued_refresh(self) -> None:
        self._queued = False
        self.refresh()

    def use_next_batch(self) -> None:
        """Follow the real next batch again (an empty field)."""
        self.samples.clear()
        self.refresh()

    def show_test_image(self, row: int) -> None:
        """A gallery image was clicked: follow test sample ``row``'s forward pass (shown when the tab is)."""
        self.samples.setText(f"{self.tr('test')} {row}")
        self._soon()

    def refresh(self) -> None:
        """Ask the runner for the step on the chosen samples and show it."""
        if self.controller.state == TRAINING or self.controller.dataset is None:
            return
        try:
            tests = split_test(self.samples.text(), self.tr("test"))
        except ValueError as exc:
            self.note.setText(str(exc))
            return
        if tests is not None:
            self._refresh_forward(tests)
            return
        self.forward = None
        try:
            chosen = parse_samples(self.samples.text()) or None
            self.maths = self.controller.call(STEP_MATHS, chosen)
        except (ValueError, RemoteError) as exc:
            self.note.setText(str(exc))
            return
        self._step_seen = self.controller.status.step
        self.note.setText(self.describe(self.maths))
        self.view.setHtml(self.html(self.maths))

    def _refresh_forward(self, rows: list[int]) -> None:
        try:
            self.forward = self.controller.call(FORWARD_MATHS, rows)
        except (ValueError, RemoteError) as exc:
            self.note.setText(str(exc))
            return
        self._step_seen = self.controller.status.step
        self.note.setText(self.describe_forward(self.forward))
        self.view.setHtml(self.forward_html(self.forward))

    def _class(self, f: ForwardMaths, k: int) -> str:
        return f.class_names[k] if 0 <= k < len(f.class_names) else str(k)

    def describe_forward(self, f: ForwardMaths) -> str:
        """Which test samples, and that this is a prediction, not the step Step takes."""
        if len(f.samples) == 1 and f.predicted:
            what = self.tr("Test image {0} (true {1}, predicted {2})").format(
                f.samples[0], self._class(f, int(f.targets[0])), self._class(f, f.predicted[0]))
        else:
            what = self.tr("Test samples {0}").format(", ".join(map(str, f.samples)))
        return self.tr("{0}, chosen by you: its forward pass as the network predicts it after step {1} "
                       "(evaluation mode). Test samples are never trained on, so this is not what Step "
                       "does; press Next batch to follow the next step.").format(what, f.step)

    def describe(self, m: StepMaths) -> str:
        """Which step and which samples, in one sentence; chosen samples are said not to be the batch."""
        shown = ", ".join(map(str, m.samples))
        if m.next_batch:
            if m.batch_size > len(m.samples):
                where = self.tr("Step {0} on the next batch: {1} samples, the first {2} shown ({3}).").format(
                    m.step, m.batch_size, len(m.samples), shown)
            else:
                where = self.tr("Step {0} on the next batch: samples {1}.").format(m.step, shown)
            return where + " " + self.tr("This is exactly what Step will do; nothing is trained until you "
                                         "press Step or Train.")
        upcoming = ", ".join(map(str, m.upcoming)) + (", …" if m.upcoming else "")
        return self.tr("Step {0} on samples you chose ({1}), not on the next batch: Step will train on "
                       "{2}. Press Next batch to follow it.").format(m.step, shown, upcoming)

    # ------------------------------------------------------------------ drawing
    def _table(self, rows: list[str], head: list[str], values: np.ndarray, columns: int = MAX_COLUMNS) -> str:
        values = np.atleast_2d(values)
        cols = min(values.shape[1], columns)
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
             "targets": self.tr("Targets y"), "loss": self.tr("Loss"),
             "backward": self.tr("Backward pass"), "update": self.tr("Update"), "silent": self.tr("Silent units")}
        out = self._summary(m)
        out += [f"<h3>{h['forward']}</h3>"]
        if m.batch_size > len(m.samples):
            out.append("<p><i>" + html.escape(self.tr(
                "The first {0} of the batch's {1} samples are shown; the loss, the gradients and the update "
                "are the whole batch's.").format(len(m.samples), m.batch_size)) + "</i></p>")
        out += [f"<p>{h['inputs']}</p>", self._table(names, m.input_names, m.inputs),
                f"<p>{h['targets']}: {', '.join(number(v) for v in m.targets)}</p>"]
        out += self._modules(names, m.modules, m.output_function)
        if m.probabilities is not None:
            label = self.tr("softmax (inside the loss): probabilities") if m.output_function == "softmax" \
                else self.tr("sigmoid (inside the loss): probability of class 1")
            out += [f"<p><b>{label}</b></p>",
                    self._table(names, [str(k) for k in range(m.probabilities.shape[1])], m.probabilities)]
        out += [f"<h3>{h['loss']}</h3>",
                f"<p><code>nn.{m.loss_name}(reduction='{m.reduction}')</code></p>",
                self._table(names, [self.tr("loss per sample")], m.per_sample_loss[:, None]),
                f"<p>{self._loss_sentence(m)}</p>",
                f"<h3>{h['backward']}</h3>", f"<p>{html.escape(self.tr('dL/d(output)'))}</p>",
                self._table(names, [str(k) for k in range(m.d_output.shape[1])], m.d_output),
                f"<h3>{h['update']}</h3>", f"<p>{self._rule(m)}</p>"]
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
        return "".join(out)

    def _modules(self, names: list[str], modules: list[ModuleValues], output_function: str | None,
                 evaluation: bool = False) -> list[str]:
        """Each module's output per sample: pre-activations, activations, norms, dropout."""
        out: list[str] = []
        for module in modules:
            units = [str(k) for k in range(module.values.shape[1])]
            if module.kind == "linear":
                if module.layer != "output":
                    what = self.tr("pre-activation z = x·Wᵀ + b")
                elif output_function is None:
                    what = self.tr("output ŷ (the prediction)")
                else:
                    what = self.tr("output (logits)")
            elif module.kind == "activation":
                what = self.tr("activation a = {0}(z)").format(self._activation_name(module.code))
            elif module.kind == "norm":
                what = self.tr("normalised")
            elif evaluation:
                what = self.tr("dropout: off when predicting (evaluation mode)")
            else:
                what = self.tr("after dropout (training mode)")
            out += [f"<p><b>{html.escape(layer_name(module.layer))}</b> · <code>{html.escape(module.code)}</code>"
                    f" → {what}</p>", self._table(names, units, module.values)]
        return out

    def forward_html(self, f: ForwardMaths) -> str:
        """A test image's forward pass: its pixels, each layer, the probabilities (the gallery's bars)."""
        names = [self.tr("test {0}").format(s) for s in f.samples]
        out = [f"<h3>{html.escape(self.tr('Forward pass'))}</h3>"]
        if f.image_side is not None and len(f.samples) == 1:
            side = f.image_side
            pixels = f.inputs[0].reshape(side, side)
            caption = self.tr("Inputs x: the image's {0} × {0} pixels, row r and column c is x[{0}·r + c]")
            out += [f"<p>{html.escape(caption.format(side))}</p>",
                    self._table([str(r) for r in range(side)], [str(c) for c in range(side)], pixels)]
        else:
            out += [f"<p>{html.escape(self.tr('Inputs x, as the network reads them'))}</p>",
                    self._table(names, f.input_names, f.inputs)]
        if f.class_names:
            truth = self.tr("True class: {0}").format(", ".join(self._class(f, int(t)) for t in f.targets))
            out.append(f"<p>{html.escape(truth)}</p>")
        out += self._modules(names, f.modules, f.output_function, evaluation=True)
        if f.probabilities is not None:
            softmax = f.output_function == "softmax"
            label = self.tr("softmax: the class probabilities") if softmax \
                else self.tr("sigmoid: probability of class 1")
            columns = f.probabilities.shape[1]
            head = f.class_names if softmax and len(f.class_names) == columns else [str(k) for k in range(columns)]
            out += [f"<p><b>{html.escape(label)}</b></p>", self._table(names, head, f.probabilities, MAX_CLASSES)]
            if f.predicted:
                predicted = ", ".join(self._class(f, k) for k in f.predicted)
                out.append("<p>" + html.escape(self.tr("Predicted: {0}").format(predicted)) + "</p>")
        out.append(f"<p><i>{html.escape(indexing_note())}</i></p>")
        return "".join(out)

    def _loss_sentence(self, m: StepMaths) -> str:
        """The batch loss, saying which reduction it is and how it relates to the scoreboard's mean."""
        if m.reduction == "sum":
            text = self.tr("batch loss = sum over the batch (n = {0}) = <b>{1}</b> (the scoreboard and the loss "
                           "curves show means per sample: {1} / {0} = {2})").format(
                m.batch_size, number(m.loss), number(m.loss / max(m.batch_size, 1)))
        else:
            text = self.tr("batch loss = mean over the batch (n = {0}) = <b>{1}</b> (the scoreboard and the loss "
                           "curves show the same mean over the whole set)").format(m.batch_size, number(m.loss))
        if m.penalty:
            text += " &nbsp; + " + self.tr("L1/L2 penalty {0}").format(number(m.penalty))
        return text

    def _rule(self, m: StepMaths) -> str:
        return (f"{html.escape(m.optimizer)}: <code>{html.escape(m.rule)}</code>, "
                + ", ".join(f"{html.escape(k)} = {number(v)}" for k, v in m.hyper.items()
                            if not isinstance(v, bool)))

    def _summary(self, m: StepMaths) -> list[str]:
        """What a reader wants before the tables: the batch, the loss, the rule, the biggest change,
        and units that no longer learn."""
        items = [self._loss_sentence(m), self._rule(m)]
        biggest = max(((float(np.abs(p.update).max()), p) for p in m.parameters if p.update.size),
                      key=lambda t: t[0], default=None)
        if biggest is not None and biggest[0] > 0:
            p = biggest[1]
            where = np.unravel_index(int(np.abs(p.update).argmax()), p.update.shape)
            index = ", ".join(str(int(i)) for i in where)
            items.append(html.escape(self.tr("largest change: {0}[{1}] by {2}").format(
                p.name, index, number(p.update[where]))))
        if m.dead_units:
            dead = "; ".join(self.tr("{0}: {1} of {2} units output 0 for every training example")
                             .format(layer_name(layer), n, total) for layer, n, total in m.dead_units)
            items.append(f"<span style='color:#cf222e'><b>{self.tr('Silent units')}</b>: {html.escape(dead)}</span>")
        items.append(f"<i>{html.escape(indexing_note())}</i>")
        return [f"<h3>{self.tr('Summary')}</h3><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"]

    @staticmethod
    def _activation_name(code: str) -> str:
        for entry in ACTIVATIONS:
            if code == entry.code():
                return entry.torch_name
        return code
