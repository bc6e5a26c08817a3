"""Attribution text from a record: plain text, HTML and Markdown.

The credit is built once as a list of pieces (text, optionally linked), then
rendered per format. The wording of the license statement comes from the
catalog (`attribution_statement`); nothing here is specific to one license.
HTML escapes every field and links only http(s) URLs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from provenance.errors import OptionError
from provenance.model import Attribution, License, Record
from provenance.parse.htmltext import html_to_text
from provenance.parse.urls import is_http_url

MEDIA = ("online", "print")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


@dataclass(frozen=True)
class Piece:
    text: str
    url: str | None = None
    rel: str | None = None


def render_attribution(record: Record, medium: str = "online", modified: str | None = None) -> Attribution:
    """The credit the record's license asks for, in the three formats."""
    if medium not in MEDIA:
        raise OptionError("medium", medium, MEDIA)
    pieces = credit_pieces(record, modified)
    return Attribution(
        text=_as_text(pieces),
        html=_as_html(pieces, medium),
        markdown=_as_markdown(pieces, medium),
    )


def credit_pieces(record: Record, modified: str | None = None) -> list[Piece]:
    lic = record.license
    pieces = _who(record, agency_style=bool(lic and not lic.attribution_statement))
    if lic and lic.attribution_statement:
        pieces += [Piece(". "), *_statement(lic, record)]
    elif lic is None:
        pieces.append(Piece(". [license unknown]"))
    if modified:
        pieces.append(Piece(f". Modified from the original: {_clean(modified)}"))
    pieces.append(Piece("."))
    return pieces


def _who(record: Record, agency_style: bool) -> list[Piece]:
    creator, org, via = _clean(record.creator), _clean(record.organization), _clean(record.via)
    title = _clean(record.title)
    lead = [Piece("Photo"), Piece(f' "{title}"')] if title else [Piece("Photo")]
    if agency_style:
        org = re.sub(r"(?i)\s+photos?$", "", org)
        names = "/".join(n for n in (creator, org) if n) or "[creator unknown]"
        pieces = [*lead, Piece(": "), Piece(names)]
    else:
        names = " / ".join(n for n in (creator, org) if n) or "[creator unknown]"
        pieces = [*lead, Piece(" by "), Piece(names, _safe_url(record.source_url) if not via else None)]
    if via:
        pieces += [Piece(", via " if not agency_style else " via "), Piece(via, _safe_url(record.source_url))]
    return pieces


def _statement(lic: License, record: Record) -> list[Piece]:
    before, _, after = lic.attribution_statement.partition("{license}")
    name = f"{lic.short_name} ({record.port})" if record.port else lic.short_name
    url = _license_link(lic, record)
    rel = ("license-required" if lic.terms.license_link else "license") if url else None
    return [Piece(before), Piece(name, url, rel), Piece(after)]


def _license_link(lic: License, record: Record) -> str | None:
    """The URL to link: the credit's own (a port has its own page), else the catalog's."""
    if record.port and record.license_url:
        return _safe_url(record.license_url)
    return _safe_url(lic.url)


def _safe_url(url: str | None) -> str | None:
    return url.strip() if url and is_http_url(url) else None


def _clean(value: str | None) -> str:
    return html_to_text(value) if value else ""


def _as_text(pieces: list[Piece]) -> str:
    out = []
    for piece in pieces:
        show_url = piece.url and piece.rel == "license-required"
        out.append(f"{piece.text} ({piece.url})" if show_url else piece.text)
    return _tidy("".join(out))


def _as_html(pieces: list[Piece], medium: str) -> str:
    out = []
    for piece in pieces:
        text = html.escape(piece.text)
        if piece.url and medium == "online":
            rel = ' rel="license"' if piece.rel else ""
            out.append(f'<a href="{html.escape(piece.url)}"{rel}>{text}</a>')
        elif piece.url and piece.rel == "license-required":
            out.append(f"{text} ({html.escape(piece.url)})")
        else:
            out.append(text)
    return _tidy("".join(out))


def _as_markdown(pieces: list[Piece], medium: str) -> str:
    out = []
    for piece in pieces:
        text = _MARKDOWN_SPECIAL.sub(r"\\\1", piece.text)
        url = piece.url and piece.url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        if url and medium == "online":
            out.append(f"[{text}]({url})")
        elif url and piece.rel == "license-required":
            out.append(f"{text} (<{url}>)")
        else:
            out.append(text)
    return _tidy("".join(out))


def _tidy(text: str) -> str:
    text = re.sub(r"\.\s*\.", ".", text)
    return re.sub(r"\s+", " ", text).strip()
