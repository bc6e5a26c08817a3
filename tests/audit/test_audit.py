"""provenance audit end to end, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from provenance.audit.decisions import recheck_usage
from provenance.audit.labels import Labels
from provenance.audit.read_model import report_rows
from provenance.audit.run import run_audit
from provenance.catalog.load import Catalog, default_catalog, load_catalog
from provenance.catalog.profile import UsageProfile
from provenance.render.audit_report import ReportRow, render
from provenance.store import tables as t
from tests import samples
from tests.archives import make_archive
from tests.conftest import ROOT
from tests.conftest_db import OPENED, open_test_store


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive") / "newsroom"
    make_archive(folder)
    return folder


def _audit(url: str, path: Path, catalog: Catalog, **options: object):  # type: ignore[no-untyped-def]
    sessions = open_test_store(url)
    stats = run_audit(str(path), sessions, catalog, UsageProfile(), **options)  # type: ignore[arg-type]
    return stats, sessions


def _rows(sessions: sessionmaker[Session]) -> list[ReportRow]:
    with sessions() as session:
        return report_rows(session, Labels(default_catalog()))


def _by_article(rows: list[ReportRow], article: str) -> list[ReportRow]:
    return [r for r in rows if r.article == article]


def _recheck_every_usage(sessions: sessionmaker[Session], catalog: Catalog) -> None:
    """Every usage checked again as a decision re-checks it (recheck_usage), in one transaction."""
    with sessions() as session:
        for usage_id in session.scalars(select(t.Usage.id)).all():
            recheck_usage(session, usage_id, catalog, UsageProfile())
        session.commit()


def _counts(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions() as session:
        return {table.__tablename__: session.scalar(select(func.count()).select_from(table)) or 0
                for table in (t.File, t.Image, t.ImageEvidence, t.Article, t.Usage, t.UsageEvidence, t.Record,
                              t.Finding)}


def test_audit_end_to_end(db_url: str, archive: Path, catalog: Catalog) -> None:
    stats, sessions = _audit(db_url, archive, catalog, jobs=2)
    assert stats.seen == 24 + 4 + 24 + 4  # images (incl. broken and the JPEG named .txt) + articles
    assert stats.extracted == 28
    assert stats.failed == 1
    rows = _rows(sessions)
    [row] = _by_article(rows, "articles/2024/story-001.html")
    assert (row.image, row.creator, row.organization, row.license) == (
        "images/photo-001.jpg", "Author 1", "AP", "CC-BY-2.0")  # matched by root path; AP from IPTC Credit
    assert "conflicting-evidence" in row.findings.split()  # caption "Author 1", IPTC By-line "Photographer 1"
    [row] = _by_article(rows, "articles/2024/story-002.md")
    assert (row.image, row.creator, row.license) == ("images/photo-002.jpg", "Artist 2", "CC-BY-SA-4.0")
    assert "missing-credit" not in row.findings  # the embedded XMP credits it
    [row] = _by_article(rows, "articles/2024/story-003.txt")
    assert (row.image, row.creator, row.organization) == ("", "Reporter 3", "Reuters")  # plain text: no image
    [row] = _by_article(rows, "articles/2024/story-000.txt")
    assert row.findings == "missing-credit missing-license"  # every fifth story carries no credit, no license
    [row] = _by_article(rows, "articles/missing.html")
    assert row.image == ""
    assert row.src == "../images/not-there.jpg"
    assert "image-not-found" in row.findings.split()
    [broken] = [r for r in rows if r.image == "images/broken.jpg"]
    assert broken.findings == "file-error"
    assert broken.status == "error"
    assert "images/broken.jpg: is damaged or truncated" in broken.messages
    with sessions() as session:
        kinds = dict(session.execute(select(t.File.path, t.File.kind)).all())
    assert kinds["images/screenshot.txt"] == "image"  # by content, not by name


def test_duplicates_share_credit_and_catch_stripped_metadata(db_url: str, archive: Path, catalog: Catalog) -> None:
    _, sessions = _audit(db_url, archive, catalog, jobs=1)
    [web] = _by_article(_rows(sessions), "articles/harbour-b.md")
    codes = web.findings.split()
    assert "credit-suggestion" in codes
    assert "metadata-stripped" in codes
    assert "Jane Doe" in web.messages
    assert "articles/harbour-a.html" in web.messages
    assert web.creator == ""  # suggested, never applied
    with sessions() as session:
        groups = dict(session.execute(select(t.File.path, t.Image.group_id).join(
            t.Image, t.Image.id == t.File.image_id)).all())
    assert groups["images/harbour-web.jpg"] == groups["images/harbour-original.jpg"]
    assert groups["images/photo-001.jpg"] != groups["images/photo-002.jpg"]


def test_copies_no_article_shows_are_named_and_checked(tmp_path: Path, catalog: Catalog) -> None:
    """An archive's stripped copy that no article shows gets metadata-stripped naming its original, and an
    original no article shows is named by its file, not 'image N'."""
    folder = tmp_path / "desk"
    (folder / "archive").mkdir(parents=True)
    (folder / "web").mkdir()
    quay, market = samples.picture(640, 427, seed=301), samples.picture(640, 427, seed=302)
    (folder / "archive" / "quay-original.jpg").write_bytes(
        samples.jpeg(quay, xmp=samples.Xmp(creators=["Lars Øberg"], usage_terms={"x-default": "CC BY-SA 4.0"})))
    (folder / "web" / "quay-1024.jpg").write_bytes(samples.jpeg(quay, quality=80))
    (folder / "web" / "market.jpg").write_bytes(samples.jpeg(market, iptc=samples.iptc_app13(
        {(2, 80): "Zofia Kowalczyk", (2, 110): "Harwick Courier", (2, 116): "© 2026 Zofia Kowalczyk"})))
    (folder / "archive" / "IMG_0001.jpg").write_bytes(samples.jpeg(market, quality=80))
    (folder / "story.md").write_text(
        "# Quay\n\n![Quay](web/quay-1024.jpg)\nPhoto: Lars Øberg (CC BY-SA 4.0)\n\n"
        "![Market](web/market.jpg)\nPhoto: Zofia Kowalczyk/Harwick Courier\n", encoding="utf-8")
    _, sessions = _audit(f"sqlite:///{tmp_path / 'desk.db'}", folder, catalog, jobs=1)
    rows = _rows(sessions)
    [quay_use] = [r for r in rows if r.image == "web/quay-1024.jpg"]
    assert "metadata-stripped" in quay_use.findings.split()
    assert "the same photo in archive/quay-original.jpg carries it" in quay_use.messages
    [unused_copy] = [r for r in rows if r.image == "archive/IMG_0001.jpg"]
    assert "metadata-stripped" in unused_copy.findings.split()
    assert "story.md (web/market.jpg)" in unused_copy.messages


def test_a_name_two_files_share_is_not_called_missing(tmp_path: Path, catalog: Catalog) -> None:
    """`photo.jpg` written bare, with one `photo.jpg` in each story's folder: the reference is ambiguous, not
    missing; the archivist is told which files have the name (also after a decision's re-check)."""
    folder = tmp_path / "desk"
    for part, seed in (("harbour", 311), ("market", 312)):
        (folder / part / "images").mkdir(parents=True)
        (folder / part / "images" / "photo.jpg").write_bytes(samples.jpeg(samples.picture(480, 320, seed=seed)))
    (folder / "digest").mkdir()
    (folder / "digest" / "week.md").write_text("# Week\n\n![Boats](photo.jpg)\nPhoto: Zofia Kowalczyk/Reuters\n",
                                               encoding="utf-8")
    _, sessions = _audit(f"sqlite:///{tmp_path / 'desk.db'}", folder, catalog, jobs=1)
    rows = _rows(sessions)
    [row] = _by_article(rows, "digest/week.md")
    assert "image-not-found" in row.findings.split()
    assert "not in the archive" not in row.messages
    assert "harbour/images/photo.jpg, market/images/photo.jpg" in row.messages
    _recheck_every_usage(sessions, catalog)
    assert _rows(sessions) == rows


def test_second_run_reads_nothing_and_adds_no_rows(db_url: str, archive: Path, catalog: Catalog) -> None:
    _, sessions = _audit(db_url, archive, catalog, jobs=2)
    before, rows = _counts(sessions), _rows(sessions)
    second, _ = _audit(db_url, archive, catalog, jobs=2)
    assert (second.extracted, second.articles) == (0, 0)
    assert _counts(sessions) == before
    assert _rows(sessions) == rows


def test_changed_and_removed_files(db_url: str, archive: Path, catalog: Catalog, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(archive, copy)
    _, sessions = _audit(db_url, copy, catalog, jobs=1)
    (copy / "images" / "photo-004.jpg").write_bytes(samples.jpeg(
        samples.picture(480, 320, seed=104), iptc=samples.iptc_app13({(2, 80): "New Name", (2, 110): "AFP"})))
    (copy / "images" / "photo-005.jpg").unlink()
    stats, _ = _audit(db_url, copy, catalog, jobs=1)
    assert (stats.extracted, stats.removed) == (1, 1)
    assert stats.articles == 2  # the two stories that show those images
    rows = _rows(sessions)
    [changed] = _by_article(rows, "articles/2024/story-004.html")
    assert changed.image == "images/photo-004.jpg"
    [gone] = _by_article(rows, "articles/2024/story-005.md")
    assert gone.image == ""
    assert "image-not-found" in gone.findings.split()


def test_an_edited_article_looks_for_no_articles_showing_it(archive: Path, catalog: Catalog, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The articles showing a changed file are looked for (a scan of every usage of the root) by the names of
    the changed files an article can show, not of the changed articles: editing one story of a large archive
    (the nightly case) must not cost a read of every usage."""
    import provenance.audit.run as run_module

    copy = tmp_path / "copy"
    shutil.copytree(archive, copy)
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    _audit(url, copy, catalog, jobs=1)
    looked_for: list[set[str]] = []
    mark = run_module._mark_affected
    monkeypatch.setattr(run_module, "_mark_affected", lambda s, b, names: (looked_for.append(names), mark(s, b, names)))
    story = copy / "articles" / "2024" / "story-005.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    (copy / "images" / "photo-004.jpg").write_bytes(b"")
    stats, _ = _audit(url, copy, catalog, jobs=1)
    assert looked_for == [{"photo-004.jpg"}]
    assert stats.articles == 2  # the story edited and the one showing the emptied image


SHOWN = "# Harbour\n\n" + "".join(f"![{n}]({n}.jpg)\n*Photo: Ida Vell/AP*\n\n"
                                  for n in ("whole", "cut", "empty", "text", "gone"))


def _shown(rows: list[ReportRow]) -> dict[str, tuple[str, list[str], str]]:
    """Each usage of story.md by its image reference: the image file it shows, its findings, its messages."""
    return {r.src: (r.image, r.findings.split(), r.messages) for r in _by_article(rows, "story.md")}


def test_an_image_file_that_cannot_be_read_is_shown_not_missing(db_url: str, catalog: Catalog,
                                                                tmp_path: Path) -> None:
    """A reference to a file of the archive that is empty, damaged or not an image is image-unreadable, naming
    the file's problem (image-not-found is for a file that is not there); when an image file is emptied, the
    article showing it no longer reads the old picture's rights, and when a damaged one is mended it does."""
    folder = tmp_path / "desk"
    folder.mkdir()
    whole = samples.jpeg(samples.picture(64, 48, seed=7), iptc=samples.iptc_app13({(2, 80): "Ida Vell"}))
    (folder / "whole.jpg").write_bytes(whole)
    (folder / "cut.jpg").write_bytes(whole[:180])  # the header and no picture
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "text.jpg").write_text("not a picture", encoding="utf-8")
    (folder / "story.md").write_text(SHOWN, encoding="utf-8")
    _, sessions = _audit(db_url, folder, catalog, jobs=1)
    shown = _shown(_rows(sessions))
    assert shown["whole.jpg"][:2] == ("whole.jpg", ["agency-license-required"])
    for name, problem in (("cut.jpg", "is damaged or truncated"), ("empty.jpg", "is empty (0 bytes)"),
                          ("text.jpg", "is named like an image (.jpg) but is not one")):
        image, codes, messages = shown[name]  # row: a file there that cannot be read
        assert (image, "image-unreadable" in codes, "image-not-found" in codes) == ("", True, False), name
        assert f"The article shows '{name}', whose file in the archive cannot be read ({name}: {problem}" in messages
    assert "image-not-found" in shown["gone.jpg"][1]
    assert "image-unreadable" not in shown["gone.jpg"][1]
    rows = _rows(sessions)
    _recheck_every_usage(sessions, catalog)  # a decision's re-check of a usage says the same
    assert _rows(sessions) == rows
    (folder / "whole.jpg").write_bytes(b"")  # emptied: the old picture's rights must not stay
    (folder / "cut.jpg").write_bytes(whole)  # mended
    stats, _ = _audit(db_url, folder, catalog, jobs=1)
    assert stats.articles == 1
    shown = _shown(_rows(sessions))
    assert shown["whole.jpg"][:2] == ("", ["agency-license-required", "image-unreadable"])
    assert "(whole.jpg: is empty (0 bytes))" in shown["whole.jpg"][2]
    assert shown["cut.jpg"][:2] == ("cut.jpg", ["agency-license-required"])
    with sessions() as session:
        assert session.scalar(select(t.File.image_id).where(t.File.path == "whole.jpg")) is None


def test_an_unreadable_copy_does_not_hide_the_photo_of_its_name(db_url: str, catalog: Catalog,
                                                                 tmp_path: Path) -> None:
    """A reference by file name alone names the one readable image of that name: an empty or damaged file of
    the same name elsewhere (a copy cut short) does not make it ambiguous; with no readable image of that
    name, the unreadable file is the one shown; a path written in full names its file whatever it holds."""
    folder = tmp_path / "desk"
    (folder / "photos").mkdir(parents=True)
    (folder / "backup").mkdir()
    whole = samples.jpeg(samples.picture(64, 48, seed=7), iptc=samples.iptc_app13({(2, 80): "Ida Vell"}))
    (folder / "photos" / "harbour.jpg").write_bytes(whole)
    (folder / "backup" / "harbour.jpg").write_bytes(b"")  # a copy cut short
    (folder / "backup" / "quay.jpg").write_bytes(whole[:180])  # the only file of its name, damaged
    (folder / "story.md").write_text("# Harbour\n\n" + "".join(f"![{n}]({n})\n*Photo: Ida Vell/AP*\n\n" for n in (
        "harbour.jpg", "quay.jpg", "backup/harbour.jpg")), encoding="utf-8")
    _, sessions = _audit(db_url, folder, catalog, jobs=1)
    shown = _shown(_rows(sessions))
    assert shown["harbour.jpg"][:2] == ("photos/harbour.jpg", ["agency-license-required"])
    assert shown["quay.jpg"][:2] == ("", ["agency-license-required", "image-unreadable"])
    assert shown["backup/harbour.jpg"][:2] == ("", ["agency-license-required", "image-unreadable"])


def test_a_new_profile_or_catalog_checks_the_archive_again(db_url: str, catalog: Catalog, tmp_path: Path) -> None:
    """Unchanged files are checked again (not read again) when the profile or the catalog changed since the
    root's last run: a subscription to AP turns the agency finding into information at once; the same profile
    again checks nothing."""
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "whole.jpg").write_bytes(samples.jpeg(samples.picture(64, 48, seed=9)))
    (folder / "lonely.jpg").write_bytes(samples.jpeg(samples.picture(64, 48, seed=10),
                                                     iptc=samples.iptc_app13({(2, 110): "AP"})))
    (folder / "story.md").write_text("# Harbour\n\n![boats](whole.jpg)\n*Photo: Ida Vell/AP*\n", encoding="utf-8")
    subscribed = replace(UsageProfile(), subscriptions=frozenset({"ap"}))

    def severities(sessions: sessionmaker[Session]) -> dict[bool, str]:
        """The agency finding's severity for the article's use (True) and for the image no article shows."""
        with sessions() as session:
            return {usage is not None: severity for usage, severity in session.execute(
                select(t.Finding.usage_id, t.Finding.severity).where(t.Finding.code == "agency-license-required"))}

    for profile, checked, severity in (  # row: the profile of this run, articles checked, the finding's severity
            (UsageProfile(), 1, "error"),  # the first audit
            (UsageProfile(), 0, "error"),  # the same profile: nothing to check
            (subscribed, 1, "info"),  # AP subscribed: checked again, not read again
            (subscribed, 0, "info")):  # and then left alone
        stats = run_audit(str(folder), open_test_store(db_url), catalog, profile, jobs=1)
        assert (stats.articles, stats.extracted) == (checked, 2 if stats.run_id == 1 else 0)
        assert set(severities(open_test_store(db_url)).values()) == {severity}
        assert len(severities(open_test_store(db_url))) == 2  # the article's use and the image no article shows
    extra = tmp_path / "catalog"  # a catalog folder with one more source: every verdict may change
    extra.mkdir()
    (extra / "local.toml").write_text('[[source]]\nid = "harwick-gazette"\nname = "Harwick Gazette"\n'
                                      'kind = "publisher"\nterms = "agency"\n', encoding="utf-8")
    stats = run_audit(str(folder), open_test_store(db_url), load_catalog(extra), subscribed, jobs=1)
    assert (stats.articles, stats.extracted) == (1, 0)


def test_a_run_stopped_before_checking_again_leaves_it_to_the_next(db_url: str, catalog: Catalog, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A run under a new profile that stops (Ctrl-C, a locked database) before it marked the archive to be
    checked again does not pass for one that checked under that profile: the next run checks again."""
    import provenance.audit.run as run_module

    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "whole.jpg").write_bytes(samples.jpeg(samples.picture(64, 48, seed=9)))
    (folder / "story.md").write_text("# Harbour\n\n![boats](whole.jpg)\n*Photo: Ida Vell/AP*\n", encoding="utf-8")
    subscribed = replace(UsageProfile(), subscriptions=frozenset({"ap"}))
    run_audit(str(folder), open_test_store(db_url), catalog, UsageProfile(), jobs=1)

    def stopped(*_: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(run_module, "_check_again", stopped)
        with pytest.raises(KeyboardInterrupt):
            run_audit(str(folder), open_test_store(db_url), catalog, subscribed, jobs=1)
    stats = run_audit(str(folder), open_test_store(db_url), catalog, subscribed, jobs=1)
    assert stats.articles == 1
    with open_test_store(db_url)() as session:
        assert set(session.scalars(select(t.Finding.severity).where(t.Finding.code == "agency-license-required"))) \
            == {"info"}


def test_zip_equals_folder(archive: Path, catalog: Catalog, tmp_path: Path) -> None:
    packed = tmp_path / "newsroom.zip"
    with zipfile.ZipFile(packed, "w") as zf:
        for path in sorted(archive.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(archive).as_posix())
    _, folder_sessions = _audit(f"sqlite:///{tmp_path / 'a.db'}", archive, catalog, jobs=2)
    _, zip_sessions = _audit(f"sqlite:///{tmp_path / 'b.db'}", packed, catalog, jobs=2)
    assert _rows(zip_sessions) == _rows(folder_sessions)


def test_workers_and_one_process_store_the_same(archive: Path, catalog: Catalog, db_url: str, tmp_path: Path,
                                                ) -> None:
    """Images and articles checked on two workers (each reading the stored evidence through its own
    connection) leave the same rows as one process checking everything itself."""
    _, workers = _audit(db_url, archive, catalog, jobs=2)
    _, alone = _audit(f"sqlite:///{tmp_path / 'alone.db'}", archive, catalog, jobs=1)
    assert _rows(workers) == _rows(alone)
    assert _counts(workers) == _counts(alone)


def test_unsafe_zip_member_is_an_error_not_a_read(catalog: Catalog, tmp_path: Path) -> None:
    packed = tmp_path / "evil.zip"
    with zipfile.ZipFile(packed, "w") as zf:
        zf.writestr("../outside.txt", "Photo: Jane Doe/AP")
        zf.writestr("ok/story.txt", "Day one. Photo: Jane Doe/AP")
    _, sessions = _audit(f"sqlite:///{tmp_path / 'z.db'}", packed, catalog, jobs=1)
    rows = _rows(sessions)
    assert [r.article for r in rows if r.article] == ["ok/story.txt"]
    [bad] = [r for r in rows if r.findings == "file-error"]
    assert "unsafe path" in bad.messages
    assert not (tmp_path / "outside.txt").exists()


def test_articles_in_bad_encodings_are_errors_and_the_audit_goes_on(catalog: Catalog, tmp_path: Path) -> None:
    """Each bad article a file-error naming it and its problem (a .txt with NUL bytes was skipped without a
    word); a UTF-16 article by its byte order mark and a UTF-8 one with a stray Windows-1252 byte are read."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"Photo: \x00\x01 Jane Doe/AP")
    (folder / "undefined.txt").write_bytes(b"Photo: \x81 Jane Doe/AP")
    (folder / "notepad.txt").write_bytes("Photo: Ann Lee/AP".encode("utf-16"))
    (folder / "mixed.txt").write_bytes("Photo: José Ruiz/AP".encode() + b" \xa9 2020")
    _, sessions = _audit(f"sqlite:///{tmp_path / 'e.db'}", folder, catalog, jobs=1)
    rows = _rows(sessions)
    errors = {r.image: r.messages for r in rows if r.findings == "file-error"}
    assert set(errors) == {"binary.txt", "undefined.txt"}
    assert "is not a text file (it contains NUL bytes)" in errors["binary.txt"]
    assert "neither UTF-8 nor Windows-1252 text (byte 0x81 at offset 7)" in errors["undefined.txt"]
    assert {r.article: r.creator for r in rows if r.article} == {"notepad.txt": "Ann Lee", "mixed.txt": "José Ruiz"}


def test_user_files_are_never_modified(archive: Path, catalog: Catalog, tmp_path: Path) -> None:
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in archive.rglob("*") if p.is_file()}
    _audit(f"sqlite:///{tmp_path / 'm.db'}", archive, catalog, jobs=2)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in archive.rglob("*") if p.is_file()} == before


def test_reports_row_by_row(archive: Path, catalog: Catalog, tmp_path: Path) -> None:
    _, sessions = _audit(f"sqlite:///{tmp_path / 'r.db'}", archive, catalog, jobs=1)
    rows = _rows(sessions)
    usages = [r for r in rows if r.article]
    assert len(usages) == 24 + 4
    csv_lines = render(rows, "csv").splitlines()
    assert csv_lines[0] == "article,image,src,creator,organization,license,status,findings,messages,attribution"
    assert len(csv_lines) == len(rows) + 1
    data = json.loads(render(rows, "json"))["rows"]
    assert [d["article"] for d in data] == [r.article for r in rows]
    hostile = next(r for r in rows if r.article == "articles/hostile.html")
    assert "<script>" in hostile.creator  # kept as text ...
    page = render(rows, "html")
    assert "<script" not in page  # ... never as markup
    assert "x &lt;script&gt;alert(1)&lt;" in page


def test_kill_and_resume_gives_the_same_result(catalog: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "big"
    make_archive(folder, images=90)
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    command = [sys.executable, "-m", "provenance", "audit", str(folder), "--db", f"sqlite:///{killed_db}",
               "--jobs", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    watcher = create_engine(f"sqlite:///{killed_db}")  # only watches: the audit creates the schema
    OPENED.append(watcher)
    done = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with watcher.connect() as connection:
                done = connection.execute(select(func.count()).select_from(t.File).where(
                    t.File.done.is_(True))).scalar() or 0
        except OperationalError:  # no table yet, or the audit holds the lock
            done = 0
        if done >= 20:
            break
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 20 <= done < 93 + 94, "the audit must be killed midway"
    assert subprocess.run(command, cwd=ROOT, capture_output=True, check=False).returncode == 0
    _, clean = _audit(f"sqlite:///{clean_db}", folder, catalog, jobs=1)
    resumed = open_test_store(f"sqlite:///{killed_db}")
    assert _rows(resumed) == _rows(clean)
    assert _counts(resumed) == _counts(clean)




def test_checking_an_image_again_reproduces_the_audit(archive: Path, catalog: Catalog, tmp_path: Path) -> None:
    """Stored evidence is only what was read, never what was derived from it: a re-check derives it once."""
    from provenance.audit.decisions import recheck_image

    _, sessions = _audit(f"sqlite:///{tmp_path / 'again.db'}", archive, catalog, jobs=1)
    before = _rows(sessions)
    with sessions() as session:
        for image_id in session.scalars(select(t.Image.id)).all():
            recheck_image(session, image_id, catalog, UsageProfile())
        session.commit()
        derived = session.scalar(select(func.count()).select_from(t.UsageEvidence).where(
            t.UsageEvidence.name.contains("→"))) or 0
    assert derived == 0
    assert _rows(sessions) == before


@pytest.mark.parametrize(
    ("exclude", "left"),
    [
        (("README*", "LICENSE*", "CHANGELOG*"), []),  # the default: a file name pattern, in any folder
        (("notes/*",), ["LICENSE", "README.md"]),  # a path pattern
        (("*.md", "?ICENSE"), ["notes/README.txt"]),  # several patterns, '?' for one character; a file name
        (("notes/*.md",), ["LICENSE", "README.md", "notes/README.txt"]),  # a path pattern that matches no path
        ((), ["LICENSE", "README.md", "notes/README.txt"]),  # nothing excluded
    ],
)
def test_excluded_files_are_not_audited(catalog: Catalog, tmp_path: Path, exclude: tuple[str, ...],
                                        left: list[str]) -> None:
    folder = tmp_path / "archive"
    (folder / "notes").mkdir(parents=True)
    for name in ("README.md", "LICENSE", "notes/README.txt"):
        (folder / name).write_text("Photo: Jane Doe/AP", encoding="utf-8")
    (folder / "story.txt").write_text("Photo: Jane Doe/AP", encoding="utf-8")
    _, sessions = _audit(f"sqlite:///{tmp_path / 'x.db'}", folder, catalog, jobs=1, exclude=exclude)
    with sessions() as session:
        paths = sorted(session.scalars(select(t.File.path)))
    assert paths == sorted([*left, "story.txt"])


def test_a_shared_name_with_like_wildcards_is_found_again_on_re_check(db_url: str, tmp_path: Path,
                                                                      catalog: Catalog) -> None:
    """A decision's re-check looks the name up with SQL LIKE: '%' and '_' in it are the name's own characters
    (a file whose name differs there is not listed), on SQLite and PostgreSQL alike."""
    folder = tmp_path / "desk"
    for part, name, seed in (("harbour", "boats_1%.jpg", 321), ("market", "boats_1%.jpg", 322),
                             ("quay", "boatsX1%.jpg", 323), ("pier", "boats_1%x.jpg", 324)):
        (folder / part).mkdir(parents=True)
        (folder / part / name).write_bytes(samples.jpeg(samples.picture(320, 240, seed=seed)))
    (folder / "week.md").write_text("# Week\n\n![Boats](boats_1%.jpg)\nPhoto: Zofia Kowalczyk/Reuters\n",
                                    encoding="utf-8")
    _, sessions = _audit(db_url, folder, catalog, jobs=1)
    rows = _rows(sessions)
    [row] = _by_article(rows, "week.md")
    assert "2 files of the archive have its name (harbour/boats_1%.jpg, market/boats_1%.jpg)" in row.messages
    _recheck_every_usage(sessions, catalog)
    assert _rows(sessions) == rows
