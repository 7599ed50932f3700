"""Activation previews: the function and its derivative over [-4, 4], as PyTorch computes them."""

from __future__ import annotations

import numpy as np
import torch

from playground.core.activation_curves import activation_curves
from playground.core.registry import ACTIVATIONS


def test_every_activation_has_a_curve_and_the_derivatives_are_the_textbook_ones():
    curves = activation_curves()
    assert set(curves) == set(ACTIVATIONS.keys())
    x, y, dy = curves["sigmoid"]
    assert x[0] == -4 and x[-1] == 4 and len(x) == len(y) == len(dy)
    s = 1 / (1 + np.exp(-x))
    np.testing.assert_allclose(y, s, atol=1e-12)
    np.testing.assert_allclose(dy, s * (1 - s), atol=1e-12)
    assert dy.max() <= 0.25 + 1e-12  # the lesson on vanishing gradients leans on this
    _, y, dy = curves["tanh"]
    np.testing.assert_allclose(dy, 1 - np.tanh(x) ** 2, atol=1e-12)
    _, y, dy = curves["relu"]
    np.testing.assert_array_equal(y, np.maximum(x, 0))
    np.testing.assert_array_equal(dy, (x > 0).astype(float))  # PyTorch's slope at 0 is 0
    _, y, dy = curves["leaky_relu"]
    np.testing.assert_allclose(dy, np.where(x > 0, 1.0, 0.01))
    _, y, dy = curves["softmax"]  # against a second unit held at 0: the logistic curve
    np.testing.assert_allclose(y, s, atol=1e-12)
    _, y, _ = curves["gelu"]
    np.testing.assert_allclose(y, torch.nn.functional.gelu(torch.as_tensor(x)).numpy(), atol=1e-12)
