"""Bad CSV files: each kind loads sensibly (then trains a step) or is refused with a clear one-line message.

The big ones (10⁵ columns, 10⁶ rows, /dev/zero) are refused by the limits in ``core/limits.py``
before they cost minutes or memory; no test times them, the limits make the work bounded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from playground.core.data import DataError, import_csv, inspect_csv
from playground.core.engine import Engine
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, TrainingSpec

ROWS = "".join(f"{i % 7},{(i * 3) % 5},{'ab'[i % 2]}\n" for i in range(40))


def write(tmp_path: Path, content: str | bytes, name: str = "d.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def load_and_train(path: Path, target: str, **kw) -> Engine:
    csv = import_csv(path, target, **kw)
    engine = Engine(Experiment(data=DataSpec(kind="csv", csv=csv), model=ModelSpec(hidden=[LayerSpec(units=4)]),
                               training=TrainingSpec(device="cpu", batch_size=8)))
    engine.train_step()
    return engine


LOADS = {
    "BOM": ("\ufeffa,b,y\n" + ROWS, "y", {}),
    "semicolon separator with decimal commas": (
        "a;b;y\n" + "".join(f"{i},5;{i % 3};{'ab'[i % 2]}\n" for i in range(30)), "y", {}),
    "quoted commas": ('a,b,y\n' + "".join(f'{i},"{i % 4}",' f'"x, {"ab"[i % 2]}"\n' for i in range(30)), "y", {}),
    "windows line endings": ("a,b,y\r\n" + ROWS.replace("\n", "\r\n"), "y", {}),
    "tab separator": ("a\tb\ty\n" + ROWS.replace(",", "\t"), "y", {}),
    "blank lines": ("a,b,y\n\n" + ROWS.replace("\n", "\n\n"), "y", {}),
    "numeric class labels": ("a,y\n" + "".join(f"{i},{i % 3}\n" for i in range(30)), "y", {}),
    "regression target": ("a,y\n" + "".join(f"{i},{i * 0.37}\n" for i in range(30)), "y", {}),
    "text feature ignored": ("name,a,y\n" + "".join(f"n{i},{i},{'ab'[i % 2]}\n" for i in range(30)), "y", {}),
    "constant column standardised": ("a,b,y\n" + "".join(f"1,{i},{'ab'[i % 2]}\n" for i in range(30)), "y",
                                     {"standardize": True}),
}


@pytest.mark.parametrize("kind", LOADS)
def test_these_load_and_train(tmp_path, kind):
    content, target, kw = LOADS[kind]
    engine = load_and_train(write(tmp_path, content), target, **kw)
    assert engine.step == 1 and len(engine.dataset.x_train) > 0


def test_semicolon_files_read_decimal_commas(tmp_path):
    path = write(tmp_path, LOADS["semicolon separator with decimal commas"][0])
    engine = load_and_train(path, "y")
    assert sorted(set(engine.dataset.x_train[:, 0] % 1)) == [0.5]


REFUSED = {
    "empty": (b"", "a", "the file is empty"),
    "only blank lines": ("\n\n\n", "a", "the file is empty"),
    "header only": ("a,b,y\n", "y", "has a header but no data rows"),
    "one data row (fuzzer: NaN statistics)": ("a,y\n1,x\n", "y", "has one data row"),
    "one column": ("y\n" + "".join(f"{'ab'[i % 2]}\n" for i in range(10)), "y", "no numeric column besides"),
    "missing values": ("a,y\n1,a\n,b\n3,a\n", "y", r"column 'a', line 3: empty cell"),
    "missing label": ("a,y\n1,a\n2,\n3,b\n", "y", r"column 'y', line 3: empty cell"),
    "NaN": ("a,y\n1,a\nnan,b\n3,a\n", "y", "'nan' is not a finite number"),
    "inf": ("a,y\n1,a\n-inf,b\n3,a\n", "y", "'-inf' is not a finite number"),
    "one class": ("a,y\n" + "".join(f"{i},same\n" for i in range(10)), "y", "has only one class"),
    "more than 1 000 classes": ("a,y\n" + "".join(f"{i},c{i}\n" for i in range(1500)), "y",
                                "has 1,500 classes, more than the 1,000 allowed"),
    "duplicate headers": ("a,a,y\n1,2,x\n", "y", "the header names column 'a' twice"),
    "unnamed column": ("a,,y\n1,2,x\n", "y", "column 2 of the header has no name"),
    "ragged row": ("a,b,y\n1,2,x\n1,x\n", "y", "line 3 has 2 fields, the header has 3"),
    "non-UTF-8 bytes": ("a,y\n1,caf\xe9\n".encode("latin-1"), "y", "not a UTF-8 text file"),
    "unterminated quote": ('a,y\n1,"x\n2,y\n', "y", "line"),
    "missing target": (ROWS.join(["a,b,y\n", ""]), "z", "no target column 'z'; the columns are: a, b, y"),
    "text in a numeric target": ("a,y\n" + "".join(f"{i},{i}.5\n" for i in range(10)) + "3,oops\n", "y",
                                 "'oops' is not a number, but most of the target column is"),
    "10^5 columns": (",".join(f"c{i}" for i in range(100_000)) + "\n" + ",".join(["1"] * 100_000) + "\n", "c0",
                     "100,000 columns is more than the 1,000 allowed"),
    "10^6 rows": ("a,y\n" + "1,a\n2,b\n" * 500_000, "y", "more than 200,000 data rows"),
}


@pytest.mark.parametrize("kind", REFUSED)
def test_these_are_refused_with_a_clear_line(tmp_path, kind):
    content, target, match = REFUSED[kind]
    path = write(tmp_path, content)
    with pytest.raises(DataError, match=match) as info:
        import_csv(path, target)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_devices_pipes_and_huge_files_are_never_read(tmp_path, monkeypatch):
    with pytest.raises(DataError, match="/dev/zero: is a device, pipe or socket, not a CSV file"):
        inspect_csv("/dev/zero")
    path = write(tmp_path, "a,y\n" + "1,a\n" * 100)
    monkeypatch.setattr("playground.core.data.csv_data.MAX_CSV_BYTES", 64)
    with pytest.raises(DataError, match="is larger than the 64 bytes allowed for a CSV file"):
        inspect_csv(path)


def test_values_too_large_to_standardise_are_refused(tmp_path):
    """Found by the fuzzer: the mean of 1e308s overflowed into a file that could not be saved."""
    path = write(tmp_path, "a,y\n" + "".join(f"1e308,{'ab'[i % 2]}\n" for i in range(10)))
    with pytest.raises(DataError, match="column 'a' cannot be standardised"):
        import_csv(path, "y", standardize=True)
    assert import_csv(path, "y").features == ["a"]  # without standardising it imports


def test_a_nul_in_the_path_is_named(tmp_path):
    with pytest.raises(DataError, match="not a valid file name"):
        import_csv(str(tmp_path / "a\0b.csv"), "y")


def test_many_columns_are_looked_up_by_name(tmp_path):
    """Column lookup is a dict: 1 000 columns import at once (the old header scan was quadratic)."""
    names = [f"c{i}" for i in range(999)] + ["y"]
    rows = "".join(",".join(str((i * j) % 5) for j in range(999)) + f",{'ab'[i % 2]}\n" for i in range(20))
    csv = import_csv(write(tmp_path, ",".join(names) + "\n" + rows), "y")
    assert len(csv.features) == 999


def test_a_file_that_is_not_a_csv_is_not_echoed(tmp_path):
    """Issue 17 #9: pointing --csv at any file printed its first line as "the columns are: …"."""
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:secret-first-line:/root:/bin/bash\ndaemon:x:1:1::/:/bin/sh\nbin:x:2:2::/:/bin/sh\n")
    with pytest.raises(DataError) as info:
        import_csv(secret, "y")
    assert "secret" not in str(info.value).replace(str(secret), "")
    assert "its first line has no ',', ';' or tab" in str(info.value)


def test_huge_column_names_are_quoted_short(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("a" * 100_000 + ",b\n1,2\n3,4\n")
    with pytest.raises(DataError) as info:
        import_csv(path, "z" * 100_000)
    assert len(str(info.value)) < 300 + len(str(path))
