"""What does the fetch guard cost, and how long does checking an article by URL take?

Starts the tests' HTTP server on 127.0.0.1 (nothing else is contacted) serving
photo-like JPEGs of about --kb KiB and an article page showing --images of them
with Commons captions, plus the MediaWiki API. Times, median of --repeat runs:

  plain     requests.get of each image (one Session, no checks)
  guard     provenance's Fetcher.get of each image (resolve, check, pin, stream, sniff)
  article   check_url of the article page: the page, its images, Commons answers (from
            the cache after the first run), resolve, rules, attribution

and prints the time per image for plain and guard, their ratio, and the article time.

    .venv/bin/python benchmarks/bench_fetch.py [--images 10] [--kb 300] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from provenance.catalog.load import load_catalog  # noqa: E402
from provenance.catalog.profile import UsageProfile  # noqa: E402
from provenance.io.commons import CommonsClient  # noqa: E402
from provenance.io.fetch import Fetcher, FetchPolicy  # noqa: E402
from provenance.io.fetch_rules import parse_allow  # noqa: E402
from provenance.io.url_check import check_url  # noqa: E402
from provenance.io.verify import Verifier  # noqa: E402
from tests import samples  # noqa: E402
from tests.localserver import LocalServer, Reply  # noqa: E402
from tests.website import article, figure, mediawiki  # noqa: E402


def serve(server: LocalServer, count: int, kb: int) -> list[str]:
    side = 400
    while True:
        data = samples.jpeg(samples.picture(side, side * 2 // 3, seed=1), quality=95)
        if len(data) >= kb * 1024 or side > 4000:
            break
        side += 200
    caption = "Photo by Jane Doe, via Wikimedia Commons. Licensed under CC BY-SA 4.0"
    paths = [f"/img/{n}.jpg" for n in range(count)]
    for path in paths:
        server.routes[path] = Reply(data, content_type="image/jpeg")
    server.routes["/news.html"] = Reply(article(*(figure(p, caption) for p in paths)))
    server.routes["/w/api.php"] = mediawiki()
    print(f"{count} images of {len(data) // 1024} KiB each", flush=True)
    return [server.url(p) for p in paths]


def timed(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--images", type=int, default=10)
    parser.add_argument("--kb", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    server = LocalServer().start()
    try:
        urls = serve(server, args.images, args.kb)
        session = requests.Session()
        fetcher = Fetcher(FetchPolicy(allow=parse_allow("127.0.0.1")))
        plain = timed(lambda: [session.get(u).content for u in urls], args.repeat) / len(urls)
        guard = timed(lambda: [fetcher.get(u, expect=("image",)) for u in urls], args.repeat) / len(urls)
        verifier = Verifier(fetcher, CommonsClient(fetcher, api=server.url("/w/api.php")))
        catalog = load_catalog()
        page = timed(lambda: check_url(server.url("/news.html"), catalog, UsageProfile(), verifier), args.repeat)
    finally:
        server.stop()
    print(f"plain requests  {plain * 1000:8.2f} ms per image")
    print(f"fetch guard     {guard * 1000:8.2f} ms per image  ({guard / plain:.2f}x plain)")
    print(f"article by URL  {page * 1000:8.1f} ms for the page and its {args.images} images, checked")


if __name__ == "__main__":
    main()
