"""Image folders (torchvision's ImageFolder layout): decoded with Pillow, bad files skipped and counted,
limits refused in bounded time and memory, and the same pixels in the app's data, the CLI and the export."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from playground.core.data import image_folder
from playground.core.data.build import make_dataset
from playground.core.data.errors import DataError
from playground.core.data.image_folder import import_folder, load_folder, read_images, scan_folder
from playground.core.experiment_io import load_experiment
from playground.core.limits import MAX_IMAGE_CLASSES, MAX_IMAGE_FILES
from playground.core.spec import DataSpec


def make_folder(root: Path, per_class: int = 6) -> Path:
    """Three classes of 20×20 PNGs (a bright bar at a class-specific place), one corrupt PNG, one text file."""
    rng = np.random.default_rng(0)
    for k, name in enumerate(["bars", "dots", "rings"]):
        folder = root / name
        folder.mkdir(parents=True)
        for i in range(per_class):
            pixels = (rng.random((20, 20)) * 40).astype(np.uint8)
            pixels[:, 5 * k:5 * k + 5] = 255
            Image.fromarray(pixels, "L").save(folder / f"{i:02d}.png")
    (root / "bars" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really a png" * 10)
    (root / "dots" / "notes.txt").write_text("not an image", encoding="utf-8")
    Image.new("RGB", (30, 10), (255, 0, 0)).save(root / "rings" / "wide.jpg")
    return root


def test_a_folder_loads_with_its_counts_and_bad_files_skipped_and_counted(tmp_path):
    root = make_folder(tmp_path / "shapes")
    spec, images = import_folder(root, side=8)
    assert spec.classes == ["bars", "dots", "rings"] and spec.side == 8
    assert images.counts() == [6, 6, 7]
    assert dict(images.scan.skipped) == {"unreadable": 1, "not_image": 1}
    assert images.summary() == ("19 images in 3 classes (bars 6, dots 6, rings 7); "
                                "2 skipped: 1 not an image file, 1 could not be decoded")
    assert images.x.shape == (19, 64) and images.x.min() >= 0.0 and images.x.max() <= 1.0
    first = images.x[0].reshape(8, 8)  # bars/00.png: the bright bar is in the first columns
    assert first[:, :2].mean() > 0.9 > 0.3 > first[:, 4:].mean()
    red = images.x[-1]  # rings/wide.jpg, pure red: grey = 0.299 × 255, resized to a square
    assert np.allclose(red, red[0]) and red[0] == pytest.approx(76 / 255, abs=2 / 255)


def test_the_folder_builds_a_split_data_set_and_the_cli_reports_the_counts(tmp_path):
    root = make_folder(tmp_path / "shapes")
    out = tmp_path / "shapes.json"
    done = subprocess.run([sys.executable, "-m", "playground", "--lang", "en", "new", "--images", str(root),
                           "--side", "16", "--hidden", "", "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "19 images in 3 classes (bars 6, dots 6, rings 7); 2 skipped" in done.stderr
    experiment = load_experiment(out)
    assert experiment.data.kind == "images" and experiment.data.images.path == "shapes"  # relative to the file
    data = make_dataset(experiment.data, tmp_path)
    assert data.image_side == 16 and data.raw_dim == 256 and data.class_names == ["bars", "dots", "rings"]
    assert len(data.x_train) + len(data.x_test) == 19
    info = subprocess.run([sys.executable, "-m", "playground", "--lang", "en", "info", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert info.returncode == 0 and "16×16 image" in info.stdout


def test_the_exported_script_reads_the_same_pixels(tmp_path):
    from playground.core.engine import Engine
    from playground.core.export import export

    root = make_folder(tmp_path / "shapes")
    spec, _ = import_folder(root, side=8)
    engine = Engine(load_experiment_dict({"data": {"kind": "images", "images": spec.model_dump()},
                                          "model": {"hidden": []}}), device="cpu")
    engine.train(2)
    export(engine, tmp_path / "shapes.py")
    module_spec = importlib.util.spec_from_file_location("shapes_export", tmp_path / "shapes.py")
    module = importlib.util.module_from_spec(module_spec)
    sys.modules["shapes_export"] = module
    try:
        module_spec.loader.exec_module(module)
        x_train, _, x_test, y_test = module.load_data()
        assert np.array_equal(x_train, engine.dataset.x_train) and np.array_equal(y_test, engine.dataset.y_test)
        assert module.predict_class(x_test.reshape(-1, 8, 8))[0] in spec.classes
    finally:
        sys.modules.pop("shapes_export", None)


def load_experiment_dict(doc: dict):
    from playground.core.spec import Experiment

    return Experiment.model_validate(doc)


@pytest.mark.parametrize(("build", "message"), [
    (lambda root: root.mkdir(), "needs at least 2 class sub-folders"),
    (lambda root: root.write_text("x"), "not a folder"),
    (lambda root: [(root / str(i)).mkdir(parents=True) for i in range(MAX_IMAGE_CLASSES + 1)],
     f"more than the {MAX_IMAGE_CLASSES} allowed"),
])
def test_bad_folders_get_one_clear_line(tmp_path, build, message):
    root = tmp_path / "bad"
    build(root)
    with pytest.raises(DataError, match=message) as caught:
        scan_folder(root)
    assert "\n" not in str(caught.value)


def test_a_class_with_no_readable_image_is_refused_by_name(tmp_path):
    root = make_folder(tmp_path / "shapes", per_class=1)
    (root / "bars" / "00.png").unlink()
    with pytest.raises(DataError, match=r"class folder 'bars' has no readable image \(2 skipped"):
        load_folder(root, 8)


def test_an_oversized_folder_is_refused_in_bounded_time_and_memory(tmp_path):
    root = tmp_path / "huge"
    for name in ("a", "b"):
        (root / name).mkdir(parents=True)
    for i in range(MAX_IMAGE_FILES // 2 + 10):
        (root / "a" / f"{i}.png").touch()
        (root / "b" / f"{i}.png").touch()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(DataError, match=f"more than {MAX_IMAGE_FILES:,} files"):
            load_folder(root, 8)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seconds < 30  # nothing is decoded: only directory entries are counted
    assert peak < 20 * 2**20


def test_an_image_past_the_pixel_limit_is_skipped_from_its_header(tmp_path, monkeypatch):
    root = make_folder(tmp_path / "shapes", per_class=2)
    Image.new("L", (300, 300)).save(root / "dots" / "big.png")
    monkeypatch.setattr(image_folder, "MAX_IMAGE_PIXELS", 200 * 200)
    images = read_images(scan_folder(root), 8)
    assert images.scan.skipped["too_large"] == 1 and images.counts() == [2, 2, 3]


def test_a_changed_folder_is_read_again(tmp_path):
    root = make_folder(tmp_path / "shapes", per_class=2)
    spec = DataSpec(kind="images", images={"path": str(root), "side": 8}, train_fraction=1.0)
    assert len(make_dataset(spec).x_train) == 7
    Image.new("L", (8, 8)).save(root / "dots" / "new.png")
    assert len(make_dataset(spec).x_train) == 8
