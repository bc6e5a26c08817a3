"""The archive in a real Chromium: every row says why and opens, exports, decisions, the overview."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl

from tests.browser.conftest import screenshot


def _in_view(page: Any, selector: str) -> bool:
    """Whether the element is inside the window as the page stands (scrolled to its #anchor)."""
    box = page.locator(selector).bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]


def _row(page: Any, server: str, query: str) -> Any:
    page.goto(f"{server}/archive?{query}")
    return page.locator("table.rows tbody tr").first


def test_row_badge_says_why_and_the_row_opens(page: Any, server: str) -> None:
    row = _row(page, server, "article=05-license-mismatch")
    badge = row.locator(".finding-badge", has_text="license-mismatch")
    assert badge.get_attribute("title").startswith("The credit names CC BY-SA 2.0 but links CC BY-NC 2.0")
    assert "error" in badge.get_attribute("class")
    row.locator("a.detail").click()
    page.wait_for_url("**/usages/*")
    assert page.title() == "05-license-mismatch.txt · provenance"
    assert page.locator(".finding code", has_text="license-mismatch").count() == 1
    assert "Rule: Raised when one credit gives a license name" in page.locator("ul.findings").inner_text()
    screenshot(page, "usage-page")


def test_text_credit_detail_page_copies_its_attribution(page: Any, server: str) -> None:
    row = _row(page, server, "q=novak")
    assert row.locator("td", has_text="(no image file)").count() == 1
    row.locator("a.detail").click()
    page.wait_for_url("**/usages/*")
    shown = page.locator("code.attr-value").first.inner_text()
    page.locator("button.copy").first.click()
    assert page.evaluate("navigator.clipboard.readText()") == shown
    assert "Jana Novak" in shown
    assert "a credit of a plain-text article, with no image file" in page.inner_text("body")


def test_unreadable_file_is_in_the_archive_and_opens(page: Any, server: str) -> None:
    page.goto(server + "/archive")
    page.select_option("select[name=code]", "file-error")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**code=file-error**")
    assert page.locator("p.count").inner_text() == "1 row"
    page.locator("table.rows a.detail").click()
    page.wait_for_url("**/files/*")
    assert page.title() == "corrupt.jpg · provenance"
    assert "is damaged or truncated" in page.inner_text("body")
    screenshot(page, "file-page")


def _download(page: Any, selector: str) -> bytes:
    with page.expect_download() as info:
        page.click(selector)
    path = info.value.path()
    with open(path, "rb") as handle:
        return handle.read()


def test_exports_hold_the_report_columns(page: Any, server: str) -> None:
    page.goto(server + "/archive?status=error")
    rows = list(csv.reader(io.StringIO(_download(page, "#export-csv").decode("utf-8"))))
    assert rows[0] == ["article", "image", "src", "creator", "organization", "license", "status", "findings",
                       "messages", "attribution"]
    assert {r[6] for r in rows[1:]} == {"error"}
    assert all(cell != "'" for row in rows for cell in row)
    sheet = openpyxl.load_workbook(io.BytesIO(_download(page, "#export-xlsx"))).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:J")
    assert [c or "" for c in next(sheet.iter_rows(min_row=2, values_only=True))][:7] == rows[1][:7]


def test_decision_form_error_keeps_the_fields(page: Any, server: str) -> None:
    page.goto(server + "/archive?q=harbour")
    page.locator("table.rows a.detail").first.click()
    page.wait_for_url("**/images/*")
    page.fill("#creator", "Ana Ruiz")
    page.fill("#note", "Seen on the contract")
    page.click("#decision button[type=submit]")
    page.wait_for_load_state()
    assert page.input_value("#creator") == "Ana Ruiz"
    assert page.input_value("#note") == "Seen on the contract"
    assert page.locator("#who-error").inner_text().startswith("Say who decides")
    assert page.get_attribute("#who", "aria-invalid") == "true"
    screenshot(page, "decision-form-error")
    page.fill("#who", "Browser desk")
    page.click("#decision button[type=submit]")
    page.wait_for_url("**saved=decision**")
    assert "Decision saved" in page.locator(".saved-box").inner_text()
    # the page opens at #decisions: the confirmation is there, not scrolled away above the uses
    assert _in_view(page, ".saved-box")


def test_revoke_a_decision(page: Any, server: str) -> None:
    page.goto(server + "/archive?q=sandbags")
    page.locator("table.rows a.detail").first.click()
    page.wait_for_url("**/images/*")
    page.select_option("#license", "CC0-1.0")
    page.fill("#who", "Desk A")
    page.click("#decision button[type=submit]")
    page.wait_for_url("**saved=decision**")
    assert "CC0 1.0" in page.locator("article.use").first.inner_text()
    entry = page.locator("li.decision-entry.active").last
    entry.locator("input[name=who]").fill("Desk B")
    entry.locator("button", has_text="Revoke").click()
    page.wait_for_url("**saved=revoked**")
    assert _in_view(page, ".saved-box")
    assert "CC0 1.0" not in page.locator("article.use").first.inner_text()
    history = page.locator("ul.decisions").inner_text()
    assert "Desk A" in history
    assert "Revoked by Desk B" in history
    screenshot(page, "decision-revoked")


def test_usage_decision_form_keeps_fields_confirms_and_revokes(page: Any, server: str) -> None:
    """A credit of a plain-text article (no image file) takes a decision of its own."""
    page.goto(server + "/archive?q=05-license-mismatch")
    page.locator("table.rows a.detail").first.click()
    page.wait_for_url("**/usages/*")
    usage_url = page.url
    page.select_option("#license", "CC-BY-SA-2.0")
    page.fill("#creator", "Sam Example")
    page.fill("#note", "Checked the Flickr page")
    page.click("#decision button[type=submit]")
    page.wait_for_load_state()
    assert page.input_value("#license") == "CC-BY-SA-2.0"  # the error keeps every field
    assert page.input_value("#creator") == "Sam Example"
    assert page.input_value("#note") == "Checked the Flickr page"
    assert page.locator("#who-error").inner_text().startswith("Say who decides")
    assert page.get_attribute("#who", "aria-invalid") == "true"
    screenshot(page, "usage-decision-error")
    page.fill("#who", "Desk C")
    page.click("#decision button[type=submit]")
    page.wait_for_url("**saved=decision**")
    assert page.url.startswith(usage_url)
    assert "Decision saved. This use was checked again." in page.locator(".saved-box").inner_text()
    assert _in_view(page, ".saved-box")
    record = page.locator("article#usage").inner_text()
    assert "Sam Example" in record
    assert "CC BY-SA 2.0 manual" in record
    assert "missing-license" not in page.locator("ul.findings").inner_text()  # the licence is decided now
    screenshot(page, "usage-decision-saved")
    entry = page.locator("li.decision-entry.active", has_text="Sam Example")
    entry.locator("input[name=who]").fill("Desk D")
    entry.locator("button", has_text="Revoke").click()
    page.wait_for_url("**saved=revoked**")
    assert "Sam Example" not in page.locator("article#usage").inner_text()
    history = page.locator("ul.decisions").first.inner_text()
    assert "Desk C" in history
    assert "Revoked by Desk D" in history
    screenshot(page, "usage-decision-revoked")


def test_overview_draws_bars_and_trend(page: Any, server: str) -> None:
    page.goto(server + "/archive")
    overview = page.locator("#overview")
    assert overview.locator("svg").count() == 4
    status_bars = overview.locator("#chart-status rect")
    counts = [int(t.split(": ")[1]) for t in status_bars.locator("title").all_text_contents()]
    assert sum(counts) == int(page.locator("p.count").inner_text().split()[0])
    assert overview.locator("#chart-trend polyline").count() == 4
    assert overview.locator("#chart-status rect.error").bounding_box()["width"] > 0
    overview.locator("#chart-status a").first.click()
    page.wait_for_url("**status=**")
    screenshot(page, "archive-overview")


def test_archive_and_detail_pages_fit_a_phone(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    for path in ("/archive", "/archive?code=file-error"):
        phone.goto(server + path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1, path
    phone.locator("table.rows a.detail").first.click()
    phone.wait_for_url("**/files/*")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    screenshot(phone, "file-page-phone")
    context.close()
