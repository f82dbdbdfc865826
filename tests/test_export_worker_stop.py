"""Stopping the workers of an export cannot hang on an answer a worker was halfway through sending."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import gc, multiprocessing, os, struct, time
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.queues import SimpleQueue

    from hirecli.export.workers import _stop_workers


    def half_an_answer():
        # What a worker ended mid-send leaves: a header promising 1,000 bytes, and 10 of them.
        queue = next(o for o in gc.get_objects() if isinstance(o, SimpleQueue))
        os.write(queue._writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
        time.sleep(60)


    if __name__ == "__main__":
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        pool.submit(half_an_answer)
        time.sleep(3)
        _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
        print("stopped")
    """
)


def test_a_half_sent_answer_does_not_hang_the_stop(tmp_path: Path) -> None:
    script = tmp_path / "stop.py"
    script.write_text(SCRIPT, encoding="utf-8")
    try:
        done = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
        )
    except subprocess.TimeoutExpired:
        raise AssertionError("stopping the workers waited forever for the rest of an answer") from None
    assert done.stdout.strip() == "stopped", done.stderr[-2000:]
