"""Write the sample archive in data/: images with real embedded rights metadata
and the HTML/Markdown articles that use them. Deterministic except for the C2PA
signature (a fresh throwaway key each run).

    .venv/bin/python scripts/make_sample_archive.py [OUT_DIR]   # default: data/
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import samples  # noqa: E402
from tests.samples import Xmp, exif_bytes, iptc_app13  # noqa: E402

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
PLUS = "http://ns.useplus.org/ldf/vocab/"


def images() -> dict[str, bytes]:
    pic = samples.picture
    return {
        "kremlin-square.jpg": samples.jpeg(pic(640, 427, 1), xmp=Xmp(
            creators=["Office of the President of the Russian Federation"], credit="Kremlin.ru",
            rights={"x-default": "Kremlin.ru, CC BY 4.0"}, cc_license=CC_BY, web_statement=CC_BY,
            attribution_url="http://en.kremlin.ru/events/president/news")),
        "flood-ap.jpg": samples.jpeg(pic(640, 427, 2), exif=exif_bytes(artist="Jana Novák"), iptc=iptc_app13({
            (2, 80): "Jana Novák", (2, 110): "AP", (2, 115): "AP", (2, 116): "© 2025 The Associated Press",
            (2, 120): "Residents wade through a flooded street in the town centre. (AP Photo/Jana Novák)"})),
        "sandbags-reuters.jpg": samples.jpeg(pic(640, 427, 3), iptc=iptc_app13({
            (2, 80): "Petr Horák", (2, 110): "REUTERS", (2, 116): "© Reuters 2025"})),
        "bridge-cc-by-sa.webp": samples.webp(pic(640, 427, 4), xmp=Xmp(
            creators=["Ana Ruiz"], usage_terms={"x-default": "Licensed under CC BY-SA 4.0"},
            cc_license="https://creativecommons.org/licenses/by-sa/4.0/", attribution_name="Ana Ruiz")),
        "lighthouse-unknown-license.png": samples.png(pic(480, 320, 5), text={"Author": "Maria Lindqvist"},
            itxt={"Copyright": "Licensed under Coastal Heritage Open Photo Licence 2.1"}),
        "nebula-nasa.tif": samples.tiff(pic(320, 240, 6), exif=exif_bytes(artist="NASA/JPL-Caltech",
            description="Star-forming region in infrared light"), xmp=Xmp(credit="NASA/JPL-Caltech")),
        "marathon-conflict.jpg": samples.jpeg(pic(640, 427, 7), xmp=Xmp(
            creators=["Karol Zieliński"], rights={"x-default": "© 2025 Karol Zieliński. All rights reserved."},
            marked="True")),
        "garden-original.jpg": samples.jpeg(pic(640, 427, 8), exif=exif_bytes(artist="Amira Haddad"), xmp=Xmp(
            creators=["Amira Haddad"], cc_license="https://creativecommons.org/licenses/by-nc/4.0/",
            usage_terms={"x-default": "CC BY-NC 4.0"})),
        "garden-web-copy.jpg": samples.jpeg(pic(640, 427, 8).resize((480, 320)), quality=70),
        "market-cc0.jpg": samples.jpeg(pic(640, 427, 9), xmp=Xmp(
            creators=["Lukas Meyer"], cc_license="https://creativecommons.org/publicdomain/zero/1.0/")),
        "parade-kcna.jpg": samples.jpeg(pic(640, 427, 10), iptc=iptc_app13({
            (2, 110): "KCNA via Reuters", (2, 40): "EDITORIAL USE ONLY. NO RESALES. NO ARCHIVES.",
            (2, 120): "Kim Jong Un attends a military parade in Pyongyang."})),
        "portrait-plus-terms.jpg": samples.jpeg(pic(480, 640, 11), exif=exif_bytes(artist="Sofia Rossi"), xmp=Xmp(
            creators=["Sofia Rossi"], rights={"x-default": "© Sofia Rossi"}, licensor=("Rossi Studio",
            "https://rossi.example/licensing"), credit_line_required=f"{PLUS}CR-COI",
            alteration_constraints=[f"{PLUS}AL-CRP"], license_end_date="2024-06-30")),
        "corrupt.jpg": samples.jpeg(pic(640, 427, 12))[:200],
    }


def sign_ai_image(folder: Path) -> None:
    plain = folder / "harbour-ai.tmp.jpg"
    plain.write_bytes(samples.jpeg(samples.picture(640, 427, 13), xmp=Xmp(
        creators=["Newsroom Graphics"], digital_source_type=samples.AI_SOURCE)))
    samples.c2pa_sign(plain, folder / "harbour-ai.jpg", samples.make_signer("Sample Newsroom"),
                      author="Newsroom Graphics", title="Harbour at dawn (illustration)")
    plain.unlink()


def main(out: Path) -> None:
    folder = out / "images"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in images().items():
        (folder / name).write_bytes(data)
    sign_ai_image(folder)
    total = sum(p.stat().st_size for p in folder.iterdir())
    print(f"wrote {len(list(folder.iterdir()))} images, {total / 1024:.0f} KiB, to {folder}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data")
