"""The archive explains itself: rows say why, every row opens, exports, decisions, the overview."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from flask.testing import FlaskClient

from provenance.audit.run import run_audit
from provenance.catalog.load import load_catalog
from provenance.catalog.profile import UsageProfile
from provenance.store import tables as t
from provenance.store.repository import open_store
from tests.conftest import ROOT
from web import create_app
from web.charts import TREND_WIDTH, trend_lines

HEADER = ["article", "image", "src", "creator", "organization", "license", "status", "findings", "messages",
          "attribution"]


def _links(client: FlaskClient, query: str = "") -> list[str]:
    page = client.get("/archive?per_page=500" + query).get_data(as_text=True)
    return re.findall(r'<a class="detail" href="([^"]+)"', page)


def test_every_row_has_badges_and_opens(client: FlaskClient) -> None:
    page = client.get("/archive?article=05-license&per_page=500").get_data(as_text=True)
    badge = re.search(r'<span class="badge finding-badge error" title="([^"]+)">license-mismatch</span>', page)
    assert badge is not None
    assert badge.group(1).startswith("The credit names CC BY-SA 2.0 but links CC BY-NC 2.0")
    links = _links(client)
    assert len(links) == 25
    for link in links:  # image, text credit, unreadable file: each opens a page
        assert client.get(link.split("#")[0]).status_code == 200, link


def test_text_credit_opens_a_usage_page(client: FlaskClient) -> None:
    [link, *_] = [u for u in _links(client, "&q=novak") if u.startswith("/usages/")]
    page = client.get(link).get_data(as_text=True)
    assert "<title>02-agency-ap.txt · provenance</title>" in page
    assert "a credit of a plain-text article, with no image file" in page
    assert "agency-license-required" in page
    assert "Rule: Raised for photos from agencies" in page
    assert page.count('class="copy"') == 3
    assert "<dt>credit</dt><dd>AP Photo/Jana Novak</dd>" in page  # the credit it was read from
    assert 'action="/usages/' in page  # a decision form of its own


def test_unreadable_file_opens_a_file_page(client: FlaskClient) -> None:
    [link] = _links(client, "&code=file-error")
    page = client.get(link).get_data(as_text=True)
    assert "<title>corrupt.jpg · provenance</title>" in page
    assert "is damaged or truncated" in page
    assert "<code>file-error</code>" in page
    assert "Rule: " in page


def test_csv_export_has_the_report_columns_and_no_lone_quotes(client: FlaskClient) -> None:
    rows = list(csv.reader(io.StringIO(client.get("/archive.csv").get_data(as_text=True))))
    assert rows[0] == HEADER
    assert len(rows) == 1 + 25
    assert all(cell != "'" for row in rows for cell in row)
    mismatch = next(r for r in rows if r[0] == "articles/05-license-mismatch.txt")
    assert "license-mismatch" in mismatch[7]
    assert "The credit names CC BY-SA 2.0" in mismatch[8]
    assert mismatch[9].startswith("Photo by Tomasz Wrobel")


def test_xlsx_export_reads_back(client: FlaskClient) -> None:
    response = client.get("/archive.xlsx?status=error")
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    rows = [[c or "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["Article", "Image", "Src"]
    assert len(rows[0]) == len(HEADER)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:J{len(rows)}"
    assert {r[6] for r in rows[1:]} == {"error"}
    csv_rows = list(csv.reader(io.StringIO(client.get("/archive.csv?status=error").get_data(as_text=True))))
    assert [r[:7] for r in rows[1:]] == [r[:7] for r in csv_rows[1:]]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),  # a formula is defused
        ("-5", "'-5"),  # a leading minus could start a formula
        ("\tTab", "'\tTab"),  # tab and CR are formula starts too
        ("", ""),  # an empty cell stays empty: no lone apostrophe
        ("Jane Doe", "Jane Doe"),  # plain text untouched
    ],
)
def test_formula_guard(value: str, written: str) -> None:
    from provenance.render.audit_report import cell

    assert cell(value) == written


def _image(client: FlaskClient, name: str) -> str:
    return next(u for u in _links(client, f"&q={name}") if u.startswith("/images/")).split("#")[0]


def test_decision_form_keeps_fields_and_shows_the_error_beside_the_field(client: FlaskClient) -> None:
    url = _image(client, "lighthouse")
    response = client.post(url + "/decision", data={"creator": "Ana Ruiz", "who": "", "note": "phoned the trust"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'value="Ana Ruiz"' in page
    assert "phoned the trust</textarea>" in page
    assert re.search(r'id="who"[^>]*aria-invalid="true"[^>]*>\s*<p class="field-error" id="who-error">Say who', page)
    wrong = client.post(url + "/decision", data={"license": "CC-BY-9", "who": "Desk"}).get_data(as_text=True)
    assert "is not a license of the catalog" in wrong



def test_a_note_too_long_is_tied_to_its_field(client: FlaskClient) -> None:
    """The note's error showed beside it, but the textarea did not say it was wrong nor point to the error, as
    the other fields do: a screen reader on the field heard nothing of it."""
    url = _image(client, "lighthouse")
    page = client.post(url + "/decision", data={"creator": "Ana Ruiz", "who": "Desk", "note": "n" * 2001})
    assert page.status_code == 400
    html = page.get_data(as_text=True)
    assert re.search(r'<textarea id="note"[^>]*aria-invalid="true" aria-describedby="note-error"', html)
    assert '<p class="field-error" id="note-error">is longer than 2000 characters</p>' in html


def test_a_refused_form_gives_back_direction_controls_as_typed(client: FlaskClient) -> None:
    """Pages write direction controls out ('⟨U+2067⟩') so that a stored value cannot reorder what a reader sees;
    the form sent back with an error did the same to what the editor had typed, so saving it again stored the
    text '⟨U+2067⟩' in the name. The fields give back exactly what was sent."""
    url = _image(client, "lighthouse")
    creator = "\u2067محمد الأحمد\u2069 (Reuters)"
    page = client.post(url + "/decision", data={"creator": creator, "who": "", "note": "\u202bملاحظة\u202c"})
    assert page.status_code == 400
    html = page.get_data(as_text=True)
    assert f'id="creator" name="creator" type="text" value="{creator}"' in html
    assert "placeholder=\"Where you checked it\">\u202bملاحظة\u202c</textarea>" in html
    assert "⟨U+2067⟩" not in html

def test_revoke_keeps_both_in_the_history(client: FlaskClient) -> None:
    url = _image(client, "nebula")
    saved = client.post(url + "/decision", data={"creator": "Someone Else", "who": "Desk A"})
    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    decision = re.search(r'action="/decisions/(\d+)/revoke"', page)
    assert decision is not None
    assert "Someone Else" in page
    refused = client.post(f"/decisions/{decision.group(1)}/revoke", data={"who": "", "image_id": url.split("/")[-1]})
    assert refused.status_code == 400
    assert "Say who revokes" in refused.get_data(as_text=True)
    key = f"revoke-{decision.group(1)}"  # the error is tied to its field for a screen reader
    assert f'aria-invalid="true" aria-describedby="{key}-error"' in refused.get_data(as_text=True)
    assert f'<p class="field-error" id="{key}-error">Say who revokes' in refused.get_data(as_text=True)
    done = client.post(f"/decisions/{decision.group(1)}/revoke", data={"who": "Desk B", "image_id": "0"})
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Decision revoked." in page
    assert "Revoked by <bdi>Desk B</bdi>" in page
    assert "Desk A" in page
    assert re.search(r'<time datetime="[^"]+">\d{4}-\d\d-\d\d \d\d:\d\d \w+</time>', page)  # to the minute


def _text_credit(client: FlaskClient, query: str) -> str:
    return next(u for u in _links(client, f"&q={query}") if u.startswith("/usages/")).split("#")[0]


def test_usage_decision_form_keeps_fields_saves_and_revokes(client: FlaskClient) -> None:
    url = _text_credit(client, "novak")
    refused = client.post(url + "/decision", data={"license": "CC-BY-9", "creator": "Jana Nováková", "who": ""})
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert 'value="Jana Nováková"' in page
    assert "is not a license of the catalog" in page
    assert re.search(r'id="who"[^>]*aria-invalid="true"', page)
    saved = client.post(url + "/decision", data={"license": "CC-BY-4.0", "who": "Desk A", "note": "contract 12"})
    assert saved.headers["Location"].startswith(url + "?saved=decision")
    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Decision saved. This use was checked again." in page
    assert 'title="CC-BY-4.0">CC BY 4.0</abbr> <span class="badge origin">manual</span>' in page
    decision = re.search(r'action="/decisions/(\d+)/revoke"', page)
    assert decision is not None
    usage_id = url.rsplit("/", 1)[1]
    missing_who = client.post(f"/decisions/{decision.group(1)}/revoke", data={"who": "", "usage_id": usage_id})
    assert missing_who.status_code == 400
    assert "Say who revokes" in missing_who.get_data(as_text=True)
    done = client.post(f"/decisions/{decision.group(1)}/revoke", data={"who": "Desk B", "usage_id": usage_id})
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Decision revoked. This use was checked again without it." in page
    assert "Revoked by <bdi>Desk B</bdi>" in page
    assert "contract 12" in page
    assert '<span class="badge origin">manual</span>' not in page


def test_a_usage_page_lists_decisions_about_credits_its_article_no_longer_has(client: FlaskClient,
                                                                             database: str) -> None:
    url = _text_credit(client, "novak")
    article = client.get("/api" + url).json["usage"]["article"]
    engine, sessions = open_store(database)
    with sessions() as session:  # as left by an edit of the credit's text since the decision
        session.add(t.Decision(usage_key="0" * 64, subject=f"{article}: Photo: <b>Old</b> Name", field="creator",
                               value="Old Name", who="Desk Z"))
        session.commit()
    engine.dispose()
    page = client.get(url).get_data(as_text=True)
    assert "Earlier decisions about credits this article no longer has" in page
    assert "about “<bdi>Photo: &lt;b&gt;Old&lt;/b&gt; Name</bdi>”" in page  # escaped, as everything the archive carries
    other = _text_credit(client, "05-license-mismatch")
    assert "Old Name" not in client.get(other).get_data(as_text=True)  # another article's page


def test_overview_is_svg_and_adds_up(client: FlaskClient) -> None:
    page = client.get("/archive").get_data(as_text=True)
    overview = page[page.index('id="overview"'):page.index('id="filters"')]
    assert overview.count("<svg") == 4
    counts = [int(n) for n in re.findall(r'<rect [^>]*class="fill (?:error|warning|info|ok)"><title>\w+: (\d+)',
                                         overview)]
    assert sum(counts) == 25
    said = " ".join(overview.split())
    assert "<strong>25</strong> rows: 24 uses in articles, 0 images no article uses, 1 unreadable file." in said
    assert "http" not in overview.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing from elsewhere


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/archive?page=99", "Page 1 of 1"),  # out-of-range pages clamp to the last one
        ("/archive?q=NOVÁK", "3 rows"),  # case and accents folded
        ("/archive?license=CC-BY-SA-4.0", '<abbr class="license-name" title="CC-BY-SA-4.0">CC BY-SA 4.0</abbr>'),
        ("/catalog?q=by-sa 2.0", "CC BY-SA 2.0"),  # the catalog's search box
        ("/catalog", 'type="search" name="q"'),
        ("/", 'rel="icon" href="/static/favicon.svg"'),
    ],
)
def test_for_people(client: FlaskClient, url: str, expected: str) -> None:
    assert expected in client.get(url).get_data(as_text=True)


def test_catalog_search_narrows(client: FlaskClient) -> None:
    page = client.get("/catalog?q=kremlin").get_data(as_text=True)
    assert "Kremlin.ru" in page
    assert "Reuters" not in page
    with client.get("/favicon.ico") as icon:
        assert icon.mimetype == "image/svg+xml"


def test_image_title_has_the_file_name(client: FlaskClient) -> None:
    page = client.get(_image(client, "garden-web-copy")).get_data(as_text=True)
    assert "<title>garden-web-copy.jpg · provenance</title>" in page


def test_xlsx_writes_formula_lookalikes_as_text() -> None:
    from provenance.audit.xlsx import xlsx_bytes
    from provenance.render.audit_report import ReportRow

    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([ReportRow("=1+1", "", "", "@x", "", "", "error", "", "",
                                                                   "")])))
    cell = book.active["A2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")  # a string, never a formula ('f')


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/images/99999/decision", {"license": "CC0-1.0", "who": "Desk"}),  # a valid decision on no image
        ("/images/99999/decision", {"license": "CC-BY-9", "who": ""}),  # an invalid one: the 404 comes first
        ("/usages/99999/decision", {"license": "CC0-1.0", "who": "Desk"}),  # a valid decision on no usage
        ("/usages/99999/decision", {"license": "CC-BY-9", "who": ""}),  # an invalid one on no usage
    ],
)
def test_a_decision_on_what_is_not_there_is_a_404(client: FlaskClient, path: str, form: dict[str, str]) -> None:
    response = client.post(path, data=form)
    assert response.status_code == 404
    assert f"There is no {path.split('/')[1][:-1]} 99999." in response.get_data(as_text=True)


def test_the_decision_history_isolates_each_value_s_direction(client: FlaskClient) -> None:
    """A right-to-left value's closing `!` showed on its other side, beside the dash, and a right-to-left name
    after the dash pulled the dash into its run: each value the history prints is isolated in a <bdi>."""
    url = _image(client, "lighthouse")
    saved = client.post(url + "/decision", data={"creator": "وكالة الأنباء!", "who": "مكتب التحرير",
                                                 "note": "عقد 12"})
    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "= <bdi>وكالة الأنباء!</bdi> — <bdi>مكتب التحرير</bdi>," in page
    assert ": <bdi>عقد 12</bdi>" in page
    decision = re.search(r'action="/decisions/(\d+)/revoke"', page)
    assert decision is not None
    done = client.post(f"/decisions/{decision.group(1)}/revoke", data={"who": "قسم الحقوق",
                                                                       "image_id": url.rsplit("/", 1)[1]})
    assert "Revoked by <bdi>قسم الحقوق</bdi>," in client.get(done.headers["Location"]).get_data(as_text=True)


def test_an_image_decision_returns_to_the_image(client: FlaskClient) -> None:
    url = _image(client, "lighthouse")
    saved = client.post(url + "/decision", data={"license": "CC0-1.0", "who": "Desk A"})
    assert saved.status_code == 302
    assert saved.headers["Location"].startswith(url + "?saved=decision&n=")
    assert saved.headers["Location"].endswith("#decisions")


@pytest.mark.parametrize(("query", "named"), [
    ("status=bogus", "status must be one of"),  # a status the archive has no rows of: not every row in silence
    ("sort=size", "sort must be one of"),  # a sort the page does not offer
    ("per_page=0", "per_page must be between"),  # a page size out of range
])
def test_a_filter_the_page_does_not_know_is_said_left_out(client: FlaskClient, query: str, named: str) -> None:
    page = client.get(f"/archive?{query}")
    assert page.status_code == 200
    notice = re.search(r'<p class="error-box" role="alert" id="ignored-filter">([^<]*)</p>',
                       page.get_data(as_text=True))
    assert notice is not None
    assert named in notice.group(1)
    assert "Showing the archive without it" in notice.group(1)


def test_known_filters_show_no_notice(client: FlaskClient) -> None:
    page = client.get("/archive?status=error&sort=status&per_page=50").get_data(as_text=True)
    assert 'id="ignored-filter"' not in page


@pytest.mark.parametrize("export", ["/archive.csv", "/archive.xlsx"])
def test_an_export_with_a_wrong_filter_is_a_400_naming_it(client: FlaskClient, export: str) -> None:
    answer = client.get(f"{export}?status=bogus")
    assert answer.status_code == 400
    assert "status must be one of" in answer.get_data(as_text=True)


def test_a_left_out_filter_is_escaped(client: FlaskClient) -> None:
    page = client.get("/archive?status=%3Cscript%3Ealert(1)%3C/script%3E").get_data(as_text=True)
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page
    export = client.get("/archive.csv?status=%3Cscript%3Ealert(1)%3C/script%3E").get_data(as_text=True)
    assert "<script>alert(1)" not in export


def test_the_catalog_says_what_an_attribution_needs_in_words(client: FlaskClient) -> None:
    page = client.get("/catalog?q=by-sa").get_data(as_text=True)
    assert "licence link" in page
    assert "change note" in page
    assert "license_url" not in page  # the catalog's key, not a reader's word


def test_one_audit_run_draws_level_lines_to_the_right_edge() -> None:
    """With one run the trend's points sat at the left edge as lone dots: each status is a level line to the
    right edge now, its dot where the latest run's dot is drawn with more runs."""
    one = trend_lines([{"counts": {"error": 4, "warning": 2, "info": 0, "ok": 1}}])
    for line in one:
        (x, y), = line["dots"]
        assert x == TREND_WIDTH
        assert line["points"] == f"0.0,{y} {x},{y}"
    two = trend_lines([{"counts": {"error": 4}}, {"counts": {"error": 2}}])
    assert [d[0] for d in two[0]["dots"]] == [0.0, TREND_WIDTH]


def test_linked_bars_are_links_a_screen_reader_can_reach(client: FlaskClient) -> None:
    page = client.get("/archive").get_data(as_text=True)
    status_chart = page[page.index('id="chart-status"'):page.index('id="chart-findings"')]
    assert 'role="group" aria-label="Rows by status"' in status_chart
    assert re.search(r'<a href="/archive\?status=error" aria-label="error: \d+ rows?, show them">', status_chart)
    families = page[page.index('id="chart-families"'):page.index('id="chart-trend"')]
    assert re.search(r'role="img" aria-label="Records by licence family: [^"]+ \d+', families)


def test_the_archive_says_when_its_last_audit_checked_with_another_profile(tmp_path: Path) -> None:
    """An audit with a profile that subscribes to AP, then a dashboard started with the default profile: the
    archive page says the verdicts are that audit's and decisions here are checked otherwise; an audit with the
    dashboard's own profile takes the notice away."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    catalog = load_catalog()
    for profile, told in (  # row: the profile of the latest audit, whether the page warns
            (replace(UsageProfile(), name="Print desk <AP>", subscriptions=frozenset({"ap"})), True),
            (UsageProfile(), False)):
        engine, sessions = open_store(url)
        run_audit(str(ROOT / "data"), sessions, catalog, profile, jobs=1)
        engine.dispose()
        page = create_app({"DATABASE_URL": url, "TESTING": True}).test_client().get("/archive").get_data(as_text=True)
        assert ('id="other-checks"' in page) is told
        if told:
            assert "profile\n  “Print desk &lt;AP&gt;”)" in page  # named, and escaped
            assert "(profile “Commercial online news site”)" in page
