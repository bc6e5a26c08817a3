"""Does an audit's memory stay flat as the archive grows?

For each size (default 1,000 and 10,000 images) it generates an archive of
small JPEGs with EXIF/IPTC/XMP (every third bare) and one Markdown article per
ten images, then audits it into a fresh SQLite database in a fresh Python
process, which reports its own peak memory and its worker processes' peak.
It prints both per size, the time, and each figure as a ratio of the smallest
size's (flat memory: a ratio near 1 while the archive grows tenfold).

    .venv/bin/python benchmarks/bench_audit.py [--sizes 1000 10000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import samples  # noqa: E402

RUN = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from provenance.audit.run import run_audit
from provenance.catalog.load import load_catalog
from provenance.catalog.profile import UsageProfile
from provenance.store.repository import open_store
engine, sessions = open_store({db!r})
start = time.perf_counter()
stats = run_audit({archive!r}, sessions, load_catalog(), UsageProfile(), jobs={jobs})
print(json.dumps({{"seconds": time.perf_counter() - start, "files": stats.seen, "extracted": stats.extracted,
                   "self_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   "workers_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}}))
"""


def make_archive(folder: Path, count: int) -> None:
    (folder / "images").mkdir(parents=True)
    (folder / "articles").mkdir()
    bases = [samples.picture(160, 120, seed) for seed in range(16)]
    for n in range(count):
        pic = bases[n % len(bases)].rotate(n % 360, expand=False)
        extra = {} if n % 3 == 0 else {
            "exif": samples.exif_bytes(artist=f"Photographer {n}"),
            "xmp": samples.Xmp(creators=[f"Photographer {n}"], cc_license="https://creativecommons.org/licenses/by/4.0/"),
            "iptc": samples.iptc_app13({(2, 80): f"Photographer {n}", (2, 110): "AP"}),
        }
        (folder / "images" / f"img{n:06d}.jpg").write_bytes(samples.jpeg(pic, **extra))
    for a in range(0, count, 10):
        lines = [f"# Story {a}\n"]
        lines += [f"![Picture {n}](../images/img{n:06d}.jpg)\n*Caption {n}. Photo: Reporter {n}/Reuters*\n"
                  for n in range(a, min(a + 10, count))]
        (folder / "articles" / f"story{a:06d}.md").write_text("\n".join(lines), encoding="utf-8")


def measure(count: int, jobs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        make_archive(archive, count)
        code = RUN.format(root=str(ROOT), db=f"sqlite:///{Path(tmp) / 'audit.db'}", archive=str(archive), jobs=jobs)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    results = {count: measure(count, args.jobs) for count in args.sizes}
    first = results[args.sizes[0]]
    print(f"audit into SQLite, --jobs {args.jobs}; peak resident memory of the audit process and of its largest "
          "worker; ratio to the first size")
    for count, r in results.items():
        print(f"  {count:>6} images, {r['files']:>6} files: {r['seconds']:7.1f}s  "
              f"main {r['self_kib'] / 1024:6.1f} MiB ({r['self_kib'] / first['self_kib']:.2f}x)  "
              f"worker {r['workers_kib'] / 1024:6.1f} MiB ({r['workers_kib'] / first['workers_kib']:.2f}x)")


if __name__ == "__main__":
    main()
