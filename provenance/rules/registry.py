"""The finding codes: a table of code -> severity, message template and the
rule in words (shown by `--explain`).

Codes are stable: reports, the API and pipelines (--fail-on) key on them.
`error` blocks publication, `warning` needs a look, `info` is for the record.
A rule may raise its code at another severity where the table says so
(agency-license-required is info once the publication subscribes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from provenance.model import Finding, Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741


@dataclass(frozen=True)
class FindingKind:
    severity: Severity
    title: str
    template: str
    why: str


FINDINGS: dict[str, FindingKind] = {
    "missing-credit": FindingKind(E, "No image credit",
        "No image credit was found{where}. Every published image needs a credit line naming who made it "
        "and under what terms it is used.",
        "Raised when no caption, credit markup or embedded metadata names a creator, organisation, "
        "platform or license for the image."),
    "missing-license": FindingKind(W, "No license",
        "{what} Find out under what terms the image may be used.{hint}",
        "Raised for every image without a resolved license, whatever else it lacks: no license in the "
        "credit, the image's metadata or the default terms of the source it names, or one that cannot be "
        "resolved (unknown, ambiguous, conflicting). Filter an audit by this code to list them all."),
    "permission-required": FindingKind(E, "All rights reserved: permission needed",
        "{statement}: {holder} reserves all rights and nothing on record grants this use. Get permission or "
        "a licence from {holder} and record it as a decision, or list the source in the usage profile's "
        "subscriptions if the publication has an agreement with it.",
        "Raised when a copyright notice, the caption or the license states all rights reserved (©, "
        "'All rights reserved', 'Copyright …', 'Bildrechte', and the phrases in licenses/lang/*.toml "
        "[rights]) and there is no public license, no licence recorded as a decision (one about the creator or "
        "organisation alone grants nothing) and no subscription in the usage profile to a source the credit "
        "names. Agency photos are left to agency-license-required."),
    "unknown-license": FindingKind(W, "Unknown license",
        "The license {value!r} is not in the catalog. Check its terms by hand, or add it to licenses/ "
        "if it is a real license.",
        "Raised when a license name or URL matches no entry of the catalog, by name, alias or URL pattern."),
    "ambiguous-license": FindingKind(W, "Ambiguous license",
        "{value!r} fits several licenses ({candidates}). Name the exact license and version, or give its URL.",
        "Raised when a license name is the start of several catalog names (no version, no conditions)."),
    "license-mismatch": FindingKind(E, "License name and URL disagree",
        "The credit names {named} but links {linked}. Find out which one is right before publishing.",
        "Raised when one credit gives a license name and a license URL that resolve to different entries."),
    "conflicting-evidence": FindingKind(E, "Sources disagree",
        "The evidence disagrees — {details}. Find out which is right and record a decision.",
        "Raised when two origins of the same rank (caption, markup, EXIF, IPTC, XMP, C2PA) name different "
        "creators or different licenses. A recorded decision outranks them all."),
    "attribution-incomplete": FindingKind(W, "Credit line incomplete",
        "The caption lacks what {license} asks for: {missing}.{supplied}{unknown}",
        "Raised when the published caption lacks an element the license requires (its attribution_requires "
        "in the catalog: creator, license name, license link, source) or a house rule asks for."),
    "noncommercial-use": FindingKind(E, "Noncommercial license on a commercial publication",
        "{license} allows noncommercial use only, and {profile} is a commercial publication.",
        "Raised when the license's noncommercial flag is set and the usage profile says commercial = true."),
    "no-derivatives-modified": FindingKind(E, "Modified under a no-derivatives license",
        "{license} forbids adaptations, and the image was {changes}. Use it unchanged or get permission.",
        "Raised when the license's no_derivatives flag is set and a change that counts as an adaptation "
        "(licenses/changes.toml) was made."),
    "share-alike-obligation": FindingKind(W, "Share-alike applies to the modified image",
        "The image was {changes}, so under {license} the adapted image must be shared under {compatible}.",
        "Raised when the license's share_alike flag is set and an adaptation was made; the compatible "
        "licenses come from the catalog's share_alike_compatible."),
    "editorial-only": FindingKind(I, "Editorial use only",
        "{reason}: use it only to report news, never in advertising, promotion or merchandise.",
        "Raised when the license, the usage-rights category or the image's own instructions restrict use "
        "to editorial use; an error when the usage profile is not editorial."),
    "agency-license-required": FindingKind(E, "Agency licence required",
        "{agencies}: the publication needs a subscription or a per-image licence. {status}",
        "Raised for photos from agencies (source terms 'agency'): an error unless the usage profile "
        "subscribes to one of them, info when it does."),
    "needs-verification": FindingKind(W, "Terms need verification",
        "Check before publishing: {reasons}.",
        "Raised when terms are per file (Wikimedia Commons, Flickr, social media) and nothing else "
        "corroborates the license, when the usage-rights category needs verification (handout, PR, "
        "screengrab, social media, reader submission, composite), when a license is named without its "
        "version ('CC BY-SA': an entry with `versions` in the catalog), or when a C2PA manifest is invalid."),
    "public-domain": FindingKind(I, "Public domain",
        "{license}: no copyright restrictions. Credit the creator as a courtesy and keep the basis on record.",
        "Raised when the resolved license belongs to the public-domain family."),
    "license-expired": FindingKind(E, "License expired",
        "The license for this image ended on {date} ({name}).",
        "Raised when the image carries a license end date (PLUS LicenseEndDate or LicenseExpirationDate) "
        "before today."),
    "alteration-constraint": FindingKind(E, "Change forbidden by the image's terms",
        "The image's own terms forbid what was done: {forbidden}.",
        "Raised when the image's PLUS ImageAlterationConstraints forbid a change the usage profile made."),
    "credit-line-required": FindingKind(E, "Credit line required",
        "The image's terms require a credit line ({value}), and the caption carries none.",
        "Raised when PLUS CreditLineRequired is set (anything but CR-NRQ) and the published caption names "
        "no creator or organisation."),
    "synthetic-media": FindingKind(W, "AI-generated or composite image",
        "{what} (declared by {origin}). Label it as such and do not present it as a photograph.",
        "Raised when the IPTC digital source type (XMP or C2PA) declares AI-generated, synthetic or "
        "composite media (licenses/digital-source-types.toml)."),
    "image-not-found": FindingKind(W, "Image not in the archive",
        "The article shows {src!r}, which {where}: its rights cannot be checked from the file.",
        "Raised by an audit when an article's image reference matches no image file by path or by file name."),
    "image-unreadable": FindingKind(W, "Image file cannot be read",
        "The article shows {src!r}, whose file in the archive cannot be read ({problem}): its rights cannot "
        "be checked from the file.",
        "Raised by an audit when an article's image reference matches a file of the archive that could not be "
        "read as an image (empty, damaged, not an image); the file itself has a file-error."),
    "encoding-guessed": FindingKind(W, "Article encoding guessed",
        "The article {article} {reason}, so its text was read as {encoding}, a guess: names with letters "
        "outside ASCII may be misread (in ISO-8859-2 or windows-1250 text, Dvořák reads as Dvoøák). Check the "
        "names against the original, then re-save the article as UTF-8 (or declare its real encoding) and audit "
        "again.",
        "Raised by an audit for each credit of an article whose bytes are not UTF-8 and declare no encoding they "
        "fit (none, or one the bytes are not): its text was read as windows-1252 by guess, as a single check "
        "reports it. An article saved as UTF-8, or in the legacy encoding its <meta charset> declares, has none."),
    "file-error": FindingKind(E, "File cannot be read",
        "{problem}",
        "Raised by an audit for a file that cannot be read (damaged, truncated, unsafe in the zip); the "
        "audit goes on with the other files."),
    "credit-suggestion": FindingKind(I, "Known credit for this photo",
        "The same photo is credited elsewhere ({where}): {credit}. Check it and copy it if it applies; "
        "nothing was changed.",
        "Raised by an audit when a copy of a photo (same hash or near-same perceptual hash) has no credit "
        "and another usage of it has one."),
    "inconsistent-credits": FindingKind(W, "One photo, different credits",
        "Copies of this photo are credited differently: {credits}.",
        "Raised by an audit when usages of one photo name different licenses or different creators."),
    "metadata-stripped": FindingKind(W, "Rights metadata stripped",
        "This copy has no rights metadata, but the same photo in {original} carries it. A resizer or the "
        "CMS probably stripped it; publish from the original or restore it.",
        "Raised by an audit when an image file has no embedded creator, copyright, credit or license, and "
        "another file of the same photo does."),
    "hidden-characters": FindingKind(W, "Hidden characters removed",
        "The {field} ({name}) held characters a reader cannot see or that reorder the text ({chars}); they "
        "were removed. Check the original credit: such characters can make a name read differently.",
        "Raised when a credit's text holds control characters, zero-width characters or right-to-left "
        "overrides and isolates; the value is used without them."),
    "lookalike-license": FindingKind(E, "License spelled with look-alike characters",
        "The license {value!r} ({name}) is spelled with {reason}; it was not taken as the license it "
        "imitates. Find out the real terms before publishing.",
        "Raised when a license name uses Cyrillic or Greek letters that look Latin, the letter O for a "
        "zero, or zero-width or full-width characters; such a name never resolves to a catalog license."),
}


def make_finding(code: str, evidence: str = "", severity: Severity | None = None, **values: object) -> Finding:
    """A finding from the table, its message filled in with `values`."""
    kind = FINDINGS[code]
    return Finding(code=code, severity=severity or kind.severity, message=_filled(kind.template, values),
                   evidence=evidence)


_BEFORE_STOP = re.compile(r"\{(\w+)\}\.")  # a plain placeholder the template closes with a full stop


def _filled(template: str, values: dict[str, object]) -> str:
    """The template filled in; a value that ends a sentence the template closes gives its own full stop up (a
    catalog note 'label it as an illustration.' in 'Check before publishing: {reasons}.' is not doubled; an
    ellipsis stays three dots)."""
    ending = _sentence_ends(template)
    return template.format(**{name: value[:-1] if name in ending and isinstance(value, str) and value.endswith(".")
                              else value for name, value in values.items()})


@lru_cache(maxsize=len(FINDINGS))
def _sentence_ends(template: str) -> frozenset[str]:
    """The placeholders a template closes with a full stop: read once per template, not once per finding."""
    return frozenset(_BEFORE_STOP.findall(template))
