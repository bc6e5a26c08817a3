"""Every API endpoint, including its errors, through Flask's test client."""

from __future__ import annotations

import io
import re
import time
import zipfile

import pytest
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from tests.conftest import ROOT
from tests.seeds import seed_with

SEED = seed_with("Kremlin.ru").read_text(encoding="utf-8")


def test_openapi_document_lists_every_route(client: FlaskClient) -> None:
    document = client.get("/api/openapi.json").json
    assert document["openapi"].startswith("3.")
    rules = {re.sub(r"<int:(\w+)>", r"{\1}", r.rule) for r in client.application.url_map.iter_rules()
             if r.rule.startswith("/api/")}
    assert rules == set(document["paths"])


def test_check_json(client: FlaskClient) -> None:
    response = client.post("/api/check", json={"text": SEED})
    assert response.status_code == 200
    [item] = response.json["files"][0]["items"]
    assert item["record"]["creator"] == "Office of the President of the Russian Federation"
    assert item["license"]["id"] == "CC-BY-4.0"
    assert set(item["attribution"]) == {"text", "html", "markdown"}
    assert any(e["origin"] == "caption" for e in item["evidence"])


def test_check_options(client: FlaskClient) -> None:
    body = {"text": "Photo: Jane Doe, via Flickr (CC BY-NC-ND 2.0)", "modified": ["cropped"], "commercial": True}
    codes = [f["code"] for f in client.post("/api/check", json=body).json["files"][0]["items"][0]["findings"]]
    assert "noncommercial-use" in codes
    assert "no-derivatives-modified" in codes
    body.update(commercial=False, modified=[])
    codes = [f["code"] for f in client.post("/api/check", json=body).json["files"][0]["items"][0]["findings"]]
    assert "noncommercial-use" not in codes
    assert "no-derivatives-modified" not in codes


def test_check_files_say_which_article_shows_an_image(client: FlaskClient) -> None:
    flood = (ROOT / "data" / "images" / "flood-ap.jpg").read_bytes()
    market = (ROOT / "data" / "images" / "market-cc0.jpg").read_bytes()
    story = b"The river rose.\n\n![The town centre under water. Photo: Jana Nov\xc3\xa1k/AP](pics/flood.jpg)\n"
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:  # the article and its image in a zip, matched by the member's path
        zf.writestr("story.md", story)
        zf.writestr("pics/flood.jpg", flood)
    response = client.post("/api/check", data={"files": [(io.BytesIO(packed.getvalue()), "batch.zip"),
                                                         (io.BytesIO(market), "market.jpg")]},
                           content_type="multipart/form-data")
    files = {f["file"]: f for f in response.json["files"]}
    assert files["batch.zip:pics/flood.jpg"]["used_in"] == [{"file": "batch.zip:story.md", "src": "pics/flood.jpg"}]
    assert "used_in" not in files["market.jpg"]
    assert "used_in" not in files["batch.zip:story.md"]
    [item] = files["batch.zip:story.md"]["items"]
    assert item["record"]["creator"] == "Jana Novák"


def _zipped(members: dict[str, bytes]) -> io.BytesIO:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:
        for path, data in members.items():
            zf.writestr(path, data)
    packed.seek(0)
    return packed


def test_two_zips_holding_one_path_never_lend_each_other_their_images(client: FlaskClient) -> None:
    story = b"A day in town.\n\n![The square at noon.](images/photo.jpg)\n"
    flood = (ROOT / "data" / "images" / "flood-ap.jpg").read_bytes()  # IPTC by-line Jana Novák, AP
    market = (ROOT / "data" / "images" / "market-cc0.jpg").read_bytes()  # XMP creator Lukas Meyer, CC0
    files = [(_zipped({"story.md": story, "images/photo.jpg": flood}), "monday.zip"),
             (_zipped({"story.md": story, "images/photo.jpg": market}), "tuesday.zip"),
             (_zipped({"notes.md": b"Harbour.\n\n![Boats.](pics/boats.jpg)\n"}), "wednesday.zip"),
             (io.BytesIO(market), "boats.jpg")]
    response = client.post("/api/check", data={"files": files}, content_type="multipart/form-data")
    results = {f["file"]: f for f in response.json["files"]}
    # each zip's article is checked with its own zip's image
    assert results["monday.zip:story.md"]["items"][0]["record"]["creator"] == "Jana Novák"
    assert results["tuesday.zip:story.md"]["items"][0]["record"]["creator"] == "Lukas Meyer"
    assert results["monday.zip:images/photo.jpg"]["used_in"] == [{"file": "monday.zip:story.md",
                                                                "src": "images/photo.jpg"}]
    assert results["tuesday.zip:images/photo.jpg"]["used_in"] == [{"file": "tuesday.zip:story.md",
                                                                 "src": "images/photo.jpg"}]
    # a zip without the image its article shows finds it among the loose uploads
    assert results["wednesday.zip:notes.md"]["items"][0]["record"]["creator"] == "Lukas Meyer"
    assert results["boats.jpg"]["used_in"] == [{"file": "wednesday.zip:notes.md", "src": "pics/boats.jpg"}]


def _post_files(client: FlaskClient, files: list[tuple[io.BytesIO, str]]) -> dict[str, dict]:
    response = client.post("/api/check", data={"files": files}, content_type="multipart/form-data")
    return {f["file"]: f for f in response.json["files"]}


def test_a_loose_article_finds_a_zipped_image_by_its_path_in_the_zip(client: FlaskClient) -> None:
    """A loose article's reference names a zip's member by its path inside the zip, as before zips had their
    own siblings: `images/x.jpg` had matched nothing when the zip (or a loose upload) held another x.jpg."""
    story = b"A day in town.\n\n![The square at noon.](images/photo.jpg)\n"
    flood = (ROOT / "data" / "images" / "flood-ap.jpg").read_bytes()  # Jana Novák, AP
    market = (ROOT / "data" / "images" / "market-cc0.jpg").read_bytes()  # Lukas Meyer, CC0
    for others in ({"thumbs/photo.jpg": market}, {}):
        files = [(io.BytesIO(story), "story.md"), (_zipped({"images/photo.jpg": flood, **others}), "pics.zip")]
        if not others:
            files.append((io.BytesIO(market), "photo.jpg"))  # a loose upload of that name, not at that path
        results = _post_files(client, files)
        assert results["story.md"]["items"][0]["record"]["creator"] == "Jana Novák"
        assert results["pics.zip:images/photo.jpg"]["used_in"] == [{"file": "story.md", "src": "images/photo.jpg"}]
        assert all("used_in" not in r for name, r in results.items() if name != "pics.zip:images/photo.jpg")
    # two zips at that path: which one is not guessed
    results = _post_files(client, [(io.BytesIO(story), "story.md"), (_zipped({"images/photo.jpg": flood}), "a.zip"),
                                   (_zipped({"images/photo.jpg": market}), "b.zip")])
    assert results["story.md"]["items"][0]["record"]["creator"] is None
    assert all("used_in" not in r for r in results.values())


def test_a_name_two_files_hold_in_a_zip_is_not_taken_from_the_loose_uploads(client: FlaskClient) -> None:
    """A zip's article whose image is named by two of its zip's members matches none of the three files: a loose
    upload of that name was taken, although the zip's audit would call the name ambiguous."""
    story = b"Harbour.\n\n![Boats.](photos/boats.jpg)\n"
    flood = (ROOT / "data" / "images" / "flood-ap.jpg").read_bytes()
    market = (ROOT / "data" / "images" / "market-cc0.jpg").read_bytes()
    results = _post_files(client, [(_zipped({"story.md": story, "a/boats.jpg": flood, "b/boats.jpg": flood}), "z.zip"),
                                   (io.BytesIO(market), "boats.jpg")])
    assert results["z.zip:story.md"]["items"][0]["record"]["creator"] is None
    assert all("used_in" not in r for r in results.values())


def test_an_empty_image_an_article_shows_is_said_to_be_empty(client: FlaskClient) -> None:
    """The problem names the zip's member as the results do (`z.zip:x.jpg`), and says it is empty."""
    story = b"Harbour.\n\n![Boats.](x.jpg)\n"
    results = _post_files(client, [(_zipped({"story.md": story, "x.jpg": b""}), "z.zip")])
    assert results["z.zip:story.md"]["problems"] == ["z.zip:x.jpg: is empty (0 bytes)"]
    assert results["z.zip:x.jpg"]["error"] == "z.zip:x.jpg: is empty (0 bytes)"


def test_check_files(client: FlaskClient) -> None:
    image = (ROOT / "data" / "images" / "market-cc0.jpg").read_bytes()
    response = client.post("/api/check", data={"files": [(io.BytesIO(image), "market.jpg")]},
                           content_type="multipart/form-data")
    result = response.json["files"][0]
    assert result["kind"] == "image"
    assert result["image"]["format"] == "JPEG"
    assert result["items"][0]["license"]["id"] == "CC0-1.0"


def test_check_errors(client: FlaskClient) -> None:
    for body, message in (({"text": ""}, "Nothing to check"), ({"text": "x", "kind": "docx"}, "kind must be"),
                          ({"text": "x", "modified": ["painted"]}, "not known changes")):
        response = client.post("/api/check", json=body)
        assert response.status_code == 400
        assert response.json["ok"] is False
        assert response.json["status"] == 400
        assert message in response.json["error"]
    response = client.post("/api/check", data="not json", content_type="text/plain")
    assert response.status_code == 415
    assert "URL-encoded form" in response.json["error"]


def test_check_takes_a_url_encoded_form_as_the_readme_says(client: FlaskClient) -> None:
    response = client.post("/api/check", data={"text": "Photo: Jane Doe, via Flickr (CC BY-NC 2.0)"},
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    items = response.json["files"][0]["items"]
    assert [item["record"]["creator"] for item in items] == ["Jane Doe"]


def test_images_list_and_filters(client: FlaskClient) -> None:
    everything = client.get("/api/images?per_page=500").json
    assert everything["total"] == len(everything["items"]) > 20
    cc0 = client.get("/api/images?license=CC0-1.0").json
    assert cc0["total"] == 1
    assert cc0["items"][0]["image"] == "images/market-cc0.jpg"
    errors = client.get("/api/images?status=error").json
    assert errors["total"] > 0
    assert {i["status"] for i in errors["items"]} == {"error"}
    assert client.get("/api/images?code=synthetic-media").json["items"][0]["image"] == "images/harbour-ai.jpg"


def _id(client: FlaskClient, name: str) -> int:
    return next(i["image_id"] for i in client.get(f"/api/images?q={name}").json["items"] if i["image_id"])


def test_image_detail_and_attribution(client: FlaskClient) -> None:
    image_id = _id(client, "kremlin-square")
    image = client.get(f"/api/images/{image_id}").json["image"]
    assert image["files"] == ["images/kremlin-square.jpg"]
    assert any(e["name"] == "XMP cc:license" for e in image["evidence"])
    assert image["uses"][0]["article"] == "articles/11-space-and-state-media.html"
    html = client.get(f"/api/images/{image_id}/attribution?format=html").json
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in html["attribution"]
    assert client.get(f"/api/images/{image_id}/attribution?format=pdf").status_code == 400
    assert client.get("/api/images/99999").status_code == 404
    assert client.get("/api/images/99999").json["error"] == "There is no image 99999."


def test_decision(client: FlaskClient) -> None:
    image_id = _id(client, "lighthouse")
    response = client.post(f"/api/images/{image_id}/decisions",
                           json={"license": "CC-BY-SA-4.0", "who": "api test", "note": "checked with the trust"})
    assert response.status_code == 201
    use = response.json["image"]["uses"][0]
    assert use["record"]["license"] == "CC-BY-SA-4.0"
    assert use["record"]["origins"]["license"] == "manual"
    assert "unknown-license" not in [f["code"] for f in use["findings"]]
    assert client.post(f"/api/images/{image_id}/decisions", json={"note": "x"}).status_code == 400
    assert client.post("/api/images/99999/decisions", json={"license": "CC0-1.0"}).status_code == 404


def test_audit_only_inside_allowed_roots(client: FlaskClient, tmp_path: object) -> None:
    response = client.post("/api/audits", json={"path": str(ROOT / "data")})
    assert response.status_code == 200
    assert response.json["audit"]["files"] > 20
    for path in ("/etc", str(ROOT), str(ROOT / "data" / ".." / "provenance"), ""):
        denied = client.post("/api/audits", json={"path": path})
        assert denied.status_code == 403
        assert "PROVENANCE_AUDIT_ROOTS" in denied.json["error"]


# Every input the API refuses: (method, path, body or None, content type, status, words the error must hold)
REJECTED = [
    pytest.param("POST", "/api/check", "Photo: Jane Doe/AP", "text/plain", 415, "multipart/form-data",
                 id="check as text/plain"),
    pytest.param("POST", "/api/check", {"text": "x", "commercial": "yes"}, None, 400, "commercial",
                 id="commercial not a boolean"),
    pytest.param("POST", "/api/check", {"text": 123}, None, 400, "text", id="text not a string"),
    pytest.param("POST", "/api/check", {"text": "x", "medium": "radio"}, None, 400, "medium",
                 id="unknown medium"),
    pytest.param("POST", "/api/check", {"text": "x", "subscriptions": ["nobody"]}, None, 400, "subscriptions",
                 id="unknown subscription"),
    pytest.param("POST", "/api/check", {"text": "x", "subscriptions": "ap"}, None, 400, "subscriptions",
                 id="subscriptions not a list"),
    pytest.param("POST", "/api/check", {"text": "x", "modified": [1]}, None, 400, "modified",
                 id="modified not strings"),
    pytest.param("POST", "/api/check", {"texts": "Photo: Jane Doe/AP"}, None, 400, "unknown key 'texts'",
                 id="check: a misspelt key"),
    pytest.param("POST", "/api/check", {"text": "x", "profil": "print"}, None, 400, "unknown key 'profil'",
                 id="check: an unknown key beside known ones"),
    pytest.param("POST", "/api/check", {"texts": "x"}, "multipart/form-data", 400, "unknown field 'texts'",
                 id="check: a misspelt form field"),
    pytest.param("GET", "/api/images?code=nope", None, None, 400, "code: must be one of", id="unknown finding code"),
    pytest.param("GET", "/api/images?license=CC-BY-9.9", None, None, 400, "license: 'CC-BY-9.9' is not",
                 id="unknown license filter"),
    pytest.param("GET", "/api/images?source=nobody", None, None, 400, "source: 'nobody' is not",
                 id="unknown source filter"),
    pytest.param("GET", "/api/images?colour=red", None, None, 400, "unknown parameter 'colour'",
                 id="images: an unknown parameter"),
    pytest.param("GET", "/api/images/{image}?verbose=1", None, None, 400, "unknown parameter 'verbose'",
                 id="image: an unknown parameter"),
    pytest.param("GET", "/api/images/{image}/attribution?fmt=html", None, None, 400, "unknown parameter 'fmt'",
                 id="attribution: a misspelt parameter"),
    pytest.param("GET", "/api/images/{image}/attribution?usage=first", None, None, 400, "usage: must be a whole",
                 id="attribution: usage not a number"),
    pytest.param("POST", "/api/images/{image}/decisions", {"licence": "CC0-1.0"}, None, 400, "unknown key 'licence'",
                 id="decision: a misspelt key"),
    pytest.param("POST", "/api/decisions/1/revoke", {"whom": "desk"}, None, 400, "unknown key 'whom'",
                 id="revoke: a misspelt key"),
    pytest.param("POST", "/api/audits", {"folder": "data"}, None, 400, "unknown key 'folder'",
                 id="audit: a misspelt key"),
    pytest.param("GET", "/api/images?status=bad", None, None, 400, "status", id="unknown status"),
    pytest.param("GET", "/api/images?sort=colour", None, None, 400, "sort", id="unknown sort"),
    pytest.param("GET", "/api/images?page=two", None, None, 400, "page", id="page not a number"),
    pytest.param("GET", "/api/images?per_page=0", None, None, 400, "per_page", id="per_page out of range"),
    pytest.param("POST", "/api/images/{image}/decisions", {"creator": 123}, None, 400, "creator",
                 id="creator not a string"),
    pytest.param("POST", "/api/images/{image}/decisions", {"license": "CC-BY-9.9"}, None, 400, "license",
                 id="license not in the catalog"),
    pytest.param("POST", "/api/images/{image}/decisions", {"who": "desk"}, None, 400, "license",
                 id="nothing decided"),
    pytest.param("POST", "/api/images/{image}/decisions", "license=CC0-1.0", "text/plain", 415, "application/json",
                 id="decision as text/plain"),
    pytest.param("POST", "/api/images/{image}/decisions", "license=CC0-1.0", "application/x-www-form-urlencoded",
                 415, "application/json", id="decision as a form"),
    pytest.param("POST", "/api/usages/{usage}/decisions", {"creator": 123}, None, 400, "creator",
                 id="usage decision: creator not a string"),
    pytest.param("POST", "/api/usages/{usage}/decisions", {"organization": ["AP"]}, None, 400, "organization",
                 id="usage decision: organization a list"),
    pytest.param("POST", "/api/usages/{usage}/decisions", {"license": "CC0-1.0", "who": True}, None, 400, "who",
                 id="usage decision: who not a string"),
    pytest.param("POST", "/api/usages/{usage}/decisions", {"license": "CC-BY-9.9"}, None, 400, "license",
                 id="usage decision: license not in the catalog"),
    pytest.param("POST", "/api/usages/{usage}/decisions", {"note": "only a note"}, None, 400, "license",
                 id="usage decision: nothing decided"),
    pytest.param("POST", "/api/usages/{usage}/decisions", "license=CC0-1.0", "text/plain", 415, "application/json",
                 id="usage decision as text/plain"),
    pytest.param("POST", "/api/usages/{usage}/decisions", "license=CC0-1.0", "application/x-www-form-urlencoded",
                 415, "application/json", id="usage decision as a form"),
    pytest.param("POST", "/api/usages/{usage}/decisions", "[1]", "application/json", 400, "JSON object",
                 id="usage decision not an object"),
    pytest.param("POST", "/api/usages/99999/decisions", {"license": "CC0-1.0"}, None, 404, "no usage 99999",
                 id="usage decision on an unknown usage"),
    pytest.param("POST", "/api/decisions/99999/revoke", {"who": "desk"}, None, 404, "no such decision",
                 id="revoke an unknown decision"),
    pytest.param("POST", "/api/decisions/1/revoke", "who=desk", "text/plain", 415, "application/json",
                 id="revoke as text/plain"),
    pytest.param("POST", "/api/audits", {"path": ["data"]}, None, 400, "path", id="path not a string"),
    pytest.param("POST", "/api/audits", "data", "text/plain", 415, "application/json", id="audit as text/plain"),
    # JSON lets a string hold half of a surrogate pair, which is no Unicode character (UTF-8 cannot hold it)
    pytest.param("POST", "/api/check", '{"text": "Foto: J\\ud800rg/dpa"}', "application/json", 400, "lone surrogate",
                 id="check text with a lone surrogate"),
    pytest.param("POST", "/api/check", '{"url": "http://127.0.0.1:9/\\ud800"}', "application/json", 400,
                 "lone surrogate", id="check url with a lone surrogate"),
    pytest.param("POST", "/api/images/{image}/decisions", '{"license": "CC0-1.0", "note": "\\udc80"}',
                 "application/json", 400, "lone surrogate", id="decision note with a lone surrogate"),
    pytest.param("POST", "/api/check", '{"text": "x", "\\ud800": 1}', "application/json", 400, "lone surrogate",
                 id="a key with a lone surrogate"),
]


@pytest.mark.parametrize(("method", "path", "body", "content_type", "status", "words"), REJECTED)
def test_rejected_inputs(client: FlaskClient, method: str, path: str, body: object, content_type: str | None,
                         status: int, words: str) -> None:
    path = path.replace("{image}", str(_id(client, "lighthouse"))).replace("{usage}", str(_text_credit(client)))
    if isinstance(body, dict) and content_type == "multipart/form-data":
        response = client.open(path, method=method, data=body, content_type=content_type)
    elif isinstance(body, dict):
        response = client.open(path, method=method, json=body)
    else:
        response = client.open(path, method=method, data=body, content_type=content_type)
    assert response.status_code == status
    assert response.json["ok"] is False
    assert response.json["status"] == status
    assert words in response.json["error"]


def test_a_search_holding_a_nul_finds_what_it_finds_without_it(client: FlaskClient) -> None:
    """No stored text holds a NUL: SQLite's LIKE ended the pattern at it (every record ending in 'jpg' for
    'jpg<NUL>zzz'), PostgreSQL refused it (a 500)."""
    def total(query: str) -> int:
        response = client.get(f"/api/images?q={query}")
        assert response.status_code == 200
        return int(response.json["total"])

    assert total("jpg") > 0
    assert total("jpg%00zzz") == total("jpgzzz") == 0
    assert total("jp%00g") == total("jpg")


def test_field_errors_are_listed_by_field(client: FlaskClient) -> None:
    image_id = _id(client, "lighthouse")
    response = client.post(f"/api/images/{image_id}/decisions", json={"creator": 123, "organization": ["x"]})
    assert response.status_code == 400
    assert set(response.json["errors"]) == {"creator", "organization"}
    assert response.json["errors"]["creator"] == "must be a string, not a number"


def test_rows_say_why(client: FlaskClient) -> None:
    items = client.get("/api/images?per_page=500").json["items"]
    mismatch = next(i for i in items if i["article"] == "articles/05-license-mismatch.txt")
    assert {"code": "license-mismatch", "severity": "error",
            "message": mismatch["findings"][0]["message"]} == mismatch["findings"][0]
    assert mismatch["status"] == "error"
    assert mismatch["url"] == f"/usages/{mismatch['usage_id']}"
    for item in items:  # the status is the worst finding, and findings come worst first
        ranks = ["error", "warning", "info"]
        order = [ranks.index(f["severity"]) for f in item["findings"]]
        assert order == sorted(order)
        assert item["status"] == (item["findings"][0]["severity"] if item["findings"] else "ok")


def test_sort_by_worst_finding(client: FlaskClient) -> None:
    statuses = [i["status"] for i in client.get("/api/images?sort=status&per_page=500").json["items"]]
    assert statuses == sorted(statuses, key=["error", "warning", "info", "ok"].index)
    assert statuses[0] == "error"
    assert statuses[-1] == "ok"


def test_unreadable_file_is_a_row_with_a_detail(client: FlaskClient) -> None:
    [row] = client.get("/api/images?code=file-error").json["items"]
    assert row["kind"] == "file"
    assert row["image"] == "images/corrupt.jpg"
    detail = client.get(f"/api/files/{row['file_id']}").json["file"]
    assert detail["findings"][0]["code"] == "file-error"
    assert detail["findings"][0]["why"]
    assert client.get("/api/files/99999").status_code == 404


def test_usage_detail_of_a_text_credit(client: FlaskClient) -> None:
    row = next(i for i in client.get("/api/images?q=novak").json["items"] if not i["image_id"])
    usage = client.get(f"/api/usages/{row['usage_id']}").json["usage"]
    assert usage["article"] == row["article"]
    assert usage["record"]["creator"] == "Jana Novak"
    assert usage["attribution"]["text"]
    assert any(e["origin"] == "caption" for e in usage["evidence"])
    assert client.get("/api/usages/99999").status_code == 404


def _text_credit(client: FlaskClient, query: str = "novak") -> int:
    """The usage id of a credit in a plain-text article (no image file)."""
    return next(i["usage_id"] for i in client.get(f"/api/images?q={query}").json["items"] if not i["image_id"])


def test_usage_decision_checks_the_credit_again_and_can_be_revoked(client: FlaskClient) -> None:
    usage_id = _text_credit(client)
    before = client.get(f"/api/usages/{usage_id}").json["usage"]
    assert before["key"]
    assert "agency-license-required" in [f["code"] for f in before["findings"]]
    made = client.post(f"/api/usages/{usage_id}/decisions",
                       json={"license": "CC-BY-4.0", "creator": "Jana Novak", "who": "desk A", "note": "licence mail"})
    assert made.status_code == 201
    usage = made.json["usage"]
    assert (usage["record"]["license"], usage["record"]["origins"]["license"]) == ("CC-BY-4.0", "manual")
    assert "agency-license-required" not in [f["code"] for f in usage["findings"]]
    assert "CC BY 4.0" in usage["attribution"]["text"]
    assert [(d["field"], d["who"], d["why"]) for d in usage["decisions"]] == [
        ("license", "desk A", "licence mail"), ("creator", "desk A", "licence mail")]
    assert usage["decisions"][0]["subject"] == f"{usage['article']}: AP Photo/Jana Novak"
    [row] = [i for i in client.get("/api/images?q=novak").json["items"] if i["usage_id"] == usage_id]
    assert row["license"] == "CC-BY-4.0"  # the archive row shows it at once
    first = usage["decisions"][0]["id"]
    revoked = client.post(f"/api/decisions/{first}/revoke", json={"who": "desk B"})
    assert revoked.status_code == 200
    again = revoked.json["usage"]
    assert again["record"]["license"] != "CC-BY-4.0"
    assert again["record"]["creator"] == "Jana Novak"  # the other decision of the pair still holds
    assert [d["revoked_by"] for d in again["decisions"]] == ["desk B", None]


def test_decision_can_be_revoked(client: FlaskClient) -> None:
    image_id = _id(client, "portrait-plus-terms")
    made = client.post(f"/api/images/{image_id}/decisions", json={"license": "CC-BY-4.0", "who": "desk A"})
    assert made.json["image"]["uses"][0]["record"]["license"] == "CC-BY-4.0"
    [decision_id] = made.json["decisions"]
    revoked = client.post(f"/api/decisions/{decision_id}/revoke", json={"who": "desk B"})
    assert revoked.status_code == 200
    image = revoked.json["image"]
    assert image["uses"][0]["record"]["license"] != "CC-BY-4.0"
    [entry] = [d for d in image["decisions"] if d["id"] == decision_id]
    assert (entry["who"], entry["revoked_by"]) == ("desk A", "desk B")
    assert entry["when"].endswith("+00:00")  # ISO 8601 in UTC
    assert entry["revoked_at"] >= entry["when"]
    again = client.post(f"/api/decisions/{decision_id}/revoke", json={"who": "desk B"})
    assert again.status_code == 400
    assert "already revoked" in again.json["error"]


def test_the_api_says_a_licence_was_left_open_by_conflicting_claims(client: FlaskClient) -> None:
    """The caption says CC BY-SA 2.0 and the file's XMP all rights reserved: the item's licence_status is
    'conflicting', as the page and the CLI say, not 'exact' (how the caption's name matched the catalog)."""
    article = (ROOT / "data/articles/10-marathon-gallery.md").read_bytes()
    image = (ROOT / "data/images/marathon-conflict.jpg").read_bytes()
    files = [(io.BytesIO(article), "10-marathon-gallery.md"), (io.BytesIO(image), "marathon-conflict.jpg")]
    response = client.post("/api/check", data={"files": files}, content_type="multipart/form-data")
    [article_file] = [f for f in response.json["files"] if f["file"] == "10-marathon-gallery.md"]
    items = [i for i in article_file["items"] if i["src"] and "marathon-conflict" in i["src"]]
    assert items
    assert {i["license_status"] for i in items} == {"conflicting"}
    assert all(i["license"] is None and any(c["field"] == "license" for c in i["conflicts"]) for i in items)


def test_an_image_uploaded_twice_under_one_name_is_used_only_where_its_bytes_were_read(client: FlaskClient) -> None:
    """Two uploads named flood.jpg: the article's reference reads one of them (the last); the other was never
    checked with the caption, so it has no `used_in` (and keeps its own check on the page)."""
    flood = (ROOT / "data" / "images" / "flood-ap.jpg").read_bytes()
    other = (ROOT / "data" / "images" / "sandbags-reuters.jpg").read_bytes()
    story = b"![The town centre under water. Photo: Jana Nov\xc3\xa1k/AP](flood.jpg)\n"
    response = client.post("/api/check", data={"files": [(io.BytesIO(story), "story.md"),
                                                         (io.BytesIO(flood), "flood.jpg"),
                                                         (io.BytesIO(other), "flood.jpg")]},
                           content_type="multipart/form-data")
    story_result, first, second = response.json["files"]
    [item] = story_result["items"]
    assert {e["value"] for e in item["evidence"] if e["origin"] == "iptc" and e["field"] == "creator"} == {
        second["items"][0]["record"]["creator"]}  # the last upload's metadata was read
    assert "used_in" not in first
    assert second["used_in"] == [{"file": "story.md", "src": "flood.jpg"}]


def test_unknown_keys_and_values_are_named_with_what_is_accepted(client: FlaskClient) -> None:
    """A misspelt key was ignored (`"texts"` checked nothing and said so; `"profil"` checked under the default
    profile) and `?code=nope` listed 0 rows: each is a 400 naming what was sent and what is accepted."""
    response = client.post("/api/check", json={"texts": "Photo: Jane Doe/AP", "profil": "print", "kind": "plain"})
    assert response.json == {"ok": False, "status": 400, "error": (
        "unknown keys 'profil', 'texts'; the accepted keys: commercial, kind, lang, medium, modified, "
        "subscriptions, text, url")}
    response = client.get("/api/images?code=nope")
    assert response.status_code == 400
    error = response.json["error"]
    assert error.startswith("code: must be one of ")
    assert error.endswith(", not 'nope'")
    assert {"missing-credit", "file-error", "metadata-stripped"} <= set(error[21:-9].split(", "))
    response = client.get("/api/images?q=x&code=missing-credit&license=CC-BY-4.0&source=ap&status=error&sort=status"
                          "&article=a&page=1&per_page=5")
    assert response.status_code == 200


def test_a_get_takes_the_cache_buster_and_names_what_it_refuses(client: FlaskClient) -> None:
    """`_` (jQuery's `cache: false`, many fetch wrappers) is accepted and ignored on every GET, as documented;
    any other parameter an endpoint does not take is a 400 naming it and the accepted ones, `_` among them."""
    image = _id(client, "lighthouse")
    for path in ("/api/openapi.json", "/api/images", f"/api/images/{image}", f"/api/images/{image}/attribution"):
        assert client.get(f"{path}?_=1733550000000").status_code == 200, path
    assert client.head("/api/openapi.json?_=1").status_code == 200
    for path in ("/api/openapi.json?_=1", "/api/check?_=1", "/api/images?nope=1"):  # Flask's own answer: the methods
        assert client.options(path).status_code == 200, path
    response = client.get("/api/openapi.json?v=2")
    assert response.status_code == 400
    assert response.json["error"] == "unknown parameter 'v'; the accepted parameters: _"
    assert client.get("/api/images?colour=red").json["error"].endswith(
        "the accepted parameters: _, article, code, license, page, per_page, q, sort, source, status")


@pytest.mark.parametrize("path", ["/api/check", "/api/images/{image}/decisions", "/api/decisions/1/revoke",
                                  "/api/audits"])
def test_a_post_takes_no_query_parameter(client: FlaskClient, path: str) -> None:
    """`POST /api/check?profil=print` was checked under the default profile, its query string unread."""
    path = path.replace("{image}", str(_id(client, "lighthouse")))
    response = client.post(f"{path}?profil=print", json={"text": "Photo: Jane Doe/AP"})
    assert response.status_code == 400
    assert response.json["error"] == "unknown parameter 'profil'; the accepted parameters: none"


def test_a_parameter_given_twice_is_refused(client: FlaskClient) -> None:
    """`?code=a&code=b` read the first and dropped the second without a word (a client that meant either)."""
    response = client.get("/api/images?code=file-error&code=missing-credit")
    assert response.status_code == 400
    assert response.json["error"] == "code: given 2 times; give it once"
    assert client.get("/api/images?_=1&_=2").status_code == 200


def test_a_json_key_given_twice_is_refused(client: FlaskClient) -> None:
    """`{"text": "a", "text": "b"}` was checked as its last value, the first dropped without a word."""
    body = b'{"text": "Photo: Jane Doe/AP", "text": "Photo: Ann Lee/Reuters"}'
    response = client.post("/api/check", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json["error"] == "text: given twice in the JSON object; give it once"
    nested = b'{"text": "Photo: Jane Doe/AP", "subscriptions": ["ap"]}'  # the same key in two objects is no repeat
    assert client.post("/api/check", data=nested, content_type="application/json").status_code == 200


# (the body's bytes, the status: the body is parsed once, as Flask's get_json parses it)
JSON_ENCODINGS = [
    pytest.param('{"text": "Foto: Jörg Ruß/dpa"}'.encode("utf-16"), 200, id="UTF-16 with its byte order mark"),
    pytest.param('{"text": "Foto: Jörg Ruß/dpa"}'.encode("utf-8-sig"), 200, id="UTF-8 with a byte order mark"),
    pytest.param('{"text": "Foto: Jörg Ruß/dpa"}'.encode("latin-1"), 400, id="Latin-1: no JSON encoding"),
    pytest.param(b'{"text": "Foto: J', 400, id="cut short"),
]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-32-be"])
def test_a_lone_surrogate_is_refused_in_every_json_encoding(client: FlaskClient, encoding: str) -> None:
    """The escape of half a surrogate pair was looked for in the body's bytes as ASCII: in UTF-16 or -32 its
    letters are apart, and the lone surrogate went on to the check."""
    body = '{"text": "Foto: J\\ud800rg/dpa"}'.encode(encoding)
    response = client.post("/api/check", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "lone surrogate" in response.json["error"]


@pytest.mark.parametrize(("body", "status"), JSON_ENCODINGS)
def test_a_json_body_is_read_in_the_encodings_json_allows(client: FlaskClient, body: bytes, status: int) -> None:
    response = client.post("/api/check", data=body, content_type="application/json")
    assert response.status_code == status
    if status == 200:
        assert response.json["files"][0]["items"][0]["record"]["creator"] == "Jörg Ruß"
    else:
        assert response.json["error"] == "Send a JSON object with Content-Type: application/json."


def test_a_key_repeated_after_many_is_found_in_linear_time(client: FlaskClient) -> None:
    """The repeated key was looked for by slicing the keys before each one: 24,000 keys and a repeat at the end
    (a body of 210 kB, under MAX_JSON_KB) took over ten seconds of a server thread, 290 million comparisons."""
    keys = ",".join(f'"{n:x}":0' for n in range(24_000))
    body = f'{{{keys},"0":1}}'.encode()
    assert len(body) < 256 * 1024
    started = time.process_time()
    response = client.post("/api/check", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json["error"] == "0: given twice in the JSON object; give it once"
    assert time.process_time() - started < 3


def test_a_form_field_given_twice_is_refused_but_a_checkbox_list_is_taken(client: FlaskClient) -> None:
    """A form's `text` given twice was read as its first value; `subscription` is a list of ticked boxes."""
    form = MultiDict([("text", "Photo: Jane Doe/AP"), ("text", "Photo: Ann Lee/Reuters")])
    response = client.post("/api/check", data=form, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert response.json["error"] == "text: given 2 times; give it once"
    ticked = MultiDict([("text", "Photo: Jane Doe/AP. Photo: Ann Lee/Reuters"), ("subscription", "ap"),
                        ("subscription", "reuters")])
    response = client.post("/api/check", data=ticked, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    said = [finding["message"] for item in response.json["files"][0]["items"] for finding in item["findings"]]
    assert [message.endswith(f"Covered by the subscription to {agency}.") for message, agency
            in zip(said, ("AP", "Reuters"), strict=True)] == [True, True]  # both ticked boxes read, not the first


def test_what_a_refusal_echoes_is_cut_short(client: FlaskClient) -> None:
    """A 5,000-character name or value came back whole in the error; it is cut, and so is a long list of names."""
    for path in ("/api/images?" + "x" * 5000 + "=1", "/api/images?code=" + "y" * 5000,
                 "/api/images?license=" + "z" * 5000, "/api/images?" + "&".join(f"p{n}=1" for n in range(500))):
        error = client.get(path).json["error"]
        assert len(error) < 2000, (path[:30], len(error))
    error = client.get("/api/images?" + "&".join(f"p{n:03}=1" for n in range(500))).json["error"]
    assert error.startswith("unknown parameters 'p000', 'p001', 'p002', 'p003', 'p004' and 495 more; the accepted")
    assert "'" + "x" * 40 + "…'" in client.get("/api/images?" + "x" * 5000 + "=1").json["error"]


def test_an_unknown_license_filter_says_what_is_accepted(client: FlaskClient) -> None:
    error = client.get("/api/images?license=CC-BY-9.9").json["error"]
    assert error.startswith("license: 'CC-BY-9.9' is not a license id of the catalog; the accepted values: CC-BY, ")
    error = client.get("/api/images?source=nobody").json["error"]
    assert error.startswith("source: 'nobody' is not a source id of the catalog; the accepted values: ")


def test_the_openapi_document_lists_what_each_endpoint_accepts(client: FlaskClient) -> None:
    """Each documented query parameter and form field is taken (not 'unknown'); each operation documents its
    400 (every one can refuse an unknown parameter); the check's forms list the options they read."""
    document = client.get("/api/openapi.json").json
    image = _id(client, "lighthouse")
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "400" in operation["responses"], (method, path)
            names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
            assert ("_" in names) == (method == "get"), (method, path)
            if method == "get" and names:
                url = path.replace("{image_id}", str(image)).replace("{usage_id}", "1").replace("{file_id}", "1")
                response = client.get(url + "?" + "&".join(f"{n}=" for n in names))
                assert "unknown parameter" not in (response.json.get("error") or ""), (path, response.json)
    forms = document["paths"]["/api/check"]["post"]["requestBody"]["content"]
    for mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        fields = forms[mimetype]["schema"]["properties"]
        assert forms[mimetype]["schema"]["additionalProperties"] is False
        assert {"text", "url", "kind", "modified", "commercial", "medium", "lang", "subscription"} <= set(fields)
        body = {name: "" for name in fields if name != "files"}
        response = client.post("/api/check", data=body, content_type=mimetype)
        assert "unknown field" not in (response.json.get("error") or ""), (mimetype, response.json)
