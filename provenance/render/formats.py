"""An attribution built as pieces (text, optionally linked), written out as plain
text, HTML or Markdown for a medium. Online, HTML and Markdown link; in print
and in plain text every URL is written out, except a license link the license
does not require. HTML escapes every field and links only http(s) URLs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from provenance.errors import OptionError
from provenance.model import Attribution

MEDIA = ("online", "print")
LICENSE_REQUIRED, LICENSE, SOURCE = "license-required", "license", "source"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")
_DOUBLE_STOP = re.compile(r"([.。])\s*[.。](?![.。])")


@dataclass(frozen=True)
class Piece:
    text: str
    url: str | None = None
    rel: str | None = None  # license-required | license | source


def render_pieces(pieces: list[Piece], medium: str) -> Attribution:
    if medium not in MEDIA:
        raise OptionError("medium", medium, MEDIA)
    if not pieces:
        return Attribution(text="", html="", markdown="")
    text, html_, markdown = zip(*(_written(p.text, p.url, p.rel, medium) for p in pieces), strict=True)
    return Attribution(text=tidy("".join(text)), html=tidy("".join(html_)), markdown=tidy("".join(markdown)))


# Most pieces of an attribution are the language's words and the license's link, the same in every credit of
# a text: each is written out once in the three formats (by its text, link and kind: strings, hashed once each).
@lru_cache(maxsize=4096)
def _written(text: str, url: str | None, rel: str | None, medium: str) -> tuple[str, str, str]:
    """A piece as plain text, HTML and Markdown. Plain text and print write a URL out unless it is a license
    link the license does not ask for."""
    plain = f"{text} ({url})" if url and rel != LICENSE else text
    return plain, _html_piece(text, url, rel, medium), _markdown_piece(text, url, rel, medium)


def _html_piece(text: str, url: str | None, rel: str | None, medium: str) -> str:
    text = html.escape(text)
    if url and medium == "online":
        kind = ' rel="license"' if rel in (LICENSE, LICENSE_REQUIRED) else ""
        return f'<a href="{html.escape(url)}"{kind}>{text}</a>'
    if url and rel != LICENSE:
        return f"{text} ({html.escape(url)})"
    return text


def _markdown_piece(text: str, url: str | None, rel: str | None, medium: str) -> str:
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text) if _MARKDOWN_SPECIAL.search(text) else text
    url = url and url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    if url and medium == "online":
        return f"[{text}]({url})"
    if url and rel != LICENSE:
        return f"{text} (<{url}>)"
    return text


def tidy(text: str) -> str:
    """One full stop where a name's own stop meets the sentence's ('Fot.' + '.'), one space between words."""
    if _DOUBLE_STOP.search(text):  # a substitution with a group reference has a fixed cost: only where needed
        text = _DOUBLE_STOP.sub(r"\1", text)
    return " ".join(text.split())  # runs of white space as one space, none at the ends (as r"\s+" reads them)
