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
from provenance.io.image_reader import read_metadata

Found = list[tuple[str, str, "str | None"]]


def read_one(path: str) -> tuple[str, Found]:
    try:
        meta = read_metadata(path)
    except InputError as exc:
        return path, [("error", str(exc), None)]
    return path, [(e.name, e.value, e.lang) for e in meta.evidence]


def read_all(folder: Path, jobs: int) -> dict[str, Found]:
    paths = sorted(str(p) for p in folder.rglob("*") if p.is_file())
    if jobs <= 1:
        return {str(Path(p).relative_to(folder)): found for p, found in map(read_one, paths)}
    with ProcessPoolExecutor(jobs) as pool:
        return {str(Path(p).relative_to(folder)): found for p, found in pool.map(read_one, paths, chunksize=32)}


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
