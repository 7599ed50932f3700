"""CSV import: preview, task inference, stored statistics, loading, and every validation error."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from playground.core.data import DataError, import_csv, inspect_csv, load_csv, make_dataset
from playground.core.resources import data_dir
from playground.core.spec import CsvSpec, DataSpec, PointSpec

FLOWERS = """sepal_length,sepal_width,petal_length,petal_width,species
5.1,3.5,1.4,0.2,setosa
4.9,3.0,1.4,0.2,setosa
4.7,3.2,1.3,0.2,setosa
7.0,3.2,4.7,1.4,versicolor
6.4,3.2,4.5,1.5,versicolor
6.9,3.1,4.9,1.5,versicolor
6.3,3.3,6.0,2.5,virginica
5.8,2.7,5.1,1.9,virginica
7.1,3.0,5.9,2.1,virginica
6.5,3.0,5.8,2.2,virginica
"""


def write(tmp_path: Path, text: str, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def flowers(tmp_path: Path) -> Path:
    return write(tmp_path, FLOWERS, "flowers.csv")


def test_inspect_previews_header_rows_and_numeric_columns(flowers):
    p = inspect_csv(flowers, max_rows=3)
    assert p.header == ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"]
    assert p.rows == [["5.1", "3.5", "1.4", "0.2", "setosa"], ["4.9", "3.0", "1.4", "0.2", "setosa"],
                      ["4.7", "3.2", "1.3", "0.2", "setosa"]]
    assert p.numeric == [True, True, True, True, False]
    assert p.n_rows == 10 and p.delimiter == ","
    assert p.default_features("petal_width") == ["sepal_length", "sepal_width", "petal_length"]


def test_inspect_reads_semicolons_bom_and_blank_lines(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_bytes("\ufeffa;b;label\n1;2;x\n\n3;4;y\n".encode())
    p = inspect_csv(path)
    assert p.header == ["a", "b", "label"] and p.delimiter == ";"
    assert p.rows == [["1", "2", "x"], ["3", "4", "y"]]


def test_import_string_classes(flowers):
    spec = import_csv(flowers, "species")
    assert spec.task == "classification"
    assert spec.classes == ["setosa", "versicolor", "virginica"]
    assert spec.features == ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    assert spec.path == str(flowers)
    assert spec.mean is None and spec.std is None and not spec.standardize


def test_load_maps_labels_shuffles_and_splits(flowers):
    spec = import_csv(flowers, "species", features=["petal_length", "sepal_width"])
    d = load_csv(spec, None, 0.7, seed=5)
    assert d.task == "classification" and d.class_names == ["setosa", "versicolor", "virginica"]
    assert d.raw_names == ["petal_length", "sepal_width"] and d.derived is None
    assert d.target_name == "species"
    assert len(d.x_train) == 7 and len(d.x_test) == 3
    rows = {(float(r.split(",")[2]), float(r.split(",")[1])): r.split(",")[4]
            for r in FLOWERS.splitlines()[1:]}
    x = np.concatenate([d.x_train, d.x_test])
    y = np.concatenate([d.y_train, d.y_test])
    assert sorted(map(tuple, x)) == sorted(rows)
    for point, label in zip(map(tuple, x), y):
        assert d.class_names[label] == rows[point]
    again = load_csv(spec, None, 0.7, seed=5)
    np.testing.assert_array_equal(again.x_train, d.x_train)
    other = load_csv(spec, None, 0.7, seed=6)
    assert not np.array_equal(other.x_train, d.x_train)


def test_standardisation_stats_are_population_over_the_training_rows(flowers):
    spec = import_csv(flowers, "species", features=["sepal_length", "petal_width"], standardize=True,
                      train_fraction=0.6, seed=3)
    d = load_csv(spec, None, 0.6, 3)
    np.testing.assert_allclose(spec.mean, d.x_train.mean(axis=0))
    np.testing.assert_allclose(spec.std, d.x_train.std(axis=0, ddof=0))
    all_rows = np.concatenate([d.x_train, d.x_test])
    assert not np.allclose(spec.mean, all_rows.mean(axis=0)), "test rows must not leak into the statistics"
    assert d.mean == spec.mean and d.std == spec.std
    out = d.preprocess()(torch.tensor(d.x_train))
    np.testing.assert_allclose(out.mean(0).numpy(), [0, 0], atol=1e-12)
    np.testing.assert_allclose(out.std(0, unbiased=False).numpy(), [1, 1])


def test_load_uses_stored_stats_not_fresh_ones(flowers):
    spec = import_csv(flowers, "species", features=["sepal_length"], standardize=True)
    spec = spec.model_copy(update={"mean": [100.0], "std": [2.0]})
    assert load_csv(spec, None, 0.5, 0).mean == [100.0]


@pytest.mark.parametrize(("target_values", "task"), [
    (["0", "1", "0", "1"], "classification"),
    (["3", "1", "2", "10"], "classification"),
    (["1.0", "2.0", "1.0", "2.0"], "classification"),
    (["0.5", "1", "0", "1"], "regression"),
    (["cat", "dog", "cat", "dog"], "classification"),
])
def test_task_inference(tmp_path, target_values, task):
    text = "a,t\n" + "".join(f"{i},{v}\n" for i, v in enumerate(target_values))
    assert import_csv(write(tmp_path, text), "t").task == task


def test_eleven_distinct_integers_is_regression(tmp_path):
    text = "a,t\n" + "".join(f"{i},{i}\n" for i in range(11))
    assert import_csv(write(tmp_path, text), "t").task == "regression"
    ten = "a,t\n" + "".join(f"{i},{i}\n" for i in range(10))
    assert import_csv(write(tmp_path, ten), "t").task == "classification"


def test_numeric_classes_sort_numerically_and_keep_text(tmp_path):
    text = "a,t\n1,10\n2,9\n3,2\n4,10\n"
    spec = import_csv(write(tmp_path, text), "t")
    assert spec.classes == ["2", "9", "10"]
    d = load_csv(spec, None, 0.5, 0)
    x, y = np.concatenate([d.x_train, d.x_test])[:, 0], np.concatenate([d.y_train, d.y_test])
    assert dict(zip(x.tolist(), y.tolist())) == {1.0: 2, 2.0: 1, 3.0: 0, 4.0: 2}


def test_task_override(tmp_path):
    path = write(tmp_path, "a,t\n1,0\n2,1\n3,0\n4,1\n")
    spec = import_csv(path, "t", task="regression")
    assert spec.task == "regression" and spec.classes is None
    d = load_csv(spec, None, 0.5, 0)
    assert d.y_train.dtype == np.float64 and d.class_names is None
    path = write(tmp_path, "a,t\n1,0.5\n2,1.5\n3,0.5\n", "f.csv")
    assert import_csv(path, "t", task="classification").classes == ["0.5", "1.5"]


def test_relative_path_resolves_against_base_dir(tmp_path, flowers):
    spec = import_csv(flowers, "species").model_copy(update={"path": "flowers.csv"})
    d = make_dataset(DataSpec(kind="csv", csv=spec, seed=2, train_fraction=0.6), base_dir=tmp_path)
    assert len(d.x_train) == 6 and d.n_classes == 3 and d.extent is None
    with pytest.raises(DataError, match="no such file"):
        make_dataset(DataSpec(kind="csv", csv=spec), base_dir=tmp_path / "elsewhere")


def test_make_dataset_applies_edits_to_csv_data(tmp_path, flowers):
    spec = import_csv(flowers, "species", features=["petal_length", "petal_width"])
    d = make_dataset(DataSpec(kind="csv", csv=spec, removed=[0, 9],
                              added=[PointSpec(x=[1.0, 0.1], y=0, split="test")]))
    assert len(d.x_train) == 4 and len(d.x_test) == 5
    np.testing.assert_array_equal(d.x_test[-1], [1.0, 0.1])


def test_penguins_like_resource_imports():
    spec = import_csv(data_dir() / "penguins_like.csv", "species", standardize=True)
    assert spec.classes == ["Adelie", "Chinstrap", "Gentoo"]
    assert spec.features == ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
    d = load_csv(spec, None, 0.5, 0)
    assert len(d.x_train) + len(d.x_test) == 300
    assert np.bincount(np.concatenate([d.y_train, d.y_test])).min() >= 50


# ---- every validation error names what is wrong, and where -------------------------------------

@pytest.mark.parametrize(("text", "kwargs", "pattern"), [
    ("", {}, "is empty"),
    ("\n\n  \n", {}, "is empty"),
    ("a,b,t\n", {}, "header but no data rows"),
    ("a,b,t\n1,2,x\n1,2\n", {}, r"line 3 has 2 fields, the header has 3"),
    ("a,b,t\n1,2,x\n1,2,y,4\n", {}, r"line 3 has 4 fields"),
    ("a,a,t\n1,2,x\n", {}, r"header names column 'a' twice"),
    ("a,,t\n1,2,x\n", {}, r"column 2 of the header has no name"),
    ("a,b,t\n1,2,x\n3,4,y\n", {"target": "label"}, r"no target column 'label'; the columns are: a, b, t"),
    ("a,b,t\n1,2,x\n3,4,y\n", {"features": ["a", "c"]}, r"no feature column 'c'; the columns are: a, b, t"),
    ("a,b,t\n1,2,x\n3,4,y\n", {"features": ["a", "t"]}, r"'t' is the target"),
    ("a,b,t\n1,2,x\n3,4,y\n", {"features": []}, r"at least one feature"),
    ("a,b,t\n1,2,x\n3,4,y\n", {"features": ["a", "a"]}, r"listed twice"),
    ("a,b,t\n1,2,x\n3,oops,y\n4,5,x\n", {"features": ["a", "b"]},
     r"column 'b', line 3: 'oops' is not a number"),
    ("a,b,t\n1,2,x\n3,nan,y\n", {}, r"column 'b', line 3: 'nan' is not a finite number"),
    ("a,b,t\n1,2,x\n3,-inf,y\n", {}, r"column 'b', line 3: '-inf' is not a finite number"),
    ("a,b,t\n1,2,x\n3,,y\n4,5,x\n", {}, r"column 'b', line 3: empty cell"),
    ("a,b,t\n1,2,x\n3,4,\n", {}, r"column 't', line 3: empty cell"),
    ("a,b,t\n1,2,x\n3,4,x\n", {}, r"column 't' has only one class \('x'\)"),
    ("a,b,t\n1,2,x\n3,4,y\n", {"task": "regression"},
     r"column 't', line 2: 'x' is not a number \(regression target"),
    ("a,b,t\n1,2,1.5\n3,4,nan\n", {}, r"column 't', line 3: 'nan' is not a finite number"),
    ("a,b,t\n1,2,1.5\n3,4,2.5\n5,6,?\n", {}, r"column 't', line 4: '\?' is not a number, but most"),
    ("t\nx\ny\n", {}, r"no numeric column besides the target"),
    ('a,b,t\n1,2,"x\n', {}, r"line 2: unexpected end of data"),
])
def test_import_errors(tmp_path, text, kwargs, pattern):
    path = write(tmp_path, text)
    kwargs = {"target": "t", **kwargs}
    with pytest.raises(DataError, match=pattern) as info:
        import_csv(path, **kwargs)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match=r"missing\.csv: no such file"):
        import_csv(tmp_path / "missing.csv", "t")
    with pytest.raises(DataError, match="no such file"):
        inspect_csv(tmp_path / "missing.csv")


def test_not_text_and_directory(tmp_path):
    path = tmp_path / "bin.csv"
    path.write_bytes(b"a,t\n\xff\xfe,1\n")
    with pytest.raises(DataError, match="not a UTF-8 text file"):
        inspect_csv(path)
    with pytest.raises(DataError, match="is a folder, not a CSV file"):
        inspect_csv(tmp_path)


def test_error_lines_count_the_header_and_blank_lines(tmp_path):
    path = write(tmp_path, "a,t\n1,x\n\n2,y\nbad,x\n")
    with pytest.raises(DataError, match=r"column 'a', line 5: 'bad'"):
        import_csv(path, "t", features=["a"])


def test_default_features_skip_text_columns_but_keep_a_column_with_one_typo(tmp_path):
    text = "name,a,b,t\nann,1,2,x\nbob,3,4,y\ncy,5,x5,x\n"
    p = inspect_csv(write(tmp_path, text))
    assert p.numeric == [False, True, True, False]
    with pytest.raises(DataError, match=r"column 'b', line 4: 'x5' is not a number"):
        import_csv(write(tmp_path, text), "t")


def test_load_rejects_a_label_not_in_the_stored_classes(tmp_path):
    path = write(tmp_path, "a,t\n1,x\n2,y\n3,z\n")
    spec = CsvSpec(path=str(path), target="t", task="classification", features=["a"], classes=["x", "y"])
    with pytest.raises(DataError, match=r"column 't', line 4: class 'z' is not one of the imported classes"):
        load_csv(spec, None, 0.5, 0)


def test_load_rechecks_the_file(tmp_path, flowers):
    spec = import_csv(flowers, "species")
    flowers.write_text(FLOWERS.replace("4.9,3.0", "4.9,abc"))
    with pytest.raises(DataError, match=r"column 'sepal_width', line 3: 'abc'"):
        load_csv(spec, None, 0.5, 0)


def test_load_rejects_stats_of_the_wrong_length(flowers):
    spec = import_csv(flowers, "species", standardize=True).model_copy(update={"mean": [0.0], "std": [1.0]})
    with pytest.raises(DataError, match="one value per feature"):
        load_csv(spec, None, 0.5, 0)


def test_hand_written_spec_without_stored_details_still_loads(flowers):
    d = load_csv(CsvSpec(path=str(flowers), target="species", standardize=True), None, 0.5, 0)
    assert d.task == "classification" and d.n_classes == 3 and d.input_dim == 4
    assert d.mean is not None and len(d.mean) == 4
