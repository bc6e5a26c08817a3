"""A rights editor at the decision form: keyboard only, refused fields, hostile and very long values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests import samples
from tests.browser.conftest import audited_and_served, screenshot


def _open_image(page: Any, server: str, name: str) -> str:
    page.goto(f"{server}/archive?q={name}")
    page.locator("table.rows a.detail").first.click()
    page.wait_for_url("**/images/*")
    return str(page.url).split("#")[0]


def _in_view(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]


def test_a_refused_decision_puts_the_keyboard_on_the_first_wrong_field(page: Any, server: str) -> None:
    """Sent with Enter and no name, the form came back at the top of the page: the error was out of sight,
    the focus on the page itself, every link and Copy button to tab through before reaching the form again."""
    _open_image(page, server, "parade")
    page.locator("#license").focus()
    page.keyboard.type("CC BY 4")  # a select's type-ahead
    page.keyboard.press("Tab")
    page.keyboard.type("Kim Photographer")
    page.keyboard.press("Tab")  # organisation
    page.keyboard.press("Tab")  # your name, left empty
    page.keyboard.press("Tab")
    page.keyboard.type("Agreement of 2026-12-01")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "who"
    assert _in_view(page, "#decision .error-box")
    assert _in_view(page, "#who-error")
    page.keyboard.type("Keyboard desk")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Decision saved" in page.locator(".saved-box").inner_text()
    assert "Kim Photographer" in page.locator("article.use").first.inner_text()
    screenshot(page, "decision-by-keyboard")


def test_a_refused_revoke_puts_the_keyboard_on_its_name_field(page: Any, server: str) -> None:
    url = _open_image(page, server, "garden-web")
    page.fill("#creator", "Amira Haddad")
    page.fill("#who", "Desk A")
    page.click("#decision button[type=submit]")
    page.wait_for_url("**saved=decision**")
    entry = page.locator("li.decision-entry.active").last
    key = entry.locator("input[name=who]").get_attribute("id")
    with page.expect_navigation():
        entry.locator("button", has_text="Revoke").click()
    assert page.evaluate("document.activeElement.id") == key
    assert _in_view(page, f"#{key}-error")
    page.keyboard.type("Desk B")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(url)
    assert "Revoked by Desk B" in page.locator("ul.decisions").inner_text()


def test_hostile_and_very_long_values_are_text_and_stay_inside_the_page(page: Any, server: str) -> None:
    """A 2,000-character note with no space (a pasted URL or token) made the image page 20,000 pixels wide."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    _open_image(page, server, "portrait")
    creator = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    page.fill("#creator", creator)
    page.fill("#organization", "وكالة الأنباء العربية")
    page.fill("#who", "<b>Desk</b>")
    page.fill("#note", "https://example.org/contract?token=" + "A" * 1960)
    page.click("#decision button[type=submit]")
    page.wait_for_url("**saved=decision**")
    history = page.locator("ul.decisions").inner_text()
    assert creator in history
    assert "<b>Desk</b>" in history
    assert "وكالة الأنباء العربية" in history
    assert page.locator("ul.decisions img, ul.decisions script, ul.decisions b").count() == 0
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, "decision-hostile-long")
    assert dialogs == []


@pytest.fixture(scope="module")
def long_values(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An archive whose one photo carries 3,000-character rights metadata with no space in it."""
    folder = tmp_path_factory.mktemp("long-values")
    (folder / "images").mkdir()
    xmp = samples.Xmp(creators=["Z" * 3000], rights={"x-default": "https://example.org/" + "r" * 2500},
                      description={"x-default": "D" * 3000})
    (folder / "images" / "long.jpg").write_bytes(samples.jpeg(samples.picture(320, 240, seed=5), xmp=xmp))
    (folder / "story.md").write_text("# A story\n\n![A quay](images/long.jpg)\n*A quay.*\n", encoding="utf-8")
    with audited_and_served(folder, folder / "long.db") as url:
        yield url


@pytest.mark.parametrize("width", [1280, 390])
def test_very_long_embedded_metadata_stays_inside_the_image_page(browser: Any, long_values: str, width: int) -> None:
    """The evidence table of an image whose XMP holds 3,000 characters with no space made the page 37,000 pixels
    wide, on a desk's screen and on a phone."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(long_values + "/archive")
    page.locator("table.rows a.detail").first.click()
    page.wait_for_url("**/images/*")
    assert page.locator("table.evidence").inner_text().count("Z" * 3000) == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"image-long-metadata-{width}")
    context.close()


def test_the_html_report_of_very_long_values_fits_the_window(page: Any, tmp_path: Any) -> None:
    """`provenance report x.html` of an archive with a 3,000-character creator with no space was a page 57,000
    pixels wide; the other columns keep their words whole."""
    from provenance.render.audit_report import ReportRow, render

    long = ReportRow("articles/quay.md", "images/long.jpg", "images/long.jpg", "Z" * 3000, "", "", "warning",
                     "missing-license", "No licence for " + "Z" * 3000 + ".", "Photo by " + "Z" * 3000 + ".")
    short = ReportRow("articles/council.md", "images/council.jpg", "images/council.jpg", "Marta Nowak", "",
                      "LicenseRef-All-Rights-Reserved", "error", "permission-required", "Marta Nowak reserves all "
                      "rights.", "Photo: Marta Nowak.")
    report = tmp_path / "report.html"
    report.write_text(render([long, short], "html"), encoding="utf-8")
    page.goto(report.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert page.locator("tbody tr").first.inner_text().count("Z" * 3000) == 2  # whole, as copied
    lines = """w => { const td = [...document.querySelectorAll('tbody tr:nth-child(2) td')]
        .find(c => c.textContent.startsWith(w)); const r = document.createRange(); r.selectNodeContents(td.firstChild);
        return r.getClientRects().length; }"""  # the lines the cell's first text takes
    for word in ("articles/council.md", "error", "permission-required"):
        assert page.evaluate(lines, word) == 1, word
    screenshot(page, "report-long-values")
