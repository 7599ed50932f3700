"""Saves lose nothing: atomic, swept, through symlinks, with the user's umask, and clear when they fail."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from playground.core import savefile
from playground.core.errors import ExperimentError, SaveError
from playground.core.experiment_io import dumps, load_experiment, save_experiment
from playground.core.savefile import atomic_write, sweep_temporary_files
from playground.core.spec import Experiment, ModelSpec


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_failed_rename_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "e.json"
    save_experiment(Experiment(name="old"), path)

    def fail(_src, _dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(SaveError, match=r"e\.json: cannot save: No space left on device"):
        save_experiment(Experiment(name="new"), path)
    monkeypatch.undo()
    assert load_experiment(path).name == "old" and temporaries(tmp_path) == []


def test_a_save_killed_mid_write_leaves_the_file_whole_and_its_debris_is_swept(tmp_path):
    path = tmp_path / "e.json"
    atomic_write(path, "old")
    child = ("import os, sys, time\n"
             "def hang(src, dst):\n    print('written', flush=True); time.sleep(120)\n"
             "os.replace = hang\n"
             "from playground.core.savefile import atomic_write\n"
             "atomic_write(sys.argv[1], 'x' * 1_000_000)\n")
    proc = subprocess.Popen([sys.executable, "-c", child, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "written"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        proc.stdout.close()
    assert path.read_text() == "old"
    (debris,) = temporaries(tmp_path)
    atomic_write(path, "newer")  # a fresh temporary may belong to a live save: it stays
    assert temporaries(tmp_path) == [debris]
    old = time.time() - 2 * savefile.STALE_SECONDS
    os.utime(tmp_path / debris, (old, old))
    atomic_write(path, "newest")
    assert temporaries(tmp_path) == [] and path.read_text() == "newest"


def test_sweeping_touches_only_this_files_temporaries(tmp_path):
    old = time.time() - 3600
    names = [".e.json.abcd1234.tmp", ".other.json.abcd1234.tmp", "e.json.abcd1234.tmp", ".e.json.x.tmp"]
    for name in names:
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (old, old))
    assert [p.name for p in sweep_temporary_files(tmp_path, "e.json")] == [".e.json.abcd1234.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[1:])


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "e.json"
    save_experiment(Experiment(name="old"), real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_experiment(Experiment(name="new"), link)
    assert link.is_symlink() and load_experiment(real).name == "new"
    assert temporaries(tmp_path) == [] and temporaries(tmp_path / "real") == []


def test_new_files_follow_the_umask_and_old_files_keep_their_mode(tmp_path):
    before = os.umask(0o027)
    try:
        assert savefile.current_umask() == 0o027
        atomic_write(tmp_path / "new.json", "x")
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o640
        os.umask(0o002)
        atomic_write(tmp_path / "other.json", "x")
        assert (tmp_path / "other.json").stat().st_mode & 0o777 == 0o664
        os.chmod(tmp_path / "new.json", 0o600)
        atomic_write(tmp_path / "new.json", "y")
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(before)


def test_a_missing_folder_is_explained_not_created(tmp_path):
    with pytest.raises(SaveError, match=r"cannot save: the folder .*gone does not exist"):
        save_experiment(Experiment(), tmp_path / "gone" / "e.json")
    assert not (tmp_path / "gone").exists()


def test_a_read_only_folder_is_explained(tmp_path, monkeypatch):
    def refuse(**_kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(savefile.tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError, match="cannot save: no permission to write in"):
        atomic_write(tmp_path / "e.json", "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_really_read_only_folder_is_explained(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="no permission to write in"):
            atomic_write(folder / "e.json", "x")
    finally:
        folder.chmod(0o755)


def test_only_standard_json_is_written():
    exp = Experiment(model=ModelSpec(init_values={"0.bias": [float("nan")] * 8}))
    with pytest.raises(ExperimentError, match=r"model.init_values.0.bias\[0\]: nan is not a finite number"):
        dumps(exp)


def test_a_device_node_or_fifo_is_never_replaced(tmp_path):
    """Issue 17 #7: ``-o dev/null`` on a device node exited 0 and left an 872-byte regular file there."""
    import stat as stat_module

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to("/dev/null")
    targets = [fifo, link]
    with contextlib.suppress(OSError):  # a device node of our own (root only): never the system's /dev/null
        os.mknod(tmp_path / "null", stat_module.S_IFCHR | 0o666, os.makedev(1, 3))
        targets.append(tmp_path / "null")
    for target in targets:
        with pytest.raises(SaveError, match="cannot save: it is a device, pipe or socket, not a file"):
            atomic_write(target, "{}")
    assert stat_module.S_ISFIFO(os.stat(fifo).st_mode) and link.is_symlink()
    assert all(not stat_module.S_ISREG(os.stat(t).st_mode) for t in targets)
    assert len(list(tmp_path.iterdir())) == len(targets)  # no temporary left
