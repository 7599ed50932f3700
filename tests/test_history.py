"""The bounded history keeps its shape at any length and never grows past its capacity."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from playground.core.history import History


@given(st.integers(min_value=0, max_value=5000), st.sampled_from([4, 8, 64]))
def test_never_exceeds_capacity_and_keeps_the_first_row(rows, capacity):
    h = History(capacity)
    for i in range(rows):
        h.record(step=i, train_loss=1.0 / (i + 1))
    assert len(h) < capacity
    steps = h.arrays()["step"]
    if rows:
        assert steps[0] == 0
        assert np.all(np.diff(steps) == h.stride)  # evenly spaced after decimation


def test_a_million_records_stay_small():
    h = History(2048)
    for i in range(1_000_000):
        h.record(step=i)
    assert len(h) < 2048 and h.stride == 512
    assert len(h) == math.ceil(1_000_000 / 512)


def test_round_trip_keeps_decimation_phase_and_turns_nan_into_null():
    a = History(8)
    for i in range(21):
        a.record(step=i, test_loss=math.nan)
    data = a.to_dict()
    assert data["columns"]["test_loss"][0] is None
    b = History.from_dict(data, capacity=8)
    for i in range(21, 60):
        a.record(step=i)
        b.record(step=i)
    np.testing.assert_array_equal(a.arrays()["step"], b.arrays()["step"])
