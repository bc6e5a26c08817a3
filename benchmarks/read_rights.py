"""Read the rights metadata of every image under a folder with provenance's reader, on all cores,
and write it as JSON: {relative path: [[evidence name, value, language], ...]}.

The "metadata extraction alone" path of bench_exiftool.py, run as its own process like ExifTool:

    .venv/bin/python benchmarks/read_rights.py FOLDER OUT.json [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import traceback
from pathlib import Path

from provenance.errors import InputError
from provenance.io.image_reader import fresh_pages_for_large_buffers, read_metadata

Found = list[tuple[str, str, "str | None"]]


def read_one(path: str) -> tuple[str, Found]:
    try:
        meta = read_metadata(path)
    except InputError as exc:
        return path, [("error", str(exc), None)]
    return path, [(e.name, e.value, e.lang) for e in meta.evidence]


def files_under(folder: Path) -> list[str]:
    """Every file under the folder, sorted (one scandir per folder, as os.walk does)."""
    return sorted(os.path.join(top, name) for top, _, names in os.walk(folder) for name in names)


def read_all(folder: Path, jobs: int) -> dict[str, Found]:
    """This process reads every jobs-th file and a forked process each of the other shares (they
    start with the readers loaded and send their results back once, pickled through a pipe)."""
    paths = files_under(folder)
    fresh_pages_for_large_buffers()  # before the fork: the children inherit it
    jobs = max(1, min(jobs, len(paths)))
    children = [read_forked(paths[share::jobs]) for share in range(1, jobs)]
    found = dict(map(read_one, paths[::jobs]))
    for pid, pipe in children:
        found.update(collect(pid, pipe))
    start = len(str(folder)) + 1
    return {p[start:]: found[p] for p in paths}


def read_forked(paths: list[str]) -> tuple[int, int]:
    """(pid, read end of its pipe) of a forked process that reads `paths` and pickles the results."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    os.close(read_end)
    status = 1
    try:
        with os.fdopen(write_end, "wb") as out:
            pickle.dump([read_one(p) for p in paths], out, pickle.HIGHEST_PROTOCOL)
        status = 0
    except BaseException:  # noqa: BLE001 - printed here: os._exit below ends the process without a traceback
        traceback.print_exc()
    finally:
        os._exit(status)


def collect(pid: int, pipe: int) -> list[tuple[str, Found]]:
    with os.fdopen(pipe, "rb") as results:
        data = results.read()
    _, status = os.waitpid(pid, 0)
    if status:
        sys.exit(f"a reader process failed (exit code {os.waitstatus_to_exitcode(status)})")
    found: list[tuple[str, Found]] = pickle.loads(data)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    found = read_all(args.folder, args.jobs)
    # non-ASCII characters escaped: json's ASCII encoder, and no UTF-8 encoding of the whole text, a third
    # less CPU than ensure_ascii=False (orjson's import costs about what it saves: eight pairs of runs)
    args.out.write_bytes(json.dumps(found).encode("ascii"))


if __name__ == "__main__":
    main()
