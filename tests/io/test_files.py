from __future__ import annotations

import time
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.io.files import decode_text, http_charset, read_article

PL_PAGE = ('<html><head><meta charset="iso-8859-2"><title>Gdańsk</title></head><body><figure><img src="a.jpg">'
           '<figcaption>Stocznia. Fot. Łukasz Żółwiński/PAP</figcaption></figure></body></html>')
TR_PAGE = ('<html><head><meta charset="iso-8859-9"></head><body><figure><img src="c.jpg"><figcaption>'
           'Liman. \u201cFoto: Ay\u015fe Y\u0131lmaz/AA\u201d</figcaption></figure></body></html>')
CN_PAGE = ('<html><head><meta charset="gb2312"></head><body><figure><img src="d.jpg">'
           '<figcaption>\u94c1\u8def\u3002\u6444\u5f71\uff1a\u5f20\u9555\u660e</figcaption></figure></body></html>')
HE_PAGE = ('<html><head><meta http-equiv="content-type" content="text/html; charset=ISO-8859-8-I"></head><body>'
           '<p>\u05e6\u05d9\u05dc\u05d5\u05dd: \u05d3\u05e0\u05d4 \u05dc\u05d5\u05d9</p></body></html>')
RU_PAGE = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>'
           '<figure><img src="b.jpg"><figcaption>Фото: Иван Петров/ТАСС</figcaption></figure></body></html>')


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Photo: Jane Doe/AP", "Photo: Jane Doe/AP"),  # plain UTF-8
        ("\ufeffФото: ТАСС".encode(), "Фото: ТАСС"),  # UTF-8 with a byte-order mark
        ("Photo: José Müller/dpa".encode("cp1252"), "Photo: José Müller/dpa"),  # Windows-1252
        # UTF-8 with one Windows-1252 byte: the UTF-8 letters stay themselves (the whole file was read as
        # Windows-1252: 'JosÃ© Ruiz')
        ("Photo: José Ruiz/AP".encode() + b" \xa9 2020", "Photo: José Ruiz/AP © 2020"),
        ("Photo: Ann Lee/AP".encode("utf-16"), "Photo: Ann Lee/AP"),  # UTF-16 by its byte order mark (Notepad)
        ("Photo: Ann Lee/AP".encode("utf-16-be"), None),  # UTF-16 without its mark: NUL bytes, refused
        ("Фото: ТАСС".encode("utf-32"), "Фото: ТАСС"),  # UTF-32 by its byte order mark
        # an old CMS's page in the charset its <meta> declares, as a browser reads it (it was read as
        # Windows-1252: 'Ôîòî: Èâàí Ïåòðîâ/ÒÀÑÑ', and 'Fot. £ukasz ¯ó³wiñski' lost its creator)
        (PL_PAGE.encode("iso-8859-2"), PL_PAGE),
        (RU_PAGE.encode("cp1251"), RU_PAGE),
        # a label read as the WHATWG Encoding standard reads it: ISO-8859-9 is Windows-1254 (its quotes
        # too), GB2312 is GBK (a name's character outside GB2312), ISO-8859-8-I is ISO-8859-8
        (TR_PAGE.encode("cp1254"), TR_PAGE),
        (CN_PAGE.encode("gbk"), CN_PAGE),
        (HE_PAGE.encode("iso8859-8"), HE_PAGE),
        # a page that is UTF-8 although its <meta> still says Latin-1 (a CMS moved to UTF-8): UTF-8 wins
        (PL_PAGE.replace("iso-8859-2", "iso-8859-1").encode(), PL_PAGE.replace("iso-8859-2", "iso-8859-1")),
        # a charset Python does not know: Windows-1252 as before
        ('<meta charset="x-user-defined-42"><p>Photo: José Müller/dpa</p>'.encode("cp1252"),
         '<meta charset="x-user-defined-42"><p>Photo: José Müller/dpa</p>'),
    ],
)
def test_read_article_decodes(tmp_path: Path, data: bytes, expected: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    if expected is None:
        with pytest.raises(InputError, match="NUL bytes"):
            read_article(path)
    else:
        assert read_article(path) == expected


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, "no such file"),  # never created
        (lambda p: p.mkdir(), "is a folder"),  # a folder
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "not a text file"),  # binary
        # a byte Windows-1252 leaves undefined, and where it is
        (lambda p: p.write_bytes(b"Photo: \x81 Ann"), "neither UTF-8 nor Windows-1252 text (byte 0x81 at offset 7)"),
        # a UTF-16 mark over an odd number of bytes
        (lambda p: p.write_bytes(b"\xfe\xff\x00P\x00h\xd8"), "starts with a UTF-16 byte order mark but is not UTF-16"),
    ],
)
def test_read_article_errors_name_the_file(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "article.txt"
    make(path)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert str(path) in str(info.value)
    assert reason in str(info.value)


def test_read_article_never_modifies_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Photo: Jane Doe/AP\r\n")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_article(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_charset_prescan_of_a_hostile_head_is_quick(tmp_path: Path) -> None:
    """50,000 characters of unclosed <meta tags before a byte that is not UTF-8: read in linear time."""
    path = tmp_path / "a.html"
    path.write_bytes(b"<meta charset" * 4000 + b"<meta " * 4000 + b"\xe9")
    started = time.process_time()
    assert read_article(path).endswith("é")
    assert time.process_time() - started < 1.0


def test_a_declared_charset_that_is_no_text_encoding_is_not_used(tmp_path: Path) -> None:
    """unicode_escape would turn a caption's `\\u202e` into a right-to-left override: only legacy web charsets."""
    path = tmp_path / "a.html"
    path.write_bytes(b'<meta charset="unicode_escape"><p>Photo: Jos\xe9 \\u202eRuiz</p>')
    assert read_article(path) == '<meta charset="unicode_escape"><p>Photo: José \\u202eRuiz</p>'


@pytest.mark.parametrize(("data", "charset", "expected", "how"), [
    pytest.param("Fot. Łukasz".encode("iso8859-2"), "ISO-8859-2", "Fot. Łukasz", "ISO-8859-2 (HTTP charset)",
                 id="the HTTP charset"),
    pytest.param("<meta charset=iso-8859-2>Фото".encode("cp1251"), "windows-1251", "<meta charset=iso-8859-2>Фото",
                 "windows-1251 (HTTP charset)", id="the HTTP charset before the meta"),
    pytest.param("<meta charset=windows-1251>Фото".encode("cp1251"), "x-no-such-label",
                 "<meta charset=windows-1251>Фото", "windows-1251 (<meta> charset)", id="an unknown label: the meta"),
    pytest.param(b"\xef\xbb\xbfFoto: J\xc3\xb6rg", "windows-1251", "Foto: Jörg", "UTF-8 (byte order mark)",
                 id="a byte order mark before the HTTP charset"),
    pytest.param("Fot. Łukasz".encode("cp1250"), None, "Fot. £ukasz", "windows-1252 (guessed)",
                 id="no declaration: a guess"),
    pytest.param("Foto: Jörg".encode("cp1252"), "iso-8859-1", "Foto: Jörg", "windows-1252 (HTTP charset)",
                 id="Latin-1 declared is Windows-1252, not a guess"),
])
def test_decode_text_in_the_whatwg_order(data: bytes, charset: str | None, expected: str, how: str) -> None:
    decoded = decode_text("page", data, charset)
    assert (decoded.text, decoded.how) == (expected, how)
    assert decoded.guessed == how.endswith("(guessed)")


@pytest.mark.parametrize(("content_type", "label"), [
    ("text/html; charset=ISO-8859-2", "ISO-8859-2"), ('text/html;charset="windows-1251"', "windows-1251"),
    ("text/plain; format=flowed; Charset = koi8-r ", "koi8-r"), ("text/html", None), ("", None),
])
def test_http_charset(content_type: str, label: str | None) -> None:
    assert http_charset(content_type) == label


def test_a_guess_says_why_it_was_one() -> None:
    assert decode_text("a", "Fot. Łukasz".encode("iso8859-2")).guess() == (
        "not UTF-8 and no encoding declared; read as windows-1252, a guess (in another legacy encoding, such as "
        "ISO-8859-2 or windows-1250, its letters outside ASCII would be others)")
    unfit = decode_text("a", b"Photo: \x98 J\xf6rg", "windows-1251").guess()  # 0x98 is no windows-1251 letter
    assert unfit is not None
    assert unfit.startswith("not UTF-8 nor the windows-1251 (HTTP charset) it declares; read as windows-1252")
    assert decode_text("a", "Фото".encode("cp1251"), "windows-1251").guess() is None


@pytest.mark.parametrize("declared", ["http", "meta"])
def test_a_utf8_byte_order_mark_wins_over_any_declaration_even_with_stray_bytes(declared: str) -> None:
    """The standard's order is BOM > HTTP > <meta>: a UTF-8 mark is UTF-8 whatever the page declares. Its mark
    was read as windows-1251 letters (`п»ї`) when a byte after it was not UTF-8 (the earlier row of this order
    had only valid UTF-8 after its mark, which the UTF-8 reading takes before any declaration)."""
    body = "Фото: Jörg".encode() + b" \x96 Kiev"  # one stray Windows-1252 dash
    head = b"<meta charset=windows-1251>" if declared == "meta" else b""
    decoded = decode_text("page", b"\xef\xbb\xbf" + head + body, "windows-1251" if declared == "http" else None)
    assert decoded.text == head.decode() + "Фото: Jörg – Kiev"
    assert decoded.how == "UTF-8 (byte order mark)"
    assert decoded.guess() is None


@pytest.mark.parametrize("label", ["gbk", "gb2312", "GB_2312-80", "x-gbk", "chinese", "gb18030"])
def test_a_gbk_label_is_read_by_the_gb18030_decoder(label: str) -> None:
    """The standard's GBK decoder is gb18030's (its four-byte sequences, and 0x80 as the euro sign): Python's
    gbk codec refused them and the page was a windows-1252 guess."""
    text = "摄影：王小明 𠀀"
    decoded = decode_text("page", text.encode("gb18030"), label)
    assert decoded.text == text
    assert not decoded.guessed
    assert decode_text("page", "价格 ".encode("gbk") + b"\x80" + b"5", label).text == "价格 €5"


def test_a_guess_past_a_declared_utf8_says_so_plainly() -> None:
    assert decode_text("a", "Fot. Łukasz".encode("iso8859-2"), "utf-8").guess() == (
        "declared UTF-8 (HTTP charset), but not UTF-8; read as windows-1252, a guess (in another legacy encoding, "
        "such as ISO-8859-2 or windows-1250, its letters outside ASCII would be others)")


@pytest.mark.parametrize("where", ["http", "meta"])
def test_a_declared_iso_2022_jp_is_read_though_its_bytes_are_ascii(where: str) -> None:
    """ISO-2022-JP is seven-bit: its bytes are valid UTF-8, so the rule that valid UTF-8 stays UTF-8 (right for
    8-bit legacy charsets, whose text is almost never valid UTF-8) read its Japanese as escape codes and
    letters (`\\x1b$B;#1F` for 撮影)."""
    head = "<meta charset=iso-2022-jp>" if where == "meta" else ""
    text = head + "撮影：山田太郎"
    decoded = decode_text("page", text.encode("iso2022_jp"), "ISO-2022-JP" if where == "http" else None)
    assert decoded.text == text
    assert decoded.how.startswith("ISO-2022-JP (")
    assert decode_text("page", b"Photo: Jane Doe", "iso-2022-jp").text == "Photo: Jane Doe"
