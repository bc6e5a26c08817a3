"""Photographer marks of Chinese, Japanese and Korean captions, in their own word order.

  新华社记者殷博古摄 / 新华社记者梁旭 摄   agency + 记者 (reporter) + name + 摄 (photographed)
  中央社記者王飛華攝 / 新華社記者 李學仁 攝  the same in traditional characters (記者, 攝, 發: Taiwan, Hong Kong)
  刘力鑫 摄                              name + 摄
  宮武祐希撮影 / 撮影者は北山夏帆、宮武祐希   name + 撮影, or 撮影者は (the photographer is) + names
  [NBC-1TV 이석아 기자] / 사진=이석아 기자   outlet + name + 기자 (reporter)
  … 맞고 있다. /강은구 기자 egkang@…      a staff photographer's name + 기자 after the caption, a slash before
  … 환호하고 있다.⏎인천 | 김민성 기자 m@…  the same on a line of its own, the place and a bar before it
  … 기다리는 모습입니다. 효피디            a name alone after the caption's last sentence

Each is rewritten as 'name/agency' and read by the same field rules as any other credit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from provenance.parse.credit_spans import Segment

# An outlet before 记者 (reporter) or 发 (released by): a name ending with 社 (agency), 网 (site), 台 (station) or 报
# (paper); a colon ends a label, never a part of the name.
_OUTLET = r"[^\s，。、,()（）:：]{1,8}?(?:社|网|網|台|报|報)"
# What a caption puts before the outlet and is no part of it: 图为 (pictured), 图 or 图片 (picture) and a colon, 据
# (according to): '图为新华社记者 李明 摄'.
_LEAD = r"(?:(?:图为|圖為|图片|圖片|图|圖|据|據)[:：]?\s*)?"
# 本报, 本台, 本网, 本社: 'this paper', 'this station': the publication itself, no name.
_OWN_OUTLET = re.compile(r"^本.$")

# '…맞고 있다. /강은구 기자 egkang@hankyung.com': the staff photographer after the caption's last sentence, a slash
# before the name, an e-mail, a date or the line's end after 기자; a byline ('홍길동 기자 hong@…') has no slash
_SLASH_REPORTER = re.compile(r"(?m)(?:(?<=[.)])|^)[ \t]*/[ \t]*(?P<name>[가-힣]{2,4})[ \t]*기자"
                             r"(?=[ \t]+[\w.-]+@|[ \t]+\d{4}\.\d|[ \t]*\r?$)")
# '… 환호하고 있다.\n인천 | 김민성 기자 marineboy@donga.com': a sports paper's photographer signs the caption on a line
# of its own, the place of the game and a bar before the name (or another word: '평양공연 이호정 기자'), 기자 and
# the e-mail; the same signature closes an article ('… 밝혔다.\n홍길동 기자 hong@…'), so only after a caption's scene
_SIGNED_REPORTER = re.compile(r"(?m)(?<=\n)[ \t]*(?:[가-힣]{2,8}[ \t]*\|[ \t]*|[가-힣]{2,8}[ \t]+)?"
                              r"(?P<name>[가-힣]{2,4})[ \t]*기자[ \t]+[\w.-]+@[\w-]+(?:\.[\w-]+)+[ \t]*(?=\r?$)")
# a photo caption is short: a signature after more sentences than this closes an article
_CAPTION_SENTENCES = 4
# a picture credited before the signature ('사진 = 사진공동취재단'): the signature is the page's byline
_PHOTO_LABEL = re.compile(r"사진\s*[=|:]")
# A Korean photo caption tells the scene in the present progressive ('… 백신을 맞고 있다.', 'is getting the vaccine'):
# a '/Name 기자' after a text with no such sentence closes an article ('… 밝혔다. /김현진기자 stari@…'), a byline
_SCENE_NOW = "있다"
# A signature line needs the scene to close a sentence ('… 환호하고 있다.'): '… 알고 있다고 말했다.' is reported speech
_SCENE_SENTENCE = re.compile(r"있다\.")
# an article reports what someone said ('…라고 말했다.', '…다고 밝혔다.'): a caption tells a scene, an article ends so
_REPORTED = re.compile(r"고\s?(?:말했|밝혔|전했|설명했|강조했|덧붙였|주장했)다\.")
# Each pattern with the marks a text must hold for it to match: a text with none of them skips its scan.
_PATTERNS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("记者", "記者"),
     re.compile(_LEAD + r"(?P<org>" + _OUTLET + r")?[记記]者\s*(?P<name>[^\s，。、,()（）摄攝]{2,4})\s*[摄攝](?!影)")),
    # 新华社发 张伟 摄, 新华社发（张伟 摄）: released by the agency (发), the photographer's name, 摄
    (("发", "發"), re.compile(
        _LEAD + r"(?P<org>" + _OUTLET + r")[发發]\s*(?P<open>[（(])?\s*(?P<name>[^\s，。、,()（）摄攝]{2,4})"
        r"\s*[摄攝](?!影)(?(open)[）)])"
    )),
    (("摄", "攝"), re.compile(r"(?:^|(?<=[\s。，]))(?P<name>[^\s，。、,()（）]{2,4})\s+[摄攝](?!影)")),
    (("撮影者は",), re.compile(r"撮影者は(?P<name>[^。\n]{2,40})。?")),
    # the mark closes the credit: '…、写真撮影に応じる首相' (poses for photos) is a verb of the caption, no name
    (("撮影",), re.compile(r"(?:^|(?<=[\s「」。、=＝]))(?P<name>[^\s「」『』。、=＝()（）]{2,8}?)撮影(?!者)"
                          r"(?=$|[\s。、，,.)）」』】\]])")),
    (("기자",), re.compile(r"\[(?P<org>[^\[\]\s]{2,20})\s+(?P<name>[^\[\]\s]{2,4})\s+기자\]")),
    (("사진",), re.compile(r"사진\s*=\s*(?P<name>[^\s\[\]()]{2,4})\s*기자")),
    (("기자",), _SLASH_REPORTER),
    (("기자",), _SIGNED_REPORTER),
    # a Korean caption signed with the photographer's name or nickname alone after its last sentence
    (("다.", "요."),
     re.compile(r"(?m)(?<=[다요]\.[ \t])(?!사진|자료|제공|출처|캡처)(?P<name>[가-힣]{2,5})(?<![다요죠음])"
                r"[ \t]*(?=\r?$)")),
)


def cjk_segments(text: str) -> Iterator[Segment]:
    """The CJK photographer marks in a text, each rewritten as 'name/agency'."""
    if text.isascii():
        return
    for marks, pattern in _PATTERNS:
        if not any(mark in text for mark in marks):
            continue
        for match in pattern.finditer(text):
            if pattern is _SLASH_REPORTER and _SCENE_NOW not in korean_block(text, match.start()):
                continue  # '… 밝혔다. /김현진기자 stari@…': an article's byline closing its text, no caption before it
            if pattern is _SIGNED_REPORTER and not _signs_a_caption(korean_block(text, match.start())):
                continue
            parts = match.groupdict()
            org = parts.get("org") or ""
            org = "" if _OWN_OUTLET.match(org) else org
            rewrite = f"{parts['name']}/{org}" if org else parts["name"]
            yield Segment(match.start(), match.end(), match.start(), rewrite=rewrite)


_HANGUL = re.compile(r"[가-힣]")
_LATIN_SENTENCE_END = re.compile(r"[a-z]{4}\.[ \t\r]*$")  # a line closed by a sentence in Latin letters
_BLOCK_LINES = 40  # lines a Korean caption or article's block is read back at most (more: an article's)


def korean_block(text: str, end: int) -> str:
    """The Korean text a signature at `end` closes: its line before it and the lines above, back to a blank line
    above some text (blank lines between a caption and its signature are passed) or a line with no Hangul, or above
    those blank lines a line closed by a sentence in Latin letters (where a chunk's cut may fall), at most
    _BLOCK_LINES. Never the whole text before
    it: in a digest of captions each signature reads its own caption (and a paste checked in chunks reads each the
    same: a chunk starts after an ASCII line, where a block ends)."""
    start = text.rfind("\n", 0, end) + 1
    read = False  # a line of text above the signature's line taken
    blank = False  # the line below the one read is blank (a cut may fall above a blank line, never above Hangul)
    for _ in range(_BLOCK_LINES):
        if start == 0:
            break
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above : start - 1]
        if not line.strip():
            if read:
                break
        elif _HANGUL.search(line) is None or blank and _LATIN_SENTENCE_END.search(line):
            break
        else:
            read = True
        blank = not line.strip()
        start = above
    return text[start:end]


def _signs_a_caption(before: str) -> bool:
    """The text before a signature line is a photo caption: a scene in the present progressive closing a sentence, a
    few sentences at most, no reported speech and no other picture credit."""
    return (_SCENE_SENTENCE.search(before) is not None and before.count("다.") <= _CAPTION_SENTENCES
            and not _REPORTED.search(before) and not _PHOTO_LABEL.search(before))
