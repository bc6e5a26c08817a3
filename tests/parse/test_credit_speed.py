"""The credit parser stays linear on hostile input: the time for a text ten times larger is compared
with the time for the text itself (a ratio, never a wall-clock threshold)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest

from provenance import check_text
from provenance.catalog.load import Catalog
from provenance.parse.credit_segments import _BYLINE_AFTER, _BYLINE_HANDLE
from provenance.parse.credits import parse_credit

LINEAR = 10  # ten times the input
SLACK = 3.0  # linear time gives a ratio near 10; quadratic gives near 100


def _best_of(text: str, catalog: Catalog, runs: int = 5) -> float:
    """The shortest CPU time of this process over `runs` parses: other processes on a busy machine
    cannot stretch it as they stretch the wall clock of a run lasting a few milliseconds. (The ten times
    larger text is run 3 times: its time is long enough to be steady, and the small one's is not.)"""
    times = []
    for _ in range(runs):
        started = time.process_time()
        parse_credit(text, catalog)
        times.append(time.process_time() - started)
    return min(times)


@pytest.mark.parametrize(
    "unit",
    [
        "/",  # slashes: chains of links
        "(",  # parentheses that never close
        "a/b ",  # names joined by slashes
        "Photo: a/AP ",  # a lead-in credit, again and again
        "(Photo: a/AP) ",  # bracketed credits, again and again
        "© a ",  # rights signs that start a credit anywhere
        "<a ",  # a tag that never closes (an HTML parser can rescan it)
        "[a](b) ",  # Markdown links
        "a. ",  # sentence ends
        "\t",  # a run of tabs (UI labels and wire boilerplate look for a marker after blanks)
        "... ",  # fold-marker prefixes that never meet their '[+]'
        "Photo: a/AP\n- Source: b\n",  # credits on nearby lines, merged one after another
        "Phoot by a ",  # lead-in words read through a typo
        ". Photo Ab Cd / ",  # 'Photo' with no colon, a name and a slash, after a stop
        "AFP - AB CD ",  # an agency, a spaced dash and a name in capitals
        "Ab Cd handout via ",  # a body's handout written with a space
        "NASA, ESA, a ",  # bodies, then people, a space telescope's order
        "ab from Cd, Ef ",  # an account 'from' a place
        "Ab Cd—",  # a name and an em dash
        "Icon by Ab from ",  # a platform's own attribution
        "(ABC Ab: Cd Ef ",  # a desk, a colon and a name in brackets that never close
        "사진=가나다 ",  # Korean lead-ins and names
        "A",  # one run of capitals (a name in capitals closing a caption is looked for in every text)
        "Ab./Cd ",  # credit chains glued to a stop by their slash
        "Ab. /",  # a slash after a stop
        "Ab//Getty Images If you ",  # doubled slashes and an agency run on into a story
        "Getty Images If you are. ",  # an agency alone opening sentence after sentence
        "Getty ImagesAn a b ",  # an agency glued to the next capitalised word
        "Bild: www.ab.de ",  # lead-ins with a bare address
        "(A B/Post-Gazette) ",  # a paper's hyphenated short title in brackets
        "a. Picture A B ",  # a lead-in with no colon after a stop, a name, the line going on
        "a. Picture A B C D/E F/G H/I J/K ",  # the same with chains too long to end a caption
        "(Foto A B/C D ",  # a bracket with the lead-in that never closes
        "a, U.S./A ",  # a place's initials before a slash, again and again
        "Fotos: A e B y C and ",  # conjunctions between capitalised words
        "./로이터 연합뉴스 ",  # Korean relays glued to a stop
        "IMAGE: CNS photo/Ab Cd By Ef GH ",  # a wire's chain, then a byline and a dateline, again and again
        "(CNS photo/Ab Cd, The Ef) ",  # a wire's relay of an outlet's photo
        "Ab Cd | Daily Ef Staff ",  # a student paper's staff credit
        "Ab Cd, special to ",  # a commissioned credit's 'special to'
        "Photo by ab cd Ef Gh ",  # lower-case job words before a name
        "Photo taken by Ab Cd at Ef ",  # a name and where the picture was taken, again and again
        "Ab Cd at Ef Gh ",  # capitalised words and 'at' with no lead-in
        "(Photo copyright Ab/ Cd ",  # the rights word in a lead-in, a bracket that never closes
        "\n(photo Ab Cd ",  # a line's bracket with the lower-case lead-in that never closes
        "Ab Cd Daily Ef ",  # capitalised words and a paper's word with no 'Staff' at the end
        "Ab Cd Daily Ef Staff ",  # a student paper's staff credit glued to the name
        "Ab Cd | Photo Editor ",  # an image desk's title after a pipe
        "Photos by Ab August 24 ",  # a month and a day after a name
        "Ab / Cd file photos ",  # a paper's archive mark
        "ab cd\n\n/ the daily ef staff\n",  # a name's line over a paper's staff line, again and again
        "ab cd\n/ ef gh ",  # a name's line over a slash with no 'staff' at the end
        "Ab / The Daily Cd Staff ",  # a paper's title with its article before 'Staff'
        "있다.\n가나 | 다라 기자 a@b.kr\n",  # Korean photographers' signature lines after a scene sentence
        "있다.\n가나다라 ",  # a signature's place word and name with no 기자 after them
        "있다고 말했다.\n가나 다라 기자 a@b.kr\n",  # reported speech before signature lines (an article's byline)
        "© AB Cdあいう",  # a Latin credit glued to Japanese script, no sentence's stop after it
        "Photo: Ab Cd Ef gh Ij Kl mn ",  # a known-source run-on's title-and-name shape, no source
        "(Yonhap)Ab. ",  # an agency in brackets glued to the next sentence
        "(圖／ab) ",  # full-width slashes in brackets
        "(圖/가나 다라 제공) ",  # Korean providers of several words in brackets
        "  • a / b\n",  # a list's bullets before chains
        "Photo: Ab for Cd, Inc ",  # a client and its company form
        "AbNewsBD24 ",  # camel-case news sites' names
        "。(",  # CJK stops before brackets
        "。(圖/翻攝自林曉微博",  # re-shot credits, a platform's name at each piece's end
        "(翻攝自",  # re-shot openings in brackets with no close
        "Jane Roe, Harwick ",  # a name and a body after a comma, on one line
        "Photo by Ab Cd/EF on 14 August, ",  # a chain, then the day after 'on', again and again
        "Ab on Monday on ",  # 'on' and a weekday with no credit before them
        "(צילום ארכיון להמחשה: אב גד ",  # Hebrew lead-ins with qualifiers in brackets that never close
        "צילום ארכיון ארכיון ",  # Hebrew qualifiers repeated with no colon
        "Foto de Ab Cd: Ef ",  # an outlet in the lead-in, a colon and a name, again and again
        "Foto: Ab Cd. EL TIEMPO ",  # a paper's name in capitals after the stop that ends a credit
        "AB CD, 12 Mar (EF)\n",  # wire datelines with no dash, a bracket closing each line
        "AB, 1 ",  # a dateline's place and day with no bracket after them
        "AB, 1 Mar (Ab Photo/Cd)\n",  # a picture's credit in brackets after a dateline's place and day
        "(ab.com/cd?si=e&si=e ",  # share marks after an address with no scheme, in brackets that never close
        "Ab/Cd ORG XMIT: EF1 ",  # a wire's transmission field after a chain, again and again
        "ORG XMIT ",  # the field's name with no code
        "Ab. // Photo courtesy of Cd ",  # a doubled slash between a caption's stop and a lead-in
        "With courtesy of the\n",  # 'courtesy of the' closing line after line
        "(ab.com/watch?v=c ",  # an address with no scheme and a query, in brackets that never close
        "Photo: Ab, Press, ",  # role marks after a holder and a comma
        "Foto: TASR Ab Cd Foto: ",  # an agency, a name, the lead-in again and again
        "Tanjug Ab Cd ",  # an agency's name and capitalised words with no lead-in
        "Foto: (c) Ab / Cd ",  # a rights sign opening a chain's link
        "(c)(c)Ab ",  # rights signs glued together
        "Ab/CD nuotr. ",  # a Lithuanian chain closed by 'nuotr.'
        "Фота АбВГ ",  # the Belarusian lead-in before a mixed-capitals word
        "Nyitókép: Ab/CD ",  # the Hungarian lead-in before a chain
        "With courtesy of Ab Cd, ef ",  # 'With courtesy of' a name, a comma and a clause, again and again
        "Ab Cd Ef Gh RCMP ",  # initials after capitalised words, a longer name of the body sought before them
        "AB, 12 Balones (EF)\n",  # a headline's count where a dateline's month would stand
        "Foto: TASR Nové Ab\n",  # an agency before a place's adjective, line after line
        "Photo: Getty Images North Ab ",  # an agency's desk and a region's opening word, again and again
        "Foto: Ab Foto: Ab ",  # one lead-in and a name over and over (each a copy of the last)
        "Фото МиГ\n",  # a no-colon lead-in before one capital after the lower case, line after line
        "Ab/Getty Images for Cd/Ef ",  # an agency's client and a second name after a slash, again and again
        "Ab (01/02/2023, Cd, Ef Gh)\n",  # a dated bracket closing line after line, a name last
        "(01/02/2023, Cd, ",  # dated brackets that never close
        "Photographie de ab ",  # 'Photographie de' and a word in lower case, again and again
        "© AB CD (afp) ",  # a rights sign, a name in capitals, a lower-case agency in brackets
        "Photo : AB/Rue89Lyon ",  # initials before an outlet the catalog knows
    ],
)
def test_parser_time_grows_linearly(catalog: Catalog, unit: str) -> None:
    small = unit * (6000 // len(unit))
    parse_credit(small, catalog)  # warm the catalog's compiled patterns
    ratio = _best_of(small * LINEAR, catalog, runs=3) / max(_best_of(small, catalog), 1e-4)
    assert ratio < LINEAR * SLACK, f"{unit!r}: {ratio:.1f} times slower for {LINEAR} times the input"


@pytest.mark.parametrize(
    "filler",
    [
        " ",  # blanks between two credits
        " ...",  # dots and blanks, as a fold marker leaves them
        "\t",  # tabs
    ],
)
def test_a_long_gap_between_two_credits_stays_linear(catalog: Catalog, filler: str) -> None:
    def text(size: int) -> str:
        return "Photo: Jane Roe/AP" + filler * (size // len(filler)) + "x Photo: Tom Ray/Reuters"

    parse_credit(text(6000), catalog)
    ratio = _best_of(text(60000), catalog, runs=3) / max(_best_of(text(6000), catalog), 1e-4)
    assert ratio < LINEAR * SLACK, f"{filler!r}: {ratio:.1f} times slower for {LINEAR} times the gap"


@pytest.mark.parametrize(
    ("before", "blank"),
    [
        ("Photo", " "),  # a lead-in word, then only blanks: 'photo\s*…\s+by' tried every split of the run
        ("PHOTOS", "\r\n"),  # the same in capitals over CRLF line ends
        ("Credit", "\u3000"),  # an ideographic space ('\s' matches it)
        ("photo (c)", "\t"),  # the '(c)' a lead-in may carry before 'by'
        ('"Harbour"', " "),  # a quoted title, then blanks: '"…"\s*,?\s+by' split the run both ways
        ('"Harbour" <https://example.org/h>', " "),  # the same after a link's address
    ],
)
def test_blanks_after_a_lead_in_stay_linear(catalog: Catalog, before: str, blank: str) -> None:
    def text(size: int) -> str:
        return before + blank * (size // len(blank)) + "x"

    parse_credit(text(3000), catalog)
    ratio = _best_of(text(30000), catalog, runs=3) / max(_best_of(text(3000), catalog, runs=3), 1e-4)
    assert ratio < LINEAR * SLACK, f"{before!r}: {ratio:.1f} times slower for {LINEAR} times the blanks"


@pytest.mark.parametrize(
    ("before", "unit", "after"),
    [
        ("Photo by ", "\t", ")"),  # a platform's 'by <name> from <platform>' split the run of blanks every way
        ("Mandatory credit: ", "\t", ""),  # the lead phrase's blanks and the lead-in's blanks split the run
        ("Photo | ", "A", ""),  # 'Jane Roe | Staff Photographer' tried from every capital of a run
        ("Ab Cd | ", "Ab ", "Staff"),  # 'Jane Roe | Daily Texan Staff': a run of capitalised words before Staff
        ("IMAGE: CNS photo/Ab By ", "Ab ", ""),  # a byline's words before no dateline
        ("Photo by ", "ab ", "Cd Ef"),  # lower-case words before a name
        ("Ab Cd", " ", "special to The Ef"),  # blanks before 'special to'
        ('"Harbour" by ', " ", ""),  # the CC title-author-licence form (check_text) split the blanks every way
        ('"Harbour" by Jane licensed under ', " ", ")"),  # the same with its words present: creator, license and
        # the blanks around them had split each run three ways
        ('"Harbour" by Jane', " ", "is licensed under CC BY"),  # blanks between the creator and 'licensed'
        # blanks inside a caption's closing credit, before a print teaser (h16africa found 3,000 take 4 s): the rules
        # that read a name's blanks had scanned the whole run from each blank; a long run is now read as 8 blanks
        ("Rangers won yesterday / JANE ROE", " ", " PAGE 6"),
        ("Rangers won yesterday / JANE ROE", "\u00a0", " PAGE 6"),  # no-break spaces
        ("Jane Roe/Reuters", "\t", "Contributors"),  # tabs inside a chain's last link
        ("Jane Roe/Reuters", " " * 9 + "a", "Contributors"),  # runs of nine blanks, each cut to eight
        ("Flood victims in Harwick yesterday", " / ab", " / JANE ROE PAGE 6"),  # spaced slashes before a name in
        # capitals (The Star's print caption)
        ("Wakulima shambani", " ", "/ JANE ROE"),  # blanks before the slash
        ("(PICHA NA JANE ROE, ", "A ", ")"),  # a Swahili credit's town of capitals after the comma
        ("The New Times\n", "Ab ", "Reporter"),  # capitalised words before a byline's 'Reporter'
        ("The photograph above is by", " ", "Jane Roe"),  # blanks after 'is by'
        ("Picture: Social media", " By Ab", " @ab"),  # a byline's 'By' and words before a handle, again and again
        ("Foto: Jane Roe.", " ", "EL TIEMPO"),  # blanks between the credit's stop and the paper after it
        ("Foto: Jane Roe. EL", " ", "TIEMPO"),  # blanks inside the paper's name
        ("Foto de El Faro", " ", ": Jane Roe"),  # blanks before the outlet's colon
        ("CHILE, 12", " ", "Mar (EUROPA PRESS)"),  # blanks inside a dateline before its bracket
        ("CHILE", "A", ", 12 Mar (EUROPA PRESS)"),  # a place of one long run of capitals
        ("With", " ", "courtesy of Jane Roe, we"),  # blanks between 'With' and 'courtesy'
        ("Photo: Jane Roe", " ", "Manitoba RCMP"),  # blanks before a body's name that closes with its initials
    ],
)
def test_a_run_of_one_character_after_a_lead_in_stays_linear(catalog: Catalog, before: str, unit: str,
                                                               after: str) -> None:
    """A prefix, a long run of one character class and a suffix (hlinear's matrix found these), in the parser and in
    check_text, which reads the texts the parser finds no credit in."""
    def text(size: int) -> str:
        return before + unit * (size // len(unit)) + after

    def best(run: Callable[[str, Catalog], object], body: str) -> float:
        times = []
        for _ in range(3):
            started = time.process_time()
            run(body, catalog)
            times.append(time.process_time() - started)
        return min(times)

    for run in (parse_credit, check_text):
        run(text(3000), catalog)
        ratio = best(run, text(30000)) / max(best(run, text(3000)), 1e-4)
        assert ratio < LINEAR * SLACK, f"{before!r} {unit!r} {after!r}: {ratio:.1f} times slower for {LINEAR} times"


@pytest.mark.parametrize(
    ("pattern", "before", "after"),
    [
        (_BYLINE_HANDLE, "Picture: Social media", "By Ab x"),  # a byline's 'By' after blanks, no handle
        (_BYLINE_AFTER, "IMAGE: CNS photo/Ab", "By ab"),  # a byline's 'By' after blanks, no dateline
    ],
)
def test_a_byline_pattern_is_linear_on_a_run_of_blanks_by_itself(pattern: re.Pattern[str], before: str,
                                                                 after: str) -> None:
    """A byline pattern opening with blanks, tried only from a run's first: linear by itself, not only on the text
    markup.flatten leaves (which cuts a run of more than eight blanks)."""
    def best(body: str) -> float:
        times = []
        for _ in range(3):
            started = time.process_time()
            pattern.search(body)
            times.append(time.process_time() - started)
        return min(times)

    def text(size: int) -> str:
        return before + " " * size + after

    ratio = best(text(30000)) / max(best(text(3000)), 1e-4)
    assert ratio < LINEAR * SLACK, f"{pattern.pattern!r}: {ratio:.1f} times slower for {LINEAR} times the blanks"
