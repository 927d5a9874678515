"""The records passed between pipeline stages.

Every stage takes one of these and returns the next, so a stage can be run,
tested and distributed on its own. Offsets are always character offsets into
`Document.text`, the text exactly as stored.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawDocument:
    """What a reader found: bytes (or already-decoded text) plus known metadata."""

    name: str  # file basename, or the record id for JSONL/feed input
    source: str  # where it came from: a path, or path#line for records
    data: bytes | str
    format: str  # "text", "html" or "record"
    meta: dict = field(default_factory=dict)  # title, url, published, outlet from structured input


@dataclass
class Rejection:
    """An input that could not become a document, with a reason a user can act on."""

    source: str
    reason: str  # short code: empty, binary, undecodable, too-large, unreadable, ...
    message: str

    def line(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class Region:
    """A labelled character range of a document (boilerplate, header, title)."""

    start: int
    end: int
    label: str


@dataclass
class Document:
    """A decoded, cleaned document: the text every offset refers to, and its metadata."""

    id: str
    name: str
    source: str
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    language: str | None = None
    regions: list[Region] = field(default_factory=list)  # boilerplate and headers, kept not deleted
    content_hash: str = ""
    fingerprint: int = 0  # SimHash of the body, for near-duplicate detection
    duplicate_of: str | None = None
    status: str = "new"  # new, analysed, duplicate, near-duplicate, non-english

    @property
    def is_english(self) -> bool:
        return (self.language or "en") == "en"

    def analysable_text(self) -> str:
        """The text with every non-body region blanked, so offsets stay exact."""
        chars = list(self.text)
        for r in self.regions:
            for i in range(r.start, r.end):
                if chars[i] not in "\r\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass
class Mention:
    """One surface form of an entity in a document."""

    start: int
    end: int
    text: str


@dataclass
class LocalEntity:
    """An entity as resolved inside one document, before linking across the corpus."""

    key: str  # document-local key, referred to by events
    name: str  # canonical name
    type: str  # PERSON, ORG, COUNTRY, LOCATION, WEAPON, EVENT, OTHER
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # canonical country name it acts for
    roles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # why mentions were joined
    link_keys: list[str] = field(default_factory=list)  # extra keys for cross-document linking ("body:navy:Iran")


@dataclass
class Event:
    """A PLOVER event read from one sentence; parties are LocalEntity keys until stored."""

    type: str
    actor: str | None
    target: str | None
    modality: str = "asserted"
    source: str | None = None
    mode: str | None = None
    object: str | None = None
    date: str | None = None
    location: str | None = None
    evidence_start: int = 0
    evidence_end: int = 0
    confidence: float = 0.5
    rule: str = ""


@dataclass
class Analysis:
    """Everything read from one document: resolved local entities and events."""

    doc_id: str
    entities: list[LocalEntity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
