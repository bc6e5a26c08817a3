"""The lead-ins that open a credit in running text: the patterns credits.py scans a whole text with.

`LEAD_IN` takes a lead-in word or phrase where a credit can start (a line, a bracket, a quote, a sentence: 'Photo:',
'Photo by', 'Crédit photo :', '写真＝', a caption-closing 'Foto Jane Roe'); `ANYWHERE_LEAD_IN` the few that need no
position (a rights sign, 'Photos by' after a word); `WEAK_LEAD_IN` the ones that lead a credit only where a name
follows ('Right:', ', by', 'Photo Jane Roe / AFP'); `BY_LICENSE` a work's title or 'Photo' before 'by' and its
licence. `CREDIT_STOP` ends a credit at what follows it on the same line (a wire code, a figure's label, a
dateline), `BOILERPLATE` is the wire's text blanked before reading, `ABBREVIATION` a stop that ends no sentence.
Each scan is led by the characters its matches start with (scan.with_first_chars).
"""

from __future__ import annotations

import re

from provenance.parse.credit_fields import LINK_ADDRESS
from provenance.parse.credit_words import (
    AI_LEAD,
    BY_WORDS,
    CAPTION_END_LEADS,
    CREDIT_DASH,
    GROUPING_WORDS,
    LEAD_IN_NO_COLON_WORDS,
    LEAD_PHRASES,
    LICENSED_WORK,
)
from provenance.parse.scan import dispatched, with_first_chars

# After a lead-in word, 'via' and a name that ends the credit ('Image via TikTok/@handle', 'Photo via Reuters'): the
# via stays in the body; 'Images via satellite show …' is prose.
_VIA_NAME = (r"(?=\svia\s+(?-i:[A-Z@])[\w.@-]*(?:[ \t]+(?-i:[A-Z])[\w.-]*){0,3}[ \t]*(?:[/,;.()\]\n]|$))")
# A name alone on the rest of its line, after a lead-in word written with no colon ('Beeld Lauren Hillebrandt',
# 'Фото И. Маринковић'): two to four capitalised words or initials (surname particles between them), or one agency's
# name in capitals ('Beeld ANP').
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ĶĹ-ŇŌ-ŽА-ЯЁЂЃЄЅІЇЈЉЊЋЌЎЏ"
_PARTICLES = r"(?:van|de|der|den|ten|ter|von|da|di|do|dos|del|la|le)[ \t]+"  # 'Maartje de Ridder'
# A name alone: capitalised words, initials in capitals, or an agency's mixed capitals ending in two or more ('БелТА'
# after 'Фота'; not 'МиГ', an aircraft's maker)
_NAME_ALONE = (rf"(?-i:(?:[{_UPPER}][\w'’.-]*)(?:[ \t]+(?:{_PARTICLES}){{0,2}}[{_UPPER}][\w'’.-]*){{1,3}}|"
               rf"[{_UPPER}]{{2,8}}|[{_UPPER}][a-zà-ÿа-яёіїєў]{{1,3}}[{_UPPER}]{{2,4}})")
# The same lead-in words with no colon closing a caption (credit_words.CAPTION_END_LEADS, each with its first letter as
# written): after a sentence's stop or alone in a bracket, a name alone or a chain ('Jane Roe/LaPresse') up to the
# line's end (a stop, or the bracket, before it).
CAPTION_END_LEAD = "|".join(rf"(?-i:{re.escape(word[0])})" + re.escape(word[1:]).replace(r"\ ", r"[ \t]+")
                            for word in CAPTION_END_LEADS)
_END_CHAIN_LINK = (rf"(?-i:[{_UPPER}][\w'’.&-]*(?:[ \t]+(?:{_PARTICLES}){{0,2}}[{_UPPER}][\w'’.&-]*){{0,3}})")
_CAPTION_END_RUN = rf"[ \t]+{_NAME_ALONE}(?:[ \t]*/[ \t]*{_END_CHAIN_LINK}){{0,3}}[ \t]*"
# The photo family's word in lower case opening a bracket that is its line, a name closing it ('(photo Jane Roe)'
# between a story's paragraphs): the bracket holds the credit alone (credits._named_after_end_lead wants a full name
# in it)
LINE_BRACKET_LEAD = r"(?:(?<=^\()|(?<=\n\())(?-i:photos?|fotos?)"
_AT_CAPTION_END = (rf"(?:(?<=[.!?…][ \t])|(?<=[.!?…][\"”’][ \t]))(?:{CAPTION_END_LEAD})"
                   rf"(?={_CAPTION_END_RUN}\.?[ \t]*(?:\r?\n|$))|"
                   rf"(?<=\()(?:{CAPTION_END_LEAD})(?={_CAPTION_END_RUN}\)[ \t]*\.?[ \t]*(?:\r?\n|$))|"
                   rf"{LINE_BRACKET_LEAD}(?=[ \t]+{_NAME_ALONE}\)[ \t]*(?:\r?\n|$))")
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
# a month after the year is a date, not the holder ('Satellite image 2022 October, before the dam breach')
_NOT_A_MONTH = (r"(?![ \t]+(?-i:(?:January|February|March|April|May|June|July|August|September|October|November"
                r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b))")
LEAD_IN = re.compile(
    r"(?i)(?P<lead>(?:(?:\b|(?<=_)(?<![^\s(\[*]_))"  # a word's start, or inside Markdown emphasis: '_Photo: …_'
    r"(?:" + _PICTURES_COURTESY + r"|(?:" + dispatched(LEAD_PHRASES, re.IGNORECASE) + r")"
    r"\s*(?:(?:\(c\)|(?-i:copyright))\s*)?"
    r"(?:[:=：]|\s-\s|" + CREDIT_DASH + r"|\s" + BY_WORDS + r"\b|"
    + _VIA_NAME
    + r"|(?:(?<=\(c\))|(?<=[ \t](?-i:copyright)))(?=[ \t]+(?-i:[A-Z]))"  # 'Photos (C) Jane Roe': the rights
    # sign written out ends the lead-in, and so does the word in lower case ('Photo copyright FAO/ Jane Roe'; a
    # heading's 'Photo Copyright Basics' is no credit); so does the sign's year after it ('Satellite image (c) 2023
    # Maxar Technologies | Getty Images', 'Photo (c) 2021 Jane Roe')
    r"|(?<=\(c\))[ \t]*(?:19|20)\d\d(?=[ \t]+(?-i:[A-Z]))" + _NOT_A_MONTH + r")|"
    # a satellite picture's rights year where a page dropped the sign ('Satellite image 2023 Maxar Technologies./Handout
    # via REUTERS'): the year, then the company's capital
    r"satellite\s+(?:image|photo)[ \t]+(?:19|20)\d\d(?=[ \t]+(?-i:[A-Z]))" + _NOT_A_MONTH + r"|"
    r"(?=[iakgcplmthf])(?:" + AI_LEAD + r"|capture\s+d['’][ée]cran(?=\s+(?-i:[A-Z])))|"  # a generator's, a screenshot's
    r"(?:billedet\s+er\s+taget|bildet\s+er\s+tatt|bilden\s+är\s+tagen|foto\s+gemaakt)\s+(?:af|av|door)\b|"  # 'taken by'
    # a sentence that says who took the picture ('This photograph was taken by Jane Roe as part of …', 'Photo taken by
    # Jane Roe', 'Photos taken by Jane Roe in Harwick')
    # (a capital after it, no one's relative: 'taken by me', '… by My Daughter' name no one)
    r"(?:(?:this|the)\s+)?(?:photo(?:graph)?|image|picture)s?\s+(?:was\s+|were\s+)?(?:taken|shot)\s+by\b"
    r"(?=\s+(?-i:[A-Z@]))(?!\s+(?:my|our|his|her|their|your|its)\b)|"
    # ('The photograph above is by Jane Roe/AFP', 'The picture below is by Tom Bell.': a capital after it; 'is by far …'
    # names no one)
    r"(?:this|the)\s+(?:photo(?:graph)?|image|picture)\s+(?:(?:above|below|here)\s+)?is\s+by(?=\s+(?-i:[A-Z]))|"
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
    # Indonesian and Malay 'Foto oleh <Name>', 'Gambar oleh <Name>' (photo, picture by), as written (a capital or a
    # handle after it: 'foto oleh warga' in a sentence is prose)
    r"(?-i:Foto|FOTO|Gambar|GAMBAR)[ \t]+(?-i:oleh|OLEH)(?=[ \t]+(?-i:[A-Z@]))|"
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
    r"(?-i:" + LEAD_IN_NO_COLON_WORDS + r")(?=[ \t]+" + _NAME_ALONE
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
    # ('Screenshot courtesy of CPAC': a still of a broadcaster's feed)
    # ('Portrait courtesy of Jane Roe': a profile's picture, the sitter or the studio lending it)
    r"(?:(?:all\s+)?(?:(?:site|other)\s+)?(?:handout\s+)?(?:photo(?:graph)?s?|(?:digital\s+)?images?|webcam|video|"
    r"screenshots?|screen[ \t]?grabs?|(?:3d\s+)?models?|portraits?)"
    r"(?:\s+(?:and|&)\s+videos?)?\s+(?:provided\s+)?)?"
    # ('Courtesy admission; …' in an invitation: no word in lower case after a bare 'Courtesy' but an article's or a
    # role's, 'Courtesy the artist', 'Courtesy photo'; neither a name that opens in lower case, 'Courtesy eBay', nor a
    # name's particle before its capital, 'Courtesy de Volkskrant', 'Courtesy van der Berg')
    # ('With courtesy of Ford Motor Company.', a textbook's figure; 'Photo courtesy of the' closing a line before the
    # holder's name on the next, a link's text broken there: the article goes with the lead-in; 'With courtesy of
    # Harwick Hotels, the delegates stayed …' opens a sentence, a comma and a word in lower case after the name)
    r"(?:with\s+(?![^\n,()]{1,80},[ \t]+(?-i:[a-z])))?courtesy(?:\s+of\b(?:[ \t]+the(?=[ \t]*\r?\n[ \t]*[^\W\d_]))?|"
    r"\b(?!\s+(?!(?:the|by|to|from|photos?|images?|d[aeiu]|del|della|de[nr]|van|von|la|le|"
    r"ten|ter|dos|das)\b)(?-i:[a-z]+(?![^\W\d_]))))|"
    r"(?:used|reproduced|reprinted)\s+(?:with|by)\s+(?:the\s+)?(?:kind\s+)?permission\s+(?:of|from)\b|"
    r"collection\s+of\b|"
    r"(?:this\s+)?(?:image|photo|picture)\s+belongs\s+to\b|copyright(?=\s+(?:\(c\)|©|\d{4}\b|[A-Z]))|"
    # the BBC's label, glued to the holder in copied page text ('Image copyrightEPAImage captionThe …'), in lower case
    # on Newsbeat's pages ('image copyrightJane Roe/Harwick Photo Awards')
    r"(?-i:[Ii]mage[ \t]?copyright(?=[ \t]*[A-Z]))|"
    r"(?:media:|image_?|photo_?|cover_?)?(?:credit|source_label|attribution)\w*[\"']?\s*[:=]\s*\[?\s*[\"'])|"
    # lead-ins in other scripts (CJK, Arabic, Persian, Hebrew, Hindi, Thai, Greek) behind one test of the script
    r"(?=[^\x00-\u024f])(?:(?:写真|画像)(?:提供)?\s*[:：=＝/◎]|出典\s*[:：]|撮影者?\s*[・:：=＝◎]|"
    r"사진(?:(?:\s*제공)?\s*[:=＝]|\s*제공\.(?=[ \t]+\S)|(?=[ \t]+[^\s=:\])]{2,20}[ \t]*제공))|图片来源\s*[:：]|"
    r"(?:الصورة|صورة|تصوير|المصدر|ảnh|צילום(?:\s+(?:מסך|ארכיון|להמחשה|אילוסטרציה)){0,2}|קרדיט|عدسة|عکاس|عکس|تصویر|فوٹو|ছবি|ফটো|फ़?ोटो|तस्वीर|(?:รูป)?ภาพ|"
    r"φωτογραφ[ίι]ες|φωτογραφ[ίι]α|φωτο|"
    r"[来來图圖]源|छायाचित्र|ফটোগ্রাফার)\s*[:：]|(?:사진\s*)?출처\s*[:=＝,]|छायाकार\s*[:：–—-]|"
    # Nepali 'तस्बिर:' (picture:; 'तस्विर' as often spelt), plural 'तस्बिरहरू:', and the visarga 'ः' typed for the colon
    # ('तस्बिरः Jane Roe'); Sinhala 'ඡායාරූපය:' (photograph:), as misspelt 'ඡයාරූප' too
    r"तस्[बव]िर(?:हरू|हरु)?(?:[ \t]*[:：]|ः)|ඡා?යාරූප(?:ය)?[ \t]*[:：]|"
    # with a dash for the colon, Bengali 'ফটোগ্রাফার-' (photographer-) and Sinhala 'ඡායාරූප -' (photographs -): only
    # where the credit is the rest of its line, no digit first and no sentence's stop in it ('ফটোগ্রাফার-সাংবাদিক …
    # থাকেন।', a photojournalist in a sentence; 'ඡායාරූප - 2019 …', a heading)
    # (and a name's length, three words at most before the chain's slash or the line's end: 'ফটোগ্রাফার- বিয়ের
    # অনুষ্ঠানের জন্য যোগাযোগ করুন', a photographer's advert, and 'ඡායාරූප - විවාහ මංගල්‍ය සඳහා අමතන්න' name no one)
    r"(?:ফটোগ্রাফার|ඡා?යාරූප(?:ය)?[ \t])[ \t]*[–—-](?![ \t]*\d)(?=[^\n.।]{2,60}(?:\r?\n|$))"
    r"(?=[ \t]*[^\s/]+(?:[ \t]+[^\s/]+){0,2}(?:/|[ \t]*(?:\r?\n|$)))|"
    # BBC Urdu's 'Image source' label copied from the page glued to its holder, the Arabic comma before it (the
    # right-to-left text's order: '،تصویر کا ذریعہGetty Images') at the line's start
    r"(?<![^\n])،[ \t]?تصویر[ \t]+کا[ \t]+ذریعہ(?=[^\s،])|"
    # Thai and Hindi captions' closing bracket with a dash for the colon: '(ภาพ – รอยเตอร์)', '(फोटो - Jane Roe)';
    # a hyphen with no space only before one word that closes the bracket ('(फोटो-पीटीआई)'), never a compound's
    # second word ('(फोटो-फीचर)', '(फोटो-गैलरी देखें)', '(फोटो-प्रमाण सहित)': a photo feature, gallery, proof)
    r"(?<=[(（])(?:ภาพ[ \t]*[–—-]|फ़?ोटो(?:[ \t]+[–—-]|[–—-][ \t]+|-(?=[^\s)]{2,20}\))(?!(?:गैलरी|फ़?ीचर|फिचर)\))))|"
    # the BBC World Service's 'Image source, Getty Images' in Hindi, Punjabi, Persian, Arabic, Urdu, Chinese
    # (never after a comma: '警方表示，图片来源，一名当地居民，…' is a clause of a sentence, not the label)
    r"(?<![,，،、])(?<![,，،、][ \t])"
    r"(?:(?:इमेज|तस्वीर)\s+स्रोत|ਤਸਵੀਰ\s+ਸਰੋਤ|منبع\s+تصویر|مصدر\s+الصورة|تصویر\s+کا\s+ذریعہ|பட\s+மூலாதாரம்|图片来源|"
    r"圖片來源)\s*[,،，])|"
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
_OBTAINED_WORDS = ("image", "images", "picture", "pictures", "photo", "photos", "photograph", "grab", "still", "video",
                   "footage")  # what a wire obtained, right before 'obtained by' (ANYWHERE_LEAD_IN)
ANYWHERE_LEAD_IN = re.compile(
    # ('© 2023 by Jane Roe', 'Photo ©2023 by Jane Roe': the year of the rights and 'by' before the holder, a church's or
    # a club's page writes them so)
    r"(?P<lead>©\s*(?:(?:19|20)\d\d[ \t]+by[ \t]+(?=[A-Z]))?|"
    r"無断(?=(?:転載|複製|使用)(?:[・、]?(?:転載|複製|使用))*を?禁)|"  # '無断転載・複製を禁じます': reserved rights
    r"\((?i:c)\)[ \t]*(?=(?:19|20)\d\d,?[ \t]+[A-Z][\w.&'’-]*(?:[ \t]+(?:[A-Z\d][\w.&'’-]*|&|and|of))*,?[ \t]+"
    r"(?i:all[ \t]+rights[ \t]+reserved|inc|ltd|llc|corp)\b)|"
    r"Credit(?:\.{3}|…)[ \t]*|"
    # a picture a wire got from a third party, named at the caption's end ('…, in this still image taken from a video
    # obtained by REUTERS', '… in this handout picture obtained by Reuters.'): who obtained it is the via
    # (credits._obtained_by_via); the picture's or the video's word right before (the literal first, the word looked
    # back at: no cost where 'obtained' is not written); one to four capitalised words closing the sentence or the line
    # ('A photo obtained by Reuters shows …' goes on: prose; 'documents obtained by Reuters' are no picture)
    r"(?i:obtained(?:" + "|".join(rf"(?<={word}[ ]obtained)" for word in _OBTAINED_WORDS) + r")\s+by\s+)"
    r"(?=(?:the\s+)?[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3}[ \t]*(?:[.;]?[ \t]*(?:\r?\n|$)|[.;][ \t]))|"
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
    # '(c)' after a caption's last word, before a short chain closing the line ('A herd of caribou, Harwick National
    # Park (c) Jane Roe_WWF-Harwick', 'Caribou on the tundra (c) Jane Roe/WWF'): a slash or an underscore in it; an
    # enumeration's third item ('… (b) the fee and (c) Late filing') has no link
    # (nor a clause's or a paragraph's: 'section (c) Federal/State claims'); the first link a full name in capitals
    # ('… (c) Input/Output', a figure's third panel, names no one) or an agency's address ('(c) naturepl.com_Jane
    # Roe_WWF')
    r"(?<=[A-Za-z][ \t])(?<!\band[ \t])(?<!\bor[ \t])" + "".join(
        rf"(?<![{w[0].upper()}{w[0]}]{w[1:]}[ \t])" for w in ("paragraph", "section", "clause", "item", "article",
                                                             "point", "letter", "subsection"))
    + r"\((?-i:c)\)[ \t]+(?=(?-i:[A-Z][a-z][\w'’-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’.-]*){1,3}|[a-z]+\.(?:com|org|net)"
    r"(?=[/_]))[/_](?-i:[A-Z])[^\n/]{1,50}(?:/[^\n/]{1,50})?[ \t]*(?:\r?\n|$))|"
    # glued to a sentence's stop or an ellipsis, before a capital, a digit ('for real?Photo: 20th Century Fox/…') or one
    # lower-case word closing the line ('… gewannen am Ende 2:1 .Foto: ddp', '… und ...Foto: Getty': a gallery's caption
    # run into its credit)
    r"(?<=[.!?…])(?-i:(?:Photo|Foto|Bild|Image|Credit|Ảnh)\s?:\s*(?=[A-Z\d@]|[a-z]{2,8}[ \t]*(?:\r?\n|$)))|"
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
    # (or glued to the alt text's full stop: '… off the sheep's backs.Image source, Jane Roe / Harwick Awards')
    r"(?:(?<=[^\W\d_])|(?<=[^\W\d_],)|(?<=[^\W\d_][.!?]))"
    r"(?-i:Image[ \t]source),[ \t]*(?=[A-Z@\d])|"
    # the same label in Hindi and Tamil after the byline's last word in an aggregator's copy ('… 21 நிமிடங்களுக்கு
    # முன்னர் பட மூலாதாரம், ARUN SANKAR/getty images …'): a Latin capital after it
    r"(?<=\S[ \t])(?:(?:इमेज|तस्वीर)[ \t]+स्रोत|பட[ \t]+மூலாதாரம்)[ \t]*,[ \t]*(?=[A-Z@])|"  # (no digit: 'इस …
    # रिपोर्ट का इमेज स्रोत, 2020 की …' is a sentence)
    # after a bracket that closes a source of the text, a capital next ('(Nilalaman hango sa ABS-CBN News) Photo: CNN',
    # a Filipino blog: the text's source, then the picture's; 'Her photo (left) Photo: the crowd' is prose)
    r"(?<=\)[ \t])(?-i:(?:Photo|Foto|Image|Credit)\s?:\s*(?=[A-Z@]))|"
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
BY_LICENSE = re.compile(
    r"(?im)(?:^|(?<=[\[(\"“\s]))(?<!\bCC[\s-])(?P<lead>(?:[\"“„«][^\"”“»\n]{1,200}[\"”“»]" + _TITLE_LINK
    + r"(?:\s*+,)?\s++)?(?:(?:image|photo|picture|icon)s?" + _TITLE_LINK + r"\s++)?(?:by|par)\s++|"
    + r"[\"“„«][^\"”“»\n]{1,200}[\"”“»]" + _TITLE_LINK + r"(?:\s*+,)?\s++(?=via\s))"
    r"(?=[^\n]{0,300}?(?:licen[sc]|\bCC[\s-]|\bCC0\b|via\s|public\s+domain)|"
    # or, after a quoted title, a rights statement in brackets right after the name, as a photo contest's gallery
    # credits its finalists ('“Harwick Dawn” by Jane Roe (All rights reserved). Finalist, Natural World.')
    # (the bracket closing the credit: a stop, a comma or the line's end after it; '… (All rights reserved) is out now
    # in paperback', '… on our playlist' speak of a book's or a song's rights in a sentence)
    r"(?<=[\"”»][ \t]by[ \t])[^\n()]{1,60}\((?i:all\s+rights\s+reserved)\)(?=[ \t]*(?:[.,;]|\r?\n|$)))"
)

# initials (Latin and Cyrillic: 'И. Маринковић') and a few abbreviations; ranks and titles: credit_words
ABBREVIATION = re.compile(r"(?:\b[A-ZА-ЯЁЂЃЄЅІЇЈЉЊЋЌЎЏ]|\b(?:Inc|Co|Corp|Ltd|U\.S|U\.K|Fot|al|Univ))\.$")

# A wire code ends the credit ('(8137137dr)'), and so does the label of the next figure ('… School Figure 16.14').
# A wire dateline ends a lead-in credit as it ends a tail one ('Photo: X/Reuters Mar 3 (Reuters) - Grain …').
CREDIT_STOP = re.compile(
    r"(?<=\s)(?:\(\d{5,}[a-z]{0,3}\)|(?:Figure|Fig\.|Abbildung|Abb\.|Figura|Рис\.)[ \t]?\d{1,3}(?:[.-]\d{1,3})*\b|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]+\d{1,2}[ \t]+\([^()\n]{2,30}\))|"
    # a Japanese magazine's '@' and the date after the photographer ('写真=山田太郎@4月20日●中日5-2阪神')
    r"(?<=[^\x00-\u024f])@(?=\d{1,2}月\d{1,2}日)|"
    # the same dateline cut short by a news feed, glued to the name before it ('/Lee SmithAug 30 … [+1395 chars]')
    r"(?<=[a-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]+\d{1,2}"
    r"(?=[ \t]*(?:…|\.\.\.|\r?\n|$))|"
    # APOD's text after its credit line ('Credit & Copyright: Jane Roe (TWAN) Explanation: Today's …')
    r"(?<=\s)Explanation:(?=\s)|"
    # the next headline glued to a holder's closing stop in copied page text ('Courtesy of the Harwick Coalition.Kids!
    # Get in Touch …'): a word of three lower-case letters or more, the stop, then a capitalised word glued to a mark
    # ('Kids!', 'Related:') or a page's own button ('….Read More', '….Donate Now', '….Contact Us'). An initial's stop
    # ('J.Roe'), an address's ('Harwick.Com'), a handle's ('Jose.Mx', 'Jane.Roe / Reuters'), an abbreviation's run into
    # the next word ('Harwick Dept.Fish And Game', 'Calif.State Parks', 'Mohd.Faisal Rahman') and a studio named by a
    # dotted handle ('Jose.Martinez Photography') are no such place: two capitalised words alone end nothing
    r"(?<=[a-z]{3})\.(?=[A-Z][a-z]{2,}[!?:]|(?:Read|Contact|Donate|Subscribe|Share|Sign|Log|Click|Follow|Related|"
    r"Advertisement|Skip|Download|Join|Learn)\b)(?!(?i:com|org|net|gov|edu|info|io|co)\b)|"
    # a picture library's catalogue number after the photographer ('Photographer: Jane Roe Image number: 1591021',
    # 'Image ID: 2B7X9K4'): the library's field, no part of the name
    r"(?<=\s)(?-i:Image|IMAGE)[ \t]+(?i:number|no\.|id|ref(?:erence)?)[ \t]*:(?=[ \t]*[\dA-Z#])|"
    # the BBC's caption label after its credit ('Image copyright Getty Images Image caption Crowds …'), glued too
    r"(?-i:Image[ \t]?caption)(?=[ \t]*[A-Z\"“‘'])|"
    # a file page's note after a dash ('CDC/ Jane Roe - This media comes from the CDC's Public Health Image Library')
    r"[-–—][ \t]+(?=This[ \t]+(?:image|media|photo(?:graph)?|picture|file)[ \t]+(?:comes|is|was)\b)|"
    # after a name's last letter: a video's length closing the line ('Photograph: Inpho 6:50', The Irish Times'
    # video teasers), or the number of a gallery's next caption ('Source: Jane Roe/INPHO 4. Cork's …', TheJournal)
    r"(?<=[A-Za-z][ \t])(?:\d{1,2}:\d\d(?=[ \t]*(?:\r?\n|$))|\d{1,2}\.[ \t]+(?=[A-Z][\w'’]*[ \t]))|"
    # a JSON dump's escaped quote closing an alt text, before the tag's next attribute or its end ('Ảnh: TTXVN\" src=\"
    # https://…\" />'): the tag's markup is no part of the credit (it had given the creator 'src')
    r"\\\"(?=[ \t]+[a-z][\w:-]{0,30}=\\\"|[ \t]*/?>)"
)

BOILERPLATE = re.compile(
    r"(?i)(?:attention\s+editors\s*-\s*)?this\s+image\s+has\s+been\s+supplied\s+by\s+a\s+third\s+party\.?|"
    r"\bno\s+resales\.?|\bno\s+archives\.?|\(photo\s+not\s+for\s+sale\)|\bmandatory\s+credit\b(?!\s*:)|purchase\s+licensing\s+rights,?"
    r"(?:\s+opens\s+new\s+tab)?|(?:…[ \t]{0,3})?\[\+\d+\s+chars\]|"
    # 'FILE PHOTO:' opening a wire caption; between an outlet's initials and a name in capitals ('ST FILE PHOTO: JANE
    # ROE') it leads a credit ('AP FILE PHOTO: A man walks …' stays blanked: the agency before it is read alone)
    r"(?:(?<!(?-i:\b[A-Z]{2})\s)(?<!(?-i:\b[A-Z]{3})\s)|"
    r"(?!file\s+photo\s*:\s*(?-i:[A-Z][A-Z'’.-]+[ \t]+[A-Z][A-Z'’.-]+\b)))\bfile\s+photo\s*:|\btopshot\s*-|"
    r"\+\+\+[ \t]*dpa-[a-z]{1,20}[ \t]*\+\+\+|"
    # dpa's picture-wire mark ('+++(c) dpa - Bildfunk+++', then '| Verwendung weltweit', free to use worldwide): the
    # rights sign and the agency stay, read as '(c) dpa'; the wire's name is no distributor's
    r"\+\+\+(?=[ \t]*\(c\)[ \t]*dpa[ \t]*-[ \t]*bildfunk\b)|"
    r"(?:(?<=dpa[ \t])|(?<=dpa))-[ \t]*bildfunk[ \t]*\+\+\+(?:[ \t]*\|?[ \t]*verwendung[ \t]+weltweit)?"
)

# The scans of the whole text, led by a look-ahead for the characters their matches start with (scan.py):
# the same matches, a fraction of the time on prose and on hostile text.
LEAD_IN, ANYWHERE_LEAD_IN, WEAK_LEAD_IN, BY_LICENSE, BOILERPLATE, CREDIT_STOP, ABBREVIATION = (
    with_first_chars(p) for p in (LEAD_IN, ANYWHERE_LEAD_IN, WEAK_LEAD_IN, BY_LICENSE, BOILERPLATE, CREDIT_STOP,
                                  ABBREVIATION))
