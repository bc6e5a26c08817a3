"""What one link of a credit's chain is: a role, a source the catalog knows, an organisation or a person.

`label_text` labels a link's text, from the catalog first and then by the shape of its words: a role that names no
one (Pool, Handout, Staff, File), a source the catalog knows (its alias, or a shape around one: 'Reuters file photo',
'NASA/JPL-Caltech', 'Reprodução/Instagram', '@handle/Twitter', a Korean or Chinese provider's 'X 제공', 'X提供'), an
organisation that looks like one (credit_orgs), a person's name after a rank or job dropped (credit_words.RANK), or
nothing (a sentence, a date, a file's name: an empty field costs less than an invented one). A link is a `Link`:
its text, its place in the credit and its label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.catalog.load import Catalog
from provenance.catalog.names import fold_source_name, looks_like_person
from provenance.catalog.sources import match_source
from provenance.model import Source
from provenance.parse.credit_citations import Citation, heritage_name, portrait, read_citation
from provenance.parse.credit_orgs import (
    PUBLIC_BODY_KINDS,
    is_organisation,
    looks_like_organisation,
    public_body,
    qualified_source,
)
from provenance.parse.credit_words import (
    ACCOUNT_WORDS,
    COMMON_WORDS,
    COMPANY_FORM_NAMES,
    CONTRIBUTOR_WORDS,
    CONTRIBUTORS,
    COUNTRIES,
    FORM_WORDS,
    HANDLE_BODY_ENDINGS,
    HANDLE_BODY_WORDS,
    HEADING_WORDS,
    JOB_WORDS,
    KICKER_WORDS,
    KIN_WORDS,
    LIST_ARTICLES,
    NEWS_PAGE_WORDS,
    NEWSPAPER_WORDS,
    NOT_A_NAME,
    NOT_A_PHOTOGRAPHER,
    NOT_AN_OUTLET,
    OPEN_END_WORDS,
    ORGANISATION_WORDS,
    PERSON_JOB_WORDS,
    PLACE_FIRST_IN_CAPITALS,
    PLACE_LAST_IN_CAPITALS,
    PLACE_OPENINGS,
    POST_INITIALS,
    PUBLICATION_WORDS,
    RANK,
    REGION_PLACE_OPENINGS,
    ROLES,
    SHOWN_BEFORE_NAME,
    SPORT_WORDS,
    TRADE_NOUNS,
    capitals_name_by_words,
    lead_in_text_match,
)
from provenance.parse.scan import may_hold

# 'AA Photo', 'PTI image', 'HT File' (an Indian paper's archive mark after the agency or the paper, 'FREE PRESS FILES':
# '(Jane Roe / PTI File)'), a platform's screen capture ('@janeroe/Twitter screengrab')
# ('Daily Texan file photos': the paper's archive mark)
PHOTO_SUFFIX = re.compile(r"(?i)\s+(?:(?:file[ \t]+)?(?:photo(?:graph)?s?|foto)|image|files?|screen[ \t]?grab|"
                           r"screenshot|pic|nuotr(?:\.|auk(?:a|os))?)(?:\s+by)?$")  # Lithuanian 'LRT nuotr.' (photo)
_PHOTO_SUFFIX_WORDS = ("photo", "foto", "image", "file", "screen", "pic", "nuotr")  # one is in every match, lowered

_COURTESY = re.compile(  # 'Courtesy of', 'cortesía del', 'cortesia da', 'per gentile concessione di', Indonesian
    # 'Dok.', Indian papers' 'Kind courtesy'
    r"(?i)^(?:(?:photo(?:graph)?s?|(?:digital\s+)?images?|foto|webcam|video)\s+)?"
    r"(?:(?:kind(?:ly)?\s+)?courtesy|cortes[íi]a|cedid[ao]s?(?=\s+por\s)|per\s+gentile\s+concessione|dok\.|dokumentasi)"
    r"(?:\s+(?:photo|of|del?|da|do|di|dell[ao]?|por))?\s*(?:[:]|,(?=\s+(?-i:[^\W\d_a-z])))?\s*"
)
_ARTIST_AND = re.compile(r"(?i)^the\s+artists?\s+and\s+(?=\S)")  # 'Courtesy the artist and Gallery X': the lender
# What follows 'the artist and' when it names a lender: a name's capital or digit ('Vale Fontaine', '303 Gallery',
# 'the Estate of Jane Roe'); a common noun ('the gallery', 'her family', 'private collection') names no one
_LENDER_NAME = re.compile(r"^(?:(?:the|The|THE)\s+)?[^\W_a-z]")

_LICENSE_WORDS = re.compile(
    r"(?i)^(?:cc[\s-]?(?:by|0|zero)\b.*|public\s+domain|(?-i:PublicDomain)|gfdl|all\s+rights\s+reserved|creative\s+commons(?:\s+licen[sc]e)?)$"
)
# A unit's, mission's or instrument's name in one word, as public bodies credit them with theirs: two capitals in a
# row or a letter then a digit, and a lower-case letter or digit ('UArizona', 'CaSSIS', 'SwRI', 'Hayabusa2'). A
# surname has one capital to a part ('McDonald', 'DeLuca'), or is in capitals throughout ('JOHNSTON'): never one.
UNIT_WORD = re.compile(r"^(?=\S*(?:[A-Z]{2}|[A-Za-z]\d))(?=\S*[a-z\d])[A-Za-z][A-Za-z\d-]*$")
_YEAR_END = re.compile(r"\s+(?:19|20)\d\d$")
_YEAR_PIECE = re.compile(r"^(?:c\.\s*)?1[0-9]\d\d(?:[-–/]\d{2,4})?(?:\s*\([^()]*\))?$")  # '1868-69', 'c. 1660'
_DATA = re.compile(r"(?i)^(?:contains\s+)?(?:modified\s+)?[^,]{2,60}\sdata\b")  # 'contains modified X data (2019)'
_DATA_SOURCE = re.compile(r"(?i)^data[ \t]+sources?[ \t]*[:：]")  # a chart's data-source field
_STAFF_OUTLETS = frozenset({"publisher", "agency", "state-media"})  # whose staff a credit names
# A generator's model version or its kind after its name ('Midjourney v6', 'Midjourney 6.0', 'Midjourney AI Image
# generator using the prompt', 'Midjourney by the author'): dropped where the name before it is a generator the
# catalog knows.
_GENERATOR_ENDS = ("generator", "Generator", "prompt", "author", ")")
_GENERATOR_TAIL = re.compile(
    r"(?i)[ \t]+(?:v?\d+(?:\.\d+)*|(?:ai[ \t]+)?(?:image[ \t]+)?generator(?:[ \t]+using[ \t]+the[ \t]+prompt)?|"
    r"using[ \t]+the[ \t]+prompt|by[ \t]+the[ \t]+author)$|"
    r"[ \t]*\([^()\n]{2,40}\)$")  # and its maker in brackets: 'DALL·E (OpenAI)'
# A print 'after' the designer of its drawing ('Photolithograph by Sprague after C. Holden'): the maker is before it
_AFTER_DESIGN = re.compile(r"^(?P<name>[^,]{2,60}?)[ \t]+after[ \t]+(?-i:[A-Z])[^,]{1,60}$")
# The credit the Copernicus legal notice asks for, alone: 'Contains modified Copernicus Sentinel data 2026',
# 'Copernicus Sentinel data (2016-2020)'; the data programme is the organisation (a body that processed the data
# after a comma is read by _PROCESSED_BY)
_SENTINEL_NOTICE = re.compile(
    r"(?i)^(?:contains\s+)?(?:modified\s+)?(?P<name>copernicus\s+sentinel)(?:-\d[a-z]?)?\s+data"
    r"(?:\s*[(\[]?\d{4}(?:\s*(?:-|–|to)\s*\d{4})?[)\]]?)?\.?$")
_PROCESSED_BY = re.compile(r"(?i)^(?:image\s+)?processed\s+by\s+(?:the\s+)?(?P<name>\S.*)$")

# A picture's file name ('`tchad-airport.jpg` — Jane Roe / Flickr (CC BY 2.0)', a README's list of asset credits): what
# is credited, no name.
_FILE_NAME = re.compile(r"(?i)^`?[\w.-]{1,80}\.(?:jpe?g|png|gif|svg|webp|tiff?|bmp|heic|avif|mp4|webm|mov)`?$")

# A military service named bare before a rank ('Army Sgt. Jane Roe', 'Air Force Staff Sgt. …', as the Department of
# Defense credits its photographers): the person's service, no body of the chain.
_BRANCH_BEFORE_RANK = re.compile(r"(?i)(?:army(?:[ \t]+(?:national[ \t]+guard|reserve))?|navy|"
                                 r"air[ \t]+force(?:[ \t]+reserve)?|marine[ \t]+corps|marines|coast[ \t]+guard|"
                                 r"space[ \t]+force|(?:air[ \t]+)?national[ \t]+guard)[ \t]+")
# A picture library's asset number in a chain ('© UNICEF/NYHQ2010-1862/Jane Roe', '© UNICEF/UN0645387/Roe'): capitals,
# then five digits or more, or a year and a serial ('NYHQ2010-1862', whose serial the chain's date trim may take), no
# name (a username's few digits are one: 'NM3792').
_ASSET_CODE = re.compile(r"^(?:[A-Z]{1,6}\d{5,10}|[A-Z]{3,6}(?:19|20)\d\d)(?:[-–]\d{2,8})?$")
_LICENSE_INSIDE = re.compile(r"(?i)\bcc[\s-]|\bcc0\b|licen[sc]|https?:|www\.|public\s+domain|\bgfdl\b")

DISTRIBUTOR_KINDS = frozenset({"agency", "stock", "state-media"})

# 'X 제공', 'X提供': provided by X (a Korean or Japanese courtesy credit); what is left is the name.
_PROVIDED = re.compile(r"\s*(?:제공|提供|자료\s?사진|DB)$")  # '연합뉴스 자료사진', '뉴스1 DB': the agency's file photo
_KOREAN_BODY = re.compile(r"[가-힣](?:시|군|구|도|청|처|부)$")  # '서울시', '강남구': a city, district or ministry

# Who 'provided' a picture ('(圖/樂天桃猿提供)', '(사진=한화 이글스 제공)'): a club, company or office, whose name is
# longer than a person's: four Chinese characters or more (a Chinese name has two or three; a Japanese person who
# provides a picture is written with さん or 氏, no Han character), or Korean words with a space between them (a Korean
# name is one word), unless the last word is a person's title ('홍길동 씨', '김하늘 기자')
_HAN_PROVIDER = re.compile(r"^[\u4e00-\u9fff]{4,12}$")
_HANGUL_PROVIDER = re.compile(r"^[가-힣A-Za-z0-9]{1,12}(?:[ \t][가-힣A-Za-z0-9]{1,12}){1,3}$")
_PERSON_TITLES = frozenset(("씨", "님", "기자", "작가", "선생", "선생님", "교수", "감독", "선수", "대표", "원장"))


def _provider_body(name: str) -> bool:
    """'樂天桃猿', '한화 이글스': a provider's name too long, or of too many words, for a person's."""
    if _HAN_PROVIDER.match(name):
        return True
    return bool(_HANGUL_PROVIDER.match(name)) and "가" <= name[:1] <= "힣" \
        and name.rsplit(None, 1)[-1] not in _PERSON_TITLES
# A Korean body's name wherever it stands ('사진=국방부', '[사진 제공=대통령실]'), by its last syllables: a ministry,
# agency or city of three syllables or more, a district, province, county or office of four or more (a person's name
# of three may end in 구, 도, 군 or 실: '김민구', '김태군', '이은실'), or a word that only bodies end with; a person's
# name is two to four syllables of no such end; a company by its form ('주식회사', Co., Ltd.) or an entertainment
# agency's, label's or studio's word ('딜라잇컴퍼니주식회사', 'OO엔터테인먼트')
_KOREAN_BODY_NAME = re.compile(r"^[가-힣]{2,}(?:시|부|청|처)$|^[가-힣]{3,}(?:구|도|군|실)$|"
                               r"^[가-힣]+(?:위원회|연구소|연구원|재단|공사|공단|협회|병원|대학교|대학|학교|경찰서|소방서|"
                               r"박물관|미술관|도서관|대사관|사무소|본부|센터|"
                               r"주식회사|컴퍼니|엔터테인먼트|엔터|프로덕션|스튜디오|레코즈|뮤직)$|"
                               r"^(?:주식회사|㈜)[가-힣]+$")
# A pool's name in a chain: the rota ('WPA Pool', Reuters' 'POOL New') or an agency's pool ('AFP Pool', 'Reuters
# Pool'): how the image came; the agency, where one is named, is the organisation. The word before must be a
# known source or in capitals: 'Smiley N. Pool' is a photographer.
_POOL_LINK = re.compile(r"(?i)^(?:(?P<head>.{1,40}?)\s+pool(?:\s+photo)?|pool\s+(?P<tail>\S{1,20}))$")
# AFP's stringer with a country's code before it ('CN-STR/AFP'): a role, no name
_STRINGER_CODE = re.compile(r"^[A-Z]{2,3}-STR$")
# AP's comma form of a pool credit closes with the pool ('Jane Roe, Sputnik, Kremlin Pool Photo via AP', 'Jane Roe,
# Pool Photo via AP'): the last piece is how the image came, not part of the agency's name. Written as 'Pool Photo'
# after a word or two in capitals only: 'Jane Roe, Smiley N. Pool' names a photographer.
_COMMA_POOL = re.compile(r",[ \t]+(?:(?:[A-Z][\w.-]*[ \t]+){1,2}(?:Pool|POOL)[ \t]+(?:Photo|PHOTO)|"
                         r"Pool(?:[ \t]+Photo)?|"
                         r"POOL(?:[ \t]+PHOTO)?)$")
# An outlet's staff ('WIRED Staff', 'Globe staff photographer'): no person named; the outlet is the organisation.
_STAFF_LINK = re.compile(r"(?i)^(?P<head>.{1,40}?)\s+staff(?:\s+(?:photo(?:grapher)?|picture))?$")
_THE_TITLE = re.compile(r"^(?:The|THE)[ \t]+(?=\S+[ \t])")  # a paper's title with its article ('The Daily Texan Staff')
# A town and a region code after a person's name ('Adelaide SA', 'Calgary, AB', 'Port Augusta, SA'): codes that are
# also company forms (COMPANY_FORMS) read as the place, not a company, after one word or two and a comma.
# A US state as the AP abbreviates it ('Princeton, N.J.', 'Pasadena, Calif.') is a place the same way.
_PLACE = re.compile(r"^[A-Z][\w'’.-]+(?:,?[ \t]+|[ \t]+[A-Z][\w'’.-]+,[ \t]+)(?:SA|AB|AS|NV)$")
_US_PLACE = re.compile(r"^[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+)?,[ \t]+(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|"
                    r"Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.[HJMYCD]|Okla|Ore|Pa|R\.I|S\.[CD]|"
                    r"Tenn|Vt|Va|Wash|W\.Va|Wis|Wyo|D\.C)\.?$")
# The words of a handle: 'CityofHarwick' -> 'Cityof', 'Harwick' (a glued 'of' is taken off after); 'NWSHarwick' ->
# 'NWS', 'Harwick'; 'harwick_museum' -> 'harwick', 'museum'.
_HANDLE_WORDS = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+")
# A person's own account on a platform ("Jane Roe's Facebook page", "JANE ROE'S INSTAGRAM ACCOUNT"): the person made
# or posted the picture; the platform is the via.
_OWNED_THINGS = r"(?:page|account|profile|feed|post|story|stories|channel|website|site|blog|archives?|collection)"
# (Nepali writes the genitive glued to the name, in its script or after a Latin one: 'तस्बिरः Jane Roeको फेसबुक', Jane
# Roe's Facebook)
_POSSESSIVE_ACCOUNT = re.compile(r"(?i)^(?P<name>[^\W\d_][^/,;:]{1,60}?)"
                                 r"(?:['’]s|(?:(?<=[^\W\d_])|(?<=[^\x00-\u024f]))को)[ \t]+(?:"
                                 + _OWNED_THINGS + r"|"
                                 r"(?P<platform>[\w.\u0900-\u097f]{1,20})(?:[ \t]+" + _OWNED_THINGS + r")?)$")
_ACCOUNT = re.compile(
    r"(?i)^(?P<platform>.{2,40}?)[ \t-]+(?:user|member|account|nutzer(?:in)?|utilisat(?:eur|rice)|usuari[oa]|"
    r"usuári[oa]|utente|użytkownik|пользователь|користувач)[ \t]+(?P<name>\S{2,40})$|"
    r"^(?P<platform2>.{2,40}?)(?:[ \t]*:)?[ \t]+(?P<handle>@\S{2,40})$"  # 'Twitter @PoliciaCiudad', 'Instagram: @x'

)


@dataclass(frozen=True)
class Link:
    """One link of the chain as written: its text, where it stands, and what it is."""

    text: str
    start: int
    end: int
    label: str  # role | source | organisation | person | unknown
    source: Source | None = None
    creator: str = ""  # for a link "Person, Organisation": the person


# A description in lower case, a comma between phrases of two or more words each ('silicon nanowire array, scanning
# electron micrograph'): what the picture shows, never a person's name in lower case ('graham earnshaw')
_LOWER_DESCRIPTION = re.compile(r"^[a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*)+(?:,[ \t]*[a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*)+)+$")

# A subject's name marked as a file picture, as dts writes it ('Foto: Jane Roe (Archiv), via dts Nachrichtenagentur'):
# the person shown, no party of the credit (a source the catalog knows so marked is the credit: 'Foto: dpa (Archiv)').
_FILE_PICTURE_OF = re.compile(r"(?i)\s\((?:archiv|archivbild|archivfoto|archive|archives|archivo|symbolbild)\)$")


def _repeated_role(folded: str) -> bool:
    """'HANDOUT HANDOUT': one role word written again and again (EPA's handout mark in its credit field), no name."""
    first, _, rest = folded.partition(" ")
    return bool(rest) and first in ROLES and all(word == first for word in rest.split())


def label_text(catalog: Catalog, text: str) -> Link:
    start, end = 0, len(text)
    if _LOWER_DESCRIPTION.match(text):  # 'silicon nanowire array, scanning electron micrograph': what is shown
        return Link(text, start, end, "unknown")
    if _DATA_SOURCE.match(text):  # '… | Data Source: Our World in Data' after a chart's maker: its data's source, no
        return Link(text, start, end, "role")  # party to the picture
    if "`" in text:  # '(`source/source.jpg`, the publisher's JPEG)': a file's path written as code (cut at its slash
        return Link(text, start, end, "unknown")  # into links), and no name holds a backtick
    lead = lead_in_text_match(text)
    if lead and lead.end() < len(text):
        start += lead.end()
        text = text[lead.end():]
    notice = _SENTINEL_NOTICE.match(text) if text[:1] in "CcMm" else None
    if notice is not None:  # 'Contains modified Copernicus Sentinel data 2026': the programme's legal notice
        at = start + notice.start("name")
        source = match_source(catalog, notice.group("name"))
        return Link(notice.group("name"), at, at + len(notice.group("name")), "source" if source else "organisation",
                    source)
    courtesy = _COURTESY.match(text)
    if courtesy and courtesy.end() < len(text):
        start += courtesy.end()
        text = text[courtesy.end():]
    if text.startswith("the ") and len(text) > 4 and match_source(catalog, text[4:].partition(",")[0]) is not None:
        start += 4  # 'Courtesy of the Metropolitan Museum of Art': the article of the sentence, not of the name
        # (also before the body's units: 'Courtesy of the Smithsonian Institution, National Museum of …')
        text = text[4:]
    artist = _ARTIST_AND.match(text) if text.startswith(("the ", "The ", "THE ")) else None
    if artist is not None:
        start += artist.end()
        text = text[artist.end():]
        if not _LENDER_NAME.match(text):
            return Link(text, start, end, "role")  # 'Courtesy the artist and the gallery', '… and her family': no name
        if match_source(catalog, text) is None and not _LICENSE_WORDS.match(text):
            # 'Courtesy the artist and Lehmann Maupin, New York': the one who lends with the artist is the gallery
            # that represents them, an organisation even when named after people (and its city, as written)
            return Link(text, start, end, "organisation")
    provided = _PROVIDED.search(text) if text.endswith(("제공", "提供", "사진", " DB")) and not text.isascii() else None
    if provided and provided.start() > 0:  # '서울시 제공': the name without 'provided'
        end -= len(text) - provided.start()
        text = text[: provided.start()]
        if (_KOREAN_BODY.search(text) or _provider_body(text)) and match_source(catalog, text) is None \
                and fold_source_name(text) not in ROLES:  # '(圖/主辦單位提供)', '주최 측 제공': a role, no name
            return Link(text, start, end, "organisation")
    if text.endswith("more") and text[-5:-4].isalpha() and match_source(catalog, text[:-4]) is not None:
        end -= 4  # '© Copyright: Jane Roe / XPB Imagesmore': a gallery's 'more' button glued to the agency's name
        text = text[:-4]
    pooled = _COMMA_POOL.search(text) if "ool" in text or "OOL" in text else None
    if pooled is not None and pooled.start() > 0:
        end -= len(text) - pooled.start()
        text = text[: pooled.start()]
    filed = _FILE_PICTURE_OF.search(text) if text.endswith(")") else None
    archived = match_source(catalog, text[: filed.start()]) if filed is not None else None
    if filed is not None and archived is not None:  # 'Foto: EFE (Archivo)', 'Foto: dpa (Archiv)': the agency's file
        return Link(text[: filed.start()], start, start + filed.start(), "source", archived)  # picture, its credit
    folded = fold_source_name(text)
    if folded in ROLES or folded.removeprefix("the ") in ROLES or _repeated_role(folded) or _COURTESY.fullmatch(text) \
            or text.endswith("-STR") and _STRINGER_CODE.match(text) \
            or _LICENSE_WORDS.match(text) or text.endswith(")") and _FILE_PICTURE_OF.search(text) \
            or "." in text and _FILE_NAME.match(text) or _ASSET_CODE.match(text) or _unnamed_job(text):
        return Link(text, start, end, "role")
    pool = _POOL_LINK.match(text) if "ool" in text or "OOL" in text else None
    if pool is not None:
        named = _pool_source(catalog, pool)
        if named is not None:
            if named.label == "role":
                return Link(text, start, end, "role")
            return Link(named.text, start + named.start, start + named.end, "source", named.source)
    staff = _STAFF_LINK.match(text) if "taff" in text or "TAFF" in text else None
    known = match_source(catalog, staff.group("head")) if staff is not None else None
    if staff is not None and (outlet_before_photo(catalog, _THE_TITLE.sub("", staff.group("head"))) or known is not None
                              and known.kind in _STAFF_OUTLETS) and (known or not text.isupper()):
        # ('Wired Staff': one word, an outlet only by the catalog's knowing it)
        head = staff.group("head")  # all in capitals, an unknown head is a name: 'JANE STAFF/AFP'
        return Link(head, start, start + len(head), "source" if known else "organisation", known)
    text, end = _without_photo_suffix(catalog, text, end)
    start, text = _without_photo_prefix(catalog, start, text)
    collective = CONTRIBUTORS.search(text) if may_hold(text, CONTRIBUTOR_WORDS) else None
    if collective is not None and collective.start() > 0:  # 'OpenStreetMap und Mitwirkende': as written
        known = match_source(catalog, text[: collective.start()])
        return Link(text, start, end, "source" if known else "organisation", known)
    photographed = _holder_then_photographer(catalog, text, start) if text.endswith(")") and " (" in text else None
    if photographed is not None:
        return photographed
    model = _generator_named(catalog, text) if text[-1:].isdigit() or text.endswith(_GENERATOR_ENDS) else None
    if model is not None:  # 'Midjourney v5', 'DALL·E 3': the generator, its model's version no name
        return Link(model[0], start, start + len(model[0]), "source", model[1])
    fronted = _agency_before_name(catalog, text) if text.count(" ") >= 2 else None
    if fronted is not None:  # 'Tanjug Jane Roe', 'TASR Jane Roe': the agency, a blank, the photographer
        return Link(fronted[0], start, start + len(fronted[0]), "source", fronted[1],
                    creator=text[len(fronted[0]) :].strip())
    source = match_source(catalog, text)
    if source is not None:
        return Link(text, start, end, "source", source)
    if "가" <= text[:1] <= "힣" and _KOREAN_BODY_NAME.match(text):
        return Link(text, start, end, "organisation")
    joint = _bodies_then_people(catalog, text, start) if ", " in text else None
    if joint is not None:
        return joint
    if text.endswith(")") and " (" in text:  # '© Commonwealth of Australia (Geoscience Australia)': a public body
        head = text[: text.index(" (")]  # the catalog knows, and in brackets its agency that made the work
        body = match_source(catalog, head)
        if body is not None and (body.kind in PUBLIC_BODY_KINDS or body.kind in ("platform", "agency")
                                 and not _LICENSE_INSIDE.search(text[len(head) :])):
            return Link(head, start, start + len(head), "source", body)  # 'Wikimedia Commons (Klick für Quelle)':
            # a platform the catalog knows, and in brackets a remark; an agency and its remark where no photographer
            # is named ('(c) REUTERS (KYIV)', '© AFP (MIDDLE EAST)': the agency had been read as a person)
    affiliated = _affiliation(catalog, text, start) if text.endswith(")") and " (" in text else None
    if affiliated is not None:
        return affiliated
    qualified = qualified_source(catalog, text)
    if qualified is not None:
        return Link(text, start, end, "source", qualified)
    owned = _POSSESSIVE_ACCOUNT.match(text) if "s " in text or "S " in text or "को " in text else None
    owner = _owned_account(catalog, owned, start) if owned is not None else None
    if owner is not None:
        return owner
    account = _platform_account(catalog, text)
    if account is not None:
        return Link(account[0], start, start + len(account[0]), "source", account[1], creator=account[2])
    after_role = _after_role(catalog, text)
    if after_role is not None:
        offset = len(text) - len(after_role[0])
        return Link(after_role[0], start + offset, end, "source", after_role[1])
    dashed = (_dash_agency(catalog, text) if "-" in text else None) or _initials_after_name(catalog, text)
    if dashed is not None:  # 'Jane Roe-USA TODAY Sports': the photographer, a hyphen, the agency
        offset = len(text) - len(dashed[0])
        return Link(dashed[0], start + offset, end, "source", dashed[1], creator=text[: offset - 1])
    colon = _colon_agency(catalog, text) if ": " in text else None
    if colon is not None:  # 'Jane Roe: Getty': the photographer, a colon, the agency
        offset = text.rindex(colon[0])
        return Link(colon[0], start + offset, start + offset + len(colon[0]), "source", colon[1], creator=colon[2])
    prefix = _source_prefix(catalog, text)
    if prefix is not None:
        return Link(text[: len(prefix[0])], start, start + len(prefix[0]), "source", prefix[1],
                    creator=text[len(prefix[0]):].strip())
    branch = _BRANCH_BEFORE_RANK.match(text) if text[:1] in "AaNnMmCcSs" else None
    served = text[branch.end() :] if branch is not None else ""
    if served and RANK.match(served) and len(RANK.sub("", served).split()) >= 2:
        # 'DOD photo by Army Sgt. Jane Roe', '… by Navy Petty Officer 2nd Class Jane Roe': the service the person is
        # in, their rank and their name; a person, not a body
        return Link(text, start, end, "person", creator=served)
    return _by_shape(catalog, text, start, end)


# A scientist's body in brackets after the name ('Jane Roe (Harwick University)'): a remark after a joint credit
_AFFILIATED = re.compile(r"[ \t]*\([^()\n]{1,80}\)")
_AND_LEAD = re.compile(r"^(?:and|&)[ \t]+")


def _bodies_then_people(catalog: Catalog, text: str, start: int) -> Link | None:
    """'NASA, ESA, and J. Roe (Harwick University)', 'NASA, ESA, CSA, STScI, Jane Roe (Harwick University), Tom Bell':
    the space telescopes' order, the public bodies first, then the scientists who made the image, each with the
    body they work for in brackets. The bodies are one joint organisation as written, the people the creators (their
    bodies a remark); a name in capitals among the bodies ('NASA, ESA') is never a person's."""
    pieces = [(m.start(), m.group(0)) for m in re.finditer(r"[^,]+", text)]
    first = pieces[0][1].strip()
    if not public_body(catalog, first):
        return None
    bodies = 1
    while bodies < len(pieces) and (public_body(catalog, pieces[bodies][1].strip())
                                    or UNIT_WORD.match(pieces[bodies][1].strip())):  # 'NASA, JHUAPL, SwRI'
        bodies += 1
    if bodies == len(pieces):
        return None  # bodies only: read as a joint credit (_by_shape)
    at = pieces[bodies][0]
    people = _AND_LEAD.sub("", _AFFILIATED.sub("", text[at:]).strip(" ,"))
    names = [_AND_LEAD.sub("", name.strip()) for name in re.split(r",|\band\b|&", people)]
    if not people or not all(name and looks_like_person(name) and not is_organisation(catalog, name)
                             and not name.isupper() and name.split()[0].casefold() not in LIST_ARTICLES
                             and fold_source_name(name) not in ROLES for name in names):  # '…, source': a word
        return None
    end = pieces[bodies - 1][0] + len(pieces[bodies - 1][1].rstrip())
    return Link(text[:end], start, start + end, "organisation", creator=people)


def _holder_then_photographer(catalog: Catalog, text: str, start: int) -> Link | None:
    """'Photo © Tate (Jane Roe)': a museum or picture library the catalog knows, and in brackets the photographer
    who made the picture for it, as museums write their house credit; a place or a museum in the brackets ('RMN-Grand
    Palais (musée du Louvre)') is no person. An agency writes it so too, the name in capitals as in its own captions
    (Die Presse's '(c) REUTERS (JANE ROE)'); a role in capitals ('AP (FILE PHOTO)') names no one, nor a remark whose
    words are no name's ('REUTERS (WORLD CUP)', 'AP (BLACK AND WHITE)', '(c) AFP (MIDDLE EAST)')."""
    head, _, inner = text[:-1].partition(" (")
    held = match_source(catalog, head)
    if held is None or held.kind not in _HOLDER_KINDS or " " not in inner.strip() or "(" in inner \
            or not looks_like_person(inner) or is_organisation(catalog, inner) or heritage_name(inner) \
            or inner.isupper() and (held.kind != "agency" or fold_source_name(inner) in ROLES
                                    or not capitals_name_by_words(inner)) \
            or not all(_PHOTOGRAPHER_IN_BRACKETS.match(name.strip()) for name in _BRACKET_NAMES.split(inner)) \
            or _names_a_place(inner):
        return None  # 'Tate (Photographic Rights)': a department's name
    return Link(head, start, start + len(head), "source", held, creator=inner.strip())


def _names_a_place(inner: str) -> bool:
    """What else a museum's or an auction house's brackets hold: the department, the room, the branch or the town
    ('Christie's (New York)', 'Photo © Tate (St Ives)', 'British Museum (Room 41)', 'Scala (Florence, Italy)'), how
    the work came ('Jane Roe Bequest', 'Gift of …', 'Courtesy …'): a word of those, a country, or a town's opening
    word ('New York', 'St Ives', 'San Diego', 'Grand Palais')."""
    words = [word.strip(",.").casefold() for word in inner.split()]
    return words[0] in PLACE_OPENINGS or any(word in NOT_A_PHOTOGRAPHER or word in COUNTRIES for word in words) \
        or " ".join(words) in COUNTRIES


_HOLDER_KINDS = frozenset({"institution", "stock", "agency"})
# A photographer's name in a holder's brackets: two to four capitalised words, initials or particles, no digits
_PHOTOGRAPHER_IN_BRACKETS = re.compile(
    r"^[^\W\d_][\w'’.-]*(?:[ \t]+(?:(?:de|da|di|du|del|van|von|der|den|le|la)[ \t]+)?[^\W\d_a-z][\w'’.-]*){1,3}$")
_BRACKET_NAMES = re.compile(r"[ \t]+(?:and|&)[ \t]+")  # 'Photo © Tate (Jane Roe and Ida Marrow)': two photographers


def _affiliation(catalog: Catalog, text: str, start: int) -> Link | None:
    """'J. DePasquale (STScI)', 'P. Horálek (Institute of Physics in Opava)': a scientist and, in brackets, the body
    they work for, as research credits write them: the person, with the body as their organisation (after a body
    that leads the chain, a remark)."""
    head, _, inner = text[:-1].partition(" (")
    if "(" in inner or not looks_like_person(head) or is_organisation(catalog, head) or heritage_name(head):
        return None  # 'Archiwum Marrowskie (Marrow Archive)': a holder's name, glossed
    known = match_source(catalog, inner)
    if known is None and not (" " in inner and looks_like_organisation(inner)) and not UNIT_WORD.match(inner):
        return None
    at = start + len(head) + 2
    return Link(inner, at, at + len(inner), "source" if known else "organisation", known, creator=head)


def _pool_source(catalog: Catalog, pool: re.Match[str]) -> Link | None:
    """'AFP Pool': the agency (offsets within the link); 'WPA Pool', 'POOL New': a role; None: no pool."""
    other = pool.group("head") or pool.group("tail")
    source = match_source(catalog, other)
    if source is not None:
        at = pool.start("head") if pool.group("head") else pool.start("tail")
        return Link(other, at, at + len(other), "source", source)
    # a rota's initials ('WPA Pool'; in a line all in capitals, 'SMILEY N. POOL' is a name), or Reuters' slug
    if other.isupper() and not (pool.group("head") and pool.group(0).isupper()) or other.casefold() == "new":
        return Link(pool.group(0), 0, len(pool.group(0)), "role")
    return None


def _generator_named(catalog: Catalog, text: str) -> tuple[str, Source] | None:
    """'Midjourney v5', 'DALL·E (OpenAI)': a generator the catalog knows, then its version, its kind or its maker."""
    tail = _GENERATOR_TAIL.search(text)
    if tail is None or tail.start() == 0:
        return None
    source = match_source(catalog, text[: tail.start()])
    return (text[: tail.start()], source) if source is not None and source.kind == "generator" else None


def _owned_account(catalog: Catalog, owned: re.Match[str], start: int) -> Link | None:
    """"Jane Roe's Facebook page": the person, through the platform; "Harbor Police's Instagram", "the city's
    archive": the owner as its own link would be read (a body, or no one: 'the city'), the platform left out."""
    name = owned.group("name")
    owner = label_text(catalog, name) if not name[:1].islower() else Link(name, 0, len(name), "unknown")
    if owner.label == "person" and sum(len(word) > 1 and not word.endswith(".") for word in name.split()) < 2:
        # one name, or a saint's: a brand ("McDonald's", "Wendy's") or a place ("St. Mary's"), no person named
        owner = Link(name, 0, len(name), "unknown")
    owner = Link(owner.text, start + owner.start, start + owner.end, owner.label, owner.source, owner.creator)
    platform = owned.group("platform")
    source = match_source(catalog, platform) if platform else None
    if platform and (source is None or source.kind != "platform"):
        return None  # "St. Mary's Hospital", "McDonald's Corporation": a name of its own
    if source is not None and owner.label == "person":
        return Link(platform, start + owned.start("platform"), start + owned.end("platform"), "source", source,
                    creator=owner.text)
    if owner.label in ("person", "organisation", "source") or source is None:
        return owner if owner.label != "unknown" else Link(owned.group(0), start, start + owned.end(), "unknown")
    return Link(platform, start + owned.start("platform"), start + owned.end("platform"), "source", source)


def _platform_account(catalog: Catalog, text: str) -> tuple[str, Source, str] | None:
    """'Flickr user ridgewalker88': the platform, the source it is, and the account's name."""
    if " " not in text or "@" not in text and not ACCOUNT_WORDS.intersection(
            text.casefold().replace("-", " ").split()):
        return None  # the common case, at a set lookup per word
    match = _ACCOUNT.match(text)
    platform = match and (match.group("platform") or match.group("platform2"))
    source = match_source(catalog, platform) if platform else None
    if match is None or not platform or source is None or source.kind != "platform":
        return None
    return platform, source, match.group("name") or match.group("handle")


def _after_role(catalog: Catalog, text: str) -> tuple[str, Source] | None:
    """'Screenshot Twitter', 'Reprodução Instagram', 'Official White House': a role word, then a source the catalog
    knows by its own name."""
    role, _, rest = text.partition(" ")
    if not rest or role.casefold() not in ROLES and role != "Official":  # 'Official White House Photo by
        return None
    source = match_source(catalog, rest)
    return (rest, source) if source is not None else None


def _dash_agency(catalog: Catalog, text: str) -> tuple[str, Source] | None:
    """'Jane Kamin-Roe-USA TODAY Sports': a person's name joined by a hyphen to an agency the catalog knows, as
    sports wires write it; the agency after the hyphen, the name before it (a hyphen inside the name stays)."""
    at = text.find("-")
    while at > 0:
        head, tail = text[:at], text[at + 1 :]
        if tail[:1].isupper() and " " in head.strip():
            source = match_source(catalog, tail)
            if source is not None and source.kind in DISTRIBUTOR_KINDS and looks_like_person(head):
                return tail, source
        at = text.find("-", at + 1)
    return None


def _initials_after_name(catalog: Catalog, text: str) -> tuple[str, Source] | None:
    """'Steve Zumwalt FEMA': a person's name in mixed case, a space, then a public body or an agency the catalog
    knows by its initials in capitals (a disaster agency's archive writes its credit so). Not a name in capitals
    ('JANE ROE AP' is read as capitals are), not a name closed by a comma ('Jane Roe, AP': a chain)."""
    head, _, tail = text.rpartition(" ")
    if not (2 <= len(tail) <= 6 and tail.isupper() and tail.isalpha()) or head.isupper() or not head[-1:].isalpha() \
            or " " not in head.strip():
        return None
    source = match_source(catalog, tail)
    if source is None or source.kind not in DISTRIBUTOR_KINDS | {"government"}:
        return None
    for at in [word.start() for word in _LATER_WORD.finditer(head)][-3:]:  # longest first
        if match_source(catalog, text[at:]) is source:  # 'Jane Roe, Manitoba RCMP': the initials close the body's
            head, tail = text[:at].rstrip(), text[at:]  # own name (a division's), no tag after a person's name
            break
    if not head[-1:].isalpha() or not looks_like_person(head):
        return None  # 'Jane Roe, Manitoba RCMP': a name closed by a comma, the chain's
    return tail, source


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Words no person's name after an agency's holds ('Reuters World News', 'AP Television News', 'Reuters Pictures Desk')
_NOT_NAME_WORDS = HEADING_WORDS | ORGANISATION_WORDS | COMMON_WORDS | TRADE_NOUNS | JOB_WORDS | PUBLICATION_WORDS


_GROUP_INITIALS = re.compile(r"[A-Z]{2,6}")  # a publisher's initials before its photographer's name ('NSTP Jane Roe')


def _agency_before_name(catalog: Catalog, text: str) -> tuple[str, Source] | None:
    """'Tanjug Jane Roe', 'TASR Jane Roe': a wire or photo agency the catalog knows (one or two words), a blank, then
    a person's full name in mixed case, as Serbian and Slovak wires write a picture's credit; the agency's words and
    its source. A name in capitals is no such pair ('REUTERS JANE ROE' is read as capitals are), nor a name of one
    word ('Reuters Staff'), nor words the name test refuses ('Reuters World News')."""
    words = text.split()
    if not 3 <= len(words) <= 6 or text.isupper():
        return None
    whole = match_source(catalog, text)
    known = {fold_source_name(name) for name in (whole.name, *whole.aliases)} if whole is not None else set()
    if fold_source_name(text) in known:
        return None  # a name the catalog knows as written ('Getty Images News')
    for count in (2, 1):
        name = words[count:]
        if len(name) < 2 or len(name) > 4 or not words[count - 1][-1:].isalnum() \
                or not all(word[:1].isupper() and not word.isupper() and _NAME_WORD.fullmatch(word) for word in name):
            continue  # 'Agency, Name' is a chain, 'AP Interview: Jane Roe' a story's kind
        agency = " ".join(words[:count])
        if agency.casefold() in _NOT_NAME_WORDS:
            continue  # 'Photo: Reporter Jane Roe': a job before the name (Reporter is a Polish agency's name too)
        source = match_source(catalog, agency)
        # (a paper's group by its initials as well: Berita Harian's 'Foto NSTP Jane Roe', the group's photographer)
        if source is not None and (source.kind in DISTRIBUTOR_KINDS or source.kind == "publisher"
                                   and _GROUP_INITIALS.fullmatch(agency)) and looks_like_person(" ".join(name)) \
                and not any(word.casefold() in _NOT_NAME_WORDS for word in name) and not _place_or_title(name) \
                and match_source(catalog, " ".join(name)) is None:
            return text[: text.index(words[count - 1]) + len(words[count - 1])], source
    return None
_LATER_WORD = re.compile(r"(?<=\s)\S")


# A place's first word in the region's languages, an adjective ('Banská Bystrica', 'Nové Zámky', 'Dolný Kubín',
# 'Vysoké Mýto', 'Красная Поляна'); a given name does not end so ('René' does not: no '-né'; a surname may: only the
# first word is read)
_PLACE_ADJECTIVE = re.compile(r"(?:k|ov)[áéý]$|ný$|(?:ый|ая|ое|ой|ые)$")
# and a place's last word in the Czech plural or neuter ('Hradec Králové', 'Vysoké Mýto' read by its first): no
# surname ends in '-ové' or '-ské' ('Králová' and 'Novotný' do not)
_PLACE_ADJECTIVE_LAST = re.compile(r"(?:ov|sk|ck)é$")


def _place_or_title(name: list[str]) -> bool:
    """Capitalised words after an agency that are a place's or a person's title, not the photographer's name:
    'North America' ('Getty Images North America', a desk's region), 'Hong Kong', 'Gaza City', 'Banská Bystrica', a
    title before the person shown ('Prezident Jane Roe'), a news page's heading glued after the credit ('Súvisiace
    Články')."""
    folded = [word.casefold() for word in name]
    return folded[0] in PLACE_FIRST_IN_CAPITALS or folded[0] in REGION_PLACE_OPENINGS \
        or folded[-1] in PLACE_LAST_IN_CAPITALS or folded[0] in SHOWN_BEFORE_NAME \
        or not NOT_A_NAME.isdisjoint(folded) or not NEWS_PAGE_WORDS.isdisjoint(folded) \
        or _names_a_place(" ".join(name)) or _PLACE_ADJECTIVE.search(folded[0]) is not None \
        or _PLACE_ADJECTIVE_LAST.search(folded[-1]) is not None


# 'Jane Roe: Getty', and a translated gallery's 'Jane Roe (Jane Roe: AP)' (the name again, as the agency spells it)
_COLON_AGENCY = re.compile(r"^(?P<name>[^():]+?)(?:[ \t]+\((?P<again>[^():]+)|):[ \t]+"
                           r"(?P<agency>[^():]+?)(?P<close>\)?)$")


def _colon_agency(catalog: Catalog, text: str) -> tuple[str, Source, str] | None:
    """'Jane Roe: Getty', 'Jane Roe (Jane Roe: AFP)': a full name, a colon and a wire or photo agency the catalog
    knows, as translated galleries write a credit; the agency, its source and the name. No other body after the colon
    ('Jane Roe: Harwick Council' is a speaker and his office), never a lone word before it ('Update: AFP')."""
    pair = _COLON_AGENCY.match(text)
    if pair is None or bool(pair["again"]) != bool(pair["close"]) or " " not in pair["name"].strip():
        return None
    source = match_source(catalog, pair["agency"])
    if source is None or source.kind not in DISTRIBUTOR_KINDS or not pair["agency"][:1].isupper() \
            or not looks_like_person(pair["name"]):
        return None
    return pair["agency"], source, pair["name"].strip()


def _source_prefix(catalog: Catalog, text: str) -> tuple[str, Source] | None:
    """'U.S. Army Sgt. 1st Class Jane Roe': a known source, then a rank and a name."""
    words = text.split()
    for count in range(min(5, len(words) - 1), 0, -1):
        head = " ".join(words[:count])
        source = match_source(catalog, head)
        rank = RANK.match(rest := " ".join(words[count:])) if source is not None else None
        # a name after the rank ('Wired staff tested the laptops': a sentence about the outlet's staff, no rank)
        if source is not None and rank is not None and rest[rank.end() : rank.end() + 1].isupper():
            return text[: text.index(words[count - 1]) + len(words[count - 1])], source
    return None


def _without_photo_suffix(catalog: Catalog, text: str, end: int) -> tuple[str, int]:
    """'AA Photo' -> 'AA', 'U.S. Air Force photo' -> 'U.S. Air Force'; a catalog name as written stays."""
    suffix = PHOTO_SUFFIX.search(text) if may_hold(text, _PHOTO_SUFFIX_WORDS) else None
    if suffix is None or suffix.start() == 0:
        return text, end
    whole = match_source(catalog, text)
    if whole is not None and fold_source_name(whole.name) == fold_source_name(text):
        return text, end
    head = text[: suffix.start()]
    word = suffix.group().split()[0].casefold()
    plural = word.endswith("s") and word != "files"  # 'NFL Photos': a league's photo service, a name ('FREE PRESS
    # FILES' is the paper's archive mark, as 'HT File' is)
    if match_source(catalog, head) is None and (plural or not outlet_before_photo(catalog, head)):
        return text, end  # 'AA Photo'; an unknown outlet as AP writes it: 'HT Photo/Jane Roe', 'INQUIRER PHOTO / …'

    kept = head.rstrip(" \t,")  # 'Reuters, File': the comma before the archive mark goes with it
    return kept, end - (len(text) - len(kept))


_PHOTO_PREFIX = re.compile(r"(?:FOTO|Foto|PHOTO|Photo)[ \t]+")


def _without_photo_prefix(catalog: Catalog, start: int, text: str) -> tuple[int, str]:
    """'FOTO ANTARA' -> 'ANTARA' (Antara's older house style, the word for photo before the agency's name, as 'ANTARA
    FOTO' has it after): the photo word goes where the rest is a source the catalog knows by that name itself; an
    unknown name after it stays as written ('Foto Jane Roe' is read by the lead-ins)."""
    prefix = _PHOTO_PREFIX.match(text) if text[:1] in "FP" else None
    if prefix is None:
        return start, text
    rest = text[prefix.end() :]
    known = match_source(catalog, rest)
    if known is None or known is match_source(catalog, text) and fold_source_name(text) == fold_source_name(known.name):
        return start, text
    return start + prefix.end(), rest


def _lender(catalog: Catalog, pieces: list[str], text: str, start: int) -> Link | None:
    """'Jane Roe, courtesy of the Harwick Museum': the photographer, then the body that lent or supplied the
    picture, which is the organisation; after a person who lent it ('…, Courtesy of Ann Lee'), or no one named
    ('…, courtesy of the artist'), the photographer alone."""
    lent = _COURTESY.match(pieces[1])
    if lent is None or lent.end() == len(pieces[1]) or not looks_like_person(pieces[0]) \
            or is_organisation(catalog, pieces[0]):
        return None
    body = label_text(catalog, pieces[1])
    if body.label not in ("source", "organisation") or body.creator:
        return Link(pieces[0], start, start + len(pieces[0]), "person")
    offset = text.index(pieces[1]) + body.start
    return Link(body.text, start + offset, start + offset + len(body.text), body.label, body.source, creator=pieces[0])


# The Arabic plural for news agencies, alone or added to an outlet with a plus sign ('المصدر : الجزيرة + وكالات',
# Al Jazeera's 'Source: Al Jazeera + agencies' under a story): where a story came from, never a name. Arabic has no
# capitals to tell the word from a name as English does ('… + agencies'). (The singular opens agencies' names:
# 'وكالة الأنباء السعودية'.)
_AGENCIES_WORDS = frozenset({"وكالات", "الوكالات"})


_INITIALS = re.compile(r"[A-Z]{2,5}")
_LICENSE_INITIALS = frozenset({"CC", "PD", "GFDL", "CCO"})


def _by_shape(catalog: Catalog, text: str, start: int, end: int) -> Link:
    if not text.isascii() and not _AGENCIES_WORDS.isdisjoint(text.replace("+", " ").split()):
        return Link(text, start, end, "unknown")
    after = _AFTER_DESIGN.match(text) if " after " in text else None
    if after is not None and looks_like_person(after.group("name")):  # 'Sprague after C. Holden': the printmaker
        return Link(after.group("name"), start, start + len(after.group("name")), "person")
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    cited = read_citation(catalog, text) if len(pieces) > 1 or ". " in text or text.endswith(")") else None
    if cited is not None:  # 'Johannes Vermeer. The Kitchen Maid, c. 1658. Rijksmuseum, Amsterdam': credit_citations
        return _citation_link(catalog, cited, start)
    processed = _PROCESSED_BY.match(pieces[-1]) if len(pieces) > 1 and "process" in pieces[-1] else None
    if processed is not None:
        name = processed.group("name")
        kept = text[: text.rindex(",")].rstrip()
        if _DATA.match(kept) and is_organisation(catalog, name):  # 'contains modified Copernicus Sentinel data (2019),
            offset = text.rindex(name)  # processed by ESA': the body that made the image from the data
            return Link(name, start + offset, start + offset + len(name), "organisation")
        body = _by_shape(catalog, kept, start, start + len(kept)) if looks_like_person(name) else None
        if body is not None and body.label == "organisation" and not body.creator:  # 'Hayabusa2 ONC team,
            return Link(body.text, body.start, body.end, "organisation", creator=name)  # processed by Kevin M. Gill':
            # who processed the image made this version of it
    if len(pieces) > 1 and public_body(catalog, pieces[0]) and all(
            public_body(catalog, p) or looks_like_organisation(p) or UNIT_WORD.match(p) for p in pieces[1:]):
        return Link(text, start, end, "organisation")  # 'NASA, ESA, CSA, STScI', 'NASA, JHUAPL, SwRI': joint, whole
    if len(pieces) > 1 and (fold_source_name(pieces[-1]) in ROLES and not portrait(pieces[-1])
                            or _desk_or_job(pieces[-1])):
        # 'Ferran Mestres, File': how it came, no name ('Jane Roe, photograph' names a portrait's sitter); 'Ida Vell,
        # Sports Photographer', 'Ida Vell, Football': her job or the paper's desk
        kept = text[: text.rindex(",")].rstrip()
        if match_source(catalog, kept) is not None:  # 'Courtesy of Netflix, Press', 'Reuters, File': the catalog's
            body = label_text(catalog, kept)  # name before the mark (a one-word brand is no person's name)
            return Link(body.text, start + body.start, start + body.end, body.label, body.source, body.creator)
        return _by_shape(catalog, kept, start, start + len(kept))
    if len(pieces) == 2 and fold_source_name(pieces[0]) in ROLES:
        # '[File, Standard]' (The Standard, Kenya), '(File, Reuters)': the archive mark first, then the paper or agency
        offset = text.index(pieces[1], len(pieces[0]))
        body = label_text(catalog, pieces[1])
        return Link(body.text, start + offset + body.start, start + offset + body.end, body.label, body.source,
                    body.creator)
    if len(pieces) > 2 and _YEAR_PIECE.match(pieces[-1]) and looks_like_person(pieces[0]) \
            and not is_organisation(catalog, pieces[0]) and not any(is_organisation(catalog, p) for p in pieces[1:-1]):
        return Link(pieces[0], start, start + len(pieces[0]), "person")  # 'Jane Roe, The Harbour, 1868-69': the
        # artist, then the work's title and year, as an artwork's caption names them
    place = text[text.index(pieces[1]) :] if len(pieces) > 1 else ""
    if place and looks_like_person(pieces[0]) and (
            _PLACE.match(place) or _US_PLACE.match(place) and not looks_like_organisation(pieces[1])):
        return Link(pieces[0], start, start + len(pieces[0]), "person")  # 'Kirra Dawson, Adelaide SA': a place
    if text.startswith("the ") and looks_like_organisation(text[4:]):  # 'Courtesy of the Brightwater Society'
        return Link(text[4:], start + 4, end, "organisation")
    lender = _lender(catalog, pieces, text, start) if len(pieces) == 2 else None
    if lender is not None:
        return lender
    if len(pieces) > 1 and pieces[-1] in COMPANY_FORM_NAMES:  # 'Harbor Lane Media, LLC': one name
        pieces[-2:] = [text[text.index(pieces[-2]) :].strip()]
    titled = len(pieces) > 1 and pieces[0].split()[0].casefold() in LIST_ARTICLES \
        and not any(match_source(catalog, p) for p in pieces[1:])  # 'El Faro, Marrowby High School': a title
    if len(pieces) > 1 and looks_like_person(pieces[0]) and not is_organisation(catalog, pieces[0]) and not titled:
        if any(is_organisation(catalog, p) for p in pieces[1:]):
            offset = text.index(pieces[1])
            known = match_source(catalog, text[offset:])  # 'Matt Levin, Wikimedia Commons': a platform is the via
            return Link(text[offset:], start + offset, end, "source" if known else "organisation", known,
                        creator=pieces[0])
        if all(p[:1].islower() for p in pieces[1:]) and not portrait(pieces[1]):  # 'Dred Scott, photograph': a sitter
            return Link(pieces[0], start, start + len(pieces[0]), "person")
    if len(pieces) == 2 and match_source(catalog, pieces[0]) is not None and looks_like_person(pieces[1]) \
            and " " in pieces[1] and not is_organisation(catalog, pieces[1]):
        # 'Shutterstock.com, Jane Roe': the agency, then its photographer in full ('Mandarin Oriental, Paris',
        # 'Reuters, London': one word is where it is)
        source = match_source(catalog, pieces[0])
        return Link(pieces[0], start, start + len(pieces[0]), "source", source, creator=pieces[1])
    if len(pieces) == 2 and pieces[0].casefold() in POST_INITIALS and " " in pieces[1]:
        return Link(text, start, end, "unknown")  # 'CEO, Jane Roe': the post of the person shown, no credit
    if len(pieces) == 2 and _INITIALS.fullmatch(pieces[0]) and pieces[0] not in _LICENSE_INITIALS \
            and pieces[0].casefold() not in COUNTRIES \
            and " " in pieces[1] and looks_like_person(pieces[1]) and not is_organisation(catalog, pieces[1]):
        # 'RD, Jane Roe' (beeld RD, …): a paper's or agency's initials the catalog does not know, then its
        # photographer in full
        return Link(pieces[0], start, start + len(pieces[0]), "organisation", creator=pieces[1])
    if len(pieces) == 2 and pieces[1].isalpha() and pieces[1][:1].isupper() \
            and (located := match_source(catalog, pieces[0])) is not None:
        return Link(pieces[0], start, start + len(pieces[0]), "source", located)  # 'Mandarin Oriental, Paris': the
        # source and its place, no photographer
    names = [p for p in pieces[1:] if looks_like_person(p) or is_organisation(catalog, p)]
    if len(pieces) > 1 and is_organisation(catalog, pieces[0]) and not names:
        first = _YEAR_END.sub("", pieces[0])  # '© ESA WorldCover project 2021, contains …': the year of the ©
        return Link(first, start, start + len(first), "organisation")  # 'dpa-infocom, dpa:2402…': an id
    if len(pieces) > 1 and is_organisation(catalog, pieces[-1]) and not looks_like_person(pieces[0]) \
            and not is_organisation(catalog, pieces[0]):
        offset = text.rindex(pieces[-1])  # "Folio from a Shahnama, Metropolitan Museum": a title, the holder
        return Link(pieces[-1], start + offset, start + offset + len(pieces[-1]), "organisation")
    if looks_like_organisation(text) or text.startswith("@") and _institution_handle(catalog, text) \
            or _HASHTAG.fullmatch(text) or heritage_name(text) or _GLUED_OUTLET.match(text):
        # ('Archives municipales de Toulouse': the noun first, then its adjectives; '#WeTheBrave': a campaign's tag)
        return Link(text, start, end, "organisation")
    if " " not in text and text[-2:] in ("'s", "’s", "'S", "’S") and text[:1].isalpha():
        return Link(text, start, end, "organisation")  # "MCTEAR'S", "Macy's": one word in the possessive names a shop
        # or a firm (an auction house's handout, 'MCTEAR'S/PA'), never a photographer
    unranked = RANK.sub("", text)
    if " " in unranked and unranked.casefold() in COUNTRIES:  # '… - Saudi Arabia', '/ South Africa': a country of
        return Link(text, start, end, "unknown")  # two words or more names where, never who (one word may be a name)
    if looks_like_person(unranked) or pieces != [unranked] and all(looks_like_person(p) for p in pieces) \
            and not any(portrait(p) for p in pieces[1:]):
        return Link(text, start, end, "person")
    return Link(text, start, end, "unknown")


def _citation_link(catalog: Catalog, cited: Citation, start: int) -> Link:
    """A citation's holder as the link (its maker the link's person), or its maker alone: a body named by its role
    ('H. J. Heinz Company, manufacturer') is the organisation, a person the creator."""
    if cited.holder:
        label = "source" if cited.source is not None else "organisation"
        return Link(cited.holder, start + cited.start, start + cited.end, label, cited.source, creator=cited.maker)
    maker = cited.maker
    known = match_source(catalog, maker)
    if known is not None or looks_like_organisation(maker):
        return Link(maker, start, start + len(maker), "source" if known else "organisation", known)
    return Link(maker, start, start + len(maker), "person")


# A news site's name in one word, its words glued in camel case around a news word, a country's code or a number after
# it ('CorruptionNewsBD24', 'DhakaTimes24'): an outlet, not a person's handle
_GLUED_OUTLET = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:News|Times|Post|Daily|Herald|Tribune|TV|Media)"
                           r"(?:[A-Z]{2,3})?\d{0,4}$")
# A hashtag as the whole credit ('Photo courtesy of #WeTheBrave'): a campaign's or a movement's tag, which names a
# group, never one person (a person's account is an @handle)
_HASHTAG = re.compile(r"#[^\W\d_]\w{1,60}")


def _institution_handle(catalog: Catalog, handle: str) -> bool:
    """'@CityofHarwick', '@HarwickPD', '@NWSHarwick', '@harwick_museum': an account whose words name a body (an
    organisation word, a town's or police's word), or that opens with a public body or agency the catalog knows.
    A person's handle with initials ('@JDSmith') opens with no source, and one word of its own names no body."""
    words = [w.casefold().removesuffix("of") for w in _HANDLE_WORDS.findall(handle)]
    if len(words) == 1 and handle[1:].isalpha() and handle[1:].islower():
        # one run of lower-case letters: a club's or a body's account by how it ends, with a name of at least three
        # letters before ('@leinsterrugby', '@harwickfc'); '@rugby' alone or '@jfc' names no body
        ending = next((e for e in HANDLE_BODY_ENDINGS if handle.endswith(e)), "")
        return len(handle) - 1 - len(ending) >= 3 if ending else False
    if len(words) < 2:
        return False
    if any(w in HANDLE_BODY_WORDS or w in ORGANISATION_WORDS and w not in FORM_WORDS for w in words):
        return True
    source = match_source(catalog, _HANDLE_WORDS.findall(handle)[0])
    return source is not None and source.kind in PUBLIC_BODY_KINDS


def _unnamed_job(text: str) -> bool:
    """A job in lower case with no name ('Photo by staff writer', 'Photo by parish staff'): who took it is not named
    (a lower-case name ends in no job's word: 'graham earnshaw')."""
    words = text.split()
    return 1 <= len(words) <= 3 and text.islower() and text.isascii() and all(w.isalpha() for w in words) \
        and (words[-1] in PERSON_JOB_WORDS or words[-1] in JOB_WORDS or words[-1] == "staff")


def _desk_or_job(piece: str) -> bool:
    """A photographer's job title ('Senior Photographer', 'Rugby Photographer'), another job ('Travel Editor', 'Museum
    Director', "Tom Bell's Assistant": an organisation's word before the job names no body), a relative ("Tom Bell's
    Niece") or a sport's desk alone ('Football'), after the name: none names a body."""
    words = piece.casefold().split()
    # (another job only qualified: 'Jane Roe, Editor | Reuters', a staff list's job alone, is left as it was)
    return 1 <= len(words) <= 3 and (words[-1] in ("photographer", "photographers")
                                     or len(words) > 1 and words[-1] in PERSON_JOB_WORDS
                                     or len(words) > 1 and words[-1] in KIN_WORDS and words[-2].endswith(("'s", "’s"))
                                     or all(w in SPORT_WORDS for w in words))


def outlet_before_photo(catalog: Catalog, text: str) -> bool:
    """Whether the words before 'photo by' or 'PHOTO:' name the outlet whose staff took it, by their shape: a
    newspaper's name ('Express photo by', 'Herald photo:') or its initials in capitals ('ST PHOTO:', 'NYT photo:').
    'Aerial photo by', 'Family photo:' name no one; role words ('STAFF', 'FILE') are no outlet."""
    name = text.strip("([\"'“ ")
    words = name.casefold().split()
    if not words or fold_source_name(name) in ROLES or words[0] in NOT_AN_OUTLET or words[-1] in OPEN_END_WORDS:
        return False
    if len(words) > 1:
        return looks_like_organisation(name)
    if name.isupper() and name.isalpha() and 2 <= len(name) <= 5:  # initials, not a word a headline or body uses
        return words[0] not in KICKER_WORDS and (words[0] in NEWSPAPER_WORDS or words[0] not in ORGANISATION_WORDS)
    # one word: a newspaper's or a site's address, not a body's ('School photo: Jane Roe' shows her)
    return words[0] in NEWSPAPER_WORDS or "." in name and looks_like_organisation(name)
