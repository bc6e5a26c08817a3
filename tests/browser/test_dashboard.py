"""The dashboard in a real Chromium: what a photo editor does, click by click."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import screenshot
from tests.conftest import ROOT
from tests.seeds import seed_with

SEED = seed_with("Kremlin.ru")


def _check_seed(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.set_input_files("#files", str(SEED))
    page.click("button[type=submit]")
    page.wait_for_url("**/check/*")


def test_upload_the_seed_and_see_its_license_and_evidence(page: Any, server: str) -> None:
    _check_seed(page, server)
    card = page.locator("article.item").first
    assert "CC BY 4.0" in card.locator(".license").inner_text()
    assert "Office of the President of the Russian Federation" in card.inner_text()
    assert card.locator(".badge.origin", has_text="caption").count() >= 3
    card.locator("details.evidence summary").click()
    assert "caption credit" in card.locator("details.evidence").inner_text()
    screenshot(page, "check-results")


def test_copy_button_puts_the_attribution_on_the_clipboard(page: Any, server: str) -> None:
    _check_seed(page, server)
    shown = page.locator("code.attr-value").nth(1).inner_text()
    page.locator("button.copy").nth(1).click()
    assert page.evaluate("navigator.clipboard.readText()") == shown
    assert shown.startswith("Photo by Office of the President")
    assert 'rel="license"' in shown
    assert page.locator("button.copy").nth(1).inner_text() == "Copied"
    # a screen reader hears what was copied: the block's status line (the button's own text change is not said)
    assert page.locator(".attribution [role=status]").first.inner_text() == "HTML attribution copied."


def test_modified_toggle_adds_the_modification_note(page: Any, server: str) -> None:
    _check_seed(page, server)
    assert "Modified from the original" not in page.locator("code.attr-value").first.inner_text()
    page.check("input[name=modified][value=cropped]")
    page.wait_for_url("**modified=cropped**")
    assert page.locator("code.attr-value").first.inner_text().endswith("Modified from the original: cropped.")
    assert page.is_checked("input[name=modified][value=cropped]")


def test_filter_the_archive(page: Any, server: str) -> None:
    page.goto(server + "/archive")
    total = page.locator("p.count").inner_text()
    page.select_option("select[name=status]", "error")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**status=error**")
    statuses = page.locator("table.rows tbody .badge.status").all_inner_texts()
    assert statuses
    assert set(statuses) == {"error"}
    assert page.locator("p.count").inner_text() != total
    screenshot(page, "archive-errors")


def test_record_a_decision_and_see_the_findings_change(page: Any, server: str) -> None:
    page.goto(server + "/archive?q=lighthouse")
    page.locator("table.rows a", has_text="lighthouse").first.click()
    page.wait_for_url("**/images/*")
    assert page.locator(".finding code", has_text="unknown-license").count() == 1
    page.select_option("#license", "CC-BY-SA-4.0")
    page.fill("#who", "Browser test")
    page.fill("#note", "Checked with the Coastal Heritage Trust")
    page.click("#decision button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".finding code", has_text="unknown-license").count() == 0
    assert "CC BY-SA 4.0" in page.locator("article.use").first.inner_text()
    assert page.locator("article.use abbr.license-name").first.get_attribute("title") == "CC-BY-SA-4.0"
    assert "Browser test" in page.locator("ul.decisions").inner_text()
    screenshot(page, "image-after-decision")


def test_catalog_and_phone_layout(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(server + "/catalog")
    assert "CC BY-NC-SA 2.5" in phone.inner_text("body")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, "the page must not scroll sideways on a phone"
    screenshot(phone, "catalog-phone")
    phone.goto(server + "/")
    screenshot(phone, "check-form-phone")
    context.close()


def test_no_console_errors_and_csp_blocks_nothing_of_ours(page: Any, server: str) -> None:
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    for path in ("/", "/archive", "/catalog"):
        page.goto(server + path)
    _check_seed(page, server)
    assert problems == []
    assert ROOT.exists()


def test_copy_button_without_the_clipboard_api_still_copies_or_selects(browser: Any, server: str) -> None:
    """Served to colleagues over plain http (`serve --host`), a page is no secure context and has no
    navigator.clipboard: the button threw a TypeError and said nothing. Now it copies the old way, or
    selects the attribution and says to press Ctrl+C."""
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        _check_seed(page, server)
        shown = page.locator("code.attr-value").first.inner_text()
        button = page.locator("button.copy").first
        button.click()
        page.wait_for_function("document.querySelector('button.copy').textContent !== 'Copy'")
        assert errors == []
        assert button.inner_text() in ("Copied", "Selected: press Ctrl+C", "Selected: press ⌘C")
        assert page.evaluate("window.getSelection().toString()") == shown
        said = page.locator(".attribution [role=status]").first.inner_text()
        assert said in ("Plain text attribution copied.", "Plain text attribution selected: press Ctrl+C to copy it.",
                        "Plain text attribution selected: press ⌘C to copy it.")
    finally:
        context.close()


def test_a_mac_is_told_to_press_command_c(browser: Any, server: str) -> None:
    """Where neither the clipboard API nor the old copy works, the attribution is left selected and the button names
    the keys that copy it: Command-C on a Mac (Ctrl+C there does nothing)."""
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
                            "Object.defineProperty(Navigator.prototype, 'platform', {get: () => 'MacIntel'});"
                            "document.execCommand = () => false;")
    page = context.new_page()
    try:
        _check_seed(page, server)
        page.locator("button.copy").first.click()
        page.wait_for_function("document.querySelector('button.copy').textContent !== 'Copy'")
        assert page.locator("button.copy").first.inner_text() == "Selected: press ⌘C"
        said = page.locator(".attribution [role=status]").first.inner_text()
        assert said == "Plain text attribution selected: press ⌘C to copy it."
    finally:
        context.close()
