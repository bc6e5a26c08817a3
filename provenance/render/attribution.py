"""Attribution text from a record: plain text, HTML and Markdown, in the reader's language.

The credit is built once as a list of pieces (render_formats.Piece), then written
out per format. Everything worded comes from data: the phrases and nouns of each
language (licenses/lang/*.toml), the license statement (the catalog's
`attribution_statement`, translated through the language's [statements]), and
the credit line a source requires (licenses/credit-formats.toml). Nothing here
is specific to one license or one source.

What a credit says, in order (TASL): the noun (Photo, Illustration, AI-generated
image… from the record's evidence), the title when known, the author(s), the
source with its link, the license with a link to its exact deed (port and
language included), and the change note when the license asks for one.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from functools import lru_cache

from provenance.catalog.credit_formats import CreditFormat
from provenance.catalog.languages import REFERENCE, Language
from provenance.catalog.load import Catalog, default_catalog
from provenance.catalog.sources import most_specific_source, remembered
from provenance.errors import OptionError
from provenance.model import Attribution, License, Record
from provenance.parse.htmltext import html_to_text
from provenance.parse.urls import is_http_url
from provenance.render.formats import LICENSE, LICENSE_REQUIRED, MEDIA, SOURCE, Piece, render_pieces
from provenance.resolve.record import name_tokens
from provenance.resolve.wording import split_role, strip_lead_in

__all__ = ["MEDIA", "Piece", "credit_pieces", "language_of", "render_attribution"]

CC_HOST = "creativecommons.org/"
ROLE_CATEGORIES = ("pool", "handout")  # credit roles with their own line ('Pool photo by …', 'Handout via …')
_PHOTO_WORD = re.compile(r"(?i)\s+photos?$")  # 'AP Photo' in a credit line under agency terms is 'AP'


def language_of(catalog: Catalog, lang: str) -> Language:
    """The language table for a code, or a ValueError naming the codes there are."""
    if lang not in catalog.languages:
        raise OptionError("lang", lang, sorted(catalog.languages))
    return catalog.languages[lang]


def render_attribution(record: Record, medium: str = "online", modified: str | Sequence[str] | None = None,
                       lang: str = REFERENCE, catalog: Catalog | None = None) -> Attribution:
    """The credit the record's license asks for, in the three formats.

    `modified` is either the change note's words, or change ids from licenses/changes.toml (translated)."""
    catalog = catalog or default_catalog()
    if medium not in MEDIA:
        raise OptionError("medium", medium, MEDIA)
    return render_pieces(credit_pieces(record, modified, catalog, language_of(catalog, lang)), medium)


def credit_pieces(record: Record, modified: str | Sequence[str] | None, catalog: Catalog,
                  language: Language) -> list[Piece]:
    lic = record.license
    sentences = [_who(record, catalog, language)]
    if lic and lic.attribution_statement:
        sentences.append(_statement(lic, record, catalog, language))
    elif lic is None:
        sentences.append([words(language.phrases["license_unknown"])])
    changes = _changes(modified, catalog, language)
    if changes and lic and lic.terms.indicate_changes:
        sentences.append(fill(language.phrases["modified"], changes=Piece(changes)))
    pieces: list[Piece] = []
    for sentence in sentences:
        pieces += [*([words(language.phrases["sentence_break"])] if pieces else []), *sentence]
    return [*pieces, words(language.phrases["sentence_end"])]


def fill(template: str, **values: Piece) -> list[Piece]:
    """A phrase of the language with its placeholders replaced by pieces (links kept)."""
    out: list[Piece] = []
    for literal, name in _template_parts(template):
        if literal:
            out.append(literal)
        if name:
            out.append(values[name])
    return out


@lru_cache(maxsize=1024)  # a language has a few dozen phrases: each is parsed once
def _template_parts(template: str) -> tuple[tuple[Piece | None, str | None], ...]:
    return tuple((words(literal) if literal else None, name)
                 for literal, name, _, _ in string.Formatter().parse(template))


@lru_cache(maxsize=1024)
def words(text: str) -> Piece:
    """The language's own words as a piece without a link: built once (a piece cannot change, and every
    credit has the same few)."""
    return Piece(text)


def _who(record: Record, catalog: Catalog, language: Language) -> list[Piece]:
    """Noun, title, names and source: the credit line proper."""
    creator, org, via = _name(catalog, record.creator), _name(catalog, record.organization), _name(catalog, record.via)
    role, creator = split_role(creator, catalog.languages)
    if role is None and record.category in catalog.categories:
        role = catalog.categories[record.category].credit_role  # the category's role (licenses/categories.toml)
    fmt = catalog.credit_formats.get(record.source_id or "")
    link = _safe_url(record.source_url)
    client = _clean(record.client)
    if fmt:
        return _formatted(fmt, role, creator, org, via, catalog, link, client)
    org = f"{org} for {client}" if org and client else org
    if role in ROLE_CATEGORIES and (via or org):
        names = "/".join(_distinct(creator, org if via else ""))
        return _pool_or_handout(role, names, via or org, language, link)
    if role == "courtesy" and creator and org and org != creator:  # 'Photo by Jane Roe, courtesy of the Harwick
        # Museum': the photographer's credit, then the lender's courtesy, each a sentence of its own
        return [*_plain(record, creator, "", "", language, None), words(language.phrases["sentence_break"]),
                *fill(language.phrases["courtesy"], names=Piece(org, link if not via else None, SOURCE)),
                *_via(via, link, language)]
    if role == "courtesy" and (creator or org):  # the one who lent it: a person, or a body ('Photo courtesy of
        # Harwick University')
        return [*fill(language.phrases["courtesy"], names=Piece(creator or org, link if not via else None, SOURCE)),
                *_via(via, link, language)]
    return _plain(record, creator, org, via, language, link)


def _name(catalog: Catalog, value: str | None) -> str:
    """A name of the record as the credit writes it: its markup and a lead-in left on it taken off
    (remembered per catalog: a text credits the same few agencies)."""
    return remembered(catalog, "attribution-name-memo", value, _written_name) if value else ""


def _written_name(catalog: Catalog, value: str) -> str:
    name = _clean(value)
    return strip_lead_in(name, catalog.languages) if name else name


def _plain(record: Record, creator: str, org: str, via: str, language: Language, link: str | None) -> list[Piece]:
    """'Photo by Jane Doe / Kremlin.ru, via Wikimedia Commons' or, under agency terms, 'Photo: Jane Doe/AP'."""
    line = bool(record.license and not record.license.attribution_statement)
    if line:
        org = _PHOTO_WORD.sub("", org)
    names = (("/" if line else " / ").join(_distinct(creator, org))) or language.phrases["creator_unknown"]
    title = _clean(record.title)
    noun = words(language.nouns.get(record.noun or "photo", language.nouns["photo"]))
    values = {"noun": noun, "names": Piece(names, link if not via else None, SOURCE)}
    if title:
        values["title"] = Piece(title)
    key = ("titled_line" if line else "titled") if title else ("credit_line" if line else "by")
    return [*fill(language.phrases[key], **values), *_via(via, link, language)]


def _via(via: str, link: str | None, language: Language) -> list[Piece]:
    return fill(language.phrases["via"], via=Piece(via, link, SOURCE)) if via else []


def _pool_or_handout(role: str, names: str, source: str, language: Language, link: str | None) -> list[Piece]:
    """'Pool photo by Jane Doe via AP', 'Handout via Reuters' in the language's words; never '[creator unknown]'."""
    key = {("pool", True): "pool", ("pool", False): "pool_anonymous",
           ("handout", True): "handout_by", ("handout", False): "handout"}[(role, bool(names))]
    values = {"source": Piece(source, link, SOURCE)}
    return fill(language.phrases[key], **values, **({"names": Piece(names)} if names else {}))


def _formatted(fmt: CreditFormat, role: str | None, creator: str, org: str, via: str, catalog: Catalog,
               link: str | None, client: str = "") -> list[Piece]:
    """The source's own credit line ('AP Photo/Evan Vucci', 'Jane Doe / AFP'). The credit's other names
    go where the photographer's name goes ('Jane Doe/EPA-EFE/Shutterstock'), a platform it came
    through after 'via' ('Jane Doe / AFP via Getty Images'), a client after 'for'."""
    own = catalog.sources[fmt.source]
    parts = [p.strip() for p in org.split("/") if p.strip() and _names_source(catalog, p) != own.id]
    names = "/".join(_distinct(creator, *parts))
    kind = role if role in ROLE_CATEGORIES and fmt.form(role, names) else "credit"
    handout = fmt.form("handout", "") if kind == "handout" else None
    text = (f"{names}/{handout}" if names else handout) if handout else fmt.form(kind, names) or own.name
    text += f" for {client}" if client else ""
    text += f" via {via}" if via and _names_source(catalog, via) != own.id else ""
    return [Piece(text, link, SOURCE)]


def _names_source(catalog: Catalog, name: str) -> str | None:
    found = most_specific_source(catalog, name)
    return found.id if found else None


def _distinct(*names: str) -> list[str]:
    """The names, each once: a name whose words another name already holds is left out
    ('NASA/JPL-Caltech' credited as creator and as organisation is printed once)."""
    kept: list[str] = []
    for name in (n for n in names if n):
        tokens = name_tokens(name)
        if any(tokens <= name_tokens(k) for k in kept):
            continue
        kept = [k for k in kept if not name_tokens(k) <= tokens] + [name]
    return kept


def _statement(lic: License, record: Record, catalog: Catalog, language: Language) -> list[Piece]:
    template = _translated_statement(lic.attribution_statement, catalog, language)
    name = f"{lic.short_name} {record.port.upper()}" if record.port else lic.short_name
    url = license_link(lic, record.port, language)
    rel = (LICENSE_REQUIRED if lic.terms.license_link else LICENSE) if url else None
    return fill(template, license=Piece(name, url, rel))


def _translated_statement(statement: str, catalog: Catalog, language: Language) -> str:
    """The catalog's (English) statement in the language; a statement no language file knows stays as it is."""
    english = catalog.languages[REFERENCE].statements
    key = next((k for k, text in english.items() if text == statement), None)
    return language.statements[key] if key else statement


def license_link(lic: License, port: str | None, language: Language) -> str | None:
    """The exact deed: the port's own page (…/by-sa/3.0/de/) and, on creativecommons.org, the
    deed in the reader's language (deed.de) where Creative Commons publishes one."""
    url = _safe_url(lic.url)
    if url and port and lic.url_ports:
        url = f"{url.rstrip('/')}/{port.lower()}/"
    if url and language.cc_deed and CC_HOST in url and url.endswith("/"):
        url = f"{url}deed.{language.cc_deed}"
    return url


def _changes(modified: str | Sequence[str] | None, catalog: Catalog, language: Language) -> str:
    if not modified:
        return ""
    if isinstance(modified, str):
        return _clean(modified)
    labels = [language.changes.get(c) or (catalog.changes[c].label if c in catalog.changes else c) for c in modified]
    return language.phrases["list_separator"].join(labels)


def _safe_url(url: str | None) -> str | None:
    return url.strip() if url and is_http_url(url) else None


def _clean(value: str | None) -> str:
    return html_to_text(value).strip() if value else ""
