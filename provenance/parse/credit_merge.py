"""Credits read more than once, or in parts, made one: the merges after every span of a text is read.

A credit written twice ('(Photo by Jane Roe / AFP)' and '(Photo by JANE ROE/AFP via Getty Images)') is one credit;
credits on consecutive lines that complete each other ('Autor: X', then 'Lizenz: CC BY-SA 4.0') are one credit; a
page's rights footer ('© WHO. All rights reserved.') is read into the earlier credits of its organisation. Only
credits with nothing but spaces and punctuation (or near lines) between them merge (`may_merge`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from provenance.catalog.licenses import resolve_license_name
from provenance.catalog.load import Catalog
from provenance.model import Credit
from provenance.parse.credit_parts import lone_brand
from provenance.parse.credit_science import processed_by

# A lead-in that names the kind of image it credits ('Photo:', 'Map:', 'Illustration by'): a credit of its own.
_IMAGE_LEAD = re.compile(
    r"(?i)^[\W_]*(?:photo(?:graph)?s?|foto(?:s|grafie)?|fot\.|image|imagen|imagem|bild|zdj[eę]cie|фото|"
    r"maps?|mapa|mappa|carte|karte|kaart|graphics?|grafik|illustrations?|chart|video)\b"
    r"[ \t]*(?:by\b|von\b|par\b|[:=：])"
)

_MERGE_GAP = re.compile(r"^[\s.…()\[\]+]*+(?:more)?[\s.…()\[\]+]*+$", re.IGNORECASE)  # possessive: linear
_LINE_GAP = re.compile(r"^[ \t\r]*\n[\s\-*•#]*$|^[ \t]*$")
# Between credits on nearby lines that complete each other ('Photographer: X; crop by Y' then 'Source: …'
# then 'License: …'): a few line breaks, punctuation, keys, links and short remarks, but no sentence.
_NEAR_GAP = re.compile(r"^(?=[^\n]*\n)(?![^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n).{0,240}$", re.DOTALL)

_PROSE = re.compile(r"(?:[^\W\d_]+[ \t]+){4}[^\W\d_]+")  # five words in a row
_WORDS = re.compile(r"[^\W\d_]{2,}[ \t]+[^\W\d_]{2,}")  # two words in a row: a line of text, not a key or link


def merge_repeats(catalog: Catalog, text: str, credits: list[Credit]) -> list[Credit]:
    """'(Photo by Jane Roe / AFP) (Photo by JANE ROE/AFP via Getty Images)': one credit written twice."""
    merged: list[Credit] = []
    for credit in credits:
        last = merged[-1] if merged else None
        gap = text[last.end : credit.start] if last is not None else ""
        if last is not None and (last.text.startswith(_SHARED) or credit.text.startswith(_SHARED)):
            merged.append(credit)  # an Instagram embed's account is a post's own credit, never a neighbour's part
        elif last is not None and (_MERGE_GAP.match(gap) and _agree(last, credit) or
                                 _near(gap) and complete_each_other(catalog, last, credit)
                                 and (_completes(last, credit) or _photographer_in_brackets(text, last, credit))):
            merged[-1] = fill_from(catalog, last, credit)
        elif last is not None and _holder_then_photographer(text, last, credit, gap):
            merged[-1] = replace(fill_from(catalog, last, credit), text=text[last.start : credit.end].strip())
        elif last is not None and _photographer_again_below(last, credit, gap):
            merged[-1] = fill_from(catalog, last, credit)
        elif last is not None and (people := processed_by(catalog, text, last, credit, gap)):
            merged[-1] = replace(last, creator=people, end=credit.end, text=text[last.start : credit.end].strip())
        elif last is not None and _source_of_holder(last, credit, gap):
            merged[-1] = replace(last, via=credit.organization, license=credit.license or last.license,
                                 license_url=credit.license_url or last.license_url, end=credit.end,
                                 text=text[last.start : credit.end].strip())
        else:
            merged.append(credit)
    return merged


_SHARED = "A post shared by"  # credit_spans.shared_posts
_SOURCE_LEAD = re.compile(r"(?i)(?:source|quelle|fonte|fuente)\s*:")


# '[Library of Congress; photo by John Plumbe]': in one bracket, the body holding the picture, a semicolon, then
# who took it after 'photo by'
_BRACKET_OPENS = "[("
_PHOTO_BY_PART = re.compile(r"(?i)(?:photo(?:graph)?|picture)\s+by\b")


def _holder_then_photographer(text: str, one: Credit, other: Credit, gap: str) -> bool:
    """'[Library of Congress; photo by Jane Roe]', '(Harwick Museum; photograph by Jane Roe)': a bracket that names the
    holding body alone, then after a semicolon only its photographer: one credit, the body and its maker."""
    if gap.strip() != ";" or one.creator or one.via or not one.organization or not other.creator \
            or other.organization or other.via or not _PHOTO_BY_PART.match(other.text):
        return False
    opened = text[max(0, one.start - 1) : one.start]
    return opened in _BRACKET_OPENS and text[other.end : other.end + 1] == ("]" if opened == "[" else ")")


def _source_of_holder(one: Credit, other: Credit, gap: str) -> bool:
    """'© European Union 2019 – Source: EP (CC-BY-4.0)': a rights holder named alone, then on the same line a
    'Source:' naming one body alone (and the terms it gives): the body the picture came through, the holder's
    credit's via."""
    if not (one.organization and one.copyright) or one.creator or one.via or "\n" in gap or gap.strip(" \t–—-|"):
        return False
    return bool(other.organization and not other.creator and not other.via and _SOURCE_LEAD.match(other.text))


def footer_credit(credits: list[Credit]) -> Credit | None:
    """The last credit, if it names an organisation alone with its reserved rights (`read_rights_footer`)."""
    last = credits[-1] if credits else None
    if last is None or not last.organization or last.creator or last.via or last.license_url or last.source_url \
            or not (last.copyright or last.license) \
            or (last.license or "").casefold() not in ("", "all rights reserved"):
        return None
    return last


def read_rights_footer(credits: list[Credit]) -> list[Credit]:
    """'WHO/Jane Roe', a paragraph, then '© WHO. All rights reserved.' closing the text: a page's rights footer held
    by the organisation the earlier credits name is their rights statement, however far below them; read into every
    earlier credit of that organisation that states none, and no credit of its own. Only a last credit that names
    the organisation alone (no creator, via, link or license other than the reserved rights) is such a footer."""
    last = footer_credit(credits) if len(credits) > 1 else None
    if last is None or last.organization is None:
        return credits
    holder = last.organization.casefold()
    earlier = [c.organization is not None and c.organization.casefold() == holder and not c.license
               and not c.license_url and not c.copyright for c in credits[:-1]]
    if not any(earlier):
        return credits
    return [replace(c, license=last.license, copyright=last.copyright) if same else c
            for c, same in zip(credits[:-1], earlier, strict=True)]


def may_merge(gap: str) -> bool:
    """Whether credits with `gap` between them (read in `read_credits`' text) may be merged into one, whatever
    they say: False when the gap holds prose (or anything but spaces and punctuation on nearby lines)."""
    return bool(_MERGE_GAP.match(gap)) or _near(gap)


def _completes(one: Credit, other: Credit) -> bool:
    """Whether credits side by side or on nearby lines can be one: a line that names a party of its own (a creator
    or an organisation) after one that did completes it under a key of the credit ('Autor: X' then 'Kredit: Y',
    'Source: …'), but one that opens with an image's own lead-in starts the credit of another image ('Photo: Jane
    Roe' then 'Map: OpenStreetMap contributors', or 'Photo: Reuters')."""
    both = (one.creator or one.organization) and (other.creator or other.organization)
    return not (both and _IMAGE_LEAD.match(other.text))


def _photographer_in_brackets(text: str, one: Credit, other: Credit) -> bool:
    """'© IOM 2014 (Photo by Jane Roe)': a rights holder named without a photographer, then right after it, in
    brackets, a credit naming only the photographer: one credit, the bracket's person its creator."""
    if one.creator or not (one.organization or one.copyright) or not other.creator \
            or other.organization or other.via or other.license:
        return False
    return text[max(0, other.start - 2) : other.start].strip()[-1:] == "("


def _photographer_again_below(one: Credit, other: Credit, gap: str) -> bool:
    """'Photo by: Jane Roe', the caption on the next line, then the wire's '(AP Photo/Jane Roe, Pool)' closing it: a
    page's photographer line over one picture's caption and its credit, the same person named twice; one credit, the
    wire's agency its organisation (the first read alone had lost it). Only a credit naming nothing but that person,
    with one line of caption between and no blank line (a new picture's block)."""
    if one.organization or one.via or one.license or not one.creator or not other.creator \
            or not (other.organization or other.via):
        return False
    return one.creator.casefold() == other.creator.casefold() and gap.count("\n") == 1 and len(gap) <= 600


def _near(gap: str) -> bool:
    """Credits side by side ('By X on Flickr. Image licensed under …') or on nearby lines, with nothing
    between them that reads as prose."""
    if _LINE_GAP.match(gap) or _MERGE_GAP.match(gap):
        return True
    rest_of_line, _, lines_between = gap.partition("\n")  # a remark may end the first credit's line; no text after
    return bool(_NEAR_GAP.match(gap)) and not _PROSE.search(rest_of_line) and not _WORDS.search(lines_between)


def _agree(one: Credit, other: Credit) -> bool:
    a, b = one.fields(), other.fields()
    shared = [k for k in ("creator", "organization", "via") if a[k] and b[k]]
    return bool(shared) and all(str(a[k]).casefold() == str(b[k]).casefold() for k in shared)


def complete_each_other(catalog: Catalog, one: Credit, other: Credit) -> bool:
    """Credits on consecutive lines that complete each other ('Autor: X' then 'Lizenz: CC BY-SA 4.0'); a
    license written twice in two spellings ('Attribution-NonCommercial 2.0 Generic', 'CC BY-NC 2.0') agrees."""
    a, b = one.fields(), other.fields()
    return all(not a[k] or not b[k] or str(a[k]).casefold() == str(b[k]).casefold()
               or k == "license" and _same_license(catalog, str(a[k]), str(b[k])) for k in a)


def _same_license(catalog: Catalog, one: str, other: str) -> bool:
    first, second = resolve_license_name(catalog, one), resolve_license_name(catalog, other)
    return first.license is not None and second.license is not None and first.license.id == second.license.id


def fill_from(catalog: Catalog, one: Credit, other: Credit) -> Credit:
    changes: dict[str, Any] = {k: v for k, v in other.fields().items() if v and not one.fields()[k]}
    changes["end"] = max(one.end, other.end)
    merged = replace(one, **changes)
    opened = merged.via or merged.license_url or merged.source_url or \
        (merged.license or "").casefold() not in ("", "all rights reserved")
    if opened and merged.organization and not merged.creator and lone_brand(catalog, merged.organization):
        # 'Photo: Lambtron' then 'License: CC BY-SA 4.0': a one-word name with an open license is a username
        merged = replace(merged, creator=merged.organization, organization=None)
    elif not opened and one.creator and other.creator and one.creator.casefold() == other.creator.casefold() \
            and (one.copyright or other.copyright) and not merged.organization and lone_brand(catalog, one.creator):
        # 'Foto: Freepick' then '© Freepick': one word credited and holding the ©, a brand crediting its own image
        merged = replace(merged, organization=merged.creator, creator=None)
    return merged
