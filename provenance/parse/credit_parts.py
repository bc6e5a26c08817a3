"""The names of a credit: split into the links of a chain, label each, assign fields by position.

A chain is written with '/' ('|', '·' too): "Jane Roe/APA/AFP via Getty Images". Each link is
labelled, from the catalog first and then by the shape of the name:
  role          Pool, Handout, Staff, Stringer, STR, File: how the image came, never a name
  source        a name the catalog knows (its kind: agency, platform, government, …)
  organisation  an unknown name that looks like one (Inc, Agency, Ministry, a domain, an acronym)
  person        a name that looks like a person's, or a handle
Anything else (a sentence, a date) is left out: an empty field costs less than an invented one.

Fields by position: the first person is the creator; the first organisation the organisation;
with no "via", a chain of two or more organisations gives its last link as the via, except a
joint credit of public bodies ("NASA/ESA/CSA/STScI"), which stays whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.catalog.load import Catalog
from provenance.catalog.names import fold_source_name, has_digit, looks_like_person, title_case_capitals
from provenance.catalog.sources import match_source, remembered
from provenance.model import Source
from provenance.parse.credit_citations import Citation, heritage_name, portrait, read_citation
from provenance.parse.credit_words import (
    ACCOUNT_WORDS,
    BODY_BEFORE_DE,
    BRAND_WORD_ENDINGS,
    CHAIN_SLASH,
    CJK_BODY_ENDINGS,
    COMPANY_FORM,
    COMPANY_FORM_NAMES,
    COMPANY_FORMS,
    CONTRIBUTORS,
    COUNTRIES,
    FORM_WORDS,
    GIVEN_NAME_ORGANISATION_WORDS,
    HANDLE_BODY_ENDINGS,
    HANDLE_BODY_WORDS,
    HANDOUT_MARKS,
    ISSUE_WORDS,
    JOB_WORDS,
    KICKER_WORDS,
    KIN_WORDS,
    LEAD_IN_TEXT,
    LIST_ARTICLES,
    MOVEMENT_PHRASES,
    NAME_CONNECTORS,
    NEWS_SOURCE_KINDS,
    NEWS_TITLE_ENDS,
    NEWSPAPER_WORDS,
    NOT_A_PHOTOGRAPHER,
    NOT_AN_OUTLET,
    OPEN_END_WORDS,
    ORGANISATION_SUFFIX,
    ORGANISATION_WORD_ENDINGS,
    ORGANISATION_WORDS,
    PERSON_JOB_WORDS,
    PLACE_CONNECTORS,
    PLACE_OPENINGS,
    POST_INITIALS,
    RANK,
    RESEARCH_WORDS,
    ROLES,
    SPORT_WORDS,
    SURNAME_ORGANISATION_WORDS,
    TITLE,
    TITLE_AFTER_ISSUE,
    TITLE_ARTICLES,
    TITLE_NOUNS_AFTER_ARTICLE,
    capitals_name_by_words,
    names_a_station,
)
from provenance.parse.scan import with_first_chars

# '\': TASS, '／': CJK; a middle dot inside a word is no link's end where a lone letter stands on one side ('DALL·E',
# 'L·Oréal') or it is Catalan's 'l·l' ('col·lecció'); between two words it is ('Jane Roe·Getty')
_CHAIN = re.compile(r"\s*(?:(?<!<)" + CHAIN_SLASH + r"|／|\\|\||(?<![A-Za-z])·|·(?![A-Za-z])|"
                    r"(?<=[A-Za-z]{2})·(?=[A-Za-z]{2})(?!(?<=l·)l)|\x1f|;|\s—\s|\s-\s)\s*")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
# A year (from 1500: an etching's 'by Jane Roe, 1790' too), or a month and its year as archives date a picture after
# a comma ('Photo by Jane Roe, June 1940', never 'Ida May 1999'), or '…, 1940 July': a month after the year only
# where nothing but punctuation follows, never a name's first word ('© 2024 Jun Roe'); 'circa 1938' as a date too.
# A school's class year after a student's name ('Ava Roe ’22', "Ben Lee '19"): an apostrophe after a space, two digits.
_NOISE = (r"(?:(?:,[ \t]*(?:" + _MONTH + r"|circa|ca\.?|c\.)[ \t]+)?\b(?:1[5-9]|20)\d\d\b"
          r"(?:[ \t]+" + _MONTH + r"(?=[^\w]*$))?|"
          r"(?<=\s['’])\d\d\b|"
          r"[\s,;:.\-–—()\[\]{}'\"“”‘’«»*=>`\x1f（）【】「」])")  # '`': a Markdown code span's; '{}': JSX's
_EDGE_NOISE = re.compile(rf"(?i)^{_NOISE}+|{_NOISE}+$")
# A date closing a link, as archives of UN agencies and NGOs write after the photographer ('UNHCR / E. Roe / August
# 2009', '©UNICEF/NYHQ2010-1862/Roe 20 July 2015'): a month named in English with a year, a day on either side; the
# whole link, or after a comma, or a day first. A name's last word may be a month before a year ('Ida May 1999'):
# with no day before it and no comma, it stays the name's.
# (German months after 'im', as a concert photographer dates his own credit: '© Jane Roe im Juli 2019')
_GERMAN_MONTH = r"(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b"
_DATE_END = re.compile(rf"(?i)(?:^(?:\d{{1,2}}\s+)?|,\s*(?:\d{{1,2}}\s+)?|\s+\d{{1,2}}\s+|\s+in\s+){_MONTH}\s+"
                       r"(?:\d{1,2},?\s+)?(?:19|20)\d\d[\s.,;)]*$|"
                       rf"(?i:,\s*|\s+im\s+){_GERMAN_MONTH}\s+(?:19|20)\d\d[\s.,;)]*$")
# 'AA Photo', 'PTI image', 'HT File' (an Indian paper's archive mark after the agency or the paper, 'FREE PRESS FILES':
# '(Jane Roe / PTI File)'), a platform's screen capture ('@janeroe/Twitter screengrab')
# ('Daily Texan file photos': the paper's archive mark)
_PHOTO_SUFFIX = re.compile(r"(?i)\s+(?:(?:file[ \t]+)?(?:photo(?:graph)?s?|foto)|image|files?|screen[ \t]?grab|"
                           r"screenshot|pic)(?:\s+by)?$")
ORG_PHOTO_BY = re.compile(
    r"(?<=\S)\s+(?:(?i:(?:photo(?:graph(?:y|s)?|s)?(?:\s+illustration)?|images?)\s*\bby\b:?)|photo\s*/)\s*"
)
# 'ST PHOTO: Jane Roe', 'NYT photo: Jane Roe', 'ST FILE PHOTO: Jane Roe': an outlet's staff credit with a colon, before
# a name (outlet_photo)
PHOTO_COLON = r"(?-i:(?:FILE[ \t]+|File[ \t]+)?(?:PHOTOS?|Photos?|photos?))\s?:"  # credits._PHOTO_BY too
_PHOTO_COLON = re.compile(r"(?<!\s)\s+" + PHOTO_COLON + r"\s*(?=[^\W\d_a-z]|@)")
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
KEEP_DOT = re.compile(  # the full stop of an abbreviation that ends a name ('Jr.', 'S.p.A.') stays with it
    r"\b(?:Jr|Sr|Inc|Ltd|Corp|Co|Bros|al|St|"
    + "|".join(re.escape(form[:-1]) for form in COMPANY_FORMS if form.endswith(".")) + r")$")
_LICENSE_WORDS = re.compile(
    r"(?i)^(?:cc[\s-]?(?:by|0|zero)\b.*|public\s+domain|(?-i:PublicDomain)|gfdl|all\s+rights\s+reserved|creative\s+commons(?:\s+licen[sc]e)?)$"
)
_GOVERNMENT = frozenset({"government", "institution"})
# A unit's, mission's or instrument's name in one word, as public bodies credit them with theirs: two capitals in a
# row or a letter then a digit, and a lower-case letter or digit ('UArizona', 'CaSSIS', 'SwRI', 'Hayabusa2'). A
# surname has one capital to a part ('McDonald', 'DeLuca'), or is in capitals throughout ('JOHNSTON'): never one.
_UNIT_WORD = re.compile(r"^(?=\S*(?:[A-Z]{2}|[A-Za-z]\d))(?=\S*[a-z\d])[A-Za-z][A-Za-z\d-]*$")
_YEAR_END = re.compile(r"\s+(?:19|20)\d\d$")
_YEAR_PIECE = re.compile(r"^(?:c\.\s*)?1[0-9]\d\d(?:[-–/]\d{2,4})?(?:\s*\([^()]*\))?$")  # '1868-69', 'c. 1660'
_DATA = re.compile(r"(?i)^(?:contains\s+)?(?:modified\s+)?[^,]{2,60}\sdata\b")  # 'contains modified X data (2019)'
_DATA_SOURCE = re.compile(r"(?i)^data[ \t]+sources?[ \t]*[:：]")  # a chart's data-source field
_STAFF_OUTLETS = frozenset({"publisher", "agency", "state-media"})  # whose staff a credit names
# Two surnames joined by '&' (one word each side): a studio or firm ('Harris & Ewing'); 'Jane Roe & John Doe' is two
# people
_FIRM = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]+&[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
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
# The Movement's name as whole words: 'Fred Cross', 'Mildred Cross' and 'Ana Cruz Rojas' are people
_MOVEMENT = re.compile(r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, MOVEMENT_PHRASES)) + r")(?!\w)")
_PROCESSED_BY = re.compile(r"(?i)^(?:image\s+)?processed\s+by\s+(?:the\s+)?(?P<name>\S.*)$")
# a job title, or the mark of the photographer that ends a name (撮影, 摄, 攝: photographed): '山田太郎撮影'
# a job title after a CJK name, or the person's own social media ('사진=홍나현 SNS'): no part of the name
# ('김하늘 연구원': a researcher, the word written apart from the name; glued it closes a body's name, '…통신연구원')
_REPORTER = re.compile(
    r"\s*(?:기자|특파원|통신원|记者|記者|特派員|通信員|撮影|摄|攝|SNS|인스타그램|유튜브)$|\s+연구원$")
# One capitalised word in Latin script: 'Freepick', 'Résone', 'SmugMug'
_BRAND_WORD = re.compile(r"^[A-Z\u00c0-\u00de][a-z\u00df-\u024f]+(?:[A-Z][a-z\u00df-\u024f]+)*$")
# Where a name was broken: a line break or tab, or the blanks left by a UI marker ('… [+]'); any other space, a
# no-break space too, stays as written (a value is never re-spelled).
_NAME_BREAK = re.compile(r"[ \u00a0]*[\r\n\t][\s]*| {3,}")
_BROKEN = re.compile(r"[\r\n\t]|   ")  # what every match of _NAME_BREAK holds: the substitution runs only then
_HANDLE_AFTER_NAME = re.compile(r"[ \t]+@(?P<handle>[\w.]{2,60})[ \t]*$")  # 'Jane Roe @janeroe'
_LISTED_TITLE = re.compile(r"(?i),[ \t]+(?:dr|prof|professor|mr|mrs|ms|mme|dra)\.?[ \t]")  # a title after a comma
# A picture's file name ('`tchad-airport.jpg` — Jane Roe / Flickr (CC BY 2.0)', a README's list of asset credits): what
# is credited, no name.
_FILE_NAME = re.compile(r"(?i)^`?[\w.-]{1,80}\.(?:jpe?g|png|gif|svg|webp|tiff?|bmp|heic|avif|mp4|webm|mov)`?$")
# A government named as a whole ('Government of India', 'Gobierno de Chile', 'Australian Government'): no office that
# makes a picture, the body itself (_office_of_a_body).
_GOVERNMENT_ITSELF = re.compile(r"(?i)^(?:the[ \t]+)?(?:government|gobierno|governo|gouvernement|regierung)\b|"
                                r"^[\w.-]+(?:[ \t]+[\w.-]+)?[ \t]+government$")
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
_BRACKET_END = re.compile(r"\s*\([^()]*\)?$")  # a remark in brackets closing a name ('Jane Roe (left)')
_DISTRIBUTORS = frozenset({"agency", "stock", "state-media"})
_EDITOR_CODE = re.compile(r"[a-z]{2,4}$")  # an editor's initials in lower case
_NOT_LETTER = re.compile(r"[\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# (country endings that are also words, 'no', 'is', 'at', 'be', 'in', 'id', 'co', are left out: 'Dr.No'). Latin
# America's endings count written in lower case after a label of two characters or more ('c3m.com.ar', 'latercera.cl'),
# since a capital's ('Jose.Mx') or an initial's ('J.Pe', 'M.Cl') is a name run together; Paraguay's '.py' only after
# 'com', 'org', 'gov', 'edu' or 'net' ('abc.com.py'), since a Python file ends so ('setup.py').
_DOMAIN = re.compile(
    r"(?i)^(?:[a-z0-9-]{1,40}\.){1,3}(?:com|org|net|gov|edu|info|ru|ua|de|fr|uk|jp|cn|it|es|pl|br|pt|nl|kr|ca|au|tv|"
    r"hu|cz|sk|ro|bg|hr|rs|si|gr|tr|se|dk|fi|ee|lt|lv|vn|il|su|kz)$|"
    r"^(?:[A-Za-z0-9-]{1,40}\.){0,2}[A-Za-z0-9-]{2,40}\.(?-i:ar|mx|cl|pe|ve|uy|bo|ec|cu)$|"
    r"^(?:[A-Za-z0-9-]{1,40}\.){1,2}(?:com|org|gov|edu|net)\.(?-i:py)$"
)
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
_POSSESSIVE_ACCOUNT = re.compile(r"(?i)^(?P<name>[^\W\d_][^/,;:]{1,60}?)['’]s[ \t]+(?:" + _OWNED_THINGS + r"|"
                                 r"(?P<platform>[\w.]{1,20})(?:[ \t]+" + _OWNED_THINGS + r")?)$")
_ACCOUNT = re.compile(
    r"(?i)^(?P<platform>.{2,40}?)[ \t-]+(?:user|member|account|nutzer(?:in)?|utilisat(?:eur|rice)|usuari[oa]|"
    r"usuári[oa]|utente|użytkownik|пользователь|користувач)[ \t]+(?P<name>\S{2,40})$|"
    r"^(?P<platform2>.{2,40}?)(?:[ \t]*:)?[ \t]+(?P<handle>@\S{2,40})$"  # 'Twitter @PoliciaCiudad', 'Instagram: @x'

)
# Led by a look-ahead for the characters their matches start with (scan.py): the same matches, fewer positions tried.
_CHAIN, _EDGE_NOISE, KEEP_DOT, _REPORTER, ORG_PHOTO_BY = (
    with_first_chars(p) for p in (_CHAIN, _EDGE_NOISE, KEEP_DOT, _REPORTER, ORG_PHOTO_BY))


@dataclass(frozen=True)
class Link:
    """One link of the chain as written: its text, where it stands, and what it is."""

    text: str
    start: int
    end: int
    label: str  # role | source | organisation | person | unknown
    source: Source | None = None
    creator: str = ""  # for a link "Person, Organisation": the person


# A picture label with nothing after it closing a chain written with no lead-in ('LEHTIKUVA/AFP Kuva:', a Finnish
# caption's empty label run on after its credit) is no part of the last link (the via had been 'AFP Kuva').
_EMPTY_LABEL_END = re.compile(r"[ \t]+(?:Kuvat?|Foto|FOTO|Photos?|PHOTOS?|Bild|BILD|Image|Credits?|Fotó|Фото|Ảnh|"
                              r"Crédit)[ \t]*[:：][ \t]*$")


def assign_names(catalog: Catalog, rest: str, fields: dict[str, str]) -> None:
    """Fill creator, organization and via from what is left of the segment."""
    if ":" in rest or "：" in rest:
        rest = _EMPTY_LABEL_END.sub("", rest)
    if "@" in rest:
        rest = _own_handle(rest)
    if "기자" in rest:
        rest = _outlet_reporter(catalog, rest)
    rest = outlet_photo(catalog, ORG_PHOTO_BY.sub(" / ", rest))
    if "," in rest and "/" in rest:
        rest = _relayed_by_wire(catalog, rest, fields)
    if " (" in rest and "\x1f" in rest:
        rest = _author_in_platform_brackets(catalog, rest)
    rest = em_dash_chain(catalog, _EM_DASH_REMARK.sub("", rest)) if "—" in rest else rest
    rest = en_dash_chain(catalog, rest) if " – " in rest else rest
    dashed = stock_dash(catalog, rest) if "–" in rest or "—" in rest else None
    rest = f"{rest[: dashed[2]]}/{rest[dashed[2] + 1 :]}" if dashed else rest  # 'Jane Roe – stock.adobe.com': 2 links
    links = _merge_known_pairs(catalog, rest, [_label(catalog, part) for part in _links(rest)])
    if len(links) > 2 and _editor_code(links):
        links = links[:-1]  # '(ANTARA FOTO/Jane Roe/foc.)': the photo editor's initials close the chain, no name
    links = _split_agency_pairs(catalog, links)  # 'AP 연합뉴스', 'AP TT': two agencies side by side
    links = _repeated_source(links)
    links = _agency_before_a_full_name(links)
    links = _later_people_are_organisations(links)
    links = _one_word_between_agencies(links)
    links = _handout_supplier(links)
    links = _release_wire_supplier(links)
    links = _brand_alone(links, fields)
    links = _units_of_a_body(catalog, links)
    people = [link for link in links if link.label == "person" or link.creator]
    links, people = _office_of_a_body(links, people)
    if people:
        fields["creator"] = _person(people[0].creator or people[0].text)
    orgs = [link for link in links if link.label in ("source", "organisation")]
    platforms = [link for link in orgs if link.source is not None and link.source.kind == "platform"]
    if len(platforms) == 1 == len(links) and "via" in fields and not people:
        fields["creator"] = platforms[0].text  # 'Photo by Pixabay from Pexels': an account on the platform
        return
    if platforms:
        fields.setdefault("via", _name(platforms[-1]))
        orgs = [link for link in orgs if link not in platforms]
    if orgs:
        _assign_orgs(catalog, rest, orgs, fields, people)


# A description in lower case, a comma between phrases of two or more words each ('silicon nanowire array, scanning
# electron micrograph'): what the picture shows, never a person's name in lower case ('graham earnshaw')
_LOWER_DESCRIPTION = re.compile(r"^[a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*)+(?:,[ \t]*[a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*)+)+$")
# 'NIST — external scientific reference …' cut at the line's end: a lower-case word after a spaced em dash closing the
# credit opens a remark, no person's name
_EM_DASH_REMARK = re.compile(r"(?<=\S)[ \t]+—[ \t]+[a-z]+[ \t]*$")


# '조선일보 일본어판 이대덕 기자': an outlet of a word or two, a Korean name, 기자 (reporter)
_OUTLET_REPORTER = re.compile(r"^\s*(?P<org>[^\s/]{2,20}(?:[ \t]+[^\s/]{2,10})?)[ \t]+(?P<name>[가-힣]{2,4})[ \t]*기자"
                              r"(?:[ \t]+[\w.+-]+@[\w.-]+)?\s*$")  # and the reporter's e-mail


# A platform, then in brackets the author and the license: 'Wikimedia Commons (Jane Roe, CC BY 4.0)', the license
# taken out (its cut, \x1f, left in the bracket; a link's address cut after it, Markdown's emphasis closing it)
_PLATFORM_BRACKET = re.compile(r"^\s*(?P<platform>[^()/\x1f]{2,40}?)\s*\((?P<name>[^()/\x1f]{2,80}?)"
                               r"[\s,;]*\x1f[\s,;]*\)?[\s\x1f*_]*$")


def _author_in_platform_brackets(catalog: Catalog, rest: str) -> str:
    """'Wikimedia Commons (Jane Roe, CC BY 4.0)' without its license: the author, then the platform, as a chain."""
    match = _PLATFORM_BRACKET.match(rest)
    source = match_source(catalog, match.group("platform")) if match is not None else None
    if match is None or source is None or source.kind != "platform":
        return rest
    return f"{match.group('name')}/{match.group('platform')}"


def _outlet_reporter(catalog: Catalog, rest: str) -> str:
    """'사진 : 조선일보 이대덕 기자': the outlet before the reporter's name, as the chain 'name/outlet' when its first
    word reads as an outlet (a paper's, a broadcaster's or an agency's ending) or the catalog knows it."""
    match = _OUTLET_REPORTER.match(rest)
    if match is None:
        return rest
    org = match.group("org")
    if ORGANISATION_SUFFIX.search(org.split()[0]) or match_source(catalog, org):
        return f"{match.group('name')}/{org}"
    return rest


def _own_handle(rest: str) -> str:
    """'Jane Roe @janeroe': a handle after a name that spells the same name (its letters, case aside), or shares a run
    of five letters with it that makes up half the handle or more ('@chilloughby' after Dustin Willoughby), is the
    person's own account, no second party: the name alone ('@smithsonianmuseum' after Ann Smith is a museum's)."""
    handle = _HANDLE_AFTER_NAME.search(rest)
    if handle is None:
        return rest
    name = rest[: handle.start()]
    letters = "".join(ch for ch in name.casefold() if ch.isalpha())
    own = "".join(ch for ch in handle.group("handle").casefold() if ch.isalpha())
    return name if letters and (own == letters or _shares_run(letters, own)) else rest


_OWN_HANDLE_RUN = 5  # letters a nickname handle shares with the name: 'Dustin Willoughby @chilloughby'


def _shares_run(name: str, handle: str) -> bool:
    """Whether the handle and the name have a run of letters in common of _OWN_HANDLE_RUN or more that makes up half
    the handle or more ('illoughby' of 'chilloughby'; only 'smith' of 'smithvalemuseum', a museum's): each run of that
    length in the handle looked up in the name (difflib's longest match had cost some 3 ms on a long name)."""
    run = max(_OWN_HANDLE_RUN, (len(handle) + 1) // 2)
    return any(handle[at : at + run] in name for at in range(len(handle) - run + 1))


def _editor_code(links: list[Link]) -> bool:
    """'ANTARA FOTO/Jane Roe/foc.': after an agency the catalog knows and its photographer, a last link of two to
    four lower-case letters that the catalog does not know (or knows only as a paper's initials: 'wsj') is the initials
    of the agency's photo editor."""
    last, before = links[-1], links[-2]
    unknown = last.source is None or last.source.kind == "publisher"
    return bool(_EDITOR_CODE.match(last.text)) and unknown and before.label == "person" \
        and any(link.source is not None for link in links[:-2])


def _brand_alone(links: list[Link], fields: dict[str, str]) -> list[Link]:
    """'© 2026 Résone · Crédit photo : Résone': one capitalised word, the only name of a credit that names no
    open license, platform or link, written twice as the credit and the © holder, is a studio's or brand's name
    crediting its own image. Written once ('Foto: Hartmann', '© Mossberg') it stays a person's surname."""
    if any(fields.get(k) for k in ("via", "license_url", "source_url")) or fields.get("license", "").casefold() \
            not in ("", "all rights reserved") or any(link.creator or link.label == "source" for link in links):
        return links
    named = [link for link in links if link.label in ("person", "organisation")]
    if len(named) < 2 or not fields.get("copyright") or len({fold_source_name(link.text) for link in named}) != 1 \
            or not _BRAND_WORD.match(named[0].text):
        return links  # 'Foto: Hartmann', '© Mossberg': a surname alone is a person's, as any unknown single name
    brand = Link(named[0].text, named[0].start, named[0].end, "organisation")
    return [brand if link is named[0] else link for link in links if link is named[0] or link not in named]


def lone_brand(catalog: Catalog, name: str) -> bool:
    """Whether a name is one that `_brand_alone` made an organisation: with a license or a platform found on
    another line, it is a username again."""
    return bool(_BRAND_WORD.match(name)) and match_source(catalog, name) is None and not _looks_like_organisation(name)


def _office_of_a_body(links: list[Link], people: list[Link]) -> tuple[list[Link], list[Link]]:
    """'Office of the President / Kremlin.ru': an office credited before the government body the
    catalog knows is the maker, the body its organisation."""
    named = [link for link in links if link.label in ("source", "organisation")]
    if people or len(named) < 2 or named[0].source is not None or _GOVERNMENT_ITSELF.match(named[0].text):
        return links, people  # 'Government of India / PIB': the government itself, no office of it
    if named[1].source is None or named[1].source.kind not in _GOVERNMENT:
        return links, people
    maker = Link(named[0].text, named[0].start, named[0].end, "person")
    return [maker if link is named[0] else link for link in links], [maker]


def _agency_before_a_full_name(links: list[Link]) -> list[Link]:
    """'Eibner/Sven Kettner', 'Photoshot/Jane Roe': a chain of two unknown names, one word and then a full name,
    is written agency first (as 'Reuters/Jane Roe'); a photographer's surname alone never comes before the name of
    the agency. Handles ('@kettner') stay people."""
    named = [link for link in links if link.label != "role"]
    if len(named) != 2 or any(link.label != "person" or link.creator for link in named):
        return links
    first, second = named
    if " " in first.text or first.text.startswith("@") or len(second.text.split()) < 2:
        return links
    agency = Link(first.text, first.start, first.end, "organisation")
    return [agency if link is first else link for link in links]


def _one_word_between_agencies(links: list[Link]) -> list[Link]:
    """'Sopa Images/LightRocket/Getty Images': one word between two agencies or organisations is a middle link of
    the chain (a brand of the agency or the distributor), never a photographer, whose name the agency writes in full."""
    out = list(links)
    for at in range(1, len(links) - 1):
        link, before, after = links[at], links[at - 1], links[at + 1]
        if link.label == "person" and not link.creator and " " not in link.text and not link.text.startswith("@") \
                and before.label in ("source", "organisation") and after.label in ("source", "organisation"):
            out[at] = Link(link.text, link.start, link.end, "organisation")
    return out


# A subject's name marked as a file picture, as dts writes it ('Foto: Jane Roe (Archiv), via dts Nachrichtenagentur'):
# the person shown, no party of the credit (a source the catalog knows so marked is the credit: 'Foto: dpa (Archiv)').
_FILE_PICTURE_OF = re.compile(r"(?i)\s\((?:archiv|archivbild|archivfoto|archive|archives|archivo|symbolbild)\)$")


def _handout_supplier(links: list[Link]) -> list[Link]:
    """'Foto: Divulgação/Tesla', 'divulgação/FPF': a single word beside a handout mark is the company or body that
    handed the picture out (a photographer is named in full: 'Divulgação/Jane Roe' stays a person)."""
    if len(links) != 2 or not any(link.label == "role" and link.text.casefold() in HANDOUT_MARKS for link in links):
        return links
    return [Link(link.text, link.start, link.end, "organisation")
            if link.label == "person" and not link.creator and " " not in link.text.strip()
            and not link.text.startswith("@") else link for link in links]


def _release_wire_supplier(links: list[Link]) -> list[Link]:
    """'(PRNewsfoto/Jacksons Car Wash)', '(CNW Group/Harwick Foods)': a press-release wire (a platform that hands out
    its clients' pictures) names the company that issued the release after it, never a photographer; a name after
    it is that company's, whatever its shape ('PRNewsfoto/Harwick Foods' is no Mr Foods)."""
    if len(links) != 2 or links[0].source is None or links[1].label != "person" or links[1].creator:
        return links
    if links[0].source.kind != "platform" or links[0].source.terms != "handout":
        return links
    supplier = links[1]
    return [links[0], Link(supplier.text, supplier.start, supplier.end, "organisation")]


def _later_people_are_organisations(links: list[Link]) -> list[Link]:
    """'Jane Roe/Variety/REX/Shutterstock': after the creator, a name in the chain is an outlet or agency. After a
    public body, a word shaped as a unit's ('NASA/JPL-Caltech/SwRI/MSSS/Jane Roe': _units_of_a_body) is no creator
    yet: the person after the units is."""
    out: list[Link] = []
    seen_person = False
    body_first = bool(links) and links[0].source is not None and links[0].source.kind in _GOVERNMENT
    for link in links:
        if link.label == "person" and seen_person:
            link = Link(link.text, link.start, link.end, "organisation")
        unit = body_first and link.label == "person" and not link.creator and bool(_UNIT_WORD.match(link.text))
        seen_person = seen_person or link.label == "person" and not unit or bool(link.creator)
        out.append(link)
    return out


def _assign_orgs(catalog: Catalog, rest: str, orgs: list[Link], fields: dict[str, str], people: list[Link]) -> None:
    # 'DoD photo by U.S. Army Sgt. Jane Roe': a later body before a rank and name is the person's unit, not a link;
    # 'ESA/Hubble & NASA, F. Pacaud': a joint body's last part, before the names of its scientists, stays a link
    orgs = orgs[:1] + [o for o in orgs[1:] if not o.creator or o.source is None and _unit_link(catalog, o)
                       and rest[max(0, o.start - 2) : o.start] != " ("]  # 'ESO/Jane Roe (Harwick University)'
    # (the body a scientist works for, in brackets after the name, joins no joint credit)
    # 'ESO/J. Emerson/VISTA': a body, its photographer, then the survey: no joint credit across a person
    across = any(orgs[0].end <= p.start < orgs[-1].start for p in people if p not in orgs)
    # a platform or 'via' named apart leaves the joint credit whole ('Gemini Observatory/NOIRLab/NSF/AURA/Name /
    # Wikimedia Commons')
    if len(orgs) > 1 and not across and _joint_credit(catalog, orgs):
        fields["organization"] = rest[orgs[0].start : orgs[-1].end]
        return
    last = orgs[-1].source
    if len(orgs) > 2 and "via" not in fields and not across and last is not None and last.kind in _DISTRIBUTORS \
            and _joint_credit(catalog, orgs[:-1]):  # 'NASA/JPL-Caltech/MSSS/Getty Images': the joint credit, then
        fields["organization"] = rest[orgs[0].start : orgs[-2].end]  # the agency that distributes it
        fields["via"] = _name(orgs[-1])
        return
    fields["organization"] = _name(orgs[0])
    if len(orgs) > 1 and "via" not in fields:
        fields["via"] = _name(orgs[-1])


def _joint_credit(catalog: Catalog, orgs: list[Link]) -> bool:
    """'NASA/ESA/CSA/STScI', 'NASA/JPL-Caltech/MSSS', 'NASA/JPL-Caltech/University of Arizona': public bodies, and
    after the first one units, missions and research bodies the catalog does not know, credited together: one
    organisation, no via."""
    first = orgs[0].source
    led = first.kind in _GOVERNMENT if first is not None else _research_body(orgs[0].text)
    return led and all(o.source.kind in _GOVERNMENT if o.source is not None else _unit_link(catalog, o)
                       for o in orgs[1:])


def _research_body(name: str) -> bool:
    """'University of Colorado Boulder', 'Edwards Lab': a research body the catalog does not know, which leads a joint
    credit with its departments and parent ('…/ATOC', 'Edwards Lab/Brown University') as a public body does."""
    return " " in name and any(w.strip(",()").casefold() in RESEARCH_WORDS for w in name.split())


def _unit_link(catalog: Catalog, link: Link) -> bool:
    """A link a public body credits with it: one word ('JPL-Caltech', 'MSSS'), a research body ('University of
    Arizona', 'CMS Collaboration', 'Hayabusa2 ONC team'), or a part joined by '&' to a public body ('Hubble &
    NASA')."""
    if " " not in link.text:
        return True
    if any(w.strip(",()").casefold() in RESEARCH_WORDS for w in link.text.split()):
        return True
    unit, comma, bodies = link.text.partition(", ")  # 'Webb, NASA, CSA' (_unit_bodies_people)
    if comma and " " not in unit and all(_bodies(catalog, piece) for piece in bodies.split(", ")):
        return True
    return " & " in link.text and any(_public_body(catalog, p) for p in link.text.split(" & "))


def _units_of_a_body(catalog: Catalog, links: list[Link]) -> list[Link]:
    """'NASA/JPL/UArizona', 'ESA/TGO/CaSSIS', 'ESA/Hubble & NASA': in a chain led by a public body the catalog knows,
    a later name shaped as a unit's ('UArizona': two capitals in a row, or a digit) or joined by '&' to a public body
    is a unit or partner credited with it, not a person's surname. 'ESA/Hubble & NASA, F. Pacaud, D. Coe': the
    names after the joint body are its scientists."""
    named = [link for link in links if link.label != "role"]
    first = named[0].source if named else None
    if first is None or first.kind not in _GOVERNMENT or len(named) < 2:
        return links
    out: list[Link] = []
    for link in links:
        if link.label == "person" and not link.creator and link is not named[0]:
            head, comma, tail = link.text.partition(",")
            bare = _BRACKET_END.sub("", link.text)  # 'SwRI (New Horizons)': the mission in brackets is a remark
            if _UNIT_WORD.match(bare):
                link = Link(bare, link.start, link.start + len(bare), "organisation")
            elif " & " in head and any(_public_body(catalog, p.strip()) for p in head.split(" & ")):
                people = tail.strip()
                link = Link(head.rstrip(), link.start, link.start + len(head.rstrip()), "organisation",
                            creator=people if comma and all(looks_like_person(p.strip()) for p in
                                                            people.split(",")) else "")
            else:
                link = _unit_bodies_people(catalog, named[0].text, link) or link
        elif link.label == "organisation" and " " not in link.creator.strip() and link.creator[:1].isupper() \
                and link is not named[0]:  # 'Webb, NASA, CSA, J. Roe' read as a person then bodies: the unit's
            whole = f"{link.creator}, {link.text}"  # one word before the bodies, the scientists after them
            link = _unit_bodies_people(catalog, named[0].text,
                                       Link(whole, link.start - len(link.creator) - 2, link.end, "person")) or link
        out.append(link)
        if link.creator and link.creator.endswith("\x1e"):  # '…, M. Zamani (ESA/Webb)': the slash in the bracket
            out[-1] = Link(link.text, link.start, link.end, link.label, link.source, link.creator[:-1])
            break  # after the last scientist's name is the body they work for, no further link of the chain
    return out


# The programme's team closing the list of a joint credit's scientists ('… A. Adamo (Stockholm University) and the
# FEAST JWST team'): no person, and the names before it are the creators
_AND_TEAM = re.compile(r"(?i)\s+and\s+the\s+[^,()]{2,60}?\b(?:team|collaboration)$")


def _unit_bodies_people(catalog: Catalog, body: str, link: Link) -> Link | None:
    """'ESA/Webb, NASA & CSA, J. Roe', 'ESA/Webb, NASA, CSA, J. Roe, T. Bell': after a public body and a slash, a
    unit in one word (its office the catalog knows, 'ESA/Webb', or shaped as a unit's, 'SwRI'), then public bodies
    (alone or joined by '&'), then the scientists: the unit and the bodies are the joint credit's last part and the
    names its creators. A last name cut by a slash in its bracket ('M. Zamani (ESA/Webb)') is marked (\x1e) for the
    caller to end the chain there."""
    pieces = link.text.split(", ")
    unit = pieces[0].strip()
    if len(pieces) < 3 or " " in unit or not unit[:1].isupper() \
            or not (_UNIT_WORD.match(unit) or match_source(catalog, f"{body}/{unit}") is not None):
        return None
    count = 1
    while count < len(pieces) and _bodies(catalog, pieces[count]):
        count += 1
    people = [_BRACKET_END.sub("", _AND_TEAM.sub("", p.strip())) for p in pieces[count:]]
    if count == 1 or not people or not all(looks_like_person(p) and not _is_org(catalog, p) for p in people):
        return None
    head = ", ".join(pieces[:count])
    cut = "\x1e" if pieces[-1].count("(") > pieces[-1].count(")") else ""
    return Link(head, link.start, link.start + len(head), "organisation", creator=", ".join(people) + cut)


def _bodies(catalog: Catalog, piece: str) -> bool:
    """'NASA', 'NASA & CSA': one public body the catalog knows, or several joined by '&'."""
    return all(_public_body(catalog, part.strip()) for part in piece.split(" & "))


def _name(link: Link) -> str:
    """A link's name as written; a platform written as its domain ('Pexels.com') by its catalog name."""
    if link.source is not None and link.source.kind == "platform" and "." in link.text and " " not in link.text:
        return link.source.name
    return link.text


def _person(name: str) -> str:
    """A creator as the conventions write it: no rank, no lead-in, capitals in title case."""
    name = LEAD_IN_TEXT.sub("", name).strip()
    name = RANK.sub("", name).strip()
    if name[:1] in "DdPpMmIi":  # what every title starts with: the substitution runs only then
        name = TITLE.sub("", name)
    if ", " in name and name.rpartition(", ")[2].strip(" .").casefold() in COUNTRIES:
        name = name.rpartition(", ")[0]  # 'Ada Brook, Philippines': where the entrant is from, no second person
    if ", " in name and _LISTED_TITLE.search(name):  # 'Ada Brook, Dr. Bo Lee': each name of a list without its title
        name = ", ".join(TITLE.sub("", part) for part in name.split(", "))
    if "(" in name:
        name = _BRACKET_END.sub("", name) or name
    if not name.isascii():
        name = _REPORTER.sub("", name) or name  # '김하늘 기자' -> '김하늘': the job title is dropped
    if _BROKEN.search(name):  # a name broken over lines or around a marker: one space
        name = _NAME_BREAK.sub(" ", name)
    return title_case_capitals(name)


def _links(rest: str) -> list[tuple[str, int, int]]:
    """The pieces between chain separators, trimmed of noise at their edges only."""
    found, cursor = [], 0
    for separator in [*_CHAIN.finditer(rest), None]:
        stop = separator.start() if separator else len(rest)
        piece = rest[cursor:stop]
        dated = _DATE_END.search(piece) if piece[-2:].isdigit() or piece[-3:-1].isdigit() else None
        if dated is not None:
            piece = piece[: dated.start()]  # 'E. Roe / August 2009': the date is no link, nor part of the name
        lead = _EDGE_NOISE.match(piece) if not piece[:1].isalpha() else None  # noise never starts with a letter
        begin = cursor + (lead.end() if lead else 0)
        trimmed = _without_edge_noise(piece)
        if trimmed.endswith("_") and not trimmed.startswith("@") and "_" not in trimmed[:-1]:
            trimmed = trimmed[:-1]  # the close of Markdown emphasis ('_Photo: Mara Quell/AP_'), not a handle's '_'
        initial = initial_end(trimmed)  # 'Carvalho S.': an initial after the surname keeps its full stop too
        if trimmed and ("(" in trimmed or initial or KEEP_DOT.search(trimmed)):  # 'Ltd.', 'African News Agency
            after = piece[piece.find(trimmed) + len(trimmed) :][:1]  # (ANA)': the stop or the bracket's close is the
            if after == "." and (initial or KEEP_DOT.search(trimmed)) \
                    or after == ")" and trimmed.count("(") > trimmed.count(")"):  # name's
                trimmed += after
        if trimmed:
            found.append((trimmed, begin, begin + len(trimmed)))
        cursor = separator.end() if separator else len(rest)
    return found


def _without_edge_noise(text: str) -> str:
    """The text with _EDGE_NOISE cut from both ends. A run of noise starts with a mark, a space or a digit, and ends
    with one or with a month after a year: a text that starts and ends with a letter and holds no digit has none
    (the common case, told without the pattern's search through the text)."""
    if text[:1].isalpha() and text[-1:].isalpha() and not has_digit(text):
        return text
    return _EDGE_NOISE.sub("", text)


def initial_end(text: str) -> bool:
    """Whether a link ends in a capital standing alone after a word: a surname's initial ('Carvalho S')."""
    return len(text) > 2 and text[-2] == " " and "A" <= text[-1] <= "Z" and text[-3].isalpha()


def _label(catalog: Catalog, part: tuple[str, int, int]) -> Link:
    """What a link is; the answer depends on its text only, so it is remembered per catalog and
    placed at the link's position."""
    text, start, end = part
    found = remembered(catalog, "credit-link-labels", text, _label_text)
    if start == 0:  # already where it stands (a Link is frozen: shared as it is; a chain's links start apart)
        return found
    return Link(found.text, start + found.start, start + found.end, found.label, found.source, found.creator)


def _label_text(catalog: Catalog, text: str) -> Link:
    start, end = 0, len(text)
    if _LOWER_DESCRIPTION.match(text):  # 'silicon nanowire array, scanning electron micrograph': what is shown
        return Link(text, start, end, "unknown")
    if _DATA_SOURCE.match(text):  # '… | Data Source: Our World in Data' after a chart's maker: its data's source, no
        return Link(text, start, end, "role")  # party to the picture
    if "`" in text:  # '(`source/source.jpg`, the publisher's JPEG)': a file's path written as code (cut at its slash
        return Link(text, start, end, "unknown")  # into links), and no name holds a backtick
    lead = LEAD_IN_TEXT.match(text)
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
    if folded in ROLES or folded.removeprefix("the ") in ROLES or _COURTESY.fullmatch(text) \
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
    collective = CONTRIBUTORS.search(text)
    if collective is not None and collective.start() > 0:  # 'OpenStreetMap und Mitwirkende': as written
        known = match_source(catalog, text[: collective.start()])
        return Link(text, start, end, "source" if known else "organisation", known)
    photographed = _holder_then_photographer(catalog, text, start) if text.endswith(")") and " (" in text else None
    if photographed is not None:
        return photographed
    model = _generator_named(catalog, text) if text[-1:].isdigit() or text.endswith(_GENERATOR_ENDS) else None
    if model is not None:  # 'Midjourney v5', 'DALL·E 3': the generator, its model's version no name
        return Link(model[0], start, start + len(model[0]), "source", model[1])
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
        if body is not None and (body.kind in _GOVERNMENT or body.kind in ("platform", "agency")
                                 and not _LICENSE_INSIDE.search(text[len(head) :])):
            return Link(head, start, start + len(head), "source", body)  # 'Wikimedia Commons (Klick für Quelle)':
            # a platform the catalog knows, and in brackets a remark; an agency and its remark where no photographer
            # is named ('(c) REUTERS (KYIV)', '© AFP (MIDDLE EAST)': the agency had been read as a person)
    affiliated = _affiliation(catalog, text, start) if text.endswith(")") and " (" in text else None
    if affiliated is not None:
        return affiliated
    qualified = _qualified_source(catalog, text)
    if qualified is not None:
        return Link(text, start, end, "source", qualified)
    owned = _POSSESSIVE_ACCOUNT.match(text) if "s " in text or "S " in text else None
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
    if not _public_body(catalog, first):
        return None
    bodies = 1
    while bodies < len(pieces) and (_public_body(catalog, pieces[bodies][1].strip())
                                    or _UNIT_WORD.match(pieces[bodies][1].strip())):  # 'NASA, JHUAPL, SwRI'
        bodies += 1
    if bodies == len(pieces):
        return None  # bodies only: read as a joint credit (_by_shape)
    at = pieces[bodies][0]
    people = _AND_LEAD.sub("", _AFFILIATED.sub("", text[at:]).strip(" ,"))
    names = [_AND_LEAD.sub("", name.strip()) for name in re.split(r",|\band\b|&", people)]
    if not people or not all(name and looks_like_person(name) and not _is_org(catalog, name) and not name.isupper()
                             and name.split()[0].casefold() not in LIST_ARTICLES
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
            or not looks_like_person(inner) or _is_org(catalog, inner) or heritage_name(inner) \
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
    if "(" in inner or not looks_like_person(head) or _is_org(catalog, head) or heritage_name(head):
        return None  # 'Archiwum Marrowskie (Marrow Archive)': a holder's name, glossed
    known = match_source(catalog, inner)
    if known is None and not (" " in inner and _looks_like_organisation(inner)) and not _UNIT_WORD.match(inner):
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


def _qualified_source(catalog: Catalog, text: str) -> Source | None:
    """'UNICEF Afghanistan', 'Reuters TV': a known source and a word or two that qualify it."""
    head, dash, tail = text.partition("-")
    if dash and " " not in text and tail and match_source(catalog, head) is not None:
        return match_source(catalog, head)
    words = text.split()
    if not 2 <= len(words) <= 4 or RANK.match(" ".join(words[1:])) or "," in text or ":" in text:
        return None  # a comma lists names; a colon ends a label, its value no qualifier ('ABC Kids: Bluey')
    for count in (2, 1):
        source = match_source(catalog, " ".join(words[:count])) if count < len(words) else None
        if count == 1 and word_alias(catalog, words[0]) or count == 2 and _article_before_alias(catalog, words):
            continue  # 'Apple Martin', 'Samsung Galaxy', 'Granger Smith': a word that names a source only as an alias
            # is a name's or a product's first word as often, never a source qualified; after 'The' too ('The Apple
            # Watch Ultra.', 'The Huawei Mate XT.': a product's caption)
        rest = words[count:]
        if source is not None and len(rest) <= 2 and all(w[:1].isupper() and w.casefold() not in ROLES for w in rest):
            return source
    return None


def _article_before_alias(catalog: Catalog, words: list[str]) -> bool:
    """'The Apple …': an article, then a word that names a source only as an alias (see word_alias)."""
    return words[0].casefold() == "the" and word_alias(catalog, words[1])


def _generator_named(catalog: Catalog, text: str) -> tuple[str, Source] | None:
    """'Midjourney v5', 'DALL·E (OpenAI)': a generator the catalog knows, then its version, its kind or its maker."""
    tail = _GENERATOR_TAIL.search(text)
    if tail is None or tail.start() == 0:
        return None
    source = match_source(catalog, text[: tail.start()])
    return (text[: tail.start()], source) if source is not None and source.kind == "generator" else None


def word_alias(catalog: Catalog, word: str) -> bool:
    """'Apple', 'Magnum', 'Granger', 'Polaris': one word in lower case after its capital that names a source only as an
    alias of a fuller name ('Apple Inc.', 'Magnum Photos', 'Granger Historical Picture Archive'); as often a word, a
    surname or a product's name (licenses/README). A source's own name ('Reuters') or initials ('DBT') are none."""
    if " " in word or not word[:1].isupper() or word[1:] == word[1:].upper():
        return False
    source = match_source(catalog, word)
    return source is not None and word.casefold() != source.name.casefold()


def _owned_account(catalog: Catalog, owned: re.Match[str], start: int) -> Link | None:
    """"Jane Roe's Facebook page": the person, through the platform; "Harbor Police's Instagram", "the city's
    archive": the owner as its own link would be read (a body, or no one: 'the city'), the platform left out."""
    name = owned.group("name")
    owner = _label_text(catalog, name) if not name[:1].islower() else Link(name, 0, len(name), "unknown")
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
            if source is not None and source.kind in _DISTRIBUTORS and looks_like_person(head):
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
    if source is None or source.kind not in _DISTRIBUTORS | {"government"} or not looks_like_person(head):
        return None
    return tail, source


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
    if source is None or source.kind not in _DISTRIBUTORS or not pair["agency"][:1].isupper() \
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
    suffix = _PHOTO_SUFFIX.search(text)
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

    return text[: suffix.start()], end - (len(text) - suffix.start())


def _lender(catalog: Catalog, pieces: list[str], text: str, start: int) -> Link | None:
    """'Jane Roe, courtesy of the Harwick Museum': the photographer, then the body that lent or supplied the
    picture, which is the organisation; after a person who lent it ('…, Courtesy of Ann Lee'), or no one named
    ('…, courtesy of the artist'), the photographer alone."""
    lent = _COURTESY.match(pieces[1])
    if lent is None or lent.end() == len(pieces[1]) or not looks_like_person(pieces[0]) or _is_org(catalog, pieces[0]):
        return None
    body = _label_text(catalog, pieces[1])
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
        if _DATA.match(kept) and _is_org(catalog, name):  # 'contains modified Copernicus Sentinel data (2019),
            offset = text.rindex(name)  # processed by ESA': the body that made the image from the data
            return Link(name, start + offset, start + offset + len(name), "organisation")
        body = _by_shape(catalog, kept, start, start + len(kept)) if looks_like_person(name) else None
        if body is not None and body.label == "organisation" and not body.creator:  # 'Hayabusa2 ONC team,
            return Link(body.text, body.start, body.end, "organisation", creator=name)  # processed by Kevin M. Gill':
            # who processed the image made this version of it
    if len(pieces) > 1 and _public_body(catalog, pieces[0]) and all(
            _public_body(catalog, p) or _looks_like_organisation(p) or _UNIT_WORD.match(p) for p in pieces[1:]):
        return Link(text, start, end, "organisation")  # 'NASA, ESA, CSA, STScI', 'NASA, JHUAPL, SwRI': joint, whole
    if len(pieces) > 1 and (fold_source_name(pieces[-1]) in ROLES and not portrait(pieces[-1])
                            or _desk_or_job(pieces[-1])):
        # 'Ferran Mestres, File': how it came, no name ('Jane Roe, photograph' names a portrait's sitter); 'Ida Vell,
        # Sports Photographer', 'Ida Vell, Football': her job or the paper's desk
        kept = text[: text.rindex(",")].rstrip()
        return _by_shape(catalog, kept, start, start + len(kept))
    if len(pieces) > 2 and _YEAR_PIECE.match(pieces[-1]) and looks_like_person(pieces[0]) \
            and not _is_org(catalog, pieces[0]) and not any(_is_org(catalog, p) for p in pieces[1:-1]):
        return Link(pieces[0], start, start + len(pieces[0]), "person")  # 'Jane Roe, The Harbour, 1868-69': the
        # artist, then the work's title and year, as an artwork's caption names them
    place = text[text.index(pieces[1]) :] if len(pieces) > 1 else ""
    if place and looks_like_person(pieces[0]) and (
            _PLACE.match(place) or _US_PLACE.match(place) and not _looks_like_organisation(pieces[1])):
        return Link(pieces[0], start, start + len(pieces[0]), "person")  # 'Kirra Dawson, Adelaide SA': a place
    if text.startswith("the ") and _looks_like_organisation(text[4:]):  # 'Courtesy of the Brightwater Society'
        return Link(text[4:], start + 4, end, "organisation")
    lender = _lender(catalog, pieces, text, start) if len(pieces) == 2 else None
    if lender is not None:
        return lender
    if len(pieces) > 1 and pieces[-1] in COMPANY_FORM_NAMES:  # 'Harbor Lane Media, LLC': one name
        pieces[-2:] = [text[text.index(pieces[-2]) :].strip()]
    titled = len(pieces) > 1 and pieces[0].split()[0].casefold() in LIST_ARTICLES \
        and not any(match_source(catalog, p) for p in pieces[1:])  # 'El Faro, Marrowby High School': a title
    if len(pieces) > 1 and looks_like_person(pieces[0]) and not _is_org(catalog, pieces[0]) and not titled:
        if any(_is_org(catalog, p) for p in pieces[1:]):
            offset = text.index(pieces[1])
            known = match_source(catalog, text[offset:])  # 'Matt Levin, Wikimedia Commons': a platform is the via
            return Link(text[offset:], start + offset, end, "source" if known else "organisation", known,
                        creator=pieces[0])
        if all(p[:1].islower() for p in pieces[1:]) and not portrait(pieces[1]):  # 'Dred Scott, photograph': a sitter
            return Link(pieces[0], start, start + len(pieces[0]), "person")
    if len(pieces) == 2 and match_source(catalog, pieces[0]) is not None and looks_like_person(pieces[1]) \
            and " " in pieces[1] and not _is_org(catalog, pieces[1]):  # 'Shutterstock.com, Jane Roe': the agency,
        # then its photographer in full ('Mandarin Oriental, Paris', 'Reuters, London': one word is where it is)
        source = match_source(catalog, pieces[0])
        return Link(pieces[0], start, start + len(pieces[0]), "source", source, creator=pieces[1])
    if len(pieces) == 2 and pieces[0].casefold() in POST_INITIALS and " " in pieces[1]:
        return Link(text, start, end, "unknown")  # 'CEO, Jane Roe': the post of the person shown, no credit
    if len(pieces) == 2 and _INITIALS.fullmatch(pieces[0]) and pieces[0] not in _LICENSE_INITIALS \
            and pieces[0].casefold() not in COUNTRIES \
            and " " in pieces[1] and looks_like_person(pieces[1]) and not _is_org(catalog, pieces[1]):
        # 'RD, Jane Roe' (beeld RD, …): a paper's or agency's initials the catalog does not know, then its
        # photographer in full
        return Link(pieces[0], start, start + len(pieces[0]), "organisation", creator=pieces[1])
    if len(pieces) == 2 and pieces[1].isalpha() and pieces[1][:1].isupper() \
            and (located := match_source(catalog, pieces[0])) is not None:
        return Link(pieces[0], start, start + len(pieces[0]), "source", located)  # 'Mandarin Oriental, Paris': the
        # source and its place, no photographer
    names = [p for p in pieces[1:] if looks_like_person(p) or _is_org(catalog, p)]
    if len(pieces) > 1 and _is_org(catalog, pieces[0]) and not names:
        first = _YEAR_END.sub("", pieces[0])  # '© ESA WorldCover project 2021, contains …': the year of the ©
        return Link(first, start, start + len(first), "organisation")  # 'dpa-infocom, dpa:2402…': an id
    if len(pieces) > 1 and _is_org(catalog, pieces[-1]) and not looks_like_person(pieces[0]) \
            and not _is_org(catalog, pieces[0]):
        offset = text.rindex(pieces[-1])  # "Folio from a Shahnama, Metropolitan Museum": a title, the holder
        return Link(pieces[-1], start + offset, start + offset + len(pieces[-1]), "organisation")
    if _looks_like_organisation(text) or text.startswith("@") and _institution_handle(catalog, text) \
            or _HASHTAG.fullmatch(text) or heritage_name(text) or _GLUED_OUTLET.match(text):
        # ('Archives municipales de Toulouse': the noun first, then its adjectives; '#WeTheBrave': a campaign's tag)
        return Link(text, start, end, "organisation")
    if " " not in text and text[-2:] in ("'s", "’s", "'S", "’S") and text[:1].isalpha():
        return Link(text, start, end, "organisation")  # "MCTEAR'S", "Macy's": one word in the possessive names a shop
        # or a firm (an auction house's handout, 'MCTEAR'S/PA'), never a photographer
    unranked = RANK.sub("", text)
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
    if known is not None or _looks_like_organisation(maker):
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
    return source is not None and source.kind in _GOVERNMENT


def _public_body(catalog: Catalog, text: str) -> bool:
    source = match_source(catalog, text)
    return source is not None and source.kind in _GOVERNMENT


def _code_or_script(word: str) -> bool:
    return word.isupper() or not word.isascii()


def _repeated_source(links: list[Link]) -> list[Link]:
    """'Jane Roe/TT / TT': a source written again right after itself (Swedish papers add the agency of the template
    to the credit that names it) is one link."""
    if len(links) < 3 or links[-1].source is None or links[-1].source is not links[-2].source:
        return links
    return links[:-1]


def _split_agency_pairs(catalog: Catalog, links: list[Link]) -> list[Link]:
    """'AP 연합뉴스', 'EPA 연합뉴스', 'AP TT': an agency and the agency that distributes it, side by side without a
    slash (as Korean and Swedish papers write them): two links."""
    out: list[Link] = []
    for link in links:
        first, _, second = link.text.partition(" ")
        shaped = second and " " not in second and _code_or_script(first) and _code_or_script(second) \
            and (link.label != "source" or match_source(catalog, link.text) is None)  # 'AP TT': not AP qualified
        one = match_source(catalog, first) if shaped else None
        other = match_source(catalog, second) if one is not None and one.kind in _DISTRIBUTORS else None
        if one is None or other is None or other.kind not in _DISTRIBUTORS:
            out.append(link)
            continue
        out.append(Link(first, link.start, link.start + len(first), "source", one))
        out.append(Link(second, link.end - len(second), link.end, "source", other))
    return out


def _is_org(catalog: Catalog, text: str) -> bool:
    known = match_source(catalog, text) or _qualified_source(catalog, text)
    return known is not None or _looks_like_organisation(text)


def _has_organisation_word(text: str, words: list[str]) -> bool:
    """An organisation word anywhere, but a company form ('sa', 'ag', 'inc') not as the first word of the name
    after its rank ('Sgt. 1st Class Sa Fenha': a given name)."""
    if ORGANISATION_WORDS.isdisjoint(words):  # the common case, at one set operation
        return False
    for at, word in enumerate(words):
        if word in SPORT_WORDS and not _sport_of_a_body(text, word):
            continue  # 'Football', 'Jane Roe, Basketball Photographer': a sport, or a job in it, beside no body's name
        if word in ORGANISATION_WORDS and (word not in FORM_WORDS and word not in GIVEN_NAME_ORGANISATION_WORDS
                                           or at > _name_start(text)):
            return True  # ('Summit Sharma': a given name first; 'HT Leadership Summit' a body)
    return False


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


def _sport_of_a_body(text: str, sport: str) -> bool:
    """Whether a sport's word stands in a body's name: beside another word of its own part of the text (between
    commas) that is neither a sport's nor a job's ('Cricket Ireland', 'Harbor Racing')."""
    for part in text.split(","):
        words = [w.strip(".()").casefold() for w in part.split()]
        if sport in words and any(w not in SPORT_WORDS and w not in JOB_WORDS for w in words):
            return True
    return False


def _name_start(text: str) -> int:
    rank = RANK.match(text)
    return len(text[: rank.end()].split()) if rank else 0


_STOCK_DASH = re.compile(r"^(?P<who>[^\-–—]{2,60}?)[ \t]+(?P<dash>[\-–—])[ \t]+"
                         r"(?P<stock>[^\s\-–—]{3,40}(?:[ \t][^\s\-–—]{1,20})?)$")


def stock_dash(catalog: Catalog, text: str) -> tuple[str, str, int] | None:
    """'Jane Roe - stock.adobe.com', 'Jane Roe – Fotolia.com' -> (who, site, where the dash is): the credit a stock
    site asks for, a name, a dash, the site. Only a stock site: 'Joe Biden - Reuters' is a headline and its
    source."""
    dashed = _STOCK_DASH.match(text) if " " in text else None
    stock = match_source(catalog, dashed.group("stock")) if dashed else None
    if dashed is None or stock is None or stock.kind != "stock":
        return None
    return dashed.group("who"), dashed.group("stock"), dashed.start("dash")


# TIME's chain: a name, an em dash with no space around it, then the agency or outlet ('Jane Roe—Getty Images', 'Jane
# Roe—AFP/Getty Images', 'Jane Roe—The Washington Post/Getty Images')
_EM_DASH_LINK = re.compile(r"(?<=[^\W\d_])—(?=[A-Z])")
_FIRST_LINK_END = re.compile(r"[ \t]*(?:/|[ \t]via[ \t]|$)")


def em_dash_chain(catalog: Catalog, text: str) -> str:
    """'Jane Roe—Getty Images' -> 'Jane Roe/Getty Images': the em dash is a chain's slash where a person's name of two
    to four words (no article first, no colon) stands before it and a source the catalog knows after it; other text as
    it is ('Jean—Paul', 'Rock—Paper—Scissors', 'The Crown: Season Two—Netflix')."""
    match = _EM_DASH_LINK.search(text)
    if match is None:
        return text
    who = text[: match.start()].strip()
    after = text[match.end() :]
    first = after[: _FIRST_LINK_END.search(after).start()]  # type: ignore[union-attr]  # '$' always matches
    if not 2 <= len(who.split()) <= 4 or ":" in who or who.split()[0].casefold() in LIST_ARTICLES \
            or match_source(catalog, first) is None or _label(catalog, (who, 0, len(who))).label != "person":
        return text  # 'The Crown: Season Two—Netflix': a title and its publisher
    return f"{text[: match.start()]}/{after}"


# 'The Canadian Press – Jane Roe': an agency, a spaced en dash, its photographer (the chain's only en dash, the name
# closing it)
_EN_DASH_LINK = re.compile(r"^(?P<agency>[^–/]{2,40}?)[ \t]+–[ \t]+(?P<who>[A-Z][^–/,;()]{2,60})$")


def en_dash_chain(catalog: Catalog, text: str, capitals: bool = False) -> str:
    """'The Canadian Press – Jane Roe' -> 'The Canadian Press/Jane Roe': a spaced en dash is a chain's slash where an
    agency, stock library or state agency the catalog knows stands before it and a person's name of two to four words
    after it; other text as it is ('Paris – Roubaix', 'Harwick Herald – Jane Roe', 'AP – The Week in Pictures').
    `capitals`: with no lead-in, the name in capitals only, as the agency writes it ('AFP – JANE ROE'), as with a
    hyphen (credit_spans._is_dash_chain): a name as a sentence writes it after an agency and a dash is a story's author
    or a team ('Talks resume. Reuters – Tom Varga', 'AP – Harwick Rovers')."""
    match = _EN_DASH_LINK.match(text.strip())
    if match is None:
        return text
    agency, who = match_source(catalog, match.group("agency")), match.group("who").strip(" .")
    if agency is None or agency.kind not in _DISTRIBUTORS or not 2 <= len(who.split()) <= 4 \
            or _label(catalog, (who, 0, len(who))).label != "person" or capitals and not who.isupper():
        return text
    return f"{match.group('agency')}/{who}"


# A wire's relay of another source's photo: 'CNS photo/Jane Roe, Reuters', 'OSV News photo/Jane Roe, The Harwick
# Herald' (a Catholic wire's house style: the wire, its word photo, the photographer, the outlet that made it).
_WIRE_RELAY = re.compile(r"^(?P<wire>[^/,]{2,40}?)[ \t]*/[ \t]*(?P<who>[^/,]{3,60}?),[ \t]*"
                         r"(?P<source>[^/,]{2,60}?)[ \t.]*$")


def _relayed_by_wire(catalog: Catalog, rest: str, fields: dict[str, str]) -> str:
    """'CNS / Jane Roe, Reuters' -> 'Jane Roe / Reuters', the wire the via: where the first link is a news agency the
    catalog knows, the second a person's name and the third a source the catalog knows or an outlet by its shape ('The
    Harwick Herald'). An archive mark or a pool after the name ('AP Photo/Jane Roe, File', '…, POOL') is none."""
    found = _WIRE_RELAY.match(rest.strip())
    if found is None:
        return rest
    wire = match_source(catalog, found.group("wire").strip())
    if wire is None or wire.kind != "agency":
        return rest
    source_text = found.group("source").strip()
    source = match_source(catalog, source_text)
    maker = label_link(catalog, source_text)
    if source is None and not (maker.label in ("source", "organisation")
                               or source_text.startswith("The ") and maker.label != "role"):
        return rest
    if source is not None and source.kind not in NEWS_SOURCE_KINDS \
            or label_link(catalog, found.group("who")).label != "person":
        return rest
    fields.setdefault("via", found.group("wire").strip())
    return f"{found.group('who').strip()} / {source_text}"


def outlet_photo(catalog: Catalog, text: str) -> str:
    """'ST PHOTO: Jane Roe' -> 'ST / Jane Roe': the outlet and its photographer as two links, where the words before
    'PHOTO:' name an outlet by their shape (outlet_before_photo); other text as it is ('Crédit photo : Résone')."""
    if ":" not in text:
        return text
    for match in _PHOTO_COLON.finditer(text):
        words = text[max(0, match.start() - 80) : match.start()].split()[-2:]  # bounded: linear on many colons
        if any(len(words) >= count and outlet_before_photo(catalog, " ".join(words[-count:])) for count in (1, 2)):
            return text[: match.start()] + " / " + text[match.end() :]
    return text


def outlet_before_photo(catalog: Catalog, text: str) -> bool:
    """Whether the words before 'photo by' or 'PHOTO:' name the outlet whose staff took it, by their shape: a
    newspaper's name ('Express photo by', 'Herald photo:') or its initials in capitals ('ST PHOTO:', 'NYT photo:').
    'Aerial photo by', 'Family photo:' name no one; role words ('STAFF', 'FILE') are no outlet."""
    name = text.strip("([\"'“ ")
    words = name.casefold().split()
    if not words or fold_source_name(name) in ROLES or words[0] in NOT_AN_OUTLET or words[-1] in OPEN_END_WORDS:
        return False
    if len(words) > 1:
        return _looks_like_organisation(name)
    if name.isupper() and name.isalpha() and 2 <= len(name) <= 5:  # initials, not a word a headline or body uses
        return words[0] not in KICKER_WORDS and (words[0] in NEWSPAPER_WORDS or words[0] not in ORGANISATION_WORDS)
    # one word: a newspaper's or a site's address, not a body's ('School photo: Jane Roe' shows her)
    return words[0] in NEWSPAPER_WORDS or "." in name and _looks_like_organisation(name)


def photo_of_outlet(catalog: Catalog, text: str) -> bool:
    """'Harbor City Police Department photo', 'INQUIRER PHOTO': an outlet or body by its shape, then the word
    photo: a credit of its own, as the catalog's sources are ('AP Photo')."""
    suffix = _PHOTO_SUFFIX.search(text) if text[-1:] in "oO" else None
    if suffix is None or suffix.start() == 0 or suffix.group().casefold().endswith(("by", "s")):
        return False
    head = text[: suffix.start()]
    return outlet_before_photo(catalog, head) and label_link(catalog, head).label in ("organisation", "source")


# One word in camel case, two capitalised parts ('LiveMedia'); surnames are written so too ('McDonald', 'DiCaprio'),
# so the second part must be an organisation's word.
_CAMEL_WORD = re.compile(r"^[A-Z][a-z]{2,}(?P<tail>[A-Z][a-z]{2,})$")


def _cjk_body(text: str) -> bool:
    """'한국사진기자협회', '日本写真家協会': a CJK body's name, its last word ending in a body's word glued to the
    name."""
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    if not last.endswith(CJK_BODY_ENDINGS):  # one test for all the endings: the common case, no ending at all
        return False
    # two characters of the name at least: one before the ending is a Korean surname and the given name's syllables
    # ('송전자', a person whose given name is 전자; 'LG전자', '삼성전자' are makers)
    return any(last.endswith(ending) and len(last) >= len(ending) + 2 for ending in CJK_BODY_ENDINGS)


def _looks_like_organisation(text: str) -> bool:
    if "&" in text and _FIRM.match(text):  # 'Harris & Ewing', 'Elliott & Fry': a studio named after its partners
        return True
    if names_a_station(text):  # 'NBC 5', 'NBC Bay Area', 'KARE 11': a TV station by its brand, never a person's name
        return True
    words = [w.strip(".,()").casefold() for w in text.split()]
    if words and words[0] in ORGANISATION_WORDS and len(words) <= 16 and _CYRILLIC.match(text):
        return True  # 'пресс-служба губернатора области': Russian and Ukrainian write a body's name in lower case
    if "." in text and _DOMAIN.match(text):
        return True  # 'mos.ru', 'gov.pl': a site's address, in lower case as addresses are written
    form = COMPANY_FORM.search(text)  # 'Norrbo Studio AB', 'Kvale Media A/S', 'Lasek Foto sp. z o.o.'
    name = text[: form.start()] if form else text
    if len(words) > 16 or text[:1].islower() or len(words) > 1 and not _name_words(name):
        return False
    if not form and len(words) == 2 and words[1] in SURNAME_ORGANISATION_WORDS and words[0] not in ORGANISATION_WORDS:
        return False  # 'Melissa Bank': a given name and a surname
    if form or _has_organisation_word(text, words) or ORGANISATION_SUFFIX.search(text) or _newspaper_title(words):
        return True
    if _MOVEMENT.search(text):
        return True  # 'Paraguayan Red Cross', 'Croix-Rouge française'
    if len(words) > 1 and text.endswith(("Photos", "PHOTOS")) or len(words) == 2 and text.endswith(" Photo"):
        return True  # 'Nordic Photos', 'J.LEAGUE PHOTOS': an agency's or a league's photo service, named with a
        # capital; 'Fab Photo': a studio's name (an agency's 'AA Photo' is its mark, read before)
    if "ال" in text and any(w.startswith("ال") and w[2:] in ORGANISATION_WORDS for w in words):
        return True  # Arabic 'al-': 'المكتب الإعلامي'
    if any(w.endswith(ORGANISATION_WORD_ENDINGS) for w in words):  # 'Stadtarchiv Wernau', 'Riksarkivet'
        return True
    body = text[: text.index("(")].rstrip() if text.endswith(")") and "(" in text and not text.isascii() else text
    if _cjk_body(body):
        return True  # '한국사진기자협회', '한국사진기자협회(KPPA)': a body's name, with its acronym in brackets or not
    pairs = zip(words, words[1:], strict=False)
    if not BODY_BEFORE_DE.isdisjoint(words) \
            and any(w in BODY_BEFORE_DE and (nxt in ("de", "du") or nxt.startswith(("d'", "d’"))) for w, nxt in pairs):
        return True  # 'Ville de Lyon', not 'Ville Korhonen'
    if 2 <= len(words) <= 3 and words[0] in TITLE_ARTICLES and (text[:1].isupper() or not text[:1].isascii()):
        return True  # 'Der Spiegel', 'Die Zeit', '더 프로액터스': an article opens a title, not a person's name
    if len(words) == 2 and words[0] in ("el", "la", "le", "les") and words[1] in TITLE_NOUNS_AFTER_ARTICLE \
            and text[:1].isupper():
        return True  # 'El Tiempo', 'La Nación': a paper's title
    if "'" in text or "’" in text:
        if _POSSESSIVE_INSIDE.search(text) and words[-1] not in KIN_WORDS and words[-1] not in PERSON_JOB_WORDS:
            return True  # "Gavin Brown's Enterprise", "Ma's Kitchen": a thing of someone's ("Tom Bell's Daughter",
            # "… Assistant": a person of someone's)
        if text[:2] in ("L'", "L’") and text[2:3].isupper():  # "L'Osservatore Romano", "L'Équipe": the elided
            return True  # article of a title; no given name opens so ('D'Angelo' is one: only 'L')
    if _brand_compound(text):  # 'Costfoto', 'Asiapress': an agency's one-word brand
        return True
    if len(words) != 1:  # what is left reads one word only
        return False
    camel = _CAMEL_WORD.match(text)
    if camel is not None and (camel.group("tail").casefold() in ORGANISATION_WORDS
                              or text.startswith("Visit") and text[5:6].isupper()):
        return True  # 'LiveMedia', 'ZumaPress': a brand written as one word, an organisation's word closing it;
        # 'VisitScotland', 'VisitCanberra': a tourism board's brand, 'Visit' glued to its place
    letters = _NOT_LETTER.sub("", text)
    if text.startswith("@"):  # '@MYANC', '@NASA': an acronym's account is an institution's
        return 2 <= len(letters) <= 6 and letters.isupper() and text[1:].isalpha()  # as long as a bare acronym
    return 2 <= len(letters) <= 6 and letters.isupper() and not has_digit(text)


# A possessive inside a name, before a capitalised word: what belongs to someone names a firm, a shop or a venue
_POSSESSIVE_INSIDE = re.compile(r"[^\W\d_]['’]s[ \t]+[A-Z]")


def _brand_compound(text: str) -> bool:
    """A capitalised word that a photo agency's or a press's word closes, glued to at least three letters before it
    ('Costfoto', 'Sportsphoto', 'Asiapress'); a handle in lower case ('janephoto') is a person's, and the word alone
    ('Photo') is none."""
    for word in text.split():
        if word[:1].isupper() and not word.isupper():
            folded = word.casefold()
            ending = next((e for e in BRAND_WORD_ENDINGS if folded.endswith(e)), "")
            if ending and len(folded) - len(ending) >= 3 and folded[: -len(ending)].isalpha():
                return True
    return False


_PAPER_PARTS = NEWSPAPER_WORDS | NEWS_TITLE_ENDS


def _newspaper_title(words: list[str]) -> bool:
    """'Omaha World-Herald', 'The Kansas City Star': a paper's title by its last word after a hyphen, or after 'The'
    and at least one more word (NEWS_TITLE_ENDS); 'Star', 'Bee' or 'Sun' alone stay a name's. 'Evening Standard',
    'Sunday Mirror': a word of the issue's day or time, then a paper's word (ISSUE_WORDS, TITLE_AFTER_ISSUE).
    'Post-Gazette', 'Star-Advertiser': one word, two papers' words joined by a hyphen, as a paper shortens its title
    in its own credits ('(Jane Roe/Post-Gazette)'); no surname is made of two of them."""
    if len(words) == 1 and words[0].count("-") == 1:
        head, _, tail = words[0].partition("-")
        return head in _PAPER_PARTS and tail in _PAPER_PARTS
    last = words[-1] if len(words) > 1 else ""
    head, hyphen, tail = last.rpartition("-")
    if len(words) == 2 and words[0] in ISSUE_WORDS and last in TITLE_AFTER_ISSUE:
        return True
    return bool(hyphen and head and (tail in NEWS_TITLE_ENDS or head in _PAPER_PARTS and tail in _PAPER_PARTS)) \
        or len(words) > 2 and words[0] == "the" \
        and last in NEWS_TITLE_ENDS


def news_title(catalog: Catalog, text: str) -> bool:
    """An organisation whose last word names a newspaper ('Detroit Free Press', 'Omaha World-Herald'): the outlet in
    a 'Name, Outlet' credit closing a caption, as Gannett's galleries write it."""
    words = [w.strip(".,()").casefold() for w in text.split()]
    return bool(words) and words[-1].rpartition("-")[2] in NEWS_TITLE_ENDS and _is_org(catalog, text)


def _name_words(text: str) -> bool:
    """Every word of a multi-word name is capitalised, a connector (of, the, und) or an organisation
    word ('Press service of the President'); a sentence has other lower-case words."""
    words = text.split()
    for at, word in enumerate(words):
        bare = word.strip(".,()'\"“”").casefold()
        if word[:1].islower() and bare not in NAME_CONNECTORS and bare not in ORGANISATION_WORDS:
            return False
        if bare in PLACE_CONNECTORS and (at == 0 or not words[at - 1][:1].isupper() or not any(
                w.strip(".,()").casefold() in ORGANISATION_WORDS for w in words[:at]) or any(
                w.strip(".,()").casefold() in ORGANISATION_WORDS for w in words[at + 1 :])):
            return False  # 'Institute of Physics in Opava': a body, then its town; 'Riot police in Elvel' is a
            # sentence, 'Students at Harwick University' names who is shown
    return True


def _merge_known_pairs(catalog: Catalog, rest: str, links: list[Link]) -> list[Link]:
    """'REX/Shutterstock', 'Rex Features/Shutterstock': two links the catalog knows as one name."""
    merged: list[Link] = []
    for link in links:
        if merged:
            joined = rest[merged[-1].start : link.end]
            source = match_source(catalog, joined) if "/" in joined and len(joined) < 80 else None
            if source is not None:
                merged[-1] = Link(joined, merged[-1].start, link.end, "source", source)
                continue
        merged.append(link)
    return merged


def label_link(catalog: Catalog, text: str) -> Link:
    """What one name of a chain is (role, source, organisation, person or unknown)."""
    trimmed = _without_edge_noise(text)
    return _label(catalog, (trimmed, 0, len(trimmed)))
