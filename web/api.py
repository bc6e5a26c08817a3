"""The JSON API under /api: the pages' twins, described at /api/openapi.json."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, jsonify, request
from werkzeug.datastructures import MultiDict

from provenance.audit.decisions import record_decision
from provenance.audit.run import run_audit, summary
from web.checking import KINDS, profile_from, run, url_problem
from web.openapi import OPENAPI
from web.queries import Filters, archive_page, image_detail
from web.services import StoredCheck, services

bp = Blueprint("api", __name__, url_prefix="/api")
FORMATS = ("text", "html", "markdown")


def _ok(**payload: Any):  # type: ignore[no-untyped-def]
    return jsonify({"ok": True, **payload})


def _json() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, description="Send a JSON object with Content-Type: application/json.")
    return data


@bp.get("/openapi.json")
def openapi():  # type: ignore[no-untyped-def]
    return jsonify(OPENAPI)


@bp.post("/check")
def check():  # type: ignore[no-untyped-def]
    """JSON {text, url, kind, modified, commercial, medium, lang, subscriptions} or multipart with files."""
    svc = services()
    if request.is_json:
        data = _json()
        options: Any = data
        stored = StoredCheck(str(data.get("text", "")), str(data.get("kind", "auto")), [])
        url = data.get("url")
    else:
        options = MultiDict(request.form)
        files = [(f.filename or "upload", f.read()) for f in request.files.getlist("files") if f and f.filename]
        stored = StoredCheck(request.form.get("text", ""), request.form.get("kind", "auto"), files)
        url = request.form.get("url") or None
    if stored.kind not in KINDS:
        abort(400, description=f"kind must be one of {', '.join(KINDS)}")
    stored.urls = _urls(url)
    if not stored.text.strip() and not stored.files and not stored.urls:
        abort(400, description="Nothing to check: send text, a url or files.")
    profile = profile_from(svc.profile, svc.catalog, options)
    results, _ = run(stored, svc.catalog, profile, svc.sessions)
    return _ok(files=results)


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
    filters = Filters.from_args(request.args)
    with services().sessions() as session:
        total, rows = archive_page(session, filters)
    return _ok(total=total, page=filters.page, per_page=filters.per_page, items=rows)


def _detail(image_id: int) -> dict[str, Any]:
    with services().sessions() as session:
        detail = image_detail(session, image_id)
    if detail is None:
        abort(404, description=f"There is no image {image_id}.")
    return detail


@bp.get("/images/<int:image_id>")
def image(image_id: int):  # type: ignore[no-untyped-def]
    return _ok(image=_detail(image_id))


@bp.get("/images/<int:image_id>/attribution")
def attribution(image_id: int):  # type: ignore[no-untyped-def]
    fmt = request.args.get("format", "text")
    if fmt not in FORMATS:
        abort(400, description=f"format must be one of {', '.join(FORMATS)}")
    uses = [u for u in _detail(image_id)["uses"] if u["attribution"][fmt]]
    wanted = request.args.get("usage", type=int)
    if wanted is not None:
        uses = [u for u in uses if u["usage_id"] == wanted]
    if not uses:
        abort(404, description="No attribution: no use of this image has a credit to build it from.")
    return _ok(format=fmt, attribution=uses[0]["attribution"][fmt], usage_id=uses[0]["usage_id"])


@bp.post("/images/<int:image_id>/decisions")
def decide(image_id: int):  # type: ignore[no-untyped-def]
    data = _json()
    values = {k: str(data.get(k, "")) for k in ("license", "creator", "organization")}
    if not any(v.strip() for v in values.values()):
        abort(400, description="A decision needs a license, a creator or an organization.")
    svc = services()
    _detail(image_id)
    record_decision(svc.sessions, svc.catalog, svc.profile, image_id, values, str(data.get("who") or "api"),
                    str(data.get("note", "")))
    return _ok(image=_detail(image_id)), 201


@bp.post("/audits")
def audit():  # type: ignore[no-untyped-def]
    """Audit a folder on the server, only inside the roots the configuration allows."""
    path = str(_json().get("path", ""))
    roots = [Path(r).resolve() for r in str(current_app.config.get("AUDIT_ROOTS") or "").split(os.pathsep) if r]
    target = Path(path).resolve()
    if not path or not any(target == r or target.is_relative_to(r) for r in roots):
        abort(403, description="That folder is not one the server may audit (PROVENANCE_AUDIT_ROOTS).")
    svc = services()
    stats = run_audit(str(target), svc.sessions, svc.catalog, svc.profile, jobs=1)
    with svc.sessions() as session:
        counts = summary(session)
    return _ok(audit={"run_id": stats.run_id, "files": stats.seen, "images_read": stats.extracted,
                      "unreadable": stats.failed, "articles_checked": stats.articles}, summary=counts)
