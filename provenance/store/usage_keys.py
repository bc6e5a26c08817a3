"""[edge] A usage's stable key: what a decision about one credit in an article hangs on.

An audit deletes and recreates the usages of an article it checks again, so a decision cannot hang on
a usage row's id. The key is a hash of the article's path within its archive, the image reference
(src) and the credit or caption text (whitespace folded), and which occurrence of that same credit in
the article it is (0 for the first). So it survives a re-audit of an unchanged article, and of a
changed one as long as the credit itself is unchanged (text added, removed or moved around it, other
credits added or removed). When the credit's own text, its image reference or the article's path
changes, the key changes: the decision stays in the history but no longer applies to anything.
The archive's root is not part of the key, so the same archive audited as a folder or as a zip
keeps its decisions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Container, Iterable


def credit_text(text: str | None) -> str:
    """The credit or caption as the key sees it: whitespace runs folded to one space."""
    return " ".join((text or "").split())


def usage_key(article_path: str, src: str | None, caption: str | None, taken: Container[str] = ()) -> str:
    """The key of a usage; `taken` holds the keys of the usages before it in the same article, so that
    a credit repeated in one article gets a key per occurrence."""
    occurrence = 0
    while True:
        material = "\0".join((article_path, src or "", credit_text(caption), str(occurrence)))
        key = hashlib.sha256(material.encode("utf-8")).hexdigest()
        if key not in taken:
            return key
        occurrence += 1


def article_keys(article_path: str, usages: Iterable[tuple[str | None, str | None]]) -> list[str]:
    """The keys of an article's usages, given in order as (src, credit or caption)."""
    keys: list[str] = []
    for src, caption in usages:
        keys.append(usage_key(article_path, src, caption, set(keys)))
    return keys
