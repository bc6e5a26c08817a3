"""The attribution languages (licenses/lang/*.toml): complete, loaded with clear errors, and used."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from provenance.catalog.languages import NOUNS, REFERENCE, incomplete, placeholders
from provenance.catalog.load import Catalog, bundled_catalog_dir, load_catalog
from provenance.errors import CatalogError
from provenance.model import Record
from provenance.render.attribution import license_link, render_attribution

LANG_DIR = bundled_catalog_dir() / "lang"
FILES = sorted(LANG_DIR.glob("*.toml"))
REQUIRED = ("en", "de", "fr", "es", "it", "pt", "ru", "pl", "ja", "zh", "ko")


def test_the_required_languages_are_there(catalog: Catalog) -> None:
    assert set(REQUIRED) <= set(catalog.languages)
    assert {p.stem for p in FILES} == set(catalog.languages)  # one file per language, named by its code


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_language_file_is_complete(catalog: Catalog, path: Path) -> None:
    lang = catalog.languages[path.stem]
    reference = catalog.languages[REFERENCE]
    assert incomplete(lang, reference) == []
    assert set(lang.nouns) == set(NOUNS)  # every noun an image can have
    assert set(lang.changes) >= set(catalog.changes)  # every change of licenses/changes.toml
    for section in ("nouns", "phrases", "statements", "changes"):
        assert set(getattr(lang, section)) == set(getattr(reference, section)), section
        for key, text in getattr(lang, section).items():
            assert placeholders(text) == placeholders(getattr(reference, section)[key]), (section, key)


def test_every_catalog_statement_can_be_translated(catalog: Catalog) -> None:
    english = set(catalog.languages[REFERENCE].statements.values())
    statements = {lic.attribution_statement for lic in catalog.licenses.values() if lic.attribution_statement}
    assert statements <= english  # else that license would stay English in every language


def test_every_digital_source_type_has_a_noun(catalog: Catalog) -> None:
    assert {t.noun for t in catalog.digital_source_types.values()} <= set(NOUNS)
    assert catalog.digital_source_types["trainedAlgorithmicMedia"].noun == "ai_image"


def _copy_with(tmp_path: Path, drop: str) -> Path:
    """An extra catalog folder with a copy of de.toml whose key `drop` ('[phrases] via') is removed."""
    extra = tmp_path / "extra"
    (extra / "lang").mkdir(parents=True)
    text = (LANG_DIR / "de.toml").read_text(encoding="utf-8")
    section, key = drop.split()
    lines = text.splitlines()
    start = lines.index(section)
    kept = [ln for i, ln in enumerate(lines) if not (i > start and ln.startswith(f"{key} ="))]
    (extra / "lang" / "xx.toml").write_text("\n".join(kept).replace('code = "de"', 'code = "xx"'), encoding="utf-8")
    return extra


@pytest.mark.parametrize("drop", ["[phrases] via", "[statements] licensed", "[nouns] map", "[changes] cropped"])
def test_an_incomplete_language_file_is_refused_by_name(tmp_path: Path, drop: str) -> None:
    extra = _copy_with(tmp_path, drop)
    with pytest.raises(CatalogError, match=rf"xx\.toml: entry 'xx': .*lacks '{drop.split()[1]}'"):
        load_catalog(extra)


def test_a_phrase_with_the_wrong_placeholder_is_refused(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    (extra / "lang").mkdir(parents=True)
    text = (LANG_DIR / "fr.toml").read_text(encoding="utf-8").replace('code = "fr"', 'code = "xx"')
    text = text.replace("via = \", via {via}\"", "via = \", via {source}\"")
    (extra / "lang" / "xx.toml").write_text(text, encoding="utf-8")
    problem = r"xx\.toml: entry 'xx': \[phrases\] 'via' must use the placeholders \['via'\]"
    with pytest.raises(CatalogError, match=problem):
        load_catalog(extra)


def test_a_new_language_is_a_new_file(tmp_path: Path, catalog: Catalog) -> None:
    extra = tmp_path / "extra"
    (extra / "lang").mkdir(parents=True)
    shutil.copy(LANG_DIR / "en.toml", extra / "lang" / "en-gb.toml")
    text = (extra / "lang" / "en-gb.toml").read_text(encoding="utf-8")
    (extra / "lang" / "en-gb.toml").write_text(text.replace('code = "en"', 'code = "en-GB"').replace(
        '"Photo by', '"Photograph by'), encoding="utf-8")
    extended = load_catalog(extra)
    record = Record(license=catalog.license("CC-BY-4.0"), creator="Jane Doe")
    assert "en-GB" in extended.languages
    assert render_attribution(record, lang="en-GB", catalog=extended).text.startswith("Photo by Jane Doe")


# (language, the CC BY-SA 3.0 DE deed it links) — CC publishes a deed in each of these languages
DEEDS = [
    ("en", "https://creativecommons.org/licenses/by-sa/3.0/de/"),  # English: the canonical deed
    ("de", "https://creativecommons.org/licenses/by-sa/3.0/de/deed.de"),
    ("fr", "https://creativecommons.org/licenses/by-sa/3.0/de/deed.fr"),
    ("es", "https://creativecommons.org/licenses/by-sa/3.0/de/deed.es"),
    ("it", "https://creativecommons.org/licenses/by-sa/3.0/de/deed.it"),
    ("pt", "https://creativecommons.org/licenses/by-sa/3.0/de/deed.pt"),
    ("ru", "https://creativecommons.org/licenses/by-sa/3.0/de/deed.ru"),
    ("pl", "https://creativecommons.org/licenses/by-sa/3.0/de/deed.pl"),
    ("ja", "https://creativecommons.org/licenses/by-sa/3.0/de/deed.ja"),
    ("zh", "https://creativecommons.org/licenses/by-sa/3.0/de/deed.zh-hans"),  # simplified Chinese
    ("ko", "https://creativecommons.org/licenses/by-sa/3.0/de/deed.ko"),
]


@pytest.mark.parametrize(("lang", "deed"), DEEDS)
def test_the_license_links_the_deed_in_the_language(catalog: Catalog, lang: str, deed: str) -> None:
    record = Record(license=catalog.license("CC-BY-SA-3.0"), creator="Jane Doe", port="de")
    result = render_attribution(record, lang=lang)
    assert f'href="{deed}"' in result.html
    assert f"({deed})" in result.text
    assert license_link(catalog.license("CC-BY-SA-3.0"), "igo", catalog.languages[lang]) == \
        deed.replace("/de/", "/igo/")  # IGO likewise


@pytest.mark.parametrize("lang", ["de", "ja"])
def test_a_license_off_creativecommons_org_keeps_its_url(catalog: Catalog, lang: str) -> None:
    lic = catalog.license("OGL-UK-3.0")
    assert license_link(lic, None, catalog.languages[lang]) == lic.url  # no deed.xx on other hosts


def test_the_language_files_are_valid_toml_with_their_code_as_name() -> None:
    for path in FILES:
        with path.open("rb") as handle:
            assert tomllib.load(handle)["language"]["code"] == path.stem


def test_unknown_language_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="lang must be one of"):
        render_attribution(Record(creator="Jane"), lang="xx")
