"""The archive's pages: the list with its overview, exports, and a detail page for every row
(an image, a credit in an article without an image file, an unreadable file), and decisions.
Everything is read through provenance.audit (its read model, details and decisions)."""

from __future__ import annotations

import datetime
from typing import Any

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for

from provenance.audit import overview
from provenance.audit.decisions import read_decision, record_decision, record_usage_decision, revoke_decision
from provenance.audit.details import file_detail, image_bytes, image_detail, usage_detail
from provenance.audit.read_model import STATUSES, Filters, all_rows, archive_page
from provenance.audit.xlsx import xlsx_bytes
from provenance.errors import FieldErrors, InputError
from provenance.render.audit_report import render
from web.charts import overview_charts
from web.services import services
from web.uploads import thumbnail

bp = Blueprint("archive", __name__)
RECORD_DECISION = {"image": record_decision, "usage": record_usage_decision}  # by what a decision is about
SORT_LABELS = {"article": "article", "creator": "creator", "license": "licence", "status": "worst finding first"}


@bp.get("/archive")
def archive():  # type: ignore[no-untyped-def]
    svc = services()
    asked, ignored = _lenient_filters()
    with svc.sessions() as session:
        filters, total, rows = archive_page(session, asked, svc.labels, svc.cache)
        options, charts = svc.cache.get(session, "overview",
                                        lambda: (_facets(session), overview_charts(session, svc.labels)))
        last = overview.last_audit(session)
    pages = max(1, -(-total // filters.per_page))
    other = {"run": last[0], "profile": last[1], "ours": svc.profile.name} if last and last[2] != svc.check_key \
        else None
    return render_template("archive.html", rows=rows, total=total, filters=filters, pages=pages, options=options,
                           statuses=STATUSES, sorts=SORT_LABELS, charts=charts, ignored=ignored, other_checks=other)


def _lenient_filters() -> tuple[Filters, str]:
    """The page's filters, and what of the query string was left out ('' when nothing): a link with a filter
    value the page does not know (an old bookmark, a typed URL) shows the archive without it and says so,
    rather than showing every row as if the filter had been applied."""
    try:
        return Filters.from_args(request.args, strict=True), ""
    except InputError as err:
        return Filters.from_args(request.args), f"{err.path} {err.reason}"


def _strict_filters() -> Filters:
    """An export's filters: a wrong value is a 400 naming it (a file of every row would pass for the filtered one)."""
    try:
        return Filters.from_args(request.args, strict=True)
    except InputError as err:
        abort(400, description=f"{err.path} {err.reason}")


def _facets(session: Any) -> dict[str, Any]:
    labels = services().labels
    return {"code": list(overview.finding_counts(session)),
            "license": [(lic, labels.license_name(lic)) for lic in sorted(overview.license_counts(session)) if lic],
            "source": [(s, labels.source_name(s)) for s in overview.source_ids(session)]}


def _export_rows() -> list[Any]:
    svc = services()
    with svc.sessions() as session:
        return [row.report() for row in all_rows(session, _strict_filters(), svc.labels)]


@bp.get("/archive.csv")
def archive_csv():  # type: ignore[no-untyped-def]
    return Response(render(_export_rows(), "csv"), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=provenance-archive.csv"})


@bp.get("/archive.xlsx")
def archive_xlsx():  # type: ignore[no-untyped-def]
    return Response(xlsx_bytes(_export_rows()),
                    mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": "attachment; filename=provenance-archive.xlsx"})


def detail_or_404(kind: str, key: int) -> dict[str, Any]:
    """What the detail page of an image, a usage or a file shows (the page and the API alike), or a
    404 naming what is missing."""
    svc = services()
    with svc.sessions() as session:
        found = svc.cache.get(session, ("detail", kind, key), lambda: (
            image_detail(session, key, svc.labels) if kind == "image" else
            usage_detail(session, key, svc.labels) if kind == "usage" else file_detail(session, key)))
    if found is None:
        abort(404, description=f"There is no {kind} {key}.")
    return found


def _page(kind: str, key: int, status: int = 200, errors: dict[str, str] | None = None,
          form: dict[str, str] | None = None, revoke: dict[str, str] | None = None,
          revoke_form: dict[str, str] | None = None) -> tuple[str, int]:
    """The detail page of an image or a usage with its decision form: as sent back with the errors
    beside the fields (status 400), or after a save (?saved=decision|revoked)."""
    detail = detail_or_404(kind, key)
    shown = {"image": detail} if kind == "image" else {"use": detail}
    return render_template(f"{kind}.html", **shown, licenses=services().catalog.licenses.values(),
                           errors=errors or {}, form=form or {}, saved=request.args.get("saved", ""),
                           revoke_errors=revoke or {}, revoke_form=revoke_form or {}), status


def _decision_form() -> dict[str, str]:
    return {k: request.form.get(k, "") for k in ("license", "creator", "organization", "who", "note")}


@bp.get("/images/<int:image_id>")
def image(image_id: int):  # type: ignore[no-untyped-def]
    return _page("image", image_id)


@bp.post("/images/<int:image_id>/decision")
def decide(image_id: int):  # type: ignore[no-untyped-def]
    return _decide("image", image_id)


@bp.post("/usages/<int:usage_id>/decision")
def decide_usage(usage_id: int):  # type: ignore[no-untyped-def]
    return _decide("usage", usage_id)


def _decide(kind: str, key: int):  # type: ignore[no-untyped-def]
    """A decision sent from an image's or a usage's page: recorded (the page again, saved), or the page with
    the errors beside the fields (400); a 404 for an image or usage that is not there."""
    svc = services()
    form = _decision_form()
    detail_or_404(kind, key)
    try:
        decision = read_decision(form, svc.catalog)
    except FieldErrors as exc:
        return _page(kind, key, 400, exc.errors, form)
    with svc.archive_write():
        ids = RECORD_DECISION[kind](svc.sessions, svc.catalog, svc.profile, key, decision)
    values: dict[str, Any] = {f"{kind}_id": key, "saved": "decision", "n": len(ids)}
    return redirect(url_for(f"archive.{kind}", **values) + "#decisions")


@bp.post("/decisions/<int:decision_id>/revoke")
def revoke(decision_id: int):  # type: ignore[no-untyped-def]
    """Revoke from an image or a usage page (the form names which, for showing an error there)."""
    svc = services()
    usage_id = request.form.get("usage_id", type=int)
    kind, key = ("usage", usage_id) if usage_id else ("image", request.form.get("image_id", type=int) or 0)
    who = request.form.get("who", "")
    try:
        with svc.archive_write():
            subject = revoke_decision(svc.sessions, svc.catalog, svc.profile, decision_id, who)
    except FieldErrors as exc:
        field = f"revoke-{decision_id}"
        return _page(kind, key, 400, revoke={field: exc.errors["who"]}, revoke_form={field: who})
    if subject.image_id is not None:
        return redirect(url_for("archive.image", image_id=subject.image_id, saved="revoked") + "#decisions")
    if subject.usage_id is not None:
        return redirect(url_for("archive.usage", usage_id=subject.usage_id, saved="revoked") + "#decisions")
    return redirect(url_for("archive.archive"))


@bp.get("/images/<int:image_id>/thumbnail")
def image_thumbnail(image_id: int):  # type: ignore[no-untyped-def]
    with services().sessions() as session:
        data = image_bytes(session, image_id)
    small = thumbnail(data) if data else None
    return Response(small, mimetype="image/jpeg") if small else abort(404)


@bp.get("/usages/<int:usage_id>")
def usage(usage_id: int):  # type: ignore[no-untyped-def]
    return _page("usage", usage_id)


@bp.get("/files/<int:file_id>")
def file(file_id: int):  # type: ignore[no-untyped-def]
    return render_template("file.html", file=detail_or_404("file", file_id))


@bp.app_template_global()
def row_url(row: Any) -> str:
    """The detail page of an archive row: its image, its usage (a credit with no image file) or its file."""
    if row.kind == "file":
        return url_for("archive.file", file_id=row.file_id)
    if row.image_id:
        anchor = f"#use-{row.usage_id}" if row.usage_id else ""
        return url_for("archive.image", image_id=row.image_id) + anchor
    return url_for("archive.usage", usage_id=row.usage_id)


@bp.app_template_filter("basename")
def basename(path: str | None) -> str:
    return (path or "").rstrip("/").rsplit("/", 1)[-1]


def _aware(moment: datetime.datetime | str) -> datetime.datetime:
    found = datetime.datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return found if found.tzinfo else found.replace(tzinfo=datetime.UTC)  # naive times were written in UTC


@bp.app_template_filter("minutes")
def minutes(moment: datetime.datetime | str | None) -> str:
    """The server's local time to the minute, with the zone: 2026-11-29 10:15 CET (the page's script
    shows it in the reader's zone)."""
    return _aware(moment).astimezone().strftime("%Y-%m-%d %H:%M %Z") if moment else ""


@bp.app_template_filter("iso")
def iso(moment: datetime.datetime | str | None) -> str:
    return _aware(moment).isoformat(timespec="minutes") if moment else ""


@bp.app_template_filter("by_severity")
def by_severity(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings worst first (errors, warnings, then information), in their order otherwise."""
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: order.get(str(f.get("severity")), 3))
