"""Every page, through Flask's test client, on an audit of the sample archive."""

from __future__ import annotations

import io
import random
import re
import zipfile

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import ROOT
from tests.seeds import seed_with
from web import create_app
from web.limits import LIGHT_CHARS
from web.pages import PAGE_ITEMS

SEED = seed_with("Kremlin.ru").read_text(encoding="utf-8")


def _check(client: FlaskClient, **data: object) -> str:
    response = client.post("/check", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    return response.headers["Location"]


def test_check_form(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert 'name="text"' in page
    assert 'type="file"' in page
    assert "multiple" in page


def test_check_pasted_seed(client: FlaskClient) -> None:
    page = client.get(_check(client, text=SEED, kind="auto")).get_data(as_text=True)
    assert "Office of the President of the Russian Federation" in page
    assert "CC BY 4.0" in page
    assert "Wikimedia Commons" in page
    assert 'class="badge origin">caption</span>' in page
    assert 'class="badge term">attribution</span>' in page
    assert page.count('class="copy"') == 3
    assert "No findings." in page


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("?modified=cropped", "Modified from the original: cropped.", None),  # the toggle's note
        ("", None, "Modified from the original"),  # unchanged image: no note
        ("?commercial=0&commercial=1", None, None),  # hidden field + checkbox: still commercial
    ],
)
def test_toggles(client: FlaskClient, query: str, expected: str | None, absent: str | None) -> None:
    location = _check(client, text=SEED)
    page = client.get(location + query).get_data(as_text=True)
    if expected:
        assert expected in page
    if absent:
        assert absent not in page


def test_commercial_toggle_changes_findings(client: FlaskClient) -> None:
    location = _check(client, text="Fans at the final. Photo: Jane Doe, via Flickr (CC BY-NC 2.0)")
    assert "noncommercial-use" in client.get(location + "?commercial=0&commercial=1").get_data(as_text=True)
    assert "noncommercial-use" not in client.get(location + "?commercial=0").get_data(as_text=True)


def test_subscription_toggle(client: FlaskClient) -> None:
    location = _check(client, text="Storm. Photo: Jane Doe/AP")
    assert "ERROR</strong> <code>agency-license-required" in client.get(location).get_data(as_text=True)
    page = client.get(location + "?subscription=ap").get_data(as_text=True)
    assert "INFO</strong> <code>agency-license-required" in page


def test_upload_image_article_and_zip(client: FlaskClient) -> None:
    image = (ROOT / "data" / "images" / "bridge-cc-by-sa.webp").read_bytes()
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:
        zf.writestr("images/a.jpg", (ROOT / "data" / "images" / "flood-ap.jpg").read_bytes())
        zf.writestr("story.html", '<figure><img src="images/a.jpg"><figcaption>Flood.</figcaption></figure>')
    location = _check(client, files=[(io.BytesIO(image), "bridge.webp"), (io.BytesIO(packed.getvalue()), "a.zip")])
    page = client.get(location).get_data(as_text=True)
    assert "CC BY-SA 4.0" in page  # the image's XMP
    assert "a.zip:story.html" in page
    assert "Jana Novák" in page
    thumb = re.search(r'src="(/check/[^"]+/thumb/\d+)"', page)
    assert thumb is not None
    response = client.get(thumb.group(1))
    assert response.status_code == 200
    assert response.mimetype == "image/jpeg"
    assert response.data != image  # a re-encoded thumbnail, never the original


def test_an_uploaded_image_the_uploaded_article_shows_is_one_card(client: FlaskClient) -> None:
    flood = (ROOT / "data" / "images" / "flood-ap.jpg").read_bytes()
    market = (ROOT / "data" / "images" / "market-cc0.jpg").read_bytes()
    story = ('<p>The river rose overnight.</p><figure><img src="flood.jpg" alt="">'
             "<figcaption>The town centre under water. Photo: Jana Novák/AP</figcaption></figure>")
    location = _check(client, files=[(io.BytesIO(story.encode()), "story.html"), (io.BytesIO(flood), "flood.jpg"),
                                     (io.BytesIO(market), "market.jpg")])
    page = client.get(location).get_data(as_text=True)
    sections = page.split('<section class="file">')[1:]
    assert [s.split("</h2>")[0].split("<h2>")[1].split(" ")[0] for s in sections] == [
        "story.html", "flood.jpg", "market.jpg"]
    story_part, flood_part, market_part = sections
    # the article's card of the image: its caption and the file's IPTC together, with the file's thumbnail
    card = re.search(r'<article class="card item" id="(f0-0)".*?</article>', story_part, re.S)
    assert card is not None
    assert "Jana Novák" in card.group(0)
    assert 'class="badge origin">iptc</span>' in card.group(0)
    assert re.search(r'<img class="thumb" src="/check/[^"]+/thumb/1" alt="Thumbnail of flood.jpg">', card.group(0))
    # the image itself: no second check of it alone, a link to where it was checked
    assert 'class="card item"' not in flood_part
    assert '<a href="#f0-0">story.html</a>' in flood_part
    assert "<code>flood.jpg</code>" in flood_part
    assert "/thumb/1" in flood_part
    # an image no article shows keeps its own card
    assert market_part.count('class="card item"') == 1
    assert "Checked with its caption" not in market_part


def test_bad_upload_is_one_error_and_the_rest_goes_on(client: FlaskClient) -> None:
    location = _check(client, files=[(io.BytesIO(b"\xff\xd8\xff\xe0junk"), "broken.jpg"),
                                     (io.BytesIO(SEED.encode()), "seed.txt")])
    page = client.get(location).get_data(as_text=True)
    assert "broken.jpg: is damaged or truncated" in page
    assert "Office of the President" in page


def test_unsafe_zip_member_in_an_upload_is_an_error_not_a_read(client: FlaskClient) -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:
        zf.writestr("../../escape.txt", "Photo: Jane Doe/AP")
        zf.writestr("ok.txt", "Storm. Photo: Jane Doe/AP")
    page = client.get(_check(client, files=[(io.BytesIO(packed.getvalue()), "batch.zip")])).get_data(as_text=True)
    assert "batch.zip:../../escape.txt: has an unsafe path in the zip" in page
    assert "batch.zip:ok.txt" in page


def test_empty_check_is_refused(client: FlaskClient) -> None:
    response = client.post("/check", data={"text": "  "})
    assert response.status_code == 400
    assert "Paste an article or choose files" in response.get_data(as_text=True)


def test_user_text_is_escaped(client: FlaskClient) -> None:
    hostile = 'Photo: <script>alert("x")</script> Jane/AP. Licensed under "><img src=x onerror=alert(1)>'
    page = client.get(_check(client, text=hostile)).get_data(as_text=True)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("name", [
    "notes\u202etxt.md",  # a right-to-left override: shown as 'notesdm.txt'
    "caption\u2067dm.txt\u2069.md",  # a right-to-left isolate and its end
])
def test_direction_controls_in_a_file_name_are_shown_not_obeyed(client: FlaskClient, name: str) -> None:
    page = client.get(_check(client, files=[(io.BytesIO(b"A ferry. Photo: Jane Roe/AP"), name)])).get_data(
        as_text=True)
    assert not any(ch in page for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    shown = name.replace("\u202e", "⟨U+202E⟩").replace("\u2067", "⟨U+2067⟩").replace("\u2069", "⟨U+2069⟩")
    assert f"<h2>{shown} " in page


def _digest(lines: int) -> str:
    """Caption lines of a wire digest, each with its own credit ('credit 1' … in order)."""
    return "\n".join(f"Boats in harbour {n}. (AP Photo/Jane Roe{n})" for n in range(1, lines + 1))


def _items(page: str) -> list[str]:
    return re.findall(r"<h3>(credit \d+)</h3>", page)


@pytest.mark.parametrize(
    ("query", "first", "shown", "links"),
    [
        ("", "credit 1", PAGE_ITEMS, ['rel="next"']),  # page 1: the first items and a link onwards
        ("?page=2", f"credit {PAGE_ITEMS + 1}", 5, ['rel="prev"']),  # the last page: the rest, a link back
        ("?page=9", f"credit {PAGE_ITEMS + 1}", 5, ['rel="prev"']),  # past the end: sent to the last page
        ("?page=2&medium=print", f"credit {PAGE_ITEMS + 1}", 5, ["medium=print"]),  # the toggles kept in links
    ],
)
def test_long_paste_is_shown_a_page_at_a_time(client: FlaskClient, query: str, first: str, shown: int,
                                              links: list[str]) -> None:
    response = client.get(_check(client, text=_digest(PAGE_ITEMS + 5)) + query, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert _items(page)[0] == first
    assert len(_items(page)) == shown
    assert f"{PAGE_ITEMS + 5} items, {PAGE_ITEMS + 5} with an error" in page
    for link in links:
        assert link in page


def test_next_page_of_a_long_paste_reuses_its_check(app: Flask, client: FlaskClient) -> None:
    """A heavy paste (a worker checks it) is checked once: its next page comes from what the worker
    kept, even with a work budget far too small to check it again; another profile is checked again."""
    text = _digest(LIGHT_CHARS // 30)
    assert len(text) > LIGHT_CHARS
    where = _check(client, text=text)
    assert _items(client.get(where).get_data(as_text=True))[0] == "credit 1"
    app.extensions["provenance"].check_seconds = 0.001
    second = client.get(f"{where}?page=2")
    assert second.status_code == 200
    assert _items(second.get_data(as_text=True)) == [f"credit {n}" for n in range(PAGE_ITEMS + 1, 2 * PAGE_ITEMS + 1)]
    assert client.get(f"{where}?page=2&medium=print").status_code == 413  # a toggle: checked again, over budget


def _mixed_digest(lines: int) -> str:
    """A digest whose odd lines are agency photos and even lines Flickr photos under CC BY-SA (to verify)."""
    return "\n".join(f"Boats in harbour {n}. (AP Photo/Jane Roe{n})" if n % 2 else
                     f"Morning fog over Koossel {n}. Photo: Ta Elta{n} / Flickr, CC BY-SA 2.0"
                     for n in range(1, lines + 1))


def test_long_paste_has_a_summary_of_findings_and_a_filter(client: FlaskClient) -> None:
    where = _check(client, text=_mixed_digest(2 * PAGE_ITEMS + 10))
    page = client.get(where).get_data(as_text=True)
    summary = page.split('class="card summary"')[1].split("</table>")[0]
    assert f"{2 * PAGE_ITEMS + 10} items" in summary
    assert re.search(rf"agency-license-required</span></td><td>{PAGE_ITEMS + 5}</td>", summary)
    assert re.search(rf"needs-verification</span></td><td>{PAGE_ITEMS + 5}</td>", summary)
    only = client.get(f"{where}?finding=agency-license-required").get_data(as_text=True)
    assert _items(only) == [f"credit {n}" for n in range(1, 2 * PAGE_ITEMS, 2)]  # the agency photos, as numbered
    assert f"{PAGE_ITEMS + 5} items, {PAGE_ITEMS + 5} with an error" in only  # the pager counts what is shown
    assert '<input type="hidden" name="finding" value="agency-license-required">' in only  # the toggles keep it
    last = client.get(f"{where}?finding=agency-license-required&page=2").get_data(as_text=True)
    assert _items(last) == [f"credit {n}" for n in range(2 * PAGE_ITEMS + 1, 2 * PAGE_ITEMS + 10, 2)]
    assert client.get(f"{where}?finding=no-such-code").status_code == 400


def test_short_paste_has_no_pager(client: FlaskClient) -> None:
    page = client.get(_check(client, text=_digest(3))).get_data(as_text=True)
    assert _items(page) == ["credit 1", "credit 2", "credit 3"]
    assert 'class="pager"' not in page


# not a whole number from 1: a word, zero, negative, a fraction, a superscript digit, more digits than int() takes
@pytest.mark.parametrize("page", ["x", "0", "-1", "1.5", "²", "9" * 5000])
def test_bad_page_number_is_400(client: FlaskClient, page: str) -> None:
    response = client.get(_check(client, text=SEED) + f"?page={page}")
    assert response.status_code == 400
    assert "page must be a whole number" in response.get_data(as_text=True)


def test_expired_check_is_404(client: FlaskClient) -> None:
    response = client.get("/check/not-a-key")
    assert response.status_code == 404
    assert "expired" in response.get_data(as_text=True)


def test_upload_limit_is_413(client: FlaskClient) -> None:
    # The multipart body is built here, in memory (the test client would spool it to a temporary file).
    body = (b"--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
            b"Content-Type: text/plain\r\n\r\n" + b"x" * (3 * 1024 * 1024) + b"\r\n--B--\r\n")
    response = client.post("/check", data=body, content_type="multipart/form-data; boundary=B")
    assert response.status_code == 413
    assert "larger than the limit of 2 MB" in response.get_data(as_text=True)


def test_archive_filters_sort_and_pages(client: FlaskClient) -> None:
    page = client.get("/archive").get_data(as_text=True)
    assert "25 rows" in page  # 24 usages and the unreadable file
    errors = client.get("/archive?status=error").get_data(as_text=True)
    assert 'class="badge warning status"' not in errors
    assert 'class="badge error status"' in errors
    coded = client.get("/archive?code=metadata-stripped").get_data(as_text=True)
    assert "1 row" in coded
    assert "garden-web-copy.jpg" in coded
    by_license = client.get("/archive?license=CC0-1.0").get_data(as_text=True)
    assert "market-cc0.jpg" in by_license
    assert "1 row" in by_license
    searched = client.get("/archive?q=zieli").get_data(as_text=True)
    assert "Karol Zieliński" in searched
    paged = client.get("/archive?per_page=5&page=2").get_data(as_text=True)
    assert "Page 2 of" in paged
    assert "← Previous" in paged
    assert client.get("/archive?page=banana&sort=nonsense").status_code == 200


def test_archive_csv_follows_the_filter(client: FlaskClient) -> None:
    response = client.get("/archive.csv?license=CC0-1.0")
    lines = response.get_data(as_text=True).strip().splitlines()
    assert response.mimetype == "text/csv"
    assert lines[0] == "article,image,src,creator,organization,license,status,findings,messages,attribution"
    assert len(lines) == 2
    assert "market-cc0.jpg" in lines[1]


def _image_id(client: FlaskClient, name: str) -> int:
    page = client.get(f"/archive?q={name}").get_data(as_text=True)
    found = re.search(r'href="/images/(\d+)(?:#use-\d+)?">[^<]*' + re.escape(name), page)
    assert found, name
    return int(found.group(1))


def test_image_page(client: FlaskClient) -> None:
    image_id = _image_id(client, "garden-web-copy.jpg")
    page = client.get(f"/images/{image_id}").get_data(as_text=True)
    assert "images/garden-web-copy.jpg" in page
    assert "metadata-stripped" in page
    assert "credit-suggestion" in page
    assert "same photo" in page
    assert "garden-original.jpg" in page
    assert "This file carries no rights metadata." in page
    assert client.get(f"/images/{image_id}/thumbnail").mimetype == "image/jpeg"
    assert client.get("/images/99999").status_code == 404


def test_decision_rechecks_at_once(client: FlaskClient) -> None:
    image_id = _image_id(client, "portrait-plus-terms.jpg")
    before = client.get(f"/images/{image_id}").get_data(as_text=True)
    assert "missing-license" in before
    response = client.post(f"/images/{image_id}/decision", data={
        "license": "CC-BY-4.0", "creator": "", "who": "Rights desk", "note": "Licence on file"})
    assert response.status_code == 302
    after = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Decision saved. Every use of this image was checked again." in after
    assert "missing-license" not in after
    assert "CC-BY-4.0" in after
    assert "Rights desk" in after
    assert "Licence on file" in after
    assert 'class="badge origin">manual</span>' in after
    refused = client.post(f"/images/{image_id}/decision", data={"creator": "", "who": "Rights desk"})
    assert refused.status_code == 400


def test_catalog_page(client: FlaskClient) -> None:
    page = client.get("/catalog").get_data(as_text=True)
    assert "CC BY-NC-SA 2.5" in page
    assert "Kremlin.ru" in page
    assert "Crown copyright" in page


def test_security_headers_and_no_inline_script(client: FlaskClient) -> None:
    for url in ("/", "/archive", "/catalog", "/api/images"):
        response = client.get(url)
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert not re.search(r"<script(?![^>]*\bsrc=)", response.get_data(as_text=True))


def test_forms_need_a_csrf_token(database: str) -> None:
    app = create_app({"DATABASE_URL": database, "TESTING": True})
    client = app.test_client()
    response = client.post("/check", data={"text": SEED})
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").get_data(as_text=True))
    assert token is not None
    assert client.post("/check", data={"text": SEED, "csrf_token": token.group(1)}).status_code == 302


def test_login_protects_every_page_and_api_route(database: str) -> None:
    app: Flask = create_app({"DATABASE_URL": database, "TESTING": True, "WTF_CSRF_ENABLED": False,
                             "AUTH_TOKEN": "s3cret"})
    client = app.test_client()
    for url in ("/", "/archive", "/catalog", "/images/1"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login")
    assert client.get("/api/images").status_code == 401
    assert client.get("/api/images", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.get("/api/images", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert "not right" in client.post("/login", data={"token": "nope"}).get_data(as_text=True)
    response = client.post("/login?next=/archive", data={"token": "s3cret"})
    assert response.headers["Location"] == "/archive"
    assert client.get("/archive").status_code == 200
    response = client.post("/login?next=//evil.example", data={"token": "s3cret"})
    assert response.headers["Location"] == "/"  # no open redirect


def test_an_uploaded_zip_member_is_inflated_only_up_to_the_cap(client: FlaskClient) -> None:
    # 80 MiB that pack about 170 to 1 (under the zip-bomb ratio, and small enough that the upload is
    # not spooled to disk): the member is refused once 64 MiB are inflated, and the article beside
    # it is still checked.
    big = bytearray(80 * 1024 * 1024)
    big[::800] = random.Random(7).randbytes(len(big[::800]))
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.txt", bytes(big))
        zf.writestr("ok.txt", "Storm. Photo: Jane Doe/AP")
    page = client.get(_check(client, files=[(io.BytesIO(packed.getvalue()), "batch.zip")])).get_data(as_text=True)
    assert f"batch.zip:bomb.txt: is larger than {64 * 1024 * 1024} bytes; not read" in page
    assert "Jane Doe" in page


def test_an_upload_whose_zip_directory_is_damaged_is_refused_and_the_rest_checked(client: FlaskClient) -> None:
    """A zip whose end record is sound (so it is taken for a zip) but whose central directory is damaged made
    the whole check a 500; now that upload is refused, naming it, and the files beside it are checked."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:
        zf.writestr("a.txt", "Photo: Ann Lee/AP")
    data = bytearray(packed.getvalue())
    at = data.rfind(b"PK\x01\x02")
    data[at:at + 4] = b"XXXX"
    response = client.post("/check", data={"files": [(io.BytesIO(bytes(data)), "damaged.zip"),
                                                     (io.BytesIO(b"Storm. Photo: Jane Doe/AP"), "ok.txt")]})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "damaged.zip: the zip&#39;s central directory is damaged or unsupported" in page
    assert "Jane Doe" in page


def test_an_uploaded_zip_holding_a_name_twice_or_a_zip_says_so(client: FlaskClient) -> None:
    """A name the zip holds twice is refused as in an audit (both copies used to be checked, and matched as one);
    a zip inside the zip is named as one, not as a text file with NUL bytes."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("x.txt", "Photo: Ann Lee/AP")
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:
        zf.writestr("story.txt", "Storm. Photo: Jane Doe/AP")
        with pytest.warns(UserWarning, match="Duplicate name"):
            zf.writestr("story.txt", "Storm. Photo: Bo Chan/Reuters")
        zf.writestr("inner.zip", inner.getvalue())
        zf.writestr("ok.txt", "Flood. Photo: Cy Ray/AFP")
    page = client.get(_check(client, files=[(io.BytesIO(packed.getvalue()), "batch.zip")])).get_data(as_text=True)
    assert "batch.zip:story.txt: appears 2 times in the zip" in page
    assert "Bo Chan" not in page
    assert "batch.zip:inner.zip: is a zip archive, not opened here" in page
    assert "Cy Ray" in page


def test_the_members_of_an_uploaded_zip_past_the_limit_are_counted_not_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Members past MAX_ZIP_MEMBERS used to be left out without a word; now the zip's own result says how many."""
    from provenance.catalog.load import default_catalog
    from provenance.catalog.profile import UsageProfile
    from web.uploads import check_uploads

    monkeypatch.setattr("web.uploads.MAX_ZIP_MEMBERS", 3)
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:
        for i in range(5):
            zf.writestr(f"s{i}.txt", f"Storm {i}. Photo: Jane Doe/AP")
    results = [c.result() for c in check_uploads([("batch.zip", packed.getvalue())], default_catalog(),
                                                  UsageProfile())]
    assert [r["file"] for r in results] == ["batch.zip:s0.txt", "batch.zip:s1.txt", "batch.zip:s2.txt", "batch.zip"]
    assert results[-1]["error"] == "batch.zip: holds 5 files; only the first 3 were read"


def test_a_licence_left_open_by_conflicting_claims_says_so(client: FlaskClient) -> None:
    """The caption says CC BY-SA 2.0 and the file's XMP all rights reserved: no licence applies, and the card
    said 'none (exact)' (how the caption's name matched the catalog), where the CLI says why."""
    article = (ROOT / "data/articles/10-marathon-gallery.md").read_bytes()
    image = (ROOT / "data/images/marathon-conflict.jpg").read_bytes()
    files = [(io.BytesIO(article), "10-marathon-gallery.md"), (io.BytesIO(image), "marathon-conflict.jpg")]
    page = client.get(_check(client, files=files)).get_data(as_text=True)
    assert "conflicting-evidence" in page
    assert "none (conflicting claims)" in page
    assert "none (exact)" not in page


def test_each_copy_button_has_its_own_accessible_name(client: FlaskClient) -> None:
    """Three formats for each of three credits: nine buttons a screen reader lists by name, each naming its format
    and its credit (all had been 'Copy'), and one status line a block for what was copied."""
    text = "Photo: Jane Roe/AP\n\nPhoto: Ida Marrow/Reuters\n\nPhoto by Ben Lee on Unsplash"
    page = client.get(_check(client, text=text)).get_data(as_text=True)
    names = re.findall(r'<button type="button" class="copy"[^>]*aria-label="([^"]+)"', page)
    assert len(names) == 9
    assert len(set(names)) == 9
    assert "Copy the plain text attribution of credit 1" in names
    assert "Copy the Markdown attribution of credit 3" in names
    assert page.count('class="visually-hidden" role="status"') == 3


def test_a_card_quotes_the_credit_as_written(client: FlaskClient) -> None:
    """The card of a credit quotes it as the text has it (the CLI does), so the desk can find it in the article;
    the quote is escaped."""
    text = "Crowds on the quay. Photo: Jane Roe/AP\n\nA <b>bold</b> sign. Photo: Ida <Marrow>/Reuters"
    page = client.get(_check(client, text=text)).get_data(as_text=True)
    quoted = re.findall(r'<p class="as-written">as written: <q>([^<]*)</q></p>', page)
    assert quoted[0] == "Photo: Jane Roe/AP"
    assert len(quoted) == 2
    assert "&lt;Marrow&gt;" in quoted[1]
    assert "<Marrow>" not in page


def test_an_image_two_articles_of_one_name_show_links_to_each(client: FlaskClient) -> None:
    """Two uploads named story.html show flood.jpg: the image's section links to each one's card, and each card
    has the image's thumbnail (both links went to the last story.html, and only its card had the thumbnail)."""
    flood = (ROOT / "data" / "images" / "flood-ap.jpg").read_bytes()
    story = ('<p>The river rose.</p><figure><img src="flood.jpg" alt="">'
             "<figcaption>The town centre under water. Photo: {}/AP</figcaption></figure>")
    location = _check(client, files=[(io.BytesIO(story.format("Jana Novák").encode()), "story.html"),
                                     (io.BytesIO(story.format("Jana Roe").encode()), "story.html"),
                                     (io.BytesIO(flood), "flood.jpg")])
    page = client.get(location).get_data(as_text=True)
    first, second, image = page.split('<section class="file">')[1:]
    assert '<a href="#f0-0">story.html</a>' in image
    assert '<a href="#f0-1">story.html</a>' in image
    for part in (first, second):
        assert re.search(r'<img class="thumb" src="/check/[^"]+/thumb/2" alt="Thumbnail of flood.jpg">', part)


def test_an_image_one_article_shows_twice_links_to_both_cards(client: FlaskClient) -> None:
    """A zip's article that shows its image as '../images/x.jpg' and as '/images/x.jpg': the image's section links
    to both cards, and both have its thumbnail (the second had neither: the article was taken as used up)."""
    flood = (ROOT / "data" / "images" / "flood-ap.jpg").read_bytes()
    story = b"Town.\n\n![The square.](../images/x.jpg)\n\n![Again.](/images/x.jpg)\n"
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:
        zf.writestr("story/a.md", story)
        zf.writestr("images/x.jpg", flood)
    packed.seek(0)
    page = client.get(_check(client, files=[(packed, "z.zip")])).get_data(as_text=True)
    article, image = page.split('<section class="file">')[1:]
    assert '<a href="#f0-0">z.zip:story/a.md</a>' in image
    assert '<a href="#f1-0">z.zip:story/a.md</a>' in image
    assert len(re.findall(r'<img class="thumb" src="/check/[^"]+/thumb/1"', article)) == 2


def test_a_used_image_shows_no_finding_summary_of_a_check_not_shown(client: FlaskClient) -> None:
    """Filtered by a finding, the section of an image an article shows had the summary of the image's check on
    its own ('shown: the 1 with agency-license-required', 'Show only these'), beside the note that it is not
    checked there and no card."""
    flood = (ROOT / "data" / "images" / "flood-ap.jpg").read_bytes()
    story = ('<p>The river rose.</p><figure><img src="flood.jpg" alt="">'
             "<figcaption>The town centre under water. Photo: Jana Novák/AP</figcaption></figure>")
    location = _check(client, files=[(io.BytesIO(story.encode()), "story.html"), (io.BytesIO(flood), "flood.jpg")])
    page = client.get(location + "?finding=agency-license-required").get_data(as_text=True)
    story_part, image_part = page.split('<section class="file">')[1:]
    assert 'class="card summary"' in story_part
    assert '<a href="#f0-0">story.html</a>' in image_part
    assert 'class="card summary"' not in image_part
    assert "Show only these" not in image_part


def test_an_uploaded_image_an_uploaded_article_shows_is_decoded_once(phash_decodes: list[int]) -> None:
    """The upload's image is checked alone and as the article's image: read (and decoded small) once for both,
    also when a zip holds them; a damaged one is the same problem in both results, read once too."""
    from provenance.catalog.load import default_catalog
    from provenance.catalog.profile import UsageProfile
    from tests.samples import Xmp, jpeg, picture
    from web.uploads import check_uploads

    whole = jpeg(picture(320, 240, seed=41), xmp=Xmp(creators=["Ines Fairweather"]))
    story = b'<figure><img src="quay.jpg"><figcaption>The quay. Photo: Ines Fairweather</figcaption></figure>'
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:
        zf.writestr("in/story.html", story)
        zf.writestr("in/quay.jpg", whole)
    uploads = [("story.html", story), ("quay.jpg", whole), ("desk.zip", packed.getvalue())]
    results = [c.result() for c in check_uploads(uploads, default_catalog(), UsageProfile())]
    assert [r["file"] for r in results] == ["story.html", "quay.jpg", "desk.zip:in/story.html", "desk.zip:in/quay.jpg"]
    assert len(phash_decodes) == 2  # once a copy: the loose one and the zip's
    damaged = [("story.html", story), ("quay.jpg", whole[: len(whole) // 2])]
    results = [c.result() for c in check_uploads(damaged, default_catalog(), UsageProfile())]
    assert "quay.jpg: image data is damaged or truncated" in results[1]["error"]
    assert any(p == results[1]["error"] for p in results[0]["problems"])


def test_a_guessed_encoding_is_said_by_the_api_and_the_dashboard(client: FlaskClient) -> None:
    """The problem of a text whose encoding was guessed, documented for the CLI, uploads and URLs, was tested
    only through the CLI: an uploaded ISO-8859-2 caption says it in the API's result and on the page."""
    story = "Fot. Łukasz Żółwiński/PAP".encode("iso8859-2")
    said = "story.txt: not UTF-8 and no encoding declared; read as windows-1252, a guess"
    result = client.post("/api/check", data={"files": (io.BytesIO(story), "story.txt")},
                         content_type="multipart/form-data").json["files"][0]
    assert any(p.startswith(said) for p in result["problems"])
    page = client.get(_check(client, files=(io.BytesIO(story), "story.txt"))).get_data(as_text=True)
    assert said in page  # the results page showed no problem of a file at all
    page = client.get(_check(client, files=(io.BytesIO(story), "<b>.txt"))).get_data(as_text=True)
    assert "&lt;b&gt;.txt: not UTF-8 and no encoding declared" in page
    assert "<b>.txt:" not in page
    utf8 = client.post("/api/check", data={"files": (io.BytesIO("Fot. Łukasz/PAP".encode()), "story.txt")},
                       content_type="multipart/form-data").json["files"][0]
    assert not any("guess" in p for p in utf8.get("problems", []))
