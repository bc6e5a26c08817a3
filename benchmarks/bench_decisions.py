"""How long does one decision take, now that it re-checks only its image or usage and the copy group
of its photo, against the old way (re-check the image, then regroup the whole database)?

Generates an archive (tests/archives.py: N images, N articles in text, HTML and Markdown), audits it
into a fresh SQLite database, then times, alternating, --repeat decisions of each kind and prints the
median CPU and wall time of each and the ratio of each to the old way, measured in this one process:

    old      a decision about an image, then every copy group of the database regrouped (before #13)
    image    record_decision: the image's uses, then its copy group only
    usage    record_usage_decision: one credit of a plain-text article (it has no copy group)
    largest  record_decision about an image of the largest copy group (3 runs): the generated pictures'
             perceptual hashes chain into groups of hundreds, which a decision re-makes whole

    .venv/bin/python benchmarks/bench_decisions.py [--images 2000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from provenance.audit.decisions import (  # noqa: E402
    DecisionInput,
    recheck_image,
    record_decision,
    record_usage_decision,
)
from provenance.audit.final import regroup  # noqa: E402
from provenance.audit.run import run_audit  # noqa: E402
from provenance.catalog.load import Catalog, load_catalog  # noqa: E402
from provenance.catalog.profile import UsageProfile  # noqa: E402
from provenance.store import tables as t  # noqa: E402
from provenance.store.repository import open_store  # noqa: E402
from tests.archives import make_archive  # noqa: E402

SMALL_GROUP = 10  # real archives hold a few copies of a photo; generated pictures chain into big groups


def old_way(sessions: sessionmaker[Session], catalog: Catalog, image_id: int, decision: DecisionInput) -> None:
    """What a decision did before: store it, re-check the image, then regroup every copy group."""
    with sessions() as session:
        session.add_all(t.Decision(image_id=image_id, field=f, value=v, who=decision.who, why=decision.note)
                        for f, v in decision.values.items() if v)
        session.commit()
        recheck_image(session, image_id, catalog, UsageProfile())
        session.commit()
    regroup(sessions)


def timed(call: Callable[..., object], *args: object) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    call(*args)
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        make_archive(folder, images=args.images)
        engine, sessions = open_store(f"sqlite:///{tmp}/bench.db")
        started = time.perf_counter()
        run_audit(str(folder), sessions, catalog, UsageProfile(), jobs=2)
        print(f"audited {args.images} images and {args.images + 4} articles in {time.perf_counter() - started:.0f} s")
        with sessions() as session:
            group_of = {i: g for i, g in session.execute(select(t.Image.id, t.Image.group_id))}
            sizes = Counter(group_of.values())
            used = session.scalars(select(t.Usage.image_id).where(t.Usage.image_id.is_not(None))).all()
            images = [i for i in used if i is not None and sizes[group_of[i]] <= SMALL_GROUP]
            largest = max(used, key=lambda i: sizes[group_of[i]] if i is not None else 0)
            credits = session.scalars(select(t.Usage.id).where(t.Usage.image_id.is_(None), t.Usage.src.is_(None))
                                      ).all()
            records = session.query(t.Record).count()
        print(f"{records} archive rows; {len(used)} usages with an image, {len(credits)} text credits; "
              f"copy groups by size: {sorted(Counter(sizes.values()).items())}")
        kinds: dict[str, list[tuple[float, float]]] = {"old": [], "image": [], "usage": [], "largest": []}
        for n in range(args.repeat):
            decision = DecisionInput({"license": "CC-BY-4.0", "creator": f"Desk {n}", "organization": ""},
                                     "bench", "")
            image_id, usage_id = images[n * 7 % len(images)], credits[n * 5 % len(credits)]
            kinds["old"].append(timed(old_way, sessions, catalog, image_id, decision))
            kinds["image"].append(timed(record_decision, sessions, catalog, UsageProfile(), image_id, decision))
            kinds["usage"].append(timed(record_usage_decision, sessions, catalog, UsageProfile(), usage_id, decision))
            if n < 3 and largest is not None:
                kinds["largest"].append(timed(record_decision, sessions, catalog, UsageProfile(), largest, decision))
        engine.dispose()
    print(f"(old and image: images in copy groups of up to {SMALL_GROUP}; largest: an image of the largest "
          f"copy group, {max(sizes.values())} images, whose findings are re-made whole)")
    old_cpu = statistics.median(c for c, _ in kinds["old"])
    print(f"{'decision':8} {'CPU ms':>8} {'wall ms':>8} {'CPU vs old':>11}")
    for kind, runs in kinds.items():
        cpu, wall = statistics.median(c for c, _ in runs), statistics.median(w for _, w in runs)
        print(f"{kind:8} {cpu * 1000:8.1f} {wall * 1000:8.1f} {cpu / old_cpu:11.3f}")


if __name__ == "__main__":
    main()
