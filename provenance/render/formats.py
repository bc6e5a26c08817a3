"""An attribution built as pieces (text, optionally linked), written out as plain
text, HTML or Markdown for a medium. Online, HTML and Markdown link; in print
and in plain text every URL is written out, except a license link the license
does not require. HTML escapes every field and links only http(s) URLs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from provenance.errors import OptionError
from provenance.model import Attribution

MEDIA = ("online", "print")
LICENSE_REQUIRED, LICENSE, SOURCE = "license-required", "license", "source"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")
_DOUBLE_STOP = re.compile(r"([.。])\s*[.。](?![.。])")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Piece:
    text: str
    url: str | None = None
    rel: str | None = None  # license-required | license | source


def render_pieces(pieces: list[Piece], medium: str) -> Attribution:
    if medium not in MEDIA:
        raise OptionError("medium", medium, MEDIA)
    return Attribution(text=as_text(pieces), html=as_html(pieces, medium), markdown=as_markdown(pieces, medium))


def _written_out(piece: Piece) -> bool:
    """Plain text and print write a URL out unless it is a license link the license does not ask for."""
    return bool(piece.url) and piece.rel != LICENSE


def as_text(pieces: list[Piece]) -> str:
    return tidy("".join(f"{p.text} ({p.url})" if _written_out(p) else p.text for p in pieces))


def as_html(pieces: list[Piece], medium: str) -> str:
    out = []
    for piece in pieces:
        text = html.escape(piece.text)
        if piece.url and medium == "online":
            rel = ' rel="license"' if piece.rel in (LICENSE, LICENSE_REQUIRED) else ""
            out.append(f'<a href="{html.escape(piece.url)}"{rel}>{text}</a>')
        elif _written_out(piece):
            out.append(f"{text} ({html.escape(piece.url or '')})")
        else:
            out.append(text)
    return tidy("".join(out))


def as_markdown(pieces: list[Piece], medium: str) -> str:
    out = []
    for piece in pieces:
        text = _MARKDOWN_SPECIAL.sub(r"\\\1", piece.text) if _MARKDOWN_SPECIAL.search(piece.text) else piece.text
        url = piece.url and piece.url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        if url and medium == "online":
            out.append(f"[{text}]({url})")
        elif url and _written_out(piece):
            out.append(f"{text} (<{url}>)")
        else:
            out.append(text)
    return tidy("".join(out))


def tidy(text: str) -> str:
    """One full stop where a name's own stop meets the sentence's ('Fot.' + '.'), one space between words."""
    if _DOUBLE_STOP.search(text):  # a substitution with a group reference has a fixed cost: only where needed
        text = _DOUBLE_STOP.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()
