"""Which file names are articles, and of which kind: one table for the article readers and the archive walk.

Kept apart from the readers, with no imports, so that walking an archive (the re-audit's fast path among them)
does not load them."""

from __future__ import annotations

# Markup read by its own reader; any other article is plain text, or HTML when its first bytes say so.
MARKUP_SUFFIX_KIND = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".mdx": "markdown"}
# Every name an archive's article may have; '' is a file with no suffix ('README').
ARTICLE_SUFFIXES = frozenset({*MARKUP_SUFFIX_KIND, ".txt", ".text", ""})
