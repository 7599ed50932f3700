"""The longest a live runner stays silent: what ``worker.HANG_S`` (the hung-runner timeout) must exceed.

A runner sends a ``Beat`` whenever it has sent nothing for ``BEAT_S``, from its sending thread; a
long step does not delay it, but a C call that holds the GIL does. This drives a runner process
through the heaviest work the limits allow — building and training a 2-million-parameter model
(``MAX_PARAMETERS``) with Adam on 200 000 rows, every view on (boundary, statistics, neuron maps,
links, one parameter in full), trained-state captures, a read, a save and an ONNX-free export —
and prints the longest gap between two messages the window would have received, per phase.

    .venv/bin/python bench/runner_silence.py [--seconds 20]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tempfile
import threading
import time
from pathlib import Path

from playground.app.processes import process_context
from playground.core.protocol import (
    Build,
    Export,
    Hello,
    Pause,
    Quit,
    ReadExperiment,
    Reply,
    Request,
    SaveTrained,
    Start,
    StepEpoch,
    Views,
)
from playground.core.runner_entry import serve_process
from playground.core.spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from playground.core.views import ViewRequest


def biggest(batch: int) -> Experiment:
    """≈ 2 M parameters (the limit): 2 → 1024 → 1024 → 900 → 1 (units ≤ 1024 a layer)."""
    return Experiment(name="Biggest", data=DataSpec(kind="spiral", samples=200_000),
                      model=ModelSpec(hidden=[LayerSpec(units=1024), LayerSpec(units=1024), LayerSpec(units=900)]),
                      training=TrainingSpec(optimizer=OptimizerSpec(name="adam", lr=0.001), batch_size=batch,
                                            epochs=0))


class Listener:
    """Reads the runner's pipe on a thread, as the window's reader does, and keeps the longest gap."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.replies: dict[int, Reply] = {}
        self.last = time.monotonic()
        self.longest = 0.0
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                return
            now = time.monotonic()
            with self.cond:
                self.longest = max(self.longest, now - self.last)
                self.last = now
                if isinstance(message, Reply):
                    self.replies[message.id] = message
                    self.cond.notify_all()

    def phase(self) -> None:
        with self.cond:
            self.longest, self.last = 0.0, time.monotonic()

    def ask(self, request_id: int, command, timeout: float = 600.0) -> Reply:
        self.conn.send(Request(request_id, command))
        with self.cond:
            self.cond.wait_for(lambda: request_id in self.replies, timeout)
            return self.replies.pop(request_id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="training time per batch size")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ids = iter(range(1, 10_000))
    conn, child = multiprocessing.Pipe()
    process = process_context().Process(target=serve_process, args=(child,), daemon=True)
    process.start()
    child.close()
    listen = Listener(conn)
    listen.ask(next(ids), Hello())
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for batch in (10, 2000):
            listen.phase()
            reply = listen.ask(next(ids), Build(biggest(batch), None, batch))
            assert reply.ok, reply.value
            rows.append((f"build, batch {batch}", listen.longest))
            listen.phase()
            listen.ask(next(ids), Views(ViewRequest(neurons=True, links=True, inspect="hidden 1.weight")))
            listen.ask(next(ids), Start())
            time.sleep(args.seconds)
            listen.ask(next(ids), ReadExperiment())
            listen.ask(next(ids), SaveTrained(biggest(batch), None, str(Path(folder) / "b.json")))
            listen.ask(next(ids), Pause())
            rows.append((f"train {args.seconds:.0f} s + read + save, batch {batch}", listen.longest))
        listen.phase()
        listen.ask(next(ids), StepEpoch())  # 100 steps of 2 000 rows in one command
        rows.append(("one epoch in one command (batch 2000)", listen.longest))
        listen.phase()
        reply = listen.ask(next(ids), ReadExperiment())
        listen.ask(next(ids), Export(reply.value, None, str(Path(folder) / "w.safetensors"), None))
        rows.append(("export safetensors", listen.longest))
    conn.send(Request(-1, Quit()))
    process.join(10)
    for name, gap in rows:
        print(f"{name:45s} longest silence {gap:5.2f} s")
    print(f"worst {max(g for _n, g in rows):.2f} s; load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
