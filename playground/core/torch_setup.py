"""Keep torch's compiler (dynamo) out of a process that never compiles.

Every ``torch.optim`` optimizer wraps its methods in ``torch._disable_dynamo``, which imports
``torch._dynamo`` on first call: 2–3 s added to building the first engine (measured: 2.4 s after a
1.4 s ``import torch`` on these 2-core machines) and a dynamo "disable" wrapper around every step.
Nothing here uses ``torch.compile``, so for functions of ``torch.optim`` only, the lazy wrapper is
told that its "disabled" version is the function itself: the same code runs, minus the import and
the wrapper. If torch changes these internals, nothing is patched and torch behaves as shipped.
"""

from __future__ import annotations

import gc
import sys
import types


def skip_dynamo_for_optimizers() -> int:
    """Pre-answer ``_disable_dynamo``'s lazy lookup for ``torch.optim``; returns how many functions."""
    if "torch._dynamo" in sys.modules:
        return 0  # already paid for (or in use): leave torch as it is
    import torch._compile

    inner = next((c for c in torch._compile._disable_dynamo.__code__.co_consts
                  if isinstance(c, types.CodeType) and c.co_name == "inner"), None)
    if inner is None or "fn" not in inner.co_freevars:
        return 0
    slot = inner.co_freevars.index("fn")
    patched = 0
    for obj in gc.get_objects():
        if type(obj) is not types.FunctionType or obj.__code__ is not inner or obj.__closure__ is None:
            continue
        fn = obj.__closure__[slot].cell_contents
        if getattr(fn, "__module__", "").startswith("torch.optim") and not hasattr(fn, "__dynamo_disable"):
            fn.__dynamo_disable = fn
            patched += 1
    return patched
