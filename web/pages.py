"""The pages: check, catalog, favicon. The archive's pages are in web/archive_pages.py."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for

from provenance.catalog.names import fold_search
from provenance.rules.registry import FINDINGS
from web.checking import KINDS, limited_run, profile_from, url_problem
from web.services import StoredCheck, services
from web.uploads import uploaded_files

bp = Blueprint("pages", __name__)
PAGE_ITEMS = 200  # items of one checked file shown on one result page (a pasted digest may hold thousands)


@bp.get("/")
def check_form():  # type: ignore[no-untyped-def]
    return render_template("check.html", kinds=KINDS)


@bp.post("/check")
def check_submit():  # type: ignore[no-untyped-def]
    text = request.form.get("text", "")
    kind = request.form.get("kind", "auto")
    files = uploaded_files()
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
    page = _page_number(request.args.get("page"))
    only = _finding_code(request.args.get("finding"))
    results, thumbs = limited_run(svc, stored, profile, request.environ,
                                  shown=slice((page - 1) * PAGE_ITEMS, page * PAGE_ITEMS), only=only)
    stored.thumbs = thumbs
    last = max([1, *((_count(f) - 1) // PAGE_ITEMS + 1 for f in results)])  # a file may have no items
    if page > last:  # past the last page: the last
        return redirect(_page_url(key, last))
    agencies = [s for s in svc.catalog.sources.values() if svc.catalog.terms_of(s).subscribable]
    places, item_thumbs = _used_images(results, (page - 1) * PAGE_ITEMS)
    return render_template("results.html", key=key, results=results, thumbs=thumbs, profile=profile,
                           windows=[_window(f, key, page) for f in results], page_items=PAGE_ITEMS, only=only,
                           places=places, item_thumbs=item_thumbs,
                           finding_url=_finding_url,
                           changes=[c for c in svc.catalog.changes.values() if c.dashboard], agencies=agencies,
                           languages=sorted(svc.catalog.languages.values(), key=lambda lang: lang.code))


def _used_images(results: list[dict[str, Any]], start: int,
                 ) -> tuple[dict[int, list[dict[str, Any]]], dict[str, int]]:
    """For each uploaded image an article checked beside it shows (its `used_in`): where that article's card
    of it is on this page (its anchor, or None where the card is on another page), by the image's file
    number; and the image's file number by that card's anchor, for its thumbnail. `start`: the number of
    the page's first item."""
    numbers: dict[str, list[int]] = {}  # a name uploaded twice names two results: `used_in` lists them in order
    for number, result in enumerate(results):
        numbers.setdefault(result["file"], []).append(number)
    places: dict[int, list[dict[str, Any]]] = {}
    item_thumbs: dict[str, int] = {}
    for number, result in enumerate(results):
        taken: set[tuple[int, int]] = set()  # the cards linked: an article may show the image twice, as two srcs
        for use in result.get("used_in", ()):
            anchor = None
            for article in numbers.get(use["file"], ()):
                index = next((i for i, item in enumerate(results[article]["items"]) if item.get("src") == use["src"]),
                             None)
                if index is None or (article, index) in taken:
                    continue
                taken.add((article, index))
                anchor = _anchor(article, index + start)
                item_thumbs[anchor] = number
                break
            places.setdefault(number, []).append({**use, "anchor": anchor})
    return places, item_thumbs


def _anchor(file_number: int, item_number: int) -> str:
    return f"f{item_number}-{file_number}"


def _page_number(value: str | None) -> int:
    """The `page` of a result page: a whole number from 1 (1 when not given), else a 400 saying so."""
    if value is None or value == "":
        return 1
    if not (value.isascii() and value.isdigit()) or len(value) > 9 or int(value) < 1:
        abort(400, description=f"page must be a whole number from 1, not {value[:40]!r}")
    return int(value)


def _finding_code(value: str | None) -> str | None:
    """The `finding` filter of a result page: a finding code (None when not given), else a 400."""
    if not value:
        return None
    if value not in FINDINGS:
        abort(400, description=f"finding must be a finding code, not {value[:40]!r}")
    return value


def _finding_url(key: str, code: str | None) -> str:
    """This result page's URL showing only the items with finding `code` (all of them: None), from page 1."""
    args: dict[str, Any] = {k: v for k, v in request.args.to_dict(flat=False).items() if k not in ("page", "finding")}
    if code:
        args["finding"] = code
    return url_for("pages.check_result", key=key, **args)


def _count(file: dict[str, Any]) -> int:
    return int(file.get("item_count", len(file["items"])))


def _page_url(key: str, page: int) -> str:
    """This result page's URL at another page, the toggles kept."""
    args: dict[str, Any] = {k: v for k, v in request.args.to_dict(flat=False).items() if k != "page"}
    return url_for("pages.check_result", key=key, page=page, **args)


def _window(file: dict[str, Any], key: str, page: int) -> dict[str, Any]:
    """Which of a file's items this page shows (PAGE_ITEMS at a time), how many it has, how many with an
    error, and the links to the pages before and after."""
    start, total = (page - 1) * PAGE_ITEMS, _count(file)
    end = start + len(file["items"])
    return {"start": start, "end": end, "total": total, "errors": file.get("error_count", 0),
            "paged": total > PAGE_ITEMS, "summary": file.get("summary", []), "all": file.get("all_count", total),
            "before": _page_url(key, page - 1) if page > 1 else None,
            "after": _page_url(key, page + 1) if end < total else None}


@bp.get("/check/<key>/thumb/<int:number>")
def check_thumbnail(key: str, number: int):  # type: ignore[no-untyped-def]
    stored = services().get(key) or abort(404)
    if number >= len(stored.thumbs) or stored.thumbs[number] is None:
        abort(404)
    return Response(stored.thumbs[number], mimetype="image/jpeg")


@bp.get("/catalog")
def catalog():  # type: ignore[no-untyped-def]
    """The catalog, filtered by a search over names, ids, aliases and notes (case and accents folded)."""
    cat = services().catalog
    q = request.args.get("q", "").strip()
    wanted = fold_search(q)

    def hit(*texts: object) -> bool:
        return not wanted or wanted in fold_search(" ".join(str(t) for t in texts if t))

    licenses = [lic for lic in cat.licenses.values() if hit(lic.id, lic.name, lic.short_name, lic.family, *lic.aliases)]
    sources = [s for s in cat.sources.values() if hit(s.id, s.name, s.note, *s.aliases, *s.domains)]
    categories = [c for c in cat.categories.values() if hit(c.name, c.description)]
    return render_template("catalog.html", licenses=licenses, sources=sources, categories=categories, q=q)


@bp.get("/favicon.ico")
def favicon():  # type: ignore[no-untyped-def]
    return current_app.send_static_file("favicon.svg")
