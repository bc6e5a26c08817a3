"""An audit says which articles' encoding was guessed (encoding-guessed), on real files written in legacy
encodings, on SQLite and (when configured) PostgreSQL; re-audits keep or drop it as the file says."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import openpyxl
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.decisions import recheck_usage
from provenance.audit.labels import Labels
from provenance.audit.overview import summary
from provenance.audit.read_model import report_rows
from provenance.audit.run import run_audit
from provenance.audit.xlsx import xlsx_bytes
from provenance.catalog.load import Catalog, default_catalog
from provenance.catalog.profile import UsageProfile
from provenance.render.audit_report import ReportRow, render
from provenance.store import tables as t
from tests.conftest_db import open_test_store

CODE = "encoding-guessed"
LATIN2 = "Prague floods\n\nPhoto: Jiří Dvořák/ČTK\n"
SPANISH = "Riada en Valencia\n\nPhoto: José Muñoz/AP\n"


def write_archive(folder: Path) -> Path:
    """Articles in UTF-8, in windows-1252 and ISO-8859-2 with no declaration, in ISO-8859-2 declared so
    (read as declared), and in ISO-8859-2 declaring UTF-8 (a guess); the bytes by Python's codecs."""
    folder.mkdir(parents=True)
    (folder / "utf8.txt").write_bytes(SPANISH.encode("utf-8"))
    (folder / "spanish.txt").write_bytes(SPANISH.encode("cp1252"))
    (folder / "czech.txt").write_bytes(LATIN2.encode("iso-8859-2"))
    figure = '<figure><img src="x.jpg"><figcaption>Photo: Łukasz Żak/PAP</figcaption></figure>'
    (folder / "declared.html").write_bytes(
        f'<html><head><meta charset="iso-8859-2"></head><body>{figure}</body></html>'.encode("iso-8859-2"))
    (folder / "lying.html").write_bytes(
        f'<html><head><meta charset="utf-8"></head><body>{figure}</body></html>'.encode("iso-8859-2"))
    return folder


GUESSED = {"spanish.txt": ("windows-1252", None), "czech.txt": ("windows-1252", None),
           "lying.html": ("windows-1252", "UTF-8 (<meta> charset)")}


def _audit(url: str, folder: Path, catalog: Catalog) -> sessionmaker[Session]:
    sessions = open_test_store(url)
    run_audit(str(folder), sessions, catalog, UsageProfile(), jobs=1)
    return sessions


def _rows(sessions: sessionmaker[Session]) -> list[ReportRow]:
    with sessions() as session:
        return report_rows(session, Labels(default_catalog()))


def _stored(sessions: sessionmaker[Session]) -> dict[str, tuple[str | None, str | None]]:
    with sessions() as session:
        return {path: (guessed, declared) for path, guessed, declared in session.execute(
            select(t.File.path, t.Article.guessed_encoding, t.Article.declared_encoding)
            .join(t.Article, t.Article.file_id == t.File.id))}


def _flagged(rows: list[ReportRow]) -> set[str]:
    return {r.article for r in rows if CODE in r.findings.split()}


def test_the_audit_stores_each_guess_and_flags_its_rows(db_url: str, catalog: Catalog, tmp_path: Path) -> None:
    sessions = _audit(db_url, write_archive(tmp_path / "archive"), catalog)
    assert _stored(sessions) == {**GUESSED, "utf8.txt": (None, None), "declared.html": (None, None)}
    rows = _rows(sessions)
    assert _flagged(rows) == set(GUESSED)
    czech = next(r for r in rows if r.article == "czech.txt")
    assert czech.creator == "Jiøí Dvoøák"  # the mojibake the finding warns of
    assert czech.status == "warning"  # the finding counts for the row's status (no other finding is worse)
    assert "The article czech.txt is not UTF-8 and declares no encoding, so its text was read as windows-1252, " \
           "a guess" in czech.messages
    assert "re-save the article as UTF-8" in czech.messages
    lying = next(r for r in rows if r.article == "lying.html")
    assert "The article lying.html declares UTF-8 (<meta> charset) but is not UTF-8" in lying.messages
    assert next(r for r in rows if r.article == "declared.html").creator == "Łukasz Żak"  # read as declared
    with sessions() as session:
        counts = summary(session)
    assert counts["guessed encodings"] == 3
    assert counts["by finding"][CODE] == 3  # type: ignore[index]


def test_every_report_format_carries_the_finding(catalog: Catalog, tmp_path: Path) -> None:
    rows = _rows(_audit(f"sqlite:///{tmp_path / 'r.db'}", write_archive(tmp_path / "archive"), catalog))
    as_json = json.loads(render(rows, "json"))["rows"]
    assert {r["article"] for r in as_json if CODE in r["findings"]} == set(GUESSED)
    as_csv = [line for line in render(rows, "csv").splitlines() if CODE in line]
    assert sorted(line.split(",")[0] for line in as_csv) == sorted(GUESSED)
    assert render(rows, "html").count(CODE) == len(GUESSED)  # in the finding codes of each guessed row
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(rows))).active
    cells = [[str(c or "") for c in row] for row in sheet.iter_rows(values_only=True)]
    assert {row[0] for row in cells if CODE in row[7]} == set(GUESSED)


def test_an_unchanged_article_keeps_its_finding_and_one_saved_as_utf8_loses_it(db_url: str, catalog: Catalog,
                                                                                tmp_path: Path) -> None:
    folder = write_archive(tmp_path / "archive")
    sessions = _audit(db_url, folder, catalog)
    first = _rows(sessions)
    again = _audit(db_url, folder, catalog)  # nothing changed: nothing read again
    assert _rows(again) == first
    assert _stored(again) == {**GUESSED, "utf8.txt": (None, None), "declared.html": (None, None)}
    czech = folder / "czech.txt"
    before = czech.stat().st_mtime_ns
    czech.write_bytes(LATIN2.encode("utf-8"))  # re-saved as UTF-8
    os.utime(czech, ns=(before + 10**9, before + 10**9))
    after = _audit(db_url, folder, catalog)
    assert _flagged(_rows(after)) == set(GUESSED) - {"czech.txt"}
    assert _stored(after)["czech.txt"] == (None, None)
    assert next(r for r in _rows(after) if r.article == "czech.txt").creator == "Jiří Dvořák"
    with after() as session:
        assert summary(session)["guessed encodings"] == 2


def test_checking_a_usage_again_keeps_the_finding(db_url: str, catalog: Catalog, tmp_path: Path) -> None:
    """A decision checks a usage again from what is stored (recheck_usage): the guess is stored with the
    article, so the finding and the row's status stay."""
    sessions = _audit(db_url, write_archive(tmp_path / "archive"), catalog)
    before = _rows(sessions)
    with sessions() as session:
        for usage_id in session.scalars(select(t.Usage.id)).all():
            recheck_usage(session, usage_id, catalog, UsageProfile())
        session.commit()
    after = _rows(sessions)
    assert _flagged(after) == set(GUESSED)
    assert after == before


def test_the_filter_by_code_lists_the_guessed_rows(catalog: Catalog, tmp_path: Path) -> None:
    from provenance.audit.read_model import Filters, all_rows

    sessions = _audit(f"sqlite:///{tmp_path / 'f.db'}", write_archive(tmp_path / "archive"), catalog)
    with sessions() as session:
        found = all_rows(session, Filters(code=CODE), Labels(catalog))
    assert sorted(r.article for r in found) == sorted(GUESSED)


def test_the_cli_summary_and_report_name_them(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from provenance.cli.main import cli

    folder = write_archive(tmp_path / "archive")
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["audit", str(folder), "--db", f"sqlite:///{tmp_path / 'cli.db'}", "--jobs", "1",
                                      "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "  guessed encodings 3\n" in result.stdout
    assert f"    {CODE:<32} 3\n" in result.stdout
    rows = json.loads(report.read_text(encoding="utf-8"))["rows"]
    assert sorted(r["article"] for r in rows if CODE in r["findings"]) == sorted(GUESSED)
