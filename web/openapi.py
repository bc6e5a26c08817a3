"""The OpenAPI 3.1 document of the JSON API, served at /api/openapi.json."""

from __future__ import annotations

from typing import Any

ERROR = {"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _ok(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    schema = {"type": "object", "required": ["ok"], "properties": {"ok": {"const": True}, **properties}}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


FILTERS = [{"name": n, "in": "query", "required": False, "schema": {"type": "string"}}
           for n in ("q", "code", "license", "source", "article")] + [
    {"name": "status", "in": "query", "required": False, "schema": {"enum": ["error", "warning", "info", "ok"]}},
    {"name": "sort", "in": "query", "required": False,
     "schema": {"enum": ["article", "creator", "license", "status"]}}] + [
    {"name": n, "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1}}
    for n in ("page", "per_page")]
IMAGE_ID = {"name": "image_id", "in": "path", "required": True, "schema": {"type": "integer"}}
# taken by every GET and ignored: the cache-buster jQuery's `cache: false` and many fetch wrappers add
CACHE_BUSTER = {"name": "_", "in": "query", "required": False, "schema": {"type": "string"},
                "description": "A cache-buster (`_=1733550000000`), ignored; any other parameter not listed is a 400"}
# the fields of the check's forms (the JSON body's keys, `subscription` once per subscription); no others
_FORM = {"text": {"type": "string"}, "kind": {"type": "string"}, "url": {"type": "string"},
         "modified": {"type": "string"}, "commercial": {"type": "string"}, "medium": {"type": "string"},
         "lang": {"type": "string"}, "subscription": {"type": "array", "items": {"type": "string"}},
         "csrf_token": {"type": "string", "description": "the dashboard's form sends it; ignored here"}}


def _id(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "integer"}}


FINDING = {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                                            "severity": {"enum": ["error", "warning", "info"]}}}
ROW = {"type": "object", "properties": {
    "kind": {"enum": ["usage", "image", "file"]}, "usage_id": {"type": ["integer", "null"]},
    "image_id": {"type": ["integer", "null"]}, "file_id": {"type": ["integer", "null"]},
    "article": {"type": "string"}, "image": {"type": "string"}, "src": {"type": "string"},
    "creator": {"type": "string"}, "organization": {"type": "string"}, "license": {"type": "string"},
    "license_name": {"type": "string"}, "source": {"type": "string"},
    "status": {"enum": ["error", "warning", "info", "ok"]}, "attribution": {"type": "string"},
    "findings": {"type": "array", "items": FINDING}, "url": {"type": "string"}}}

OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "provenance", "version": "0.1.0",
             "description": "Image provenance and licensing: check articles and images, browse audited archives, "
                            "get attributions, record decisions. Errors are {ok: false, error, status}. A query "
                            "parameter, JSON key or form field an operation does not list, or one given twice (but a "
                            "form's checkbox lists), is a 400 naming it; every GET also takes `_` (a cache-buster), "
                            "ignored."},
    "components": {
        "schemas": {
            "Error": {"type": "object", "required": ["ok", "error", "status"],
                      "properties": {"ok": {"const": False}, "error": {"type": "string"},
                                     "status": {"type": "integer"},
                                     "errors": {"type": "object", "additionalProperties": {"type": "string"},
                                                "description": "one message per wrong field, when there are any"}}},
            "CheckRequest": {"type": "object", "additionalProperties": False, "properties": {
                "text": {"type": "string"}, "kind": {"enum": ["auto", "plain", "html", "markdown"]},
                "url": {"type": "string", "format": "uri", "description": "An article page, an image or a "
                        "Wikimedia Commons file page, fetched through the fetch guard"},
                "modified": {"type": "array", "items": {"type": "string"}},
                "commercial": {"type": "boolean"}, "medium": {"enum": ["online", "print"]},
                "lang": {"type": "string", "description": "language of the attributions (licenses/lang/): "
                         "en, de, fr, es, it, pt, ru, pl, ja, zh, ko"},
                "subscriptions": {"type": "array", "items": {"type": "string"}}}},
            "Decision": {"type": "object", "additionalProperties": False, "properties": {
                "license": {"type": "string"}, "creator": {"type": "string"}, "organization": {"type": "string"},
                "note": {"type": "string"}, "who": {"type": "string"}}},
        },
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer",
                                      "description": "Only when PROVENANCE_TOKEN is set."}},
    },
    "paths": {
        "/api/check": {"post": {
            "summary": "Check pasted text, a URL, or uploaded files (articles, images, zips)",
            "requestBody": {"content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}},
                "multipart/form-data": {"schema": {"type": "object", "additionalProperties": False, "properties": {
                    **_FORM, "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
                "application/x-www-form-urlencoded": {"schema": {"type": "object", "additionalProperties": False,
                                                                 "properties": _FORM}}}},
            "responses": {"200": _ok("One result per file", {"files": {"type": "array"}}),
                          "400": ERROR, "413": ERROR, "415": ERROR}}},
        "/api/images": {"get": {
            "summary": "Rows of the archive (usages, images no article uses, unreadable files), each with its "
                       "findings, filtered, sorted (status: worst first) and paged; an unknown status or sort is a 400",
            "parameters": FILTERS,
            "responses": {"200": _ok("A page", {"total": {"type": "integer"}, "page": {"type": "integer"},
                                                "per_page": {"type": "integer"},
                                                "items": {"type": "array", "items": ROW}}), "400": ERROR}}},
        "/api/usages/{usage_id}": {"get": {
            "summary": "One usage (a credit in an article, with or without an image file): record, findings with "
                       "their rule, evidence, attribution, its stable key, decisions about it and about its image",
            "parameters": [_id("usage_id")],
            "responses": {"200": _ok("The usage", {"usage": {"type": "object"}}), "404": ERROR}}},
        "/api/usages/{usage_id}/decisions": {"post": {
            "summary": "Record a decision about one usage (kept across audits by its key) and check it again",
            "parameters": [_id("usage_id")],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Decision"}}}},
            "responses": {"201": _ok("The usage, checked again", {"usage": {"type": "object"},
                                                                  "decisions": {"type": "array"}}),
                          "400": ERROR, "404": ERROR, "415": ERROR}}},
        "/api/files/{file_id}": {"get": {
            "summary": "One unreadable file: its problem and findings", "parameters": [_id("file_id")],
            "responses": {"200": _ok("The file", {"file": {"type": "object"}}), "404": ERROR}}},
        "/api/decisions/{decision_id}/revoke": {"post": {
            "summary": "Revoke a decision (kept in the history with who and when) and check its image or usage "
                       "again",
            "parameters": [_id("decision_id")],
            "requestBody": {"content": {"application/json": {"schema": {
                "type": "object", "additionalProperties": False, "properties": {"who": {"type": "string"}}}}}},
            "responses": {"200": _ok("The image or the usage, checked again", {"image": {"type": "object"},
                                                                               "usage": {"type": "object"}}),
                          "400": ERROR, "404": ERROR, "415": ERROR}}},
        "/api/images/{image_id}": {"get": {
            "summary": "One image: files, evidence, uses with records and findings, duplicates, decisions",
            "parameters": [IMAGE_ID],
            "responses": {"200": _ok("The image", {"image": {"type": "object"}}), "404": ERROR}}},
        "/api/images/{image_id}/attribution": {"get": {
            "summary": "The attribution of an image in one format", "parameters": [
                IMAGE_ID, {"name": "format", "in": "query", "schema": {"enum": ["text", "html", "markdown"]}},
                {"name": "usage", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": _ok("The attribution", {"format": {"type": "string"},
                                                         "attribution": {"type": "string"},
                                                         "usage_id": {"type": ["integer", "null"]}}),
                          "400": ERROR, "404": ERROR}}},
        "/api/images/{image_id}/decisions": {"post": {
            "summary": "Record a decision (license, creator, organization) and check the image again",
            "parameters": [IMAGE_ID],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Decision"}}}},
            "responses": {"201": _ok("The image, checked again", {"image": {"type": "object"},
                                                                  "decisions": {"type": "array"}}),
                          "400": ERROR, "404": ERROR, "415": ERROR}}},
        "/api/audits": {"post": {
            "summary": "Audit a server-side folder inside PROVENANCE_AUDIT_ROOTS",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["path"], "additionalProperties": False,
                "properties": {"path": {"type": "string"}}}}}},
            "responses": {"200": _ok("Audit done", {"audit": {"type": "object"}, "summary": {"type": "object"}}),
                          "400": ERROR, "403": ERROR, "415": ERROR}}},
        "/api/openapi.json": {"get": {"summary": "This document",
                                      "responses": {"200": {"description": "OpenAPI document"}, "400": ERROR}}},
    },
}
for _operations in OPENAPI["paths"].values():  # every operation refuses a parameter it does not take
    for _method, _operation in _operations.items():
        _operation["responses"].setdefault("400", ERROR)
        if _method == "get":
            _operation["parameters"] = [*_operation.get("parameters", []), CACHE_BUSTER]
