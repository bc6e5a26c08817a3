"""Split one credit segment ("Photo: Jane Doe/AP via Getty Images") into fields.

Small named steps in a fixed order, each with one job:
  1. clean      lead-ins left inside the segment, wire codes, quoted titles
  2. urls       license URLs and source pages (a Commons or Flickr page means via that platform)
  3. license    a named license; else a rights sign (©, Copyright) means all rights reserved
  4. via        "via X", "on/from <platform>"
  5. client     "X for <client>": the client is the organisation only when nothing else is named; the
                `client` field names it either way (resolve.evidence reads it there, never from the text)
  6. names      the rest split into links of a chain ('/', '|', '·') and labelled (credit_parts)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from provenance.catalog.licenses import is_license_url
from provenance.catalog.load import Catalog, license_names
from provenance.catalog.names import looks_like_person
from provenance.catalog.sources import find_category, match_domain, match_source
from provenance.parse.credit_citations import may_cite, read_citation
from provenance.parse.credit_parts import assign_names, is_a_date, label_link
from provenance.parse.credit_words import (
    AGENCY_KINDS,
    BODY_BEFORE_FOR,
    COMPANY_FORM,
    CYRILLIC_BODY_STEMS,
    NEWS_SOURCE_KINDS,
    NUMBER_ABBREVIATIONS,
    ROLES,
    SECTION_ENDS,
    lead_in_text_match,
    without_lead_in_text,
)
from provenance.parse.scan import may_hold, with_first_chars
from provenance.parse.urls import split_url

URL = re.compile(r"(?i)\b(?:https?://|www\.|creativecommons\.org/)[^\s<>\"'\[\]]+")
_URL_WORDS = ("http", "www.", "creativecommons.org/")  # what a URL match opens with, lowered (scan.may_hold)
_LICENSED_UNDER = re.compile(
    r"(?i)\b(?:(?:(?:this|the|cover|header)\s+)?(?:photo|image|picture|file|work|material)\s+)?"
    r"(?:(?:and\s+)?(?:is\s+|are\s+)?(?:licen[sc]ed\s+(?:under|as)|released\s+under)|available\s+under|is\s+marked\s+with|"
    r"(?:and\s+)?(?:is\s+)?under\s+(?:(?:a|the)\s+)?(?:creative\s+commons\s+)?licen[sc]e|licen[sc]e\s*:|lizenz\s*:)"
    r"\s+(?:the\s+|a\s+)?"
    r"(?P<lic>(?:[^.;()\[\],<]|\.(?=\d))+?)\s*(?=$|[;()\[\],<]|\.(?!\d)|\s(?:via|on|from)\s)"  # '… 2.0 via Flickr'
)
_PORT = r"(?:(?:\s+|-)(?-i:[A-Z]{2}|IGO|[a-z]{2}(?=\s*(?:$|[),;.\]|]))))?"  # '3.0 DE', '3.0 de', '3.0-de'
_CC_CODE = re.compile(
    r"(?i)\bCC[\s-]?(?:BY(?:[\s/-]+(?:NC|ND|SA)){0,3}|0|zero)(?:[\s-]+v?\d(?:\.\d)?)?" + _PORT + r"(?:-license)?\b"
)
# The GNU FDL's code, which Commons writes alone or beside a CC code ('CC BY-SA 3.0 / GFDL'): tried after the CC
# patterns, so that of a dual license the CC option is the one recorded.
_GFDL = re.compile(r"(?i)\bGFDL(?:[\s-]+v?1\.[23])?\b")
_CC_LONG = re.compile(
    r"(?i)\bcreative\s+commons(?:[\s-]+(?:attribution|by|share[\s-]?alike|non[\s-]?commercial|"
    r"no[\s-]?deriv(?:ative)?s|sa|nc|nd|zero|0))*(?:[\s-]+v?\d\.\d)?"
    r"(?:\s+(?:international|unported|generic))?(?:\s+(?:public\s+)?licen[sc]e)?"
)
# Japanese sites' notice under a photo ('無断転載・複製を禁じます', '無断転載禁止': no reproduction without leave); its
# first word (無断, 'without leave') may stand in the lead-in (credit_leads.ANYWHERE_LEAD_IN)
JA_RESERVED = r"(?:無断)?(?:転載|複製|使用)(?:[・、]?(?:転載|複製|使用))*を?禁(?:じます|じる|止)"
# The words of _RIGHTS' ASCII forms, lowered (scan.may_hold: its other forms, '©' and JA_RESERVED, are no ASCII)
_RIGHTS_WORDS = ("(c)", "copyright", "rights", "riproduzione", "bildrechte")
_RESERVED = re.compile(r"(?i)all\s+rights\s+reserved|riproduzione\s+riservata|" + JA_RESERVED)
_PUBLIC_DOMAIN = re.compile(r"(?i)\bpublic\s+domain\b|\b(?-i:PublicDomain)\b")  # '…/PublicDomain': written as one word
# in other languages too, as archives and the reuse lines of Wikipedias write it ('gemeinfrei', 'domaine public',
# 'publiek domein', 'közkincs', 'パブリックドメイン'): searched only in a text that holds one of their words (_PD_WORDS)
_PUBLIC_DOMAIN_OTHER = re.compile(r"(?i)\bgemeinfrei\b|\bdomaine\s+public\b|\bdom[ií]nio\s+p[úu]blico\b|"
                                  r"\bpubblico\s+dominio\b|\bpubliek\s+domein\b|\bközkincs\b|パブリックドメイン|"
                                  r"общественное\s+достояние")
_PD_WORDS = ("emeinfrei", "omaine", "ominio", "omínio", "dominio", "omein", "kincs", "ドメイン", "достояние")
_RIGHTS = re.compile(
    r"(?i)©|\(c\)|(?:\bcrown\s+)?\bcopyright\b|\ball\s+rights\s+reserved\b|\briproduzione\s+riservata\b|\bbildrechte\b|"
    + JA_RESERVED
)
# A lower-case description of the intermediary before its name ('via press agency Ploom PR', 'via PR agency Kade')
_VIA_KIND = re.compile(r"^(?:(?:press|PR|photo|news)\s+)?(?:agency|agencies)\s+(?=[A-Z])")
_VIA = re.compile(r"(?i)(?:^|(?<=[\s,(\x1f/]))via\s+(?P<via>[^,;()\[\]\x1f/·|]+?)\s*(?=$|[,;()\[\]\x1f/·|]|\.(?:\s|$))")
# (Indonesian and Malay 'di', 'dari': the stock sites' own 'Foto oleh Jane Roe di Unsplash', 'Gambar oleh Jane Roe dari
# Pixabay'; only a platform or a stock site the catalog knows is read there)
_ON_PLATFORM = re.compile(
    r"(?i)(?:^|\s)(?:on|from|de|auf|über|sur|em|en|da|di|dari|su|na|no|op|z|на)\s+(?P<p>[^,;/()\x1f]+?)\s*[.,]?[\s\x1f\"'”»()\[\]<>]*$"
)
# A verb before 'on/from <platform>' ('Official trailer © Studio, played from YouTube.'), left where the platform was
# cut out: no name
_PLATFORM_VERB = re.compile(r"(?i)(?:^|[\s,])(?:played|taken|shared|posted|reposted|sourced|downloaded|streamed|"
                            r"embedded|retrieved|uploaded)[ \t]*(?=\x1f)")
# "for" in the languages whose papers commission so: 'X pour « Le Monde »', 'X para EL PAÍS'.
CLIENT_WORD = r"(?:for|pour|para)"
_NAME_THEN_AGENCY = re.compile(r"^(?P<who>[^/()\x1f]{3,60}?)[ \t]*\((?P<source>[^()/\x1f]{2,40})\)\s*$")
_CLIENT_BEFORE = re.compile(r"(?i)\s" + CLIENT_WORD + r"\s+$")
# An outlet's name in guillemets closing a credit, after a name and a chain's separator (a slash, a spaced dash, a
# comma), as papers in Russian, Ukrainian and other languages write their own and each other's names
_LAST_LINK_QUOTE = re.compile(r"(?:«[^»\n]{1,80}»|„[^“”\n]{1,80}[“”])[ \t.]*$")
_CHAIN_BEFORE = re.compile(r"[^\W\d_][.'’]?[ \t]*(?:/|[ \t][—–][ \t])[ \t]*$")
# or after a body's words in lower case opening the link, or a company form in capitals, as languages in Cyrillic
# script write a firm's or a body's proper name in quotes after the word saying what it is ('пресс-служба
# «Газпрома»', 'ООО «Северный порт»'; a Latin word before the quote may be a client's or a place's preposition: 'für
# «Tages-Anzeiger»'; a phrase's last word may be a title's: 'Jane Roe на съемках фильма «Брат»', on a film's set)
_BODY_BEFORE_QUOTE = re.compile(r"(?:^|[/,]|[ \t][—–])[\s\x1f]*(?:(?:" + "|".join(CYRILLIC_BODY_STEMS)
                                + r")[а-яёіїєґ'’-]*[ \t]+)+$|(?:^|(?<=[\s/]))[А-ЯЁІЇЄҐ]{2,4}[ \t]+$")
# a body's or an outlet's name in quotes closing a link before a chain's slash ('АО «Северный порт» / ТАСС': the
# company that supplied the picture, the agency that sent it; 'Анна Петрова / «Коммерсантъ» / ТАСС')
_QUOTE_BEFORE_SLASH = re.compile(r"(?:«[^»\n]{1,80}»|„[^“”\n]{1,80}[“”])[ \t]*/")
# the same after a comma ('Фото: Анна Петрова, «Новая газета»'), where a comma would join two names as one creator:
# written as the chain's slash
_COMMA_BEFORE_OUTLET = re.compile(r"(?<=[^\W\d_]),[ \t]*(?=(?:«[^»\n]{1,80}»|„[^“”\n]{1,80}[“”])[ \t.]*$)")
# A client names a body: its first word after an article is never in lower case ('for over a year' is prose).
_LOWER_CLIENT = re.compile(r"\s*(?:(?:the|a|an|le|la|les|el|los|las)\s+(?=\S))?+[a-z]")
# 'Photo by fellow field engineer Jane Roe', 'photo by staff photographer Jane Roe': the photographer's job in lower
# case before the full name (dropped, as ranks are); an article or a possessive ('by the author', 'by my friend Jane
# Roe') keeps the phrase as it is
_JOB_BEFORE_NAME = re.compile(r"^[ \t]*(?!(?:the|a|an|my|our|his|her|their|your|its)[ \t])(?:[a-z][a-z-]*[ \t]+){1,4}"
                              r"(?=[A-Z][\w'’.-]*[ \t]+[A-Z][\w'’-]*[.\s]*$)")
# 'Jane Roe, special to USA TODAY': a freelancer's commissioned picture, as 'for' says
SPECIAL_TO = r",?\s+special\s+to"
_CLIENT_WORDS = ("for", "pour", "para", "special")  # one of them, lowered, is in every match of _CLIENT
# (a company's form after its comma is the client's name: 'for Japan Day, Inc.')
_CLIENT = re.compile(r"(?i)(?:\s+" + CLIENT_WORD + "|" + SPECIAL_TO + r")\s+"
                     r"(?P<client>[^/,;()\x1f]+?(?:,[ \t]*(?-i:Inc|Ltd|LLC|Corp|Co|Limited|PLC|GmbH)\.?)?)\s*"
                     r"(?=$|[/,;()\x1f])")
# A wire's code in brackets ('(8137137dr)'), a museum's catalogue number ('© IWM (Q 4512)'), empty brackets; and an
# archive's reference closing its name ('…Archives, ref. 1204/33', '…Division, LC-USZ62-40817', 'photo no. 69-N-1')
_WIRE_CODE = re.compile(r"(?<=\s)\((?:\d{5,}[a-z]{0,3}|[A-Z]{1,3}[ .-]?\d{2,8})\)|"
                        r"(?<=\s)\[(?:[A-Z]{1,5}[ -]?\d{4,10}|e\d{9})\]|"  # an archive's item number ('[PA-043221]')
                        r"\(\s*\x1f?\s*\)|\[\s*\x1f?\s*\]|<\s*\x1f?\s*>")
_ARCHIVE_REF = re.compile(r"(?:,[ \t]*|[ \t]+(?i:photo|image|negative)[ \t]+)"
                          r"(?:(?i:" + "|".join(NUMBER_ABBREVIATIONS) + r"|call[ \t]+no)\.[ \t]*|"
                          r"LC-[A-Z\d]{2,8}-(?:[a-z]{2,8}-)?)"  # 'LC-USZ62-40817', 'LC-DIG-ppmsca-08372'
                          r"\d[\w./-]{0,20}\s*$|"
                          # a museum's catalogue number after its name ('© IWM HU 136931', '© IWM, HU 129151') or an
                          # archive's item number closing a chain ('… / Library and Archives Canada / PA-034064.')
                          r"(?:,[ \t]*|[ \t]+)[A-Z]{1,3}[ \t]\d{5,8}\.?\s*$|"
                          r"[ \t]*/[ \t]*(?:[A-Z]{1,5}-\d{4,10}|e\d{9})\.?\s*$|"  # LAC's 'e010778430' too
                          r"[ \t]+(?-i:kod)[ \t]+\d{3,8}\s*$")  # TT's picture code: 'Foto: Jane Roe / TT kod 10060'
# The German Federal Archives' signature after its name, anywhere in a chain ('Bundesarchiv, Bild 183-R40712 / …',
# 'Bundesarchiv, B 145 Bild-F012345-0007 / Name / CC-BY-SA 3.0' as Commons writes them): a file number, no name
_ARCHIVE_SIGNATURE = re.compile(r",[ \t]*(?:B[ \t]+\d{1,4}[ \t]+)?Bild[ \t-][A-Z]{0,3}\d[\w.-]{0,24}"
                                r"(?=[ \t]*(?:[/,<]|\x1f|$))")  # also before a licence or a link's address
# A file signature after an archive's name ('Bundesarchiv N224/90 (fol. 34)', 'Stadtarchiv Roe, A 12/3'): no name
_FILE_SIGNATURE = re.compile(r"(?i)(?<=archiv)(?:,?[ \t]+)(?-i:[A-Z]{1,4})[ \t]?\d{1,5}(?:/\d{1,6})+"
                             r"(?:[ \t]*\((?:fol|bl|s)\.[ \t]*\d+\))?")
_SECTION_LABEL = re.compile(r"(?<=\S)[ \t]+(?:" + "|".join(SECTION_ENDS) + r")[ \t]*$")
# A title in single quotes, as Korean and Japanese captions quote a show ('사진=tvN '별똥별' 제공'): a run with a
# Hangul, kana or Han character, so that an English nickname or an elision stays, and a nickname in a Latin script
# with an accent too ("Jane 'Zoë' Roe")
_CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_SINGLE_QUOTED = re.compile(rf"(?:^|(?<=\s))(?:'[^'\n]{{0,60}}?[{_CJK}][^'\n]{{0,60}}?'|"
                            rf"‘[^’\n]{{0,60}}?[{_CJK}][^’\n]{{0,60}}?’)(?=\s|$)")
_QUOTED = re.compile(r"(?:^|(?<=\s))(?:\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”|«[^»\n]{1,200}»|„[^“”\n]{1,200}[“”])")
# '(usage rights unverified)': a remark, no name; but '(public domain)', '(cc by-sa 4.0)' state the license, '(via
# Europeana)' the via, and '(c. 1586)' dates the name before it (credit_citations reads it)
_REMARK = re.compile(  # full width too: 'ウィキメディア・コモンズ（commons.wikimedia.org）'
    r"[(（](?!c\))(?!https?:|www\.|public\s+domain\b|cc[\s-]?(?:by|0|zero)\b|licen[sc]ed\b|via\s|(?:c|ca|circa)\.?\s*\d)"
    r"[a-z][^()（）/]{2,80}[)）]"
)
# How many of the pictures a source gave, after its name ('Photographs: Getty Images (2); AP', 'Jane Roe/AP (3)'): no
# part of the name
_PICTURE_COUNT = re.compile(r"(?<=\S)[ \t]+\(\d{1,2}\)(?=[ \t]*(?:[;,/.]|$))")
# An artist's nationality, places and years of life in brackets after the name, as museums write them ('Mary Cassatt
# (American, Pittsburgh, Pennsylvania 1844–1926 Le Mesnil-Théribus, Oise)'): a remark, its commas no list of names
_LIFE_DATES = re.compile(r"[ \t]*\([^()/\n]{0,80}?\b1\d{3}[ \t]*[–-][ \t]*(?:1\d|20)\d\d\b[^()/\n]{0,80}\)")
# A list in brackets closing a credit after a name ('Jane Roe (Clear Skies, TWAN)': the photographer's site and the
# network they belong to, as APOD writes them): a remark, its comma no list of names; '(Holder, via X)' is a credit
_LISTED_REMARK = re.compile(r"(?i)(?<=[^\W\d_])[ \t]+\((?![^()\n]*(?:\bcc\b|\bcc[\s-]|\bcc0|https?:|licen[sc]|"
                            r"public\s+domain|gfdl|\bvia\s))[^()\n,]{1,40},[^()\n]{1,60}\)[ \t]*$")
# A derivative's note naming the work it is based on, by its quoted title ('basierend auf „Python 3. The standard type
# hierarchy“'): no name
_BASED_ON = re.compile(r"(?i)\b(?:basierend\s+auf|based\s+on|d['’]apr[èe]s|basado\s+en|baseado\s+em)\s+"
                       r"[„\"“«][^\"”“»\n]{1,200}[“”\"»]")
# A file page named by its title ('Datei: MAC-48_Address.svg', 'File:Gray410.png'): no one's name
_FILE_NAMED = re.compile(r"(?i)(?<![/\w])(?:file|datei|fichier|archivo|plik|bestand|файл)[ \t]*:[ \t]*[^\s,;]+\."
                         r"(?:jpe?g|png|gif|svg|tiff?|webp|ogg|ogv|webm|pdf)\b")
LINK_ADDRESS = r"\s*<[^<>\s]{1,500}>"  # a link's address after its text, as markup.flatten writes it
_TITLE_BY = re.compile(
    r"(?:^|(?<=\s))[\"“„«](?P<title>[^\"”“»\n]{1,200})[\"”“»](?:" + LINK_ADDRESS
    + r")?(?:\s*,)?\s+(?:by|von|de|par|di|por)\s+"
)  # a link around the quoted title leaves its address after the closing quote: '"Harbour" <https://…> by …'


def _may_quote(text: str) -> bool:
    """Whether a text holds a quotation mark _TITLE_BY's title opens with: most credits hold none."""
    return '"' in text or "“" in text or "„" in text or "«" in text


# HTML attributes left in the text by broken markup ('… rel="noopener" target="_blank" title="'): never a name.
_ATTRIBUTES = re.compile(
    r"(?i)(?:^|(?<=[\s\"']))(?:(?:rel|target|class|style|id|width|height|align|loading|decoding|referrerpolicy|"
    r"data-[\w-]{1,30}|aria-[\w-]{1,30})=(?:\"[^\"\n]{0,200}\"|'[^'\n]{0,200}'|[^\s\"']*)|"
    r"[a-z][\w:-]{0,30}=[\"']?(?=[)\]\s_*]*$))"
)
_LINK = re.compile(LINK_ADDRESS)
# A work's title linked to its page, opening a credit before a comma (_take_linked_title)
_TITLE_LINK_FIRST = re.compile(r"^\s*(?P<title>[^<>,\n\x1f]{1,200}?)\s*<(?P<url>(?:https?://|www\.)[^<>\s]{1,500})>\s*,")
_LEAD_LINK = re.compile(r"<((?:https?://|www\.)[^<>\s]{1,500})>")
# An open licence's credit written title, link, author ('[**the moment**](https://www.flickr.com/photos/…) by Jane Roe
# is licensed under CC BY-NC 2.0'): the linked words before 'by' are the work's title, its link the work's page.
_TITLE_LINK_BY = re.compile(r"^\s*(?P<title>[^<>\n\x1f\"“”]{1,200}?)\s*<(?P<url>https?://[^<>\s]{1,500})>\s+by\s+"
                            r"(?=[^\n]{1,200}?\bis\s+(?:licen[sc]ed|marked)\b)")
# A Flickr display name with its place ('Blake Roe from Alexandria, VA, USA'), what is left of an open licence's credit
# before its licence and via were cut: the name, 'from', a place of one to three comma-separated parts.
_BY_WORD = re.compile(r"(?i)\bby\b")
_FROM_WORD = re.compile(r"[ \t]+from[ \t]+")
_PLACE_PART = r"[^\x1f/<>()\[\]\n,]"
_FROM_PLACE = re.compile(r"^[\s,\x1f]*(?P<who>[^\W\d_]" + _PLACE_PART + r"{0,50}?[ \t]+from[ \t]+(?P<place>[A-ZÀ-Þ]"
                         + _PLACE_PART + r"{0,40}(?:,[ \t]*[^\W\d_]" + _PLACE_PART + r"{0,30}){0,2}))"
                         r"[\s,.;\[\]]*(?=\x1f|$)")
# A person's full name, 'at' or 'in' and a place in capitalised words closing a credit (_author_at_place)
_PLACE_WORD = r"[A-ZÀ-Þ][\w'’.-]*"
_AT_PLACE = re.compile(r"^[\s\x1f]*(?P<who>" + _PLACE_WORD + r"(?:[ \t]+" + _PLACE_WORD + r"){1,3})"
                       r"[ \t]+(?:at|in)[ \t]+"
                       r"(?P<place>(?:the[ \t]+)?" + _PLACE_WORD + r"(?:,?[ \t]+(?:(?:of|on|the|de|upon)[ \t]+)?"
                       + _PLACE_WORD + r"){0,5})[\s.;]*$")
# '[Ségur le Château](https://commons.wikimedia.org/wiki/File:…) Père Igor [GFDL (…) ou CC BY-SA 3.0 (…)], de Wikimedia
# Commons': a file's title linked to its page on a wiki, then the author and the old Commons bracket of license terms;
# the title names the picture, not its maker.
_FILE_TITLE_FIRST = re.compile(
    r"^\s*(?P<title>[^<>\n\x1f\[\]]{1,200}?)\s*<(?P<url>https?://[^<>\s]{1,300}?/wiki/"
    r"(?:File|Fichier|Datei|Archivo|Ficheiro|Bestand|Plik|Image|Bild):[^<>\s]{1,300})>"
    r"(?=[ \t]*[^<>\[\]\n\x1f]{1,80}?\[[ \t]*(?i:gfdl|cc[\s-]|cc0|public\s+domain|creative\s+commons))"
)
# '"Title" via …': a lead-in that is the work's title alone
_TITLE_LEAD = re.compile(r"^\s*[\"“„«](?P<title>[^\"”“»\n]{1,200})[\"”“»]\s*(?:,\s*)?$")
_OWN_WORK = re.compile(
    r"(?i)\(?\b(?:own\s+work|eigenes\s+werk|travail\s+personnel|trabajo\s+propio|opera\s+propria|"
    r"trabalho\s+pr[óo]prio|eigen\s+werk)\b\)?|\s+at\s+[\w ]{0,30}?wikipedia\b|\bsome\s+rights\s+reserved\b|"
    r"\b(?:adapted|modified)\s+from\s+(?:(?:an?|the)\s+)?(?:original\s+)?(?:(?:image|photo|picture|figure|work)\b)?"
)
_WORD = re.compile(r"\w+")
# Where the image stands in a layout, leading one credit of a list ('Left: X/AP; right: Y/Reuters'): no name.
PLACE_IN_LAYOUT = re.compile(
    r"(?i)^[ \t]*(?:(?:from|clockwise\s+from)\s+)?(?:left|right|top|bottom|above|below|centre|center|inset|main)"
    r"(?:[ \t]+(?:left|right))?(?:[ \t]+(?:photo|image))?[ \t]*:[ \t]*"
)
# A US or Canadian place and a dash before a credit, as a gallery lists its photos by city ('Dallas, TX — Jane Roe/The
# Harwick News', 'Columbus, Ohio — Jane Roe/Getty Images'): the place is no link of the chain.
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|"
    "PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|BC|ON|QC|NS|NB|MB|SK|PE|NL|D\\.C\\.|Ala\\.|Ariz\\.|Ark\\.|Calif\\.|Colo\\.|"
    "Conn\\.|Del\\.|Fla\\.|Ga\\.|Ill\\.|Ind\\.|Kan\\.|Ky\\.|La\\.|Md\\.|Mass\\.|Mich\\.|Minn\\.|Miss\\.|Mo\\.|Mont\\.|Neb\\.|"
    "Nev\\.|N\\.[CDHJMY]\\.|Okla\\.|Ore\\.|Pa\\.|R\\.I\\.|S\\.[CD]\\.|Tenn\\.|Va\\.|Vt\\.|Wash\\.|Wis\\.|W\\.Va\\.|Wyo\\.|"
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|"
    "Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|"
    "Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    "Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|Ontario|Quebec|Alberta|Manitoba|Saskatchewan|Nova Scotia|British Columbia"
)
_PLACE_BEFORE_DASH = re.compile(
    r"^[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3},[ \t]+(?:" + _STATES + r")[ \t]+[—–][ \t]+(?=\S)"
)
# A partner's name said again in capitals before 'via' ('Jane Roe-Imagn Images IMAGN IMAGES via Reuters Connect', as
# Reuters Connect writes its partners' credits): one copy.
_REPEATED_IN_CAPITALS = re.compile(r"(?i)\b(?P<name>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3})[ \t]+(?P=name)(?=[ \t]+via\b)")


_CAPITALS_BEFORE_VIA = re.compile(r"[A-Z]{2}[ \t]+via\b")  # the cheap test first: a word in capitals before 'via'


def _once(match: re.Match[str]) -> str:
    repeat = match.group(0)[len(match.group("name")) :].strip()
    return match.group("name") if repeat.isupper() else match.group(0)


# How a museum came by a work, after its name in a museum's credit line ('The Metropolitan Museum of Art, Gift of
# Jane Roe, 1958', '…, Bequest of …', '…, Purchase, Harris Fund'): the donor or fund is no maker or holder.
ACQUISITION = re.compile(r",[ \t]*(?i:gift|bequest|purchase[ds]?|donated|donation|on\s+loan)\b[^;/\n]*$")
# A lead-in that means 'source' (of a figure as much as of a picture), and a few words of letters only.
_SOURCE_LEAD = re.compile(
    r"(?i)^[\s(\[]*(?:source|fonte|fuente|bron|kilde|källa|lähde|źródło|zdroj|forrás|источник|джерело|出典)\s*[:=：]"
)
# A figure credited to its paper: the authors with 'et al.' (a year in brackets may follow), a comma, the journal's
# title in capitals (a year, volume or page after it dropped)
_CITED = re.compile(r"(?P<who>[A-Z][^,;()/\x1f]{1,60}?\bet\s+al\.?)(?:\s*\(\d{4}\))?,\s*"
                    r"(?P<journal>[A-Z][A-Za-z&.\- ]{1,60}?)(?:,?\s*\(?\d{4}\)?)?(?:[,;.]?\s*(?:\x1f.*)?)$")
# A lead-in that names the maker: 'by', 'Photo:', 'Photograph by', 'Foto:' (credit_citations' first piece)
_MAKER_LEAD = re.compile(r"(?i)(?:\bby|\bvon|\bpar|\b(?:photo(?:graph)?s?|foto(?:s|grafie)?|image|picture)\s*[:：])"
                         r"\s*$")
_IS_LICENSED = re.compile(r"(?i)\b(?:is|are)\s+licen[sc]ed\b")
# A site's bare host name as the author of an open-licensed image, right before 'is licensed'
_AUTHOR_HOST = re.compile(r"(?i)(?:www\.)?[a-z0-9-]{2,40}(?:\.[a-z0-9-]{2,40}){0,2}"
                          r"\.(?:com|net|org|info|de|fr|uk|nl|it)(?=\s+(?:is|are)\s+licen[sc]ed\b)")
# The words of a body that publishes figures, never pictures: after a 'Source:' lead-in it is a chart's data source.
_DATA_BODY = re.compile(r"(?i)\b(?:statisti(?:cs|que|ques|k|ek|ca|cas|che)|census|analytics|eurostat)\b|統計")
NAMES = ("creator", "organization", "via")
_COMMON_WORDS = re.compile(r"^[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2}$")
_BEFORE_LINK = re.compile(r"(?i)(?<=\s)(?:on|from|at|auf|sur|em|en|da|su|op|z|на)[ \t]*\Z")
# A word every match of _LICENSED_UNDER, _CC_CODE or _CC_LONG holds ('licensed under', 'released under', 'is marked
# with', 'Lizenz:', 'CC', 'GFDL', 'Creative Commons'), in the same case-insensitive reading: without one, none is run.
_LICENSED_BEFORE = re.compile(r"(?i)(?<!\S)(?:is\s+)?licen[sc]ed\s*$")  # 'licensed' right before a license name
# Between the two licenses of a dual license: the cut of the first, a slash or comma, a conjunction.
_DUAL_JOIN = re.compile(r"(?i)[\s/,]*(?:(?:and|or|ou|oder|und|et|y|o)\s+)?\s*")
_LICENSE_WORDS = ("licen", "under", "marked", "lizenz", "cc", "creative", "gfdl")
_LICENSE_WORD = re.compile("(?i)" + "|".join(_LICENSE_WORDS))
# the phrases _OWN_WORK cuts each hold one of these words
_OWN_WORK_WORDS = ("own", "wikipedia", "some", "adapted", "modified", "eigen", "travail", "trabajo", "opera",
                   "trabalho")
_BRACKET = re.compile(r"[(\[<]")  # what every match of _WIRE_CODE starts with
_QUOTE = re.compile(r"[\"“«„]")  # and of _QUOTED
# The steps' searches led by a look-ahead for the characters their matches start with (scan.py): the same
# matches, each position that cannot start one rejected at one test (two to three times faster on a credit).
URL, _LICENSED_UNDER, _CC_CODE, _CC_LONG, _GFDL, _PUBLIC_DOMAIN, _RIGHTS, _VIA, _WIRE_CODE, _QUOTED, _TITLE_BY, \
    _OWN_WORK = (with_first_chars(p) for p in (URL, _LICENSED_UNDER, _CC_CODE, _CC_LONG, _GFDL, _PUBLIC_DOMAIN, _RIGHTS,
                                               _VIA, _WIRE_CODE, _QUOTED, _TITLE_BY, _OWN_WORK))
CUT = " \x1f "  # what is left where a piece was cut out: names never run across it
_STRIP = " \t\n,;:.-–—()[]'\"\x1f*_"


@dataclass
class _Work:
    """The fields found so far, and what is left of the segment."""

    rest: str
    fields: dict[str, str] = field(default_factory=dict)
    url_via: str = ""
    commissioned: str = ""  # what stands before a client's 'for' ('Jane Roe/Getty Images'), once a client is read


def split_credit(catalog: Catalog, segment: str, lead: str = "") -> dict[str, str]:
    """Fields of one credit segment; `lead` is its lead-in ("Courtesy of"), if any."""
    work = _Work(rest=_clean(segment, catalog))
    host = _AUTHOR_HOST.match(work.rest) if lead[-3:].casefold() == "by " else None
    if host is not None:  # '"Puppies" by www.petian.net is licensed under …': Openverse's author is the account,
        work.fields["creator"] = host.group(0)  # written as the photographer's site: a name, no source URL
        work.rest = CUT + work.rest[host.end() :]
    _take_title(work)
    titled = (_TITLE_BY.search(lead) or _TITLE_LEAD.match(lead)) if _may_quote(lead) else None
    if titled and "title" not in work.fields:
        work.fields["title"] = _LINK.sub("", titled.group("title")).strip()
    if "<" in work.rest[:400]:
        _take_linked_title(catalog, work)
    _take_urls(catalog, work)
    if _CAMEL_PAIR.search(work.rest):  # (where _CAMEL_JOIN finds a place)
        work.rest = _without_glued_caption(catalog, work.rest)
    if "<" in lead:
        _take_lead_link(catalog, work, lead)
    _take_license(catalog, work)
    _take_public_domain(work)
    _take_rights(work, lead + segment, lead)
    _take_via(catalog, work)
    if lead[:5].casefold() == "picha" and "," in work.rest:
        work.rest = _without_swahili_town(catalog, work.rest)
    if ("license" in work.fields or "via" in work.fields) and " from " in work.rest:
        _author_from_place(catalog, work)
    if lead[-3:].casefold() == "by " and (" at " in work.rest or " in " in work.rest):
        _author_at_place(catalog, work)
    named_via = "via" in work.fields
    category = find_category(catalog, f"{lead} {segment}")
    if category:
        work.fields["category"] = category.id
    # '"Farmer" by Bread for the World is licensed under …': an open license's author is named whole, no client
    tasl = lead[-3:].casefold() == "by " and _IS_LICENSED.search(segment) is not None
    client = None if tasl else _take_client(work, catalog)
    if lead[-3:].casefold() == "by " and work.rest[:1].islower():
        work.rest = _JOB_BEFORE_NAME.sub("", work.rest, count=1)  # 'Photo by staff photographer Jane Roe'
    work.rest = _agency_in_brackets(catalog, work.rest) if work.rest.endswith(")") else work.rest
    cited = _CITED.match(work.rest.strip()) if "et al" in work.rest and any(ch.isalpha() for ch in lead) else None
    authors = _ET_AL_ALONE.match(work.rest) if cited is None and "et al" in work.rest else None
    if cited is not None:  # 'Credit: R. Smith et al., Nature': a journal figure's authors, then the journal
        work.fields.setdefault("creator", cited.group("who").strip())
        work.fields.setdefault("organization", cited.group("journal").strip())
    elif authors is not None and ("license" in work.fields or "via" in work.fields):
        # 'David A. Wheeler, et al., CC BY-SA 3.0, via Wikimedia Commons': the authors of an open work, as written
        work.fields.setdefault("creator", " ".join(authors.group("who").split()))
    else:
        assign_names(catalog, work.rest, work.fields)
    if "creator" not in work.fields and may_cite(catalog, work.rest) \
            and (_MAKER_LEAD.search(lead) or _opens_with_maker_lead(segment)):
        _maker_after_lead(catalog, work)
    if not named_via and "via" in work.fields and f"{lead}{segment}".count("\u00a9") > 1:
        _holders_are_no_chain(catalog, work.fields)
    _common_words_are_no_creator(catalog, lead + segment, work.fields)
    _queries_are_no_names(work.fields)
    if _SOURCE_LEAD.match(lead + segment) and _DATA_BODY.search(segment):
        for key in NAMES:  # 'Source: Bureau of Labor Statistics and Moody's Analytics': a chart's figures came from
            work.fields.pop(key, None)  # a statistics office, which makes no picture: no image credit
    if client and not work.fields.get("organization"):
        work.fields["organization"] = client
    if category and category.id in _NAMED_KEYWORD_CATEGORIES:
        _keyword_of_a_name(catalog, f"{lead} {segment}", work.fields)
    if work.url_via and _same_source(catalog, work.fields.get("via"), work.url_via):
        work.fields["via"] = work.url_via
    _account_before_platform(catalog, work.fields)
    if "via" in work.fields and " " in work.fields["via"] and len(work.fields) == 1:
        _platform_then_account(catalog, work.fields)
    _no_via_of_its_own(work.fields)
    _owner_of_its_site(work.fields)
    if client and _client_of_organisation(work, client):
        work.fields["client"] = client  # set last: no step above reads it
    return work.fields


def _client_of_organisation(work: _Work, client: str) -> bool:
    """Whether a client read is the organisation's: the organisation itself where nothing else is named ('Jane Roe
    for The Daily Ledger'), or the name right before 'for', which the client commissioned ('Jane Roe/Getty Images
    for Netflix'). An organisation named elsewhere ('Photo by Jane Roe for The Times' on a line with 'Image
    copyright Getty Images', a misread line's prose 'the race for Eurosport') has no client read."""
    org = work.fields.get("organization", "")
    before = work.commissioned.rstrip(_STRIP)
    return bool(org) and (org == client or before.endswith(org) and not before[: -len(org)][-1:].isalnum())


# Tanzanian papers sign a picture 'PICHA NA JANE ROE, PEMBA' (Swahili 'photo by'): the town in capitals after the
# photographer's name and a comma
_NAME_THEN_TOWN = re.compile(r"^(?P<name>[^,]+),[ \t]*(?P<town>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+){0,2})[ \t.]*$")


def _without_swahili_town(catalog: Catalog, rest: str) -> str:
    """The credit after 'picha na' without the town closing it ('JANE ROE, PEMBA'): where the picture was taken, no
    organisation. A paper or agency the catalog knows stays ('Picha na Jane Roe, Mwananchi')."""
    match = _NAME_THEN_TOWN.match(rest)
    if match is None or match_source(catalog, match.group("town")) is not None:
        return rest
    return match.group("name")


def _owner_of_its_site(fields: dict[str, str]) -> None:
    """'Photo courtesy of [Studio3T](https://studio3t.com/…)', '<a href="https://www.vistacnc.com/…">VistaCNC</a>': a
    name of one capitalised word linked to the site whose domain is that name is the company that owns the site, an
    organisation (a person's portfolio is named with spaces: 'Jane Roe' on janeroe.com stays a person)."""
    creator, url = fields.get("creator", ""), fields.get("source_url", "")
    if not creator or not url or " " in creator or creator.islower() or "organization" in fields:
        return  # (a handle in lower case on a site of that name is a photographer's: 'janeroe' on janeroe.com)
    host = (split_url(url if "://" in url else f"https://{url}").hostname or "").removeprefix("www.")
    if host.partition(".")[0] == "".join(ch for ch in creator.casefold() if ch.isalnum()) and "." in host:
        fields["organization"] = fields.pop("creator")


_ROLE_CATEGORIES = frozenset({"pool", "staff"})  # a role's categories; an agency's name may say 'Wire' and mean it
# and the press image's ('World Press Photo', a contest the catalog knows, is no press handout)
_NAMED_KEYWORD_CATEGORIES = _ROLE_CATEGORIES | {"pr"}


def _keyword_of_a_name(catalog: Catalog, text: str, fields: dict[str, str]) -> None:
    """'Getty Images / Red Bull Content Pool', 'Staff Images / CONMEBOL': a role's keyword inside the name of a source
    the catalog knows (a library called 'Content Pool', an agency called 'Staff Images') makes no pool or staff
    photo; the keyword must stand outside such names."""
    for key in ("organization", "via"):
        name = fields.get(key)
        if name and name in text and match_source(catalog, name) is not None:
            text = text.replace(name, " ")
    if find_category(catalog, text) is None:
        del fields["category"]


def _no_via_of_its_own(fields: dict[str, str]) -> None:
    """'© Courtesy of Netflix / 2024 Netflix, Inc.', 'Photo: Jane Roe/Netflix/Jane Roe/Netflix' (a CMS's doubled
    credit): the organisation named again last, with or without its company form, is no intermediary."""
    org, via = fields.get("organization"), fields.get("via")
    if org and via and _bare_name(org) == _bare_name(via):
        del fields["via"]


def _bare_name(name: str) -> str:
    return COMPANY_FORM.sub("", name.strip()).strip(_STRIP).casefold()


# A capitalised word glued to the word before it ('Getty ImagesTaylor Swift'): where a caption's first word may follow
# a credit with no space.
_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_CAMEL_PAIR = re.compile(r"[a-z][A-Z][a-z]")  # a place of _CAMEL_JOIN's, led by a class: the engine skips to it
_GLUED_WORD_THEN_MORE = re.compile(r"[A-Z][a-z]+[ \t]+\S")


def _without_glued_caption(catalog: Catalog, rest: str) -> str:
    """'Photo credit: Getty ImagesTaylor Swift': a source the catalog knows, then the caption's first words glued to
    it, is the source alone. A name with a capital inside ('DeGuire', 'iStock') ends no source and stays whole, and
    so does a brand written in camel case that ends the credit ('UniversalMusic', 'NetflixLife'): a caption goes on
    after its first word."""
    for match in _CAMEL_JOIN.finditer(rest):
        if _GLUED_WORD_THEN_MORE.match(rest, match.start()) is None:
            continue
        words = rest[: match.start()].split()[-4:]
        if words and words[-1].isalpha() \
                and any(match_source(catalog, " ".join(words[-count:])) for count in range(1, len(words) + 1)):
            return rest[: match.start()]
    return rest


def _maker_after_lead(catalog: Catalog, work: _Work) -> None:
    """'Lithograph by Jane Roe, ca. 1922. Wellcome Library no. 7277i', 'Photograph by Jane Roe, 1917. Imperial War
    Museums (Q 30018)': after a lead-in that names the maker, a citation's first piece is the maker, though a date
    follows it (without one, a name then a date opens a portrait's caption: 'Abraham Lincoln, 1863. Library …')."""
    cited = read_citation(catalog, work.rest.strip(_STRIP))
    if cited is not None and cited.first and cited.holder:
        work.fields["creator"] = cited.first


def _opens_with_maker_lead(segment: str) -> bool:
    """A segment read whole (a citation line) that opens with a lead-in naming the maker ('Lithograph by …')."""
    opened = lead_in_text_match(segment.lstrip(" ([{"))
    return opened is not None and bool(_MAKER_LEAD.search(opened.group(0).rstrip() + " "))


def _agency_in_brackets(catalog: Catalog, rest: str) -> str:
    """'Marta Luján (EFE)': El País and others write the agency after the photographer in brackets; read as the
    chain 'Marta Luján/EFE' when the bracket names an agency or publisher the catalog knows."""
    match = _NAME_THEN_AGENCY.match(rest)
    source = match_source(catalog, match.group("source")) if match else None
    if match is None or source is None or source.kind not in NEWS_SOURCE_KINDS:
        return rest
    return f"{match.group('who').rstrip()}/{match.group('source')}"


def _holders_are_no_chain(catalog: Catalog, fields: dict[str, str]) -> None:
    """'© Mapbox © OpenStreetMap', 'Imagery ©2024 Google, Map data ©2024 Google': each rights sign names a holder
    of its own (of the imagery, of the map data); holders side by side are no chain, so the last is no via. A
    platform stays the via ('© Jane Roe, Flickr')."""
    source = match_source(catalog, fields["via"])
    if source is None or source.kind != "platform":
        del fields["via"]


def _common_words_are_no_creator(catalog: Catalog, segment: str, fields: dict[str, str]) -> None:
    """'Source: police', 'Kilde: egen beregning' (own calculation), 'Källa: polisen': after a lead-in that means
    'source', a few words in lower case that no source of the catalog is named are where a figure came from, not a
    person's name (a person or an account after 'Photo:' keeps its lower-case name: 'Foto: jenny.k')."""
    creator = fields.get("creator")
    if creator and creator.islower() and _COMMON_WORDS.match(creator) and _SOURCE_LEAD.match(segment) \
            and match_source(catalog, creator) is None:
        del fields["creator"]
    elif creator and len(fields) == 1 and _PHOTO_OF_A_NOUN.match(segment):
        del fields["creator"]  # 'Photo de famille', 'Foto di gruppo': the kind of picture, no one's name


# 'Photo de famille' (the officials' group photo), 'Photographie de presse', 'Foto di gruppo': the French and Italian
# 'by' words are also 'of', and a word in lower case after them, alone, is what the picture is; a photographer's
# name has a capital ('Photo de Jane Roe') and a handle a mark ('Photo de @janeroe', 'Foto di jane.roe')
_PHOTO_OF_A_NOUN = re.compile(r"(?i)^[\s(\[]*(?:photo(?:graphie)?s?|fotos?|fotografi[ae])\s+(?:de|di|par|d['’])\s*"
                              r"(?-i:[a-zà-öø-ÿ]+)[\s.)\]]*$")


# A link's query ('watch?v=…', 'photo.php?fbid=…'): what is left of an address written with no scheme after its host
# was taken for the platform ('youtube.com/watch?v=BGZBoaa0-os'); a video's or a post's key, no account's name. A
# query a share button or a referral adds ('?igshid=…', '?si=…', '?utm_source=…', '?ref=…', '?hl=en') follows any page,
# an account's too: an account written as addresses write one, a handle ('@JaneRoe') or a name in lower case
# ('instagram.com/janeroe?igshid=…', 'jane.roe'), stays named and the query is cut off; a video's key in mixed case
# ('youtu.be/Qx7Lm2PaaZ0?si=…') or a page's file ('photo.php?ref=…') names no one
_QUERY = re.compile(r"\?[\w.%-]{1,40}=")
_SHARE_QUERY = re.compile(r"(?P<account>@[\w.-]{1,60}|[a-z\d_][a-z\d_.-]{0,59})"
                          r"(?<!\.php)(?<!\.htm)(?<!\.html)(?<!\.asp)(?<!\.aspx)"
                          r"\?(?:(?:igshid|igsh|si|ref|ref_src|fbclid|mibextid|hl|lang|utm_\w{1,20})=[^\s&?#]*&?)+")


def _queries_are_no_names(fields: dict[str, str]) -> None:
    """'(youtube.com/watch?v=BGZBoaa0-os)': the video's address after the platform names no creator or owner (an
    account's path names its account: 'flickr.com/photos/janeroe', with a share mark's query after it too)."""
    for key in ("creator", "organization"):
        if "?" in fields.get(key, "") and _QUERY.search(fields[key]):
            shared = _SHARE_QUERY.fullmatch(fields[key])
            if shared is not None:
                fields[key] = shared.group("account")
            else:
                del fields[key]


def _same_source(catalog: Catalog, via: str | None, url_via: str) -> bool:
    """No via named, or the one named is the platform the link goes to ('Wikimedia' and a Commons page)."""
    return not via or match_source(catalog, via) is match_source(catalog, url_via)


def _account_before_platform(catalog: Catalog, fields: dict[str, str]) -> None:
    """'Photo by Pixabay from Pexels': the name before 'from <platform>' is an account there."""
    org = fields.get("organization")
    source = match_source(catalog, org) if org else None
    if org and not fields.get("creator") and fields.get("via") and source is not None and source.kind == "platform":
        fields["creator"] = fields.pop("organization")


def _platform_then_account(catalog: Catalog, fields: dict[str, str]) -> None:
    """'Foto: Twitter PSG': the platform, then the account's owner (Italian and Portuguese papers write it so). A
    club's initials are the organisation; words are left whole: a club's name, or the platform's own product ('YouTube
    Kids', 'Instagram Live Video', 'YouTube Music Awards'), which two capitalised words share with a person's name."""
    platform, _, owner = fields["via"].partition(" ")
    source = match_source(catalog, platform)
    if source is None or source.kind != "platform" or not owner.isupper() or not owner.isalpha() \
            or not 2 <= len(owner) <= 6:
        return
    fields["organization"] = owner  # a club's initials: 'PSG', 'ICC'
    fields["via"] = platform


def clean_segment(segment: str, catalog: Catalog | None = None) -> str:
    """A segment without lead-in, wire codes, quoted titles and 'Own work'."""
    return _clean(segment, catalog)


def _take_title(work: _Work) -> None:
    """'"Harbour at Dawn" by Jane Roe': the work's title, kept apart from the name."""
    match = _TITLE_BY.search(work.rest) if _may_quote(work.rest) else None
    if match:
        work.fields["title"] = _LINK.sub("", match.group("title")).strip()  # a linked title: its text
        _cut(work, match)


# Getty's form for a photographer a body commissioned: 'Jane Roe - FIFA/FIFA via Getty Images', 'Jane Roe – UEFA/UEFA
# via Sportsfile', 'Jane Roe-ICC/ICC via Getty Images': the body after a dash or hyphen and again after the slash is one
# link, not a part of the photographer's name.
_BODY_REPEATED = re.compile(r"(?<=\S)[ \t]*[-–—][ \t]*(?P<body>[^\s/\-–—][^/\n]{0,40}?)[ \t]*/[ \t]*(?P=body)"
                            r"(?=[ \t]*(?:[/,;)|]|$)|[ \t]+via\b)")
# 'Harwick Motors handout via REUTERS': the body that handed the picture out, read as 'Harwick Motors/Handout via …';
# the body's name opens the credit or a link of it, its words capitalised but for connectives ('Ministry of Defence'),
# never an article: 'a government handout via Reuters', 'A Pentagon handout via Reuters showed …' are a sentence's
_HANDOUT_BODY_WORD = r"[A-ZÀ-ÞĀ-Ž][\w.'’&-]*"
_HANDOUT_VIA = re.compile(r"(?:^|(?<=/))(?P<body>[ \t]*(?!(?:The|A|An)[ \t])" + _HANDOUT_BODY_WORD
                          + r"(?:[ \t]+(?:(?:of|and|for|de|du|des|del|la|le)[ \t]+)?" + _HANDOUT_BODY_WORD
                          + r"){0,7})[ \t]+(?i:handout)(?=[ \t]+via[ \t])")
# A license's address in Markdown's angle brackets inside round ones, as old Commons credits pasted into Markdown write
# it ('Jane Roe [GFDL (<http://www.gnu.org/copyleft/fdl.html>) ou CC BY-SA 3.0 (<https://…/by-sa/3.0>)]'): read as the
# bare address in brackets the dual license's reading expects.
_ANGLED_URL = re.compile(r"\(<(?P<url>https?://[^<>\s()]{1,300})>\)")
# Commons' 'By Jane Roe - Own work, CC BY-SA 4.0' after a label of its own ('Image:', 'Source:', 'Credit:'): the 'By'
# opens the credit, no part of the name (only where open terms follow: 'Credit: By Design Studio' stays).
_BY_FIRST = re.compile(r"(?i)^[ \t]*(?:by|par|por|von|door)[ \t]+(?=(?-i:[A-Z@]))")
_OPEN_TERMS_IN = re.compile(r"(?i)\b(?:own\s+work|eigenes\s+werk|travail\s+personnel|trabajo\s+propio)\b|"
                            r"\bcc[\s-]?(?:by|0)\b|\bpublic\s+domain\b|\bgfdl\b")
# A bracket closing a credit that holds a platform or body and the licence ('Jane Roe (Wikimedia Commons, CC BY-SA
# 4.0)', 'Jane Roe (Flickr, CC BY 2.0)'): the credit's own links, read as if written with commas.
_LICENSED_BRACKET = re.compile(r"[ \t]*\((?P<inner>[^()\n,]{2,60},[^()\n]{0,40}?(?i:\bcc[\s-]?(?:by|0)\b|\bcc0\b|"
                               r"public\s+domain)[^()\n]{0,20})\)[ \t]*$")
# Authors named with 'et al.' and nothing else left of an open licence's credit ('Jane Roe, et al.', 'Roe et al.
# (2020)'): one creator as written, the year aside.
_ET_AL_ALONE = re.compile(r"^[\s,\x1f]*(?P<who>[^\W\d_][^,\x1f/<>()\[\]\n]{0,60}?,?[ \t]+et[ \t]+al\.?)"
                          r"(?:[ \t]*\((?:19|20)\d\d[a-z]?\))?[\s,.;\x1f]*$")
# AP's comma-separated pool credit ('Jane Roe, Sputnik, Kremlin Pool Photo via AP'): the pool is a link of the chain,
# as in the slashed form, not a part of the agency's name.
_COMMA_POOL = re.compile(r",[ \t]+(?=(?:[A-Z][\w.-]*[ \t]+){0,2}Pool(?:[ \t]+Photo)?(?:[ \t]+via\b|[ \t]*$))")
# The order a composite's credits follow, before them ('Photo: (L-R) Jane Roe/Getty Images, …'): no part of a name
_ORDER_MARK = re.compile(r"(?i)^[ \t]*\((?:l[ \t]*[-–][ \t]*r|l[ \t]+to[ \t]+r|left[ \t]+to[ \t]+right|from[ \t]+left|"
                         r"clockwise[^()\n]{0,30})\)[ \t]*")


# A code's key in quotes before the value that holds the credit ("'caption': '勝沼のぶどう畑 / Wikimedia Commons / CC BY
# 2.0',", '"credit": "Jane Roe/AP"'): the key names the field, no one, and the value's quotes are no quoted title
_CODE_KEY = re.compile(r"^[ \t]*(?P<q>['\"])[A-Za-z_][\w-]{0,40}(?P=q)[ \t]*:[ \t]*(?P<v>['\"])(?P<value>[^'\"\n]*)"
                       r"(?P=v)[ \t]*,?[ \t]*$")


def _platform_before_bracket(catalog: Catalog | None, segment: str) -> bool:
    head = without_lead_in_text(segment.partition("(")[0].strip(" [{")).strip()
    source = match_source(catalog, head) if catalog is not None and head else None
    return source is not None and source.kind == "platform"


def _clean(segment: str, catalog: Catalog | None = None) -> str:
    key = _CODE_KEY.match(segment) if ":" in segment[:48] else None
    segment = key.group("value") if key is not None else segment
    segment = _ORDER_MARK.sub("", segment, count=1) if "(" in segment[:3] else segment
    segment = _ANGLED_URL.sub(r"(\g<url>)", segment) if "(<" in segment else segment
    segment = _COMMA_POOL.sub("/", segment) if "Pool" in segment and ", " in segment else segment
    if segment.rstrip().endswith(")") and "," in segment and not _platform_before_bracket(catalog, segment):
        segment = _LICENSED_BRACKET.sub(r", \g<inner>", segment, count=1)  # 'Jane Roe (Wikimedia Commons, CC BY 4.0)'
        # ('Wikimedia Commons (Jane Roe, CC BY 4.0)', the platform first, is credit_parts' to read)
    text = without_lead_in_text(segment.lstrip(" ([{"))
    if _BY_FIRST.match(text) and _OPEN_TERMS_IN.search(text):  # 'Image: By Jane Roe - Own work, CC BY-SA 3.0'
        text = _BY_FIRST.sub("", text, count=1)
    text = PLACE_IN_LAYOUT.sub("", text, count=1) if ":" in text else text
    text = _PLACE_BEFORE_DASH.sub("", text, count=1) if "—" in text or "–" in text else text
    text = _REPEATED_IN_CAPITALS.sub(_once, text) if " via " in text and _CAPITALS_BEFORE_VIA.search(text) else text
    text = _BODY_REPEATED.sub(r"/\g<body>", text) if "/" in text and _has_dash(text) else text
    text = _HANDOUT_VIA.sub(r"\g<body>/Handout", text) if "andout via" in text else text
    if "(" in text or "（" in text:  # each step only where what it cuts can be
        text = _LIFE_DATES.sub("", _REMARK.sub(partial(_remark_cut, catalog), _PICTURE_COUNT.sub("", text)))
        text = _LISTED_REMARK.sub("", text) if text.rstrip().endswith(")") else text
    text = _ATTRIBUTES.sub(CUT, text) if "=" in text else text
    text = _BASED_ON.sub(CUT, text) if "„" in text or "“" in text or '"' in text else text
    text = _FILE_NAMED.sub(CUT, text) if ":" in text else text
    text = _WIRE_CODE.sub(CUT, text) if _BRACKET.search(text) else text
    if _QUOTE.search(text):
        text = _COMMA_BEFORE_OUTLET.sub(" / ", text) if "," in text else text
        text = _QUOTED.sub(lambda m: m.group(0) if _kept_quote(text, m.start()) else CUT, text)
    if not text.isascii() and ("'" in text or "‘" in text):
        text = _SINGLE_QUOTED.sub(CUT, text)
    text = _without_archive_ref(text)
    text = _SECTION_LABEL.sub("", text) if text.endswith(SECTION_ENDS) else text
    text = _ARCHIVE_SIGNATURE.sub("", text) if "Bild" in text else text
    text = _FILE_SIGNATURE.sub("", text) if "rchiv" in text else text
    text = ACQUISITION.sub("", text) if "," in text else text
    return _OWN_WORK.sub(CUT, text) if may_hold(text, _OWN_WORK_WORDS) else text


def _has_dash(text: str) -> bool:
    """Whether a text holds a hyphen or a dash (_BODY_REPEATED's separator): the common credit has none."""
    return "-" in text or "–" in text or "—" in text


def _remark_cut(catalog: Catalog | None, match: re.Match[str]) -> str:
    """A remark in brackets is cut, but not an agency's name written all in lower case ('© JANE ROE (belga)', RTBF's
    house style; '(afp)'): a wire or picture agency the catalog knows, one word, is the credit's source. Many agencies'
    names are words too ('(fotogramma)', a video's frame; '(panoramic)', '(forum)', '(beta)'): after a name in
    capitals (RTBF's style) any agency is read, after other text only one whose name the catalog writes as letters
    ('(afp)', '(ansa)', '(epa)', '(dpa)')."""
    inner = match.group(0)[1:-1].strip()
    if catalog is not None and _LOWER_WORD.fullmatch(inner):
        source = match_source(catalog, inner)
        before = match.string[max(0, match.start() - 60):match.start()]  # a name's length: no search of a long text
        if source is not None and source.kind in AGENCY_KINDS and (
                _agency_letters(source.name) or _NAME_IN_CAPITALS.search(before)):
            return match.group(0)
    return CUT


_LOWER_WORD = re.compile(r"[a-z]{2,12}(?:-[a-z]{2,12})?")
# A name in capitals right before the bracket: two words at least ('© YORICK JANSENS (belga)')
_NAME_IN_CAPITALS = re.compile(r"(?<![^\W\d_])[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’-]+)+[ \t]*\Z")


def _agency_letters(name: str) -> bool:
    """An agency's name the catalog writes as letters in capitals ('AFP', 'ANSA', 'EPA-EFE') or, as the agency does,
    in lower case ('dpa', 'ddp'): no word of a language is written so."""
    return (name.isupper() or name.islower()) and " " not in name


def _without_archive_ref(text: str) -> str:
    """The text without an archive's reference closing it: one ends with a digit and is short, so only such a
    text's end is searched."""
    if not text.rstrip().rstrip(".")[-1:].isdigit():
        return text
    match = _ARCHIVE_REF.search(text, max(0, len(text) - 64))
    return text[: match.start()] if match else text


def _kept_quote(text: str, at: int) -> bool:
    """A quoted work's title before 'by', a paper's title after 'pour' ('X pour « Le Monde »'), or an outlet's name
    in guillemets as the last link of a chain ('Фото: Анна Петрова / «Коммерсантъ»', '… — «Новая газета»') or as
    the proper name closing a body's ('пресс-служба «Газпрома»'): not cut."""
    return bool(_TITLE_BY.match(text, at) or _CLIENT_BEFORE.search(text, max(0, at - 6), at)
                or text[at] in "«„" and _LAST_LINK_QUOTE.match(text, at) is not None
                and (_CHAIN_BEFORE.search(text, 0, at) or _BODY_BEFORE_QUOTE.search(text, 0, at))
                or text[at] in "«„" and _QUOTE_BEFORE_SLASH.match(text, at) is not None
                and (_CHAIN_BEFORE.search(text, 0, at) or _BODY_BEFORE_QUOTE.search(text, 0, at)))


def _after_an_agency(catalog: Catalog, text: str) -> bool:
    """Whether the last link of `text` (before a client's 'for') is a wire or picture agency the catalog knows."""
    link = re.split(r"[/,;()\x1f]", text)[-1].strip(_STRIP)
    source = match_source(catalog, link) if link else None
    return source is not None and source.kind in NEWS_SOURCE_KINDS


def _cut(work: _Work, match: re.Match[str]) -> None:
    work.rest = work.rest[: match.start()] + CUT + work.rest[match.end() :]


# A site's bare address, no path, all a credit holds after its lead-in ('Bild: www.imago-images.de', 'Foto:
# www.arild-hauge.com. ©'): the site credited by its name, as 'Photo: harwickphotos.com' is (not taken out as a link)
_BARE_SITE = re.compile(r"(?i)www\.[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,3}/?")
_AROUND_SITE = " \t.,;:()©\x1f"


def _bare_site_alone(catalog: Catalog, rest: str, at: int, url: str) -> bool:
    """A site's bare address with nothing but punctuation or a rights sign around it in the credit; a platform's
    ('www.unsplash.com') is read as its via, as a link to it is."""
    if not _BARE_SITE.fullmatch(url) or rest[:at].strip(_AROUND_SITE) or rest[at + len(url) :].strip(_AROUND_SITE):
        return False
    known = match_domain(catalog, f"https://{url}")
    return known is None or known.kind != "platform"


def _take_urls(catalog: Catalog, work: _Work) -> None:
    for match in list(URL.finditer(work.rest))[::-1] if may_hold(work.rest, _URL_WORDS) else ():
        url = match.group(0).rstrip(".,;:)]}>")
        if _bare_site_alone(catalog, work.rest, match.start(), url):
            work.rest = work.rest[: match.start()] + url.rstrip("/") + work.rest[match.start() + len(url) :]
            continue
        cut_from = match.start()
        if is_license_url(catalog, url):
            work.fields.setdefault("license_url", url)
        else:
            work.fields["source_url"] = url
            before = _BEFORE_LINK.search(work.rest, max(0, cut_from - 12), cut_from)
            if before is not None:  # 'Icons made by Freepik from www.flaticon.com': the word leading to the link
                cut_from = before.start()
            source = match_domain(catalog, url if "://" in url else f"https://{url}")
            if source is not None and source.kind == "platform":
                work.url_via = source.name
        work.rest = work.rest[:cut_from] + CUT + work.rest[match.start() + len(url) :]
    if "(" in work.rest or "[" in work.rest or "<" in work.rest:  # each of _WIRE_CODE's forms opens with one
        work.rest = _WIRE_CODE.sub(CUT, work.rest)


def _take_linked_title(catalog: Catalog, work: _Work) -> None:
    """'Oleanders <https://www.metmuseum.org/…>, Vincent van Gogh, The Metropolitan Museum of Art, …': a museum's
    credit opening with the work's title linked to its page, then the maker and the holder (a citation): the title
    is no name (its link stays, the work's source). A file's title linked to its wiki page before an author and the
    bracket of license terms (_FILE_TITLE_FIRST) is no name either."""
    tasl = _TITLE_LINK_BY.match(work.rest)
    if tasl is not None:  # '[**the moment**](https://www.flickr.com/photos/…) by Jane Roe is licensed under …'
        work.fields["title"] = tasl.group("title").strip(" *_")
        work.rest = CUT + f"<{tasl.group('url')}>" + CUT + work.rest[tasl.end() :]
        return
    filed = _FILE_TITLE_FIRST.match(work.rest)
    if filed is not None:
        work.fields["title"] = filed.group("title").strip()
        work.rest = CUT + work.rest[filed.start("url") - 1 :]
        return
    match = _TITLE_LINK_FIRST.match(work.rest)
    if match is None or is_license_url(catalog, match.group("url")):
        return
    cited = read_citation(catalog, work.rest[match.end() :])
    if cited is None or not cited.holder:
        return
    work.fields["title"] = match.group("title").strip()
    work.rest = CUT + work.rest[match.start("url") - 1 :]


def _author_from_place(catalog: Catalog, work: _Work) -> None:
    """'Blake Roe from Alexandria, VA, USA, CC BY 2.0 <…>, via Wikimedia Commons', 'janeroe from Harwick, USA': a
    Flickr account's display name with the place its owner gives, as Commons' imports from Flickr write the author;
    the creator is the name (a person's full name, or a handle), the place no organisation. Not a source after 'from'
    ('Jane Roe from Pixabay'), and not a description of who is shown ('students from Harwick, Ohio', 'Tourists from
    Harwick': a name in lower case, or one capitalised word)."""
    found = _FROM_PLACE.match(work.rest)
    place = found.group("place") if found is not None else ""
    first = place.split(",")[0].strip()
    if found is None or _BY_WORD.search(place) or match_source(catalog, first) is not None \
            or match_source(catalog, first.split()[0]) is not None:
        return
    name = " ".join(_FROM_WORD.split(found.group("who"), maxsplit=1)[0].split())
    handle = " " not in name and any(ch.isalpha() for ch in name) and not name[:1].isupper() \
        and "via" in work.fields  # a handle only where the platform is named: 'students from Harwick, CC BY 2.0
    if not (handle or len(name.split()) > 1 and looks_like_person(name)) or match_source(catalog, name) is not None:
        return
    work.fields["creator"] = name
    work.rest = CUT + work.rest[found.end() :]


def _author_at_place(catalog: Catalog, work: _Work) -> None:
    """'Photo taken by Jane Roe at Harwick Park.', 'Photos by Jane Roe in Marrowby': after a 'by' lead-in, a person's
    full name and where the picture was taken, closing the credit; the creator is the name, the place no one (not a
    source the catalog knows: 'Photo by Jane Roe at NASA'; prose goes on in lower case: '… at Harwick Park are on show'
    is no place)."""
    found = _AT_PLACE.match(work.rest)
    if found is None or match_source(catalog, found.group("place").split(",")[0].strip()) is not None:
        return
    name = found.group("who")
    if match_source(catalog, name) is not None or label_link(catalog, name).label != "person":
        return
    work.fields["creator"] = name
    work.rest = CUT + work.rest[found.end() :]


def _take_lead_link(catalog: Catalog, work: _Work, lead: str) -> None:
    """'"Pier" <https://…/photos/…> by …', 'Photo <https://commons…/File:…> by …': a link on the work's title or
    on the word 'Photo' before 'by' leads to the work's own page, its source (before the creator's profile)."""
    for match in _LEAD_LINK.finditer(lead):
        url = match.group(1)
        if is_license_url(catalog, url):
            work.fields.setdefault("license_url", url)
            continue
        work.fields["source_url"] = url
        source = match_domain(catalog, url if "://" in url else f"https://{url}")
        if source is not None and source.kind == "platform":
            work.url_via = source.name
        return


def _take_license(catalog: Catalog, work: _Work) -> None:
    for pattern in _license_patterns(catalog, work.rest):
        match = pattern.search(work.rest)
        if match:
            text = re.sub(r"(?i)-license$", "", (match.groupdict().get("lic") or match.group(0)).strip(_STRIP + "<>"))
            if not any(ch.isalnum() for ch in text):
                continue  # 'Licensed under ">' names nothing
            work.fields["license"] = text
            _cut(work, match)
            _take_second_license(catalog, work, match.start())
            licensed = _LICENSED_BEFORE.search(work.rest, 0, match.start())
            if licensed is not None:  # 'Name, 2009, licensed CC BY-SA 3.0': the word that led to the license
                work.rest = work.rest[: licensed.start()] + work.rest[licensed.end() :]
            return


def _take_second_license(catalog: Catalog, work: _Work, at: int) -> None:
    """'CC BY-SA 3.0 and GFDL', 'CC BY-SA 3.0 / GFDL', 'GFDL ou CC BY-SA 3.0': a dual license. The license recorded
    is the one found first (the CC option); the other, beside it with a conjunction or a slash between, is cut with
    the words between: no name."""
    end = work.rest.index("\x1f", at) + 1
    for pattern in _license_patterns(catalog, work.rest):
        for match in pattern.finditer(work.rest):
            if match.start() >= end and _DUAL_JOIN.fullmatch(work.rest, end, match.start()):
                work.rest = work.rest[:at] + CUT + work.rest[match.end() :]
                return
            if match.end() <= at and _DUAL_JOIN.fullmatch(work.rest, match.end(), at):
                work.rest = work.rest[: match.start()] + CUT + work.rest[end:]
                return


def without_rights_sign(lead: str) -> str:
    """A lead-in without its rights sign or words (©, Copyright, Bildrechte): 'Foto ©: ' -> 'Foto : '."""
    return _RIGHTS.sub("", lead)


def _take_rights(work: _Work, statement: str, lead: str = "") -> None:
    """A rights sign (©, Copyright, Bildrechte) is a rights statement, kept as written; with "All
    rights reserved" spelt out and no license named, that is the license. The sign is no name."""
    found = may_hold(lead, _RIGHTS_WORDS) and bool(_RIGHTS.search(lead))
    for match in list(_RIGHTS.finditer(work.rest))[::-1] if may_hold(work.rest, _RIGHTS_WORDS) else ():
        found = True
        if _RESERVED.fullmatch(match.group(0)) and "license" not in work.fields:
            work.fields["license"] = "All rights reserved"
        _cut(work, match)
    if found and "license" not in work.fields:
        work.fields["copyright"] = statement.strip().removesuffix("(").rstrip()  # '© Body 2014 (Photo by …)'


def strip_license(catalog: Catalog, text: str) -> tuple[str, bool]:
    """The text without its URLs and license name, and whether it had either."""
    work = _Work(rest=text)
    _take_urls(catalog, work)
    _take_license(catalog, work)
    _take_public_domain(work)
    rest = f"{work.rest} via {work.url_via}" if work.url_via and " via " not in work.rest else work.rest
    return rest, bool(work.fields.get("license") or work.fields.get("license_url") or work.url_via)


def _take_public_domain(work: _Work) -> None:
    match = _PUBLIC_DOMAIN.search(work.rest) if may_hold(work.rest, ("public",)) else None
    if match is None and any(map(work.rest.__contains__, _PD_WORDS)):
        match = _PUBLIC_DOMAIN_OTHER.search(work.rest)
    if match and "license" not in work.fields:
        work.fields["license"] = match.group(0)
        _cut(work, match)


def find_license_text(catalog: Catalog, text: str) -> str | None:
    """The license named in a free text (a copyright notice, usage terms), if any."""
    work = _Work(rest=text)
    _take_license(catalog, work)
    if "license" in work.fields:
        return work.fields["license"]
    if re.search(r"(?i)\ball rights reserved\b", text):
        return "All rights reserved"
    return None


def _catalog_names(catalog: Catalog) -> re.Pattern[str]:
    """Every multi-word or versioned license name in the catalog, as one regex built once per catalog."""
    return catalog.cached("license-name-pattern", _build_catalog_names)


def _build_catalog_names(catalog: Catalog) -> re.Pattern[str]:
    names = {  # a name without its version ('CC BY-SA') is left to the CC patterns, which read a version after it
        name
        for lic in catalog.licenses.values()
        for name in license_names(lic)
        if (" " in name.strip() or re.search(r"\d", name)) and not lic.versions
    }
    parts = [
        r"[\s_-]+".join(re.escape(word) for word in re.split(r"[\s_-]+", name.strip()))
        for name in sorted(names, key=len, reverse=True)
    ]
    return with_first_chars(re.compile(r"(?i)(?<!\w)(?:" + "|".join(parts) + r")" + _PORT + r"(?!\w)"))


def mentions_license(catalog: Catalog, text: str) -> bool:
    """True when a text names a license or carries a URL: a credit's continuation."""
    text = text.lstrip("( ")
    return bool(URL.match(text)) or any(p.match(text) for p in _license_patterns(catalog, text[:200], text))


def _license_patterns(catalog: Catalog, text: str, whole: str | None = None) -> list[re.Pattern[str]]:
    """The license patterns worth trying on a text: the catalog's long alternation only when a word of
    the text starts some license name (a set lookup per word, the set built once per catalog), the others
    only when the text (`whole`, when the patterns run on more than `text`) holds a word each of them needs."""
    first_words: frozenset[str] = catalog.cached("license-first-words", _first_words)
    named = not first_words.isdisjoint(_WORD.findall(text.casefold()))
    if not _license_word(text if whole is None else whole):
        return [_catalog_names(catalog)] if named else []
    return [_LICENSED_UNDER, _catalog_names(catalog), _CC_CODE, _CC_LONG, _GFDL] if named else \
        [_LICENSED_UNDER, _CC_CODE, _CC_LONG, _GFDL]


def _license_word(text: str) -> bool:
    """Whether `_LICENSE_WORD` finds one of its words in the text (in ASCII text, the lowered text holds one)."""
    return may_hold(text, _LICENSE_WORDS) if text.isascii() else _LICENSE_WORD.search(text) is not None


def _first_words(catalog: Catalog) -> frozenset[str]:
    return frozenset(
        _WORD.findall(name.casefold())[0]
        for lic in catalog.licenses.values()
        for name in license_names(lic)
        if _WORD.findall(name)
    )


def _take_via(catalog: Catalog, work: _Work) -> None:
    match = _VIA.search(work.rest)
    if match and match.group("via").strip(_STRIP):
        via = match.group("via").strip(_STRIP)
        via = via[4:] if via.startswith("the ") and len(via) > 4 else via  # 'via the Library of Congress': the article
        via = _VIA_KIND.sub("", via) or via  # 'via press agency Ploom PR': what the intermediary is, then its name
        if via.casefold() not in ROLES:  # '…/The Harwick Times, via Pool': how it came, no platform
            work.fields["via"] = _platform_name(catalog, via)
        _cut(work, match)
        return
    at = 0
    while (match := _ON_PLATFORM.search(work.rest, at)) is not None:  # the last 'on/da/em <platform>' that names one
        source = match_source(catalog, match.group("p").strip(_STRIP))
        if source is not None and source.kind in ("platform", "stock"):
            platform = match.group("p").strip(_STRIP)
            if platform.startswith("the ") and match_source(catalog, platform[4:]) is source:
                platform = platform[4:]  # 'from the Noun Project': the platform's name, without the sentence's article
            work.fields["via"] = _platform_name(catalog, platform)
            _cut(work, match)
            work.rest = _PLATFORM_VERB.sub(" ", work.rest, count=1)
            return
        at = match.start("p")


def _platform_name(catalog: Catalog, via: str) -> str:
    """'Pexels.com' -> 'Pexels': a platform written as its domain is named by its name."""
    source = match_source(catalog, via)
    if source is not None and "." in via and " " not in via and via.casefold() in source.domains + tuple(
            a.casefold() for a in source.aliases):
        return source.name
    return via


# The rest of a credit after a client: a slash and one more name closing it ('… for The Met Museum/Vogue')
_CLIENT_SECOND = re.compile(r"[ \t]*/[ \t]*(?P<name>[A-Z][^/,;()\x1f]{0,60}?)[ \t.]*$")


def _take_client(work: _Work, catalog: Catalog) -> str:
    """'Ada Brook for The Daily Ledger': the commissioning client, cut out of the names; but in 'Max Planck Institute
    for Biology' the word before 'for' names a body, and 'for' its purpose: one name, no client. An agency's client
    may be two bodies joined by a slash (Getty's 'Jane Roe/Getty Images for The Met Museum/Vogue'): a last name after
    the client that the catalog does not know is the client's too, not a distributor ('…/Shutterstock' stays one)."""
    match = _CLIENT.search(work.rest) if may_hold(work.rest, _CLIENT_WORDS) else None
    if not match or not match.group("client").strip(_STRIP):
        return ""
    before = work.rest[: match.start()].split()
    if before and before[-1].casefold() in BODY_BEFORE_FOR:
        return ""
    second = _CLIENT_SECOND.match(work.rest, match.end())
    if second is not None and not _after_an_agency(catalog, work.rest[: match.start()]) \
            or second is not None and match_source(catalog, second.group("name").strip()) is not None \
            or second is not None and is_a_date(second.group("name")):  # '…for The Met Museum/Jan 2019': a date
        second = None
    work.commissioned = work.rest[: match.start()]
    _cut(work, match)
    if _LOWER_CLIENT.match(match.group("client")):  # 'Jane Roe, held for over a year': a phrase, no client named
        return ""
    client = match.group("client").strip(_STRIP + "«»“”")  # '« Le Monde »': the title in its quotes
    if second is not None:
        work.rest = work.rest[: len(work.rest) - len(second.group(0))]  # the client's second name, cut out too
        client = f"{client}/{second.group('name').strip()}"
    if client.casefold() in ROLES:  # Commons' 'See page for author': no one named
        return ""
    return client
