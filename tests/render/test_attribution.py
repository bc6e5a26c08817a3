from __future__ import annotations

import pytest

from provenance.catalog.load import Catalog
from provenance.model import Record
from provenance.render.attribution import render_attribution


def _record(catalog: Catalog, license_id: str | None, **fields: str) -> Record:
    lic = catalog.license(license_id) if license_id else None
    return Record(license=lic, **fields)  # type: ignore[arg-type]


SEED = {
    "creator": "Office of the President of the Russian Federation",
    "organization": "Kremlin.ru",
    "via": "Wikimedia Commons",
}


def test_seed_attribution_in_three_formats(catalog: Catalog) -> None:
    result = render_attribution(_record(catalog, "CC-BY-4.0", **SEED))
    url = "https://creativecommons.org/licenses/by/4.0/"
    assert result.text == (
        "Photo by Office of the President of the Russian Federation / Kremlin.ru, via Wikimedia "
        f"Commons. Licensed under CC BY 4.0 ({url})."
    )
    assert f'<a href="{url}" rel="license">CC BY 4.0</a>' in result.html
    assert f"[CC BY 4.0]({url})" in result.markdown
    for name in ("Office of the President of the Russian Federation", "Kremlin.ru", "Wikimedia Commons"):
        assert name in result.text
        assert name in result.html
        assert name in result.markdown


# One row per license family: the license id, and what the plain text must say.
FAMILIES = [
    ("CC-BY-SA-3.0", "Licensed under CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/)"),  # CC
    ("CC-BY-NC-ND-1.0", "Licensed under CC BY-NC-ND 1.0 (https://creativecommons.org/licenses/by-nd-nc/1.0/)"),
    ("CC0-1.0", "Dedicated to the public domain under CC0 1.0."),  # CC0: no link required
    ("PDM-1.0", "Marked with Public Domain Mark 1.0: free of known copyright restrictions."),  # PDM
    ("LicenseRef-PD-USGov", "Public domain (US government work)."),  # US government statement
    ("LicenseRef-PD", "Public domain."),  # generic public domain
    ("GFDL-1.2", "Licensed under the GFDL 1.2 (https://www.gnu.org/licenses/old-licenses/fdl-1.2.html)"),
    ("FAL-1.3", "Licensed under the FAL 1.3 (https://artlibre.org/licence/lal/en/)"),  # Free Art
    ("OGL-UK-3.0", "Contains public sector information licensed under the OGL v3.0 ("),  # OGL wording
    ("LicenseRef-Unsplash", "Unsplash License."),  # stock: credit appreciated, no link required
    ("LicenseRef-Pexels", "Pexels License."),  # stock
    ("LicenseRef-Pixabay", "Pixabay Content License."),  # stock
    ("LicenseRef-Agency", "Photo: Jane Doe/Acme."),  # agency style credit line, no license text
    ("LicenseRef-All-Rights-Reserved", "Photo: Jane Doe/Acme."),  # rights reserved: credit line
]


@pytest.mark.parametrize(("license_id", "expected"), FAMILIES)
def test_attribution_for_every_family(catalog: Catalog, license_id: str, expected: str) -> None:
    result = render_attribution(_record(catalog, license_id, creator="Jane Doe", organization="Acme"))
    assert expected in result.text
    assert "Jane Doe" in result.html
    assert "Jane Doe" in result.markdown


def test_every_catalog_license_renders(catalog: Catalog) -> None:
    for lic in catalog.licenses.values():
        result = render_attribution(Record(license=lic, creator="Jane Doe"))
        assert "Jane Doe" in result.text
        if lic.attribution_statement:
            assert lic.short_name in result.text
        if lic.terms.license_link:
            assert lic.url in result.text
            assert f'href="{lic.url}"' in result.html


def test_print_writes_the_license_url_out(catalog: Catalog) -> None:
    result = render_attribution(_record(catalog, "CC-BY-SA-4.0", creator="Jane Doe"), medium="print")
    url = "https://creativecommons.org/licenses/by-sa/4.0/"
    assert "<a " not in result.html
    assert f"CC BY-SA 4.0 ({url})" in result.html
    assert "](" not in result.markdown
    assert url in result.markdown


def test_online_links_the_source_page(catalog: Catalog) -> None:
    record = _record(catalog, "CC-BY-2.0", creator="Jane Doe", via="Flickr",
                     source_url="https://www.flickr.com/photos/jane/123")
    result = render_attribution(record)
    assert '<a href="https://www.flickr.com/photos/jane/123">Flickr</a>' in result.html
    assert "[Flickr](https://www.flickr.com/photos/jane/123)" in result.markdown


@pytest.mark.parametrize(
    ("license_id", "modified", "expected"),
    [
        ("CC-BY-4.0", "cropped", "Modified from the original: cropped."),  # CC asks to indicate changes
        ("CC-BY-SA-2.0", "cropped and colour-corrected", "Modified from the original: cropped and colour-corrected."),
        ("CC-BY-4.0", None, None),  # no change, no note
        ("CC-BY-4.0", ("cropped", "decolorized"), "Modified from the original: cropped, turned black and white."),
        ("LicenseRef-Agency", "cropped", None),  # agency terms ask for no change note
    ],
)
def test_modification_note(catalog: Catalog, license_id: str, modified: str | tuple[str, ...] | None,
                           expected: str | None) -> None:
    result = render_attribution(_record(catalog, license_id, creator="Jane Doe"), modified=modified)
    if expected:
        assert result.text.endswith(expected)
    else:
        assert "Modified" not in result.text


def test_unknown_elements_are_named_not_invented(catalog: Catalog) -> None:
    result = render_attribution(Record(license=None, via="Wikimedia Commons"))
    assert "[creator unknown]" in result.text
    assert "[license unknown]" in result.text


def test_html_escapes_every_field(catalog: Catalog) -> None:
    evil = _record(catalog, "CC-BY-4.0", creator='Jane "<script>alert(1)</script>"',
                   organization="A & B", via="<img src=x onerror=alert(1)>")
    result = render_attribution(evil, modified="<b>cropped</b>")
    assert "<script" not in result.html
    assert "<img" not in result.html
    assert "<b>" not in result.html
    assert "A &amp; B" in result.html


def test_only_http_urls_are_linked(catalog: Catalog) -> None:
    record = _record(catalog, "CC-BY-4.0", creator="Jane", via="Flickr", source_url="javascript:alert(1)")
    result = render_attribution(record)
    assert "javascript:" not in result.html
    assert "javascript:" not in result.markdown


def test_html_fields_are_reduced_to_text(catalog: Catalog) -> None:
    artist = '<a href="//commons.wikimedia.org/wiki/User:Jane" title="User:Jane">Jane&nbsp;Doe</a> &amp; co'
    result = render_attribution(_record(catalog, "CC-BY-SA-4.0", creator=artist))
    assert result.text.startswith("Photo by Jane Doe & co. Licensed under")
    assert "User:Jane" not in result.text
    assert "&amp;amp;" not in result.html


def test_markdown_escapes_markup(catalog: Catalog) -> None:
    result = render_attribution(_record(catalog, "CC-BY-4.0", creator="*Jane* [Doe](http://x)"))
    assert r"\*Jane\* \[Doe\]\(http://x\)" in result.markdown


def test_port_links_the_port_deed(catalog: Catalog) -> None:
    record = Record(license=catalog.license("CC-BY-SA-3.0"), creator="Jane", port="de",
                    license_url="https://creativecommons.org/licenses/by-sa/3.0/de/")
    result = render_attribution(record)
    assert "CC BY-SA 3.0 DE (https://creativecommons.org/licenses/by-sa/3.0/de/)" in result.text
    no_url = Record(license=catalog.license("CC-BY-SA-3.0"), creator="Jane", port="de")  # "CC BY-SA 3.0 DE" only
    assert "(https://creativecommons.org/licenses/by-sa/3.0/de/)" in render_attribution(no_url).text


def test_plain_text_and_print_write_the_source_page_out(catalog: Catalog) -> None:
    record = _record(catalog, "CC-BY-2.0", creator="Jane Doe", via="Flickr",
                     source_url="https://www.flickr.com/photos/jane/123")
    assert "via Flickr (https://www.flickr.com/photos/jane/123)." in render_attribution(record).text
    printed = render_attribution(record, medium="print")
    assert "Flickr (https://www.flickr.com/photos/jane/123)" in printed.html
    assert "Flickr (<https://www.flickr.com/photos/jane/123>)" in printed.markdown


def test_the_author_links_the_source_when_there_is_no_platform(catalog: Catalog) -> None:
    record = _record(catalog, "CC-BY-2.0", creator="Jane & Joe", title="Harbour <b>at</b> Dawn",
                     source_url="https://example.org/harbour")
    result = render_attribution(record)
    assert result.text.startswith("Photo “Harbour at Dawn” by Jane & Joe (https://example.org/harbour).")
    assert '“Harbour at Dawn” by <a href="https://example.org/harbour">Jane &amp; Joe</a>' in result.html


def test_unknown_medium_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="medium"):
        render_attribution(Record(), medium="radio")


# A courtesy credit (category 'pr'): who is thanked, and what the plain text says.
COURTESY = [
    ({"creator": "Ida Brandt", "organization": "Harwick Museum"},
     "Photo by Ida Brandt. Courtesy of Harwick Museum."),  # the photographer, then the lender: both kept
    ({"organization": "Harwick University"}, "Courtesy of Harwick University."),  # a body alone: its courtesy
    ({"creator": "the family"}, "Courtesy of the family."),  # a family, unnamed: the courtesy's own wording
    ({"creator": "Ida Brandt", "via": "Flickr"}, "Courtesy of Ida Brandt, via Flickr."),  # a person, a platform
]


@pytest.mark.parametrize(("fields", "expected"), COURTESY)
def test_courtesy_names_the_lender(catalog: Catalog, fields: dict[str, str], expected: str) -> None:
    result = render_attribution(Record(category="pr", **fields))  # type: ignore[arg-type]
    assert result.text.startswith(expected)
