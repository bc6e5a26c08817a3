"""One article with its images gives the same items, findings and attributions through
every surface: `provenance check`, the dashboard upload, `POST /api/check` and an audit."""

from __future__ import annotations

import html
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from provenance.audit.labels import Labels
from provenance.audit.read_model import report_rows
from provenance.audit.run import run_audit
from provenance.catalog.load import load_catalog
from provenance.catalog.profile import UsageProfile
from provenance.cli.main import cli
from provenance.store.repository import open_store
from tests.samples import Xmp, exif_bytes, jpeg, picture, png
from web import create_app

ARTICLE = """<html><head><title>Harbour storm</title></head><body>
<p>Waves broke over the harbour wall on Sunday night.</p>
<figure><img src="../images/wall.jpg" alt="Waves over the wall">
<figcaption>Waves over the harbour wall. Photo: Mira Ostrowska, CC BY 4.0</figcaption></figure>
<figure><img src="../images/pier.png" alt="The old pier">
<figcaption>The old pier at dawn. (Photo: Tomas Lind / Harbour Ledger)</figcaption></figure>
<figure><img src="../images/missing.jpg"><figcaption>A boat. Photo: Ana Ruiz/AP</figcaption></figure>
</body></html>
"""
# wall.jpg: the caption says CC BY 4.0, the image's own XMP says CC BY-SA 4.0 -> a conflict the
# flow can only see when it reads the image beside the article.
WALL = jpeg(picture(seed=11), exif=exif_bytes(artist="Mira Ostrowska"),
            xmp=Xmp(creators=["Mira Ostrowska"], cc_license="https://creativecommons.org/licenses/by-sa/4.0/"))
# pier.png: no licence anywhere; the PNG text names the creator.
PIER = png(picture(seed=12), text={"Author": "Tomas Lind"})


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("one-flow")
    (root / "articles").mkdir()
    (root / "images").mkdir()
    (root / "articles" / "story.html").write_text(ARTICLE, encoding="utf-8")
    (root / "images" / "wall.jpg").write_bytes(WALL)
    (root / "images" / "pier.png").write_bytes(PIER)
    return root


Summary = dict[str, tuple[str, str, str, tuple[str, ...], str]]


def _from_items(items: list[dict[str, object]]) -> Summary:
    """src -> (creator, organisation, licence id, finding codes, attribution text)."""
    out: Summary = {}
    for item in items:
        record = item["record"]
        assert isinstance(record, dict)
        attribution = item["attribution"]
        out[str(item["src"])] = (record["creator"] or "", record["organization"] or "", record["license"] or "",
                                 tuple(sorted(f["code"] for f in item["findings"])),  # type: ignore[attr-defined]
                                 attribution["text"] if isinstance(attribution, dict) else "")
    return out


def _cli(archive: Path, *options: str) -> Summary:
    result = CliRunner().invoke(cli, ["check", "--json", *options, str(archive / "articles" / "story.html")])
    [file] = json.loads(result.stdout)["files"]
    return _from_items(file["items"])


def _client(tmp_path: Path) -> FlaskClient:
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}", "TESTING": True,
                      "WTF_CSRF_ENABLED": False})
    return app.test_client()


def _uploads() -> list[tuple[io.BytesIO, str]]:
    return [(io.BytesIO(ARTICLE.encode()), "story.html"), (io.BytesIO(WALL), "wall.jpg"),
            (io.BytesIO(PIER), "pier.png")]


def _api(tmp_path: Path, **options: str) -> Summary:
    response = _client(tmp_path).post("/api/check", data={"files": _uploads(), **options},
                                      content_type="multipart/form-data")
    [story] = [f for f in response.get_json()["files"] if f["file"] == "story.html"]
    return _from_items(story["items"])


def _audit(archive: Path, tmp_path: Path, profile: UsageProfile | None = None) -> Summary:
    _, sessions = open_store(f"sqlite:///{tmp_path / 'audit.db'}")
    run_audit(str(archive), sessions, load_catalog(), profile or UsageProfile(), jobs=1)
    with sessions() as session:
        rows = [r for r in report_rows(session, Labels(load_catalog())) if r.article == "articles/story.html"]
    return {r.src: (r.creator, r.organization, r.license, tuple(sorted(set(r.findings.split()) - {"image-not-found"})),
                    r.attribution) for r in rows}


def test_cli_api_and_audit_agree(archive: Path, tmp_path: Path) -> None:
    by_cli, by_api, by_audit = _cli(archive), _api(tmp_path), _audit(archive, tmp_path)
    assert by_cli == by_api == by_audit
    assert by_cli["../images/wall.jpg"][3] == ("conflicting-evidence",  # caption vs the image's own XMP
                                               "missing-license")  # so no license is resolved
    assert by_cli["../images/pier.png"][:3] == ("Tomas Lind", "Harbour Ledger", "")
    assert "missing-license" in by_cli["../images/pier.png"][3]
    assert by_cli["../images/missing.jpg"][1] == "AP"


def test_the_dashboard_upload_shows_what_the_cli_prints(archive: Path, tmp_path: Path) -> None:
    client = _client(tmp_path)
    response = client.post("/check", data={"files": _uploads()}, content_type="multipart/form-data")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    for creator, organization, _, codes, attribution in _cli(archive).values():
        assert html.escape(attribution, quote=False) in page or html.escape(attribution) in page
        for code in codes:
            assert code in page
        assert creator in page
        assert organization in page


def test_the_audit_flags_the_reference_no_file_matches(archive: Path, tmp_path: Path) -> None:
    _, sessions = open_store(f"sqlite:///{tmp_path / 'audit.db'}")
    run_audit(str(archive), sessions, load_catalog(), UsageProfile(), jobs=1)
    with sessions() as session:
        [row] = [r for r in report_rows(session, Labels(load_catalog())) if r.src == "../images/missing.jpg"]
    assert "image-not-found" in row.findings.split()


# (language, the pier's attribution in it: no license is known, and it says so in that language)
LANGS = [("de", "Foto: Tomas Lind / Harbour Ledger. [Lizenz unbekannt]."),
         ("ja", "写真: Tomas Lind / Harbour Ledger。[ライセンス不明]。"),
         ("fr", "Photo : Tomas Lind / Harbour Ledger. [licence inconnue].")]


@pytest.mark.parametrize(("lang", "phrase"), LANGS)
def test_the_four_surfaces_agree_in_the_reader_language(archive: Path, tmp_path: Path, lang: str,
                                                        phrase: str) -> None:
    by_cli = _cli(archive, "--lang", lang)
    assert by_cli == _api(tmp_path, lang=lang) == _audit(archive, tmp_path, replace(UsageProfile(), lang=lang))
    assert by_cli["../images/pier.png"][4] == phrase
    assert by_cli["../images/missing.jpg"][4].startswith("AP Photo/Ana Ruiz")  # AP's own form in every language
    assert by_cli != _cli(archive)  # the language changed the attributions
    client = _client(tmp_path)
    response = client.post("/check", data={"files": _uploads()}, content_type="multipart/form-data")
    page = client.get(f"{response.headers['Location']}?lang={lang}").get_data(as_text=True)
    for *_, attribution in by_cli.values():
        assert html.escape(attribution, quote=False) in page or html.escape(attribution) in page


DAMAGED_STORY = """<figure><img src="quay.jpg" alt="The quay">
<figcaption>The quay at dusk. Photo: Ines Fairweather</figcaption></figure>
"""


def test_a_damaged_image_is_a_problem_of_the_article_everywhere(tmp_path: Path) -> None:
    """A JPEG cut short after its XMP (a failed copy): the audit cannot read it, so the article's check must not
    take the rights of the half file either, and names the file's problem instead of saying nothing."""
    rights = Xmp(creators=["Ines Fairweather"], rights={"x-default": "© Ines Fairweather. All rights reserved."})
    whole = jpeg(picture(640, 480, seed=21), xmp=rights)
    root = tmp_path / "desk"
    root.mkdir()
    (root / "story.html").write_text(DAMAGED_STORY, encoding="utf-8")
    (root / "quay.jpg").write_bytes(whole[: len(whole) // 2])
    result = CliRunner().invoke(cli, ["check", "--json", str(root / "story.html")])
    [file] = json.loads(result.stdout)["files"]
    assert any("quay.jpg" in p and "damaged or truncated" in p for p in file["problems"])
    by_cli = _from_items(file["items"])
    _, sessions = open_store(f"sqlite:///{tmp_path / 'audit.db'}")
    run_audit(str(root), sessions, load_catalog(), UsageProfile(), jobs=1)
    with sessions() as session:
        [row] = [r for r in report_rows(session, Labels(load_catalog())) if r.article == "story.html"]
    assert "image-unreadable" in row.findings.split()
    codes = tuple(sorted(set(row.findings.split()) - {"image-unreadable"}))
    audited = (row.creator, row.organization, row.license, codes, row.attribution)
    assert by_cli == {"quay.jpg": audited}


def test_an_image_that_breaks_the_reader_is_a_problem_not_a_failed_article(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """An error the image reader does not expect (a library's bug on one odd file) is that image's problem, as an
    audit says it ('could not be read'): the article and its other image are still checked."""
    import provenance.io.image_reader as image_reader

    real = image_reader.perceptual_hash

    def breaks_on_odd(im: Any) -> str:
        if im.size == (641, 481):
            raise IndexError("odd file")
        return real(im)

    monkeypatch.setattr(image_reader, "perceptual_hash", breaks_on_odd)
    root = tmp_path / "desk"
    root.mkdir()
    (root / "story.html").write_text(
        '<figure><img src="quay.jpg"><figcaption>The quay. Photo: Ines Fairweather</figcaption></figure>\n'
        '<figure><img src="odd.jpg"><figcaption>The pier. Photo: Ines Fairweather</figcaption></figure>\n',
        encoding="utf-8")
    (root / "quay.jpg").write_bytes(jpeg(picture(640, 480, seed=22)))
    (root / "odd.jpg").write_bytes(jpeg(picture(641, 481, seed=23)))
    result = CliRunner().invoke(cli, ["check", "--json", str(root / "story.html")])
    [file] = json.loads(result.stdout)["files"]
    assert not file.get("error")
    assert [i["src"] for i in file["items"]] == ["quay.jpg", "odd.jpg"]
    assert file["problems"] == ["desk/odd.jpg: could not be read (IndexError: odd file)"]
