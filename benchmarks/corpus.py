"""A reproducible corpus of images with rights metadata, and its ground truth.

Every image gets a random mix of rights fields (EXIF, IPTC IIM, XMP, PNG
text) in UTF-8 or cp1252, with or without the IPTC 1:90 character-set
marker; about 20% get none. Sizes run from web pictures to 12-megapixel
camera files; formats are JPEG, PNG, WebP, TIFF and HEIC. Some pictures are
published twice (another size or format), and one Markdown article per ten
images references them with a caption credit.

The ground truth (truth.json) maps each image to the (field name, value,
language) triples the reader must return, each with the ExifTool tag that
holds the same value. A finished corpus is reused: truth.json is written last.
"""

from __future__ import annotations

import json
import random
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from tests import samples  # noqa: E402

VERSION = 1
WEB = [(640, 427), (1024, 683), (1280, 853), (1600, 1067)]
CAMERA = [(2048, 1365), (3000, 2000), (4000, 3000)]
FORMATS = [("jpg", 70), ("png", 8), ("webp", 10), ("tif", 6), ("heic", 6)]
NAMES_UTF8 = ["Ana Ruiz", "José Müller", "Zoë Ørsted", "Дмитрий Иванов", "王小明", "Łukasz Żółć", "Nguyễn Văn An",
              "Ayşe Yılmaz", "Jane Doe", "Søren Kierkegård"]
NAMES_CP1252 = ["François Dürr", "Åsa Nyström", "Œuvre “Studio” – Paris", "Renée Fauré", "José Núñez", "John Smith"]
AGENCIES = ["Reuters", "AP", "AFP", "Getty Images", "EPA-EFE", "dpa", "NASA", "Wikimedia Commons"]
LICENSES = [("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
            ("CC BY-SA 2.0", "https://creativecommons.org/licenses/by-sa/2.0/"),
            ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
            ("All rights reserved", "https://www.reuters.com/terms")]
# our evidence name -> ExifTool's group:tag (-G1)
EXIFTOOL_TAGS = {
    "EXIF Artist": "IFD0:Artist", "EXIF Copyright": "IFD0:Copyright",
    "EXIF ImageDescription": "IFD0:ImageDescription", "EXIF XPAuthor": "IFD0:XPAuthor",
    "EXIF UserComment": "ExifIFD:UserComment",
    "IPTC 2:80 By-line": "IPTC:By-line", "IPTC 2:110 Credit": "IPTC:Credit", "IPTC 2:115 Source": "IPTC:Source",
    "IPTC 2:116 Copyright Notice": "IPTC:CopyrightNotice", "IPTC 2:120 Caption-Abstract": "IPTC:Caption-Abstract",
    "XMP dc:creator": "XMP-dc:Creator", "XMP dc:rights": "XMP-dc:Rights",
    "XMP xmpRights:UsageTerms": "XMP-xmpRights:UsageTerms", "XMP photoshop:Credit": "XMP-photoshop:Credit",
    "XMP cc:license": "XMP-cc:License", "XMP xmpRights:WebStatement": "XMP-xmpRights:WebStatement",
    "PNG Author": "PNG:Author", "PNG Copyright": "PNG:Copyright", "PNG Description": "PNG:Description",
    "PNG Source": "PNG:Source",
}
Truth = list[tuple[str, str, "str | None"]]


@dataclass
class Plan:
    """What one image file holds: its picture, size, format and rights fields."""

    index: int
    seed: int
    size: tuple[int, int]
    fmt: str
    exif: dict[str, str] = field(default_factory=dict)
    exif_encoding: str = "utf-8"
    iptc: dict[str, str] = field(default_factory=dict)
    iptc_encoding: str = "utf-8"
    iptc_marker: bool = True
    xmp: dict[str, object] = field(default_factory=dict)
    png: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"images/img{self.index:05d}.{self.fmt}"

    def iptc_fields(self) -> dict[tuple[int, int], str]:
        """IIM (record, dataset) -> value, from names like 'IPTC 2:80 By-line'."""
        return {(2, int(name.split()[1].split(":")[1])): value for name, value in self.iptc.items()}


def plan_corpus(count: int, seed: int = 14) -> list[Plan]:
    rng = random.Random(seed)
    plans = []
    for index in range(count):
        copy_of = plans[rng.randrange(len(plans))] if plans and rng.random() < 0.03 else None
        fmt = rng.choices([f for f, _ in FORMATS], [w for _, w in FORMATS])[0]
        size = rng.choice(CAMERA if fmt == "jpg" and rng.random() < 0.4 else WEB)
        plan = Plan(index, copy_of.seed if copy_of else index, size, fmt)
        if rng.random() >= 0.2:
            _fill(plan, rng)
        plans.append(plan)
    return plans


def _fill(plan: Plan, rng: random.Random) -> None:
    """A random combination of rights blocks the format can hold."""
    blocks = {"exif": 0.6, "xmp": 0.6, "iptc": 0.6 if plan.fmt in ("jpg", "tif") else 0.0,
              "png": 0.8 if plan.fmt == "png" else 0.0}
    chosen = [b for b, p in blocks.items() if rng.random() < p] or [max(blocks, key=lambda b: blocks[b])]
    creator, agency = rng.choice(NAMES_UTF8 + NAMES_CP1252), rng.choice(AGENCIES)
    license_name, license_url = rng.choice(LICENSES)
    if "exif" in chosen:
        _fill_exif(plan, rng, creator, agency)
    if "iptc" in chosen:
        _fill_iptc(plan, rng, creator, agency)
    if "xmp" in chosen:
        plan.xmp = {"creators": [creator] + ([rng.choice(NAMES_UTF8)] if rng.random() < 0.2 else []),
                    "rights": _langs(rng, f"© 2024 {creator}"), "credit": f"{creator}/{agency}",
                    "usage_terms": _langs(rng, f"Licensed under {license_name}"), "cc_license": license_url}
        if rng.random() < 0.3:
            plan.xmp["web_statement"] = license_url
    if "png" in chosen:
        plan.png = {"Author": creator, "Copyright": f"© {agency}", "Description": f"Harbour at dawn. {agency}"}


def _fill_exif(plan: Plan, rng: random.Random, creator: str, agency: str) -> None:
    plan.exif_encoding = "cp1252" if creator in NAMES_CP1252 and rng.random() < 0.6 else "utf-8"
    plan.exif = {"EXIF Artist": creator, "EXIF Copyright": f"© {agency} 2024"}
    if rng.random() < 0.4:
        plan.exif["EXIF ImageDescription"] = f"Protesters gather at the square. {creator}/{agency}"
    if rng.random() < 0.2:
        plan.exif["EXIF XPAuthor"] = creator
    if rng.random() < 0.2 and plan.fmt != "tif":  # the TIFF writer keeps IFD0 only: no Exif IFD
        plan.exif["EXIF UserComment"] = f"Photo: {creator}"


def _fill_iptc(plan: Plan, rng: random.Random, creator: str, agency: str) -> None:
    plan.iptc_marker = plan.fmt == "tif" or rng.random() < 0.5
    plan.iptc_encoding = "cp1252" if not plan.iptc_marker and creator in NAMES_CP1252 else "utf-8"
    plan.iptc = {"IPTC 2:80 By-line": creator, "IPTC 2:110 Credit": agency, "IPTC 2:116 Copyright Notice":
                 f"© 2024 {agency}"}
    if rng.random() < 0.5:
        plan.iptc["IPTC 2:115 Source"] = agency
        plan.iptc["IPTC 2:120 Caption-Abstract"] = f"Rescue workers search the rubble. {creator}/{agency}"


def _langs(rng: random.Random, text: str) -> dict[str, str]:
    """x-default alone, x-default and German, or en-US alone (no x-default: such files exist)."""
    return rng.choice([{"x-default": text}, {"x-default": text, "de": f"{text} (de)"}, {"en-US": text}])


def truth(plan: Plan) -> Truth:
    """The (evidence name, value, language) triples the reader must return for this file."""
    found: Truth = [(k, v, None) for k, v in [*plan.exif.items(), *plan.iptc.items()]]
    found += [(f"PNG {k}", v, None) for k, v in plan.png.items()]
    xmp = plan.xmp
    if xmp:
        found += [("XMP dc:creator", c, None) for c in xmp["creators"]]  # type: ignore[attr-defined]
        for name, key in (("XMP dc:rights", "rights"), ("XMP xmpRights:UsageTerms", "usage_terms")):
            found += [(name, v, lang) for lang, v in xmp[key].items()]  # type: ignore[attr-defined]
        found += [("XMP photoshop:Credit", str(xmp["credit"]), None), ("XMP cc:license", str(xmp["cc_license"]), None)]
        if "web_statement" in xmp:
            found.append(("XMP xmpRights:WebStatement", str(xmp["web_statement"]), None))
    return found


def render(plan: Plan, texture: Image.Image) -> bytes:
    """The file's bytes: a picture unique to its seed, with the texture's grain, and its metadata."""
    width, height = plan.size
    base = samples.picture(max(width // 8, 32), max(height // 8, 24), plan.seed).resize(plan.size, Image.BILINEAR)
    im = Image.blend(base, texture.crop((0, 0, width, height)), 0.12)
    exif = _exif(plan)
    xmp = samples.Xmp(**plan.xmp) if plan.xmp else None  # type: ignore[arg-type]
    if plan.fmt == "jpg":
        iptc = samples.iptc_app13(plan.iptc_fields(), plan.iptc_marker, plan.iptc_encoding) if plan.iptc else None
        return samples.jpeg(im, exif=exif, xmp=xmp, iptc=iptc)
    if plan.fmt == "png":
        return samples.png(im, text=plan.png, xmp=xmp, exif=exif)
    if plan.fmt == "webp":
        return samples.webp(im, exif=exif, xmp=xmp)
    if plan.fmt == "tif":
        return samples.tiff(im, exif=exif, xmp=xmp, iptc_fields=plan.iptc_fields() or None)
    return _heic(im, exif, xmp)


def _exif(plan: Plan) -> bytes | None:
    if not plan.exif:
        return None
    e = plan.exif
    return samples.exif_bytes(artist=e.get("EXIF Artist"), copyright=e.get("EXIF Copyright"),
                              description=e.get("EXIF ImageDescription"), xp_author=e.get("EXIF XPAuthor"),
                              user_comment=e.get("EXIF UserComment"), encoding=plan.exif_encoding)


def _heic(im: Image.Image, exif: bytes | None, xmp: samples.Xmp | None) -> bytes:
    import io

    from pillow_heif import register_heif_opener

    register_heif_opener()
    buf = io.BytesIO()
    options: dict[str, object] = {"quality": 70, "enc_params": {"preset": "ultrafast"}}
    if exif:
        options["exif"] = exif
    if xmp:
        options["xmp"] = xmp.packet()
    im.save(buf, "HEIF", **options)
    return buf.getvalue()


def article(plans: list[Plan], number: int) -> str:
    """A Markdown article using these images, each with a caption credit."""
    lines = [f"# Story {number}\n", "Rescue teams worked through the night.\n"]
    for plan in plans:
        who = plan.iptc.get("IPTC 2:80 By-line") or plan.exif.get("EXIF Artist") or "Staff"
        lines.append(f"![Picture {plan.index}](../{plan.name})\n*Rescue workers at the scene. Photo: {who}/Reuters*\n")
    return "\n".join(lines)


def _write_chunk(args: tuple[str, list[Plan]]) -> int:
    folder, plans = args
    texture = Image.effect_noise((4000, 3000), 40).convert("RGB")
    for plan in plans:
        path = Path(folder) / plan.name
        if not path.exists():  # an interrupted build goes on where it stopped
            part = path.with_suffix(".part")
            part.write_bytes(render(plan, texture))
            part.rename(path)
    return len(plans)


def build(folder: Path, count: int, jobs: int = 2) -> dict[str, Truth]:
    """Write the corpus into folder (reused when complete) and return its ground truth."""
    marker = folder / "truth.json"
    if marker.exists():
        return {k: [tuple(t) for t in v] for k, v in json.loads(marker.read_text(encoding="utf-8")).items()}
    archive = folder / "archive"
    (archive / "images").mkdir(parents=True, exist_ok=True)
    (archive / "articles").mkdir(exist_ok=True)
    plans = plan_corpus(count)
    chunks = [(str(archive), plans[i::jobs * 2]) for i in range(jobs * 2)]
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_write_chunk, chunks))
    for start in range(0, count, 10):
        (archive / "articles" / f"story{start:05d}.md").write_text(article(plans[start:start + 10], start),
                                                                   encoding="utf-8")
    found = {plan.name: truth(plan) for plan in plans}
    marker.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    return found
