"""Does the HTML reader stay linear on hostile shapes of article? Each shape is built at n, 2n, 4n, 8n and read
(provenance.parse.articles.find_images, the reader alone; with --check, check_article, the reader and every image's
credit read and resolved); the CPU time of each size is printed and, after the first, its ratio to the previous
size's (about 2 when the time is linear in the input, about 4 when quadratic). The best of --repeat runs.

    .venv/bin/python benchmarks/bench_html_shapes.py [--sizes 250,500,1000,2000] [--repeat 3] [--check]
        [--shape nested-figures ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["PROVENANCE_OFFLINE"] = "1"

from provenance import default_catalog  # noqa: E402
from provenance.check import check_article  # noqa: E402
from provenance.parse.articles import find_images  # noqa: E402

CREDIT = "Photo: Jane Doe/AP"


def _nested_figures(n: int) -> str:
    return '<figure><img src="a.jpg">' * n + "</figure>" * n


def _nested_captioned(n: int) -> str:
    return "".join(f'<figure><img src="i{i}.jpg"><figcaption>Photo {i}: Jane Doe/AP</figcaption>' for i in range(n)) \
        + "</figure>" * n


def _nested_caption_last(n: int) -> str:
    """Each figure's figcaption after the figures it holds, as a gallery writes it."""
    return "".join(f'<figure><img src="i{i}.jpg">' for i in range(n)) \
        + "".join(f"<figcaption>Photo {i}: Jane Doe/AP</figcaption></figure>" for i in reversed(range(n)))


def _deep_caption(n: int) -> str:
    return '<figure><img src="a.jpg"><figcaption>' + "<span><div>" * n + CREDIT + "</div></span>" * n \
        + "</figcaption></figure>"


def _sibling_figures(n: int) -> str:
    return "".join(f'<figure><img src="i{i}.jpg"><figcaption>{CREDIT}</figcaption></figure>' for i in range(n))


def _gallery(n: int) -> str:
    return "<figure>" + "".join(f'<img src="i{i}.jpg">' for i in range(n)) \
        + f"<figcaption>{CREDIT}</figcaption></figure>"


def _nested_links(n: int) -> str:
    return "".join(f'<a href="https://example.org/{i}" title="Photo by Jane Doe, CC BY 4.0"><img src="i{i}.jpg">'
                   for i in range(n)) + "</a>" * n


def _nested_links_in_caption(n: int) -> str:
    return '<figure><img src="a.jpg"><figcaption>Photo: ' + "".join(
        f'<a href="https://example.org/{i}">Jane Doe {i}' for i in range(n)) + "</a>" * n + "</figcaption></figure>"


def _nested_text_links(n: int) -> str:
    """n links nested n deep, each around its picture and a name."""
    return "".join(f'<a href="https://example.org/{i}" title="Photo by Jane Doe, CC BY 4.0"><img src="i{i}.jpg">'
                   "Jane Doe " for i in range(n)) + "</a>" * n


def _nested_credits(n: int) -> str:
    """A figcaption of n credit elements nested n deep."""
    return '<figure><img src="a.jpg"><figcaption>' + '<span class="credit">Photo: Jane Doe/AP ' * n \
        + "</span>" * n + "</figcaption></figure>"


def _nested_linked_captions(n: int) -> str:
    """n figures nested n deep, each with its picture and a caption that links its credit."""
    return "".join(f'<figure><img src="i{i}.jpg"><figcaption>Photo: <a href="https://example.org/{i}">Jane Doe</a>'
                   "</figcaption>" for i in range(n)) + "</figure>" * n


def _deep_gallery(n: int) -> str:
    """One figure holding n pictures, each a level deeper in plain blocks."""
    return "<figure>" + '<div><img src="a.jpg">' * n + "</div>" * n + f"<figcaption>{CREDIT}</figcaption></figure>"


def _nested_figcaptions(n: int) -> str:
    return '<figure><img src="a.jpg">' + "<figcaption>Photo: Jane Doe/AP " * n + "</figcaption>" * n + "</figure>"


def _text_after_children(n: int) -> str:
    """n blocks nested n deep, each with a line break and then its text (the tree builder's linking)."""
    return '<figure><img src="a.jpg">' + "<div><br>x" * n + "</div>" * n + "</figure>"


def _addressless_gallery(n: int) -> str:
    """A figure of n images side by side with no address (a script fills them in), and n text links after them."""
    return "<figure>" + '<img alt="x">' * n + f"<figcaption>{CREDIT}</figcaption></figure>"


def _nested_microdata_text(n: int) -> str:
    """n ImageObjects nested n deep, each inside the caption property of the one around it."""
    return '<div itemscope itemtype="https://schema.org/ImageObject"><span itemprop="caption">The dam. ' * n \
        + "</span></div>" * n


def _label_links(n: int) -> str:
    """n links nested n deep, each around its picture and a UI label alone (a text no reader counts)."""
    return '<a href="https://example.org/" title="Photo by Jane Doe, CC BY 4.0"><img src="a.jpg">hide caption ' * n \
        + "</a>" * n


def _rdfa_credits(n: int) -> str:
    """A caption of n credit elements nested n deep with no text of their own, each holding an RDFa property."""
    return '<figure><img src="a.jpg"><figcaption>' + '<span class="credit"><span property="cc:x"></span>' * n \
        + CREDIT + "</span>" * n + "</figcaption></figure>"


def _long_attributes(n: int) -> str:
    words = "The dam at Orrin, by Jane Doe/AP. " * n
    return f'<figure data-caption="{words}" data-credit="{words}"><img src="a.jpg" alt="{words}" title="{words}">' \
        f'<figcaption class="{"caption " * n}">{CREDIT}</figcaption></figure>'


def _nested_boxes(n: int) -> str:
    return '<div class="wp-caption">' * n + '<img src="a.jpg"><p class="wp-caption-text">' + CREDIT + "</p>" \
        + "</div>" * n


def _nested_buttons(n: int) -> str:
    return '<figure><img src="a.jpg"><figcaption>' + "<button>hide caption" * n + "</button>" * n \
        + f'<a href="https://example.org/">{CREDIT}</a></figcaption></figure>'


SHAPES: dict[str, Callable[[int], str]] = {
    "nested-figures": _nested_figures,
    "nested-captioned": _nested_captioned,
    "nested-caption-last": _nested_caption_last,
    "deep-caption": _deep_caption,
    "sibling-figures": _sibling_figures,
    "gallery": _gallery,
    "nested-links": _nested_links,
    "nested-links-in-caption": _nested_links_in_caption,
    "nested-text-links": _nested_text_links,
    "nested-credits": _nested_credits,
    "nested-linked-captions": _nested_linked_captions,
    "deep-gallery": _deep_gallery,
    "nested-figcaptions": _nested_figcaptions,
    "text-after-children": _text_after_children,
    "addressless-gallery": _addressless_gallery,
    "nested-microdata-text": _nested_microdata_text,
    "label-links": _label_links,
    "rdfa-credits": _rdfa_credits,
    "long-attributes": _long_attributes,
    "nested-boxes": _nested_boxes,
    "nested-buttons": _nested_buttons,
}


def best(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="250,500,1000,2000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="time check_article, not the reader alone")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="(default: every shape)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    catalog = default_catalog()
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * max(sizes) + 1000))
    for name in args.shape or SHAPES:
        build = SHAPES[name]
        if args.check:
            def work(text: str) -> object:
                return check_article(text, catalog, kind="html")
        else:
            def work(text: str) -> object:
                return find_images(text, "html", catalog)
        work(build(sizes[0]))  # warm the catalog's compiled patterns
        cells, previous = [], 0.0
        for size in sizes:
            text = build(size)
            seconds = best(lambda text=text: work(text), args.repeat)  # type: ignore[misc]
            cells.append(f"{size}: {seconds:.3f} s" + (f" (x{seconds / max(previous, 1e-4):.2f})" if previous else ""))
            previous = seconds
        print(f"{name:24} " + "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
