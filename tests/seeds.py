"""The two cases the project started from, written by the tests themselves.

The project began from two real articles about one event: one carries a full,
bracketed photo caption; the other has only a byline and no image credit. The
caption line is quoted as a fact (it is what the parser must read); the prose
around it is the project's own, written in the same shape (a headline, a
dateline, paragraphs that name people, places and agencies, a byline)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

SEED_CAPTION = (
    "North Korea people are welcoming Kim Jong-un and Vladimir Putin at Kim Il-sung square, January 2024. "
    "[Photo by Office of the President of the Russian Federation / Kremlin.ru, via Wikimedia Commons. "
    "Licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.en)]"
)

WITH_CAPTION = f"""{SEED_CAPTION}
World news

Leader promises support to the families of soldiers lost abroad

A ceremony in the capital honours the dead and their relatives

Desk report

The country's leader told relatives of soldiers killed overseas that the state would look after them,
speaking at a ceremony in the capital on Tuesday, according to the official news agency.

Officials described the families as the nation's first concern and promised housing, schooling and pensions.
The event followed a defence agreement signed by both governments last year.

Observers in Seoul said the ceremony was meant for audiences at home and abroad alike.
"""

BYLINE_ONLY = """Families of fallen soldiers honoured at a state ceremony

The leader said the state would provide for every family, in remarks reported by the official agency.

Analysts read the display of mourning as a message of loyalty at home and of solidarity with an ally.

He is expected to appear beside foreign heads of state at a parade next month.
✍️ This article is written by the team of The Harbour Ledger.
"""

_FOLDER = Path(tempfile.mkdtemp(prefix="provenance-seeds-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
_SEEDS = {"with-caption.txt": WITH_CAPTION, "byline-only.txt": BYLINE_ONLY}
for _name, _text in _SEEDS.items():
    (_FOLDER / _name).write_text(_text, encoding="utf-8")


def seed_with(text: str) -> Path:
    """The seed article containing `text`, as a file (a fresh temporary copy per test run)."""
    for name, body in _SEEDS.items():
        if text in body:
            return _FOLDER / name
    raise LookupError(f"no seed article contains {text!r}")
