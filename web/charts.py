"""The archive's overview drawn on the server as SVG: bars for rows by status, findings by code and
records by license family, and the trend of rows by status over the audit runs. Only numbers and
escaped labels reach the template; no script, no chart library, no CDN."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from provenance.audit import overview
from provenance.audit.labels import Labels

BAR_WIDTH = 130  # the longest bar, in SVG units (labels take the 165 before it)
ROW_HEIGHT = 22
MOST_BARS = 8
TREND_WIDTH, TREND_HEIGHT = 200, 100
TREND_SERIES = ("error", "warning", "info", "ok")


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    width: float
    y: int
    css: str
    link: dict[str, str]


def bars(counts: dict[str, int], css: str, link_key: str = "") -> list[Bar]:
    shown = list(counts.items())[:MOST_BARS]
    most = max((n for _, n in shown), default=0) or 1
    return [Bar(label, n, round(BAR_WIDTH * n / most, 1), i * ROW_HEIGHT, css if css != "status" else label,
                {link_key: label} if link_key else {}) for i, (label, n) in enumerate(shown)]


def trend_lines(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One polyline per status: x by run, y by count (the chart's top is the largest count)."""
    if not runs:
        return []
    most = max((int(r["counts"].get(s, 0)) for r in runs for s in TREND_SERIES), default=0) or 1
    step = TREND_WIDTH / (len(runs) - 1) if len(runs) > 1 else 0.0
    lines = []
    for status in TREND_SERIES:
        points = [(round(i * step, 1), round(TREND_HEIGHT - TREND_HEIGHT * int(r["counts"].get(status, 0)) / most, 1))
                  for i, r in enumerate(runs)]
        drawn = points
        if len(runs) == 1:  # one run: a level line to the right edge, its dot there as the latest run's is (a lone
            # dot at the left edge read as a stray mark)
            points = [(TREND_WIDTH, points[0][1])]
            drawn = [(0.0, points[0][1]), points[0]]
        lines.append({"status": status, "points": " ".join(f"{x},{y}" for x, y in drawn), "dots": points,
                      "last": int(runs[-1]["counts"].get(status, 0))})
    return lines


def overview_charts(session: Any, labels: Labels) -> dict[str, Any]:
    status = overview.status_counts(session)
    kinds = overview.row_counts(session)
    return {"status": bars(status, "status", "status"), "rows": sum(status.values()), "kinds": kinds,
            "findings": bars(overview.finding_counts(session), "finding", "code"),
            "families": bars(overview.family_counts(session, labels), "family"),
            "trend": trend_lines(overview.trend(session)), "runs": len(overview.trend(session)),
            "height": ROW_HEIGHT * MOST_BARS, "bar_width": BAR_WIDTH,
            "trend_size": (TREND_WIDTH, TREND_HEIGHT)}
