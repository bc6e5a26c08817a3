"""How fast and how right is provenance next to ExifTool's batch extraction of the rights tags?

It builds (once, then reuses) a corpus of N images (default 2,000; see
benchmarks/corpus.py) with articles, installs ExifTool from Debian's
libimage-exiftool-perl when it is missing, and then, for several rounds,
runs each of our paths right after one ExifTool batch run over the same
images, every run a whole fresh process:

    exiftool -json -G1 -a -r -fast2 <the rights tags> FOLDER

- metadata: our reader alone over every image (benchmarks/read_rights.py, all cores);
- audit --no-phash: a first `provenance audit` of the archive into a new SQLite database;
- audit: the same with perceptual hashes (the default);
- re-audit: `provenance audit` of the unchanged archive again, into the database just filled.

It prints per path the median wall time, the median of the paired ratios
ours/ExifTool, the CPU time and the peak memory (largest process), then
checks every rights field of every file, as read by us and by ExifTool,
against the generator's ground truth.

    .venv/bin/python benchmarks/bench_exiftool.py [--images 2000] [--rounds 3] [--jobs 2] [--workdir DIR]
        [--paths metadata ...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

PROVENANCE = [sys.executable, "-m", "provenance"]
PATHS = ("metadata", "audit --no-phash", "audit", "re-audit")
TAGS = sorted({f"-{tag}" for tag in corpus.EXIFTOOL_TAGS.values()})


@dataclass
class Runs:
    """The measurements of one path: (ours, ExifTool's) per round."""

    wall: list[tuple[float, float]] = field(default_factory=list)
    cpu: list[tuple[float, float]] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)


def ensure_exiftool() -> str:
    found = shutil.which("exiftool")
    if found:
        return found
    print("ExifTool is missing: installing Debian's libimage-exiftool-perl", flush=True)
    for argv in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "libimage-exiftool-perl"]):
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return shutil.which("exiftool") or sys.exit("ExifTool could not be installed")


def timed(argv: list[str], out: Path | None = None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB of the largest process) of one command and its workers."""
    start = time.perf_counter()
    with open(out or os.devnull, "wb") as sink:
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: the audit found errors, as it should
        sys.exit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def exiftool_argv(exiftool: str, folder: Path) -> list[str]:
    return [exiftool, "-json", "-G1", "-a", "-r", "-fast2", *TAGS, str(folder)]


def our_paths(work: Path, archive: Path, jobs: int, round_: int) -> dict[str, list[str]]:
    db = work / f"audit-{round_}.db"
    lean = work / f"lean-{round_}.db"
    for path in (db, lean):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    audit = [*PROVENANCE, "audit", str(archive), "--jobs", str(jobs)]
    return {
        "metadata": [sys.executable, str(HERE / "read_rights.py"), str(archive / "images"),
                     str(work / "ours.json"), "--jobs", str(jobs)],
        "audit --no-phash": [*audit, "--db", f"sqlite:///{lean}", "--no-phash"],
        "audit": [*audit, "--db", f"sqlite:///{db}"],
        "re-audit": [*audit, "--db", f"sqlite:///{db}"],
    }


def measure(exiftool: str, work: Path, archive: Path, rounds: int, jobs: int, only: list[str]) -> dict[str, Runs]:
    runs: dict[str, Runs] = {}
    for round_ in range(rounds):
        for name, argv in our_paths(work, archive, jobs, round_).items():
            if name not in only and not (name == "audit" and "re-audit" in only):  # the re-audit needs the audit
                continue
            anchor, anchor_cpu, _ = timed(exiftool_argv(exiftool, archive / "images"), work / "exiftool.json")
            wall, cpu, peak = timed(argv)
            one = runs.setdefault(name, Runs())
            one.wall.append((wall, anchor))
            one.cpu.append((cpu, anchor_cpu))
            one.peak_mib.append(peak)
            print(f"  round {round_ + 1}: {name:<17} {wall:7.2f}s  ExifTool {anchor:6.2f}s  "
                  f"ratio {wall / anchor:5.3f}", flush=True)
    return runs


def report(runs: dict[str, Runs], count: int, jobs: int) -> None:
    print(f"\n{count} images, --jobs {jobs}; medians over {len(next(iter(runs.values())).wall)} rounds, "
          "each run paired with an ExifTool batch run just before it")
    print("  wall time, then CPU time (all processes; the steadier figure on a shared machine), then the peak "
          "resident memory of the largest process")
    print(f"  {'path':<17} {'ours':>8} {'ExifTool':>9} {'ratio':>7} {'CPU ours':>9} {'ExifTool':>9} {'ratio':>7}"
          f" {'peak':>10}")
    for name, one in runs.items():
        med = statistics.median
        print(f"  {name:<17} {med(w for w, _ in one.wall):7.2f}s {med(a for _, a in one.wall):8.2f}s "
              f"{med(w / a for w, a in one.wall):7.3f} {med(c for c, _ in one.cpu):8.2f}s "
              f"{med(a for _, a in one.cpu):8.2f}s {med(c / a for c, a in one.cpu):7.3f} "
              f"{max(one.peak_mib):6.1f} MiB")


def check_ours(truth: dict[str, corpus.Truth], ours_json: Path) -> tuple[int, int]:
    """(fields in the ground truth, fields we did not return exactly)."""
    ours = json.loads(ours_json.read_text(encoding="utf-8"))
    total = missed = 0
    for name, facts in truth.items():
        got = {tuple(x) for x in ours.get(name.removeprefix("images/"), [])}
        for fact in facts:
            total += 1
            if tuple(fact) not in got:
                missed += 1
                print(f"    we missed {name}: {fact}")
    return total, missed


def check_exiftool(truth: dict[str, corpus.Truth], exif_json: Path) -> tuple[int, int, int]:
    """(fields asked, values ExifTool got wrong, values it did not return), default language only."""
    theirs = {Path(d["SourceFile"]).name: d for d in json.loads(exif_json.read_text(encoding="utf-8"))}
    asked = wrong = missing = 0
    for name, facts in truth.items():
        record = theirs.get(Path(name).name, {})
        for field_name, value, lang in facts:
            if lang not in (None, "x-default"):
                continue
            asked += 1
            got = record.get(corpus.EXIFTOOL_TAGS[field_name])
            values = [str(v) for v in got] if isinstance(got, list) else [] if got is None else [str(got)]
            if not values:
                missing += 1
            elif value not in values:
                wrong += 1
    return asked, wrong, missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "provenance-bench")
    parser.add_argument("--paths", nargs="+", choices=PATHS, default=list(PATHS),
                        help="measure only these of our paths (default: all; the correctness check needs metadata)")
    args = parser.parse_args()
    exiftool = ensure_exiftool()
    folder = args.workdir / f"corpus-{args.images}-v{corpus.VERSION}"
    print(f"corpus: {folder} (built once, then reused)", flush=True)
    truth = corpus.build(folder, args.images, args.jobs)
    archive = folder / "archive"
    size = sum(p.stat().st_size for p in (archive / "images").iterdir())
    print(f"  {len(truth)} images, {size / 2**20:.0f} MiB, {sum(1 for f in truth.values() if not f)} without "
          f"rights metadata, {sum(len(f) for f in truth.values())} rights fields", flush=True)
    runs = measure(exiftool, args.workdir, archive, args.rounds, args.jobs, args.paths)
    report(runs, len(truth), args.jobs)
    if "metadata" not in args.paths:
        return
    total, missed = check_ours(truth, args.workdir / "ours.json")
    print(f"\ncorrectness: we read {total - missed} of {total} rights fields exactly "
          f"({100 * (total - missed) / total:.1f}%)")
    asked, wrong, missing = check_exiftool(truth, args.workdir / "exiftool.json")
    print(f"  ExifTool, default language: {wrong} of {asked} values wrong ({100 * wrong / asked:.1f}%), "
          f"{missing} not returned ({100 * missing / asked:.1f}%)")
    if missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
