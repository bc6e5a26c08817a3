from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli.main import cli
from provenance.store.repository import head_revision
from tests.conftest import ROOT
from tests.seeds import seed_with

SAMPLES = sorted((ROOT / "data" / "articles").glob("*.txt"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_seed_with_caption_text_output() -> None:
    code, out, _ = run("check", str(seed_with("Kremlin.ru")))
    assert code == 0
    assert "creator       Office of the President of the Russian Federation  [caption]" in out
    assert "organization  Kremlin.ru" in out
    assert "via           Wikimedia Commons" in out
    assert "CC-BY-4.0: CC BY 4.0 (exact match, from caption)" in out
    assert "terms         public license, attribution, license link, indicate changes" in out
    assert "findings      none" in out
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in out


def test_check_seed_with_caption_json() -> None:
    code, out, _ = run("check", "--json", str(seed_with("Kremlin.ru")))
    assert code == 0
    [file] = json.loads(out)["files"]
    [item] = file["items"]
    assert item["credit"]["creator"] == "Office of the President of the Russian Federation"
    assert item["credit"]["organization"] == "Kremlin.ru"
    assert item["credit"]["via"] == "Wikimedia Commons"
    assert item["credit"]["license"] == "CC BY 4.0"
    assert item["credit"]["license_url"] == "https://creativecommons.org/licenses/by/4.0/deed.en"
    assert item["license"]["id"] == "CC-BY-4.0"
    assert item["license"]["terms"]["attribution"] is True
    assert item["findings"] == []
    assert set(item["attribution"]) == {"text", "html", "markdown"}
    assert "Kremlin.ru" in item["attribution"]["markdown"]


def test_check_byline_only_seed_flags_missing_credit() -> None:
    path = seed_with("written by the team")
    code, out, _ = run("check", "--json", str(path))
    assert code == 1
    [item] = json.loads(out)["files"][0]["items"]
    assert item["credit"] is None
    assert item["attribution"] is None
    assert [(f["code"], f["severity"]) for f in item["findings"]] == [("missing-credit", "error"),
                                                                      ("missing-license", "warning")]
    code, out, _ = run("check", str(path))
    assert code == 1
    assert "no image credit" in out
    assert "ERROR    missing-credit" in out


@pytest.mark.parametrize(
    ("sample", "codes", "status"),
    [
        ("01-cc-by-kremlin.txt", [[]], 0),  # full CC credit: nothing to say
        ("02-agency-ap.txt", [["agency-license-required"]] * 2, 1),  # agency photos, no subscription
        ("03-byline-only.txt", [["missing-credit", "missing-license"]], 1),  # byline only: no credit, no license
        ("04-unknown-license.txt", [["unknown-license", "missing-license"]], 0),  # warnings only
        ("05-license-mismatch.txt", [["license-mismatch", "missing-license", "needs-verification"]],
         1),  # name vs URL, Flickr: no license resolved
        ("06-public-domain-nasa.txt", [["public-domain"]], 0),  # public domain by source, info
        ("07-several-credits.txt", [["agency-license-required"]] * 2
         + [["editorial-only", "agency-license-required", "needs-verification"]], 1),  # KCNA handout via Reuters
        ("08-ambiguous-cc.txt", [["ambiguous-license", "missing-license"]], 0),  # bare Creative Commons
    ],
)
def test_sample_articles(sample: str, codes: list[list[str]], status: int) -> None:
    code, out, _ = run("check", "--json", str(ROOT / "data" / "articles" / sample))
    items = json.loads(out)["files"][0]["items"]
    assert [[f["code"] for f in i["findings"]] for i in items] == codes
    assert code == status


def test_every_sample_article_is_in_the_table() -> None:
    assert len(SAMPLES) == 8


def test_modified_and_print_options() -> None:
    code, out, _ = run("check", "--json", "--modified", "cropped", "--medium", "print",
                       str(seed_with("Kremlin.ru")))
    attribution = json.loads(out)["files"][0]["items"][0]["attribution"]
    assert "Modified from the original: cropped." in attribution["text"]
    assert "<a " not in attribution["html"]


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("ftp://files.example.org/a.jpg", "only http:// and https:// addresses are fetched"),  # another scheme
        ("file:///etc/hostname", "only http:// and https:// addresses are fetched"),  # a file URL, never read
    ],
)
def test_a_url_of_another_scheme_is_named_as_such(argument: str, message: str) -> None:
    code, out, err = run("check", argument, str(seed_with("Kremlin.ru")))
    assert code == 2
    assert err.strip() == f"Error: {argument}: {message} (for a file on this machine, give its path)"
    assert "Kremlin.ru" in out  # the other argument was still checked


def test_an_empty_file_is_said_to_be_empty(tmp_path: Path) -> None:
    for name in ("empty.jpg", "empty.txt"):
        (tmp_path / name).write_bytes(b"")
    code, _, err = run("check", str(tmp_path / "empty.jpg"), str(tmp_path / "empty.txt"))
    assert code == 2
    assert err.splitlines() == [f"Error: {tmp_path / 'empty.jpg'}: is empty (0 bytes)",
                                f"Error: {tmp_path / 'empty.txt'}: is empty (0 bytes)"]


def test_an_empty_image_an_article_shows_is_said_to_be_empty(tmp_path: Path) -> None:
    """Its problem said 'is not an image this tool can read (unknown or damaged format)'."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "x.jpg").write_bytes(b"")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text("Town.\n\n![The square.](../images/x.jpg)\n", encoding="utf-8")
    code, out, _ = run("check", str(tmp_path / "articles" / "a.md"))
    assert code == 1
    assert "problem: images/x.jpg: is empty (0 bytes)" in out


@pytest.mark.parametrize("argument", [" ftp://files.example.org/a.jpg", "FTP://files.example.org/a.jpg"])
def test_a_url_of_another_scheme_is_named_as_such_as_a_url_is_told(argument: str) -> None:
    """A URL is told with its spaces stripped and in any case (url_check.is_url): ' ftp://…' said 'no such file'."""
    code, _, err = run("check", argument)
    assert code == 2
    assert "only http:// and https:// addresses are fetched" in err


def test_unreadable_file_exits_2_with_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    code, out, err = run("check", str(missing), str(seed_with("Kremlin.ru")))
    assert code == 2
    assert err.strip() == f"Error: {missing}: no such file"
    assert "Traceback" not in err
    assert "Kremlin.ru" in out  # the other file was still checked


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x00\x01\x02binary\x00junk", "is not a text file (it contains NUL bytes)"),  # not text, not image
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "is damaged or truncated"),  # JPEG cut after its header
    ],
)
def test_unreadable_content_exits_2_and_json_records_the_error(tmp_path: Path, data: bytes, problem: str) -> None:
    bad = tmp_path / "article.txt"
    bad.write_bytes(data)
    code, out, err = run("check", "--json", str(bad), str(seed_with("Kremlin.ru")))
    assert code == 2
    assert err.startswith(f"Error: {bad}: {problem}")
    files = json.loads(out)["files"]
    assert problem in files[0]["error"]
    assert files[1]["items"][0]["record"]["organization"] == "Kremlin.ru"  # the batch went on


def test_broken_extra_catalog_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("[[license]\n", encoding="utf-8")
    code, _, err = run("--catalog", str(tmp_path), "check", str(seed_with("Kremlin.ru")))
    assert code == 2
    assert err.startswith("Error: ")
    assert "bad.toml" in err
    assert len(err.strip().splitlines()) == 1


def test_catalog_validate_and_list() -> None:
    code, out, _ = run("catalog", "validate")
    assert code == 0
    assert out.startswith("ok: ")
    assert "licenses" in out
    code, out, _ = run("catalog", "list", "--json")
    ids = [row["id"] for row in json.loads(out)]
    assert "CC-BY-NC-SA-2.5" in ids
    code, out, _ = run("catalog", "list", "--sources")
    assert "kremlin" in out
    assert "site-license" in out


def test_console_script_runs_end_to_end() -> None:
    script = Path(sys.executable).parent / "provenance"
    assert script.exists(), "install the package first (make test does)"
    done = subprocess.run([str(script), "check", str(seed_with("written by the team"))],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "missing-credit" in done.stdout
    done = subprocess.run([sys.executable, "-m", "provenance", "check", "/nonexistent/a.txt"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == "Error: /nonexistent/a.txt: no such file"


def test_profile_option_and_subscriptions(tmp_path: Path) -> None:
    article = ROOT / "data" / "articles" / "02-agency-ap.txt"
    code, out, _ = run("check", "--json", str(article))
    assert code == 1
    profile = tmp_path / "wire.toml"
    profile.write_text('name = "Subscriber"\nsubscriptions = ["ap", "reuters"]\n', encoding="utf-8")
    code, out, _ = run("check", "--json", "--profile", str(profile), str(article))
    assert code == 0
    document = json.loads(out)
    assert document["profile"]["subscriptions"] == ["ap", "reuters"]
    severities = [f["severity"] for i in document["files"][0]["items"] for f in i["findings"]]
    assert severities == ["info", "info"]


def test_modified_option_changes_findings_and_attribution(tmp_path: Path) -> None:
    article = tmp_path / "nd.txt"
    article.write_text("Fans at the final. Photo: Jane Doe (CC BY-ND 2.0)\n", encoding="utf-8")
    code, out, _ = run("check", "--json", str(article))
    assert code == 0
    code, out, _ = run("check", "--json", "--modified", "cropped", str(article))
    assert code == 1
    [item] = json.loads(out)["files"][0]["items"]
    assert "no-derivatives-modified" in [f["code"] for f in item["findings"]]
    assert item["attribution"]["text"].endswith("Modified from the original: cropped.")


def test_unknown_change_and_broken_profile_are_one_line(tmp_path: Path) -> None:
    code, _, err = run("check", "--modified", "painted", str(seed_with("Kremlin.ru")))
    assert code == 2
    assert err.startswith("Error: --modified: ['painted'] are not known changes")  # the option named once
    bad = tmp_path / "bad.toml"
    bad.write_text("medium = 'radio'\n", encoding="utf-8")
    code, _, err = run("check", "--profile", str(bad), str(seed_with("Kremlin.ru")))
    assert code == 2
    assert err.strip() == f"Error: {bad}: medium: must be one of ('online', 'print'), not 'radio'"


def test_explain_says_which_rule_and_evidence() -> None:
    article = ROOT / "data" / "articles" / "05-license-mismatch.txt"
    code, out, _ = run("explain", str(article))
    assert code == 1
    assert "rule: Raised when one credit gives a license name and a license URL that resolve to different" in out
    assert ("evidence: caption: CC BY-SA 2.0 (caption credit); "
            "caption: https://creativecommons.org/licenses/by-nc/2.0/") in out
    code, same, _ = run("check", "--explain", str(article))
    assert same == out
    code, out, _ = run("check", "--json", str(article))
    finding = json.loads(out)["files"][0]["items"][0]["findings"][0]
    assert finding["why"].startswith("Raised when one credit gives a license name")


def test_audit_report_and_fail_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.archives import make_archive

    folder = tmp_path / "newsroom"
    make_archive(folder, images=6)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, out, _ = run("audit", str(folder), "--db", db, "--jobs", "1", "--report", str(tmp_path / "r.csv"))
    assert code == 0
    assert out.startswith(f"audited {folder}: ")
    assert "  usages            10" in out
    assert "    file-error" in out
    # header + 10 usages + 2 images no article uses (photo-003, the screenshot) + the broken file
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").count("\n") == 1 + 10 + 2 + 1
    code, _, _ = run("audit", str(folder), "--db", db, "--fail-on", "error")
    assert code == 1
    code, out, _ = run("report", str(tmp_path / "r.html"), "--db", db, "--fail-on", "warning")
    assert code == 1
    assert out.startswith(f"report: {tmp_path / 'r.html'} (13 rows)")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    code, _, err = run("report", str(tmp_path / "r.pdf"), "--db", db)
    assert code == 2
    assert "extension must be one of .csv, .htm, .html, .json, .xlsx" in err
    code, out, _ = run("report", str(tmp_path / "r.xlsx"), "--db", db)
    assert code == 0
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    assert sheet.max_row == 1 + 13  # the same rows as the CSV
    assert sheet.freeze_panes == "A2"
    code, _, err = run("audit", str(tmp_path / "nope"), "--db", db)
    assert code == 2
    assert err.strip() == f"Error: {tmp_path / 'nope'}: no such file or folder"
    code, out, _ = run("db", "upgrade", "--db", db)
    assert code == 0
    assert out.strip().endswith(f"schema at revision {head_revision()}")


def test_serve_demo_audits_then_serves(tmp_path: Path) -> None:
    """The README's first command: the sample archive is audited, then the dashboard answers."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "provenance", "serve", "--demo", "--port", str(port),
                               "--db", f"sqlite:///{tmp_path / 'demo.db'}"], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        page = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/archive", timeout=2) as response:
                    page = response.read().decode()
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.5)
        assert "24 rows" in page or "25 rows" in page, server.stdout.read() if server.poll() is not None else ""
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout:
            server.stdout.close()


def test_a_library_error_a_command_lets_through_is_one_line_exit_2() -> None:
    import click

    from provenance.cli.common import Commands
    from provenance.errors import InputError

    @click.group(cls=Commands)
    def group() -> None:
        pass

    @group.command()
    def boom() -> None:
        raise InputError("archive.zip", "is not a zip file")

    result = CliRunner().invoke(group, ["boom"])
    assert result.exit_code == 2
    assert result.stderr == "Error: archive.zip: is not a zip file\n"


def test_an_xlsx_report_holds_a_file_named_with_control_characters(tmp_path: Path) -> None:
    """A file named with an escape sequence (an uploaded or zipped name can be anything) made openpyxl refuse the
    whole XLSX report (IllegalCharacterError); now its name is written with the character escaped, and a name
    that starts like a formula stays text."""
    import openpyxl

    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "\x1b[31mred\x07.txt").write_text("Photo: Jane Doe/AP\n", encoding="utf-8")
    (folder / "=HYPERLINK(1).txt").write_text("Photo: Jane Doe/AP\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'a.db'}"
    assert run("audit", str(folder), "--db", db)[0] == 0
    code, out, err = run("report", str(tmp_path / "r.xlsx"), "--db", db)
    assert (code, err) == (0, "")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    names = sorted(str(row[0].value) for row in sheet.iter_rows(min_row=2))
    assert names == ["=HYPERLINK(1).txt", "\\x1b[31mred\\x07.txt"]
    assert {row[0].data_type for row in sheet.iter_rows(min_row=2)} == {"s"}


def test_report_from_a_database_with_no_audit_is_an_error(tmp_path: Path) -> None:
    """`provenance report` run in another folder (the default database is provenance.db there) or with a
    mistyped --db made a new empty database and wrote a report of 0 rows with exit status 0; now it says there
    is nothing to report from, creates no database and writes no report."""
    missing = tmp_path / "typo.db"
    code, out, err = run("report", str(tmp_path / "r.csv"), "--db", f"sqlite:///{missing}")
    assert code == 2
    assert err.strip() == f"Error: sqlite:///{missing}: no such database; audit a folder into it first " \
                          f"(provenance audit PATH --db sqlite:///{missing})"
    assert not missing.exists()
    assert not (tmp_path / "r.csv").exists()
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    assert run("db", "upgrade", "--db", empty)[0] == 0
    code, out, err = run("report", str(tmp_path / "r.csv"), "--db", empty)
    assert code == 2
    assert err.strip() == f"Error: {empty}: no audit in this database yet; run provenance audit PATH --db {empty}"
    assert not (tmp_path / "r.csv").exists()


def _closed_reader(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The command run with its standard output a pipe whose reader has gone (`… | head -1` once head exits)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run([sys.executable, "-m", "provenance", *args], stdout=write, stderr=subprocess.PIPE,
                              cwd=cwd, check=False, timeout=120)
    finally:
        os.close(write)


def test_a_reader_that_goes_away_ends_output_quietly(tmp_path: Path) -> None:
    """`provenance audit … | head -1` printed `Error: sqlite:///…: Broken pipe` and wrote no report, and a
    check a traceback: the output ends quietly, as a Unix tool's does, and the work is done."""
    report = tmp_path / "report.csv"
    audit = _closed_reader(["audit", str(ROOT / "data"), "--db", f"sqlite:///{tmp_path / 'a.db'}", "--jobs", "1",
                            "--report", str(report)], tmp_path)
    assert audit.stderr.decode() == ""
    assert report.stat().st_size > 0
    check = _closed_reader(["check", "--json", *map(str, SAMPLES)], tmp_path)
    assert check.stderr.decode() == ""
    assert check.returncode in (0, 1)


def test_a_text_in_a_guessed_encoding_says_so(tmp_path: Path) -> None:
    """A plain text with no declaration whose bytes are not UTF-8 is read as Windows-1252, a guess that turns
    an ISO-8859-2 `Ł` into `£`: the check says the encoding was guessed."""
    story = tmp_path / "story.txt"
    story.write_bytes("Fot. Łukasz Żółwiński/PAP".encode("iso8859-2"))
    code, out, _ = run("check", str(story))
    assert "problem: " + str(story) + ": not UTF-8 and no encoding declared; read as windows-1252, a guess" in out
    code, out, _ = run("check", str(seed_with("Kremlin.ru")))
    assert "guess" not in out


def test_an_image_named_beside_its_article_is_decoded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            phash_decodes: list[int]) -> None:
    """`provenance check story.html quay.jpg` read and decoded quay.jpg twice, for its own result and for the
    article's: once per file per run now, and a damaged one is named alike in both results."""
    from tests.samples import Xmp, jpeg, picture

    whole = jpeg(picture(320, 240, seed=41), xmp=Xmp(creators=["Ines Fairweather"]))
    (tmp_path / "story.html").write_text('<figure><img src="quay.jpg"><figcaption>The quay. Photo: Ines '
                                         'Fairweather</figcaption></figure>')
    (tmp_path / "quay.jpg").write_bytes(whole)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check", "--json", "story.html", "quay.jpg")
    assert len(phash_decodes) == 1
    story, quay = json.loads(out)["files"]
    assert story["items"][0]["record"]["creator"] == quay["items"][0]["record"]["creator"] == "Ines Fairweather"
    (tmp_path / "quay.jpg").write_bytes(whole[: len(whole) // 2])
    code, out, _ = run("check", "--json", "story.html", "quay.jpg")
    story, quay = json.loads(out)["files"]
    assert quay["error"].startswith("quay.jpg: ")
    assert quay["error"] in story["problems"]


def test_one_image_named_twice_keeps_each_name_in_its_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two spellings of one file share its read; a damaged one's error named the second spelling in the first
    result too (`a/x.png` said `./a/x.png: is damaged …`). Two files of one name in two folders stay two."""
    from tests.samples import jpeg, picture

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    whole = jpeg(picture(64, 48, seed=3))
    (tmp_path / "a" / "x.jpg").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "b" / "x.jpg").write_bytes(jpeg(picture(80, 48, seed=4)))
    monkeypatch.chdir(tmp_path)
    _, out, _ = run("check", "--json", "a/x.jpg", "./a/x.jpg", "b/x.jpg")
    first, second, other = json.loads(out)["files"]
    assert first["error"].startswith("a/x.jpg: ")
    assert second["error"].startswith("./a/x.jpg: ")
    assert other["image"]["width"] == 80
