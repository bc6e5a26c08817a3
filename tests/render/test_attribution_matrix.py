"""Every attribution checked against the rules that produced it: for every license of
every family, both media, every language, modified and unmodified, the elements the
license requires (its attribution_requires and license_link) are all present, and
nothing is invented: no placeholder for a known element, no URL or name that the
record does not hold, no change note the license does not ask for."""

from __future__ import annotations

import re

import pytest

from provenance.catalog.languages import Language
from provenance.catalog.load import Catalog, load_catalog
from provenance.model import Attribution, License, Record
from provenance.render.attribution import license_link, render_attribution

CATALOG = load_catalog()
LANGS = sorted(CATALOG.languages)
SOURCE_URL = "https://commons.wikimedia.org/wiki/File:Harbour_at_dawn.jpg"
CHANGES = ("cropped", "decolorized")
URL = re.compile(r"https?://[^\s)<>\"\]]+")


def _record(lic: License) -> Record:
    return Record(license=lic, creator="Jane Doe", organization="Acme Newsroom", via="Wikimedia Commons",
                  title="Harbour at Dawn", source_url=SOURCE_URL)


def _check_required(result: Attribution, lic: License, language: Language, medium: str) -> None:
    for name in ("Jane Doe", "Acme Newsroom", "Wikimedia Commons", "Harbour at Dawn"):
        assert name in result.text
        assert name in result.markdown
    assert SOURCE_URL in result.text  # the source page, written out in plain text
    if lic.attribution_statement:
        assert lic.short_name in result.text
    deed = license_link(lic, None, language)
    if lic.terms.license_link:
        assert deed
        assert f"({deed})" in result.text
        assert deed in result.html
        assert deed in result.markdown
    if deed and medium == "online":
        assert f'href="{deed}"' in result.html


def _check_nothing_invented(result: Attribution, lic: License, language: Language, modified: bool) -> None:
    for placeholder in (language.phrases["creator_unknown"], language.phrases["license_unknown"]):
        assert placeholder not in result.text
    allowed = {SOURCE_URL, license_link(lic, None, language)}
    assert set(URL.findall(result.text)) <= allowed
    assert set(re.findall(r'href="([^"]+)"', result.html)) <= allowed
    note = language.phrases["modified"].split("{")[0].strip()
    asks = lic.terms.indicate_changes
    assert (note in result.text) is (modified and asks)
    for change in CHANGES:
        assert (language.changes[change] in result.text) is (modified and asks)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("medium", ["online", "print"])
def test_every_license_in_every_language(lang: str, medium: str) -> None:
    language = CATALOG.languages[lang]
    families = {lic.family for lic in CATALOG.licenses.values()}
    assert {"creative-commons", "public-domain", "rights-reserved"} <= families
    for lic in CATALOG.licenses.values():
        for modified in (False, True):
            result = render_attribution(_record(lic), medium=medium, modified=CHANGES if modified else None,
                                        lang=lang, catalog=CATALOG)
            _check_required(result, lic, language, medium)
            _check_nothing_invented(result, lic, language, modified)
            if medium == "print":
                assert "<a " not in result.html
                assert "](" not in result.markdown


@pytest.mark.parametrize("lang", LANGS)
def test_an_ai_image_is_never_a_photo(catalog: Catalog, lang: str) -> None:
    language = catalog.languages[lang]
    for lic in (catalog.license("CC-BY-4.0"), catalog.license("LicenseRef-All-Rights-Reserved")):
        record = Record(license=lic, creator="Jane Doe", noun="ai_image")
        text = render_attribution(record, lang=lang).text
        assert language.nouns["ai_image"] in text
        assert language.nouns["photo"] not in text.replace(language.nouns["ai_image"], "")
