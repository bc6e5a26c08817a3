"""Does the archive page stay fast with 100,000 images?

Fills a fresh SQLite database (through the migrations) with N images, each
with a file, a record and findings, in bulk; then times the archive query
behind /archive and /api/images for common filters, sorts and deep pages,
median of --repeat runs, each as a ratio of a reference query run in the
same process (fetching one page of 50 record ids, no joins, no filters): first
computed whole (what the server does once per archive version and filter),
then as the server answers it again ("kept": one version query and a lookup).

    .venv/bin/python benchmarks/bench_archive.py [--images 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from provenance.audit.cache import ArchiveCache  # noqa: E402
from provenance.audit.codes import rebuild_codes  # noqa: E402
from provenance.audit.labels import Labels  # noqa: E402
from provenance.audit.read_model import Filters, archive_page  # noqa: E402
from provenance.catalog.load import default_catalog  # noqa: E402
from provenance.catalog.names import fold_search  # noqa: E402
from provenance.store import tables as t  # noqa: E402
from provenance.store.repository import open_store  # noqa: E402

LICENSES = ["CC-BY-4.0", "CC-BY-SA-4.0", "LicenseRef-Agency", "CC0-1.0", None]
STATUSES = ["ok", "info", "warning", "error"]
CODES = ["missing-credit", "agency-license-required", "needs-verification", "public-domain"]


def fill(sessions, count: int) -> None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        for start in range(0, count, 10_000):
            ids = range(start + 1, min(start + 10_001, count + 1))
            session.execute(insert(t.Image), [{"id": i, "sha256": f"{i:064x}", "phash": f"{i:016x}", "format": "JPEG",
                                               "width": 640, "height": 480, "size": 50_000} for i in ids])
            session.execute(insert(t.File), [{"id": i, "root": "/archive", "path": f"images/{i // 1000:03d}/img{i}.jpg",
                                              "size": 50_000, "mtime_ns": 0, "kind": "image", "image_id": i,
                                              "problems": "", "done": True,
                                              "search": f"images/{i // 1000:03d}/img{i}.jpg"} for i in ids])
            session.execute(insert(t.Record), [{"image_id": i, "creator": f"Photographer {i % 5000}",
                                                "organization": ["AP", "Reuters", "", "Kremlin.ru"][i % 4],
                                                "license_id": LICENSES[i % 5],
                                                "source_id": ["ap", "reuters", None][i % 3],
                                                "status": STATUSES[i % 4], "origins": "{}",
                                                "search": fold_search(f"Photographer {i % 5000} images/img{i}.jpg")}
                                               for i in ids])
            session.execute(insert(t.Finding), [{"image_id": i, "scope": "item", "code": CODES[i % 4],
                                                 "severity": STATUSES[i % 4], "message": "m", "evidence": ""}
                                                for i in ids if STATUSES[i % 4] != "ok"])
        rebuild_codes(session)  # what the audit writes beside the findings
        session.commit()


def timed(work, repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine, sessions = open_store(f"sqlite:///{Path(tmp) / 'archive.db'}")
        fill(sessions, args.images)
        cases = {
            "first page": Filters(),
            "page 1,000": Filters(page=1000),
            "status=error": Filters(status="error"),
            "finding code": Filters(code="agency-license-required"),
            "license": Filters(license="CC0-1.0"),
            "source": Filters(source="ap"),
            "search": Filters(q="photographer 4242"),
            "sort by creator": Filters(sort="creator"),
            "sort by worst": Filters(sort="status"),
            "all filters": Filters(status="error", code="agency-license-required", license="CC-BY-SA-4.0",
                                   q="photographer"),
        }
        labels = Labels(default_catalog())
        with sessions() as session:
            reference = timed(lambda: session.execute(select(t.Record.id).limit(50)).all(), args.repeat)
            print(f"{args.images} images in SQLite; median of {args.repeat}; reference (one page of ids): "
                  f"{reference * 1000:.2f} ms")
            cache = ArchiveCache()
            for name, filters in cases.items():
                seconds = timed(lambda f=filters: archive_page(session, f, labels), args.repeat)
                _, total, _ = archive_page(session, filters, labels, cache)
                kept = timed(lambda f=filters: archive_page(session, f, labels, cache), args.repeat)
                print(f"  {name:<16} {seconds * 1000:8.1f} ms  {seconds / reference:8.0f}x reference; kept "
                      f"{kept * 1000:6.2f} ms {kept / reference:5.1f}x  ({total} rows)")
        engine.dispose()


if __name__ == "__main__":
    main()
