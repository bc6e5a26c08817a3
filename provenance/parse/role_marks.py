"""Credits that name each author with their part in brackets, as Portuguese and Spanish reports sign them.

  Leonencio Nossa (textos) & Dida Sampaio (fotos)     the writer, then the photographer
  Luis Doe (fotografías) y Ana Roe (texto)             or the other way round

Only a line made of the two signatures alone is read: a name before '(fotos)' in a sentence or a headline is as often
a place or a gallery's mark ('Carnaval de Olinda (fotos)', '… sobre São Paulo (fotos)').
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from provenance.parse.credit_spans import Segment

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME = rf"[{_UPPER}][\w'’.-]+(?:[ \t]+(?:(?:da|de|do|dos|das|del|la|van|von)[ \t]+)?[{_UPPER}][\w'’.-]+){{1,3}}"
_PHOTO = r"\((?i:fotos?|photos?|fotograf[ií]as?|imagens?|im[aá]genes)\)"
_WRITER = r"\((?i:textos?|text|texte|reportagem|reportaje|reportage)\)"
# a conjunction or a comma between the two signatures; a slash or a pipe separates a menu's or a page's items
# ('Leia Mais (textos) | Veja Mais (fotos)', 'Governo Federal (textos) / Palácio Planalto (fotos)')
_AND = r"[ \t]*(?:&|,|[ \t](?:e|y|et|and)[ \t])[ \t]*"
_SIGNED = re.compile(
    rf"(?m)^[ \t]*(?:{_NAME}[ \t]+{_WRITER}{_AND}(?P<name>{_NAME})[ \t]+{_PHOTO}|"
    rf"(?P<first>{_NAME})[ \t]+{_PHOTO}{_AND}{_NAME}[ \t]+{_WRITER})[ \t]*(?=\r?$)")


def role_marked(text: str) -> Iterator[Segment]:
    """The photographer of a line that signs its writer and photographer with their parts in brackets."""
    if "(" not in text or ")" not in text:
        return
    for match in _SIGNED.finditer(text):
        part = "name" if match.group("name") else "first"
        yield Segment(match.start(part), match.end(part), match.start(part), rewrite=match.group(part))
