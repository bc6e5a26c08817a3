"""A generated archive for audit tests: articles in text, HTML and Markdown,
images with and without metadata, duplicates, a corrupt image and a reference
to an image that is not there."""

from __future__ import annotations

from pathlib import Path

from tests import samples
from tests.samples import Xmp, exif_bytes, iptc_app13

CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"


def _image(n: int) -> bytes:
    """Image n: every third is bare, the others carry a credit of their own kind."""
    pic = samples.picture(480, 320, seed=100 + n)
    if n % 3 == 0:
        return samples.jpeg(pic)
    if n % 3 == 1:
        return samples.jpeg(pic, iptc=iptc_app13({(2, 80): f"Photographer {n}", (2, 110): "AP"}))
    return samples.jpeg(pic, exif=exif_bytes(artist=f"Artist {n}"),
                        xmp=Xmp(creators=[f"Artist {n}"], cc_license=CC_BY_SA))


def make_archive(folder: Path, images: int = 24) -> dict[str, object]:
    """Write the archive; returns facts the tests check against."""
    (folder / "images").mkdir(parents=True)
    (folder / "articles" / "2024").mkdir(parents=True)
    for n in range(images):
        (folder / "images" / f"photo-{n:03d}.jpg").write_bytes(_image(n))
    original = samples.picture(480, 320, seed=7)
    (folder / "images" / "harbour-original.jpg").write_bytes(samples.jpeg(
        original, xmp=Xmp(creators=["Jane Doe"], cc_license=CC_BY_SA)))
    (folder / "images" / "harbour-web.jpg").write_bytes(samples.jpeg(original.resize((320, 213)), quality=70))
    (folder / "images" / "broken.jpg").write_bytes(samples.jpeg(original)[:150])
    (folder / "images" / "screenshot.txt").write_bytes(samples.jpeg(samples.picture(100, 80, seed=3)))
    for n in range(images):
        kind = ("txt", "html", "md")[n % 3]
        (folder / "articles" / "2024" / f"story-{n:03d}.{kind}").write_text(_article(n, kind), encoding="utf-8")
    (folder / "articles" / "harbour-a.html").write_text(
        '<figure><img src="../images/harbour-original.jpg"><figcaption>The harbour at dawn. Photo: Jane Doe '
        f'(CC BY-SA 4.0, {CC_BY_SA})</figcaption></figure>', encoding="utf-8")
    (folder / "articles" / "harbour-b.md").write_text(
        "# Harbour again\n\n![Harbour](../images/harbour-web.jpg)\n\nThe harbour, again.\n", encoding="utf-8")
    (folder / "articles" / "missing.html").write_text(
        '<figure><img src="../images/not-there.jpg"><figcaption>Photo: Jane Doe/AP</figcaption></figure>',
        encoding="utf-8")
    (folder / "articles" / "hostile.html").write_text(
        '<figure><img src="../images/photo-000.jpg"><figcaption>Photo: <b>x</b> &lt;script&gt;alert(1)&lt;/script&gt;'
        "/AP</figcaption></figure>", encoding="utf-8")
    return {"images": images + 3, "articles": images + 4}


def _article(n: int, kind: str) -> str:
    image = f"photo-{n:03d}.jpg"
    credit = (f"Photo: Reporter {n}/Reuters", f"Photo by Author {n} via Flickr (CC BY 2.0)", "")[n % 3 if n % 5 else 2]
    if kind == "txt":
        return f"Story {n}\n\nSomething happened on day {n}. {credit}\n\nBy the desk\n"
    if kind == "html":
        return (f"<html><head><title>Story {n}</title></head><body><figure><img src=\"/images/{image}\">"
                f"<figcaption>Day {n}. {credit}</figcaption></figure><p>Text.</p></body></html>")
    return f"# Story {n}\n\n![Day {n}](../../images/{image})\n*Day {n}. {credit}*\n\nText.\n"
