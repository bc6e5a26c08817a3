"""The pages: check, archive, image, catalog."""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from sqlalchemy import select

from provenance.audit.decisions import record_decision
from provenance.errors import InputError
from provenance.io.archive import Entry, read_entry
from provenance.store import tables as t
from web.checking import KINDS, profile_from, run, url_problem
from web.queries import STATUSES, Filters, all_rows, archive_page, facets, image_detail
from web.services import StoredCheck, services
from web.uploads import thumbnail

bp = Blueprint("pages", __name__)


@bp.get("/")
def check_form():  # type: ignore[no-untyped-def]
    return render_template("check.html", kinds=KINDS)


@bp.post("/check")
def check_submit():  # type: ignore[no-untyped-def]
    text = request.form.get("text", "")
    kind = request.form.get("kind", "auto")
    files = [(f.filename or "upload", f.read()) for f in request.files.getlist("files") if f and f.filename]
    url = request.form.get("url", "").strip()
    problem = url_problem(url) if url else None
    if problem or (not text.strip() and not files and not url):
        error = problem or "Paste an article or choose files to check, or give its URL."
        return render_template("check.html", kinds=KINDS, error=error, url=url), 400
    key = services().keep(StoredCheck(text, kind if kind in KINDS else "auto", files, urls=[url] if url else []))
    return redirect(url_for("pages.check_result", key=key))


@bp.get("/check/<key>")
def check_result(key: str):  # type: ignore[no-untyped-def]
    svc = services()
    stored = svc.get(key) or abort(404, description="This check has expired; paste or upload it again.")
    profile = profile_from(svc.profile, svc.catalog, request.args)
    results, thumbs = run(stored, svc.catalog, profile, svc.sessions)
    stored.thumbs = thumbs
    agencies = [s for s in svc.catalog.sources.values() if svc.catalog.terms_of(s).subscribable]
    return render_template("results.html", key=key, results=results, thumbs=thumbs, profile=profile,
                           changes=[c for c in svc.catalog.changes.values() if c.dashboard], agencies=agencies,
                           languages=sorted(svc.catalog.languages.values(), key=lambda lang: lang.code))


@bp.get("/check/<key>/thumb/<int:number>")
def check_thumbnail(key: str, number: int):  # type: ignore[no-untyped-def]
    stored = services().get(key) or abort(404)
    if number >= len(stored.thumbs) or stored.thumbs[number] is None:
        abort(404)
    return Response(stored.thumbs[number], mimetype="image/jpeg")


@bp.get("/archive")
def archive():  # type: ignore[no-untyped-def]
    filters = Filters.from_args(request.args)
    with services().sessions() as session:
        total, rows = archive_page(session, filters)
        options = facets(session)
    pages = max(1, -(-total // filters.per_page))
    return render_template("archive.html", rows=rows, total=total, filters=filters, pages=pages,
                           options=options, statuses=STATUSES)


@bp.get("/archive.csv")
def archive_csv():  # type: ignore[no-untyped-def]
    with services().sessions() as session:
        rows = all_rows(session, Filters.from_args(request.args))
    out = io.StringIO()
    names = ["article", "image", "src", "creator", "organization", "license", "source", "status"]
    writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("'" + v if isinstance(v, str) and v[:1] in "=+-@" else v) for k, v in row.items()})
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=provenance-archive.csv"})


@bp.get("/images/<int:image_id>")
def image(image_id: int):  # type: ignore[no-untyped-def]
    with services().sessions() as session:
        detail = image_detail(session, image_id)
    if detail is None:
        abort(404, description=f"There is no image {image_id}.")
    return render_template("image.html", image=detail, licenses=services().catalog.licenses.values())


@bp.post("/images/<int:image_id>/decision")
def decide(image_id: int):  # type: ignore[no-untyped-def]
    svc = services()
    values = {k: request.form.get(k, "") for k in ("license", "creator", "organization")}
    if not any(v.strip() for v in values.values()):
        abort(400, description="A decision needs a license, a creator or an organisation.")
    who = request.form.get("who", "").strip() or "dashboard user"
    record_decision(svc.sessions, svc.catalog, svc.profile, image_id, values, who, request.form.get("note", ""))
    return redirect(url_for("pages.image", image_id=image_id))


@bp.get("/images/<int:image_id>/thumbnail")
def image_thumbnail(image_id: int):  # type: ignore[no-untyped-def]
    with services().sessions() as session:
        row = session.scalars(select(t.File).where(t.File.image_id == image_id).order_by(t.File.id)).first()
    if row is None:
        abort(404)
    try:
        data = read_entry(Entry(row.root, row.path, row.size, row.mtime_ns))
    except InputError:
        abort(404)
    small = thumbnail(data)
    return Response(small, mimetype="image/jpeg") if small else abort(404)


@bp.get("/catalog")
def catalog():  # type: ignore[no-untyped-def]
    cat = services().catalog
    return render_template("catalog.html", licenses=cat.licenses.values(), sources=cat.sources.values(),
                           categories=cat.categories.values())
