"""Lesson 13 ("Which learning rate?") shows what its text claims when its five rates are compared."""

from __future__ import annotations

import math

import torch

from playground.core.compare import Comparison
from playground.core.lessons import lesson_experiment, lessons

RATES = [0.001, 0.01, 0.1, 1.0, 10.0]
"""The values the lesson's steps tell the learner to type."""


def test_13_compare_finds_too_small_right_and_too_large_rates():
    path, lesson = next((p, lesson) for p, lesson in lessons() if p.name.startswith("13_"))
    assert "0.001, 0.01, 0.1, 1, 10" in lesson.steps[0]
    experiment = lesson_experiment(lesson, path)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        comparison = Comparison(experiment, "lr", RATES, experiment.training.epochs, device="cpu")
        assert comparison.batched  # the text says so
        comparison.train()
    finally:
        torch.set_num_threads(threads)
    rows = {r["value"]: r for r in comparison.rows()}
    acc = {lr: r["test_metric"] for lr, r in rows.items()}
    loss = {lr: r["test_loss"] for lr, r in rows.items()}
    assert acc[0.001] < 0.6  # too small: nothing learned
    assert 0.65 < acc[0.01] < 0.88  # slow
    assert acc[0.1] >= 0.93 and acc[1.0] >= 0.9  # both right
    assert loss[0.1] < loss[1.0]  # but 0.1 is more confident
    assert acc[10.0] < 0.7 and (loss[10.0] > 1.0 or not math.isfinite(loss[10.0]))  # too large
