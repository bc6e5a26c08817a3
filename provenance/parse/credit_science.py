"""Space agencies' and observatories' credits that name the people who made a picture from the bodies' data after
the bodies, in a part of their own:

  NASA, ESA, CSA, STScI; Image Processing: Jane Roe (STScI)        the processor, the body she works for in brackets
  NASA, ESA, CSA, STScI; J. Roe (STScI), T. Bell (ESA)             the scientists, each with their body
  NASA, ESA, CSA, STScI. Image processing: Jane Roe (STScI)        a full stop before the processing label
  Image courtesy of AVO/ADGGS; Image Creator: Jane Roe             an observatory's courtesy, then its maker

The bodies stay the credit's organisation and the people are its creators, without their bodies.
"""

from __future__ import annotations

import re

from provenance.catalog.load import Catalog
from provenance.catalog.names import looks_like_person
from provenance.catalog.sources import match_source
from provenance.model import Credit

# Between a joint credit of bodies and the people: a semicolon, or a full stop before 'Image processing:'
_GAP = re.compile(r"^[ \t]*[;.][ \t]*$")
_PROCESSING = re.compile(r"(?i)^(?:image\s+)?processing\s*[:：]\s*")
# The maker named by a field of their own after an observatory's courtesy credit ('[Image courtesy of AVO/USGS;
# photographer: Jane Roe]', '…; Image Creator: Jane Roe')
_MAKER = re.compile(r"(?i)^(?:image\s+creator|photographer)\s*[:：]\s*")
# One person of the list and, in brackets, the body they work for: 'Alyssa Pagan (STScI)', 'M. Roe (ESA Office at
# STScI)'
_PERSON = re.compile(r"^(?P<name>[^(),/]{2,60}?)(?:[ \t]*\([^()]{1,60}\))?$")


def processed_by(catalog: Catalog, text: str, one: Credit, other: Credit, gap: str) -> str:
    """The people of `other` when it names the makers of the picture `one` credits to bodies alone; else ''."""
    if not one.organization or one.creator or one.license or not other.creator or other.via or other.license \
            or not _GAP.match(gap):
        return ""
    part = text[other.start : other.end]
    maker = _MAKER.match(part)
    if one.via and not maker:
        return ""  # 'Jane Roe/AP; Reuters': two credits
    labelled = _PROCESSING.match(part) or maker
    if gap.strip() == "." and not labelled:
        return ""  # 'NASA. Jane Roe said …': a sentence after the credit
    return _people(catalog, part[labelled.end() :] if labelled else part)


def _people(catalog: Catalog, part: str) -> str:
    """'J. Roe (STScI), T. Bell (ESA)' -> 'J. Roe, T. Bell': a list of names alone, each with at most its body in
    brackets; '' when any piece is not a person's name ('Jane Roe, AP': an agency; 'Jane Roe/AP': a chain)."""
    names = []
    for piece in re.split(r",\s*|\s+and\s+", part.strip().rstrip(".")):
        match = _PERSON.match(piece.strip())
        name = match.group("name").strip() if match is not None else ""
        if not name or not looks_like_person(name) or name.isupper() or match_source(catalog, name) is not None:
            return ""
        names.append(name)
    return ", ".join(names)
