"""Audit report rows -> CSV, JSON or a self-contained HTML page. Pure rendering:
the rows come from the database (provenance.audit.read_model)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import asdict, dataclass

from provenance.errors import OptionError

SEVERITY_ORDER = ("error", "warning", "info")
FORMATS = {".csv": "csv", ".json": "json", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class ReportRow:
    """One usage of an image in an article (article empty: an image no article uses)."""

    article: str
    image: str
    src: str
    creator: str
    organization: str
    license: str
    status: str
    findings: str
    messages: str
    attribution: str


def worst(severities: list[str]) -> str:
    return next((s for s in SEVERITY_ORDER if s in severities), "ok")


def fails(rows: list[ReportRow], level: str | None) -> bool:
    """--fail-on: any row at `level` or worse."""
    if level is None:
        return False
    bad = SEVERITY_ORDER[: SEVERITY_ORDER.index(level) + 1]
    return any(row.status in bad for row in rows)


def render(rows: list[ReportRow], fmt: str, title: str = "provenance audit") -> str:
    if fmt == "csv":
        return _csv(rows)
    if fmt == "json":
        return json.dumps({"title": title, "rows": [asdict(r) for r in rows]}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return _html(rows, title)
    raise OptionError("report format", fmt, ("csv", "json", "html"))


def _csv(rows: list[ReportRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    names = list(ReportRow.__dataclass_fields__)
    writer.writerow(names)
    for row in rows:
        writer.writerow([cell(getattr(row, n)) for n in names])
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = {"article": "Article", "image": "Image", "src": "Src", "creator": "Creator",
           "organization": "Organisation", "license": "Licence", "status": "Status", "findings": "Finding codes",
           "messages": "Messages", "attribution": "Attribution"}


def cell(value: str) -> str:
    """Keep spreadsheet formulas out of a report people open in Excel: only a cell that starts like one
    gets a leading apostrophe; an empty cell stays empty."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2430}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dde2ea;padding:.4rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f5f9;position:sticky;top:0}
.error{color:#a4161a;font-weight:600}.warning{color:#9a6700;font-weight:600}.info{color:#3a5a8c}.ok{color:#2b7a3d}
.small{font-size:.85em;color:#4a5568}"""


LONG_RUN = re.compile(r"\S{25,}")  # past 24 characters with no space, a value may break anywhere (<wbr>)


def _text(value: str) -> str:
    """A cell's text, escaped; a long run with no space in it (a hostile or pasted value, a token in a URL) gets
    a break opportunity every 24 characters, so that one cell cannot make the page tens of thousands of pixels
    wide. Ordinary words keep their columns as wide as they need; the text copied from the page is unchanged."""
    pieces, end = [], 0
    for run in LONG_RUN.finditer(value):
        pieces.append(html.escape(value[end:run.start()]))
        word = run.group()
        pieces.append("<wbr>".join(html.escape(word[i:i + 24]) for i in range(0, len(word), 24)))
        end = run.end()
    pieces.append(html.escape(value[end:]))
    return "".join(pieces)


def _html(rows: list[ReportRow], title: str) -> str:
    counts = {s: sum(r.status == s for r in rows) for s in (*SEVERITY_ORDER, "ok")}
    head = "".join(f"<th>{html.escape(h)}</th>" for h in
                   ("Article", "Image", "Creator", "Organisation", "License", "Status", "Findings"))
    body = []
    for r in rows:
        cells = [r.article, r.image or r.src, r.creator, r.organization, r.license]
        tds = "".join(f"<td>{_text(c)}</td>" for c in cells)
        status = f'<td class="{html.escape(r.status)}">{html.escape(r.status)}</td>'
        findings = f'<td>{html.escape(r.findings)}<div class="small">{_text(r.messages)}</div></td>'
        body.append(f"<tr>{tds}{status}{findings}</tr>")
    summary = ", ".join(f"{n} {s}" for s, n in counts.items())
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1><p>{len(rows)} rows: "
            f"{html.escape(summary)}</p><table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
            "</table></body></html>\n")
