"""Where a pasted megabyte's time goes in the dashboard's check worker: the CPU of each process's path.

Runs the jobs a check worker runs (web.jobs.run_job under provenance.check_split.split_by, as
web.workers does, with two chunks) on fresh generated megabytes: the result page's job (200 items and
the summary) and the API's (every item as JSON). Prints the worker's CPU up to its answer pickled (the
path a page waits for, when the other chunk's process is done first) and the CPU of the process that
checked the other chunk: a helper kept by the worker where the code has them
(provenance.io.forked.Helpers), else a child forked for the check. With a core free for each, the
page's wall time is about the longer path plus the server's own CPU (about 0.1 s).

Run it from the root of the tree to measure (main or a branch), with that tree's venv, so the same
script times both:

    .venv/bin/python /path/to/benchmarks/bench_paste_paths.py [--root .] [--texts 2]
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

os.environ["PROVENANCE_OFFLINE"] = "1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", help="the tree whose code is timed (default: the current folder)")
    parser.add_argument("--texts", type=int, default=2, help="megabytes timed for each job")
    args = parser.parse_args()
    root = Path(args.root).resolve()
    sys.path[:0] = [str(root), str(root / "benchmarks")]
    from bench_captions import SHAPES, caption_block
    from bench_check_text import paste_text, process_cpu

    import provenance.io.forked as forked
    from provenance import default_catalog
    from provenance.catalog.profile import default_profile
    from web.jobs import CheckJob, run_job

    first_part = _time_first_parts(forked)
    catalog = default_catalog()
    profile = default_profile(catalog)
    helpers = forked.Helpers(1, {"catalog": catalog}) if hasattr(forked, "Helpers") else None
    run_job(CheckJob(caption_block(len(SHAPES), seed=2), "auto", [], [], profile), catalog)  # warm
    print(f"{root}: the other chunk {'in a kept helper' if helpers else 'in a child forked for the check'}")
    for n in range(args.texts * 2):
        encoded = n % 2 == 1
        text, _ = paste_text(1.0, seed=7 + n)
        job = CheckJob(text, "auto", [], [], profile, shown=None if encoded else slice(0, 200), encoded=encoded,
                       reuse=f"text {n}", parts=2)
        other = helpers.pids()[0] if helpers else None
        before, children = process_cpu(other) if other else 0.0, os.times()
        worker = timed_job(job, catalog, helpers, forked)
        after = os.times()
        spent = (process_cpu(other) - before if other else 0.0) + (
            after.children_user + after.children_system - children.children_user - children.children_system)
        sent = _first_part(first_part)
        print(f"  {'the API ' if encoded else 'the page'}: the worker up to its answer {worker:.2f}s CPU, "
              f"the other chunk's process {spent:.2f}s CPU" + (f" ({sent:.2f}s up to its facts sent)" if sent else ""))
        gc.collect()
    if helpers:
        helpers.close()


def _time_first_parts(forked: Any) -> str | None:
    """Where a tree sends a chunk's answer in two (forked.settle), a file to which each child writes its CPU when
    its first part (the facts a page waits for) has been sent."""
    if not hasattr(forked, "settle"):
        return None
    path = f"/tmp/bench_paste_paths-{os.getpid()}.txt"
    send = forked._send

    def timed_send(fd: int, outcome: Any, *rest: Any) -> None:
        if rest and rest[1]:
            with open(path, "a") as out:
                out.write(f"{time.process_time()}\n")  # (the first part is written next: a small pickle)
        send(fd, outcome, *rest)

    forked._send = timed_send
    return path


def _first_part(path: str | None) -> float | None:
    if path is None or not os.path.exists(path):
        return None
    with open(path) as times:
        found = [float(line) for line in times if line.strip()]
    os.remove(path)
    return found[-1] if found else None


def timed_job(job: Any, catalog: Any, helpers: Any, forked: Any) -> float:
    """The worker's CPU for the job up to its answer pickled, run as the tree's web.workers runs it: with
    helpers, the cycle collector back on after the answer; with `forked.settle`, a page's other chunks sent in
    two and the collector back on after the answer; before them, back on when the job ended."""
    from provenance.budget import work_budget
    from provenance.check import gc_paused
    from provenance.check_split import split_by
    from web.jobs import run_job

    start = time.process_time()
    if helpers:
        with gc_paused():
            with work_budget(60), split_by(helpers.map, job.parts):
                outcome = run_job(job, catalog)
            pickle.dumps(("done", outcome))
            spent = time.process_time() - start
        helpers.refill()
        return spent
    if hasattr(forked, "settle"):  # the page's chunks sent in two (web.workers), read once the answer has gone
        from functools import partial

        from provenance.check_split import FIRST_SHARE, IN_TWO, IN_TWO_SHARE

        runner, share = (forked.forked_map, FIRST_SHARE) if job.encoded else \
            (partial(forked.forked_map, in_two=IN_TWO), IN_TWO_SHARE)
        with gc_paused():
            with work_budget(60), split_by(runner, job.parts, share):
                outcome = run_job(job, catalog)
            pickle.dumps(("done", outcome))
            spent = time.process_time() - start
            forked.settle()  # (the other chunk's process waited for, so that its CPU is counted)
        return spent
    with work_budget(60), gc_paused(), split_by(forked.forked_map, job.parts):
        outcome = run_job(job, catalog)
    pickle.dumps(("done", outcome))
    return time.process_time() - start


if __name__ == "__main__":
    main()
