"""How fast is reading rights metadata, against decoding the pixels?

Generates a corpus of realistic JPEGs (photo-like content, 1600x1067, EXIF +
IPTC + XMP) in a temporary folder, then times, in this one process and over
the same files, median of --repeat runs:

  reference  Pillow open + load() of every file (what a pixel decode costs)
  metadata   provenance.reader.read_metadata of every file (our reader)
  floor      reading the first 128 KiB of every file, nothing else

and prints files/s and each time as a ratio of the reference.

    .venv/bin/python benchmarks/bench_metadata.py [--files 300] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from provenance.io.image_reader import read_metadata  # noqa: E402
from tests import samples  # noqa: E402


def make_corpus(folder: Path, count: int) -> list[Path]:
    paths = []
    bases = [samples.picture(1600, 1067, seed) for seed in range(8)]
    for n in range(count):
        xmp = samples.Xmp(creators=[f"Photographer {n}", "Ana Ruiz"], rights={"x-default": f"© 2025 Agency {n}"},
                          cc_license="https://creativecommons.org/licenses/by/4.0/", credit="AP",
                          description={"x-default": f"Caption {n}. Photo: Jane Doe/AP"})
        iptc = samples.iptc_app13({(2, 80): f"Jöhn Dœ {n}", (2, 110): "AP", (2, 116): "© AP",
                                   (2, 120): f"Caption {n}. (AP Photo/Jane Doe)"})
        data = samples.jpeg(bases[n % len(bases)], exif=samples.exif_bytes(artist=f"Jöhn {n}"), xmp=xmp, iptc=iptc)
        path = folder / f"img{n:05d}.jpg"
        path.write_bytes(data)
        paths.append(path)
    return paths


def decode(path: Path) -> None:
    with Image.open(path) as im:
        im.load()


def floor(path: Path) -> None:
    with open(path, "rb") as handle:
        handle.read(128 * 1024)


def timed(paths: list[Path], work: Callable[[Path], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for path in paths:
            work(path)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.files)
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        timed(paths, floor, 1)  # warm the page cache
        found = sum(len(read_metadata(p).evidence) for p in paths)
        results = {name: timed(paths, work, args.repeat)
                   for name, work in (("reference", decode), ("metadata", read_metadata), ("floor", floor))}
    print(f"{args.files} JPEGs, 1600x1067, {size:.0f} KiB each on average; {found} pieces of evidence read; "
          f"median of {args.repeat} runs")
    for name, seconds in results.items():
        print(f"  {name:<10} {args.files / seconds:>9.0f} files/s   {seconds / results['reference']:.3f} x reference")


if __name__ == "__main__":
    main()
