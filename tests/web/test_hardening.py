"""The web app under attack: cookie flags, CSRF on cookie-borne API calls, the login rate limit,
oversize and deep JSON, images over the pixel limit: each answered with a 4xx, never a 500."""

from __future__ import annotations

import io
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image

from tests.conftest import ROOT
from web import create_app

TOKEN = "s3cret-token"


@pytest.fixture
def secured(database: str) -> Flask:
    """The app as deployed: CSRF on, a shared token, secure cookies."""
    return create_app({"DATABASE_URL": database, "TESTING": True, "AUTH_TOKEN": TOKEN, "SECURE_COOKIES": True,
                       "AUDIT_ROOTS": str(ROOT / "data"), "LOGIN_ATTEMPTS": 3})


def _csrf(client: FlaskClient, path: str = "/login") -> str:
    page = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, page
    return found.group(1)


def _sign_in(client: FlaskClient, token: str = TOKEN) -> int:
    return client.post("/login", data={"token": token, "csrf_token": _csrf(client)}).status_code


def test_session_cookie_is_httponly_lax_and_secure(secured: Flask) -> None:
    client = secured.test_client()
    client.get("/login")
    assert _sign_in(client) == 302
    cookie = client.get_cookie("session")
    assert cookie is not None
    assert (cookie.http_only, cookie.same_site, cookie.secure) == (True, "Lax", True)


# (headers of the API call, expected status) once signed in with the session cookie
COOKIE_CALLS = [
    pytest.param({}, 400, id="the session cookie alone: refused"),
    pytest.param({"X-CSRFToken": "forged"}, 400, id="a forged CSRF token: refused"),
    pytest.param({"X-CSRFToken": None}, 200, id="the page's CSRF token: accepted"),
]


@pytest.mark.parametrize(("headers", "status"), COOKIE_CALLS)
def test_cookie_authenticated_api_calls_need_the_csrf_token(secured: Flask, headers: dict[str, str | None],
                                                            status: int) -> None:
    client = secured.test_client()
    assert _sign_in(client) == 302
    token = _csrf(client, "/")
    sent = {k: (v if v is not None else token) for k, v in headers.items()}
    response = client.post("/api/check", json={"text": "Photo: Jane Doe/AP"}, headers=sent)
    assert response.status_code == status
    if status == 400:
        assert "X-CSRFToken" in response.get_json()["error"]


def test_bearer_calls_need_no_csrf_token(secured: Flask) -> None:
    response = secured.test_client().post("/api/check", json={"text": "Photo: Jane Doe/AP"},
                                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200


# (headers of an API call without any sign-in configured, expected status)
CROSS_SITE = [
    pytest.param({"Origin": "https://evil.example"}, 400, id="posted from another site's page"),
    pytest.param({"Sec-Fetch-Site": "cross-site"}, 400, id="the browser says cross-site"),
    pytest.param({"Origin": "http://localhost"}, 200, id="from the dashboard itself"),
    pytest.param({}, 200, id="a script (no browser headers)"),
]


@pytest.mark.parametrize(("headers", "status"), CROSS_SITE)
def test_cross_site_api_posts_are_refused_without_login(database: str, headers: dict[str, str],
                                                        status: int) -> None:
    app = create_app({"DATABASE_URL": database, "TESTING": True})
    response = app.test_client().post("/api/check", json={"text": "Photo: Jane Doe/AP"}, headers=headers)
    assert response.status_code == status


def test_login_rate_limit(secured: Flask) -> None:
    client = secured.test_client()
    statuses = [_sign_in(client, "wrong") for _ in range(3)]
    assert statuses == [200, 200, 200]  # the form again, with an error
    assert _sign_in(client, "wrong") == 429
    assert _sign_in(client) == 429  # even the right token waits: guessing is slowed, not just failing


# (JSON body, expected status, words of the error)
HOSTILE_JSON = [
    pytest.param(b"[" * 100_000 + b"]" * 100_000, 400, "nested deeper", id="100,000 nested lists"),
    pytest.param(b'{"text": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}", 400, "nested deeper",
                 id="objects nested 40 deep"),
    pytest.param(b'{"text": "' + b"a" * 400_000 + b'"}', 413, "larger than", id="a 400 KB body"),
    pytest.param(b'{"text": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ Photo: Jane Doe/AP"}', 200, "",
                 id="brackets inside a string do not count"),
]


@pytest.mark.parametrize(("body", "status", "words"), HOSTILE_JSON)
def test_hostile_json_is_a_4xx(client: FlaskClient, body: bytes, status: int, words: str) -> None:
    response = client.post("/api/check", data=body, content_type="application/json")
    assert response.status_code == status
    if words:
        assert words in response.get_json()["error"]


def test_image_over_the_pixel_limit_is_not_a_500(client: FlaskClient) -> None:
    """A 1-bit PNG of 30,000 x 30,000 pixels is a few KB, and over twice Pillow's pixel limit."""
    out = io.BytesIO()
    Image.new("1", (30_000, 30_000)).save(out, "PNG")
    response = client.post("/api/check", data={"files": (io.BytesIO(out.getvalue()), "huge.png")},
                           content_type="multipart/form-data")
    assert response.status_code == 200  # the request was fine; the one file is refused
    [file] = response.get_json()["files"]
    assert file["ok"] is False
    assert "huge.png" in file["error"]
    assert "900000000 pixels" in file["error"]
