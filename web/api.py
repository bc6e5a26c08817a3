"""The JSON API under /api: the pages' twins, described at /api/openapi.json. Every field is checked:
a wrong type or an unknown value is a 400 naming it, another content type than JSON a 415."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, jsonify, request, url_for
from werkzeug.datastructures import MultiDict

from provenance.audit.decisions import read_decision, revoke_decision
from provenance.audit.filters import TEXT_FIELDS
from provenance.audit.overview import summary
from provenance.audit.read_model import Filters, archive_page
from provenance.audit.run import run_audit
from provenance.errors import InputError
from provenance.rules.registry import FINDINGS
from web.archive_pages import RECORD_DECISION, detail_or_404, row_url
from web.checking import KINDS, limited_json, profile_from, url_problem
from web.fastjson import embedded
from web.openapi import OPENAPI
from web.services import StoredCheck, services
from web.uploads import uploaded_files
from web.validation import (
    json_body,
    one_of,
    only_fields,
    only_keys,
    only_params,
    require_form_or_json,
    string_list,
    typed,
)

bp = Blueprint("api", __name__, url_prefix="/api")
FORMATS = ("text", "html", "markdown")
# what each body and query string may hold; anything else is a 400 naming it (never ignored)
CHECK_KEYS = ("text", "url", "kind", "modified", "commercial", "medium", "lang", "subscriptions")
CHECK_FIELDS = ("text", "url", "kind", "modified", "commercial", "medium", "lang", "subscription", "csrf_token")
CHECK_FIELD_LISTS = ("modified", "commercial", "subscription")  # a form's checkboxes: a field each ticked box repeats
DECISION_KEYS = ("license", "creator", "organization", "who", "note")
FILTER_PARAMS = (*TEXT_FIELDS, "status", "sort", "page", "per_page")
# the query parameters of each endpoint (a POST takes none; every GET also the cache-buster `_`, only_params)
QUERY_PARAMS = {"api.images": FILTER_PARAMS, "api.attribution": ("format", "usage")}


@bp.before_request
def _known_params() -> None:
    """Every endpoint's query string, checked before its view runs: an unknown or repeated parameter is a 400
    (a POST's query string too, which no view reads); not Flask's own answer to OPTIONS, which reads none."""
    if request.endpoint and request.method != "OPTIONS":  # no endpoint: no route matched, a 404 follows
        only_params(*QUERY_PARAMS.get(request.endpoint, ()))


def _ok(**payload: Any):  # type: ignore[no-untyped-def]
    return jsonify({"ok": True, **payload})


@bp.get("/openapi.json")
def openapi():  # type: ignore[no-untyped-def]
    return jsonify(OPENAPI)


def _json_check() -> tuple[dict[str, Any], StoredCheck]:
    data = only_keys(json_body(), CHECK_KEYS)
    typed(data, "commercial", bool)
    typed(data, "medium", str)
    typed(data, "lang", str)
    string_list(data, "modified")
    string_list(data, "subscriptions")
    return data, StoredCheck(typed(data, "text", str, ""), typed(data, "kind", str, "auto"), [])


@bp.post("/check")
def check():  # type: ignore[no-untyped-def]
    """JSON {text, url, kind, modified, commercial, medium, lang, subscriptions} or multipart with files."""
    svc = services()
    require_form_or_json()
    if request.is_json:
        options, stored = _json_check()
        url = options.get("url")  # url_problem says what is wrong with it, whatever its type
    else:
        only_fields(CHECK_FIELDS, files=("files",), lists=CHECK_FIELD_LISTS)
        options = MultiDict(request.form)
        files = uploaded_files()
        stored = StoredCheck(request.form.get("text", ""), request.form.get("kind", "auto"), files)
        url = request.form.get("url") or None
    if stored.kind not in KINDS:
        abort(400, description=f"kind must be one of {', '.join(KINDS)}")
    stored.urls = _urls(url)
    if not stored.text.strip() and not stored.files and not stored.urls:
        abort(400, description="Nothing to check: send text, a url or files.")
    profile = profile_from(svc.profile, svc.catalog, options)
    return _ok(files=embedded(limited_json(svc, stored, profile, request.environ)))


def _urls(url: object) -> list[str]:
    """The URL to check, as a list (empty when none was sent); a malformed one is a 400."""
    if url is None:
        return []
    problem = url_problem(url)
    if problem:
        abort(400, description=problem)
    return [str(url).strip()]


@bp.get("/images")
def images():  # type: ignore[no-untyped-def]
    svc = services()
    asked = Filters.from_args(request.args, strict=True)
    if asked.code:
        one_of("code", asked.code, FINDINGS)
    if asked.license:
        one_of("license", asked.license, svc.catalog.licenses, "a license id of the catalog")
    if asked.source:
        one_of("source", asked.source, svc.catalog.sources, "a source id of the catalog")
    with svc.sessions() as session:
        filters, total, rows = archive_page(session, asked, svc.labels, svc.cache)
    items = [{**row.to_dict(), "url": row_url(row)} for row in rows]
    return _ok(total=total, page=filters.page, per_page=filters.per_page, items=items)


@bp.get("/images/<int:image_id>")
def image(image_id: int):  # type: ignore[no-untyped-def]
    return _ok(image=detail_or_404("image", image_id))


@bp.get("/usages/<int:usage_id>")
def usage(usage_id: int):  # type: ignore[no-untyped-def]
    return _ok(usage=detail_or_404("usage", usage_id))


@bp.get("/files/<int:file_id>")
def file(file_id: int):  # type: ignore[no-untyped-def]
    return _ok(file=detail_or_404("file", file_id))


@bp.get("/images/<int:image_id>/attribution")
def attribution(image_id: int):  # type: ignore[no-untyped-def]
    fmt = request.args.get("format", "text")
    if fmt not in FORMATS:
        abort(400, description=f"format must be one of {', '.join(FORMATS)}")
    uses = [u for u in detail_or_404("image", image_id)["uses"] if u["attribution"][fmt]]
    wanted = _whole_number("usage")
    if wanted is not None:
        uses = [u for u in uses if u["usage_id"] == wanted]
    if not uses:
        abort(404, description="No attribution: no use of this image has a credit to build it from.")
    return _ok(format=fmt, attribution=uses[0]["attribution"][fmt], usage_id=uses[0]["usage_id"])


def _whole_number(name: str) -> int | None:
    """A query parameter that is a whole number (None when absent); else InputError naming it (a 400)."""
    raw = request.args.get(name)
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise InputError(name, f"must be a whole number, not {raw[:40]!r}")
    return int(raw)


@bp.post("/images/<int:image_id>/decisions")
def decide(image_id: int):  # type: ignore[no-untyped-def]
    return _decide("image", image_id)


@bp.post("/usages/<int:usage_id>/decisions")
def decide_usage(usage_id: int):  # type: ignore[no-untyped-def]
    """A decision about one usage (a credit in an article), kept across audits by the usage's key."""
    return _decide("usage", usage_id)


def _decide(kind: str, key: int):  # type: ignore[no-untyped-def]
    """A decision about an image or a usage, recorded: its ids and what it is about as it is now (201)."""
    svc = services()
    decision = read_decision(only_keys(json_body(), DECISION_KEYS), svc.catalog, default_who="api")
    detail_or_404(kind, key)
    with svc.archive_write():
        ids = RECORD_DECISION[kind](svc.sessions, svc.catalog, svc.profile, key, decision)
    return _ok(decisions=ids, **{kind: detail_or_404(kind, key)}), 201


@bp.post("/decisions/<int:decision_id>/revoke")
def revoke(decision_id: int):  # type: ignore[no-untyped-def]
    """Revoke a decision; the answer holds what it was about as it is now (its image, or its usage)."""
    svc = services()
    who = typed(only_keys(json_body(), ("who",)), "who", str, "api")
    with svc.archive_write():
        subject = revoke_decision(svc.sessions, svc.catalog, svc.profile, decision_id, who)
    if subject.image_id is not None:
        return _ok(image=detail_or_404("image", subject.image_id))
    return _ok(usage=detail_or_404("usage", subject.usage_id) if subject.usage_id is not None else None)


@bp.post("/audits")
def audit():  # type: ignore[no-untyped-def]
    """Audit a folder on the server, only inside the roots the configuration allows."""
    path = typed(only_keys(json_body(), ("path",)), "path", str, "")
    roots = [Path(r).resolve() for r in str(current_app.config.get("AUDIT_ROOTS") or "").split(os.pathsep) if r]
    target = Path(path).resolve()
    if not path or not any(target == r or target.is_relative_to(r) for r in roots):
        abort(403, description="That folder is not one the server may audit (PROVENANCE_AUDIT_ROOTS).")
    svc = services()
    with svc.archive_write():
        stats = run_audit(str(target), svc.sessions, svc.catalog, svc.profile, jobs=1)
    with svc.sessions() as session:
        counts = summary(session)
    return _ok(audit={"run_id": stats.run_id, "files": stats.seen, "images_read": stats.extracted,
                      "unreadable": stats.failed, "articles_checked": stats.articles}, summary=counts,
               archive=url_for("archive.archive"))
