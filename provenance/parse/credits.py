"""Find image credits in text and parse them: `parse_credit(text)`.

A credit is recognised by its shape, never by position alone. Candidate spans, in order:
- a lead-in ("Photo:", "Photo by", "Credit:", "Foto:", "Фото:", "Crédit photo :", "写真:",
  "Courtesy of", "©", a `credit: "…"` field) at the start of a line, a bracket, a quote or a
  sentence;
- a bracketed credit: "(Reuters/John Smith)", "(AP Photo/Jane Doe)", "(Getty Images)" (but not
  a dateline: "WASHINGTON (AP) —");
- a credit closing a caption line: "… on Monday. Jane Doe/AP", "…2021.Handout via Reuters",
  "Ada Brook for The Daily Ledger" (credit_spans);
- the photographer marks of Chinese, Japanese and Korean captions (cjk_credits).
Each span is split into fields by credit_fields. Inline HTML and Markdown are reduced to their
text first (markup), and wire boilerplate ("THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY") is
blanked. A byline ("By Jane Doe", "This article is written by …") is not a lead-in.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from provenance.catalog.licenses import resolve_license_name
from provenance.catalog.load import Catalog, default_catalog
from provenance.catalog.names import has_digit
from provenance.catalog.sources import match_source, remembered
from provenance.model import Credit, NoCredit
from provenance.parse.cjk_credits import cjk_segments
from provenance.parse.credit_capitals import closing_capitals
from provenance.parse.credit_citations import holder_first
from provenance.parse.credit_fields import LINK_ADDRESS, mentions_license, split_credit, without_rights_sign
from provenance.parse.credit_links import platform_of_the_line
from provenance.parse.credit_midline import midline_wire_credits
from provenance.parse.credit_parts import (
    KEEP_DOT,
    PHOTO_COLON,
    initial_end,
    label_link,
    lone_brand,
    outlet_before_photo,
)
from provenance.parse.credit_science import processed_by
from provenance.parse.credit_spans import (
    Segment,
    bracket_pairs,
    bracketed,
    citation_lines,
    dated_title_lines,
    glued_after_source,
    holder_from_lines,
    is_bare_credit,
    platform_citation_lines,
    relayed,
    shared_posts,
    source_then_story,
    story_run_on,
    video_stills,
)
from provenance.parse.credit_tails import line_tails, staff_under_name
from provenance.parse.credit_words import (
    AGENCY_KINDS,
    AI_LEAD,
    AI_PLAIN_LEAD,
    AI_TOOL_LEAD,
    BY_WORDS,
    CAPTION_END_LEADS,
    COMMON_WORDS,
    CREDIT_DASH,
    ENDS_WITH_ABBREVIATION,
    ENDS_WITH_NUMBER_WORD,
    GROUPING_WORDS,
    HEADING_WORDS,
    LEAD_IN_TEXT,
    LEAD_PHRASES,
    LICENSED_WORK,
    MEDIA_LABEL_WORDS,
    NOT_NAMES_AFTER_BARE_LEAD,
    PHOTO_FAMILY_BARE_LEADS,
    PHOTO_KIND_WORDS,
    SHOOT_CREW_CREDIT,
    STYLIST_CREDIT,
    TITLE_FUNCTION_WORDS,
    TYPO_LEAD_WORDS,
    UI_LABELS,
    WORD_SURNAMES,
    blank_ui_labels,
)
from provenance.parse.markup import Flat, flatten
from provenance.parse.role_marks import role_marked
from provenance.parse.scan import dispatched, gated_finditer, gated_sub, lowered_for_gates, with_first_chars

# After a lead-in word, 'via' and a name that ends the credit ('Image via TikTok/@handle', 'Photo via Reuters'): the
# via stays in the body; 'Images via satellite show …' is prose.
_VIA_NAME = (r"(?=\svia\s+(?-i:[A-Z@])[\w.@-]*(?:[ \t]+(?-i:[A-Z])[\w.-]*){0,3}[ \t]*(?:[/,;.()\]\n]|$))")
# A name alone on the rest of its line, after a lead-in word written with no colon ('Beeld Lauren Hillebrandt',
# 'Фото И. Маринковић'): two to four capitalised words or initials (surname particles between them), or one agency's
# name in capitals ('Beeld ANP').
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ĶĹ-ŇŌ-ŽА-ЯЁЂЃЄЅІЇЈЉЊЋЌЎЏ"
_PARTICLES = r"(?:van|de|der|den|ten|ter|von|da|di|do|dos|del|la|le)[ \t]+"  # 'Maartje de Ridder'
_NAME_ALONE = (rf"(?-i:(?:[{_UPPER}][\w'’.-]*)(?:[ \t]+(?:{_PARTICLES}){{0,2}}[{_UPPER}][\w'’.-]*){{1,3}}|"
               rf"[{_UPPER}]{{2,8}})")
# The same lead-in words with no colon closing a caption (credit_words.CAPTION_END_LEADS, each with its first letter as
# written): after a sentence's stop or alone in a bracket, a name alone or a chain ('Jane Roe/LaPresse') up to the
# line's end (a stop, or the bracket, before it).
_CAPTION_END_LEAD = "|".join(rf"(?-i:{re.escape(word[0])})" + re.escape(word[1:]).replace(r"\ ", r"[ \t]+")
                             for word in CAPTION_END_LEADS)
_END_CHAIN_LINK = (rf"(?-i:[{_UPPER}][\w'’.&-]*(?:[ \t]+(?:{_PARTICLES}){{0,2}}[{_UPPER}][\w'’.&-]*){{0,3}})")
_CAPTION_END_RUN = rf"[ \t]+{_NAME_ALONE}(?:[ \t]*/[ \t]*{_END_CHAIN_LINK}){{0,3}}[ \t]*"
# The photo family's word in lower case opening a bracket that is its line, a name closing it ('(photo Jane Roe)'
# between a story's paragraphs): the bracket holds the credit alone (_named_after_end_lead wants a full name in it)
_LINE_BRACKET_LEAD = r"(?:(?<=^\()|(?<=\n\())(?-i:photos?|fotos?)"
_AT_CAPTION_END = (rf"(?:(?<=[.!?…][ \t])|(?<=[.!?…][\"”’][ \t]))(?:{_CAPTION_END_LEAD})"
                   rf"(?={_CAPTION_END_RUN}\.?[ \t]*(?:\r?\n|$))|"
                   rf"(?<=\()(?:{_CAPTION_END_LEAD})(?={_CAPTION_END_RUN}\)[ \t]*\.?[ \t]*(?:\r?\n|$))|"
                   rf"{_LINE_BRACKET_LEAD}(?=[ \t]+{_NAME_ALONE}\)[ \t]*(?:\r?\n|$))")
# A menu's kinds of media after 'Photo /' or 'Photo |' ('Photo / Video', 'Photo | Video Gallery'), and a menu's other
# entries after 'Photo |' ('News | Photo | Most Shared'): no photographer's name follows them
_MEDIA_KINDS = (r"videos?|audio|galler(?:y|ies)|text|graphics?|podcasts?|(?:multi)?media|slide\s?shows?|illustrations?|"
                r"infographics?|images?|pictures?|stories")
_MENU_ENTRIES = r"top|latest|most|popular|trending|featured|recent|related|editor'?s'?|picks|news|more|home"
# A sentence that credits a page's pictures ('Images from show are courtesy of Netflix.', 'All photos in this story are
# courtesy of the band'): the pictures, a few words of what they show, 'are courtesy of' (tried before the lead
# phrases: 'Images from' alone is a lead-in too)
_PICTURES_COURTESY = (r"(?:all\s+)?(?:photo(?:graph)?s|images|pictures|stills)"
                      r"(?:\s+(?:from|of|in)(?:\s+[\w'’-]+){1,4}?)?\s+are\s+courtesy\s+of\b")
LEAD_IN = re.compile(
    r"(?i)(?P<lead>(?:(?:\b|(?<=_)(?<![^\s(\[*]_))"  # a word's start, or inside Markdown emphasis: '_Photo: …_'
    r"(?:" + _PICTURES_COURTESY + r"|(?:" + dispatched(LEAD_PHRASES, re.IGNORECASE) + r")"
    r"\s*(?:(?:\(c\)|(?-i:copyright))\s*)?"
    r"(?:[:=：]|\s-\s|" + CREDIT_DASH + r"|\s" + BY_WORDS + r"\b|"
    + _VIA_NAME
    + r"|(?:(?<=\(c\))|(?<=[ \t](?-i:copyright)))(?=[ \t]+(?-i:[A-Z])))|"  # 'Photos (C) Jane Roe': the rights
    # sign written out ends the lead-in, and so does the word in lower case ('Photo copyright FAO/ Jane Roe'; a
    # heading's 'Photo Copyright Basics' is no credit)
    r"(?=[iakgcplmthf])(?:" + AI_LEAD + r"|capture\s+d['’][ée]cran(?=\s+(?-i:[A-Z])))|"  # a generator's, a screenshot's
    r"(?:billedet\s+er\s+taget|bildet\s+er\s+tatt|bilden\s+är\s+tagen|foto\s+gemaakt)\s+(?:af|av|door)\b|"  # 'taken by'
    # a sentence that says who took the picture ('This photograph was taken by Jane Roe as part of …', 'Photo taken by
    # Jane Roe', 'Photos taken by Jane Roe in Harwick')
    # (a capital after it, no one's relative: 'taken by me', '… by My Daughter' name no one)
    r"(?:(?:this|the)\s+)?(?:photo(?:graph)?|image|picture)s?\s+(?:was\s+|were\s+)?(?:taken|shot)\s+by\b"
    r"(?=\s+(?-i:[A-Z@]))(?!\s+(?:my|our|his|her|their|your|its)\b)|"
    # a reader's picture in a community paper's gallery ('Winter sunrise near Hoffman. Captured by Jane Roe.', 'Shared
    # by Jane Roe, of New Ulm.'): a capital after it, no one's relative ('Shared by our readers' names no one), and the
    # credit closes the sentence or the line, a town or an age alone after its comma: a participle's clause opening a
    # sentence goes on after the comma ('Captured by Allied forces, Tom Bell was tried …', 'Shared by Jane Roe, the
    # recipe …')
    r"(?:captured|shared)\s+by\b(?=\s+(?-i:[A-Z@]))(?!\s+(?:my|our|his|her|their|your|its|the|a|an)\b)"
    r"(?=[^,.!?\n]*(?:[.!?]?[ \t]*(?:\r?\n|$)|[.!?][ \t]|,[ \t]*(?:of\b|\d)))|"
    r"(?:photographed|shot|taken|created|originally\s+uploaded|"
    r"(?:handout\s+)?(?:photos?|images?|pictures?|media)\s+(?:submitted|provided))\s+by\b|in\s+this\s+photo\s+by\b|fot\.(?=\s)|"
    r"picha\s+na(?=[ \t]+(?-i:[A-Z]))|"  # Swahili 'Picha na <Name>': 'photo by' (lower case after it: 'and')
    # the NZ Herald's 'Photo / Getty Images', 'Photo / Jane Roe'; not a menu's kinds of media ('Photo / Video')
    r"(?-i:Photos?|PHOTOS?)[ \t]/[ \t](?=[A-Z@])(?!(?i:" + _MEDIA_KINDS + r")\b)|"
    r"(?-i:Foto|FOTO|Photo|PHOTO)[ \t]+\|(?=[ \t]+[^|\n]{2,80}[ \t]/[ \t])|"  # 'Foto | Jane Roe / Outlet': a chain
    # (or before a chain's slash: 'Фото Олени Коваль / POOL / УНІАН')
    # The New Indian Express's '(Photo | Jane Roe, EPS)', 'Photo | Jane Roe' closing a caption: a full name, and the
    # desk's initials after a comma, up to the bracket or the line's end (a menu's 'Photo | Video Gallery' names none,
    # nor a menu's item after a pipe, 'News | Photo | Most Shared')
    r"(?<!\|[ \t])(?-i:Photos?|PHOTOS?)[ \t]+\|(?=[ \t]+(?!(?:" + _MEDIA_KINDS + "|" + _MENU_ENTRIES + r")\b)"
    r"(?-i:[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}(?:,[ \t]*[A-Z]{2,6})?)[ \t]*(?:\)|\r?\n|$))|"
    # a byline that credits the photos too ('Story and photos by Jane Roe', 'Photos and text by …'): the photographer
    r"(?:story|text|words|article|report)\s+(?:and|&)\s+(?:photo(?:graph)?s|pictures|images)\s+by\b|"
    # ('Photography and editing by Jane Roe': a fashion story's photographer, who retouched the pictures too)
    # ('Photography/Food Styling: Jane Roe', 'Photo, Prop Styling by Jane Roe': one person both, as a separator joins
    # the two roles before one name)
    r"(?:photo(?:graph)?s?|photography|pictures)[ \t]*(?:and|&|\+|/|,|\|)[ \t]*(?:food|props?|set)[ \t]+styling"
    r"(?:[ \t]+by\b|[ \t]*:)|"
    r"(?:food\s+)?(?:photo(?:graph)?s|photography|pictures)\s+(?:and|&)\s+"
    r"(?:story|text|words|editing|retouching|post-?production|(?:food\s+)?styling)\s+by\b|"
    # Dezeen's sentence closing an architecture story ('Photography is by Jane Roe.', 'Photos are by …'), before a
    # capital ('photography is by separate agreement' is a rule)
    # and no arrangement's noun after 'by', however capitalised ('Photography is by Appointment Only': a rule)
    r"(?:photography\s+is|photo(?:graph)?s\s+are)\s+by(?=\s+(?-i:[A-Z]))"
    r"(?!\s+(?:appointment|permission|request|invitation|arrangement|reservation|prior|special|kind)\b)|"
    + _AT_CAPTION_END + r"|"
    r"(?-i:Beeld|Foto|FOTO|Фото|ФОТО|Fotó|Kuvat?|Photographer|PIC|PICTURE)(?=[ \t]+" + _NAME_ALONE
    + r"[ \t]*(?:\r?\n|$|\||[ \t]/[ \t]))|"
    # the Reformatorisch Dagblad's 'beeld RD, Jane Roe', 'beeld ANP, Jane Roe' in lower case after the caption's
    # sentence: the outlet's or agency's initials, a comma and the photographer alone up to the line's end
    r"(?-i:beeld)(?=[ \t]+(?-i:[A-Z]{2,6}),[ \t]+" + _NAME_ALONE + r"[ \t]*(?:\r?\n|$))|"
    r"(?:(?:this|the)\s+)?(?:photo|image|picture|illustration)\s+(?:is\s+)?(?:licen[sc]ed\s+(?:under|as)|"
    r"(?:available|released|published)\s+under(?=\s+(?:the\s+|a\s+)?\[?(?:cc[\s-]|creative\s+commons|public\s+domain)))\b|"

    r"(?<![^\n])licen[sc]ed\s+under(?=\s+(?:the\s+|a\s+)?(?:cc[\s-]|cc0|creative\s+commons))|"  # a licence line alone
    r"image\s+source\s*,|photo\s+credit\s+should\s+read\b|автор\s+фото(?:графии)?(?=\s+[А-ЯЁA-Z])|"
    # the same in the World Service's Latin and Cyrillic scripts ('Fuente de la imagen, Getty Images', 'Автор фото,'),
    # before a capitalised name ('Автор фото, который снял …' is prose)
    r"(?<![,，])(?<![,，][ \t])"
    r"(?:fuente\s+de\s+la\s+imagen|fotoğraf\s+kaynağı|nguồn\s+hình\s+ảnh|sumber\s+gambar|chanzo\s+cha\s+picha|"
    r"автор\s+фото)\s*,(?=[ \t]*(?-i:[A-ZА-ЯЁ@\d]))|"
    # ('Photos and video courtesy of Jane Roe': a parish's page credits its pictures and its clip at once)
    # ('All site images courtesy of …', 'All other photos courtesy of …': a site's footer credits every picture)
    r"(?:(?:all\s+)?(?:(?:site|other)\s+)?(?:handout\s+)?(?:photo(?:graph)?s?|(?:digital\s+)?images?|webcam|video|"
    r"(?:3d\s+)?models?)"
    r"(?:\s+(?:and|&)\s+videos?)?\s+(?:provided\s+)?)?"
    # ('Courtesy admission; …' in an invitation: no word in lower case after a bare 'Courtesy' but an article's or a
    # role's, 'Courtesy the artist', 'Courtesy photo'; neither a name that opens in lower case, 'Courtesy eBay', nor a
    # name's particle before its capital, 'Courtesy de Volkskrant', 'Courtesy van der Berg')
    r"courtesy(?:\s+of\b|\b(?!\s+(?!(?:the|by|to|from|photos?|images?|d[aeiu]|del|della|de[nr]|van|von|la|le|"
    r"ten|ter|dos|das)\b)(?-i:[a-z]+(?![^\W\d_]))))|"
    r"(?:used|reproduced|reprinted)\s+(?:with|by)\s+(?:the\s+)?(?:kind\s+)?permission\s+(?:of|from)\b|"
    r"collection\s+of\b|"
    r"(?:this\s+)?(?:image|photo|picture)\s+belongs\s+to\b|copyright(?=\s+(?:\(c\)|©|\d{4}\b|[A-Z]))|"
    # the BBC's label, glued to the holder in copied page text ('Image copyrightEPAImage captionThe …')
    r"(?-i:Image[ \t]?copyright(?=[ \t]*[A-Z]))|"
    r"(?:media:|image_?|photo_?|cover_?)?(?:credit|source_label|attribution)\w*[\"']?\s*[:=]\s*\[?\s*[\"'])|"
    # lead-ins in other scripts (CJK, Arabic, Persian, Hebrew, Hindi, Thai, Greek) behind one test of the script
    r"(?=[^\x00-\u024f])(?:(?:写真|画像)(?:提供)?\s*[:：=＝/◎]|出典\s*[:：]|撮影者?\s*[・:：=＝◎]|"
    r"사진(?:(?:\s*제공)?\s*[:=＝]|\s*제공\.(?=[ \t]+\S)|(?=[ \t]+[^\s=:\])]{2,20}[ \t]*제공))|图片来源\s*[:：]|"
    r"(?:الصورة|صورة|تصوير|المصدر|ảnh|צילום(?:\s+מסך)?|קרדיט|عدسة|عکاس|عکس|تصویر|فوٹو|ছবি|ফটো|फ़?ोटो|तस्वीर|(?:รูป)?ภาพ|"
    r"φωτογραφ[ίι]ες|φωτογραφ[ίι]α|φωτο|"
    r"[来來图圖]源)\s*[:：]|(?:사진\s*)?출처\s*[:=＝,]|छायाकार\s*[:：–—-]|"
    # Thai and Hindi captions' closing bracket with a dash for the colon: '(ภาพ – รอยเตอร์)', '(फोटो - Jane Roe)';
    # a hyphen with no space only before one word that closes the bracket ('(फोटो-पीटीआई)'), never a compound's
    # second word ('(फोटो-फीचर)', '(फोटो-गैलरी देखें)', '(फोटो-प्रमाण सहित)': a photo feature, gallery, proof)
    r"(?<=[(（])(?:ภาพ[ \t]*[–—-]|फ़?ोटो(?:[ \t]+[–—-]|[–—-][ \t]+|-(?=[^\s)]{2,20}\))(?!(?:गैलरी|फ़?ीचर|फिचर)\))))|"
    # the BBC World Service's 'Image source, Getty Images' in Hindi, Punjabi, Persian, Arabic, Urdu, Chinese
    # (never after a comma: '警方表示，图片来源，一名当地居民，…' is a clause of a sentence, not the label)
    r"(?<![,，،、])(?<![,，،、][ \t])"
    r"(?:(?:इमेज|तस्वीर)\s+स्रोत|ਤਸਵੀਰ\s+ਸਰੋਤ|منبع\s+تصویر|مصدر\s+الصورة|تصویر\s+کا\s+ذریعہ|图片来源|圖片來源)\s*[,،，])|"
    r"\(c\)(?=\s)|"
    # a camera emoji for the label ('📷 Jane Roe', '📸: Jane Roe', '📷 Supplied: Jane Roe/Harwick Council'), as news
    # outlets' social posts credit their pictures: a capital or a handle next
    # (a film camera's or a clapper's for the video, as 'Video:' is, after a separator only: '📷 Jane Roe | 🎥 Tom Bell'
    # credits two, the second no link of the first's chain; '🎥 Watch the full video …' alone is a post's line); no
    # exclamation after it on the line ('📷 Game Day!', '📸 Happy Birthday Jane!': a post's cheer)
    r"(?:[\U0001F4F7\U0001F4F8]|(?:(?<=[|•·;,/])|(?<=[|•·;,/][ \t]))[\U0001F4F9\U0001F3A5\U0001F3AC])\ufe0f?"
    r"(?:[ \t]*[:：])?(?=[ \t]*(?-i:[A-Z@]))(?![^\n!]{0,80}!)|"
    # 'PHOTO | JANE ROE | NATION MEDIA GROUP', Swahili 'PICHA | …' (East Africa): the name in capitals ('PHOTOS | Best
    # Moments Of …' heads a gallery's headline)
    r"(?-i:(?:PHOTOS?|PICTURES?|FOTOS?|PICHA)[ \t]+\|"
    r"(?=[ \t]+[^\s|a-z]+(?:[ \t]+[^\s|a-z]+)*[ \t]*(?:\||\r?\n|$))))\s*)"
)
# Lead-ins that need no position: a rights sign (or '(c)' before a year and a company or its reserved rights: 'MPAA
# Rating: R (c) 1994 Warner Bros. Entertainment Inc. All Rights Reserved.': a name in capitals up to its company form
# or its rights, never a list's '(c) 2021 Report' or '(c) 2019 Corp tax changes …'), "icons
# created by", a capitalised "Photo:" after a word (not Spanish 'Pie de foto:', a caption's label), or "PHOTO:" before
# a capitalised name ('BIG PHOTO: the crowd …' is a layout label).
ANYWHERE_LEAD_IN = re.compile(
    # ('© 2023 by Jane Roe', 'Photo ©2023 by Jane Roe': the year of the rights and 'by' before the holder, a church's or
    # a club's page writes them so)
    r"(?P<lead>©\s*(?:(?:19|20)\d\d[ \t]+by[ \t]+(?=[A-Z]))?|"
    r"無断(?=(?:転載|複製|使用)(?:[・、]?(?:転載|複製|使用))*を?禁)|"  # '無断転載・複製を禁じます': reserved rights
    r"\((?i:c)\)[ \t]*(?=(?:19|20)\d\d,?[ \t]+[A-Z][\w.&'’-]*(?:[ \t]+(?:[A-Z\d][\w.&'’-]*|&|and|of))*,?[ \t]+"
    r"(?i:all[ \t]+rights[ \t]+reserved|inc|ltd|llc|corp)\b)|"
    r"Credit(?:\.{3}|…)[ \t]*|"
    # a public-domain statement with no one named ('This image is in the public domain.'): the license alone, where the
    # statement closes its sentence ('… is in the public domain, said the museum' is reported speech)
    r"(?i:this[ \t]+(?:photo(?:graph)?|image|picture|illustration|file)[ \t]+is[ \t]+"
    r"(?=in[ \t]+the[ \t]+public[ \t]+domain[ \t]*(?:[.!<_*)\]]|\r?\n|$)))|"
    # Flickr's share code titles a photo '<title> by <account>, on Flickr' ('Gary Roe by Kenneth Doe, on Flickr'): the
    # account is the credit, the title before it no part (a photo's title names its subject); the title closes there
    # (a quote, a bracket, a tag or the line's end): 'founded by two friends, on Flickr, in 2006' is a sentence
    r"\bby[ \t]+(?=[^\s,\"<>](?:(?!\sby\s)[^,\"<>\n]){0,60},[ \t]+on[ \t]+Flickr[ \t]*(?:[\"”<\])]|'(?!\w)|\r?\n|$))|"
    # the stock sites' own credit lines, capitalised as they hand them out ('Scooter Vectors by Vecteezy', 'Icon by
    # Jane Roe'); in lower case ('the icon by default', 'scale the vectors by Alpha') they are prose
    r"(?-i:Vectors)[ \t]+by[ \t]+(?=Vecteezy\b)|"
    r"(?<![^\s>\]\[(\"'])(?-i:Icons?)[ \t]+by[ \t]+"
    r"(?=[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}[ \t]*(?:<|\r?\n|$|[)\]]))"
    r"(?!(?:[A-Z][\w'’.-]+[ \t]+){0,3}(?i:" + "|".join(GROUPING_WORDS) + r")\b)|"
    # a licence statement of a page's or a folder's work, its subject any noun ('All content on this blog is licensed
    # under the [Creative Commons …](…)', 'My posts, charts, and data are released under a …'): the licence alone,
    # only a Creative Commons one or the public domain ('… is licensed under the MIT License' is a program's)
    # (the word before the verb names the work; '"Sunset" by Jane Roe is licensed under …' is one credit)
    r"(?:" + "|".join(rf"(?<=\b{w}\s)" for w in LICENSED_WORK) + r")"
    # The licence closes the statement's sentence (a link to its deed, or a stop, a semicolon or the line's end after
    # its name): 'Which images are available under CC0?', '… licensed under CC BY-SA, the foundation said', '… under
    # CC0 today, and more will follow' and '… unless otherwise noted' are sentences about licences, no credit line
    r"(?i:(?:is|are)\s+(?:licen[sc]ed|released|available|published)\s+under"
    r"(?=\s+(?:the\s+|a\s+)?(?:\[(?:cc[\s-]|cc0|creative\s+commons|public\s+domain)[^\]\n]{0,150}\]\([^)\s]{1,300}\)|"
    r"(?:cc[\s-]|cc0|creative\s+commons|public\s+domain)(?:(?!\b(?:unless|except|but|and|or|today)\b)"
    r"[^,?!;:\n\[\]()<]){0,100}?(?:[ \t]*\([ \t]*https?://[^)\s]+[ \t]*\))?)"
    r"[ \t]*(?:\.(?!\S)|;|!(?!\S)|<|\r?\n|$))\b\s*)|"
    r"(?i:(?:icons?|vectors?|illustrations?)\s+(?:created|made|designed)\s+by\s+|"
    r"originally\s+uploaded\s+by\s+|"
    r"(?:image|photo|picture)\s+adapted\s+from\s+|"
    # a paper's figure adapted from its authors' ('Figure adapted from Li et al.'): a name next, in capitals ('…
    # from video lectures', '… from ref. 4' name no one)
    r"(?:figure|fig\.|diagram)\s+adapted\s+from\s+(?=\[?(?-i:[A-Z]))|"
    # a figure reproduced from a paper, its authors with 'et al.' next ('Reproduced from Li et al., CC BY 4.0'; '…
    # reproduced from the original' names no one, nor a sentence going on after the authors: '… reproduced from Roe et
    # al., who used …')
    r"(?:reproduced|redrawn)\s+from\s+(?=(?-i:[A-Z])[\w'’-]{1,40}(?:\s+(?:and|&)\s+(?-i:[A-Z])[\w'’-]{1,40})?"
    r",?\s+et\s+al\b(?!\.?,?[ \t]+(?!with\b|under\b)(?-i:[a-z]))))|"
    # a holder named after a lower-case 'courtesy of' closing the line ('… canoe courtesy of the Harwick Historical
    # Society'): a museum's, library's, archive's or society's credit; not the noun after an article or a possessive
    # ('grateful for the courtesy of the Harwick Historical Society')
    r"(?<=\s)(?<!\b[Tt]he\s)(?<!\ba\s)(?<!\byour\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bour\s)"
    r"(?<!\bits\s)(?<!\bmy\s)courtesy\s+of\s+(?:the\s+)?(?=(?-i:[A-Z])[^\n]{0,80}?(?i:society|museums?|library|archives?|collection|"
    r"gallery|memorial)[ \t.]*(?:\n|$))|"
    # glued to a sentence's stop or an ellipsis, before a capital, a digit ('for real?Photo: 20th Century Fox/…') or one
    # lower-case word closing the line ('… gewannen am Ende 2:1 .Foto: ddp', '… und ...Foto: Getty': a gallery's caption
    # run into its credit)
    r"(?<=[.!?…])(?-i:(?:Photo|Foto|Bild|Image|Credit)\s?:\s*(?=[A-Z\d@]|[a-z]{2,8}[ \t]*(?:\r?\n|$)))|"
    # after a hyphen glued to the caption's last word, before a capital or a handle ('… to sleep comfortably-Credit:
    # TikTok/@janeroe')
    r"(?<=[a-z]{2}-)(?-i:(?:Photo|Foto|Image|Credit)\s?:\s*(?=[A-Z@]))|"
    # the NZ Herald's 'Photo / Jane Roe' run on after a print caption's last word with no stop ('… Read more on page
    # 31 Photo / Jane Roe'): a full name closing the line, no menu's kinds of media ('News Photo / Video Gallery')
    r"(?<=\w[ \t])(?-i:Photos?[ \t]/[ \t])(?!(?i:" + _MEDIA_KINDS + r")\b)"
    r"(?=[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}[ \t.]*(?:\r?\n|$))|"
    # the BBC's English label with its comma, glued to the alt text before it in copied page text ('Rebecca
    # RoeImage source, Harwick Police', 'Harwick Mill,Image source, Google'): a capital next; written apart it is
    # a lead-in at a line's start (LEAD_IN), and mid-sentence 'the Image source, as …' is no label
    r"(?:(?<=[^\W\d_])|(?<=[^\W\d_],))"
    r"(?-i:Image[ \t]source),[ \t]*(?=[A-Z@\d])|"
    r"(?:(?<=\w\s)|(?<=[a-z]{2}))(?<!\b[Pp]ie de )"  # not Spanish 'Pie de foto:', a caption's label
    r"(?-i:(?:Photo(?:graph)?|Source|Foto|Fotoğraf(?:lar)?|Bild|Image|Credits?|"
    r"Crédit photo|Фото|Fotó|Kuva|Zdroj|Forrás|Nguồn|Ảnh|Sursa foto)\s?:\s*|"
    r"(?:PHOTO|FOTO|BILD|IMAGE|CREDIT)\s?:\s*(?=[A-Z@]))|"
    # a capitalised 'Photo by' glued after a lower-case word, a name in capitals next ('Grand Prize winner Photo by
    # Jane Roe'): a heading run into its credit
    r"(?-i:P)(?:" + "|".join(rf"(?<=\s[a-z]{{{n}}}[ \t]P)" for n in range(2, 13)) + r")"  # the word before it
    # all in lower case; the name closes the line, or a slash or bracket follows it ('… Photo by Kayla Roe /Supplied'):
    # an exhibition's or a book's title runs on into its sentence ('to see Photographs by Ida Roe, which runs …')
    r"(?-i:hoto(?:graph)?s?[ \t]+by[ \t]+)(?=[A-Z][a-z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t]*(?:[/|(\r\n]|$)))"
)
# 'Right: …' a credit's lead-in; 'Left to right: Ann Smith, Bo Lee' names who the picture shows
WEAK_LEAD_IN = re.compile(
    r"(?i)(?P<lead>(?:(?<!\bto\s)(?:left|right|top|bottom|above|below|inset|main|from\s+left)"
    r"(?:\s+(?:photo|image))?\s*:|(?<=, )(?:von|by|par|por)\b|"
    # 'Photo Jeanne Rousseau / AFP' (French, Italian: no colon) opening a line or a sentence, a name then a slash
    r"(?:(?m:^)|(?<=[.!?]\s))(?:photo|foto|fot\.)(?=\s+(?-i:[A-ZÀ-Þ])[\w'’.-]*(?:\s+[\w'’.-]+){0,2}"
    r"\s+(?-i:[A-ZÀ-Þ])[\w'’.-]*\s*/))\s*)"  # the name's first and last words capitalised: no 'Photo finish results /'
)
# a link around a quoted title or the word 'Photo' before 'by': its address after the link's text
_TITLE_LINK = f"(?:{LINK_ADDRESS})?"
# (The blanks before 'by' and after it are taken whole ('\s++'): what follows them is no blank, and the licence looked
# for after 'by' is found from the run's end if from anywhere inside it; given back one by one, 'Photo by' and a run
# of 50,000 blanks looked 300 characters ahead from each of them.)
_BY_LICENSE = re.compile(
    r"(?im)(?:^|(?<=[\[(\"“\s]))(?<!\bCC[\s-])(?P<lead>(?:[\"“„«][^\"”“»\n]{1,200}[\"”“»]" + _TITLE_LINK
    + r"(?:\s*+,)?\s++)?(?:(?:image|photo|picture|icon)s?" + _TITLE_LINK + r"\s++)?(?:by|par)\s++|"
    + r"[\"“„«][^\"”“»\n]{1,200}[\"”“»]" + _TITLE_LINK + r"(?:\s*+,)?\s++(?=via\s))"
    r"(?=[^\n]{0,300}?(?:licen[sc]|\bCC[\s-]|\bCC0\b|via\s|public\s+domain))"
)
# 'Photo:' after a middle dot ('Fortune · Photo: Jane Roe/Bloomberg …'), a credit's place (_at_credit_position); not
# 'Credit:', which follows a picture's title there ('Imagem: <title> · Crédito: …': _CREDIT_AFTER_DOT)
# A site's menu or breadcrumb separates its items by the same dot ('Home · Photo: Gallery · About', 'Menu · Photos by
# the sea'): the credit after the dot names a person in two capitalised words at least, or is a chain with a slash,
# or states the picture public domain ('Lester Roe · Photo: public domain': the name before the dot is who is shown).
_PHOTO_AFTER_DOT = re.compile(
    r"(?i)(?:photo|foto)s?\s*(?:[:：]|by\b)[ \t]*(?:(?-i:[A-Z][\w'’.-]*[ \t]+[A-Z])|[^\n·/]{1,80}/|"
    r"public[ \t]+domain\b)")
# Where a lead-in may stand: full-width brackets too ('首相（写真：アフロ）'), after a danda (a Bengali or Hindi
# sentence's end), after a date opening the line ('6/27/03 Staff Photo by'), and after a slash glued to a sentence's
# stop or after it and a space ('… Park Won-soon./ Courtesy of Ewha Womans University', Korean papers' '… 있다.
# /사진=뉴스1'); an apostrophe after a letter is an elision, no quote
# ("d'Art de …")
# '… on Friday, May 5, 2023.Photo by Jane Roe': a page that dropped the space after the caption's stop (a lower-case
# letter or a number, a stop, then 'Photo by' with its capital; 'U.S.Photo' is an abbreviation's). A colon's lead-in so
# glued is a label's word in a sentence as often ('Rating outlook.Credit: Negative', '2:1.Foto: siehe oben')
_GLUED_STOP = re.compile(r"[a-z\d]\.(?=(?:Photo(?:graph)?s?|Pictures?|Images?)[ \t]+by[ \t])")
_CREDIT_POSITION = re.compile(
    r"(?:^|[\[(|—–\"“«>*_（【「。！？，]|(?<![^\W\d_])'|[।॥]\s|\s/\s|[.!?][ \t]?/|[.!?:;]\s|\s(?:[-–—]|--)\s|\n|\s\s|"
    r"\x1f|(?<=[다요])\.|"  # a Korean sentence's end glued to the credit ('… 대치하고 있다.사진 제공=…')
    r"(?:^|\n)\s*(?:[-*•#]+|//+)|(?:^|\n)[ \t]*\d{1,2}/\d{1,2}/(?:\d\d){1,2})\s*$"
)
# after a source or an outlet's name: _source_before ('NASA photo by', 'ST PHOTO:')
# ('Express photography by', 'ST FILE PHOTO:' too)
# A lower-case word right before a rights sign ('… first published © 1998 by …'): the sign stands in a sentence, not
# at the head of a credit ('© 2023 by Jane Roe', 'Photo ©2023 by Jane Roe')
_PROSE_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*,?[ \t]*$")
_PHOTO_BY = re.compile(r"(?i)(?:photo(?:graph(?:y|s)?|s)?|images?|pictures?)\s+by\b|" + PHOTO_COLON)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_CONTINUES = re.compile(
    # 'From "Cecil & Carl," first place winner': a quoted title after 'From' opens a sentence of its own
    r"(?i)^(?:licen[sc]|under\b|some rights|all rights|via\b|from\b(?![ \t]+[\"“‘])|on\b|public domain|"
    r"(?:adapted|modified)\s+from\b|"
    r"(?:the\s+)?(?:image|photo|picture|this\s+\w+)\s+(?:is\s+)?licen[sc]ed|this\s+\w+\s+is\s+released\s+under\b)"
)
# initials (Latin and Cyrillic: 'И. Маринковић') and a few abbreviations; ranks and titles: credit_words
_ABBREVIATION = re.compile(r"(?:\b[A-ZА-ЯЁЂЃЄЅІЇЈЉЊЋЌЎЏ]|\b(?:Inc|Co|Corp|Ltd|U\.S|U\.K|Fot|al|Univ))\.$")
# 'Warner Bros. Entertainment Inc.': 'Bros.' inside a company's name, which goes on to a company or studio word
_BROS = re.compile(r"\bBros\.$")

_NAME_GOES_ON = re.compile(r"^(?:[A-Z][\w&'-]*\s+){0,2}(?:Inc|LLC|Ltd|Corp|Entertainment|Pictures|Discovery|Studios|"
                           r"Television|Animation|Records|Games)\b")
# A wire code ends the credit ('(8137137dr)'), and so does the label of the next figure ('… School Figure 16.14').
# A wire dateline ends a lead-in credit as it ends a tail one ('Photo: X/Reuters Mar 3 (Reuters) - Grain …').
_STOP = re.compile(
    r"(?<=\s)(?:\(\d{5,}[a-z]{0,3}\)|(?:Figure|Fig\.|Abbildung|Abb\.|Figura|Рис\.)[ \t]?\d{1,3}(?:[.-]\d{1,3})*\b|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]+\d{1,2}[ \t]+\([^()\n]{2,30}\))|"
    # a Japanese magazine's '@' and the date after the photographer ('写真=山田太郎@4月20日●中日5-2阪神')
    r"(?<=[^\x00-\u024f])@(?=\d{1,2}月\d{1,2}日)|"
    # the same dateline cut short by a news feed, glued to the name before it ('/Lee SmithAug 30 … [+1395 chars]')
    r"(?<=[a-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]+\d{1,2}"
    r"(?=[ \t]*(?:…|\.\.\.|\r?\n|$))|"
    # APOD's text after its credit line ('Credit & Copyright: Jane Roe (TWAN) Explanation: Today's …')
    r"(?<=\s)Explanation:(?=\s)|"
    # the BBC's caption label after its credit ('Image copyright Getty Images Image caption Crowds …'), glued too
    r"(?-i:Image[ \t]?caption)(?=[ \t]*[A-Z\"“‘'])|"
    # a file page's note after a dash ('CDC/ Jane Roe - This media comes from the CDC's Public Health Image Library')
    r"[-–—][ \t]+(?=This[ \t]+(?:image|media|photo(?:graph)?|picture|file)[ \t]+(?:comes|is|was)\b)|"
    # after a name's last letter: a video's length closing the line ('Photograph: Inpho 6:50', The Irish Times'
    # video teasers), or the number of a gallery's next caption ('Source: Jane Roe/INPHO 4. Cork's …', TheJournal)
    r"(?<=[A-Za-z][ \t])(?:\d{1,2}:\d\d(?=[ \t]*(?:\r?\n|$))|\d{1,2}\.[ \t]+(?=[A-Z][\w'’]*[ \t]))"
)
# the closing quote of a quoted credit: before a separator, the line's end, or the end of a tag, shortcode or template
# tag ('caption="Credit: Jane Roe" >}}', 'title="Photo: Jane Roe"/>', '{% set caption = "…" %}')
_QUOTE_STOP = re.compile(r"(?m)[\"”»'](?=\s*(?:[,;\]})]|/?>|%\})|[ \t]*$)")
_BOILERPLATE = re.compile(
    r"(?i)(?:attention\s+editors\s*-\s*)?this\s+image\s+has\s+been\s+supplied\s+by\s+a\s+third\s+party\.?|"
    r"\bno\s+resales\.?|\bno\s+archives\.?|\(photo\s+not\s+for\s+sale\)|\bmandatory\s+credit\b(?!\s*:)|purchase\s+licensing\s+rights,?"
    r"(?:\s+opens\s+new\s+tab)?|(?:…[ \t]{0,3})?\[\+\d+\s+chars\]|"
    # 'FILE PHOTO:' opening a wire caption; between an outlet's initials and a name in capitals ('ST FILE PHOTO: JANE
    # ROE') it leads a credit ('AP FILE PHOTO: A man walks …' stays blanked: the agency before it is read alone)
    r"(?:(?<!(?-i:\b[A-Z]{2})\s)(?<!(?-i:\b[A-Z]{3})\s)|"
    r"(?!file\s+photo\s*:\s*(?-i:[A-Z][A-Z'’.-]+[ \t]+[A-Z][A-Z'’.-]+\b)))\bfile\s+photo\s*:|\btopshot\s*-|"
    r"\+\+\+[ \t]*dpa-[a-z]{1,20}[ \t]*\+\+\+"
)
# A wire's restriction after the credit ('… SWEDEN OUT', 'NEW ZEALAND OUT'), scanned only in a text that holds ' OUT'
# (in the scan above its capitals let every capitalised word in)
_WIRE_OUT = re.compile(r"(?<=[A-Z] )(?:(?:NEW|SOUTH|NORTH|UNITED)[ \t])?[A-Z]{3,}[ \t]OUT\b")
# Reuters' desk tags after the credit ('REUTERS/Jane Roe TPX IMAGES OF THE DAY', 'SEARCH "X" FOR THIS STORY'), blanked
# as the boilerplate is; in capitals as Reuters writes them ('Livepic' as written), scanned only in a text that holds
# one of their words.
_DESK_TAGS = re.compile(
    r"\bTPX\s+IMAGES\s+OF\s+THE\s+DAY\b|\bSEARCH\s+[\"“][^\"”\n]{1,80}[\"”]\s+FOR\s+(?:THIS\s+STORY|ALL\s+STORIES)\.?|"
    r"(?<=\S )Livepic\b"  # Reuters' mark of a live sports picture after the photographer's name
)
# A list of names that goes on on the next line ('…, Kevin\n    Soirat, Blanche Clément'): a word or two, a comma.
# The next line is all names and commas to its end: 'Madrid, Spain, March 3 - Crowds …' is a dateline, no list.
_NAME = r"[^\W\d_][\w'.-]{0,40}(?:[ \t]+[^\W\d_][\w'.-]{0,40}){0,3}"
_LIST_GOES_ON = re.compile(r"[ \t]*[^\W\d_][\w'.-]{0,40}(?:[ \t]+[^\W\d_][\w'.-]{0,40})?,"
                           r"(?:[ \t]*" + _NAME + r"[ \t]*,)*[ \t]*(?:" + _NAME + r")?[ \t]*\.?[ \t]*\r?(?:\n|$)")
_TYPO_CANDIDATE = re.compile(r"\b[A-Za-z]{5,10}(?=\s+by\b|\s?:)")
# A lower camel-case key that 'Image:' or 'Photo:' closes ('heroImage:', 'coverImage:', 'profilePhoto:'), alone
# at a line's start or in an object: a key of front matter or code, not a lead-in glued to the word before it.
_KEY_BEFORE = re.compile(r"(?:^|(?<=[\n{,]))[ \t\"']*[a-z][A-Za-z0-9_]*\Z")
# A lead-in that names the kind of image it credits ('Photo:', 'Map:', 'Illustration by'): a credit of its own.
_IMAGE_LEAD = re.compile(
    r"(?i)^[\W_]*(?:photo(?:graph)?s?|foto(?:s|grafie)?|fot\.|image|imagen|imagem|bild|zdj[eę]cie|фото|"
    r"maps?|mapa|mappa|carte|karte|kaart|graphics?|grafik|illustrations?|chart|video)\b"
    r"[ \t]*(?:by\b|von\b|par\b|[:=：])"
)
_CLOSE = {"[": "]", "(": ")", "（": "）"}
_OPENERS = " \t\"'“«([（"  # between a lead-in and one that opens its body ('credit: "Photo via …"'): one credit
_QUOTED_VALUE = re.compile(r"[\"'“«]")
# A quoted value of code opened before a lead-in on its line and not closed before it (caption='… Photo: X', …)
_OPEN_VALUE = re.compile(r"[=:(]\s*(?P<q>['\"])[^'\"\n]*\Z")
_PUBLIC_DOMAIN = re.compile(r"(?i)public\s+domain")
# A dash, a name, a comma and an outlet, and nothing else: the signature under a report or a quotation ('- Jane Roe,
# Harwick Post'); a chain with a slash ('- Jane Roe/Reuters', a list's item), a photo word, a pool or a via stays a
# credit
_DASHES = frozenset("-–—")
_SIGNATURE = re.compile(r"[-–—]{1,2}[ \t]+(?!(?i:photo|foto|image|credit))[^\W\d_][^/|,\n()]{1,50},[ \t]+"
                        r"(?![^\n]*(?i:\bphoto|\bfoto|\bimage|\bpool\b|\bhandout\b|\bvia\b))"
                        r"[^\W\d_][^/|,\n()]{1,60}?[ \t.]*")
# an opening quote mark glued to the word before it, or a full-width closing bracket (a Latin credit set in Chinese or
# Japanese text: '（eso0932a，Credit: ESO/Jane Roe），由 …')
_GLUED_QUOTE = re.compile(r"(?<=[^\W\d_])[“„]|[）」』】]")
_NAMED_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ©@ÀÁÂÄÅÇÉÈÊËÍÎÑÓÔÖØÚÜŠŽ")
_CREDIT_KEY = re.compile(r"(?i)(?:media:|image_?|photo_?|cover_?)?(?:credit|attribution)\w*[\"']?\s*[:=]")
_FULL_WIDTH_OPEN = {"）": "（", "」": "「", "』": "『", "】": "【"}
# 'Image: <title> · Credit: <credit>': a lead-in of the picture whose span a credit's lead-in closes
_TITLE_THEN_CREDIT = re.compile(r"(?i)(?:image[mn]?|imagen|bild|immagine)\s*:")
_CREDIT_AFTER_DOT = re.compile(r"(?i)[ \t]·[ \t]+(?P<lead>cr[ée]dit(?:o|s)?|credits?)\s*:")
_CC_AT_END = re.compile(r"(?i)\bCC[\s-]?BY(?:[\s/-]+(?:NC|ND|SA))*[ \t]*\r?$")  # a licence code whose version
_VERSION_NEXT = re.compile(r"[ \t]*\d\.\d\b")  # went on to the next line
_URL_BEFORE = re.compile(r"(?:^|\s)https?://[^\s<>\"']+[ \t]+\Z")  # an address ends a caption's text as a stop does
_MEMBER_BEFORE = re.compile(r"[,{][ \t]*\Z")  # an object's member ends, or the object opens, before a key
# A value that is a file path alone ('coverImage: /images/cover.jpg', 'Photo: ./img/team.png', 'images/2024/a.jpg'),
# after the key of front matter or code if any: names no one (a URL alone is left to the link steps).
_KEY = re.compile(r"^[^\W\d][\w-]{0,40}[ \t]*[:=][ \t]*")
_PATH_ALONE = re.compile(  # rooted with two parts or more ('/images/cover'), or ending in an image file's extension
    r"(?i)^[\"']?(?:(?:\.{1,2}|~)?/[^\s/]+/[^\s\"']*|(?:(?:\.{1,2}|~)?/)?[^\s/:]+(?:/[^\s/]+)*\."
    r"(?:jpe?g|png|gif|webp|svg|avif|tiff?|heic|bmp))[\"']?$"
)
_LIST_SEPARATOR = re.compile(r";|,\s+|\s+(?:and|&)\s+")  # between the credits of a list (_all_slashed)
_AND_IN_NAME = re.compile(r"\s(?:and|&)\s")
# A first name alone at the end of a lead-in's line, and its surname opening the next line before a chain's slash
_FIRST_NAME_ALONE = re.compile(r"[ \t]*[A-Z][a-z'’-]{1,20}[ \t]*\r?")
_SURNAME_CHAIN = re.compile(r"[ \t]*[A-Z][a-z'’-]{1,30}[ \t]*/[ \t]*[A-Z]")
_CIRCLED_C = str.maketrans("Ⓒⓒ", "©©")  # one character for one: every offset stays
# Spanish writes 'via' with an accent ('Foto: Europa Press vía SCMP'): read as 'via' where a name or handle follows,
# three characters for three; not the noun before a lower-case word ('la vía pública', 'en vías de')
# ('Foto: Jane Roe en la vía Apia', 'cortes en la vía Ronda Sur': a road's name after the article, no via)
_SPANISH_VIA = re.compile(r"(?<=[\s(/,])(?<!\b[Ll]a )(?<!\b[Uu]na )(?<!\b[Ee]sta )(?<!\b[Ee]sa )(?<!\b[Ss]u )"
                          r"vía(?=[ \t]+[@A-ZÁÉÍÓÚÑ])")
_PARSE_MEMO_LIMIT = 10_000
MAX_CREDIT = 600  # a span longer than this is prose, not a credit
_MERGE_GAP = re.compile(r"^[\s.…()\[\]+]*+(?:more)?[\s.…()\[\]+]*+$", re.IGNORECASE)  # possessive: linear
_LINE_GAP = re.compile(r"^[ \t\r]*\n[\s\-*•#]*$|^[ \t]*$")
# Between credits on nearby lines that complete each other ('Photographer: X; crop by Y' then 'Source: …'
# then 'License: …'): a few line breaks, punctuation, keys, links and short remarks, but no sentence.
_NEAR_GAP = re.compile(r"^(?=[^\n]*\n)(?![^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n).{0,240}$", re.DOTALL)
# A lead-in word written with no colon before a name alone ('Beeld Jane Roe', 'Picha na Jane Roe'); and the words of a
# headline's media label after it ('FOTO VIDEO', 'FOTO GALERIJA', 'Picha na Video'): no name
_NO_COLON_LEAD = re.compile(r"(?:Beeld|Foto|FOTO|Фото|ФОТО|Fotó|Kuvat?|Photographer|PIC|PICTURE|(?i:picha\s+na))[ \t]+")
# the caption-end lead-ins (_AT_CAPTION_END) before the name's capital: 'Photo ' before 'via Flickr' is another reading
_CAPTION_END_WORD = re.compile(r"(?:" + _CAPTION_END_LEAD + "|" + _LINE_BRACKET_LEAD + r")[ \t]+(?=[^\W\d_a-z])")
# (and a report's 'Texto y foto:' before a sentence, not its author: 'Testo e foto: Roma, la città eterna …')
_CAPTION_LEAD = re.compile(r"(?i)\W*(?:fotografija|fotografia|fotografía|photograph|"
                           r"(?:text(?:o|e)?|testo|tekst)\s+(?:y|e|et|und|en|i)\s+(?:fotos?|photos?))\s*:")
_AUTHOR_LEAD = re.compile(r"(?i)(?:autor|author|auteur)\s*:")
_DATE_OR_TIME = re.compile(r"\b(?:\d{1,2}:\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\b")
_LOWER_WORD = re.compile(r"(?<![\w'’.@/-])[^\W\d_A-ZÀ-ÞА-ЯЁЂЃЄЅІЇЈЉЊЋЌЎЏ]{3,}(?![\w'’@/-])")  # 'drži', 'portret'
_PROSE = re.compile(r"(?:[^\W\d_]+[ \t]+){4}[^\W\d_]+")  # five words in a row
_WORDS = re.compile(r"[^\W\d_]{2,}[ \t]+[^\W\d_]{2,}")  # two words in a row: a line of text, not a key or link
# The scans of the whole text, led by a look-ahead for the characters their matches start with (scan.py):
# the same matches, a fraction of the time on prose and on hostile text.
LEAD_IN, ANYWHERE_LEAD_IN, WEAK_LEAD_IN, _BY_LICENSE, _BOILERPLATE, _STOP, _ABBREVIATION = (
    with_first_chars(p) for p in (LEAD_IN, ANYWHERE_LEAD_IN, WEAK_LEAD_IN, _BY_LICENSE, _BOILERPLATE, _STOP,
                                  _ABBREVIATION))
# The whole-text scans gated in a long text (scan.gated_finditer; their gates stored in scan_gates.py)
GATED_SCANS = (LEAD_IN, ANYWHERE_LEAD_IN, WEAK_LEAD_IN, _BOILERPLATE, UI_LABELS)


def parse_credit(text: str, catalog: Catalog | None = None) -> list[Credit] | NoCredit:
    """Every image credit in `text`, in order, or `NoCredit()` when there is none.

    The answer reads nothing but the text and the catalog, and an archive repeats its short credit texts (an
    agency's IPTC Credit and Copyright Notice on every image it sent): it is remembered per catalog for texts of
    up to MEMO_KEY_CHARS characters, in a table of at most _PARSE_MEMO_LIMIT texts; each caller gets its own
    list (the credits in it are frozen)."""
    catalog = catalog or default_catalog()
    found = remembered(catalog, "parse-credit-memo", text, _parse_credit, limit=_PARSE_MEMO_LIMIT)
    return list(found) if isinstance(found, list) else found


def _parse_credit(catalog: Catalog, text: str) -> list[Credit] | NoCredit:
    return read_credits(text, catalog).credits or NoCredit()


@dataclass(frozen=True)
class CreditsRead:
    """`parse_credit`'s credits (an empty list for none) and what a text checked in chunks (check_split) needs
    to join them: `body`, the text they were read in (wire boilerplate and UI labels blanked and lead-in typos
    mended, every offset kept: what the merge of credits on nearby lines reads between them, `may_merge`);
    whether that changed the text (`retyped`: every credit then quotes the text as written); if not, the
    credits whose quote would then differ (merged ones), by index, with that quote; and, for a chunk, whether its
    last credit could be a rights footer closing the text (`_footer`), which only the whole text can tell."""

    credits: list[Credit]
    body: str
    retyped: bool
    retexts: dict[int, str]
    footer: bool = False


def read_credits(text: str, catalog: Catalog, whole: bool = True) -> CreditsRead:
    """`parse_credit`'s answer, not remembered, with what joining chunks needs (`CreditsRead`); `whole=False`
    for a chunk of a longer text, which leaves the rule of a text's only credit (credit_links) to the join."""
    flat = flatten(text)
    lowered = lowered_for_gates(flat.text)  # the whole-text scans of a long text, gated (scan.py): the same matches
    body = gated_sub(_BOILERPLATE, _blank, flat.text, lowered)
    if " OUT" in body:
        body = _WIRE_OUT.sub(_blank, body)
    if "TPX" in body or "SEARCH" in body or "Livepic" in body:
        body = _DESK_TAGS.sub(_blank, body)
    if "tyl" in body or "TYL" in body:  # a stylist's credit after the photographer's ('… Food Stylist: Jane Roe.')
        body = STYLIST_CREDIT.sub(_blank_stylist, body)
    if ": @" in body:  # a shoot's crew after the photographer's handle ('Photography: @jane Fashion: @ida')
        body = SHOOT_CREW_CREDIT.sub(_blank, body)
    typed = body
    body = _TYPO_CANDIDATE.sub(_lead_typo, body)
    if "//" in body:  # 'Kevin Mazur//Getty Images Jay-Z was …' (Hearst's galleries): a doubled slash between a name
        body = _DOUBLED_SLASH.sub("/ ", body)  # and the agency is one link's slash (an address's '://' is not one)
    if "Ⓒ" in body or "ⓒ" in body:  # the circled letter some papers print for the rights sign ('Ⓒ Anko Stoffels')
        body = body.translate(_CIRCLED_C)
    if "vía" in body:
        body = _SPANISH_VIA.sub("via", body)
    # UI labels ('hide caption', 'INDRANIL ... [+] MUKHERJEE') blanked in place: a name around a marker stays one
    lowered = lowered if not lowered or body == flat.text else lowered_for_gates(body)
    labelled = body
    body = blank_ui_labels(body, _blank_label, lowered)
    lowered = lowered if not lowered or body == labelled else lowered_for_gates(body)  # always the body's
    credits: list[Credit] = []
    taken: list[tuple[int, int]] = []
    index = _Index.of(body, lowered)
    split = _split_once(catalog)
    for segment in _segments(body, catalog, index, taken, lowered):
        if segment.end - segment.body > MAX_CREDIT or _overlaps(taken, segment.start, segment.end):
            continue
        if segment.body == segment.start and body[segment.body : segment.body + 1] in _DASHES \
                and _signature(body, segment):
            continue  # '- Jane Roe, The Harwick Times': who signed a report or a quotation, no image credit
        found = list(_credits_in(catalog, body, segment, split))
        if found:
            bisect.insort(taken, (segment.start, segment.end))
            credits.extend(found)
    credits = _merge_repeats(catalog, body, sorted(credits, key=lambda c: c.start))
    # a chunk of a longer text (check_split) leaves the rules of the text's last credit and of its only credit to
    # the join: a chunk's last credit closes the chunk, not the text
    footer = not whole and _footer(credits) is not None
    if whole:
        credits = platform_of_the_line(catalog, body, _rights_footer(credits))
    retyped = body != typed
    if retyped:  # a lead-in read through a typo: the credit quotes the text as written
        credits = [replace(c, text=typed[c.start : c.end].strip() or c.text) for c in credits]
        retexts = {}
    else:
        quotes = ((n, c.text, typed[c.start : c.end].strip() or c.text) for n, c in enumerate(credits))
        retexts = {n: quote for n, text_, quote in quotes if quote != text_}
    if flat.starts:
        credits = [_point_back(c, text, flat) for c in credits]
    return CreditsRead(credits, body, retyped, retexts, footer)


def _signature(text: str, segment: Segment) -> bool:
    """A dash-led 'Name, Outlet' opening its line or after a quotation's closing mark: a signature (_SIGNATURE)."""
    before = text[max(0, segment.start - 40) : segment.start].rstrip(" \t")
    return (not before or before.endswith(("\n", "\"", "”", "»", "'"))) \
        and _SIGNATURE.fullmatch(text, segment.body, segment.end) is not None


def list_goes_on(text: str, at: int) -> bool:
    """Whether the line at `at` continues a name list broken after a comma on the line before (`_line_end`)."""
    return bool(_LIST_GOES_ON.match(text, at))


_DOUBLED_SLASH = re.compile(r"//(?<=[^\W_]//)(?=[^\W\d_])")  # led by its literal: the engine skips to each '//'


def _blank(match: re.Match[str]) -> str:
    """Boilerplate blanked in place: a line break (it ends the credit before it) and spaces (offsets stay)."""
    return "\n" + " " * (len(match.group(0)) - 1)


# The photographer's role just before a stylist's credit, a separator between ('Photography/Food Styling: Jane Roe'):
# one person both, so nothing is blanked
_PHOTO_ROLE_BEFORE = re.compile(r"(?i)\bphoto(?:graph)?(?:s|y)?[ \t]*[,/|][ \t]*$")


def _blank_stylist(match: re.Match[str]) -> str:
    """A stylist's credit blanked (_blank), unless the photographer's role is written just before it."""
    start = match.start()
    if _PHOTO_ROLE_BEFORE.search(match.string, max(0, start - 16), start):
        return match.group(0)
    return _blank(match)


def _blank_label(match: re.Match[str]) -> str:
    """A UI label blanked in place: a fold marker inside a name ('INDRANIL ... [+] MUKHERJEE') as spaces, so the name
    stays one; a control's label ('Jane Roe/NPR hide caption toggle caption Jane Roe/NPR', a page flattened to one
    line) as a line break and spaces, so the credits on either side stay two."""
    label = match.group(0)
    return " " * len(label) if label.rstrip().endswith("]") else _blank(match)


def _lead_typo(match: re.Match[str]) -> str:
    """'Phoot' -> 'Photo' before 'by' or ':': the lead-in word one swap or one letter away, same length (so
    every offset into the text stays right); any other word as it is."""
    word = match.group(0)
    folded = word.casefold()
    for lead in TYPO_LEAD_WORDS:
        if len(lead) == len(word) and folded != lead and _one_edit(folded, lead):
            return "".join(c.upper() if w.isupper() else c for c, w in zip(lead, word, strict=True))
    return word


def _one_edit(word: str, lead: str) -> bool:
    """One letter changed, or two neighbours swapped (both strings of one length)."""
    diff = [i for i, (a, b) in enumerate(zip(word, lead, strict=True)) if a != b]
    if len(diff) == 1:
        return True
    if len(diff) != 2 or diff[1] != diff[0] + 1:
        return False
    return word[diff[0]] == lead[diff[1]] and word[diff[1]] == lead[diff[0]]


def _point_back(credit: Credit, text: str, flat: Flat) -> Credit:
    """A credit found in reduced markup, pointing at (and quoting) the original text; its blanks at the end (the
    '\r' of a CRLF line end) left out, so that its end never reaches into the markup after its last character."""
    last = len(flat.text[credit.start : credit.end].rstrip()) + credit.start
    start, end = flat.origin(credit.start), flat.end(last)
    end = max(end, start)
    return replace(credit, start=start, end=end, text=text[start:end].strip() or credit.text)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the span from `start` to `end` overlaps one already read (the taken spans are sorted and
    disjoint)."""
    index = bisect.bisect_left(taken, (start, start))
    if index and taken[index - 1][0] < end and start < taken[index - 1][1]:  # the span before, then the one at
        return True
    return index < len(taken) and taken[index][0] < end and start < taken[index][1]


@dataclass(frozen=True)
class _Index:
    """Where the text's brackets close, lead-ins, stops and sentence ends are: found once, in one pass
    each, so the work per candidate credit stays bounded whatever the text."""

    pairs: dict[int, int]
    lead_matches: list[re.Match[str]]
    leads: list[int]
    stops: list[int]
    quote_stops: list[int]
    gaps: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str, lowered: str = "") -> _Index:
        """`lowered`: lowered_for_gates(text), or "" """
        leads = list(gated_finditer(LEAD_IN, text, lowered))
        return cls(bracket_pairs(text), leads, [m.start() for m in leads],
                   [m.start() for m in _STOP.finditer(text) if _numbered_in_turn(text, m)],
                   [m.start() for m in _QUOTE_STOP.finditer(text)],
                   [m.span() for m in _SENTENCE_END.finditer(text)])


def _segments(text: str, catalog: Catalog, index: _Index, taken: list[tuple[int, int]],
              lowered: str = "") -> Iterator[Segment]:
    """Every candidate credit span, strongest first (a lead-in inside a credit already read is skipped);
    `lowered`: lowered_for_gates(text), or "" """
    for cited in citation_lines(text, catalog):  # a line written as a citation, whole (credit_citations)
        if not _overlaps(taken, cited.start, cited.end):
            yield cited
    for cited in platform_citation_lines(text, catalog):  # a picture cited with its platform (credit_citations)
        if not _overlaps(taken, cited.start, cited.end):
            yield cited
    for cited in holder_from_lines(text, catalog):  # 'From the National Archives.' closing a line
        if not _overlaps(taken, cited.start, cited.end):
            yield cited
    for cited in dated_title_lines(text, catalog):  # 'Rail Crash, 8th October 1952 by Jane Roe': its photographer
        if not _overlaps(taken, cited.start, cited.end):
            yield cited
    yield from shared_posts(text)
    yield from video_stills(text, catalog, lowered or text.lower())
    after_title: set[int] = set()  # credit lead-ins set off by a middle dot after a picture's title
    for pattern, weak in ((LEAD_IN, False), (ANYWHERE_LEAD_IN, False), (_BY_LICENSE, False), (WEAK_LEAD_IN, True)):
        scan = pattern.finditer(text) if pattern is _BY_LICENSE else gated_finditer(pattern, text, lowered)
        for match in index.lead_matches if pattern is LEAD_IN else scan:
            start = match.start("lead")
            if _overlaps(taken, start, start + 1):
                continue
            if pattern is ANYWHERE_LEAD_IN and _KEY_BEFORE.search(text, max(0, start - 40), start):
                continue  # 'heroImage: ./cover.png', 'coverImage: …': a front-matter or code key, no lead-in
            if pattern is ANYWHERE_LEAD_IN and _RUN_ON_PHOTO_SLASH.match(text, start) \
                    and not _caption_before(text, start):
                continue  # 'Submit your Photo / Story Here', 'Passport Photo / ID Card Service': a menu's or a form's
                # heading, no print caption's last words before the NZ Herald's 'Photo / Jane Roe'
            if pattern is ANYWHERE_LEAD_IN and match.group("lead")[:1] == "©" \
                    and match.group("lead").rstrip().endswith(" by") \
                    and _PROSE_WORD_BEFORE.search(text, max(0, start - 40), start):
                continue  # 'The novel, first published © 1998 by Jane Roe, …': the rights of a book in a sentence
            if pattern is LEAD_IN and _AUTHOR_LEAD.match(text, start) and _dated_line(text, start):
                continue  # '08/07/2020 | 10:52 | Autor: RTRS': an article's date line and its author, a byline
            if pattern is LEAD_IN and _FIELD_NAME_LEAD.match(text, start) and not _starts_field(text, start):
                continue  # 'Breaking Lines (TV series). Creator: Jane Roe.': a show's maker in a sentence's run
            free = pattern in (WEAK_LEAD_IN, ANYWHERE_LEAD_IN, _BY_LICENSE)
            named = _source_before(catalog, text, start, match.end()) if pattern in (LEAD_IN, _BY_LICENSE) and \
                _PHOTO_BY.match(text, start, match.end()) else start
            end = _segment_end(catalog, text, named, match.end(), weak, index) if named < start else start
            positioned = free or _at_credit_position(text, start) or _source_after_dot(catalog, text, start)
            kind = -1 if positioned else _kind_before(text, start, match.end())  # 'Press photo: …'
            if named < start and is_bare_credit(catalog, text[named:end]):
                # 'Flickr photo by jroe (CC BY 2.0)', 'NASA photo by Jane Roe': the source is a link of the credit
                yield Segment(named, end, named, weak, strict=pattern is _BY_LICENSE)
            elif positioned or kind >= 0 or _object_key(text, start, match.end()) or start in after_title:
                start = kind if kind >= 0 else start  # the credit starts with the words of its kind
                end = _segment_end(catalog, text, start, match.end(), weak, index)
                if pattern is ANYWHERE_LEAD_IN and text[start - 1 : start] in _STOPS and \
                        _lone_unknown_word(catalog, text[match.end() : end]):
                    continue  # 'Rating outlook.Credit: Negative', 'Size chart.Image: Front': a label and its value
                dot = _CREDIT_AFTER_DOT.search(text, match.end(), end) if pattern is LEAD_IN \
                    and _TITLE_THEN_CREDIT.match(text, start) else None
                if dot is not None:  # 'Imagem: Nebulosa do Caranguejo · Crédito: NASA/ESA': the first lead-in names
                    after_title.add(dot.start("lead"))  # what the picture shows, the second its credit
                    continue
                if pattern is WEAK_LEAD_IN and not _known_after_bare_photo(catalog, match, text[match.end() : end]):
                    continue  # 'Photo Booth Rentals / Weddings': a heading's words, no photographer and agency
                if pattern is LEAD_IN and _NO_COLON_LEAD.fullmatch(match.group("lead")):  # 'Kuvat Jane Roe | Lööppi'
                    pipe = text.find("|", match.end(), end)
                    end = pipe if pipe > 0 else end
                body = text[match.end() : end]  # '（画像：ＡＦＰ＝時事）': an agency relayed by another, as in brackets
                relay = relayed(catalog, body) if "＝" in body else None
                yield Segment(start, end, match.end(), weak, rewrite=relay, strict=pattern is _BY_LICENSE)
    yield from cjk_segments(text)
    yield from role_marked(text)
    def is_taken(start: int, end: int) -> bool:
        return _overlaps(taken, start, end)

    yield from bracketed(text, catalog, index.pairs, is_taken)
    yield from line_tails(text, catalog, is_taken)
    yield from staff_under_name(text, catalog, is_taken)
    yield from midline_wire_credits(text, catalog, is_taken)
    yield from closing_capitals(text, catalog, is_taken)


_RUN_ON_PHOTO_SLASH = re.compile(r"Photos?[ \t]/[ \t]")  # ANYWHERE_LEAD_IN's 'Photo / Jane Roe' after a word
_CAPTION_LOWER_WORDS = 3  # a print caption's words in lower case before it, at least ('… on page 31 Photo / …')


def _caption_before(text: str, start: int) -> bool:
    """Whether the line before `start` runs as a caption: at least _CAPTION_LOWER_WORDS words in lower case (a
    heading, a menu's entry or a form's button is in title case: 'Ask about our Photo / Frame Bundle')."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return sum(1 for word in line.split() if word[:1].islower()) >= _CAPTION_LOWER_WORDS


_FIELD_NAME_LEAD = re.compile(r"(?i)(?:creator|attribution)\s*[:：]")
_AI_PLAIN = re.compile(r"(?i)" + AI_PLAIN_LEAD)
_AI_TOOL = re.compile(r"(?i)(?:" + AI_TOOL_LEAD + r")")
_TOOL_NAME_WORDS = 4  # words of a generator's name the catalog may know ('Adobe Firefly Image 3')


def _tool_lead_named(catalog: Catalog, text: str, start: int) -> bool:
    """Whether a credit at `start` may be read: any credit but one opened by a lead-in that names a tool as readily as
    a generator ('Logo made with', '(created with', 'generated via', 'This image is generated by'), whose name after
    it must be a generator the catalog knows ('Hero image created with DALL-E.'; 'Logo made with Canva', 'The chart
    (created with Excel) shows sales.' credit no one)."""
    while text[start : start + 1] in _BEFORE_LEAD:  # (past the end: '' is in no set)
        start += 1
    if text[start : start + 1].casefold() not in _AI_TOOL_FIRST or _AI_PLAIN.match(text, start) is not None:
        return True
    tool = _AI_TOOL.match(text, start)
    if tool is None:
        return True
    words = text[tool.end() : tool.end() + 80].split()[:_TOOL_NAME_WORDS]
    for count in range(len(words), 0, -1):
        source = match_source(catalog, " ".join(words[:count]).strip(" .,;:!?)(\"'*_"))
        if source is not None and source.kind == "generator":
            return True
    return False


_BEFORE_LEAD = frozenset(" \t([{*_")
_AI_TOOL_FIRST = frozenset("itpalhcfgm")  # the first letters of AI_TOOL_LEAD's forms
_LIST_NUMBER = re.compile(r"(\d{1,2})\.")


def _numbered_in_turn(text: str, stop: re.Match[str]) -> bool:
    """Whether a stop is no caption's number, or the number after one the same line opened with before it ('2. Celtic
    fans … Source: Jane Roe 3. Joey …'): 'Photo: Studio 54. The band …' keeps its name."""
    number = _LIST_NUMBER.match(stop.group())
    if number is None:
        return True
    before = text[text.rfind("\n", 0, stop.start()) + 1 : stop.start()]
    return re.search(rf"(?:^|\s){int(number.group(1)) - 1}\.[ \t]+[A-Z]", before) is not None


def _known_after_bare_photo(catalog: Catalog, lead: re.Match[str], body: str) -> bool:
    """Whether a weak lead-in may open this credit: 'Photo' with no colon ('Photo Jeanne Rousseau / AFP') only where
    the link after the slash is a source the catalog knows, since a heading in title case has the same shape ('Photo
    Booth Rentals / Weddings', 'Photo Contest Winners / Gallery'); every other weak lead-in as it is."""
    if lead.group("lead").rstrip().casefold() not in ("photo", "foto", "fot."):
        return True
    after = body.partition("/")[2].partition("/")[0].strip(" \t.,;")
    return match_source(catalog, after) is not None


def _starts_field(text: str, start: int) -> bool:
    """Whether a field's name stands where a metadata field starts: first on its line (after spaces, or a list's
    bullet: '- Attribution: Jane Roe, via Wikimedia Commons'), or after a field separator ('| Creator: …',
    '<br>Creator: …')."""
    before = text[max(text.rfind("\n", 0, start) + 1, start - 200) : start].rstrip()
    return not before or before.endswith(("|", ">", "•", "·")) or before in ("-", "*", "+")


_STOPS = (".", "!", "?", "…")


def _lone_unknown_word(catalog: Catalog, value: str) -> bool:
    """Whether a lead-in glued to a sentence's stop is followed by one word the catalog does not know as a source,
    neither a handle nor an agency's initials: a page's label and its value run into the text ('… .Foto: ddp',
    '….Image: Keystone' are credits; '….Credit: Negative' is a rating's outlook)."""
    word = value.strip().strip(".,;")
    return bool(word) and " " not in word and "/" not in word and not word.startswith("@") \
        and not (word.isupper() and len(word) <= 6) and match_source(catalog, word) is None


def _object_key(text: str, start: int, body: int) -> bool:
    """'{ url: "…", credit: "ESO/Jane Roe" }': a key whose value opens with a quote, after the comma or brace of an
    object's previous member."""
    value = body + 1 if text[body : body + 1] in ("\"", "'") else body  # the value names someone: a capital, a
    return (text[body : body + 1] in ("\"", "'") or text[body - 1 : body] in ("\"", "'")) \
        and text[value : value + 1] in _NAMED_START and bool(_CREDIT_KEY.match(text, start, body)) \
        and bool(_MEMBER_BEFORE.search(text, max(0, start - 4), start))  # rights sign or a handle ('credit: "none"',
    # 'credit: "12.50 USD"' are an account's)


def _dated_line(text: str, start: int) -> bool:
    """Whether the line before `start` holds a clock time or a date (bounded look back), or the line above it is an
    article's written or modified date ('Geschreven: 18 juli 2005', 'Aangepast: 19 maart 2023', a CMS's info block)."""
    before = text[max(0, start - 80) : start]
    line_start = before.rfind("\n") + 1
    if _DATE_OR_TIME.search(before[line_start:]):
        return True
    return line_start > 0 and not before[line_start:].strip() and bool(_ARTICLE_DATE_LINE.search(before[:line_start]))


# An article's own date field on the line above ('Geschreven: 18 juli 2005', 'Published: 3 March 2025'): the author
# after it wrote the text. Not a file page's 'Date:' field, whose 'Author:' made the picture.
_ARTICLE_DATE_LINE = re.compile(
    r"(?im)^[ \t]*(?:geschreven|aangepast|gepubliceerd|written|published|updated|modified|publi[ée](?:\s+le)?|"
    r"mis\s+à\s+jour(?:\s+le)?|veröffentlicht|aktualisiert|geändert|publicado|actualizado|atualizado|pubblicato|"
    r"aggiornato|opublikowano|zaktualizowano)[ \t]*:?[ \t]*[^\n]*\d{4}[^\n]*\n\Z")


def _source_before(catalog: Catalog, text: str, start: int, body: int) -> int:
    """Where a source the catalog knows starts, written right before 'photo by' at a credit's position ('Flickr photo
    by', 'U.S. Navy photo by'), else `start`: a word to four words back, on the same line. Failing one, an outlet
    known by its shape, a word or two ('ST PHOTO: Jane Roe', 'Express photo by Jane Roe'), only before a name: a
    capital or a handle next."""
    before = text[max(0, start - 40) : start]
    if before.rstrip(" \t").endswith(("(", "[")):
        return start  # '… team – START. (Photos by Jane Roe)': the bracket holds the credit, the words before it are
        # the sentence's end, outside the credit (a source is written inside: '(NASA photo by Jane Roe)')
    if not before.endswith((" ", "\t")) or "\n" in before.rstrip():
        before = before[before.rfind("\n") + 1 :]
    words = before.split()
    named = text[body : body + 1]
    shapes = (False, True) if named.isupper() or named == "@" else (False,)
    for by_shape in shapes:
        for count in range(1, min(2 if by_shape else 4, len(words)) + 1):
            if words[-count].casefold() in ("the", "a", "an") or words[-count].casefold() in PHOTO_KIND_WORDS:
                break  # 'The Reuters photo by …': prose about a photo; 'Press photo: …': what kind of photo
            name = " ".join(words[-count:])
            at = start - len(before) + before.rfind(words[-count])
            known = outlet_before_photo(catalog, name) if by_shape else match_source(catalog, name.strip("([\"'“"))
            if known and _at_credit_position(text, at + len(name) - len(name.lstrip("([\"'“"))):
                return at + len(name) - len(name.lstrip("([\"'“"))
    return start


def _kind_before(text: str, start: int, body: int) -> int:
    """'Press photo: Jane Roe', 'Q&A photos by Jane Roe': where a word or two saying what kind of picture it is starts,
    right before the lead-in at a credit's position, with a colon or a name in capitals (or a handle) after the lead-in
    ('Live photos by the thousands …' is prose); else -1."""
    before = text[max(0, start - 24) : start]
    words = before.split()
    named = text[body : body + 1]
    if not words or not before.endswith((" ", "\t")) \
            or not (text[start:body].rstrip()[-1:] in ":=：" or named.isupper() or named == "@"):
        return -1
    for count in (2, 1):
        if len(words) >= count and " ".join(words[-count:]).casefold() in PHOTO_KIND_WORDS:
            at = start - len(before) + before.rfind(words[-count])
            return at if _at_credit_position(text, at) else -1
    return -1


_SOURCE_AFTER_DOT = re.compile(r"(?i)(?:photo|foto)s?\s*(?:[:：]|by\b)[ \t]*(?P<name>[^\n·]{2,60}?)[ \t]*(?:·|\r?\n|$)")


def _source_after_dot(catalog: Catalog, text: str, start: int) -> bool:
    """'Fortune · Photo: Reuters': after a middle dot, 'Photo:' before a source the catalog knows alone (a menu's
    'Home · Photo: Gallery · About' names none)."""
    if not text.endswith(" · ", 0, start):
        return False
    named = _SOURCE_AFTER_DOT.match(text, start)
    return named is not None and match_source(catalog, named.group("name")) is not None


def _at_credit_position(text: str, start: int) -> bool:
    """Whether a lead-in stands where a credit can start: the text's or a line's start, after a bracket,
    quote or sentence end (a bounded look back: constant work per lead-in)."""
    return bool(_CREDIT_POSITION.search(text[max(0, start - 12) : start])) or start <= 12 and not text[:start].strip() \
        or text.endswith("<", 0, start) and not text[start].isascii() \
        or _GLUED_STOP.match(text, max(0, start - 2)) is not None \
        or text.endswith(" · ", 0, start) and _PHOTO_AFTER_DOT.match(text, start) is not None \
        or text.rfind("http", max(0, start - 300), start) >= 0 \
        and bool(_URL_BEFORE.search(text, max(0, start - 300), start))  # '…/view.php?id=57752 Crédito: NASA'


# A paper's name in capitals closing the chain, then the caption naming who is shown ('Staff Photo by Jane Roe/HARWICK
# TIMES Tom Bell, left, is sworn in …'): the credit ends with the capitals.
_PAPER_THEN_CAPTION = re.compile(
    r"/[ \t]*[A-Z][A-Z&'’.-]{3,}(?:[ \t]+[A-Z][A-Z&'’.-]+){0,3}(?=[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+,)"
)


# A line break written as its escape in a JSON or code string ('Image: Square Enix\\r\\nRevealed in …'): the line
# ends there (a TASS chain's backslash stands before a name, never before 'r' or 'n' and a capital or another escape).
_ESCAPED_BREAK = re.compile(r"\\[rn](?![a-z])")
# Korean 제공 ('provided') closes a credit ('사진=tvN '별똥별' 제공 ‘별똥별’ 이성경이 …'): the caption follows it
_PROVIDED = re.compile(r"제공(?=[ \t)\]]|$)")
_DASH_LEAD = re.compile(r"[ \t]+[–—][ \t]+(?:[A-Z][\w&'’-]*[ \t]+){0,2}$")  # a spaced dash, a word or two, a lead-in
_AND_LEAD = re.compile(r"[ \t]+(?:and|&)[ \t]+$")  # a capitalised lead-in right after it opens a second credit
# A page's label after the credit on its line, in capitals with its colon ('Credit: Marvel Studios Related: …', '…
# Read more: …'): a new field of the page, where the credit stops; so does a generator's prompt ('Midjourney using
# the prompt: "…"'), whose words are no names.
_PAGE_LABEL = re.compile(r"[ \t]+(?:Related|Read(?:[ \t]+(?:more|also|next))?|See[ \t]+also|Also[ \t]+read|Watch|"
                         r"Advertisement|Sponsored|Subscribe|Share|(?:using[ \t]+the[ \t]+)?[Pp]rompt)[ \t]*:")
# What a page puts after a credit that names no one: a site's menu in pipe-separated cells ('© 2016 | Images provided
# by Action Images / Reuters | Privacy Policy | Contact Us' had given the creator 'Privacy Policy'), or the page's
# time stamp after a slash or pipe ('NOAA Fisheries / Updated March 3, 2026'). The credit ends before it.
_PAGE_CHROME = re.compile(
    r"[ \t]*(?:\|[ \t]*(?i:privacy(?:[ \t]+(?:policy|notice|statement))?|contact(?:[ \t]+us)?|terms(?:[ \t]+(?:of[ \t]+"
    r"(?:use|service)|(?:and|&)[ \t]+conditions))?|cookies?(?:[ \t]+(?:policy|settings|preferences))?|"
    r"about(?:[ \t]+us)?|site[ \t]?map|advertise(?:[ \t]+with[ \t]+us)?|careers|accessibility(?:[ \t]+statement)?|"
    r"imprint|impressum|disclaimer|newsletters?|legal(?:[ \t]+notice)?)[ \t]*(?=\||\r?\n|$)|"
    r"[|/][ \t]*(?i:(?:last[ \t]+)?(?:updated|posted|published))[ \t]+(?i:on[ \t]+)?"
    r"(?=\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d))"
)


def _segment_end(catalog: Catalog, text: str, start: int, body: int, weak: bool, index: _Index) -> int:
    """Where a lead-in credit stops: its bracket or quote, the line, or a new sentence."""
    before = text[max(0, start - 12) : start].rstrip()
    if before[-1:] in _CLOSE:
        close = index.pairs.get(max(0, start - 12) + len(before) - 1)
        if close is not None:
            return close
    if before[-1:] == "<" and not text[start].isascii():
        # a Korean credit in angle brackets ('<사진제공=Pledis> tvN …'), which no tag's name opens: ends at its '>'
        close = text.find(">", body, body + MAX_CREDIT + 1)
        if close > body and text.find("\n", body, close) < 0:
            return close
    line_end = min(_line_end(catalog, text, body), body + MAX_CREDIT + 1)  # longer is prose: bounded work per lead-in
    line_end = min(line_end, _next(index.stops, body, line_end))
    if _QUOTED_VALUE.search(text[max(0, start - 3) : body + 1]) \
            or _OPEN_VALUE.search(text, max(text.rfind("\n", 0, start) + 1, start - 200), start):
        # 'credit: "…"', '"Photo by …"', "caption='Sea lion -- Photo: NOAA', width=…": ends at its quote
        line_end = min(line_end, _next(index.quote_stops, body, line_end))
    if (weak or text[start:body].strip().casefold() == "in this photo by") and text[start:body].strip().casefold() in (
            "von", "by", "par", "por", "in this photo by"):
        comma = text.find(",", body, line_end)
        return comma if comma > 0 else line_end
    glued = _GLUED_QUOTE.search(text, body, line_end)  # 'Image credit: University of Kansas“Generally, …': the
    # credit ends where a quotation glued to it opens, or a full-width bracket opened before it closes
    if glued and _FULL_WIDTH_OPEN.get(glued.group(0), "\0") not in text[body : glued.start()]:
        line_end = glued.start()
    caps = _PAPER_THEN_CAPTION.search(text, body, line_end) if "/" in text[body:line_end] else None
    line_end = caps.end() if caps else line_end
    label = _PAGE_LABEL.search(text, body, line_end) if text.find(":", body, line_end) >= 0 else None
    line_end = label.start() if label else line_end
    chrome = _PAGE_CHROME.search(text, body, line_end) if "|" in text[body:line_end] or "/" in text[body:line_end] \
        else None
    line_end = chrome.start() if chrome else line_end
    line_end = _before_empty_label(text, body, line_end, index)
    escaped = _ESCAPED_BREAK.search(text, body, line_end) if text.find("\\", body, line_end) >= 0 else None
    line_end = escaped.start() if escaped else line_end
    provided = _PROVIDED.search(text, body, line_end) if text.find("제공", body, line_end) >= 0 else None
    line_end = provided.end() if provided else line_end
    other = _next(index.leads, body + 1, line_end)
    if other < line_end and text[body:other].strip(_OPENERS) \
            and _CREDIT_POSITION.search(text[max(body, other - 12) : other]):
        line_end = other
    elif other < line_end and text[other : other + 1].isupper() \
            and (joined := _AND_LEAD.search(text, max(body, other - 6), other)) is not None:
        line_end = joined.start()  # 'Illustration: Jane Roe/Vulture and Photos by HBO': a second credit
    elif other < line_end and (dashed := _DASH_LEAD.search(text, max(body, other - 30), other)) is not None:
        line_end = dashed.start()  # 'Q&A photos by Jane Roe – Print courtesy of A24': a second credit after a dash
    if text.find("/", body, line_end) >= 0:
        stuck = glued_after_source(catalog, text, body, line_end)  # '…/Getty ImagesThe mayor said …'
        line_end = stuck if stuck is not None else line_end
        run_on = story_run_on(catalog, text, body, line_end)  # '…/Harwick Herald The mayor said …'
        line_end = run_on if run_on is not None else line_end
        byline = _BYLINE_AFTER.search(text, body, line_end)  # 'IMAGE: CNS photo/Jane Roe By Ida Vell HARWICK (CNS) —':
        if byline is not None and "/" in text[body : byline.start()]:  # a wire's slash chain, then the story's byline
            line_end = byline.start()
    dated = _DATE_OPENS_STORY.search(text, body, line_end) if has_digit(text[body:line_end]) else None
    line_end = dated.start() if dated is not None else line_end  # 'photos by Jane Roe & Ida Vell August 24 was a …'
    into_cjk = _LATIN_INTO_CJK.search(text, body, min(line_end, body + _LATIN_CREDIT)) \
        if not text[body:line_end].isascii() else None
    if into_cjk is not None and text[body : body + 1].isascii() and _CJK_STOP.search(text, into_cjk.start(), line_end) \
            and _CJK_CHAR.search(text, body, into_cjk.start()) is None:
        line_end = _past_glued_source(catalog, text, into_cjk.start(), line_end)  # '© REUTERS / Yuya Shinoモンゴル出身
        # の…。': a Latin credit glued to the caption
    link = max(body, text.rfind("/", body, line_end) + 1)
    link += len(text[link:line_end]) - len(text[link:line_end].lstrip())
    told = source_then_story(catalog, text, link, line_end) if line_end - link > 12 else None
    line_end = told if told is not None else line_end  # 'Image: Nintendo Life Nintendo’s 2022 holiday …'
    return _sentence_stop(catalog, text, body, line_end, index)


# A month and a day glued after a name, a sentence of the story going on in lower case or the year after a comma: the
# story starts there and the credit ends before it ('photos by Jane Roe & Ida Vell August 24 was a bittersweet day')
_DATE_OPENS_STORY = re.compile(
    r"(?<=[^\W\d_])[ \t]+(?=(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:[ \t]+[a-z]|,[ \t]*\d{4}\b))"
)
# A Latin letter, then Japanese, Chinese or Korean script with no space between: where a credit in Latin script runs
# into a caption in another (a name glued to the sentence after it), when a CJK sentence's stop follows ('TVBS新聞',
# 'MK스포츠' are names, no sentence) and the credit's part before it holds no CJK character (a credit that spans
# several captions of a flattened page meets one's Latin word glued to CJK far from its start: 'W杯')
_CJK_LETTERS = "\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3"  # kana, the common Han block, Hangul syllables
_LATIN_INTO_CJK = re.compile(f"(?<=[A-Za-z])[{_CJK_LETTERS}]")
_CJK_STOP = re.compile(r"[。！？]")
_CJK_CHAR = re.compile(f"[{_CJK_LETTERS}]")
_CJK_RUN = re.compile(f"[{_CJK_LETTERS}]+")
_LATIN_CREDIT = 80  # the credit in Latin script before the caption glued to it: a short chain, all before the junction


def _past_glued_source(catalog: Catalog, text: str, junction: int, line_end: int) -> int:
    """Where a Latin credit glued to CJK script ends: at the junction, unless the CJK word glued there is a source the
    catalog knows, its distributor ('写真：AFP時事。首相が…': AFP via Jiji), which the credit keeps."""
    run = _CJK_RUN.match(text, junction, line_end)
    return run.end() if run is not None and match_source(catalog, run.group()) is not None else junction


def _before_empty_label(text: str, body: int, line_end: int, index: _Index) -> int:
    """'LEHTIKUVA/AFP Kuva:': a lead-in with nothing after it closing the credit is no part of it (the via had been
    'AFP Kuva'); the credit ends before it. Only where the line or text truly ends there: a credit's window cut
    short mid-text (a long flattened page) leaves a lead-in whose value is beyond the window."""
    if text[line_end : line_end + 1] not in ("", "\n", "\r"):
        return line_end
    at = bisect.bisect_left(index.leads, body + 1)
    while at < len(index.leads) and index.leads[at] < line_end:
        label = index.lead_matches[at]
        if not text[label.end() : line_end].strip() and text[body : label.start()].strip():
            return label.start()
        at += 1
    return line_end


def _next(positions: list[int], start: int, default: int) -> int:
    """The first position at or after `start`, else `default`."""
    at = bisect.bisect_left(positions, start)
    return positions[at] if at < len(positions) else default


def _line_end(catalog: Catalog, text: str, body: int) -> int:
    """The end of the line, or of the next one when a name list breaks after a comma or inside a name."""
    limit = body + MAX_CREDIT + 1
    line_end = text.find("\n", body, limit)
    if line_end < 0:
        return min(len(text), limit)
    line = text[body:line_end]
    if line.rstrip().endswith(",") or line.count(",") >= 2 and _LIST_GOES_ON.match(text, line_end + 1) \
            or _VERSION_NEXT.match(text, line_end + 1) and _CC_AT_END.search(line) \
            or _FIRST_NAME_ALONE.fullmatch(line) and _SURNAME_CHAIN.match(text, line_end + 1) \
            and match_source(catalog, line.strip()) is None and _chain_names_source(catalog, text, line_end + 1, limit):
        # 'CC BY-SA\n2.5)': a broken code; 'Photo: Fatemeh\nBahrami/Anadolu via …': a name broken by the line
        following = text.find("\n", line_end + 1, limit)
        return min(len(text), limit) if following < 0 else following
    return line_end


# A story's byline after a credit chain on the same line: 'By' capitalised, then the writer's name (or none) and the
# dateline's place in capitals ('By Jane Roe HARWICK (CNS) —', 'By HARWICK (CNS) —'); a name with 'By' in it goes on
# ('Jane Roe/Stand By Me Films')
_BYLINE_AFTER = re.compile(r"[ \t]+By[ \t]+(?=(?:[A-Z][\w'’.-]*[ \t]+){0,4}[A-Z]{3,}\b)")
_CHAIN_LINK = re.compile(r"[ \t]*/[ \t]*|[ \t]+via[ \t]+")


def _chain_names_source(catalog: Catalog, text: str, start: int, limit: int) -> bool:
    """Whether the chain that opens the line at `start` names a source the catalog knows after its first link
    ('Bahrami/Anadolu via Getty Images'); a word over a pair of words ('Monday\nTraffic/Roads update', 'Berlin\nMitte/
    Kreuzberg am Abend') is no name broken by the line."""
    end = text.find("\n", start, min(limit, start + 200))
    links = _CHAIN_LINK.split(text[start : end if end >= 0 else min(len(text), start + 200)])[1:]
    return any(match_source(catalog, link.strip(" \t\r.,;)")) is not None for link in links)


def _sentence_stop(catalog: Catalog, text: str, body: int, line_end: int, index: _Index) -> int:
    at = bisect.bisect_left(index.gaps, (body, body))
    while at < len(index.gaps) and index.gaps[at][1] <= line_end:
        gap_start, gap_end = index.gaps[at]
        at += 1
        before = text[max(body, gap_start - 40) : gap_start]
        after = text[gap_end : line_end]
        if _ABBREVIATION.search(before) or ENDS_WITH_ABBREVIATION.search(before) or _CONTINUES.match(after) \
                or holder_first(catalog, after) \
                or _BROS.search(before) and _NAME_GOES_ON.match(after) \
                or after[:1].isdigit() and ENDS_WITH_NUMBER_WORD.search(before):
            continue
        if not mentions_license(catalog, after):
            return gap_start
    return line_end


Split = Callable[[str, str], dict[str, str]]


def _split_once(catalog: Catalog) -> Split:
    """`split_credit` answered once per (segment, lead-in) of one text (a wire digest writes each credit many
    times): it reads nothing but its arguments and the catalog, and each caller gets its own copy."""
    done: dict[tuple[str, str], dict[str, str]] = {}

    def split(segment: str, lead: str) -> dict[str, str]:
        fields = done.get((segment, lead))
        if fields is None:
            fields = done[segment, lead] = split_credit(catalog, segment, lead=lead)
        return dict(fields)

    return split


def _credits_in(catalog: Catalog, text: str, segment: Segment, split: Split) -> Iterator[Credit]:
    """One credit per ';'-separated part of a segment (several credits in one caption)."""
    if segment.rewrite is not None:
        fields = split(segment.rewrite, "")
        if set(fields) == {"via"} and fields["via"].casefold() == segment.rewrite.strip().casefold():
            fields = {"organization": fields.pop("via")}  # 'A post shared by Instagram (@instagram)': its own account
        if _is_credit(fields, segment.weak):
            yield Credit(text=text[segment.start:segment.end].strip(), start=segment.start, end=segment.end, **fields)
        return
    lead = text[segment.start:segment.body]
    if not _tool_lead_named(catalog, text, segment.start):
        return  # 'Logo made with Canva', '(created with Inkscape)': a tool's name, no generator's
    last: Credit | None = None
    for part_start, part_end in _parts(catalog, text, segment.body, segment.end):
        if _is_path(text[part_start:part_end]) or _tool_list(catalog, text[part_start:part_end]):
            continue
        # a rights sign in the lead-in ('© Jane Roe; John Smith') is the statement of the part it stands
        # before, kept as written; a later part's own text holds no statement the sign could make
        part_lead = lead if part_start == segment.body else without_rights_sign(lead)
        fields = split(text[part_start:part_end], part_lead)
        if _DROITS_RESERVES.fullmatch(text[part_start:part_end]) and _FRENCH_LEAD.fullmatch(lead):
            fields = {"copyright": text[part_start:part_end].strip()}  # 'Crédit photo : DR': rights reserved, no one
        caption_end = _caption_end_lead(text, segment)
        if (_NO_COLON_LEAD.fullmatch(lead) or caption_end) \
                and not _named_after_bare_lead(catalog, lead, text[part_start:part_end], fields) \
                or (caption_end or lead.strip() in _CAPITALS_LEADS) \
                and not _named_after_end_lead(catalog, text, segment, text[part_start:part_end], fields):
            continue
        if not _is_credit(fields, segment.weak) or segment.strict and not _named_license(catalog, fields) \
                or _CAPTION_LEAD.match(lead) and _caption_sentence(text[part_start:part_end], fields):
            continue
        span_start = segment.start if part_start == segment.body else part_start
        credit = Credit(text=text[span_start:part_end].strip(), start=span_start, end=part_end, **fields)
        if last is not None and _adds_terms(last, credit) and _compatible(catalog, last, credit):
            last = _fill(catalog, last, credit)  # 'Photo: Jane Roe; CC BY-SA 4.0; Wikimedia Commons': one credit
            continue
        if last is not None:
            yield last
        last = credit
    if last is not None:
        yield last


# A list of tools in three links or more ('Image: Midjourney / DALL·E 3 / FLUX / Stable Diffusion', 'Image: Midjourney,
# Flux, Ideogram, Imagen'): a README's or a course's list of the generators one may use, no credit of a picture, once
# the first link and another are generators the catalog knows (one picture is made by one generator; a credit's
# chain names one)
_LIST_LINK = re.compile(r"\s*[/,|]\s*")
_VERSION_END = re.compile(r"\s+(?:[vV]?\d[\w.]*|XL|Pro|Ultra)$")


def _tool_list(catalog: Catalog, part: str) -> bool:
    if part.count("/") + part.count(",") + part.count("|") < 2:
        return False  # fewer than three links: the cheap test first
    part = part.strip().lstrip("-*•").strip()  # a list's item: '- Image: …'
    lead = LEAD_IN_TEXT.match(part)
    links = _LIST_LINK.split(part[lead.end() if lead else 0 :].rstrip("."))
    if len(links) < 3:
        return False
    kinds = []
    for link in links:
        source = match_source(catalog, link) or match_source(catalog, _VERSION_END.sub("", link))
        kinds.append(source is not None and source.kind == "generator")
    return kinds[0] and sum(kinds) >= 2  # 'Illustration: Jane Roe/Midjourney/DALL-E' opens with its maker: a credit


# French 'DR' (droits réservés: rights reserved, holder unknown) as a whole credit after a French lead-in or a rights
# sign ('Crédit photo : DR', 'Photo : DR', '© DR'); after 'Foto:' it stays Denmark's broadcaster DR
_DROITS_RESERVES = re.compile(r"\s*(?:DR|D\.[ \t]?R\.?)\s*\.?\s*")  # 'D.R.' reaches here as 'D.R' (its last stop cut)
_FRENCH_LEAD = re.compile(
    r"(?i)\s*(?:©|\(c\)|cr[ée]dits?(?:\s+photos?)?|photos?|illustrations?|images?|visuels?)\s*[:：]?\s*")


# A part that is a via alone ('…, Royal Collection; via Wikimedia Commons'): the way the credit before it came
_VIA_PART = re.compile(r"(?i)^(?:(?:file|image|photo)\s+)?via\s")


def _adds_terms(one: Credit, other: Credit) -> bool:
    """A part after a ';' that names no party of its own, only a license or a platform, after a part that named
    one: the terms of the same credit, not another image's. A platform alone joins only a credit that states a
    license already ('Photo: Jane Roe; CC BY-SA 4.0; Wikimedia Commons'); after a bare name it is the credit of
    another picture of a list ('Photos: Jane Roe (top); Flickr (bottom)', 'Images: Reuters; Pexels')."""
    return bool((one.creator or one.organization) and not (other.creator or other.organization)
                and (other.license or other.via and (one.license or _VIA_PART.match(other.text))))


def _caption_end_lead(text: str, segment: Segment) -> bool:
    """Whether a segment's lead-in is a caption-end word alone before a name's capital ('Picture Jane Roe'), as
    _AT_CAPTION_END reads it; 'Photo ' before 'via Flickr' leads another reading."""
    found = _CAPTION_END_WORD.match(text, segment.start)
    return found is not None and found.end() == segment.body


_CAPITALS_LEADS = ("PIC", "PICTURE")  # alone on a line before a name in capitals ('PIC JANE ROE')


def _named_after_end_lead(catalog: Catalog, text: str, segment: Segment, part: str, fields: dict[str, str]) -> bool:
    """After a caption-end lead-in or 'PIC'/'PICTURE' alone on a line, a name and not a heading's, a product's or a
    menu's title-case words: no function word a title capitalises ('Photos From Our Readers', 'Picture In Picture');
    one word alone only as a source the catalog knows ('PICTURE SPECIAL' heads a feature, 'Photo AFP' credits); after
    the photo family at a sentence's end or in a bracket ('… . Photo Mechanic Plus', '(Photos Below Show More)') only
    a chain or a source the catalog knows (credit_words.PHOTO_FAMILY_BARE_LEADS), or a full name of no common or
    heading's word in a bracket that is its line ('(photo Jane Roe)' between paragraphs, not '(Photo Upper Right)')."""
    name = part.partition("/")[0]
    words = [word.strip(".,;:()'’") for word in name.split()]
    if any(word.casefold() in TITLE_FUNCTION_WORDS for word in words):
        return False
    known = any(match_source(catalog, fields.get(key)) is not None for key in ("organization", "via"))
    if len(words) < 2 and "/" not in part:
        return known
    lead = text[segment.start:segment.body].strip()
    if lead.casefold() in PHOTO_FAMILY_BARE_LEADS and lead != "Foto" and _AFTER_STOP_OR_BRACKET.search(
            text, max(0, segment.start - 3), segment.start) is not None:
        # ('Foto Jana Roth' is the older no-colon rule's and Italian papers' '(Foto Ida Vell)', kept); a bracket that is
        # its line holding the word and a full name alone is a credit set between paragraphs ('(photo Jane Roe)'), not
        # a pointer's common words ('(Photos Below Show More)')
        return "/" in part or known or len(words) > 1 and not _pointer_words(words) and _LINE_BRACKET.fullmatch(
            text, text.rfind("\n", 0, segment.start) + 1, text.find(")", segment.start) + 1) is not None
    return True


def _pointer_words(words: list[str]) -> bool:
    """'(Photo Upper Right)', '(Photos Attached Here)', '(Photos Page Twelve)': a pointer's or heading's common word
    anywhere in the run, not a name (a surname that is also a word stays a name's: '(photo Tom Bell)')."""
    folded = [word.casefold() for word in words]
    return any((word in COMMON_WORDS or word in HEADING_WORDS or word.removesuffix("s") in COMMON_WORDS)
               and not (at and word in WORD_SURNAMES) for at, word in enumerate(folded))


_LINE_BRACKET = re.compile(r"[ \t]*\([^()\n]+\)")


_AFTER_STOP_OR_BRACKET = re.compile(r"(?:\(|[.!?…][\"”’]?[ \t])$")


def _named_after_bare_lead(catalog: Catalog, lead: str, part: str, fields: dict[str, str]) -> bool:
    """After a lead-in written with no colon, a name and not a headline's label: no media word ('FOTO VIDEO', 'Foto
    Galerija Zagreb', 'Picha na Video') nor a job's or heading's word ('Picture Editor Jane Roe'); after a lone word
    ('Beeld', 'FOTO'), an organisation alone only if the catalog knows it ('Beeld ANP', not 'FOTO PRIČA'), and so
    before a chain's slash."""
    words = [word.strip(".,;:()'’").casefold() for word in part.split()]
    if any(word in MEDIA_LABEL_WORDS or word in NOT_NAMES_AFTER_BARE_LEAD for word in words):
        return False  # 'Picture Editor Jane Roe', 'Photo Contest Winners': a job's or a heading's words
    if "/" in part and " " not in lead.strip():  # 'Фото Олени Коваль / POOL / УНІАН': the chain names a source the
        # catalog knows ('Beeld Amsterdam Centrum / Noord', 'Foto Tour Berlin / Potsdam' are a page's headings)
        return any(match_source(catalog, fields.get(key)) is not None for key in ("organization", "via"))
    if fields.get("creator") or " " in lead.strip():  # 'Picha na Ofisi ya Waziri Mkuu': 'photo by', a body's name
        return True
    return any(match_source(catalog, fields.get(key)) is not None for key in ("organization", "via"))


def _caption_sentence(part: str, fields: dict[str, str]) -> bool:
    """'Fotografija: Soledad Ruiz, mati …, drži portret svojega sina v …': the noun 'photograph' opening the caption
    itself (as Slovene and Croatian papers label it), its body a sentence (five words in lower case or more) of which
    only a name could be read (a credit with a body, platform, licence or link stays one)."""
    return not set(fields) - {"creator", "title", "category"} and len(_LOWER_WORD.findall(part, 0, 400)) >= 5


def _is_path(part: str) -> bool:
    """Whether a part is a file path alone, after a key if any ('coverImage: /images/cover.jpg')."""
    if "/" not in part and "." not in part:  # a path holds a slash or an extension's dot
        return False
    part = part.strip()
    key = _KEY.match(part)
    return bool(_PATH_ALONE.match(part[key.end() :] if key else part))


def _parts(catalog: Catalog, text: str, body: int, end: int) -> Iterator[tuple[int, int]]:
    segment = text[body:end]
    if _all_slashed(catalog, segment):
        pieces = _LIST_SEPARATOR.split(segment)
    else:
        # a list of chains ('Jane Roe/AP; John Doe, Bo Lee/Reuters'); a via after a comma is the way the credit before
        # it came ('…, via DPLA / Wikimedia Commons')
        pieces = re.split(r";|,\s+(?!via\s)(?=[^,]*/)", segment) if ";" in segment else \
            _agency_and_other(catalog, segment) or [segment]
    cursor = body
    for piece in pieces:
        at = text.index(piece, cursor)
        cursor = at + len(piece)
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip(" \t.,"))
        if piece[right : right + 1] == "." and (initial_end(piece[:right]) or KEEP_DOT.search(piece, 0, right)):
            right += 1  # 'Credit: Skylark Orbital Ltd.', '© Carvalho S.': the abbreviation's full stop is the name's
        if right > left:
            yield at + left, at + right


# 'Lusa e Jane Roe', 'EFE y Jane Roe', 'AFP and Jane Roe': two parties joined by a conjunction of any of the
# languages, one of them an agency or stock library the catalog knows, each a name's capital first ('AP and local
# reports', 'Shutterstock and its contributors' name one party)
_TWO_PARTIES = re.compile(r"^([A-Z@][^,/;\n]{1,59}?)\s+(?:and|&|e|y|et|und|en|i|og|och|ve)\s+"
                          r"([A-Z@][^,/;\n]{1,59})$")
_PARTY_LABELS = ("person", "source", "organisation")


def _agency_and_other(catalog: Catalog, segment: str) -> list[str] | None:
    """'[Imagens: Lusa e Jane Roe]', '(Fotos: EFE y Jane Roe)': an agency's and a photographer's pictures, two credits,
    when one side of the one conjunction is an agency or stock library the catalog knows and the whole is no source's
    name ('Library and Archives Canada'); 'Jane Roe and Tom Bell' stays one credit of two people."""
    match = _TWO_PARTIES.match(segment.strip(" \t.,"))
    if match is None or match_source(catalog, segment.strip(" \t.,")) is not None:
        return None
    if not any((source := match_source(catalog, side.strip())) is not None and source.kind in AGENCY_KINDS
               for side in match.groups()) \
            or any(label_link(catalog, side.strip()).label not in _PARTY_LABELS for side in match.groups()) \
            or any(" " not in side.strip() and match_source(catalog, side.strip()) is None for side in match.groups()):
        return None  # 'Source: Reuters and Harwick Police said', 'Image: Alamy and More': no two parties; nor a word
        # alone the catalog does not know ('Reuters en Español': Spanish 'en' is 'in', the agency's service)
    return [match.group(1), match.group(2)]


def _all_slashed(catalog: Catalog, segment: str) -> bool:
    """'Jane Doe/AP, John Smith/Reuters', 'Jane Doe/AFP via Getty Images and John Smith/Getty Images': a list of
    credits separated by commas, semicolons or 'and', each a chain of its own ('Jane Doe and John Smith/AP' is one).
    An 'and' inside a link the catalog knows ('Jane Roe / Library and Archives Canada / PA-034064') joins no two."""
    if "/" not in segment:
        return False
    pieces = _LIST_SEPARATOR.split(segment)
    if len(pieces) < 2 or not all("/" in p and "http" not in p for p in pieces):
        return False
    return not any(_AND_IN_NAME.search(link) and match_source(catalog, link.strip()) is not None
                   for link in segment.split("/"))


def _named_license(catalog: Catalog, fields: dict[str, str]) -> bool:
    """A license the catalog or the Creative Commons codes know, a license URL, or a via."""
    found = fields.get("license", "")
    return bool(fields.get("via") or fields.get("license_url") or found and mentions_license(catalog, found)
                or _PUBLIC_DOMAIN.search(found))


def _is_credit(fields: dict[str, str], weak: bool) -> bool:
    if weak:
        return bool(fields.get("organization") or fields.get("via"))
    names = ("creator", "organization", "via", "license", "license_url", "category", "copyright")
    return any(fields.get(k) for k in names)


def _merge_repeats(catalog: Catalog, text: str, credits: list[Credit]) -> list[Credit]:
    """'(Photo by Jane Roe / AFP) (Photo by JANE ROE/AFP via Getty Images)': one credit written twice."""
    merged: list[Credit] = []
    for credit in credits:
        last = merged[-1] if merged else None
        gap = text[last.end : credit.start] if last is not None else ""
        if last is not None and (last.text.startswith(_SHARED) or credit.text.startswith(_SHARED)):
            merged.append(credit)  # an Instagram embed's account is a post's own credit, never a neighbour's part
        elif last is not None and (_MERGE_GAP.match(gap) and _agree(last, credit) or
                                 _near(gap) and _compatible(catalog, last, credit)
                                 and (_completes(last, credit) or _photographer_in_brackets(text, last, credit))):
            merged[-1] = _fill(catalog, last, credit)
        elif last is not None and (people := processed_by(catalog, text, last, credit, gap)):
            merged[-1] = replace(last, creator=people, end=credit.end, text=text[last.start : credit.end].strip())
        elif last is not None and _source_of_holder(last, credit, gap):
            merged[-1] = replace(last, via=credit.organization, license=credit.license or last.license,
                                 license_url=credit.license_url or last.license_url, end=credit.end,
                                 text=text[last.start : credit.end].strip())
        else:
            merged.append(credit)
    return merged


_SHARED = "A post shared by"  # credit_spans.shared_posts
_SOURCE_LEAD = re.compile(r"(?i)(?:source|quelle|fonte|fuente)\s*:")


def _source_of_holder(one: Credit, other: Credit, gap: str) -> bool:
    """'© European Union 2019 – Source: EP (CC-BY-4.0)': a rights holder named alone, then on the same line a
    'Source:' naming one body alone (and the terms it gives): the body the picture came through, the holder's
    credit's via."""
    if not (one.organization and one.copyright) or one.creator or one.via or "\n" in gap or gap.strip(" \t–—-|"):
        return False
    return bool(other.organization and not other.creator and not other.via and _SOURCE_LEAD.match(other.text))


def _footer(credits: list[Credit]) -> Credit | None:
    """The last credit, if it names an organisation alone with its reserved rights (`_rights_footer`)."""
    last = credits[-1] if credits else None
    if last is None or not last.organization or last.creator or last.via or last.license_url or last.source_url \
            or not (last.copyright or last.license) \
            or (last.license or "").casefold() not in ("", "all rights reserved"):
        return None
    return last


def _rights_footer(credits: list[Credit]) -> list[Credit]:
    """'WHO/Jane Roe', a paragraph, then '© WHO. All rights reserved.' closing the text: a page's rights footer held
    by the organisation the earlier credits name is their rights statement, however far below them; read into every
    earlier credit of that organisation that states none, and no credit of its own. Only a last credit that names
    the organisation alone (no creator, via, link or license other than the reserved rights) is such a footer."""
    last = _footer(credits) if len(credits) > 1 else None
    if last is None or last.organization is None:
        return credits
    holder = last.organization.casefold()
    earlier = [c.organization is not None and c.organization.casefold() == holder and not c.license
               and not c.license_url and not c.copyright for c in credits[:-1]]
    if not any(earlier):
        return credits
    return [replace(c, license=last.license, copyright=last.copyright) if same else c
            for c, same in zip(credits[:-1], earlier, strict=True)]


def may_merge(gap: str) -> bool:
    """Whether credits with `gap` between them (read in `read_credits`' text) may be merged into one, whatever
    they say: False when the gap holds prose (or anything but spaces and punctuation on nearby lines)."""
    return bool(_MERGE_GAP.match(gap)) or _near(gap)


def _completes(one: Credit, other: Credit) -> bool:
    """Whether credits side by side or on nearby lines can be one: a line that names a party of its own (a creator
    or an organisation) after one that did completes it under a key of the credit ('Autor: X' then 'Kredit: Y',
    'Source: …'), but one that opens with an image's own lead-in starts the credit of another image ('Photo: Jane
    Roe' then 'Map: OpenStreetMap contributors', or 'Photo: Reuters')."""
    both = (one.creator or one.organization) and (other.creator or other.organization)
    return not (both and _IMAGE_LEAD.match(other.text))


def _photographer_in_brackets(text: str, one: Credit, other: Credit) -> bool:
    """'© IOM 2014 (Photo by Jane Roe)': a rights holder named without a photographer, then right after it, in
    brackets, a credit naming only the photographer: one credit, the bracket's person its creator."""
    if one.creator or not (one.organization or one.copyright) or not other.creator \
            or other.organization or other.via or other.license:
        return False
    return text[max(0, other.start - 2) : other.start].strip()[-1:] == "("


def _near(gap: str) -> bool:
    """Credits side by side ('By X on Flickr. Image licensed under …') or on nearby lines, with nothing
    between them that reads as prose."""
    if _LINE_GAP.match(gap) or _MERGE_GAP.match(gap):
        return True
    rest_of_line, _, lines_between = gap.partition("\n")  # a remark may end the first credit's line; no text after
    return bool(_NEAR_GAP.match(gap)) and not _PROSE.search(rest_of_line) and not _WORDS.search(lines_between)


def _agree(one: Credit, other: Credit) -> bool:
    a, b = one.fields(), other.fields()
    shared = [k for k in ("creator", "organization", "via") if a[k] and b[k]]
    return bool(shared) and all(str(a[k]).casefold() == str(b[k]).casefold() for k in shared)


def _compatible(catalog: Catalog, one: Credit, other: Credit) -> bool:
    """Credits on consecutive lines that complete each other ('Autor: X' then 'Lizenz: CC BY-SA 4.0'); a
    license written twice in two spellings ('Attribution-NonCommercial 2.0 Generic', 'CC BY-NC 2.0') agrees."""
    a, b = one.fields(), other.fields()
    return all(not a[k] or not b[k] or str(a[k]).casefold() == str(b[k]).casefold()
               or k == "license" and _same_license(catalog, str(a[k]), str(b[k])) for k in a)


def _same_license(catalog: Catalog, one: str, other: str) -> bool:
    first, second = resolve_license_name(catalog, one), resolve_license_name(catalog, other)
    return first.license is not None and second.license is not None and first.license.id == second.license.id


def _fill(catalog: Catalog, one: Credit, other: Credit) -> Credit:
    changes: dict[str, Any] = {k: v for k, v in other.fields().items() if v and not one.fields()[k]}
    changes["end"] = max(one.end, other.end)
    merged = replace(one, **changes)
    opened = merged.via or merged.license_url or merged.source_url or \
        (merged.license or "").casefold() not in ("", "all rights reserved")
    if opened and merged.organization and not merged.creator and lone_brand(catalog, merged.organization):
        # 'Photo: Lambtron' then 'License: CC BY-SA 4.0': a one-word name with an open license is a username
        merged = replace(merged, creator=merged.organization, organization=None)
    elif not opened and one.creator and other.creator and one.creator.casefold() == other.creator.casefold() \
            and (one.copyright or other.copyright) and not merged.organization and lone_brand(catalog, one.creator):
        # 'Foto: Freepick' then '© Freepick': one word credited and holding the ©, a brand crediting its own image
        merged = replace(merged, organization=merged.creator, creator=None)
    return merged
