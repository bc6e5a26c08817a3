"""Read the rights metadata of every image under a folder with provenance's reader, on all cores,
and write it as JSON: {relative path: [[evidence name, value, language], ...]}.

The "metadata extraction alone" path of bench_exiftool.py, run as its own process like ExifTool:

    .venv/bin/python benchmarks/read_rights.py FOLDER OUT.json [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
from concurrent.futures import ProcessPoolExecutor
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
    paths = files_under(folder)
    fresh_pages_for_large_buffers()  # before the workers fork: they inherit it
    start = len(str(folder)) + 1
    if jobs <= 1:
        return {p[start:]: found for p, found in map(read_one, paths)}
    with ProcessPoolExecutor(jobs) as pool:  # forked after the imports: the workers start with the readers loaded
        return {p[start:]: found for p, found in pool.map(read_one, paths, chunksize=64)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    found = read_all(args.folder, args.jobs)
    args.out.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
