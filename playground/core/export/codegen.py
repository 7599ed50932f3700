"""The text of the exported Python script: readable PyTorch that repeats the playground exactly.

Nothing the script computes is a second hand-written copy where a first exists: the data
generators and the split are copied from ``playground/core/data`` by their source (see
``codegen_data``), the network is :func:`model_code`, derived features come from ``DERIVED_CODE``,
and the optimizer, loss and init lines from the registries. The training loop mirrors ``Engine.train_step``
and ``Engine.evaluate`` op for op (float64 preprocessing then a cast, loss then penalty, one
``torch.randperm`` per epoch from its own generator, float64 loss at each epoch end), so on a CPU
the script's loss history equals the engine's.
"""

from __future__ import annotations

import textwrap

import playground
from playground.core.export.codegen_data import RULE, data_section, py_literal
from playground.core.export.source import ExportSource
from playground.core.features import DERIVED_CODE, DERIVED_LABELS
from playground.core.model import model_code
from playground.core.registry import ACTIVATIONS, INITS, LOSSES, OPTIMIZERS


def _doc(text: str) -> str:
    """User text made safe inside a triple-quoted docstring."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _call(prefix: str, call: str, indent: str = "    ") -> str:
    """``prefix + call``, broken after the opening parenthesis when the line would pass 100 characters."""
    if len(indent + prefix + call) <= 100 or "(" not in call:
        return prefix + call
    head, rest = call.split("(", 1)
    return f"{prefix}{head}(\n{indent}    {rest}"


def _floats(values: list[float]) -> str:
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def default_epochs(source: ExportSource) -> int:
    return source.epoch or source.spec.training.epochs or 100


def _shape_text(source: ExportSource) -> str:
    target = source.loss_target
    out = {"index": f"{source.out_dim} logits", "binary": "1 logit", "value": "1 value"}[target]
    hidden = " → ".join(f"{h.units} {ACTIVATIONS[h.activation].torch_name}" for h in source.spec.model.hidden)
    return f"{source.in_dim} inputs → " + (f"{hidden} → " if hidden else "") + out


# --------------------------------------------------------------------------------------------- sections


def header(source: ExportSource, weights_name: str) -> str:
    spec = source.spec
    stem = weights_name.rsplit(".", 1)[0]
    about = textwrap.fill(_doc(spec.description), 96) + "\n\n" if spec.description.strip() else ""
    return f'''"""{_doc(spec.name)} — a network exported from Torch Playground {playground.__version__}.

{about}Plain PyTorch: build_model() is the network built in the playground, preprocess() turns raw
inputs into its inputs, predict() uses the trained weights in {weights_name} (a state_dict saved
beside this file) and train() regenerates the data with the same seeds and repeats the
playground's training loop; on a CPU it reproduces the playground's loss history.

    python {stem}.py          # predictions for the first test points, with the trained weights
    python {stem}.py train    # train from scratch, printing the train loss per epoch
"""'''


def imports(source: ExportSource) -> str:
    kind = source.spec.data.kind
    stdlib = ["import csv", "import io"] if kind == "csv" else ["import gzip"] if kind == "digits" else []
    return "\n".join([*stdlib, "from pathlib import Path", "", "import numpy as np", "import torch",
                      "from torch import nn"])


def constants(source: ExportSource, weights_name: str) -> str:
    spec, ds = source.spec, source.dataset
    lines = [
        f"WEIGHTS = Path(__file__).with_name({py_literal(weights_name)})",
        "# the raw inputs predict() takes, in this order",
        f"INPUTS = {py_literal(list(ds.raw_names))}",
    ]
    if ds.image_side:
        lines[-2:] = ["# the raw inputs: a grey image's pixels in [0, 1], row by row",
                      f"INPUTS = [f\"r{{r}}c{{c}}\" for r in range({ds.image_side}) for c in range({ds.image_side})]"]
    if ds.class_names:
        lines.append(f"CLASSES = {py_literal(list(ds.class_names))}")
    plural = "" if source.epoch == 1 else "s"
    epoch_note = (f"the playground trained this model for {source.epoch} epoch{plural}" if source.epoch
                  else "the experiment's epoch setting")
    lines += [
        f"DTYPE = torch.{spec.training.dtype}",
        f"SEED = {spec.training.seed}  # seeds torch: initial weights, batch order and dropout",
        f"EPOCHS = {default_epochs(source)}  # {epoch_note}",
        f"BATCH_SIZE = {spec.training.batch_size}",
    ]
    t = spec.training
    if t.l1:
        lines.append(f"L1 = {t.l1!r}  # penalty on the absolute weights of the linear layers")
    if t.l2:
        lines.append(f"L2 = {t.l2!r}  # penalty on the squared weights of the linear layers")
    return "\n".join(lines)


def preprocess_section(source: ExportSource) -> str:
    ds = source.dataset
    pre = source.preprocess()
    lines: list[str] = []
    consts = ""
    if ds.derived is not None:
        names = ", ".join(DERIVED_LABELS[d] for d in ds.derived)
        what = f"the derived inputs {names}"
        lines += ["a, b = x[:, 0], x[:, 1]",
                  f"x = torch.stack([{', '.join(DERIVED_CODE[d] for d in ds.derived)}], dim=1)"]
    else:
        what = "the raw inputs"
    side = ds.image_side
    shape = f"``(n, {ds.raw_dim})``"
    if side:
        shape = f"``(n, {side}, {side})`` images"
        what = f"the pixels flattened row by row (``(n, {ds.raw_dim})`` rows also work)"
        lines.insert(0, "x = x.reshape(len(x), -1)  # [N, side, side] images → [N, side * side]")
    if pre.standardize:
        consts = ("# standardisation statistics, one per network input\n"
                  f"MEAN = torch.tensor({_floats(pre.mean.tolist())}, dtype=torch.float64)\n"
                  f"STD = torch.tensor({_floats(pre.std.tolist())}, dtype=torch.float64)\n\n\n")
        lines.append("x = (x - MEAN) / STD")
        what += ", standardised"
    body = "\n    ".join(["x = torch.as_tensor(x, dtype=torch.float64)", *lines, "return x.to(DTYPE)"])
    return f'''{RULE}
# Inputs: what the network sees
{consts}def preprocess(x) -> torch.Tensor:
    """Raw inputs {shape} → network inputs ``(n, {ds.input_dim})``: {what}.

    Computed in float64 then cast to DTYPE, as the playground does.
    """
    {body}'''


def model_section(source: ExportSource, init_name: str | None) -> str:
    spec = source.spec
    code = textwrap.indent(model_code(spec.model, source.in_dim, source.out_dim), "    ").lstrip()
    steps: list[str] = []
    init = INITS[spec.model.init]
    n_linear = len(spec.model.hidden) + 1
    if init.fn is not None and not init.applies_to(n_linear - 1, n_linear):
        steps += ["linears = [module for module in model if isinstance(module, nn.Linear)]",
                  "for module in linears[:-1]:  # the chosen init, hidden layers only; biases start at zero",
                  f"    {init.code('module.weight')}",
                  "    nn.init.zeros_(module.bias)"]
    elif init.fn is not None:
        steps += ["for module in model:  # the chosen initialisation; biases start at zero",
                  "    if isinstance(module, nn.Linear):",
                  f"        {init.code('module.weight')}",
                  "        nn.init.zeros_(module.bias)"]
    steps.append("model = model.to(DTYPE)")
    if init_name is not None:
        steps += [f"start = torch.load(Path(__file__).with_name({py_literal(init_name)}), weights_only=True)",
                  "with torch.no_grad():  # the experiment starts from these weights (warm start)",
                  "    for name, param in model.named_parameters():",
                  "        if name in start:",
                  "            param.copy_(start[name])"]
    init_text = "".join(f"\n    {s}" for s in steps)
    return f'''{RULE}
# Network
def network() -> nn.Sequential:
    """The network built in the playground: {_shape_text(source)}."""
    return {code}


def build_model() -> nn.Sequential:
    """The network with the playground's initial weights (seed torch with SEED first)."""
    model = network(){init_text}
    return model'''


def training_section(source: ExportSource, has_batchnorm: bool) -> str:
    t = source.spec.training
    target = source.loss_target
    if target == "index":
        targets = "return torch.as_tensor(y, dtype=torch.int64)"
        target_doc = "Class indices as int64, as the loss expects."
        eval_y = "y"
    else:
        targets = "return torch.as_tensor(y, dtype=DTYPE).reshape(-1, 1)"
        target_doc = "Targets as a ``(n, 1)`` column, like the network's output."
        eval_y = "y.to(torch.float64)"
    optimizer = OPTIMIZERS[t.optimizer.name].code(t.optimizer.values())
    loss = LOSSES[source.loss_key].code(t.reduction)
    mean_loss = "loss_fn"
    if t.reduction != "mean":
        mean_loss = "mean_loss"
        loss += f"\n    mean_loss = {LOSSES[source.loss_key].code()}  # the loss curve: mean per example"
    penalty_fn = ""
    backward = "loss.backward()"
    if t.l1 or t.l2:
        terms = []
        if t.l1:
            terms.append("            total = total + L1 * module.weight.abs().sum()")
        if t.l2:
            terms.append("            total = total + L2 * module.weight.pow(2).sum()")
        penalty_fn = ('''


def penalty(model: nn.Sequential) -> torch.Tensor:
    """L1/L2 on the weights of the linear layers (biases and norm parameters are not penalised)."""
    total = torch.zeros((), dtype=DTYPE)
    for module in model:
        if isinstance(module, nn.Linear):
''' + "\n".join(terms) + "\n    return total")
        backward = "(loss + penalty(model)).backward()"
    if has_batchnorm:
        loop = '''        start = 0
        while start < n:
            end = start + batch_size
            if n - end == 1:
                end += 1  # BatchNorm cannot train on a batch of one: fold it into this batch
            batch = order[start:end]
            start = end'''
    else:
        loop = '''        for start in range(0, n, batch_size):
            batch = order[start:start + batch_size]'''
    return f'''{RULE}
# Training: the playground's loop, step for step
def targets(y) -> torch.Tensor:
    """{target_doc}"""
    {targets}


def evaluate(model: nn.Sequential, loss_fn: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """The loss over a whole split in eval mode, in float64 as the playground's loss curve."""
    model.eval()
    with torch.no_grad():
        return loss_fn(model(x).to(torch.float64), {eval_y}).item(){penalty_fn}


def train(epochs: int = EPOCHS) -> tuple[nn.Sequential, list[float]]:
    """Train from scratch as the playground does; returns the model and the train loss history.

    history[0] is the loss before training and history[k] the loss after epoch k, on the whole
    training set: the playground's train-loss curve.
    """
    x_train, y_train, _, _ = load_data()
    x, y = preprocess(x_train), targets(y_train)
    torch.manual_seed(SEED)
    model = build_model()
    {_call("optimizer = ", optimizer)}
    loss_fn = {loss}
    shuffle = torch.Generator().manual_seed(SEED)  # the batch order has its own generator
    n = len(x)
    batch_size = min(BATCH_SIZE, n)
    history = [evaluate(model, {mean_loss}, x, y)]
    for _ in range(epochs):
        order = torch.randperm(n, generator=shuffle)
{loop}
            model.train()
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[batch]), y[batch])
            {backward}
            optimizer.step()
        history.append(evaluate(model, {mean_loss}, x, y))
    return model, history'''


def predict_section(source: ExportSource) -> str:
    target = source.loss_target
    out_doc = {"index": "one logit per class (softmax gives probabilities)",
               "binary": "one logit for class 1 (sigmoid gives its probability)",
               "value": "the predicted value"}[target]
    text = f'''{RULE}
# Using the trained network
_trained: nn.Sequential | None = None


def trained_model() -> nn.Sequential:
    """The network with the trained weights from WEIGHTS, in eval mode (loaded once)."""
    global _trained
    if _trained is None:
        model = network().to(DTYPE)
        model.load_state_dict(torch.load(WEIGHTS, weights_only=True))
        _trained = model.eval()
    return _trained


def predict(x) -> torch.Tensor:
    """Outputs ``(n, {source.out_dim})`` for raw inputs ``(n, {source.dataset.raw_dim})``: {out_doc}."""
    with torch.no_grad():
        return trained_model()(preprocess(x))'''
    if target != "value":
        pick = "predict(x).argmax(dim=1)" if target == "index" else "(predict(x)[:, 0] > 0).long()"
        named = source.spec.data.kind in ("csv", "images") and bool(source.dataset.class_names)
        result = f"[CLASSES[i] for i in {pick}.tolist()]" if named else f"{pick}.tolist()"
        what = "class name" if named else "class index"
        text += f'''


def predict_class(x) -> list:
    """The predicted {what} of each raw input."""
    return {result}'''
    return text


def main_section(source: ExportSource) -> str:
    target = source.loss_target
    if target == "value":
        score = ("error = (predict(x_test)[:, 0].double() - torch.as_tensor(y_test)).abs().mean().item()\n"
                 "        print(f\"mean absolute test error: {error:.4f}\")")
    else:
        pick = "predict(x_test).argmax(dim=1)" if target == "index" else "(predict(x_test)[:, 0] > 0).long()"
        score = (f"predicted = {pick}.numpy()\n"
                 "        print(f\"test accuracy: {(predicted == y_test).mean():.3f}\")")
    return f'''if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["train"]:
        _, losses = train()
        for epoch, value in enumerate(losses):
            print(f"epoch {{epoch:5d}}  train loss {{value:.6f}}")
    else:
        _, _, x_test, y_test = load_data()
        if len(x_test) == 0:  # a train share of 100 %
            x_test, y_test = load_data()[:2]
            print("no test points: every point trains; showing training points")
        for x, y, out in zip(x_test[:5], y_test[:5], predict(x_test[:5])):
            print(f"input {{x.tolist()}}  target {{y}}  output {{out.tolist()}}")
        {score}'''


def script(source: ExportSource, weights_name: str, init_name: str | None, has_batchnorm: bool) -> str:
    """The whole script; ``weights_name``/``init_name`` are the sibling files it loads."""
    sections = [
        header(source, weights_name),
        imports(source) + "\n\n" + constants(source, weights_name),
        data_section(source),
        preprocess_section(source),
        model_section(source, init_name),
        training_section(source, has_batchnorm),
        predict_section(source),
        main_section(source),
    ]
    return "\n\n\n".join(s.strip("\n") for s in sections) + "\n"
