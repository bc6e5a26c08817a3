"""A small news site and a MediaWiki API for the local test server: article pages, images
with real embedded metadata (tests/samples.py) and Commons answers in the API's shape."""

from __future__ import annotations

import hashlib
import json

from tests import commons_api, samples
from tests.localserver import LocalServer, Reply

TITLE = "File:Bridge at dusk.jpg"
BRIDGE = samples.jpeg(samples.picture(seed=7), xmp=samples.Xmp(creators=["Jane Doe"]))
BRIDGE_SHA1 = hashlib.sha1(BRIDGE, usedforsecurity=False).hexdigest()
LICENSE_URL = "https://creativecommons.org/licenses/by-sa/4.0"


def figure(src: str, caption: str) -> str:
    return f'<figure><img src="{src}" alt="photo"><figcaption>{caption}</figcaption></figure>'


def article(*figures: str) -> bytes:
    body = "".join(figures)
    return (f"<!doctype html><html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
            f"<p class='byline'>By A. Reporter</p>{body}</article></body></html>").encode()


def mediawiki(license_short: str = "CC BY-SA 4.0", license_url: str = LICENSE_URL):  # type: ignore[no-untyped-def]
    """The API at /w/api.php, knowing one file: the bridge photo."""
    meta = commons_api.extmetadata('<a href="//commons.wikimedia.org/wiki/User:Jdoe">Jane Doe</a>', license_short,
                                   license_url)

    def answer(query: dict[str, list[str]]) -> Reply:
        if query.get("list") == ["allimages"]:
            found = commons_api.allimages([TITLE] if query.get("aisha1") == [BRIDGE_SHA1] else [], BRIDGE_SHA1)
        elif query.get("titles") == [TITLE] or query.get("pageids") == ["4242"]:
            found = commons_api.imageinfo(TITLE, meta, sha1=BRIDGE_SHA1)
        else:
            found = commons_api.missing(query.get("titles", ["File:?"])[0])
        return Reply(json.dumps(found).encode(), content_type="application/json; charset=utf-8")

    return answer


def serve_site(server: LocalServer) -> None:
    caption = "Photo by Jane Doe, via Wikimedia Commons. Licensed under CC BY-SA 4.0"
    server.routes["/img/bridge.jpg"] = Reply(BRIDGE, content_type="image/jpeg")
    server.routes["/img/fake.jpg"] = Reply(b"<html><body>not an image</body></html>", content_type="image/jpeg")
    server.routes["/news/bridge.html"] = Reply(article(figure("/img/bridge.jpg", caption)))
    server.routes["/news/mixed.html"] = Reply(article(
        figure("../img/bridge.jpg", caption),
        figure("http://169.254.169.254/latest/meta-data/photo.jpg", "Photo: Cloud Metadata"),
        figure("/img/fake.jpg", "Photo: Someone Else"),
    ))
    server.routes["/news/gallery.html"] = Reply(article(*(figure(f"/img/{n}.jpg", f"Photo: P{n}") for n in range(5))))
    for n in range(5):
        server.routes[f"/img/{n}.jpg"] = Reply(samples.jpeg(samples.picture(seed=n)), content_type="image/jpeg")
    server.routes["/w/api.php"] = mediawiki()
