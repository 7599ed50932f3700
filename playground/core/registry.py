"""The one list of activations, losses, optimizers, inits, norms and devices.

The GUI combo boxes, the experiment schema, the exporters and the code generator all read these
tables, so adding an activation is one line in ``ACTIVATIONS``. torch is imported only where a
module is built: the window reads these tables without paying for ``import torch``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from playground.core.errors import quote

if TYPE_CHECKING:
    import torch
    from torch import nn

Task = Literal["classification", "regression"]
TINY = 1e-300
"""Smallest value a hyper-parameter that must be above 0 takes (lr, eps): below it a spin box (and
JSON written by people) cannot keep the value exactly, and no optimizer step could tell it from 0."""
TASKS: tuple[Task, ...] = ("classification", "regression")


@dataclass(frozen=True)
class HyperParam:
    """A numeric hyper-parameter with its default and valid range (inclusive unless noted)."""

    name: str
    label: str
    default: float | int | bool
    minimum: float = 0.0
    maximum: float = 1e6
    kind: Literal["float", "int", "bool"] = "float"
    log_scale: bool = False
    exclusive_min: bool = False

    def check(self, value: Any) -> float | int | bool:
        """Return ``value`` coerced to this parameter's kind, or raise ``ValueError``."""
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise ValueError(f"{self.name} must be true or false, got {quote(value)}")
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{self.name} must be a number, got {quote(value)}")
        if self.kind == "int":
            if int(value) != value:
                raise ValueError(f"{self.name} must be a whole number, got {quote(value)}")
            value = int(value)
        else:
            value = float(value)
        too_low = value <= self.minimum if self.exclusive_min else value < self.minimum
        if self.exclusive_min and self.minimum == 0 and 0 < value < TINY:
            raise ValueError(f"{self.name} must be 0 < {self.name} ≤ {self.maximum:g} and at least {TINY:g}, "
                             f"got {quote(value)}")
        if too_low or value > self.maximum or value != value:
            low = "(" if self.exclusive_min else "["
            raise ValueError(
                f"{self.name} must be in {low}{self.minimum:g}, {self.maximum:g}], got {quote(value)}"
            )
        return value


@dataclass(frozen=True)
class Entry:
    """A registry row: ``key`` is what files store, ``label`` what users read."""

    key: str
    label: str


E = TypeVar("E", bound=Entry)


class Registry(Generic[E]):
    """An ordered, read-only table of entries looked up by key."""

    def __init__(self, kind: str, entries: list[E]) -> None:
        self.kind = kind
        self._entries = {e.key: e for e in entries}
        if len(self._entries) != len(entries):
            raise ValueError(f"duplicate key in the {kind} registry")

    def __getitem__(self, key: str) -> E:
        try:
            return self._entries[key]
        except KeyError:
            raise KeyError(
                f"unknown {self.kind} {quote(key)}; choose one of: {', '.join(self._entries)}"
            ) from None

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[E]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def keys(self) -> list[str]:
        return list(self._entries)


def _kwargs_code(kwargs: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in kwargs.items())


@dataclass(frozen=True)
class Activation(Entry):
    """An ``nn`` activation module; ``torch_name`` is its class in ``torch.nn``."""

    torch_name: str
    kwargs: dict[str, Any] = field(default_factory=dict)

    def build(self) -> nn.Module:
        from torch import nn

        return getattr(nn, self.torch_name)(**self.kwargs)

    def code(self) -> str:
        return f"nn.{self.torch_name}({_kwargs_code(self.kwargs)})"


ACTIVATIONS: Registry[Activation] = Registry(
    "activation",
    [
        Activation("relu", "ReLU", "ReLU"),
        Activation("leaky_relu", "LeakyReLU", "LeakyReLU", {"negative_slope": 0.01}),
        Activation("elu", "ELU", "ELU"),
        Activation("gelu", "GELU", "GELU"),
        Activation("silu", "SiLU", "SiLU"),
        Activation("tanh", "Tanh", "Tanh"),
        Activation("sigmoid", "Sigmoid", "Sigmoid"),
        Activation("softplus", "Softplus", "Softplus"),
        Activation("identity", "Identity (linear)", "Identity"),
        Activation("softmax", "Softmax (over the layer's units)", "Softmax", {"dim": 1}),
    ],
)


@dataclass(frozen=True)
class Loss(Entry):
    """A loss: which task it serves and what target/output shape it expects.

    ``target`` is ``"index"`` (class indices, one logit per class), ``"binary"`` (one logit,
    float 0/1 targets, two classes only) or ``"value"`` (regression values).
    """

    torch_name: str
    task: Task
    target: Literal["index", "binary", "value"]

    def build(self, reduction: str = "mean") -> nn.Module:
        from torch import nn

        return getattr(nn, self.torch_name)(reduction=reduction)

    def code(self, reduction: str = "mean") -> str:
        return f"nn.{self.torch_name}()" if reduction == "mean" else f"nn.{self.torch_name}(reduction={reduction!r})"


REDUCTIONS = ("mean", "sum")
"""How a loss combines the examples of a batch: ``training.reduction``."""

LOSSES: Registry[Loss] = Registry(
    "loss",
    [
        Loss("cross_entropy", "Cross-entropy", "CrossEntropyLoss", "classification", "index"),
        Loss("bce_with_logits", "Binary cross-entropy (logits)", "BCEWithLogitsLoss",
             "classification", "binary"),
        Loss("mse", "Mean squared error", "MSELoss", "regression", "value"),
        Loss("l1", "Mean absolute error (L1)", "L1Loss", "regression", "value"),
        Loss("huber", "Huber", "HuberLoss", "regression", "value"),
    ],
)

DEFAULT_LOSS: dict[Task, str] = {"classification": "cross_entropy", "regression": "mse"}


def losses_for(task: Task) -> list[Loss]:
    return [loss for loss in LOSSES if loss.task == task]


_LR = HyperParam("lr", "Learning rate", 0.03, 0.0, 10.0, log_scale=True, exclusive_min=True)
"""The one learning-rate range; optimizers differ only in its default (``replace(_LR, default=…)``)."""
_WD = HyperParam("weight_decay", "Weight decay", 0.0, 0.0, 1.0)
_EPS = HyperParam("eps", "Epsilon", 1e-8, 0.0, 1.0, log_scale=True, exclusive_min=True)
_BETA1 = HyperParam("beta1", "β₁", 0.9, 0.0, 0.999999)
_BETA2 = HyperParam("beta2", "β₂", 0.999, 0.0, 0.999999)


@dataclass(frozen=True)
class Optimizer(Entry):
    """A ``torch.optim`` class and its hyper-parameters (``beta1``/``beta2`` form ``betas``)."""

    torch_name: str
    params: tuple[HyperParam, ...]

    def param(self, name: str) -> HyperParam:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(f"optimizer {quote(self.key)} has no hyper-parameter {quote(name)}")

    def defaults(self) -> dict[str, float | int | bool]:
        return {p.name: p.default for p in self.params}

    def torch_kwargs(self, values: dict[str, Any]) -> dict[str, Any]:
        """Keyword arguments for the ``torch.optim`` constructor from flat values."""
        merged = {**self.defaults(), **values}
        kwargs = {k: v for k, v in merged.items() if k not in ("beta1", "beta2")}
        if kwargs.get("nesterov") and not kwargs.get("momentum"):  # same update; torch refuses the pair
            kwargs["nesterov"] = False
        if "beta1" in merged:
            kwargs["betas"] = (merged["beta1"], merged["beta2"])
        return kwargs

    def build(self, parameters: Any, values: dict[str, Any]) -> torch.optim.Optimizer:
        import torch

        return getattr(torch.optim, self.torch_name)(parameters, **self.torch_kwargs(values))

    def code(self, values: dict[str, Any], params_expr: str = "model.parameters()") -> str:
        return f"torch.optim.{self.torch_name}({params_expr}, {_kwargs_code(self.torch_kwargs(values))})"


OPTIMIZERS: Registry[Optimizer] = Registry(
    "optimizer",
    [
        Optimizer("sgd", "SGD", "SGD", (
            _LR,
            HyperParam("momentum", "Momentum", 0.0, 0.0, 0.999999),
            HyperParam("nesterov", "Nesterov", False, kind="bool"),
            _WD,
        )),
        Optimizer("adam", "Adam", "Adam", (
            replace(_LR, default=0.001),
            _BETA1, _BETA2, _EPS, _WD,
        )),
        Optimizer("adamw", "AdamW", "AdamW", (
            replace(_LR, default=0.001),
            _BETA1, _BETA2, _EPS,
            replace(_WD, default=0.01),
        )),
        Optimizer("rmsprop", "RMSprop", "RMSprop", (
            replace(_LR, default=0.01),
            HyperParam("alpha", "Smoothing (α)", 0.99, 0.0, 0.999999),
            _EPS,
            HyperParam("momentum", "Momentum", 0.0, 0.0, 0.999999),
            HyperParam("centered", "Centered", False, kind="bool"),
            _WD,
        )),
        Optimizer("adagrad", "Adagrad", "Adagrad", (
            replace(_LR, default=0.01),
            HyperParam("lr_decay", "Learning-rate decay", 0.0, 0.0, 1.0),
            replace(_EPS, default=1e-10),
            _WD,
        )),
    ],
)


@dataclass(frozen=True)
class Init(Entry):
    """A weight initialisation; ``fn`` is the ``torch.nn.init`` function, ``None`` keeps PyTorch's.

    Biases are zeroed by every init except the default, as textbooks do. ``hidden_only`` inits leave
    the output layer at PyTorch's default when there is a hidden layer (see ``applies_to``).
    """

    fn: str | None
    kwargs: dict[str, Any] = field(default_factory=dict)
    hidden_only: bool = False

    def applies_to(self, index: int, count: int) -> bool:
        """Whether the ``index``-th of ``count`` linear layers gets this init.

        Zeros is ``hidden_only``: zeroing the output layer too would make every hidden weight's
        gradient exactly zero in a tanh or ReLU net (nothing but the output bias could learn), which
        hides the lesson zero init teaches: hidden units that learn, but learn the same thing. A model
        without hidden layers has no symmetry to break, so its one layer starts at zero as in textbooks.
        """
        if self.fn is None:
            return False
        return not (self.hidden_only and count > 1 and index == count - 1)

    def apply(self, linear: nn.Linear) -> None:
        if self.fn is None:
            return
        from torch import nn

        getattr(nn.init, self.fn)(linear.weight, **self.kwargs)
        if linear.bias is not None:
            nn.init.zeros_(linear.bias)

    def code(self, target: str) -> str:
        return f"nn.init.{self.fn}({target}{', ' if self.kwargs else ''}{_kwargs_code(self.kwargs)})"


INITS: Registry[Init] = Registry(
    "init",
    [
        Init("default", "PyTorch default", None),
        Init("xavier_uniform", "Xavier (uniform)", "xavier_uniform_"),
        Init("xavier_normal", "Xavier (normal)", "xavier_normal_"),
        Init("kaiming_uniform", "Kaiming (uniform)", "kaiming_uniform_", {"nonlinearity": "relu"}),
        Init("kaiming_normal", "Kaiming (normal)", "kaiming_normal_", {"nonlinearity": "relu"}),
        Init("zeros", "Zeros for hidden layers (shows the symmetry problem)", "zeros_", hidden_only=True),
    ],
)


@dataclass(frozen=True)
class Norm(Entry):
    """A per-layer normalisation placed after the linear layer, before the activation."""

    torch_name: str | None

    def build(self, units: int) -> nn.Module | None:
        if self.torch_name is None:
            return None
        from torch import nn

        return getattr(nn, self.torch_name)(units)

    def code(self, units: int) -> str | None:
        return None if self.torch_name is None else f"nn.{self.torch_name}({units})"


NORMS: Registry[Norm] = Registry(
    "norm",
    [
        Norm("none", "None", None),
        Norm("batch", "BatchNorm", "BatchNorm1d"),
        Norm("layer", "LayerNorm", "LayerNorm"),
    ],
)

DTYPE_NAMES = ("float32", "float64")


def torch_dtype(name: str) -> torch.dtype:
    """The ``torch.dtype`` of a precision name in files (``float32``/``float64``)."""
    import torch

    if name not in DTYPE_NAMES:
        raise ValueError(f"unknown dtype {quote(name)}; choose one of: {', '.join(DTYPE_NAMES)}")
    return getattr(torch, name)


@dataclass(frozen=True)
class Device(Entry):
    """A device torch can use now; ``key`` is what ``torch.device`` accepts (or ``auto``)."""


def basic_devices() -> list[Device]:
    """The devices every machine has: what the window offers before torch has said more."""
    return [Device("auto", "Auto (best available)"), Device("cpu", "CPU")]


def available_devices() -> list[Device]:
    """``auto``, ``cpu`` and every accelerator torch reports on this machine, by name."""
    import torch

    devices = basic_devices()
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            devices.append(Device(f"cuda:{i}", f"cuda:{i} — {torch.cuda.get_device_name(i)}"))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append(Device("mps", "Apple GPU (mps)"))
    return devices


def resolve_device(key: str) -> torch.device:
    """Turn a device key into a ``torch.device``, refusing ones this machine does not have."""
    import torch

    if key == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda:0")
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    known = [d.key for d in available_devices()]
    if key not in known:
        raise ValueError(f"device {quote(key)} is not available here; available: {', '.join(known)}")
    return torch.device(key)
