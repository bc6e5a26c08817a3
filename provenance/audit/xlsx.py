"""[edge] The archive as an XLSX workbook (openpyxl): the report's columns, a bold frozen header row,
filters on, and text cells written as text (a value that looks like a formula is never one). A control
character XML cannot hold (a file or zip member may be named with one) is written as its escape, \\x1b."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from provenance.render.audit_report import COLUMNS, ReportRow

WIDTHS = {"article": 34, "image": 34, "src": 24, "creator": 24, "organization": 20, "license": 18, "status": 9,
          "findings": 30, "messages": 60, "attribution": 60}


def xlsx_bytes(rows: list[ReportRow], title: str = "Archive") -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    names = list(COLUMNS)
    sheet.append([COLUMNS[n] for n in names])
    for row in rows:
        sheet.append([_storable(getattr(row, n)) for n in names])
    for index, name in enumerate(names, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[name]
        for (data,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            data.data_type = "s"  # text, even when it starts with '='
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{max(1, len(rows) + 1)}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _storable(value: str) -> str:
    """The value with each character a worksheet cannot hold (C0 controls but tab and newlines) as its escape:
    one such name would otherwise make openpyxl refuse the whole export."""
    return str(ILLEGAL_CHARACTERS_RE.sub(lambda found: f"\\x{ord(found.group()):02x}", value))
