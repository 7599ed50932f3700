"""Synthetic data sets: TFP's numbers, determinism, splits, derived inputs and the user's edits."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.core.data import make_dataset
from playground.core.data.synthetic import GENERATORS, gaussian_label, generate
from playground.core.spec import (
    CLASSIFICATION_KINDS,
    DERIVED_FEATURES,
    ONE_D_KINDS,
    SYNTHETIC_KINDS,
    DataSpec,
    PointSpec,
)


def raw(kind: str, samples: int = 400, noise: float = 0.0, seed: int = 0, classes: int | None = None):
    return generate(kind, samples, noise, np.random.default_rng(seed), classes)


def all_x(d):
    return np.concatenate([d.x_train, d.x_test])


def all_y(d):
    return np.concatenate([d.y_train, d.y_test])


def test_every_spec_kind_has_a_generator():
    assert set(GENERATORS) == set(SYNTHETIC_KINDS)


@pytest.mark.parametrize("kind", SYNTHETIC_KINDS)
def test_same_seed_same_data_other_seed_other_data(kind):
    a = make_dataset(DataSpec(kind=kind, noise=0.2, seed=3))
    b = make_dataset(DataSpec(kind=kind, noise=0.2, seed=3))
    c = make_dataset(DataSpec(kind=kind, noise=0.2, seed=4))
    np.testing.assert_array_equal(a.x_train, b.x_train)
    np.testing.assert_array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.x_train, c.x_train)


@pytest.mark.parametrize("kind", SYNTHETIC_KINDS)
def test_sizes_split_and_types(kind):
    d = make_dataset(DataSpec(kind=kind, samples=301, train_fraction=0.3, noise=0.1))
    assert len(d.x_train) == round(301 * 0.3) == 90
    assert len(d.x_test) == 211
    assert len(d.y_train) == 90 and len(d.y_test) == 211
    one_d = kind in ONE_D_KINDS
    assert d.raw_dim == (1 if one_d else 2)
    assert d.raw_names == (["x"] if one_d else ["x1", "x2"])
    assert d.x_train.dtype == np.float64
    if kind in CLASSIFICATION_KINDS:
        assert d.task == "classification"
        assert d.y_train.dtype == np.int64
        k = 3 if kind in ("blobs", "spiral_k") else 2
        assert d.class_names == [f"class {i}" for i in range(k)]
        assert set(np.unique(all_y(d))) == set(range(k))
    else:
        assert d.task == "regression"
        assert d.y_train.dtype == np.float64
        assert d.class_names is None


def test_split_is_a_shuffle_of_the_generated_points():
    d = make_dataset(DataSpec(kind="spiral", samples=200, seed=7))
    x, _ = raw("spiral", 200)
    got = sorted(map(tuple, all_x(d)))
    assert got == sorted(map(tuple, x))
    # shuffled: the train split is not just the first arm
    assert 0 < d.y_train.mean() < 1


@pytest.mark.parametrize("kind", [k for k in SYNTHETIC_KINDS if k not in ONE_D_KINDS])
def test_2d_kinds_use_derived_features_and_tfp_window(kind):
    feats = list(DERIVED_FEATURES)
    d = make_dataset(DataSpec(kind=kind, features=feats))
    assert d.derived == feats
    assert d.extent == (-6, 6, -6, 6)
    out = d.preprocess()(torch.tensor(d.x_train))
    assert out.shape == (len(d.x_train), len(feats))
    a, b = d.x_train[:, 0], d.x_train[:, 1]
    np.testing.assert_allclose(out[:, 4].numpy(), a * b)
    np.testing.assert_allclose(out[:, 6].numpy(), np.sin(b))


@pytest.mark.parametrize("kind", ONE_D_KINDS)
def test_1d_kinds_pass_raw_input_and_window_covers_targets(kind):
    d = make_dataset(DataSpec(kind=kind, noise=0.3, features=["x1_sq"]))
    assert d.derived is None
    assert d.input_dim == 1
    assert d.preprocess()(torch.tensor(d.x_train)).shape == (len(d.x_train), 1)
    xmin, xmax, ymin, ymax = d.extent
    assert (xmin, xmax) == (-6, 6)
    y = all_y(d)
    assert ymin < y.min() and y.max() < ymax
    assert np.all(np.abs(all_x(d)) <= 5)


def test_circle_labels_follow_tfp_at_noise_zero():
    x, y = raw("circle", 1000)
    r = np.hypot(x[:, 0], x[:, 1])
    assert (y == 1).sum() == 500 and (y == 0).sum() == 500
    assert np.all(r[y == 1] <= 2.5)
    assert np.all((r[y == 0] >= 3.5) & (r[y == 0] <= 5))


def test_circle_noise_labels_the_noisy_point_but_stores_the_clean_one():
    x, y = raw("circle", 2000, noise=0.5)
    r = np.hypot(x[:, 0], x[:, 1])
    assert np.all(r <= 5)  # stored points keep TFP's radii
    assert np.any((r > 3.5) & (y == 1))  # noise moved some labels across
    assert np.any((r < 2.5) & (y == 0))


def test_xor_padding_and_labels_at_noise_zero():
    x, y = raw("xor", 1000)
    assert np.all(np.abs(x) >= 0.3) and np.all(np.abs(x) <= 5.3)
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] >= 0).astype(int))


def test_xor_noise_flips_some_labels():
    x, y = raw("xor", 2000, noise=0.5)
    clean = (x[:, 0] * x[:, 1] >= 0).astype(int)
    assert 0 < (y != clean).mean() < 0.5


def test_gauss_centres_and_variance():
    x, y = raw("gauss", 4000)
    np.testing.assert_allclose(x[y == 1].mean(axis=0), [2, 2], atol=0.1)
    np.testing.assert_allclose(x[y == 0].mean(axis=0), [-2, -2], atol=0.1)
    # noise 0 → variance 0.5; noise 0.5 → variance 4 (TFP's linear scale)
    assert x[y == 1].var(axis=0) == pytest.approx([0.5, 0.5], rel=0.1)
    x, y = raw("gauss", 4000, noise=0.5)
    assert x[y == 1].var(axis=0) == pytest.approx([4, 4], rel=0.1)


def test_spiral_follows_tfp_formula_at_noise_zero():
    x, y = raw("spiral", 200)
    assert np.all(np.hypot(x[:, 0], x[:, 1]) < 5)
    pos = x[y == 1]
    i = 37
    r, t = i / 100 * 5, 1.75 * i / 100 * 2 * np.pi
    np.testing.assert_allclose(pos[i], [r * np.sin(t), r * np.cos(t)])
    np.testing.assert_allclose(x[y == 0], -pos, atol=1e-12)  # the other arm is turned by π


def test_spiral_noise_is_bounded_by_the_noise_level():
    clean, _ = raw("spiral", 200)
    noisy, _ = raw("spiral", 200, noise=0.4)
    assert np.all(np.abs(noisy - clean) <= 0.4)
    assert np.abs(noisy - clean).max() > 0.3


def test_moons_fit_window_and_interleave():
    x, y = raw("moons", 1000)
    assert np.all(np.abs(x) <= 5)
    upper, lower = x[y == 0], x[y == 1]
    assert upper[:, 1].mean() > lower[:, 1].mean()
    assert upper[:, 0].min() < lower[:, 0].min() and lower[:, 0].max() > upper[:, 0].max()


def test_checkerboard_parity():
    x, y = raw("checkerboard", 2000)
    assert np.all(np.abs(x) <= 5)
    cell = np.floor(x / 2.5).astype(int)
    np.testing.assert_array_equal(y, (cell[:, 0] + cell[:, 1]) % 2)
    assert 0.4 < y.mean() < 0.6


@pytest.mark.parametrize("k", [2, 3, 5, 10])
def test_blobs_k_classes_on_radius_three(k):
    x, y = raw("blobs", 200 * k, classes=k)
    assert sorted(np.unique(y)) == list(range(k))
    assert np.bincount(y).tolist() == [200] * k
    centres = np.array([x[y == j].mean(axis=0) for j in range(k)])
    np.testing.assert_allclose(np.hypot(centres[:, 0], centres[:, 1]), 3, atol=0.15)
    assert x[y == 0].std(axis=0) == pytest.approx([0.5, 0.5], rel=0.2)


@pytest.mark.parametrize("k", [2, 3, 7])
def test_spiral_k_arms_are_separate_at_noise_zero(k):
    x, y = raw("spiral_k", 300 * k, classes=k)
    r = np.hypot(x[:, 0], x[:, 1])
    assert r.max() == pytest.approx(5)
    # away from the centre, the nearest other point is always on the same arm
    far = r > 1
    d = np.hypot(*(x[far, None, :] - x[None, far, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    assert np.all(y[far][d.argmin(axis=1)] == y[far])


def test_plane_label_is_tfp_scale_of_sum():
    x, y = raw("plane", 500)
    assert np.all(np.abs(x) <= 6)
    np.testing.assert_allclose(y, (x[:, 0] + x[:, 1]) / 10)


def test_multi_gaussian_labels():
    x = np.array([-4.0, 0.0, 4.0, 0.0, 0.0, 1.0, -2.0])
    y = np.array([2.5, 2.5, 2.5, -2.5, 0.0, 2.5, 2.5])
    # centres give ±1; halfway between the +/− centres both bumps are 0; 1 from (0, 2.5) → −0.5
    np.testing.assert_allclose(gaussian_label(x, y), [1, -1, 1, 1, 0, -0.5, 0])
    pts, labels = raw("multi_gaussian", 500)
    np.testing.assert_allclose(labels, gaussian_label(pts[:, 0], pts[:, 1]))
    assert np.all(np.abs(labels) <= 1)


def test_line_and_sine_at_noise_zero():
    x, y = raw("line", 100)
    np.testing.assert_allclose(y, 2 * x[:, 0] + 1)
    x, y = raw("sine", 100)
    np.testing.assert_allclose(y, np.sin(x[:, 0]))
    x, y = raw("sine", 4000, noise=0.3)
    assert np.std(y - np.sin(x[:, 0])) == pytest.approx(0.3, rel=0.1)


def test_noisy_regression_targets_differ_from_clean_rule():
    x, y = raw("plane", 500, noise=0.5)
    assert not np.allclose(y, (x[:, 0] + x[:, 1]) / 10)


def test_removed_points_index_train_then_test():
    spec = DataSpec(kind="gauss", samples=20, seed=1)
    full = make_dataset(spec)
    cut = make_dataset(spec.model_copy(update={"removed": [0, 3, 10, 19]}))
    np.testing.assert_array_equal(cut.x_train, np.delete(full.x_train, [0, 3], axis=0))
    np.testing.assert_array_equal(cut.x_test, np.delete(full.x_test, [0, 9], axis=0))
    np.testing.assert_array_equal(cut.y_test, np.delete(full.y_test, [0, 9]))


def test_removed_index_out_of_range_is_refused():
    with pytest.raises(ValueError, match="20"):
        make_dataset(DataSpec(kind="gauss", samples=20, removed=[20]))
    with pytest.raises(ValueError, match="-1"):
        make_dataset(DataSpec(kind="gauss", samples=20, removed=[-1]))


def test_added_points_go_to_their_split():
    spec = DataSpec(kind="blobs", samples=20, classes=4, removed=[0],
                    added=[PointSpec(x=[1, 2], y=3), PointSpec(x=[-1, 0.5], y=0, split="test")])
    d = make_dataset(spec)
    assert len(d.x_train) == 10 and len(d.x_test) == 11
    np.testing.assert_array_equal(d.x_train[-1], [1, 2])
    assert d.y_train[-1] == 3 and d.y_train.dtype == np.int64
    np.testing.assert_array_equal(d.x_test[-1], [-1, 0.5])
    assert d.y_test[-1] == 0


def test_added_regression_point_keeps_its_value():
    d = make_dataset(DataSpec(kind="sine", samples=10, added=[PointSpec(x=[0.5], y=0.25)]))
    assert d.y_train[-1] == 0.25 and d.x_train[-1, 0] == 0.5


@pytest.mark.parametrize("point", [PointSpec(x=[1, 2], y=2), PointSpec(x=[1, 2], y=0.5),
                                   PointSpec(x=[1, 2], y=-1), PointSpec(x=[1], y=1)])
def test_bad_added_points_are_refused(point):
    with pytest.raises(ValueError, match=r"data\.added: point 0"):
        make_dataset(DataSpec(kind="circle", samples=10, added=[point]))


def test_added_point_dimension_must_match_1d_data():
    with pytest.raises(ValueError, match="coordinates"):
        make_dataset(DataSpec(kind="line", samples=10, added=[PointSpec(x=[1, 2], y=1)]))


@settings(max_examples=40, deadline=None)
@given(kind=st.sampled_from(SYNTHETIC_KINDS), samples=st.integers(10, 600),
       noise=st.floats(0, 1), seed=st.integers(0, 2**31 - 1),
       fraction=st.floats(0.01, 0.99), classes=st.integers(2, 10))
def test_any_spec_gives_valid_shapes_and_labels(kind, samples, noise, seed, fraction, classes):
    spec = DataSpec(kind=kind, samples=samples, noise=noise, seed=seed, train_fraction=fraction,
                    classes=classes if kind in ("blobs", "spiral_k") else None)
    d = make_dataset(spec)
    assert len(d.x_train) + len(d.x_test) == samples
    assert len(d.x_train) == min(max(round(samples * fraction), 1), samples - 1)
    assert d.x_train.shape[1] == d.x_test.shape[1] == d.raw_dim
    assert np.all(np.isfinite(all_x(d))) and np.all(np.isfinite(all_y(d)))
    if d.task == "classification":
        y = all_y(d)
        assert y.min() >= 0 and y.max() < spec.n_classes == d.n_classes
    if kind in ("circle", "xor", "plane", "multi_gaussian", "checkerboard"):
        assert np.all(np.abs(all_x(d)) <= 6)  # these keep the stored point clean of noise
