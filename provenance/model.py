"""Small frozen dataclasses shared by the pure core."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# Evidence, the unit of provenance, lives in a module of its own (see there); named here too
from provenance.evidence import ORIGINS as ORIGINS
from provenance.evidence import Evidence as Evidence


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Status(StrEnum):
    """How a license string or URL matched the catalog."""

    EXACT = "exact"
    MISMATCH = "mismatch"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"
    ABSENT = "absent"


TERM_FLAGS = (
    "open",
    "attribution",
    "license_link",
    "share_alike",
    "noncommercial",
    "no_derivatives",
    "indicate_changes",
    "editorial_only",
)


@dataclass(frozen=True)
class Terms:
    open: bool
    attribution: bool
    license_link: bool
    share_alike: bool
    noncommercial: bool
    no_derivatives: bool
    indicate_changes: bool
    editorial_only: bool
    attribution_requires: tuple[str, ...] = ()

    def flags(self) -> list[str]:
        """The names of the flags that are set, in a fixed order."""
        return [name for name in TERM_FLAGS if getattr(self, name)]


@dataclass(frozen=True)
class License:
    id: str
    name: str
    short_name: str
    url: str
    family: str
    terms: Terms
    aliases: tuple[str, ...] = ()
    url_patterns: tuple[str, ...] = ()
    attribution_statement: str = "Licensed under {license}"
    url_ports: bool = False
    share_alike_compatible: tuple[str, ...] = ()
    file: str = ""
    versions: tuple[str, ...] = ()  # a license named without its version ('CC BY-SA'): the versions it may be


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    kind: str
    terms: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    homepage: str = ""
    license: str | None = None
    category: str | None = None
    note: str = ""
    file: str = ""
    # the outlet's house style signs a staff member's picture with their initials before its name ('Photo : MG/
    # Rue89Lyon'): letters before this outlet are a person; before others a party's, a police force's or an unknown
    # agency's letters stand as often ('PS/Libération', 'SQ/Radio-Canada', 'ATS/Le Monde')
    staff_initials: bool = False


@dataclass(frozen=True)
class SourceTerms:
    """What a source's terms mean and what they trigger (licenses/source-terms.toml)."""

    id: str
    label: str
    rights_reserved: bool = False
    per_file: bool = False
    site_license: bool = False
    subscribable: bool = False


@dataclass(frozen=True)
class Change:
    """A change a publication makes to an image (cropped, retouched…)."""

    id: str
    label: str
    adaptation: bool
    plus: str | None = None
    file: str = ""
    dashboard: bool = False  # offered as a toggle on the dashboard's check page


@dataclass(frozen=True)
class DigitalSourceType:
    """An IPTC digital source type code and what kind of media it declares."""

    id: str
    kind: str
    label: str
    noun: str = "photo"  # what an attribution calls such an image (licenses/lang/*.toml [nouns])
    file: str = ""


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    description: str
    keywords: tuple[str, ...] = ()
    needs_agreement: bool = False
    editorial_only: bool = False
    needs_verification: bool = False
    credit_role: str | None = None  # how an attribution names the category: 'pool', 'handout' or 'courtesy'
    file: str = ""


# A caption or credit element of an article that links to web addresses is kept twice: as the text a reader
# sees (its field) and as that text with each link's address after the link's text, in angle brackets (its
# linked twin), which is what its credit is read from (provenance.resolve.evidence).
LINKED_FIELDS = {"caption": "linked_caption", "credit_text": "linked_credit_text"}


@dataclass(frozen=True)
class Credit:
    """One image credit as written, split into its parts.

    `text` quotes the credit as written; `start` and `end` bound all it was read from in the text given. The two
    differ where a credit was completed from the lines near it or merged with its repeat (`text` is the first part,
    the span covers every part it took a field from) and where markup was reduced (the span points into the markup)."""

    text: str
    start: int
    end: int
    creator: str | None = None
    organization: str | None = None
    via: str | None = None
    license: str | None = None
    license_url: str | None = None
    source_url: str | None = None
    category: str | None = None
    copyright: str | None = None  # a rights statement with no license named: "© 2024 Jane Roe"
    title: str | None = None  # the work's title in '"Title" by Author'
    # who commissioned the picture: 'Jane Roe/Getty Images for Netflix' -> 'Netflix'; in 'Jane Roe for The Daily
    # Ledger', where nothing else is named, the client is the organisation too (parse.credit_fields._take_client)
    client: str | None = None

    def fields(self) -> dict[str, str | None]:
        return {
            "creator": self.creator,
            "organization": self.organization,
            "via": self.via,
            "license": self.license,
            "license_url": self.license_url,
            "source_url": self.source_url,
            "category": self.category,
            "copyright": self.copyright,
            "title": self.title,
            "client": self.client,
        }


@dataclass(frozen=True)
class NoCredit:
    """The explicit answer when a text carries no image credit."""

    reason: str = "no image credit found"

    def __bool__(self) -> bool:
        return False


@dataclass(frozen=True)
class Resolution:
    """What a license name and/or URL resolved to, and how sure that is."""

    status: Status
    license: License | None = None
    candidates: tuple[License, ...] = ()
    port: str | None = None
    text: str | None = None
    url: str | None = None
    by_text: License | None = None
    by_url: License | None = None


@dataclass(frozen=True)
class Record:
    """What is known about one image, each field with the origin it came from."""

    creator: str | None = None
    organization: str | None = None
    via: str | None = None
    license: License | None = None
    license_url: str | None = None
    title: str | None = None
    source_url: str | None = None
    copyright: str | None = None
    category: str | None = None
    client: str | None = None  # who commissioned the photo: 'Jane Doe/Getty Images for Netflix' -> Netflix
    port: str | None = None
    noun: str | None = None  # what the image is (photo, illustration, ai_image…): licenses/lang/*.toml [nouns]
    source_id: str | None = None  # the catalog source the credit names, the most specific one
    origins: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    evidence: str = ""


@dataclass(frozen=True)
class Attribution:
    text: str
    html: str
    markdown: str
