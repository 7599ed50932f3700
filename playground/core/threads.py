"""How many CPU threads torch uses for an engine.

Small networks train many times faster on one intra-op thread: with more, torch spends each step
waking threads for a few hundred multiply-adds (measured for XOR on 2 cores: 111 steps/s with two
threads, 1,600 with one). Big batches of wide layers do need the threads, so they keep the default.
"""

from __future__ import annotations

import torch

from playground.core.engine import Engine

SMALL_WORK = 1 << 16
"""batch size × widest layer below which one thread is faster."""
BIG_STEP = 1_000_000
"""Multiply-adds per step above which the threads pay off even for a small batch (deep, wide nets)."""

DEFAULT_THREADS = torch.get_num_threads()


def threads_for(engine: Engine) -> int:
    widest = max([layer.units for layer in engine.spec.model.hidden] + [engine.dataset.input_dim])
    small = engine.batch_size * widest < SMALL_WORK and engine.batch_size * engine.macs < BIG_STEP
    return 1 if small else DEFAULT_THREADS


def configure_threads(engine: Engine) -> None:
    """Set torch's intra-op thread count for training ``engine`` (CPU only; a global setting)."""
    if engine.device.type != "cpu":
        return
    wanted = threads_for(engine)
    if torch.get_num_threads() != wanted:
        torch.set_num_threads(wanted)
