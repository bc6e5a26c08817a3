"""PNG text chunks (tEXt, zTXt, iTXt) -> Evidence; XMP in iTXt goes to the XMP reader."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from provenance.evidence import Evidence

XMP_KEY = "XML:com.adobe.xmp"
# keyword -> field (the keywords of the PNG specification that carry rights)
KEYWORDS: dict[str, str] = {
    "Author": "creator",
    "Copyright": "copyright",
    "Title": "title",
    "Description": "description",
    "Comment": "description",
    "Source": "source",
    "Disclaimer": "usage_terms",
}


def png_text_evidence(info: Mapping[str, Any]) -> list[Evidence]:
    found = []
    for key, field in KEYWORDS.items():
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        if isinstance(value, str) and value.strip():
            lang = getattr(value, "lang", None) or None
            found.append(Evidence(field=field, value=" ".join(value.split()), origin="png-text",
                                  name=f"PNG {key}", raw=str(value)[:500], lang=lang))
    return found
