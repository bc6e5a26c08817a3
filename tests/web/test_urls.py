"""Checking by URL on the dashboard and through POST /api/check, against a real server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from tests import commons_api
from tests.localserver import LocalServer, Reply
from tests.website import BRIDGE_SHA1, TITLE
from web import create_app

COMMONS_PAGE = "https://commons.wikimedia.org/wiki/File:Bridge_at_dusk.jpg"


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'urls.db'}"


@pytest.fixture
def app(database: str) -> Flask:
    return create_app({"DATABASE_URL": database, "TESTING": True, "WTF_CSRF_ENABLED": False})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def test_api_checks_an_article_url_and_caches_commons(client: FlaskClient, site: LocalServer, database: str) -> None:
    response = client.post("/api/check", json={"url": site.url("/news/bridge.html")})
    assert response.status_code == 200
    [file] = response.json["files"]
    assert (file["kind"], file["ok"]) == ("html", True)
    origins = {e["origin"] for e in file["items"][0]["evidence"]}
    assert {"caption", "xmp", "commons"} <= origins
    with create_engine(database).connect() as connection:
        rows = connection.execute(text("SELECT key, fetched_at FROM commons_lookups ORDER BY key")).all()
    assert [key for key, _ in rows] == [f"sha1:{BRIDGE_SHA1}", f"title:{TITLE}"]
    assert all(fetched for _, fetched in rows)


def test_api_reports_a_refused_url_without_contacting_it(database: str, site: LocalServer,
                                                         connects: list[str]) -> None:
    # checked in this process (no check worker), where `connects` sees every socket the check opens
    app = create_app({"DATABASE_URL": database, "TESTING": True, "CHECK_WORKERS": False})
    response = app.test_client().post("/api/check", json={"url": "http://169.254.169.254/latest/meta-data/"})
    assert response.status_code == 200
    [file] = response.json["files"]
    assert file["ok"] is False
    assert "a link-local address" in file["error"]
    assert "169.254.169.254" not in connects


def test_commons_answers_are_written_in_the_queue_of_archive_writes(app: Flask, site: LocalServer,
                                                                     database: str) -> None:
    """The check worker only reads the stored answers; the server writes the new ones, one archive write
    at a time (SQLite has one writer). Behind a long write (an audit) they are not waited for: only a cache."""
    def stored() -> list[str]:
        with create_engine(database).connect() as connection:
            return [key for (key,) in connection.execute(text("SELECT key FROM commons_lookups ORDER BY key"))]

    client = app.test_client()
    with app.extensions["provenance"].writes:  # an archive write in progress, for longer than the answers wait
        response = client.post("/api/check", json={"url": site.url("/news/bridge.html")})
    assert response.status_code == 200
    assert "commons" in {e["origin"] for e in response.json["files"][0]["items"][0]["evidence"]}
    assert stored() == []
    assert client.post("/api/check", json={"url": site.url("/news/bridge.html")}).status_code == 200
    assert stored() == [f"sha1:{BRIDGE_SHA1}", f"title:{TITLE}"]


@pytest.mark.parametrize(("body", "message"), [
    ({"url": "ftp://example.org/a.jpg"}, "starts with http:// or https://"),  # not a web URL
    ({"url": 42}, "starts with http:// or https://"),  # not a string
    ({"url": "https://example.org/" + "a" * 2100}, "at most 2000 characters"),  # absurdly long
])
def test_api_refuses_a_malformed_url(client: FlaskClient, body: dict[str, object], message: str) -> None:
    response = client.post("/api/check", json=body)
    assert response.status_code == 400
    assert message in response.json["error"]


def test_dashboard_url_field_shows_commons_with_its_badge_and_link(client: FlaskClient, site: LocalServer) -> None:
    assert 'name="url"' in client.get("/").get_data(as_text=True)
    response = client.post("/check", data={"url": COMMONS_PAGE}, content_type="multipart/form-data")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'class="badge origin origin-commons">commons</span>' in page
    assert f'<a href="{COMMONS_PAGE}" rel="noopener noreferrer">Wikimedia Commons' in page


def test_dashboard_toggles_fetch_nothing_again(client: FlaskClient, site: LocalServer) -> None:
    response = client.post("/check", data={"url": site.url("/news/bridge.html")}, content_type="multipart/form-data")
    result = response.headers["Location"]
    client.get(result)
    seen = len(site.log)
    again = client.get(result + "?modified=cropped").get_data(as_text=True)
    assert "Jane Doe" in again
    assert len(site.log) == seen


def test_dashboard_says_why_a_url_was_refused(client: FlaskClient, site: LocalServer) -> None:
    response = client.post("/check", data={"url": "http://10.0.0.1/"}, content_type="multipart/form-data")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "http://10.0.0.1/: refused: 10.0.0.1 is a private address" in page


def test_hostile_commons_answers_are_escaped_and_never_linked(client: FlaskClient, site: LocalServer) -> None:
    hostile = commons_api.imageinfo(TITLE, commons_api.extmetadata(
        '<img src=x onerror="alert(1)">Jane <script>alert(2)</script>Doe', "CC BY-SA 4.0", None))
    hostile["query"]["pages"][0]["imageinfo"][0]["descriptionurl"] = "javascript:alert(3)"
    site.routes["/w/api.php"] = Reply(json.dumps(hostile).encode(), content_type="application/json")
    response = client.post("/check", data={"url": COMMONS_PAGE}, content_type="multipart/form-data")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Jane Doe" in page
    assert "<script>alert" not in page
    assert "onerror" not in page
    assert 'href="javascript:' not in page
