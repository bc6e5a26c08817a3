"""The words of credit lines, as tables: lead-ins, roles, ranks and the words organisations use.

Pure data with the few compiled patterns built from it; the grammar that uses them is in
credits.py (where a credit is) and credit_fields.py (what each part of it is).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from provenance.parse.scan import dispatched, gate_passes, gated_sub, lowered_for_gates, with_first_chars

# Lead-ins that open a credit, by language. "by" alone is not one (a byline); "Photo by" is.
LEAD_PHRASES = (
    # Archive marks (the image is an older one; the mark names no one), only before a colon, and first: 'Foto de
    # archivo:' is no 'Foto de' ('Photo by'). 'File:' and 'Archive:' alone lead file names and dates as often: see
    # LEAD_IN_TEXT.
    r"(?:f(?:ile\s+(?:photo(?:graph)?|image|picture)|oto\s+(?:de\s+ar(?:chivo|quivo)|d['’]archivio))|"
    r"archiv(?:e\s+(?:photo|image|picture)|bild|foto)|archie(?:ffoto|fbeeld)|imagen\s+de\s+archivo|photo\s+d['’]archives?|"
    r"zdj[eę]cie\s+archiwalne|арх(?:ивное|івне)\s+фото|"
    # illustration marks: 'Symbolfoto: dpa', 'Photo d'illustration : X', 'Foto ilustrativa: X'
    r"symbol(?:foto|bild)|photo\s+d['’]illustration|(?:foto|imagen|imagem)\s+ilustrativa)(?=\s*[:：])",
    # English
    # (the blanks after the colon belong to 'photo by' alone: the blanks after every lead phrase take them otherwise,
    # and the two runs, split every way, made 'Mandatory credit:' and 6,000 tabs take 4 s)
    r"mandatory\s+credit\s*:(?:\s*photo\s+by)?", r"photo\s+credit\s+should\s+read",
    r"(?:photo(?:graph)?|image|picture|artwork|header\s+image|header\s+photo|feature(?:d)?\s+image|cover\s+image|background|"
    r"hero\s+image)\s+(?:credits?|attribution|source)", r"photos?\s*credit",  # 'PHOTOCREDIT:' glued too
    r"credits?\s+for\s+(?:the\s+)?original\s+(?:image|photo|figure)",  # 'Figure adapted from ref. 89; credit for …'
    r"(?:image\s+)?credit\s*(?:&|and)\s*copyright",  # APOD: 'Image Credit & Copyright: Jane Roe'
    r"credits?", r"image\s+attribution",
    r"content\s+provider(?:s?\(s\)|s)?",  # the CDC's image library: 'Content Providers(s): CDC/ Dr. Jane Roe'

    r"(?:(?:staff|pool|handout|courtesy|all)\s+)?photo(?:graph(?:y|ie)?)?s?(?:[\s-]+illustration)?",  # 'All photos:'
    # a family's own picture that an outlet passed on ('(Family photo via Ynet)'): only before 'via' and the outlet
    # ('Family photo: Jane Roe' may name who is shown)
    r"family\s+(?:photo(?:graph)?s?|pictures?|handout)(?=\s+via\s)",
    # a range of a post's pictures ('Photos 7-9: Jane Roe', a blog crediting a guest for some of them), before a colon
    # and a capital or a handle after it ('Photos 1-3: the finished kitchen' describes the pictures)
    r"photos\s+\d{1,3}[ \t]*[-–][ \t]*\d{1,3}(?=[ \t]*:[ \t]*(?-i:[A-Z@]))",

    r"photographer", r"photographed", r"composite", r"fotograf",
    r"image\s+creator(?=\s*[:：])",  # a volcano observatory's '[Image courtesy of AVO; Image Creator: Jane Roe]'
    # IPTC's field names written out ('Creator: Jane Roe - FIFA', 'Attribution: Getty'), before a capital or a handle,
    # never before a licence's terms ('Attribution: Required', 'Attribution: NonCommercial'); at a line's start only
    # (credits.FIELD_NAME_LEAD: 'The series. Creator: Jane Roe.' names a show's maker)
    r"(?:creator|attribution)(?=\s*[:：]\s*(?-i:[A-Z@]))(?!\s*[:：]\s*(?:required|not\b|optional|appreciated|none\b|"
    r"no\b|yes\b|non-?commercial|share-?alike|no-?deriv))",
    # an image's field list ('* Author: Jane Roe' / '* License: CC BY 2.0'): 'Author:' names the image's maker only
    # where a licence field follows within three lines (alone it is a post's byline), and that licence is a public
    # one for pictures (a package's 'License: MIT', 'License: GPL-3.0' is a program's; a post's lower-case YAML keys
    # 'author:' / 'license:' are its front matter, not an image's fields)
    r"(?-i:Authors?|AUTHORS?)(?:\(s\))?(?=\s*[:：][^\n]*\n(?:[^\n]*\n){0,3}[ \t]*[-*•]?[ \t]*"
    r"(?-i:License|Licence|LICEN[CS]E)\s*[:：][ \t]*\[?"
    r"(?:cc[\s-]|cc0|creative\s+commons|public\s+domain|attribution|gfdl|gnu\s+free))",
    r"pictures?", r"pics?", r"images?", r"illustrations?", r"artwork", r"video(?:\s+(?:grab|still|capture))?",
    r"screen\s*(?:grab|shot|capture)", r"frame\s+grab", r"still\s+(?:image\s+)?from\s+(?:a\s+)?video",
    r"source", r"copyright", r"header\s+(?:image|photo|illustration)",
    r"feature(?:d)?\s+(?:image|photo)",  # 'Featured image:', and 'Feature image: W Magazine' as some blogs label it
    r"cover\s+image", r"background(?:\s+(?:image|illustration|photo|picture))?",  # 'Background image: NASA/…'
    r"logo", r"supplied", r"provided", r"stock\s+(?:image|photo)",
    r"(?:image|photo)\s+source", r"map", r"graphic", r"chart", r"satellite\s+(?:image|photo)",
    r"infographic", r"data\s+visuali[sz]ation", r"visuali[sz]ation",  # a chart's maker: 'Visualisation: @handle'
    r"(?:listing\s+photo|micrograph)s?",  # 'Listing photo: Carrow Coast Properties', 'Micrograph: Jane Roe/…'
    # a magazine's or report's cover and a page's whole set: 'Cover photo: Jane Roe/ICRC', 'All photos (C) WFP'
    r"cover\s+(?:photo(?:graph)?|picture)s?", r"all\s+(?:photo(?:graph)?s|images|pictures)",
    # other kinds of picture a credit names: 'Artwork by', 'Drawing:', 'Stop motion by Jane Roe / The Verge'; as
    # gerunds and plain nouns they open prose too ('Drawing by hand takes time'), so a name must follow in capitals
    r"(?:(?:cover\s+)?art(?:work)?s?|drawings?|cartoons?|paintings?|collages?|renderings?|animations?|"
    r"clip\s?arts?|sprites?(?:\s?sheets?)?|tile\s?sets?|"  # game and clip art: 'Sprites by Jane Roe on OpenGameArt'

    r"stop[\s-]?motion|gifs?|(?:(?:book\s+)?cover|jacket)\s+(?:design|illustration|art(?:work)?)|"  # 'Cover design by'
    # and the prints and photographs of a museum's or library's catalogue ('Coloured etching by Jane Roe, 1805',
    # 'hand coloured etching by …', 'Lithograph by …', 'Photolithograph by Roe after Doe')
    r"(?:(?:hand[\s-]+)?colou?red\s+)?(?:etchings?|engravings?|(?:photo|chromo)?lithographs?|woodcuts?|aquatints?|"
    r"mezzotints?|watercolou?rs?|daguerreotypes?|photogravures?|albumen\s+prints?))"
    r"(?=\s*[:=：]|\s+(?:by|par|von|de|di|door|av)\s+(?-i:[^\W\da-z_]|@))",
    # German, Dutch, Scandinavian
    r"foto(?:s|['’]s|grafie)?(?:\s*/\s*quelle)?",  # Dutch 'Foto's:' (photos) with its apostrophe too
    r"bil(?:d(?:e|nachweis|rechte|quelle)?|lede)",  # 'Bilde', 'Billede' too
    r"quelle", r"karte", r"grafik",
    # 'Texto y foto:', 'Fonte e foto:' (source and photo); 'Teksti ja kuva:' (Finnish), 'Text och bild:' (Swedish),
    # 'Tekst og foto:' (Norwegian, Danish), 'Text & Foto:': the story's writer took the pictures too
    r"(?:text(?:o|e)?|testo|tekst|teksti|fonte|fuente)(?:\s+(?:y|e|et|und|en|i|og|och|ja|and)\s+|\s*&\s*)"
    r"(?:fotos?|photos?|fotografías?|zdjęcia|kuvat?|bild(?:e|er)?|billeder?)",
    r"autor", r"urheber(?:in)?", r"lizenz", r"licen[cs]e", r"licen(?:cia|ça|za|tie|cja)", r"carte", r"mapa", r"mappa",
    r"kaart",
    # French, Spanish, Portuguese, Italian
    r"cr[ée]dits?\s+(?:photos?|images?)", r"cr[ée]dits?", r"cr[ée]dito", r"créditos", r"fotograf[íi]as?", r"imagen",
    r"imagem", r"imagens", r"fonte", r"fuente(?!\s+de\s+la\s+imagen\b)", r"ilustraci[óo]n", r"ilustração",
    r"illustrazione",
    # Polish, Russian, Ukrainian, Turkish
    # ('фота': the Belarusian word)
    r"fot\.?", r"zdj[eę]cie", r"źródło", r"фот[оа]", r"снимок", r"автор\s+фото", r"автор", r"кредит",
    r"источник(?:\s+фото)?", r"джерело(?:\s+фото)?", r"fotoğraf(?:lar)?",
    # 'photograph(s)' in Cyrillic script: Serbian and Macedonian 'Фотографија:'/'Фотографије:', Russian 'Фотография:'/
    # 'Фотографии:', Ukrainian 'Фотографія:'; Bulgarian 'Снимка:'/'Снимки:' (picture); Serbian 'Снимио:' (shot by)
    r"фотографи(?:ја|је|я|и)", r"фотографі[яї]", r"снимк[аи]", r"сними(?:о|ла|ли)",
    # Dutch, Nordic, Finnish, Czech, Hungarian ('source', 'picture'; 'image', Vietnamese 'ảnh': credit_leads.LEAD_IN)
    r"b(?:ron|eeld)", r"kilde", r"källa", r"lähde", r"kuva", r"zdroj", r"fotó", r"forrás",
    r"nyitókép",  # Hungarian 'opening picture' ('Nyitókép: Körkép.sk/KL'), the page's first picture
    # Malay and Indonesian 'picture', Croatian and Serbian 'shot by' and 'photograph'
    r"gambar", r"snimi(?:o|la|li)", r"fotografij[aei]",
    r"sumber\s+(?:foto|gambar)",  # Indonesian 'photo source' ('Sumber foto: RSPO'; not 'Sumber:' alone, a story's)
    # Swedish, Norwegian and Danish 'top picture' and 'cover picture' ('Toppbild: TT', 'Topfoto: …'); Dutch and
    # French 'author'; Romanian 'photo source' (not 'Sursa:' alone, which names a story's text source as often);
    # Vietnamese 'source'; Filipino and Swahili 'picture'
    r"(?:topp?|huvud|omslags?)(?:bild(?:e|et)?|billede|foto)", r"auteur", r"kuvat",
    r"surs[aă]\s+(?:foto|imagine|imaginii|fotografie)", r"ngu[ồô]n", r"larawan", r"picha",
    r"ngu[ồô]n\s+(?:ảnh|hình(?:\s+ảnh)?)",  # Vietnamese 'photo source' ('Nguồn ảnh: TTXVN')
)
# Words that say what kind of picture a 'photo by'/'photo:' lead-in credits, written right before it at a credit's
# position: a publicist's ('Press photo: Jane Roe', 'Author photo by …') or an event's ('Live photos by …', 'Q&A
# photos by …', 'Red carpet photos: …'). No outlet's name, and the credit starts with them (credits.py).
PHOTO_KIND_WORDS = frozenset({"press", "promo", "promotional", "publicity", "band", "author", "artist", "live",
                              "concert", "gig", "event", "q&a", "backstage", "on-set", "red carpet",
                              "top", "bottom", "main", "lead"})  # which picture of a post: 'Top photo by Jane Roe.'
# Lead-ins that need "by"/"par"/"von" after them ("Photo by", "Photo par", "Foto von").
# 'Image from the Smith lab': no article; 'Photos from the event are on Flickr': prose, no lead-in.
BY_WORDS = r"(?:by|par|de|di|von|door|av|from(?!\s+the\s+(?-i:[a-z]))(?:\s+the(?=\s))?)"
# An en or em dash for the colon after 'Photo credit(s)', 'Image credit(s)' or 'Picture credit(s)' ('(Photo Credit –
# Prime Video)'); after other lead-ins a spaced dash opens a title or a heading as often ('Photography – a history',
# 'Credit – Personal Loans'), so only the hyphen is read there. A name's capital or a handle after it: 'Photo credit
# – the best tips' is a heading.
CREDIT_DASH = r"(?:(?<=[oe]\scredit)|(?<=[oe]\scredits))\s[–—]\s(?=(?-i:[^\W\d_a-zà-ÿ])|@)"
# A lead-in that carries no name of its own: "Photo by", "Image credit:", "Photographer:"; and 'File:', 'Archive:'
# inside a credit found by its shape ('[File: Jane Roe/Reuters]').
# A generator's lead-in, its own separator included: 'Image generated with', 'AI-generated image:', 'KI-generiert mit'.
# The picture's noun may come first ('Logo generated with DALL·E', 'This image was generated by Midjourney', 'This is
# an image created with DALL-E 2', 'An illustration made with …').
# A picture said to be made with a tool ('Image created with DALL-E', 'This image was created with Stable Diffusion',
# '(created with Stable Diffusion)' after the picture's noun in prose): the noun, or the bracket, is needed, since
# 'created with'/'made with' alone opens prose ('The app was created with React').
_AI_NOUN = (r"(?:(?:(?:this|here|it)\s+is\s+)?an?\s+|(?:this|hero|header|cover|featured)\s+)?"
            r"(?:image|illustration|picture|artwork|logo)\s+"
            r"(?:(?:was|is)\s+)?")
# The bracket form after the picture's noun only ('this image (created with Stable Diffusion)'): after any other
# noun it names a program ('The dashboard (made with React)'). One look-behind per noun: each must be of fixed width.
_AI_NOUN_BRACKET = "|".join(rf"(?<={noun}\s\()" for noun in ("image", "images", "illustration", "illustrations",
                                                            "picture", "pictures", "artwork", "logo"))
# The forms that name a tool as readily as a generator ('Logo made with Canva', '(created with Inkscape)', 'Image
# generated via Zapier', 'This image is generated by Excel') lead in a credit only where the name after them is a
# generator the catalog knows (credits._tool_lead_named); the plain 'generated with|by', 'AI-generated image:' any name.
AI_TOOL_LEAD = (r"(?:(?:image|illustration)\s+)?generated(?:\s+(?:image|illustration|picture|photo))?\s+via\b|"
                r"" + _AI_NOUN + r"(?:ai[\s-]*)?generated\s+(?:with|using|by|via)\b(?=\s+(?-i:[A-Z]))|"
                r"(?:" + _AI_NOUN + r"|" + _AI_NOUN_BRACKET + r")(?:created|made)\s+(?:with|using)\b(?=\s+(?-i:[A-Z]))")
AI_PLAIN_LEAD = (r"(?:(?:image|illustration)\s+)?(?:(?:ai|ki)[\s-]*)?(?:generated|generiert)"
                 r"(?:\s+(?:image|illustration|picture|photo|bild))?\s*(?:(?:with|using|by|mit|von)\b|[:：])|"
                 r"(?:(?:image|illustration)\s+)?(?:ai|ki)[\s-]*generated(?:\s+(?:image|illustration|picture|photo))?"
                 r"\s+via\b")
AI_LEAD = AI_PLAIN_LEAD + "|" + AI_TOOL_LEAD
# The lead phrases written as one group per first letter (scan.dispatched: the same matches; a plain join tried every
# phrase on each name a credit's parts start with, some 4 µs a call).
# (the AI lead-ins led by a look-ahead for their first letters, as in credit_leads.LEAD_IN: most texts asked open with
# a name, whose letter the dispatched lead phrases and then every AI form were tried on, about 1 µs a call)
LEAD_IN_TEXT = re.compile(
    r"(?i)^\s*(?:(?:(?:file|archive)(?=\s*[:：])|" + dispatched(LEAD_PHRASES, re.IGNORECASE) + r")\s*(?:\(c\)\s*)?"
    r"(?:\s" + BY_WORDS + r"\b|[:=：]|\s-\s|" + CREDIT_DASH + r"|(?<=\(c\))(?=\s*(?-i:[A-Z])))\s*|"
    + with_first_chars(re.compile(AI_LEAD + r"\s*", re.IGNORECASE)).pattern + r")+"
)  # (the blanks inside the led group, after the last AI form only, as the plain join '…|' + AI_LEAD + '\s*' reads)


def lead_in_text_match(text: str) -> re.Match[str] | None:
    """`LEAD_IN_TEXT.match(text)`, its gate asked first (scan.gate_passes; the gate is stored with the whole-text
    scans' in scan_gates.py): nearly every text asked opens with a name, which fails at the gate's first letters
    instead of at thirty lead-in groups (about 17,000 instructions a text)."""
    return LEAD_IN_TEXT.match(text) if gate_passes(LEAD_IN_TEXT, text) else None


def without_lead_in_text(text: str) -> str:
    """`LEAD_IN_TEXT.sub("", text)` (the pattern is anchored: one match at most), its gate asked first."""
    return LEAD_IN_TEXT.sub("", text, count=1) if gate_passes(LEAD_IN_TEXT, text) else text

# Lead-in words that may go without a colon, but only at a caption's end (after a sentence's stop, or alone in a
# closing bracket) and before a name-shaped run that ends the line (credit_leads.LEAD_IN): 'Picture Jane Roe',
# '(Foto Jane Roe/LaPresse)', '… Credit Foto Getty Images'. Written with a capital first ('Picture this: …', 'photo
# booth' and a sentence's 'picture' stay prose); the rest of the word in any case ('PIC', 'PIc', a typo the Echo
# prints).
# Lead-in words written with no colon before a name alone ('Beeld Jane Roe', 'Фота БелТА'), as written (case kept):
# credit_leads.LEAD_IN finds them, credit_segments.NO_COLON_LEAD reads them again; one list for both
# (and in lower case where a Dutch or Nordic paper sets its credit on a line of its own: 'foto Jane Roe', 'kuva Jane
# Roe'; the name must still end the line, and the line before close a sentence: LOWER_NO_COLON_LEADS)
# (Malay 'Foto fail' is a file photo's: Berita Harian's ' - Foto fail BERNAMA' closing a caption)
NO_COLON_LEAD_WORDS = r"Foto[ \t]+fail|Beeld|Foto|FOTO|foto|Фото|ФОТО|Фота|ФОТА|Fotó|Kuvat?|kuvat?|Photographer|" \
    r"PIC|PICTURE"
# The lower-case ones as LEAD_IN finds them: right after a caption's closing stop, on the next line or the same ('… in
# Harwick.\nfoto Jane Roe'); a line wrapped in a sentence ('Massa membawa poster dan\nfoto Joko Widodo', Indonesian 'a
# photo of'), a menu's or a list's item ('Galerie\nfoto Amsterdam Centraal', 'Kamera terbaik\nfoto Canon EOS') is none
LOWER_NO_COLON_LEADS = r"(?:(?<=[.!?)»”\"][\n ])|(?<=[.!?)»”\"]\r\n))(?:foto|kuvat?)"
LEAD_IN_NO_COLON_WORDS = r"Foto[ \t]+fail|Beeld|Foto|FOTO|Фото|ФОТО|Фота|ФОТА|Fotó|Kuvat?|Photographer|PIC|PICTURE|" \
    + LOWER_NO_COLON_LEADS
CAPTION_END_LEADS = ("Picture", "Pictures", "Pic", "Pics", "Photo", "Photos", "Foto", "Fotos",
                     "Fotografía", "Fotografia",  # '(Fotografía AFP)' closing a Spanish or Portuguese caption
                     "Credit Foto", "Credit Photo", "Crédit Photo")
# Words that make the run after such a lead-in a heading's or a job's, no name ('Picture Editor Jane Roe' names a
# picture editor, a curation credit; 'Photo Contest Winners', 'Photo Booth Rentals' are a page's headings).
NOT_NAMES_AFTER_BARE_LEAD = frozenset({
    "editor", "editors", "desk", "booth", "booths", "contest", "competition", "winners", "winner", "rentals", "shop",
    "studio", "studios", "session", "sessions", "shoot", "day", "week", "month", "year", "essay", "finish", "op",
    "opportunity", "opportunities", "walk", "tour", "book", "books", "frame", "frames", "credits", "credit", "of",
    "the", "and", "for", "perfect", "challenge", "prompt", "prompts", "ideas", "tips", "guide", "lab", "club",
    "house", "palace", "cinema", "theatre", "theater", "hall",  # 'Picture House Cinema': a place's name
    "maker", "makers", "collage", "app", "apps", "generator", "viewer", "converter", "resizer", "printing", "prints",
    "pro", "plus", "premium", "deluxe", "lite",  # a product's edition ('Picture Window Pro', 'Pic Stitch Premium')
})
# The bare caption-end lead-ins of the photo family ('Photo', 'Foto' and their plurals): 'Photo Mechanic Plus', 'Photo
# London Preview', 'Foto Wien Festival', 'Photo Library Access' are how products, fairs and menus are named, so after
# them a run names someone only in a chain ('Foto Jane Roe/LaPresse') or as a source the catalog knows ('Photo
# Getty Images'); 'Picture'/'Pic' (the British and Irish papers' no-colon style) and 'Credit Photo' keep a bare name.
PHOTO_FAMILY_BARE_LEADS = frozenset({"photo", "photos", "foto", "fotos"})
# Function words a heading or a title capitalises and a person's name does not hold ('Photos From Our Readers', 'Picture
# In Picture', 'Pics Or It Didn't Happen'); a name's particles ('De', 'Da', 'Van', 'Des') are not among them.
TITLE_FUNCTION_WORDS = frozenset({
    "the", "in", "into", "of", "from", "or", "for", "with", "at", "by", "and", "but", "not", "our", "your", "my",
    "their", "his", "her", "its", "this", "these", "those", "it", "is", "are", "was", "et", "ou", "und", "oder", "mit",
    "für", "aus", "pour", "avec", "sur", "dans", "para", "por", "sem", "senza", "sans", "ohne",
})  # (not 'A', 'An', 'To', 'On', 'Per', 'Sin', 'Y': an initial, given names and surnames, 'Ortega y Gasset')


# Words of a headline's media label ('FOTO VIDEO', 'FOTO GALERIJA', 'FOTO PRIČA', 'Picha na Video'): after a lead-in
# word written with no colon they name no one (credits.py).
MEDIA_LABEL_WORDS = frozenset({
    "video", "videos", "audio", "galerija", "galerie", "galerij", "gallery", "galleria", "galeria", "priča", "prica",
    "reportaža", "reportaza", "album", "dana", "dnia", "tjedna", "dagens", "päivän", "vijesti", "vesti", "uživo",
    "live", "foto", "fotografije", "fotky", "fotek", "story", "stories", "sadaka",
})

# Words of a page's headings, links and sign-offs written in capitals ('READ MORE', 'STAFF REPORT', 'UPDATED VERSION',
# 'TO BE CONTINUED'): a phrase holding one is no person's name, where a name in capitals stands alone (a dash or
# square brackets before it) with no lead-in to say it is a credit.
HEADING_WORDS = frozenset({
    "the", "a", "an", "to", "be", "with", "from", "of", "and", "or", "for", "in", "on", "at", "by", "is", "are",
    "more", "read", "see", "also", "click", "here", "full", "story", "stories", "live", "update", "updates", "updated",
    "version", "video", "videos", "photo", "photos", "below", "above", "watch", "report", "reports", "staff", "note",
    "editor's", "editors", "content", "sponsored", "continued", "agencies", "news", "breaking", "exclusive",
    "advertisement", "related", "share", "subscribe", "gallery", "end", "top", "next", "previous", "page", "opinion",
    "analysis", "editorial", "correction", "clarification", "source", "sources", "file", "files",
    "desk",  # a story's sign-off by its desk ('—BUSINESS DESK', '—METRO DESK')
})
# A news page's headings in the region's languages ('related articles', 'read also', 'latest news', 'photo gallery'),
# glued after a credit by a page's layout: words no photographer's name after an agency holds ('Foto: TASR Súvisiace
# Články'); and the opening words of the region's places ('Stara Pazova', 'Novi Sad', 'Санкт Петербург')
NEWS_PAGE_WORDS = frozenset({
    "súvisiace", "související", "články", "článků", "čítajte", "čtěte", "tiež", "také", "správy", "zprávy", "vesti",
    "vijesti", "povezane", "najnovije", "najčítanejšie", "czytaj", "również", "także", "galeria", "zdjęć",
    "kapcsolódó", "cikkek", "hírek", "știri", "locale", "читайте", "также", "також", "новости", "новини", "навіны",
})
REGION_PLACE_OPENINGS = frozenset({
    "sankt", "санкт", "нижний", "великий", "novi", "nova", "novo", "stara", "stari", "staro", "velika", "veliki",
    "veliko", "gornji", "donji", "horní", "dolní", "nowy", "nowa", "stary",
})

# The words of a platform's address between its host and what it shows, never names ('instagram.com/p/Cx12abc',
# 'twitter.com/janeroe/status/1234', 'flickr.com/photos/janeroe/5123', 'youtube.com/channel/…'): after a post's word
# the rest is the post's key, no account; after an account's word the account's name follows. A topic's or a
# group's page names no account either ('x.com/i/web/status/1734…', 'instagram.com/explore/tags/flood',
# 'facebook.com/groups/harbourfans/posts/123'); a story's names its account ('instagram.com/stories/janeroe/3123').
ADDRESS_POST_WORDS = frozenset({
    "p", "reel", "reels", "tv", "status", "statuses", "video", "videos", "watch", "shorts", "post", "posts", "story",
    "pin", "photo", "media", "permalink.php", "photo.php", "live", "embed", "share", "highlights",
    "i", "explore", "tags", "tag", "hashtag", "search", "groups",
})
ADDRESS_ACCOUNT_WORDS = frozenset({"photos", "people", "user", "users", "u", "c", "channel", "in", "company", "pages",
                                   "stories"})

# Role words: how the image came, never a person or an organisation.
ROLES = frozenset({
    "pool", "pool photo", "handout", "handout photo", "staff", "staff photo", "stringer", "str", "file", "file photo",
    "files",  # '…REUTERS/Jane Roe/Files': an archive mark
    "illustration", "photo illustration",  # Reuters' mark for a staged picture: 'REUTERS/Jane Roe/Illustration'
    "released", "courtesy", "courtesy photo", "supplied", "screengrab", "screenshot", "screen grab", "photo", "foto",
    "screen capture", "screen shot", "screencap",
    "photos", "image", "images", "picture", "archive", "own work", "file image", "video grab",
    "reprodução", "reproduction", "reproducción", "riproduzione", "divulgação", "difusión", "cover", "logo", "header",
    "hero",
    "background", "figure", "source", "sources", "credit", "credits", "license", "licence", "lizenz", "licencia",
    "licença", "licenza", "licentie", "licencja", "icon", "icons",
    "stock image", "stock photo", "featured image", "this photo", "this image", "please see", "see", "more",
    "link",  # a link's text where a credit names its file page ('Quelle: Wikimedia Commons, [Link](…), Author: …')
    "jpg", "jpeg", "png", "gif", "svg", "webp", "tif", "tiff",
    "privat", "private", "privé", "privado", "archiv", "archivo", "arquivo", "archivio", "archief",  # 'Foto: privat'
    # the same archive mark in the region's languages: 'Foto: TASR - archív', 'Arhiva AGERPRES', 'archiwum', 'архив'
    "archív", "archívum", "archiwum", "arhiva", "arhiv", "arhiiv", "archyvas", "arhīvs", "архив", "архів", "архіў",
    "dokumen pribadi", "dok pribadi",  # Indonesian 'personal documents': 'Sumber foto: dokumen pribadi'
    "dokumentasi pribadi", "pribadi", "dok", "istimewa", "ilustrasi", "tidak diketahui",  # Indonesian 'personal
    # documentation', 'personal' (after the title 'Dok.'), 'doc.' cut at its stop, 'special' (a supplier left unnamed:
    # 'Foto: Istimewa'), 'illustration', 'unknown'
    "图", "圖", "图片", "圖片", "照片",  # '图/视觉中国': 'picture', as Chinese papers lead their credits
    "사진공동취재단", "공동취재단", "공동취재사진",  # '사진 = 사진공동취재단': the joint press pool, no agency named
    "독자", "시청자", "読者", "读者", "讀者", "网友", "網友",  # '사진=독자 제공': a reader or viewer, unnamed
    # a provider named by its role only: the business, the organisers, the club, the brand, the artist's agency
    # ('(圖/主辦單位提供)', '(사진=주최 측 제공)'), and a file or screen picture ('(圖/資料照)')
    "業者", "业者", "主辦單位", "主办单位", "主辦方", "主办方", "球團", "球团", "品牌", "廠商", "厂商",
    "資料照", "资料照", "資料照片", "资料照片", "翻攝畫面", "翻摄画面",
    "소속사", "업체", "구단", "주최", "주최 측", "주최측", "주최사", "기획사", "공연 기획사",
    "archivbild", "archivfoto", "symbolbild", "symbolfoto", "repertorio", "foto di repertorio", "foto de archivo",
    "imagen de archivo", "foto ilustrativa",  # archive and illustration marks: 'dpa/Archivbild'
    "соцсети", "соцмережі", "социальные сети", "соціальні мережі", "redes sociais", "redes sociales", "social media",
    "internet", "网络", "網路",  # 'Фото: соцсети': no platform named
    "contributed", "submitted", "author", "the author",  # 'Photo: Contributed', 'Photos by the author'
    "the author's family", "the author's friend", "the writer",  # 'Photo by the author's family': unnamed
    "the artist", "the artists",  # 'Courtesy of the artist'
    "open access", "open content",  # a museum's programme the image came through ('The Met, Open Access'), no name
    "press", "press photo", "press image", "press picture", "press shot", "promo", "promo photo", "promo image",
    "promo shot", "publicity photo", "publicity still", "promotional image", "promotional photo",  # no party named
    "manufacturer", "publisher", "printer", "engraver", "lithographer", "printmaker",  # a catalogue's role word alone
    "painting", "photograph", "drawing", "engraving", "etching", "lithograph", "woodcut", "broadside",  # what it is
    "the company", "unknown", "unknown photographer",  # unnamed ('the family' stays: a courtesy's wording keeps it)
    "placeholder", "tbd", "tba", "tbc", "n/a", "todo", "xxx", "photographer name", "photographer's name",
    "author name", "name", "your name", "insert credit", "credit here",  # a template's unfilled slot
    "see page for author", "see source", "author unknown", "unknown artist",  # Commons' unnamed author
    "unknown author", "anonymous", "capture d'écran", "capture d’écran", "tv still", "video still",  # screenshots
    "ai", "a.i.", "artificial intelligence", "ki", "künstliche intelligenz", "ia", "an ai tool",  # 'generated by AI'
    "archives", "staff photographer", "contributing photographer", "freelance photographer", "photographer",
    # a student paper's job after its photographer's or illustrator's name ('Jane Roe | Illustration Editor')
    "photo editor", "illustration editor", "illustrator", "head illustrator", "staff illustrator",
    "senior photographer", "senior staff photographer", "assistant photo editor", "asst. photo editor",
    "provided", "provided photo", "submitted photo", "contributed photo", "zvg", "z.v.g.",  # Swiss 'zVg': supplied
    "collected", "arşiv", "arşiv fotoğrafı", "dosya fotoğraf", "privatfoto", "privatbild", "privat foto",  # unnamed
    "archivo particular", "archivo personal", "arquivo pessoal", "יח\"צ", "יחצ",  # sources; Hebrew PR handout
    "온라인 커뮤니티", "온라인 커뮤니티 캡처", "인터넷 커뮤니티", "캡처", "sns", "sns 캡처",  # Korean: a 'capture'
    "제공",  # Korean 'provided'
    "special arrangement",  # The Hindu's mark for a picture someone supplied: 'Photo: Special Arrangement'
    # an agency's restriction ('EDITORIAL USE ONLY/NO SALES'), Commons' 'Permission:' field, a stock site's sales model
    "no sales", "permission", "royalty free", "royalty-free",
    "especial", "captura de pantalla", "captura", "أرشيفية", "أرشيف", "صورة أرشيفية",  # Mexican 'supplied', …
    "redacción", "redaccion", "redação", "redacao",  # the newsroom ('Redacción / Fotos: Cuartoscuro'), as 'staff'
    "hisani", "maktaba", "picha|maktaba", "tv", "televisão", "televisión",  # Swahili 'courtesy', 'archive'; 'TV'
    "সংগৃহীত", "সংগৃহিত", "ইন্টারনেট", "ফাইল", "ফাইল ছবি",  # Bengali 'collected' (and as often misspelt), 'internet',
    "প্রতীকী", "প্রতীকী ছবি",  # 'file', 'file photo', 'symbolic (picture)'
    "فائل", "فائل فوٹو", "سوشل میڈیا",  # Urdu 'file', 'file photo', 'social media'
    "फाइल", "फ़ाइल", "फाइल फोटो", "फ़ाइल फ़ोटो", "सोशल मीडिया", "साभार", "प्रतीकात्मक", "प्रतीकात्मक तस्वीर",
    "प्रतीकात्मक फोटो", "साभार सोशल मीडिया",  # Hindi 'file (photo)', 'social media', 'courtesy', 'symbolic (picture)'
    # Nepali 'social network', 'internet' (Hindi's spelling too), 'file picture'; Marathi 'representative' and
    # 'archived' (picture); Sinhala 'internet', 'from the internet': the new lead-ins' unnamed sources
    "सामाजिक सञ्जाल", "इन्टरनेट", "इंटरनेट", "फाइल तस्बिर", "प्रातिनिधिक", "प्रातिनिधिक छायाचित्र", "संग्रहित",
    "संग्रहित छायाचित्र", "අන්තර්ජාලය", "අන්තර්ජාලයෙන්",
    "แฟ้ม", "ภาพแฟ้ม", "ภาพประกอบ", "โซเชียล",  # Thai 'file', 'file picture', 'illustration', 'social media'
    "representational", "representational image", "representative image", "symbolic", "symbolic image",
    # India's English papers' mark for a stock or archive picture standing for the story: no one named
    "content", "all content", "text", "text and photos", "text and images", "this work", "this content",  # a licence's
    # subject ("Content licensed under CC BY-ND 4.0"), never a party
})
# A picture desk's jobs and their ranks, after a spaced pipe under the picture ('Jane Roe | Lead Photographer', '… |
# Chief Illustrator', '… | Head Photo Editor'): credit_tails._PIPE_TITLE reads them, and each is a role, no
# organisation, in the credit's fields (one list for both)
IMAGE_DESK_RANKS = ("staff", "contributing", "freelance", "chief", "senior", "head", "lead")
IMAGE_DESK_JOBS = ("photographer", "illustrator", "photo editor", "illustration editor")
ROLES = ROLES | frozenset(f"{rank} {job}" for rank in IMAGE_DESK_RANKS for job in IMAGE_DESK_JOBS)

# Military ranks and rates, dropped from a creator ("Staff Sgt. Jane Roe" -> "Jane Roe").
_RANK_WORDS = (
    r"(?:senior\s+|chief\s+|master\s+|staff\s+|tech(?:nical)?\.?\s+|first\s+|1st\s+|command\s+)*"
    r"(?:sgt|sergeant)\.?(?:\s+(?:1st|first)\s+class|\s+maj(?:or)?\.?)?",
    r"(?:lance\s+)?(?:cpl|corporal)\.?", r"(?:pfc|pvt|pte|spc|spec)\.?", r"private(?:\s+first\s+class)?",
    r"specialist", r"(?:senior\s+)?airman(?:\s+(?:1st|first)\s+class|\s+basic)?", r"sra\.?", r"a1c", r"amn\.?",
    r"mass\s+communications?\s+specialist(?:\s+(?:1st|2nd|3rd|first|second|third)\s+class|\s+seaman(?:\s+\w+)?)?",
    r"mc[1-3]c?", r"mcsn", r"(?:chief\s+)?petty\s+officer(?:\s+(?:1st|2nd|3rd)\s+class)?", r"po[1-3]",
    r"seaman(?:\s+apprentice|\s+recruit)?", r"ensign", r"(?:1st|2nd|first|second)\s+lt\.?",
    r"(?:lt|lieut)\.?(?:\s+(?:col|cmdr|gen|j\.?g)\.?)?", r"lieutenant(?:\s+(?:colonel|commander|general))?",
    r"capt\.?", r"captain", r"maj\.?", r"major", r"col\.?", r"colonel", r"gen\.?", r"general", r"cmdr\.?",
    r"commander", r"adm\.?", r"admiral", r"(?:chief\s+)?warrant\s+officer(?:\s+\d)?", r"cwo\d?", r"cadet",
    r"staff", r"sgt",
    # the Royal Navy's, RAF's and British Army's photographers' rates: 'LPhot Jane Roe/Royal Navy', 'SAC Jane Roe/RAF'
    r"(?:l|po|cpo)[ \t]?phot\.?", r"la\(phot\)", r"lcpl\.?", r"sac(?:[ \t]?\(t\))?", r"bdr\.?", r"wo[12]",
)
RANK = re.compile(r"(?i)^(?:(?:" + dispatched(_RANK_WORDS, re.IGNORECASE) + r")(?:\s+|\.\s*|(?<=\.)))+(?=\S)")
# Academic and civil titles, dropped from a creator as ranks are ('Dr. Ada Brook', 'Prof. Dr. Jens Albers', 'dr hab.
# Ewa Lis'): only before a name of two words or more, so that a name is never emptied.
TITLE = re.compile(r"(?i)^(?:(?:dr|prof|professor|mr|mrs|ms|mme|dra|ing|mgr)\.?(?:[ \t]+hab\.)?[ \t]+)+(?=\S+[ \t]+\S)")

# Abbreviations written with a full stop that stand before a name and never end a sentence ('U.S. Army photo by
# Sgt. 1st Class Jane Roe', 'Photo: Dr. Ada Brook'): ranks (as written, in capitals or in lower case) and titles
# (as written or in capitals: 'tech.' and 'gen.' in lower case are words that can end a sentence).
RANK_ABBREVIATIONS = ("Sgt", "Cpl", "Pfc", "Spc", "Pvt", "Pte", "SrA", "Amn", "Lt", "Capt", "Maj", "Col", "Adm",
                      "Cmdr", "Cdr", "PO", "CPO")
# 'Ing.', 'Mgr.': the Czech, Slovak and Polish titles that TITLE drops from a creator; 'Dok.': Indonesian
# 'documentation of' before the body that supplied the picture.
TITLE_ABBREVIATIONS = ("Gen", "Brig", "Tech", "Spec", "Ens", "Dr", "Prof", "Rev", "St", "Jr", "Sr", "Mr", "Ms", "Mrs",
                       "Mme", "Mlle", "Hon", "Gov", "Sen", "Rep", "Pres", "Fr", "Sra", "Dra", "Ing", "Mgr", "Dok")


def _abbreviation_forms() -> list[str]:
    """Every way the tables' abbreviations are written, escaped for a pattern, longest first."""
    forms = {form for word in TITLE_ABBREVIATIONS for form in (word, word.upper())}
    forms |= {form for word in RANK_ABBREVIATIONS for form in (word, word.upper(), word.lower())}
    return sorted(forms, key=lambda form: (-len(form), form))


def _not_after_abbreviation() -> str:
    """Look-behinds, one per length (Python's look-behind is of fixed width), that fail right after one of the
    abbreviations and its full stop: constant work per position, so a splitter using them stays linear."""
    by_length: dict[int, list[str]] = {}
    for form in _abbreviation_forms():
        by_length.setdefault(len(form), []).append(form)
    return "".join(rf"(?<!\b(?:{'|'.join(forms)})\.)" for forms in by_length.values())


# Put right before a sentence end's space: '(?<=\.)' + NOT_AFTER_ABBREVIATION + '\s+' never splits 'Sgt. Jane'.
NOT_AFTER_ABBREVIATION = _not_after_abbreviation()
# A text that ends with one of the abbreviations and its full stop ('… photo by Staff Sgt.').
ENDS_WITH_ABBREVIATION = with_first_chars(re.compile(r"\b(?:" + "|".join(_abbreviation_forms()) + r")\.$"))

# Abbreviations that stand before a number ('photo no. 69-N-13604', '…Archives, ref. 1204/33', 'inv. 4521', 'neg.
# 77'): their full stop ends no sentence and no name when a digit follows. One table for the span finder
# (credit_spans), the sentence stops (credits) and the archive references cut off a name (credit_fields).
NUMBER_ABBREVIATIONS = ("no", "nr", "ref", "inv", "neg", "fol", "ca", "c")  # "ca. 1922" too
# Put right before a sentence end's space, as NOT_AFTER_ABBREVIATION: no end between 'no.' and its number.
NOT_BEFORE_NUMBER = r"(?!(?:" + "|".join(rf"(?<=\b(?i:{word})\.)" for word in NUMBER_ABBREVIATIONS) + r")\s+\d)" + (
    # nor does a German ordinal day's stop before its month and year ('… Getty Images/3. Juni 2021'); without the
    # year a month's name may be a given name after a score's stop ('… won 2-1. August Roe/Reuters')
    r"(?!(?:(?<=\b\d\.)|(?<=\b\d\d\.))[ \t]+(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember)[ \t]+(?:19|20)\d\d\b)")
# A text that ends with one of them and its full stop.
ENDS_WITH_NUMBER_WORD = re.compile(r"(?i)\b(?:" + "|".join(NUMBER_ABBREVIATIONS) + r")\.$")

# Company forms among them make one only after the name they close ('Acme SA'), never as its first word: 'Sa' and
# 'Ag' are given names too ('U.S. Army photo by Sgt. 1st Class Sa Fenha').
FORM_WORDS = frozenset({"inc", "inc.", "llc", "ltd", "ltd.", "pbc", "plc", "gmbh", "ag", "sa", "s.a.", "corp", "corp.",
                        "co."})
# Words of a social-media handle that make it a public body's account ('@CityofHarwick', '@HarwickPD'), besides the
# organisation words.
HANDLE_BODY_WORDS = frozenset({"city", "county", "town", "borough", "police", "pd", "fd", "sheriff", "dept", "gov",
                               "govt", "fire"})
# How a handle written as one run of lower-case letters ends when it is a club's or a body's account: '@leinsterrugby',
# '@harwickfc', '@eaterscollective' (a person's '@scottstarkphoto', '@janeroe' ends with none of them).
HANDLE_BODY_ENDINGS = ("rugby", "fc", "athletics", "club", "collective", "museum", "university", "college",
                       "council", "police", "library", "foundation", "society", "institute", "federation", "zoo")
# Words of a newspaper's or magazine's title: alone they name an outlet ('Express photo by', 'Herald photo:',
# 'INQUIRER PHOTO'), where a lone generic word does not ('School photo: Jane Roe' shows her; 'Group photo:').
NEWSPAPER_WORDS = frozenset({
    "newspaper", "magazine", "times", "post", "journal", "herald", "tribune", "gazette", "daily", "express",
    "chronicle", "observer", "telegraph", "inquirer", "enquirer", "examiner", "dispatch", "courant", "bulletin",
    "sentinel", "gleaner", "advertiser", "courier", "globe",  # 'Boston Globe/Getty Images': no surname
})
# The first word of a paper's title that says when it comes out, before a paper's word: 'Evening Standard', 'Sunday
# Mirror', 'Morning Star'. Either word alone may be a name's ('Billy Sunday', 'Jane Morning', 'Ringo Starr'): only the
# two together, in this order, make a title (credit_orgs._newspaper_title).
ISSUE_WORDS = frozenset({"evening", "sunday", "morning", "weekly",
                         "country"})  # a rural paper's: 'Country News', 'IMAGE: Country Caller'; no given name
TITLE_AFTER_ISSUE = frozenset({"mirror", "mail", "star", "sun", "standard", "news", "post", "times", "express",
                               "telegraph", "herald", "chronicle", "journal", "record", "independent", "caller"})
# Words that make an unknown name an organisation, not a person.
# A college's athletics department and a sport's governing body or team: 'Penn Athletics', 'Cricket Ireland',
# 'Swimming Australia', 'Harbor Racing'; organisation words only beside a name (credit_parts): the sport alone
# ('Photo: Jane Roe, Football') or a job in it ('Basketball Photographer') names no body.
SPORT_WORDS = frozenset({
    "athletics", "sports", "cricket", "rugby", "hockey", "football", "basketball", "netball", "volleyball", "handball",
    "baseball", "softball", "gymnastics", "swimming", "cycling", "rowing", "triathlon", "racing", "motorsport",
})
# What a firm, a venue or a congregation is called by, never a surname or a given name: a publisher's 'Editions'
# ('Milkweed Editions', 'Éditions du Seuil'), a promoter's 'Concerts', a health system's 'Health', a firm's
# 'Enterprise(s)', a studio, a travel firm, a bakery or a mosque ('Move Concerts', 'Hawaii Pacific Health',
# '132 Studio').
# Words that are also surnames are left out ('Church', 'Temple', 'Parish', 'Nation', 'Market').
TRADE_NOUNS = frozenset({
    "editions", "éditions", "edizioni", "ediciones", "edições", "books", "publishing", "publishers", "concerts",
    "health", "healthcare", "enterprise", "enterprises", "studio", "atelier", "travel", "academy", "bakery",
    "brewery", "winery", "restaurant", "boutique", "fitness", "scouts", "mosque", "synagogue", "diocese",
    # a trade paper's firms and a church paper's bodies: 'Photo from Jane Roe, Harwick Farms', 'Jane Roe, Harwick
    # Photographics', 'Courtesy of the Archdiocese of Harwick'
    "farms", "ranches", "dairies", "orchards", "vineyards", "photographics", "contractors", "construction",
    "builders", "shipyard", "archdiocese", "ministries",
})
ORGANISATION_WORDS = frozenset({
    "inc", "inc.", "llc", "ltd", "ltd.", "pbc", "plc", "gmbh", "ag", "sa", "s.a.", "corp", "corp.", "co.",
    "company", "corporation", "incorporated", "limited", "group", "agency", "agence", "agencia", "agência",
    "agenzia", "press", "presse", "prensa", "news",
    "newspaper", "ministry", "ministerio", "ministério", "ministère", "ministero", "ministerium", "service",
    "services", "servizio", "university", "universität", "université", "universidad", "universidade", "college",
    "school", "institute", "institut", "instituto", "istituto", "institution",
    "spokesperson", "spokesman", "museum", "museo", "musée", "library", "archive",
    "archives",
    "foundation", "fondation", "fundación", "fundação", "fundacao", "fondazione", "fundacja", "stichting", "stiftung",
    "fund", "society", "association", "council", "commission",
    "spca", "rspca", "aspca",  # an animal welfare society: 'Westchester SPCA' had been a person
    "committee", "union", "department", "office", "bureau", "center", "centre", "corps", "army", "navy", "force",
    "forces", "authority", "authorities", "administration", "municipality", "directorate", "secretariat",
    "federation", "league", "affairs", "squadron", "battalion", "regiment", "fleet",
    "bank", "hotel", "hotels", "resort", "resorts", "kasbah", "amusement", "airport", "airways", "motors",
    "records",
    "entertainment", "zoo", "aquarium", "hospital", "clinic", "cathedral", "theatre", "theater",
    "orchestra", "opera", "gobierno", "governo", "gouvernement", "presidency", "presidencia", "presidência",
    "présidence", "presidenza", "ufficio", "stampa", "oficina", "secretaría", "secretaria", "imprensa", "policía",
    "polícia", "polizia", "bomberos", "bombeiros",
    "guard", "police", "polizei", "government", "regierung", "parliament", "court", "embassy", "brigade", "command",
    "brigades", "military", "militia",  # an armed group's handout ('Al-Qassam Brigades/Handout', 'Hamas Military Wing')
    # a police force's or a public board's picture ('Washington State Patrol/Handout via REUTERS', 'Photograph courtesy
    # of the Transportation Safety Board of Canada/Flickr')
    "patrol", "constabulary", "board",
    "festival", "festivals", "summit", "palace",  # 'HT Leadership Summit', 'Saudi Royal Palace / AFP'
    # an Indian governor's or a government's house ('RAJ BHAVAN, TAMIL NADU' under a handout), and a fact-checking
    # desk ('HOR Fact-Check/FB', 'AFP Fact Check')
    "bhavan", "bhawan", "fact-check", "factcheck",
    "photography", "images", "pictures", "media", "studios", "productions", "films",
    "cartoons", "comics",  # a cartoon syndicate: 'Copyright Cagle Cartoons'
    "prod", "prod.", "prods", "awards",  # a film-still chain's 'Chuck Lorre Prod', 'Billboard Music Awards/Twitter'
    "industries", "communications", "network", "tv", "radio", "channel", "project", "conference", "trust", "party",
    "partido", "partito", "defense", "defence",  # 'Partido de La U', 'Gaza Civil Defense'
    # a magazine's or paper's own word in its title ('Foto: Revista BOCAS', 'Jornal do Commercio', 'Diario Harwick')
    "revista", "jornal", "diario", "diário", "periódico", "periodico", "semanario",
    # and in Slavic languages ('Новая газета', 'Российская газета', 'Gazeta Wyborcza', 'Hospodářské noviny')
    "газета", "газети", "газеты", "журнал", "вестник", "вісник", "известия", "ведомости", "gazeta", "dziennik",
    "tygodnik", "noviny", "deník", "denník", "novine", "новине",
    "club", "alliance", "coalition", "partners", "collective", "cooperative", "team", "airlines", "laboratory", "lab",
    "labs",
    "tourism", "visit", "destination", "international",  # tourism boards: 'Visit Norway', 'Destination Canada'
    "region",  # a public body's regional unit: 'USFWS Pacific Southwest Region', 'NPS Intermountain Region'
    "division", "holdings", "robotics", "pharmaceuticals", "pharma", "therapeutics", "biotech",
    "technologies", "systems", "aerospace", "electronics", "logistics", "semiconductor", "semiconductors",
    "automotive", "energy", "mining", "chemicals", "engineering", "dynamics", "ventures", "software", "airline",
    "statistics", "watch", "observatory", "design", "collaboration", "consortium",  # 'CMS Collaboration'
    "telescope", "spacecraft", "satellite", "orbiter", "rover", "mission",  # 'NASA, ESA, Hubble Space Telescope'
    "univ",  # 'Univ. of Arizona'
    "program", "programme",  # "Getty's Open Content Program"
    "realty", "realtors", "properties", "architects",  # 'Photo courtesy of Bramble Lane Realty'
    "interiors", "solutions",  # a design studio, a firm: 'Courtesy of Harwick Interiors', 'HD Visual Solutions'
    "fc", "cf", "afc", "fk", "bk", "sk",  # football clubs: 'Harbor City FC', 'Real Marrow CF'
    *SPORT_WORDS,
    "estate",  # '© Estate of Jane Roe': the heirs hold the rights
    "feuerwehr", "fire", "wire", "reporting", "newsroom", "commons", "wikimedia", *NEWSPAPER_WORDS,
    "newspapers",  # a publisher's group: 'Houston Chronicle/Hearst Newspapers via Getty Images'
    "research",  # a firm's or a body's research unit: 'Image courtesy of Microsoft Research', 'Pew Research
    "jail", "prison",  # 'Montgomery County Jail via AP': a booking photo's source
    "county", "township", "borough", "parks", "recreation",  # local government: 'Courtesy of Harwick County'
    "wildlife", "fisheries",  # a state's wildlife agency: '(Jane Roe/Harwick Fish and Wildlife)', '… Fisheries and …'
    "секретариат", "пресс-служба", "служба", "агентство",
    "новости", "министерство", "пресс-центр", "администрация", "правительство", "мэрия", "управление",
    "прес-служба", "міністерство", "адміністрація", "уряд", "офіс", "офис", "генштаб", "штаб", "полиция", "поліція",
    "사진부", "뉴스", "일보", "통신", "新闻",
    "stadt", "gemeinde", "landkreis", "kreis", "bundesamt", "landesamt", "amt", "verlag", "mairie",
    "préfecture", "région", "ayuntamiento", "prefeitura", "câmara", "comune", "regione", "gmina", "urząd", "miasto",
    "collection", "collections", "sammlung", "bibliothek", "bibliotheek", "bibliothèque", "biblioteca", "gallery",
    "galerie", "galleria", "archiv", "archivo", "archivio", "arquivo", "archief", "arkiv",
    "photothèque", "phototheque", "fototeca", "fototeka", "photolibrary",  # a photo library: '© Photothèque CICR'
    "alcaldía", "alcaldia", "gobernación", "municipalidad", "intendencia", "prefectura", "cancillería",  # Spanish
    "وزارة", "وكالة", "هيئة", "مكتب", "بلدية", "شرطة", "مديرية", "رئاسة", "جامعة",  # Arabic: ministry, agency, …
    "humas", "pemprov", "pemkot", "pemkab", "kementerian", "dinas", "badan", "polda", "polres", "polri", "setpres",
    "biro", "kantor",  # Indonesian: public relations, provincial/city government, ministry, police, …
    "ofisi", "wizara", "idara", "serikali", "shirika", "mamlaka", "halmashauri", "taasisi", "jeshi", "polisi",
    "chuo",  # Swahili: office, ministry, department, government, corporation, authority, council, institute, …
    "משרד", "דוברות", "דובר", "משטרת", "עיריית", "צה\"ל", "רשות", "לשכת", "אוניברסיטת",  # Hebrew: ministry, spokesman
    *TRADE_NOUNS,
})
# A newspaper's title by its last word: after a hyphen ('Omaha World-Herald', 'Corpus Christi Caller-Times', 'St.
# Louis Post-Dispatch') or after 'The' and at least one more word ('The Kansas City Star', 'The Sacramento Bee'). These
# words alone are given names or surnames too ('Star', 'Bee', 'Sun'): only in those two places do they make a title.
NEWS_TITLE_ENDS = frozenset({
    "herald", "times", "post", "dispatch", "gazette", "journal", "tribune", "press", "news", "telegram", "picayune",
    "ledger", "leader", "star", "sun", "bee", "globe", "record", "register", "republic", "examiner", "observer",
    "citizen", "independent", "constitution", "democrat", "sentinel", "courier", "chronicle", "enquirer", "inquirer",
    "courant", "bulletin", "statesman", "advocate", "argus", "eagle", "review", "standard", "mercury", "appeal",
    "blade", "dealer", "caller",  # 'The Harwick Caller', 'Caller-Times'; alone a surname's ('Photo: Jamie Caller')
})
# Word endings that make an organisation in languages that write compounds as one word: 'Stadtarchiv Wernau',
# 'Landesarchiv', 'Staatsbibliothek', 'Kunstsammlung', 'Stadtmuseum', 'Nationalgalerie', 'Riksarkivet'.
ORGANISATION_WORD_ENDINGS = (
    "archiv", "archive", "archives", "archief", "arkiv", "arkivet", "arkisto", "museum", "museet", "museo",
    "bibliothek", "bibliotheek", "bibliotek", "biblioteket", "sammlung", "sammlungen", "galerie", "verlag",
    "ministerium", "stiftung", "verwaltung", "behörde", "hochschule", "universität", "polizei", "feuerwehr",
    "brauerei", "werke",
    "ség", "ság", "iroda", "hivatal", "minisztérium",  # Hungarian: 'Miniszterelnökség', 'Sajtóiroda', 'Hivatal'
    "ministerstvo", "ministeriö", "ministerie", "ministeriet", "departementet",  # Czech, Finnish, Dutch, Nordic
    "virasto",  # Finnish 'agency': 'Museovirasto'
)
# The endings of an agency's or a press's brand written as one capitalised word ('Costfoto', 'Sportsphoto',
# 'Asiapress', 'Newspix'); only after three letters or more, and never in a handle written in lower case.
BRAND_WORD_ENDINGS = ("fotos", "foto", "photos", "photo", "press", "pix")
# Korean, Japanese and Chinese bodies written as one word: association, foundation, committee, federation,
# university, institute ('한국사진기자협회', '日本写真家協会', '中国摄影家协会'). Only glued to the body's name and
# closing the credit: the word alone after a person's name is a job title or membership ('김철수 연구원', a
# researcher; '박민수 재단 이사장', a foundation's chairman).
# Chinese papers' re-shot and taken-from credits: '(圖/翻攝自微博)' (re-shot from Weibo), '(圖擷取自@x推特)' (taken from
# a Twitter account), '(取材自微博)': the words (after an optional 圖, picture) that open the link, and the platforms'
# names that close it, glued to the account's holder ('翻攝自林曉薇臉書': Lin's Facebook page)
RESHOT_FROM = re.compile(r"^[圖图]?(?:翻攝|翻摄|擷取|撷取|取材|截圖|截图)自")
RESHOT_PLATFORM = re.compile(r"(?:微博|臉書|脸书|推特|Facebook|FB|Twitter|Instagram|IG|YouTube|Threads|抖音|"
                             r"小紅書|小红书)$")
CJK_BODY_ENDINGS = ("협회", "재단", "위원회", "연맹", "대학교", "연구원", "연구소",
                    # civic groups: a federation, a solidarity group, a network ('환경운동연합', '참여연대',
                    # '낙동강네트워크'); a person's name is shorter than two syllables and the ending
                    "연합", "연대", "네트워크",
                    "전자",  # Korean 'electronics', a maker's name: '삼성전자', 'LG전자' (a company's handout)
                    "協会", "財団", "委員会", "协会", "基金会", "委员会")
# Company forms of many countries: the last word(s) of a name make it an organisation ('Norrbo Studio AB', 'Kvale
# Media A/S', 'Albera Immagini S.p.A.'). Matched as written or in capitals, after at least one word of the name:
# case matters ('AS' is Norway's form, 'as' a word; 'ASA' a form, 'Asa' a given name). Left out: forms that are
# also place codes after a town ('ME', 'CO', 'SE'), or words ('AD', 'CV'); 'KG' only after a word (AFTER_A_WORD_FORMS).
COMPANY_FORMS = (
    "Inc", "Inc.", "LLC", "L.L.C.", "LLP", "L.P.", "PLLC", "PBC", "Corp", "Corp.", "Co.", "Ltd", "Ltd.", "Limited",
    "PLC", "plc", "Pty Ltd", "Pty. Ltd.", "Pty", "Pvt Ltd", "Pvt. Ltd.", "Sdn Bhd", "Bhd", "Co., Ltd.",  # English
    "GmbH", "gGmbH", "AG", "Co. KG", "OHG", "GbR", "e.V.",  # German
    "SA", "S.A.", "SAS", "S.A.S.", "SARL", "Sarl", "S.à r.l.", "SNC", "S.L.", "SLU", "S.L.U.", "Ltda", "Ltda.",
    "EIRELI", "SpA", "S.p.A.", "Srl", "S.r.l.", "SRL", "Sagl",  # French, Iberian, Italian
    "S.A. de C.V.", "S.A.B. de C.V.", "S. de R.L.", "S. de R.L. de C.V.", "SA de CV",  # Mexican
    "BV", "B.V.", "NV", "N.V.", "VOF", "BVBA",  # Dutch, Belgian
    "AB", "Oy", "Oyj", "AS", "ASA", "A/S", "ApS", "I/S", "K/S", "P/S", "ehf.",  # Nordic
    "KK", "K.K.", "OÜ", "SIA", "UAB", "EOOD", "OOD", "d.o.o.", "d.d.", "s.r.o.", "a.s.", "Kft.", "Zrt.", "Nyrt.",
    "sp. z o.o.", "Sp. z o.o.", "S.A.E.", "A.Ş.", "Ltd. Şti.", "JSC", "PJSC", "OOO", "ООО", "АО", "ПАО", "ЗАО",
)


# Forms that read as one only after a word of letters ('Brauerei Feldmann KG', never a weight: '25 KG').
AFTER_A_WORD_FORMS = ("KG",)
COMPANY_FORM_NAMES = frozenset(f for form in COMPANY_FORMS for f in (form, form.upper()))


def _company_form() -> re.Pattern[str]:
    forms = sorted(COMPANY_FORM_NAMES, key=lambda f: (-len(f), f))
    written = [re.escape(form) + ("?" if form.endswith(".") else "") for form in forms]  # 'S.p.A' at a line's end
    # the form first, then the look-behind: an alternative led by a literal keeps the engine's quick test of it
    written += [re.escape(form) + rf"(?<=[^\W\d_][ \t]{re.escape(form)})" for form in AFTER_A_WORD_FORMS]
    return with_first_chars(re.compile(r"(?<=\S)[ \t,]+(?:" + "|".join(written) + r")$"))


# A name that ends with a company form (after a space or a comma: 'Harbor Lane Media, LLC').
COMPANY_FORM = _company_form()
# A slash that separates the links of a chain, but not the one inside a Danish company form ('Kvale Media A/S').
CHAIN_SLASH = r"(?!(?<=\b[AIKP])/S\b)(?!(?<=\b[Nn])/[Aa]\b)(?<!(?<!\w)[ur])/"  # nor Reddit's 'u/name', 'r/name';
# nor the placeholder 'N/A' (not applicable: '(Foto: N/A)', a gallery's empty credit slot)
# Words that make an organisation only before 'de'/'du'/"d'" ('Ville de Lyon'): alone, 'Ville' is a Finnish given
# name ('Ville Korhonen').
BODY_BEFORE_DE = frozenset({"ville"})
# Organisation words that are also common surnames ('Melissa Bank/AP', 'Photo by Richard Fleet for The Times', 'Photo:
# Ian Board'): a name of two words that ends with one reads as a person's, as it did before they were organisation
# words, unless its first word is an organisation word too; longer names ('Bank of England', 'U.S. Pacific Fleet',
# 'Harwick Tourism Board'), names with a company form ('Nordic Bank ASA') and the bodies the catalog knows still read as
# organisations. A name of two words so ending between a list's commas or an 'and' is a person's too ('Photos by Jane
# Board and Tom Bell').
SURNAME_ORGANISATION_WORDS = frozenset({"bank", "fleet", "board"})
# Organisation words that make a body's name in a citation's piece only written with a capital ('Harwick Health
# Board'): in lower case a painting's support ('Jane Roe, Harbour, 1923, oil on board, Wikimedia Commons').
CAPITALISED_ORGANISATION_WORDS = frozenset({"board"})
# Organisation words that are given names too ('Summit Sharma'): as the first word of a name they make no body
# (and an Indian government's house, 'Raj Bhavan', after its name: 'Bhavan Mehta', 'Bhawan Singh Rana' are people)
GIVEN_NAME_ORGANISATION_WORDS = frozenset({"summit", "bhavan", "bhawan"})
# A US broadcast station by its brand: a network's name with the station's channel number ('NBC 5', 'NBC 4 New York',
# 'NBC6', 'Telemundo 51', 'FOX 4'), a network's name with its market ('NBC Bay Area', 'CBS New York'), or the call
# letters with the channel or the service ('KARE 11', 'KING 5', 'WCCO-TV'). A network's name alone is a source the
# catalog may know; two words after 'Fox' or 'Abc' in mixed case are a person's ('Fox Mulder'), so the brands are
# matched as the stations write them, in capitals (Telemundo and Univision as written).
BROADCAST_STATION = re.compile(
    r"^(?:(?:NBC|CBS|ABC|FOX|PBS|CW|Telemundo|Univision|UniM[aá]s)[ \t]?\d{1,2}"
    r"(?:[ \t]+[A-Z][\w'’.-]*){0,3}"
    r"|(?:NBC|CBS|Telemundo|Univision)(?:[ \t]+[A-Z][\w'’.-]*){1,3}"
    r"|[KW][A-Z]{2,3}(?:-(?:TV|DT|CD|LD))?[ \t]+\d{1,2}(?:[ \t]+News)?)$")
_STATION_FIRST = frozenset("NCAFPTUKW")  # the first letters of BROADCAST_STATION's matches (a set test before it)


def names_a_station(text: str) -> bool:
    """'NBC 5', 'NBC Bay Area', 'KARE 11': the whole text is a US TV station's brand (BROADCAST_STATION)."""
    return text[:1] in _STATION_FIRST and BROADCAST_STATION.match(text) is not None


ORGANISATION_SUFFIX = with_first_chars(re.compile(
    r"(?i)(?:\.(?:com|org|net|gov|edu|cc|io|co|info|ru|de|fr|uk|jp|cn|nl|be|se|no|dk|fi|cz|sk|hu|ro|md|pl|it|pt|br|es|"
    r"hr|rs|si|ba|mk|bg|ua|gr|vn|my|ph|tz|ke|bd|pk|at|ch|cat)\b|(?:社|局|部|庁|省|院|会|館|馆|所|県|大学|公司|集团|銀行|银行|협회|일보|뉴스|통신|시청|구청|군청|도청|재단|센터|공사|대학교|병원|위원회|박물관|신문|방송|픽쳐스|픽처스|엔터테인먼트|스튜디오|프로덕션|어판)$)"
))
# A subject shown in the image rather than a maker: "(L)", "(R)", "left", "right".
SUBJECT_MARK = re.compile(r"(?i)\((?:l|r|c|left|right|center|centre|top|bottom)\)")
# Lead-in words a typo may bend ('Phoot by', 'Imgae:'): a word of the same length one swap or one letter away
# from one of these, before 'by' or a colon, is read as it.
TYPO_LEAD_WORDS = ("photo", "image", "credit", "picture", "photograph", "courtesy", "source")
# CONTRIBUTORS' words written in ASCII, lowered (or the part they share): a text with none of them, all ASCII, holds no
# match (scan.may_hold)
CONTRIBUTOR_WORDS = ("contribu", "mitwirkende", "beitragende", "colaboradores", "collaboratori", "bijdragers",
                     "medvirkende", "bidragsytere", "bidragsgivare")
# A collective credit: a name and its contributors ('OpenStreetMap contributors', 'OpenStreetMap und
# Mitwirkende'), by language. The whole is an organisation, never a person.
CONTRIBUTORS = with_first_chars(re.compile(
    r"(?i)(?:\s+(?:and|&|und|et|y|e|i|en|og|och|и|та|і))?\s+(?:(?:its|seine|ses|sus|i\s+suoi)\s+)?"
    r"(?:contributors|mitwirkende|beitragende|contributeurs|contributeur·rice·s|colaboradores|contribuidores|"
    r"collaboratori|contributori|współtwórcy|współautorzy|bijdragers|medvirkende|bidragsytere|bidragsgivare|"
    r"участники|авторы|учасники|автори|contribuyentes)$"
))
# Definite articles that open the title of a publication or a studio ('El Estoque', 'Le Monde', 'Die Zeit'),
# never a person's name; 'De', 'Van', 'Di' and the like are surname particles and stay out, and so do 'Le' (a
# Vietnamese surname: 'Le Van Khoa'), 'La' ('La Toya Brooks'), 'Les' (an English given name), 'Lo' (a Chinese
# surname), 'El' ('El Sayed Ramzy') and 'Das' (a Bengali surname): a title opened by one of these ('Le Monde') is
# left to the source catalog, or read as one beside the body that publishes it (LIST_ARTICLES).
TITLE_ARTICLES = frozenset({"the", "los", "las", "il", "der", "die", "het", "더"})  # '더': Korean for 'The'
# 'El' and 'La' open given names and surnames as well as titles ('El Sayed Ramzy', 'La Toya Brooks', 'La Van Minh'):
# before one of the nouns papers take for their title ('El Tiempo', 'La Nación', 'El Heraldo'), the two words are a
# paper's title. Other names after 'El'/'La' stay as the shape of the name reads them.
TITLE_NOUNS_AFTER_ARTICLE = frozenset({
    "tiempo", "país", "pais", "mundo", "universal", "comercio", "heraldo", "espectador", "colombiano", "diario",
    "nación", "nacion", "prensa", "razón", "razon", "voz", "tercera", "jornada", "opinión", "opinion", "vanguardia",
    "gaceta", "crónica", "cronica", "estrella", "república", "republica", "hora", "tribuna", "verdad", "observador",
    "periódico", "periodico", "informador", "norte", "sur", "siglo", "financiero", "economista", "clarín", "clarin",
    "capital", "mercurio", "deber", "nuevo", "correo", "faro", "litoral", "pueblo", "sol", "imparcial", "debate",
    # French papers after 'Le', 'La', 'Les' ('Le Parisien', 'La Dépêche', 'Les Echos')
    "parisien", "figaro", "monde", "point", "progrès", "dauphiné", "télégramme", "républicain", "provençal",
    "courrier", "journal", "soir", "matin", "devoir", "droit", "nouvelliste", "croix", "dépêche", "depeche",
    "échos", "echos", "quotidien", "presse", "parisienne", "montagne", "marseillaise", "liberté",
})
# Articles that open a title in a comma list beside an organisation ('El Faro, Marrowby High School': a school's
# paper), where a name's position makes no person of it.
LIST_ARTICLES = TITLE_ARTICLES | {"el", "la", "le", "les", "lo", "das"}
# Labels of a page's controls that a copied caption carries ('hide caption', 'toggle caption', 'Enlarge this
# image', 'Expand' at a line's end, 'camera icon', a fold marker '... [+]', and a Korean page's links at a line's
# end: 더보기 'more', 관련기사 'related articles', 댓글 'comments', 공유하기 'share', …): never part of a caption or a
# credit (a Korean word alone after a caption's last sentence would read as its signature).
# One table for every reader: plain text (credits.py), HTML (html.py) and Markdown (markdown.py).
UI_LABELS_PATTERN = (
    r"\bcamera\s+icon\b|\b(?:hide|toggle|show)\s+caption\b|\benlarge\s+this\s+image\b|"
    r"(?m:(?<=\s)expand(?=[ \t]*$))|(?:(?:\.\.\.|…)[ \t]{0,3})?\[[+\-]\](?!\()|"
    r"(?m:(?<=\s)(?:더보기|관련\s?기사|기사\s?원문|원문\s?보기|전체\s?보기|댓글(?:\s?쓰기)?|공유(?:하기)?|구독(?:하기)?|"
    r"좋아요|닫기|펼치기|접기|목록|인쇄|스크랩|이전\s?기사|다음\s?기사)(?=[ \t]*$))"
)
UI_LABELS = with_first_chars(re.compile("(?i)" + UI_LABELS_PATTERN))
# A news site's button after its articles ('Add us as a preferred source on Google', Romanian 'Adaugă-ne ca sursă
# preferată'): a UI label too, looked for only in a text that holds its rare word (its first letter, 'a', starts a
# word in most lines: in the scan above it cost every line).
_PREFERRED_SOURCE = re.compile(r"(?i)\badd\s+(?:us\s+)?as\s+(?:a\s+)?preferred\s+source(?:\s+on\s+google)?\b|"
                               r"\badaug[ăa]-ne\s+ca\s+surs[ăa]\s+preferat[ăa]\b")


def blank_ui_labels(text: str, blank: str | Callable[[re.Match[str]], str], lowered: str | None = None) -> str:
    """The text with every UI label replaced by `blank` (a string, or a function of the match); `lowered`, where
    the caller has it, lowered_for_gates(text) (a long text's scan is gated: the same matches)."""
    lowered = lowered_for_gates(text) if lowered is None else lowered
    text = gated_sub(UI_LABELS, blank if callable(blank) else lambda match: match.expand(blank), text, lowered)
    if "referred" in text or "REFERRED" in text or "referat" in text or "REFERAT" in text:
        text = _PREFERRED_SOURCE.sub(blank, text)
    return text


# Countries in English, as contests and exhibitions write them after an entrant's name ('Photographer: Ada Brook,
# Philippines'): a country closing a name list is where the person is from, no second person. Names of countries that
# are also given names or surnames (Chad, Georgia, India, Israel, Jordan, Kenya) are left out.
COUNTRIES = frozenset(name.strip() for name in """
afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria, azerbaijan, bahamas, bahrain,
bangladesh, barbados, belarus, belgium, belize, benin, bhutan, bolivia, bosnia and herzegovina, botswana, brazil,
brunei, bulgaria, burkina faso, burundi, cambodia, cameroon, canada, cape verde, central african republic, chile,
china, colombia, comoros, congo, costa rica, côte d'ivoire, cote d'ivoire, croatia, cuba, cyprus, czech republic,
czechia, denmark, djibouti, dominican republic, drc, dr congo, democratic republic of congo,
democratic republic of the congo, ecuador, egypt, el salvador, equatorial guinea, eritrea, estonia, eswatini, ethiopia,
fiji, finland, france, gabon, gambia, germany, ghana, greece, grenada, guatemala, guinea, guinea-bissau, guyana, haiti,
honduras, hungary, iceland, indonesia, iran, iraq, ireland, italy, jamaica, japan, kazakhstan, kiribati, kosovo,
kuwait, kyrgyzstan, laos, latvia, lebanon, lesotho, liberia, libya, liechtenstein, lithuania, luxembourg, madagascar,
malawi, malaysia, maldives, mali, malta, mauritania, mauritius, mexico, micronesia, moldova, monaco, mongolia,
montenegro, morocco, mozambique, myanmar, namibia, nauru, nepal, netherlands, new zealand, nicaragua, niger, nigeria,
north korea, north macedonia, norway, oman, pakistan, palau, palestine, panama, papua new guinea, paraguay, peru,
philippines, poland, portugal, qatar, romania, russia, rwanda, samoa, san marino, saudi arabia, senegal, serbia,
seychelles, sierra leone, singapore, slovakia, slovenia, solomon islands, somalia, south africa, south korea,
south sudan, spain, sri lanka, sudan, suriname, sweden, switzerland, syria, taiwan, tajikistan, tanzania, thailand,
timor-leste, togo, tonga, trinidad and tobago, tunisia, turkey, türkiye, turkmenistan, tuvalu, uganda, ukraine,
united arab emirates, uae, united kingdom, uk, united states, usa, uruguay, uzbekistan, vanuatu, venezuela, vietnam,
viet nam, yemen, zambia, zimbabwe
""".replace("\n", " ").split(","))

# A citation's words (credit_citations): archives, libraries and museums credit a work as a citation ('Johannes
# Vermeer. The Kitchen Maid, c. 1658. Oil on canvas. Rijksmuseum, Amsterdam').
# Words that name a holding institution: a name holding one, or a compound ending in one ('Stadtarchiv Dortmund',
# 'Rijksmuseum', 'Alte Nationalgalerie'), is a holder. 'Collection' names a holder only when no other is named (the
# 'Bain Collection' of the Library of Congress is what it holds, the 'Royal Collection' the holder).
HERITAGE_WORDS = frozenset({
    "archive", "archives", "archiv", "archivo", "archivio", "arquivo", "archief", "arkiv", "archiwum", "arhiv",
    "library", "libraries", "bibliothek", "bibliotheek", "bibliothèque", "biblioteca", "bibliotek", "biblioteka",
    "museum", "museums", "museo", "musée", "musee", "museu", "muzeum", "muséum", "gallery", "galleries", "galerie",
    "galleria", "galería", "memorial", "photothèque", "fototeca", "fototeka", "athenaeum", "kunsthalle",
    "museovirasto",  # the Finnish Heritage Agency
})
HERITAGE_ENDINGS = ("archiv", "archief", "arkiv", "arkivet", "arkisto", "museum", "museet", "bibliothek", "bibliotheek",
                    "bibliotek", "biblioteket", "galerie", "sammlung", "sammlungen", "fotothek")
COLLECTION_WORDS = frozenset({"collection", "collections", "sammlung", "collectie", "colección", "coleção",
                              "collezione", "kokoelma", "kuvakokoelma", "samling"})
# The Red Cross and Red Crescent Movement's national societies go by the emblem's name and their country's
# ('Liberian Red Cross', 'Polish Red Cross', 'Croix-Rouge française'): a body, though 'Cross' alone is a surname.
MOVEMENT_PHRASES = ("red cross", "red crescent", "croix-rouge", "cruz roja", "rotes kreuz", "croce rossa",
                    "cruz vermelha", "crescent rouge", "croissant-rouge", "media luna roja")
# 'Historical Society', 'Historic Preservation Society': a society of local history holds its town's pictures.
HERITAGE_PHRASES = ("historical society", "history center", "history centre", "historical association",
                    "history museum", "records office", "record office")
# The words of a holder's unit named after it ('Prints and Photographs Division', 'département Monnaies', 'Department
# of Botany', 'Manuscript Division'): kept with the holder, as a joint credit is.
UNIT_WORDS = frozenset({"division", "department", "département", "departamento", "dipartimento", "abteilung", "section",
                        "branch", "service", "unit", "office", "reading room", "center", "centre"})
# The words of a publication or a publisher ('Museum Studies', 'Harwick Library Press', 'Archive Books', 'Journal of
# Library History'): a bibliography's entry names one where a citation names its holder, and it holds no picture.
PUBLICATION_WORDS = frozenset({"press", "books", "publishing", "publishers", "publications", "journal", "quarterly",
                               "review", "studies", "bulletin", "magazine", "proceedings", "newsletter",
                               "transactions", "yearbook"})
# A maker's role after the name, as catalogue records write it ('Lee, Russell, Photographer, 1939'; 'Dorothea Lange,
# photographer'; 'H. J. Heinz Company, manufacturer'): the name before it is the maker.
MAKER_ROLES = frozenset({
    "photographer", "photographers", "artist", "engraver", "etcher", "lithographer", "printer", "printmaker",
    "publisher", "manufacturer", "maker", "illustrator", "draughtsman", "draftsman", "cartographer", "painter",
    "sculptor", "designer", "architect", "photographe", "fotograf", "fotógrafo", "fotografo", "studio",
})
# Words of a person's post ('Jane Roe, Head of Archives, National Library'): a line naming one identifies a person
# shown, and a piece holding one is no holder and no maker.
POST_WORDS = frozenset({
    "head", "director", "curator", "archivist", "librarian", "keeper", "president", "chief", "manager", "professor",
    "chair", "chairman", "chairwoman", "secretary", "minister", "officer", "spokesperson", "spokesman", "member",
    "trustee", "fellow", "staff", "volunteer", "visitor", "visitors", "founder", "ceo", "mayor", "governor", "senator",
})
# How a museum came by a work, opening a piece after the holder ('Gift of …', 'Bequest of …', 'Rogers Fund',
# 'Purchase', 'Transfer from …', 'Class of 1926'): no name from here to the citation's end.
ACQUISITION_WORDS = frozenset({"gift", "gifts", "bequest", "purchase", "purchased", "fund", "funds", "donated",
                               "donation", "transfer", "transferred", "loan", "lent", "acquired", "acquisition",
                               "legs", "don", "schenkung", "ankauf", "legado", "donación", "donazione", "class"})

# Common words of English, written in capitals as headings, kickers, slogans, signs, menus and the names of bands,
# teams, shows, streets and products ('WEATHER WARNING', 'BIG DEALS', 'PINK FLOYD', 'HARWICK ROVERS', 'ABBEY ROAD'): a
# run of capitals whose first or last word is one is no photographer's name where nothing but its shape says so
# (credit_capitals), unless the last is a surname too (WORD_SURNAMES). Words that are given names as often (Rose, May,
# Mark, Grace, Hope, Dawn, Art, Guy, Jack, Frank, Summer, Autumn, River, Rich, Sandy, Max, Lucky), surnames of the East
# Asian order's first word (Song, Moon, Long, Young, Park, Kim, Lee, Sun, Fan, Do, Go) and surnames in the plural
# (Banks, Woods, Fields, Brooks, Waters, Rivers, Hills) are left out.
COMMON_WORDS = frozenset("""
about above across after again against ahead alive all almost alone along also always amazing angry annual another
any anyone anything around away awesome back bad beautiful before behind below best better between beyond big bitter
blue bold brave breaking bright brilliant broken busy calm cheap clean clear close closed closing cold cool crazy cruel
dark dead deadly dear deep different dirty double down dry during each early easy empty endless epic equal every extra
fair fake false famous fast fat favourite favorite featured few final fine first foreign forever forward free fresh
from full fun funny further giant glad global golden good grand great happy hard heavy hidden high highly holy hot
huge human hungry inside into key large last late latest lazy legal less light little live lively local lonely loose
lost loud lovely mad magic main many mega mighty missing modern more most much mystery naked narrow natural
nearly never new next nice normal odd off official old once only open orange original other out outside over own past
perfect personal pink plain plus poor popular positive pretty private proud public pure purple quick quiet rare raw
ready real really recent red right rough round sad safe same second secret serious sharp shared silent silver simple
single slow small smart snowy social soft solid some special starry still strange such sudden super sure sweet tall
third thin tiny today together tomorrow tonight too top total tough trending true ugly under until up upon urgent
very vital warm weak weird well wet whole wide wild wise wrong yellow yesterday
act action actions age air alarm alert animal animals answer answers area arm arms army attack auto award awards baby
ball band bands bar barn base battle beach beauty bed beer bell bird birds birth blood board boat boats body
bomb book books border boss bottle box boy boys brain bread break bridge brother brothers budget building bus business
cake call camp campaign car cars card cards care case cash castle cat cats cause cell centre center chair champion
champions change changes chaos chart cheese chief child children chips choice church cinema circle class climate
clock cloud club coach coffee comeback comment comments community concert contact control cookie cookies cost country
couple course cover crash crew crime crisis crowd cup cut dance dancers day days deal deals death debate debt decision
delay demand design desk diet dinner disaster doctor doctors dog dogs dollar door dream dreams dress drink drive driver
drivers drug drugs duty earth economy edge education effect egg eggs election end energy enemy entry error event events
evidence exam exit eye eyes face fact facts factory family fans farm farmer farmers fashion father fear feast fever
fight fighters figure film films finish fire fish flag flight flood floor flower flowers focus food foods foot force
form fortune freedom friend friends front fruit fuel future game games garden gas gate gift gifts girl girls goal goals
god gold government growth guest guests gun guns hair half hall hand hands head health heart hearts heat hell hero
heroes history holiday home homes horse horses hospital hotel hour hours house houses hunger ice idea image impact
industry issue issues job jobs joke journey jump kid kids kill kitchen kite knife land law lead leader leaders leaf
league lesson letter letters level life line lines lion lions list lives living loan lock loss love luck lunch machine
man market match matter meal meat meeting men menu message metal middle milk mind minute mission model moment money
monkey monkeys month morning mother motor mountain mouse mouth move movie murder music nation nature neck need news
night noise note number nurse nurses oil order owl owner pain paint pair paper parent parents party pass path pay peace
people pet phone piano picture piece pig pilot pizza place plan plane plant plate play player players pocket point
poll pool post pot power price pride prison prize problem profit project promise protest pub queen question race
radio rain rally rate record rescue rest result results return review revolution ride ring rise risk road rock roof
room rule rules run runner runners rush safety sale salt sand school science score screen sea season seasons seat
sense sentence service settings sex shadow shame shape share ship ships shock shoe shoes shop shot show side sign
signal silence singer singers sister sisters size skin sleep smile smoke snow soldier soldiers son sons soul sound
space speed spirit sport sports square stage stars start station step stock stones stop story street strike
student students style success sugar support surprise system table tale talk tax tea teacher teachers team
tears term terms test thanks theft thing things threat ticket tide time times title tour town toy toys track trade
traffic train transfer travel treasure tree trees trial trip trouble truck trust truth turn twins union value van
victory view village violence visit voice vote walk wall war wars warning waste watch water wave way weather wedding
week weekend wheel wife win wins wind window wine winner winners winter woman women wonder word words work workers
world year years youth zone rovers rangers wanderers juniors seniors strikers united athletic deadline
add ask be become begin believe bring build buy can catch celebrate check choose come cook count create cry decide
die eat enjoy enter escape explore fall feel find fix fly follow forget get give grow hate have hear help hide
hit hold join keep know learn leave let like listen look lose make meet miss protect pull push put read remember
save say see sell send sing sit speak stand stay take tell think try wait wake want wish write
rolling levelling coming going loving opening led done gone made sold commended
privacy policy hats marathon gotcha helpers charity newsletter bake quiz bingo nativity panto boxing easter
remembrance appeal relief lockdown elections reform leadership avenue boulevard dancing general coat coats
one two three four five six seven eight nine ten monday tuesday wednesday thursday friday saturday sunday january
february september october november december signed copies pro ultra mini lite star stars bear bears chance
""".split())
# Common words above that are English surnames as well ('JANE HALL', 'TOM PRICE', 'ANN LITTLE'): a name's last word
WORD_SURNAMES = frozenset("""
ball bell best bird bridge bright case cash castle church cook dance day driver farmer fish flood foot gold good
hall head house law little love money nurse pool power price queen quick rain read rock rush sharp silver singer
small smart snow speed strange street sugar sweet wall way wild wind winter wise
""".split())


# The word lists of single rules of the grammar (credit_capitals, credit_citations, credit_fields, credit_parts,
# credit_spans, credits), each with what its words are for.
# The first words of places ('NEW YORK', 'SAN JOSE', 'BUENOS AIRES', 'HONG KONG', 'TEL AVIV', 'WEST HAM') and the last
# words of some abroad ('ASTON VILLA'): only in that place of the run, since many are surnames elsewhere ('ANA COSTA',
# 'JANE WEST', 'LUCIA SIERRA', 'JANE HONG'). It shares 17 words with PLACE_OPENINGS: each list kept as its rule reads
# it.
PLACE_FIRST_IN_CAPITALS = frozenset({
    "new", "san", "santa", "los", "las", "st", "st.", "saint", "fort", "port", "mount", "mt.", "north", "south",
    "east", "west", "upper", "lower", "rio", "puerto", "porto", "costa", "buenos", "kuala", "hong", "tel", "ciudad",
    "sierra", "monte", "nueva", "nuevo",
})
PLACE_LAST_IN_CAPITALS = frozenset({"villa", "kong", "aires", "aviv", "lumpur"})
# Words of a place, a body or a company, and of greetings and shouted phrases, that a photographer's name in capitals
# does not hold anywhere (surnames that are also words, 'YOUNG', 'KING', 'BROWN', 'WELSH', 'PARK', 'HILL', are left out)
NOT_A_NAME = frozenset({
    "city", "county", "island", "islands", "beach", "bay", "lake", "valley",
    "heights", "springs", "falls", "harbour", "harbor", "coast", "district", "province", "state", "republic",
    "kingdom", "united", "downtown", "royal", "national", "international", "ballet", "choir", "band", "ensemble",
    "company", "team", "club", "school", "council", "police", "zoo", "festival", "daily", "weekly", "happy",
    "birthday", "thank", "thanks", "you", "merry", "christmas", "congratulations", "congrats", "welcome", "game",
    "over", "sold", "out", "sale", "now", "today", "tonight", "coming", "soon", "cup", "final", "score", "luck",
    "done", "win", "yes", "no", "not", "all", "we", "it", "this", "that", "what", "why", "how", "who", "when", "where",
    "my", "our", "your", "their", "its", "just", "very", "wow", "omg", "lol", "sorry", "please", "help",
})
# Letters and jobs after a name that label the person a caption shows (a TV lower-third's 'JANE ROE MP', 'JANE ROE
# CORRESPONDENT'), never a photographer's credit
SHOWN_AFTER_NAME = frozenset({
    "mp", "msp", "ms", "mla", "mep", "td", "qc", "kc", "obe", "mbe", "cbe", "phd", "md", "ceo", "correspondent",
    "reporter", "editor", "presenter", "anchor", "chef", "coach", "captain", "manager", "minister", "senator", "mayor",
    "president", "councillor", "chairman", "director", "spokesman", "spokeswoman", "spokesperson", "photographer",
})
# Titles before a name: the person shown, as a label names them ('COUNCILLOR JANE ROE', 'DR JANE ROE', 'LADY ROE')
SHOWN_BEFORE_NAME = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame", "lady",
    "lord", "councillor", "cllr", "rev", "rev.", "revd", "reverend", "mayor", "senator", "president", "minister",
    "judge", "bishop", "chef", "coach", "captain", "chief", "head",
    # the same titles in the region's languages ('Prezident Jane Roe', 'Premiér Jane Roe', 'Президент Jane Roe')
    "prezident", "prezidentka", "prezydent", "predsednik", "predsjednik", "premiér", "premiérka", "premier",
    "ministr", "ministerka", "ministar", "президент", "премьер", "министр", "прем'єр", "міністр",
})
def capitals_name_by_words(name: str) -> bool:
    """Whether the words of a run of capitals allow a person's name: no place ('NEW YORK', 'HONG KONG', a country),
    no heading's, slogan's or sign's common word ('WORLD CUP', 'BLACK AND WHITE', 'VIDEO GRAB'), no title or job of the
    person shown ('DR JANE ROE', 'JANE ROE MP') and no initials without a vowel ('KFC'): a given name is seldom a
    common word, a surname seldom one (WORD_SURNAMES are)."""
    words = [word.strip(".") for word in name.split()]
    if not words:
        return False
    folded = {word.casefold() for word in words}
    if not folded.isdisjoint(NOT_A_NAME) or name.casefold() in COUNTRIES:
        return False
    first, last = words[0].casefold(), words[-1].casefold()
    if first in PLACE_FIRST_IN_CAPITALS or last in PLACE_LAST_IN_CAPITALS:
        return False
    if first in COMMON_WORDS or (last in COMMON_WORDS and last not in WORD_SURNAMES) or last in SHOWN_AFTER_NAME \
            or first in SHOWN_BEFORE_NAME:
        return False
    return not any(len(word) >= 3 and _VOWELS.isdisjoint(word.upper()) for word in words)


_VOWELS = frozenset("AEIOUY")


# Small words that join the words of a body's name ('Museum of London', 'Ofisi ya Waziri Mkuu')
NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "in", "at", "de", "du", "des", "la", "le", "les", "el", "los",
                             "y", "e", "da", "do", "dos", "das", "di", "del", "della", "und", "der", "die", "van",
                             "von", "&", "и", "в", "na", "w", "z", "i",
                             "ya", "wa", "za", "cha"})  # Swahili "of": "Ofisi ya Waziri Mkuu", "Chuo Kikuu cha …"
# ('in', 'at': 'Institute of Physics in Opava', 'University of North Carolina at Chapel Hill', after a capitalised
# word only)
PLACE_CONNECTORS = frozenset({"in", "at"})
# The words of research bodies that a public body credits jointly ('NASA/JPL-Caltech/University of Arizona',
# 'NASA / JPL / Space Science Institute', 'CERN / CMS Collaboration', 'JAXA / Hayabusa2 ONC team')
RESEARCH_WORDS = frozenset({"university", "univ.", "univ", "universität", "université", "universidad", "institute",
                            "institut", "collaboration", "consortium", "team", "observatory", "laboratory", "lab",
                            "science", "college", "centre", "center"})
# A platform's account: 'Flickr user ridgewalker88', 'Instagram-Nutzerin lena.berg': the platform, then the name.
ACCOUNT_WORDS = frozenset({"user", "member", "account", "nutzer", "nutzerin", "utilisateur", "utilisatrice", "usuario",
                           "usuaria", "usuário", "usuária", "utente", "użytkownik", "пользователь", "користувач"})
# Handout marks of a chain ('Foto: Divulgação/Tesla', 'Handout/FPF'): the one word beside them names who supplied it.
# Spanish 'Difusión' (Peru's Andina: 'Foto: ANDINA/Difusión') is the same mark.
HANDOUT_MARKS = frozenset({"divulgação", "divulgacao", "divulgación", "difusión", "difusion", "handout",
                           "handout photo"})
# Words of a holder's bracket that name no photographer: its rights, departments, rooms and how it came by the work
NOT_A_PHOTOGRAPHER = frozenset({
    "rights", "reserved", "photographic", "photography", "imaging", "digital", "images", "image", "archive", "archives",
    "collection", "collections", "department", "services", "studio", "library", "detail", "file", "stock",
    # a building, a room or a street of the holder's
    "room", "wing", "floor", "hall", "gallery", "galleries", "building", "store", "castle", "palace", "palais",
    "abbey", "cathedral", "church", "chapel", "museum", "street", "road", "avenue", "square", "lane", "gardens",
    "city", "island", "islands", "county", "team",
    # how the work came
    "gift", "bequest", "bequeathed", "purchase", "purchased", "presented", "donated", "loan", "lent", "fund",
    "courtesy", "acquired", "accepted", "transferred"})
# A town's or a place's first word ('New York', 'St Ives', 'Los Angeles', 'Grand Palais', 'Mount Stuart')
PLACE_OPENINGS = frozenset({"new", "st", "st.", "saint", "san", "santa", "são", "los", "las", "el", "le", "la",
                            "grand", "great", "little", "port", "fort", "mount", "lake", "north", "south", "east",
                            "west", "upper", "lower", "old", "royal", "palazzo", "villa", "isle", "cape"})
# The first words of a Portuguese or Spanish place's, building's or event's name ('Praça da Sé', 'Avenida Paulista',
# 'Rio de Janeiro', 'Estádio do Morumbi', 'Copa do Brasil'): a caption's place between dashes, where a Folha credit's
# photographer stands ('… – Jane Roe – 22.fev.2021/Reuters'), never a person's name
PLACE_OR_EVENT_OPENINGS = frozenset({
    "praça", "praca", "plaza", "avenida", "av.", "rua", "calle", "largo", "alameda", "travessa", "estrada", "rodovia",
    "ponte", "praia", "parque", "jardim", "bairro", "vila", "cidade", "ciudad", "rio", "lago", "morro", "ilha",
    "estádio", "estadio", "arena", "ginásio", "palácio", "palacio", "igreja", "catedral", "aeroporto", "porto", "museu",
    "museo", "teatro", "hospital", "universidade", "congresso", "câmara", "senado", "assembleia", "esplanada",
    "copa", "campeonato", "torneio", "torneo", "mundial", "olimpíada", "olimpíadas", "festival", "carnaval", "bienal",
    "marcha", "parada",
})
# Jobs at a sport ('Basketball Photographer', 'Football Fans'): beside a sport's word they name no body
JOB_WORDS = frozenset({"photographer", "photographers", "photography", "writer", "reporter", "editor", "coach",
                       "player", "players", "fan", "fans"})
# A person's job closing a title after the name ('Jane Roe, Travel Editor', 'Ida Vell, Museum Director', 'Tom Bell's
# Assistant'): singular, as a job is written; a body's name does not end so, whatever organisation word is before it
PERSON_JOB_WORDS = frozenset({"photographer", "editor", "reporter", "writer", "correspondent", "columnist", "director",
                              "manager", "instructor", "critic", "organiser", "organizer", "leader", "officer",
                              "assistant", "curator", "coordinator", "producer", "contributor", "intern", "librarian",
                              "spokesperson", "spokesman", "spokeswoman", "designer", "founder", "owner", "president",
                              "winner"})
# A person's relatives, after a possessive ("Tom Bell's Daughter"): a person of someone's, no firm of someone's
KIN_WORDS = frozenset({"daughter", "son", "wife", "husband", "mother", "father", "mom", "dad", "brother", "sister",
                       "grandson", "granddaughter", "grandmother", "grandfather", "niece", "nephew", "cousin", "widow",
                       "partner", "friend"})
# Articles and possessives: a word before a stock site's dash that opens prose, never an outlet's name
NOT_AN_OUTLET = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "our", "my", "your", "its"})
# Short words a headline or a gallery puts before PHOTOS in capitals ('IN PHOTOS:', 'NEW PHOTOS:', 'ALL PHOTOS:'):
# prepositions and a kicker's adjectives, never an outlet's initials
KICKER_WORDS = frozenset({"in", "on", "at", "of", "for", "from", "to", "by", "with", "new", "all", "more", "most",
                          "other", "key", "top", "best", "first", "last", "rare", "old", "see", "view", "watch", "big",
                          "main", "hot", "live"})
# A name ending in one of these is cut from a longer one ('Chief of Staff', 'Office of the Chief of Staff')
OPEN_END_WORDS = frozenset({"of", "the", "and", "for", "to", "de", "du", "des", "la", "le", "der", "von", "di", "del"})
# Small words of a body's name spelled out before its short form in brackets ('Museum of Art (MoA)')
SPELLED_OUT_CONNECTIVES = frozenset({"of", "the", "for", "and", "&", "de", "do", "da", "dos", "das", "del", "la", "le",
                                     "des", "du", "y", "e", "et", "für", "der"})
# The words of a broadcaster's channel or a wire's kind of story after its name: no desk, and after the colon a
# programme or whom the story is about ('(ABC Family: Pretty Little Liars)', '(AP Interview: Jane Roe)')
CHANNEL_WORDS = frozenset({"kids", "family", "comedy", "me", "jazz", "classic", "country", "interview", "exclusive",
                           "poll", "opinion", "explainer", "podcast", "analysis"})
# The lower-case words a museum's acquisition clause holds ('Gift of the artist in memory of her husband', 'Purchase,
# with funds from the Coe Foundation', 'Bequest of Mrs. Jane Roe'): any other ('The school, Gift of God Academy,
# opened in 1990') makes it a sentence.
ACQUISITION_CLAUSE_WORDS = frozenset({
    "of", "the", "and", "in", "from", "with", "by", "for", "to", "on", "de", "la", "le", "du", "des", "van", "von",
    "der", "gift", "gifts", "bequest", "purchase", "purchased", "partial", "promised", "donated", "donation", "loan",
    "funds", "fund", "exchange", "artist", "artists", "estate", "memory", "honor", "honour", "museum", "mr", "mrs",
    "ms", "dr", "family", "friends", "provided", "trust", "collection",
})
# The first words of a page's labels, never of a maker's name in a credit's slot ('Our Favorite Films /', 'Top
# Picks /') (credit_tails._credit_slot)
SLOT_OPENERS = frozenset({"our", "my", "your", "their", "his", "her", "its", "this", "these", "those", "best", "top",
                          "new", "all"})
# The last word of a maker's name the slot takes unknown to the catalog: a studio's or a publisher's ('Toge
# Productions', 'Ardent Games'), never a section's or a menu's ('Movie News /', 'Awards Season /', 'Sports Media /')
# ('Horror Films /', 'Home Entertainment /', 'World Records /' are sections too: their words are left out)
SLOT_BODY_ENDS = frozenset({"productions", "studios", "studio", "games", "interactive", "software", "publishing",
                            "animation", "inc", "inc.", "ltd", "ltd.", "llc", "gmbh", "corp", "corp.", "company"})
# A sentence's words before 'by' rather than a work's title: an article or a possessive ('Watch the speech by Jane
# Roe on YouTube', 'Read her thread by …')
SENTENCE_WORDS = frozenset({"the", "a", "an", "his", "her", "their", "our", "my", "your", "its", "this", "that"})
# Words of a site's menu ('About Us', 'Meet our Team', 'Jobs'): before '| Staff Photographer' they name no one
MENU_WORDS = frozenset({"about", "us", "contact", "home", "jobs", "careers", "menu", "team", "meet", "our", "job"})
# What a heading or a menu sorts icons by ('Icons by File Type', 'Icon by Default Settings', 'Filter Icons by Style
# Name'): a word of these in the name after 'Icons by' makes it no person's
GROUPING_WORDS = ("types?", "categor(?:y|ies)", "sizes?", "styles?", "names?", "dates?", "themes?", "formats?",
                  "systems?", "settings?", "defaults?", "tags?", "colou?rs?", "shapes?", "topics?", "sets?", "packs?",
                  "popularity", "platforms?", "languages?", "groups?", "order", "status", "files?", "extensions?",
                  "brands?", "kinds?", "sections?", "pages?", "letters?", "keywords?")
# What a licence statement with no one named covers ('All content on this blog is licensed under …')
LICENSED_WORK = ("blog", "site", "website", "content", "work", "works", "posts", "data", "images", "pictures",
                 "photos", "figures", "material", "materials", "folder", "directory", "repository", "page", "pages")
# The words a reference number may hold besides codes and numbers ('accession number: 500004225', 'NAID: 6503275',
# 'From folio M1658.M55 C65', 'Local Identifier: 330-CFD…')
REFERENCE_WORDS = frozenset({"number", "accession", "object", "file", "folio", "box", "item", "record", "identifier",
                             "local", "catalog", "catalogue", "negative", "plate", "page", "call", "reel", "frame",
                             "roll", "from", "shelfmark", "signature", "signatur", "cote", "bestanddeelnummer",
                             "inventory", "id", "photo", "image", "digital"})
# Small words that join the words of a holder's or maker's name in a citation ('Museum of Fine Arts')
CITATION_CONNECTORS = frozenset({"of", "the", "and", "for", "at", "in", "on", "de", "du", "des", "d'", "la", "le",
                                 "les", "di", "del", "della", "dello", "degli", "delle", "y", "e", "et", "und", "für",
                                 "der", "die", "das", "van", "von", "voor", "&", "och", "og", "i"})
# English articles and determiners: a heritage word in lower case after one is a noun of prose ('Photographs in the
# archive', 'letters from our library'), no name
ARTICLES = frozenset({"the", "a", "an", "this", "that", "our", "its", "his", "her", "their", "my", "your"})
# What a portrait's citation calls the picture ('carte de visite', 'cabinet card'): the sitter shown, no maker
PORTRAIT_WORDS = frozenset({"photograph", "photo", "portrait", "carte de visite", "cabinet card", "daguerreotype",
                            "tintype", "ambrotype", "snapshot", "studio portrait", "portrait photograph"})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})  # 'John Runk, Jr.': the name's own
# Words of a body that 'for' continues ('Institute for Biology', 'Centre for Ecology'): never a commissioning client.
BODY_BEFORE_FOR = frozenset({"institute", "institutes", "centre", "centres", "center", "centers", "society",
                             "foundation", "council", "museum",
                             "ministry", "department", "office", "commission", "association", "committee", "school",
                             "college", "fund", "trust", "coalition", "alliance", "league", "campaign", "agency",
                             "programme", "program", "initiative", "organization", "organisation", "union"})
# The word saying what a body is, opening a link before the body's proper name in guillemets in Cyrillic script
# ('пресс-служба «Газпрома»', 'телеканал «Звезда»', 'пресс-служба компании «Северный порт»'): stems, any ending after
# them; a phrase's word before a title ('кадр из фильма «Брат»', 'из книги «Москва»') is none (credit_fields)
CYRILLIC_BODY_STEMS = (
    "пресс-служб", "прес-служб", "пресслужб", "компани", "компані", "агентств", "агенці", "холдинг", "концерн",
    "корпораци", "корпораці", "завод", "фабрик", "банк", "фонд", "музе", "театр", "телеканал", "радиостанци",
    "радіостанці", "издани", "видання", "издательств", "видавництв", "газет", "журнал", "клуб", "студи", "студі",
    "парти", "парті", "объединени", "ассоциаци", "асоціаці", "обществ", "товариств", "организаци", "організаці",
    "центр", "портал", "сайт", "фестивал", "институт", "інститут", "университет", "університет", "академи",
    "академі", "ансамбл", "оркестр", "груп",
)
# A Nordic paper's section label in capitals glued after the credit ('Foto: Jane Roe LEDARE'): no part of the name
SECTION_ENDS = ("LEDARE", "KULTUR", "NYHETER", "DEBATT", "KOLUMN", "KOMMENTAR", "KRONIKK", "LEDER")

# Short words in K and W that COMMON_WORDS (nouns and adjectives) leaves out: in capitals alone in brackets, a word,
# not a US station's call letters (credit_spans._station_alone)
# Common given names (Italian, French, English, German, Spanish), lower case: a full name closing a dated bracket
# ('(03/10/2023, Roma, Umberto Roe)', Formiche's photographer) is read as a person only when it opens with one, since
# places, bodies and events fill that seat as often ('Porta Pia', 'Forza Italia', 'Premio Strega'). A photographer
# whose name is not here loses the credit there (no value rather than an invented one).
GIVEN_NAMES = frozenset({
    # Italian
    "adolfo", "alberto", "alessandro", "alfredo", "andrea", "angelo", "antonio", "bruno", "carlo", "cesare", "claudio",
    "dario", "daniele", "davide", "domenico", "edoardo", "emanuele", "enrico", "enzo", "ettore", "fabio", "fabrizio",
    "federico", "filippo", "francesco", "franco", "fulvio", "gabriele", "giacomo", "gianfranco", "gianluca", "gianni",
    "giorgio", "giovanni", "giulio", "giuseppe", "guido", "leonardo", "lorenzo", "luca", "luigi", "marco", "mario",
    "massimo", "matteo", "maurizio", "mauro", "michele", "nicola", "nino", "paolo", "piero", "pietro", "raffaele",
    "renato", "renzo", "riccardo", "roberto", "salvatore", "sergio", "silvio", "simone", "stefano", "tommaso",
    "umberto", "valerio", "vincenzo", "vittorio", "walter", "alessandra", "anna", "barbara", "beatrice", "camilla",
    "carla", "chiara", "cristina", "daniela", "elena", "eleonora", "elisa", "emma", "federica", "francesca", "gaia",
    "giorgia", "giulia", "greta", "ilaria", "irene", "laura", "letizia", "lucia", "ludovica", "maria", "marta",
    "martina", "michela", "monica", "nadia", "paola", "patrizia", "raffaella", "rita", "roberta", "rosa", "sara",
    "serena", "silvia", "simona", "stefania", "teresa", "tiziana", "valentina", "valeria",
    # French
    "alain", "antoine", "bernard", "camille", "céline", "chloé", "christophe", "claire", "emmanuel", "éric",
    "françois", "frédéric", "guillaume", "hélène", "hugo", "isabelle", "jean", "julie", "julien", "léa", "louis",
    "lucas", "marc", "marie", "mathieu", "michel", "nathalie", "nicolas", "olivier", "patrick", "philippe", "pierre",
    "sébastien", "sophie", "stéphane", "thierry", "thomas", "vincent", "yves",
    # English, German, Spanish
    "ann", "anne", "daniel", "david", "elizabeth", "emily", "james", "jane", "john", "kate", "mark", "mary",
    "michael", "paul", "peter", "richard", "robert", "sarah", "tom", "william", "andreas", "hans", "julia", "jürgen",
    "katrin", "klaus", "markus", "stefan", "wolfgang", "alejandro", "ana", "carlos", "carmen", "javier", "jorge",
    "josé", "juan", "luis", "lucía", "manuel", "miguel", "pablo", "pedro",
})
# Kinds of catalog source: news agencies and stock libraries (an agency alone, an agency beside a person), and every
# kind that makes or sells news pictures (a bracketed 'Name (Source)', the outlet a wire relays)
AGENCY_KINDS = frozenset({"agency", "stock"})
NEWS_SOURCE_KINDS = frozenset({"agency", "stock", "state-media", "publisher"})

CALL_LETTER_WORDS = frozenset({
    "keen", "keg", "ken", "kept", "kiln", "kilt", "kind", "king", "kiss", "knew", "knit", "knot", "warn", "was",
    "wash", "wear", "weed", "weep", "went", "were", "west", "what", "when", "whip", "who", "whom", "why", "wig",
    "will", "with", "wok", "wolf", "won", "wont", "wood", "wore", "worn", "wove", "wow", "wrap", "woke",
    # and bodies' initials in K or W a sports or news caption names in brackets, never a station ('(WNBA)')
    "wnba", "wada", "wipo", "wwii", "wwdc", "kpop",
})
# A person's post in initials ('CEO, Jane Roe', 'MP, Jane Roe'): before a comma and a full name, the post of the
# person shown, never an outlet's initials
POST_INITIALS = frozenset({
    "ceo", "cfo", "coo", "cto", "cmo", "vp", "svp", "evp", "gm", "md", "mp", "mep", "msp", "mla", "pm", "dj", "hq",
    "phd", "qc", "kc", "td",
})

# The rest of a shoot's crew after the photographer's handle in a magazine's or a label's post ('Photography:
# @janeroe Fashion: @idamarrow Interview: @tombell Hair: …'): each role's label, in capitals as the posts write it,
# after a blank and before a colon and a handle, is blanked; the handle after 'Photography:' stays the creator.
# Only a handle after the label: 'Text: Jane Roe' ends a caption as a byline would, and is left to the other rules.
SHOOT_CREW_CREDIT = re.compile(
    r"(?<=[ \t])(?:Fashion|Styling|Stylist|Hair|Makeup|Make-up|Grooming|Set[ \t]+Design|Casting|Interview|Text|Words|"
    r"Manicure|Nails|Production|Art[ \t]+Direction|Creative[ \t]+Direction|Lighting|Models?|MUA)[ \t]*:[ \t]*@[\w.]+"
)
# A stylist's credit after the photographer's in a recipe or a shoot ('Jane Roe for The Harwick Times. Food Stylist:
# Ida Marrow. Prop Stylist: Tom Bell.', 'Photo by Jane Roe, Food Styling by Ida Marrow, Prop Styling by …'): the
# stylists made the set, not the picture, and their credit is blanked. Only where it opens its line or follows a
# separator (full stop, comma, semicolon, slash, pipe: the separator itself stays), the role's word qualified ('Food',
# 'Prop', 'Set', 'Wardrobe'), then a colon, a full stop or 'by' and a capitalised name up to the next separator (an
# initial's full stop stays in the name; a spaced dash is one, and a colon in the name a lead-in's: 'Food Stylist: Ida
# Marrow Photo: Jane Roe' blanks nothing); 'Photography and Food Styling by Jane Roe' (one person both) is a lead-in.
STYLIST_CREDIT = re.compile(
    r"(?im)(?:^|(?<=[,;./|]))[ \t]*(?:food|props?|set|wardrobe)[ \t]+styl(?:ist|ists|ing)"
    r"[ \t]*(?:[:.][ \t]*|by[ \t]+)(?-i:[A-Z])[^\n;,/|:]{0,60}?"
    r"(?=[ \t]*(?:[;,/|]|[-–—][ \t]|\r?\n|$|(?<![ \t][A-Z])\.(?:[ \t]|$)))"
)
# Words that open a sentence and never a name: after an agency alone at a line's start they say the story begins
# ('Getty Images If you are tired, …', 'Shutterstock The city's …'); a capitalised word of no such kind may go on with
# a product's or a body's name ('Alamy Upsize was written …', 'NASA Administrator Jane Roe said …')
SENTENCE_OPENERS = frozenset("""
a an the if in on at as after before when while since during once this that these those it its he she they we you
i his her their our my your there here what why how who where some many most every each no not today yesterday
for from with without but and so yet although though because unlike like despite according
""".split())
