"""Every error is one line, `Error: <file>: <problem>`, with exit status 2, never a traceback:
broken profiles and catalogs, a read-only database, a full disk, a bad profile on `serve`."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli.main import cli
from tests import samples


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "archive" / "story.txt"
    path.parent.mkdir()
    path.write_text("Day one. Photo: Jane Doe/AP\n", encoding="utf-8")
    return path


# (what to write as the profile, the problem the error line names)
PROFILES = [
    pytest.param(b'name = "caf\xe9"\n', "is not UTF-8 text (byte 11)", id="Latin-1 bytes, not UTF-8"),
    pytest.param(b"editoral = false\n", "editoral: is not a profile key", id="a typo in a key is refused"),
    pytest.param(b"[house_rules]\ncredit_requred = false\n", "house_rules.credit_requred: is not a profile key",
                 id="a typo in a house rule is refused"),
    pytest.param(b"name = \n", "not valid TOML", id="broken TOML"),
]


@pytest.mark.parametrize(("content", "problem"), PROFILES)
def test_bad_profile_is_one_line(tmp_path: Path, article: Path, content: bytes, problem: str) -> None:
    profile = tmp_path / "house.toml"
    profile.write_bytes(content)
    code, _, err = run("check", "--profile", str(profile), str(article))
    assert code == 2
    assert one_error_line(err).startswith(f"Error: {profile}: {problem}")


def test_profile_naming_a_folder(tmp_path: Path, article: Path) -> None:
    code, _, err = run("check", "--profile", str(tmp_path), str(article))
    assert code == 2
    assert one_error_line(err) == f"Error: {tmp_path}: is a folder, not a profile file"


def test_bad_profile_on_serve_stops_before_serving(tmp_path: Path) -> None:
    profile = tmp_path / "house.toml"
    profile.write_bytes(b"\xff\xfe")
    code, _, err = run("serve", "--db", f"sqlite:///{tmp_path / 'w.db'}", "--profile", str(profile), "--port", "9")
    assert code == 2
    assert one_error_line(err) == f"Error: {profile}: is not UTF-8 text (byte 0)"


# (a catalog file, the problem the error line names)
CATALOGS = [
    pytest.param(b'[[source]]\nid = "x"\nname = "Caf\xe9"\n', "is not UTF-8 text", id="Latin-1 bytes"),
    pytest.param(b'[[change]]\nid = "tinted"\nlabel = "tinted"\nadaptation = true\nplsu = "AL-CLR"\n',
                 "entry 'tinted': unknown key 'plsu' in [[change]]", id="a typo in an entry's key"),
    pytest.param(b'[[license]]\nid = "X-1"\nname = "X"\nshort_name = "X"\nurl = ""\nfamily = "x"\n'
                 b"[license.terms]\nopen = true\nattribution = true\nlicense_link = false\nshare_alike = false\n"
                 b"noncommercial = false\nno_derivatives = false\nindicate_changes = false\neditorial_only = false\n"
                 b"atribution_requires = []\n",
                 "entry 'X-1': unknown key 'atribution_requires' in [[license.terms]]", id="a typo in a terms key"),
]


@pytest.mark.parametrize(("content", "problem"), CATALOGS)
def test_bad_catalog_file_is_one_line(tmp_path: Path, article: Path, content: bytes, problem: str) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "extra.toml").write_bytes(content)
    code, _, err = run("--catalog", str(folder), "check", str(article))
    assert code == 2
    assert one_error_line(err).startswith(f"Error: {folder / 'extra.toml'}: {problem}")


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Day one. Photo: Jane\x1b]8;;https://evil.example\x07 Doe\x1b[2J/AP \u202eSIHT\n",
                     encoding="utf-8")
    code, out, err = run("check", str(story))
    assert code in (0, 1)
    assert "\x1b" not in out + err
    assert "\u202e" not in out + err
    assert "hidden-characters" in out


@pytest.fixture
def mount(tmp_path: Path) -> Iterator[object]:
    """Mount a filesystem for a test (root only; skipped elsewhere), unmounted afterwards."""
    mounted: list[Path] = []

    def do(target: Path, *args: str) -> None:
        if not target.exists():
            target.mkdir()
        result = subprocess.run(["mount", *args, str(target)], capture_output=True, check=False)
        if result.returncode != 0:
            pytest.skip(f"cannot mount here ({result.stderr.decode().strip()}): needs root")
        mounted.append(target)

    yield do
    for target in reversed(mounted):
        subprocess.run(["umount", "-l", str(target)], check=False)


def test_read_only_database(tmp_path: Path, article: Path, mount) -> None:  # type: ignore[no-untyped-def]
    """A read-only database file in a writable folder (chmod does not stop root: a read-only bind
    mount of the file does)."""
    db = tmp_path / "p.db"
    assert run("audit", str(article.parent), "--db", f"sqlite:///{db}")[0] in (0, 1)
    mount(db, "--bind", "-o", "ro", str(db))
    subprocess.run(["mount", "-o", "remount,ro,bind", str(db)], check=True)
    article.write_text("Day two. Photo: John Roe/AFP\n", encoding="utf-8")
    code, _, err = run("audit", str(article.parent), "--db", f"sqlite:///{db}")
    assert code == 2
    assert one_error_line(err).startswith(f"Error: sqlite:///{db}: ")
    assert "readonly database" in err or "read-only" in err


def test_full_disk(tmp_path: Path, mount) -> None:  # type: ignore[no-untyped-def]
    """A real full disk: the database on a 256 KiB tmpfs, an archive whose rows do not fit."""
    disk = tmp_path / "disk"
    mount(disk, "-t", "tmpfs", "-o", "size=256k", "tmpfs")
    archive = tmp_path / "archive"
    archive.mkdir()
    for n in range(60):
        caption = f"Story {n}. " + " ".join(f"Photo: Person {n}-{k}/AP." for k in range(40))
        (archive / f"story-{n:03d}.txt").write_text(caption, encoding="utf-8")
    code, _, err = run("audit", str(archive), "--db", f"sqlite:///{disk / 'p.db'}")
    assert code == 2
    assert one_error_line(err).startswith(f"Error: sqlite:///{disk / 'p.db'}: ")
    assert "full" in err


def test_report_on_a_full_disk_leaves_no_partial_file(tmp_path: Path, mount) -> None:  # type: ignore[no-untyped-def]
    disk = tmp_path / "disk"
    mount(disk, "-t", "tmpfs", "-o", "size=16k", "tmpfs")
    (disk / "filler").write_bytes(b"x" * 12 * 1024)  # one page of 4 KiB left
    archive = tmp_path / "archive"
    archive.mkdir()
    for n in range(30):
        (archive / f"photo-{n}.jpg").write_bytes(samples.jpeg(samples.picture(64, 48, seed=n)))
    code, _, err = run("audit", str(archive), "--db", f"sqlite:///{tmp_path / 'p.db'}", "--report",
                       str(disk / "report.html"))
    assert code == 2
    assert one_error_line(err) == f"Error: {disk / 'report.html'}: cannot write the report (No space left on device)"
    assert [p.name for p in disk.iterdir()] == ["filler"]  # neither a half-written report nor its temporary file


def test_a_zip_named_to_check_says_to_audit_it(tmp_path: Path, article: Path) -> None:
    """`check` reads articles and images; a zip named on its command line is not "a zip inside a zip or a
    folder" (the words for a member of an upload or an audit): the line says what to run instead."""
    import zipfile

    bundle = tmp_path / "wire.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("story.txt", "Photo: Jane Doe/AP\n")
    code, out, err = run("check", str(bundle), str(article))
    assert code == 2
    line = one_error_line(err)
    assert line == f"Error: {bundle}: is a zip archive: check reads articles and images; audit the zip instead " \
                   f"(provenance audit {bundle})"
    assert "inside a zip" not in line
    assert "story.txt: 1 item(s)" in out  # the other file is still checked


@pytest.mark.parametrize(("report", "problem"), [
    ("audit.pdf", "the report's extension must be one of .csv, .htm, .html, .json, .xlsx"),
    ("no-such-folder/audit.csv", "cannot write the report (no such folder)"),
])
def test_a_report_that_cannot_be_written_stops_the_audit_before_it_starts(tmp_path: Path, article: Path,
                                                                          report: str, problem: str) -> None:
    """An hours-long audit is not run only to fail on a report path it could have refused at once."""
    db = tmp_path / "audit.db"
    code, out, err = run("audit", str(article.parent), "--db", f"sqlite:///{db}", "--report", str(tmp_path / report))
    assert code == 2
    assert one_error_line(err) == f"Error: {tmp_path / report}: {problem}"
    assert out == ""  # no summary: nothing was audited
    assert not db.exists()
