"""The dashboard and the API show the articles whose encoding an audit guessed (encoding-guessed): the archive's
filter by finding, the usage page, /api/images and /api/usages; an article's name is escaped."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from provenance.audit.run import run_audit
from provenance.catalog.load import load_catalog
from provenance.catalog.profile import UsageProfile
from provenance.store.repository import open_store
from tests import samples
from tests.audit.test_encoding_guessed import CODE, GUESSED, LATIN2, write_archive
from web import create_app

HOSTILE = "<b onmouseover=alert(1)>.txt"  # a file name is the user's: the pages must escape it


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    folder = write_archive(tmp_path_factory.mktemp("encodings") / "archive")
    (folder / HOSTILE).write_bytes(LATIN2.encode("iso-8859-2"))
    (folder / "photo.jpg").write_bytes(samples.jpeg())  # an image an article in ISO-8859-2 shows
    (folder / "photo.html").write_bytes('<figure><img src="photo.jpg"><figcaption>Foto: Jiří Dvořák/ČTK'
                                        '</figcaption></figure>'.encode("iso-8859-2"))
    url = f"sqlite:///{folder.parent / 'web.db'}"
    engine, sessions = open_store(url)
    run_audit(str(folder), sessions, load_catalog(), UsageProfile(), jobs=1)
    engine.dispose()
    app = create_app({"DATABASE_URL": url, "TESTING": True, "WTF_CSRF_ENABLED": False, "AUDIT_ROOTS": str(folder)})
    return app.test_client()


FLAGGED = {*GUESSED, HOSTILE, "photo.html"}


def _usage_url(client: FlaskClient, article: str) -> str:
    [item] = [i for i in client.get("/api/images?per_page=500").json["items"] if i["article"] == article]
    return str(item["url"])


def test_the_archive_filters_by_the_code(client: FlaskClient) -> None:
    page = client.get("/archive?per_page=500").get_data(as_text=True)
    assert f"<option >{CODE}</option>" in page  # offered in the filter, as the other codes are
    filtered = client.get(f"/archive?per_page=500&code={CODE}").get_data(as_text=True)
    links = re.findall(r'<a class="detail" href="([^"]+)"', filtered)
    assert len(links) == len(FLAGGED)
    assert "utf8.txt" not in filtered
    assert "declared.html" not in filtered
    assert 'finding-badge warning" title="The article czech.txt is not UTF-8' in filtered


def test_the_usage_page_says_how_its_article_was_read(client: FlaskClient) -> None:
    page = client.get(_usage_url(client, "czech.txt")).get_data(as_text=True)
    assert '<dd class="guessed-encoding">read as windows-1252, a guess: the article is not UTF-8 and declares no ' \
           'encoding, so names in it may be misread</dd>' in page
    assert f"<code>{CODE}</code>" in page
    assert "Rule: Raised by an audit for each credit of an article whose bytes are not UTF-8" in page
    lying = client.get(_usage_url(client, "lying.html")).get_data(as_text=True)
    assert "the article declares UTF-8 (&lt;meta&gt; charset) but is not UTF-8" in lying
    plain = client.get(_usage_url(client, "utf8.txt")).get_data(as_text=True)
    assert "guessed-encoding" not in plain
    assert CODE not in plain


def test_a_hostile_article_name_is_escaped(client: FlaskClient) -> None:
    archive = client.get(f"/archive?per_page=500&code={CODE}").get_data(as_text=True)
    usage = client.get(_usage_url(client, HOSTILE)).get_data(as_text=True)
    for page in (archive, usage):
        assert "<b onmouseover" not in page
        assert "&lt;b onmouseover=alert(1)&gt;.txt" in page


def test_the_api_lists_and_details_the_guess(client: FlaskClient) -> None:
    found = client.get(f"/api/images?per_page=500&code={CODE}")
    assert found.mimetype == "application/json"
    items = found.json["items"]
    assert found.json["total"] == len(FLAGGED)
    assert {i["article"] for i in items} == FLAGGED  # the hostile name comes back exactly, as JSON text
    assert all(CODE in [f["code"] for f in i["findings"]] for i in items)
    usage_id = _usage_url(client, "lying.html").rsplit("/", 1)[1]
    detail = client.get(f"/api/usages/{usage_id}").json["usage"]
    assert detail["article_encoding"] == {"guessed": "windows-1252", "declared": "UTF-8 (<meta> charset)",
                                          "reason": "declares UTF-8 (<meta> charset) but is not UTF-8"}
    assert [f["severity"] for f in detail["findings"] if f["code"] == CODE] == ["warning"]
    plain_id = _usage_url(client, "utf8.txt").rsplit("/", 1)[1]
    assert client.get(f"/api/usages/{plain_id}").json["usage"]["article_encoding"] is None


def test_the_image_page_says_it_of_the_use(client: FlaskClient) -> None:
    url = _usage_url(client, "photo.html")
    assert url.startswith("/images/")
    page = client.get(url.split("#")[0]).get_data(as_text=True)
    assert '<p class="small guessed-encoding">The article\'s text was read as windows-1252, a guess: it is not ' \
           'UTF-8 and declares no encoding, so names in it may be misread.</p>' in page
    assert "Jiøí Dvoøák" in page  # the misread name the line warns of
    assert f"<code>{CODE}</code>" in page
