"""Every API endpoint, including its errors, through Flask's test client."""

from __future__ import annotations

import io

from flask.testing import FlaskClient

from tests.conftest import ROOT
from tests.seeds import seed_with

SEED = seed_with("Kremlin.ru").read_text(encoding="utf-8")


def test_openapi_document_lists_every_route(client: FlaskClient) -> None:
    document = client.get("/api/openapi.json").json
    assert document["openapi"].startswith("3.")
    rules = {r.rule.replace("<int:image_id>", "{image_id}") for r in client.application.url_map.iter_rules()
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
    assert response.status_code == 400


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
