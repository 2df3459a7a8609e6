"""The domain records every layer shares: plain pydantic models, no I/O.

Every record that states something carries the document it comes from and either a passage
ordinal or a verbatim evidence snippet, so any answer can be traced back to its source.
"""

from __future__ import annotations

import calendar
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    PART = "part"  # a season or part of a year: "late 2021", "summer 2023", "H2 2022"
    YEAR = "year"


_PART_LABELS = {
    "early": (1, 4),
    "spring": (3, 5),
    "mid": (5, 8),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "late": (9, 12),
    "end": (10, 12),
    "winter": (12, 12),
    "first half": (1, 6),
    "second half": (7, 12),
}


class FuzzyDate(Record):
    """A date as precise as its source: a day, a month, a part of a year or a year."""

    start: date
    end: date
    precision: Precision
    part: str | None = None  # the qualifier of a PART date, as a key of _PART_LABELS

    @model_validator(mode="after")
    def _ordered(self) -> FuzzyDate:
        if self.end < self.start:
            raise ValueError(f"date range ends before it starts: {self.start}..{self.end}")
        if (self.precision is Precision.PART) != (self.part is not None):
            raise ValueError("a part qualifier goes with PART precision only")
        return self

    @classmethod
    def day(cls, year: int, month: int, day: int) -> FuzzyDate:
        d = date(year, month, day)
        return cls(start=d, end=d, precision=Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> FuzzyDate:
        last = calendar.monthrange(year, month)[1]
        return cls(
            start=date(year, month, 1), end=date(year, month, last), precision=Precision.MONTH
        )

    @classmethod
    def year(cls, year: int) -> FuzzyDate:
        return cls(start=date(year, 1, 1), end=date(year, 12, 31), precision=Precision.YEAR)

    @classmethod
    def part_of_year(cls, year: int, part: str) -> FuzzyDate:
        first, last = _PART_LABELS[part]
        end = date(year, last, calendar.monthrange(year, last)[1])
        return cls(start=date(year, first, 1), end=end, precision=Precision.PART, part=part)

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse the canonical forms `2026-06-21`, `2021-12`, `2024`, `late 2021`."""
        text = text.strip()
        words = text.rsplit(" ", 1)
        if len(words) == 2 and words[0].lower() in _PART_LABELS and words[1].isdigit():
            return cls.part_of_year(int(words[1]), words[0].lower())
        pieces = text.split("-")
        if not all(p.isdigit() for p in pieces) or len(pieces) > 3:
            raise ValueError(f"not a date: {text!r}")
        numbers = [int(p) for p in pieces]
        if len(numbers) == 3:
            return cls.day(*numbers)
        if len(numbers) == 2:
            return cls.month(*numbers)
        return cls.year(numbers[0])

    def iso(self) -> str:
        """The canonical text form, the inverse of `parse`."""
        if self.precision is Precision.DAY:
            return self.start.isoformat()
        if self.precision is Precision.MONTH:
            return self.start.strftime("%Y-%m")
        if self.precision is Precision.PART:
            return f"{self.part} {self.start.year}"
        return str(self.start.year)

    def overlaps(self, other: FuzzyDate) -> bool:
        return self.start <= other.end and other.start <= self.end


class DocumentKind(StrEnum):
    INTERVIEW = "interview"  # Q&A transcript
    ABSTRACT = "abstract"  # numbered Q&A summary
    SHOW_NOTES = "show_notes"  # podcast show notes with timestamped chapters
    ARTICLE = "article"  # markdown article with headings and tables


class Document(Record):
    file: str  # file name inside seeds/, the document's identity
    title: str
    outlet: str | None = None  # the outlet that wrote it
    # who published this copy when another outlet wrote it; then `published` is its date
    publisher: str | None = None
    authors: tuple[str, ...] = ()  # as the byline writes them
    editors: tuple[str, ...] = ()
    published: FuzzyDate | None = None
    kind: DocumentKind
    language: str  # BCP 47 primary tag: "en", "zh"
    sha256: str  # of the raw bytes as received
    text: str  # the repaired text every offset refers to


class PassageKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUESTION = "question"
    ANSWER = "answer"
    BULLET = "bullet"
    TABLE_ROW = "table_row"
    CHAPTER = "chapter"  # a timestamped chapter title in show notes
    CODE = "code"


class Voice(StrEnum):
    """Who speaks in a passage of a republished document whose text marks where the original
    outlet's words begin ("This article is republished with permission from LatePost")."""

    PUBLISHER = "publisher"  # the republisher's own introduction, up to that line
    ORIGINAL = "original"  # the original outlet's text (its authors'), from there on


class Passage(Record):
    ordinal: int  # position within its document, from 0
    kind: PassageKind
    heading_path: tuple[str, ...] = ()
    text: str  # == document.text[start:end]
    start: int
    end: int
    # For table rows: header -> cell, in column order. Empty for other kinds.
    cells: tuple[tuple[str, str], ...] = ()
    voice: Voice | None = None  # None: the document's credit speaks for the whole of it


class Quote(Record):
    passage: int  # ordinal of the passage that holds it (the first, for a multi-paragraph answer)
    speaker: str | None  # the name as the document writes it; None when the document names nobody
    text: str  # verbatim, == document.text[start:end]
    start: int
    end: int
    question: str | None = None  # the question it answers, verbatim


class PersonMention(Record):
    """A name a document uses for a person, with what it says of their role."""

    name: str
    other_names: tuple[str, ...] = ()  # spellings written alongside: "Yan Junjie / 颜俊杰"
    role: str | None = None
    passage: int
    evidence: str


class ModelKind(StrEnum):
    TEXT = "text"
    VISION_LANGUAGE = "vision-language"
    SPEECH = "speech"
    AUDIO = "audio"
    MUSIC = "music"
    VIDEO = "video"
    MODEL = "model"  # a model the corpus names without saying what it handles
    APP = "app"
    PRODUCT = "product"  # a product that is not an app (a coding agent, a device, a plug-in)
    PLATFORM = "platform"  # a service others build or publish on (an API platform, a site)
    SERIES = "series"  # a family of models named as one (MiniMax-01)


class ModelMention(Record):
    """A model or product a document names, with its kind and maker when the document says."""

    name: str
    kind: ModelKind | None = None
    minimax: bool | None = None  # True: MiniMax's own; False: a competitor's; None: unknown
    passage: int
    evidence: str


class Fact(Record):
    """One value a document gives for one attribute of a subject (a model, a person, MiniMax)."""

    subject: str  # the subject's name as the document writes it
    attribute: str  # snake_case: release, total_parameters, context, licence, price, ...
    value: str  # verbatim
    passage: int | None = None
    evidence: str  # verbatim snippet of the document text


class EventKind(StrEnum):
    """What kind of happening an event is; the timeline filters by it."""

    FOUNDING = "founding"
    FUNDING = "funding"
    VALUATION = "valuation"
    RELEASE = "release"
    PUBLICATION = "publication"
    FIRST = "first"
    MILESTONE = "milestone"
    HIRE = "hire"
    DEPARTURE = "departure"
    BIRTH = "birth"
    AWARD = "award"
    APPEARANCE = "appearance"
    MEETING = "meeting"
    INCIDENT = "incident"
    RECORDING = "recording"


class Event(Record):
    """One source's telling of a happening: its date at that source's precision and its words.

    Events that share a `happening` key (across documents too) are one happening."""

    when: FuzzyDate
    text: str  # what happened, verbatim from the source (a sentence or a table row)
    passage: int | None = None
    evidence: str  # the verbatim words that date it ("last October", "Mar 2024")
    subject: str | None = None  # a model or person the event is about, as written
    kind: EventKind | None = None
    happening: str | None = None  # the merge key: "release:minimaxm2", "curated:series-b"
    title: str | None = None  # the happening in one line, when this source names it
    sentence: str | None = None  # the sentence or table row, verbatim from the document
    reading: str | None = None  # how a relative date reads: "about a year before Apr 2024"


class StoredEvent(Record):
    """An event as the index holds it: its row id and document, for grouping into happenings."""

    id: int
    file: str
    curated: bool
    event: Event


class Telling(Record):
    """One stored event as a telling of a happening."""

    event_id: int
    account: str  # all that its document says of the happening: its sentences, joined


class Happening(Record):
    """One happening, merged across sources: each telling keeps its own date and words."""

    kind: EventKind | None = None
    title: str
    subject: str | None = None
    start: date
    end: date
    main: bool  # founding, funding, a major release: shown first on a year's page
    differ: bool  # some of its tellings date it differently (their dates do not overlap)
    tellings: tuple[Telling, ...]  # finest date first


class ParsedDocument(Record):
    """Everything ingest extracts from one document."""

    document: Document
    passages: tuple[Passage, ...] = ()
    quotes: tuple[Quote, ...] = ()
    people: tuple[PersonMention, ...] = ()
    models: tuple[ModelMention, ...] = ()
    facts: tuple[Fact, ...] = ()
    events: tuple[Event, ...] = Field(default=())


class Person(Record):
    """A person across the corpus: one canonical name and every spelling used for them."""

    name: str
    names: tuple[str, ...]  # every spelling, the canonical name first
    role: str | None = None


class Model(Record):
    """A model or product across the corpus, with every alias it goes by."""

    name: str
    aliases: tuple[str, ...]  # every alias, the canonical name first
    kind: ModelKind | None = None
    minimax: bool | None = None


class ConflictingValue(Record):
    value: str  # as the document gives it, or a short reading of it for a characterisation
    file: str
    evidence: str  # the verbatim sentence or table row that states it


class DisagreementKind(StrEnum):
    NUMBER = "number"
    DATE = "date"
    NAME = "name"
    CHARACTERISATION = "characterisation"  # how the company, a person or a model is described
    ORDER = "order"  # what came first


class Conflict(Record):
    """The corpus disagrees on one attribute of one subject, between or within documents: every
    claim with its document and verbatim evidence. Detected from facts (numbers, dates, names)
    or curated (characterisations); the events merge may add date disagreements of its own."""

    subject: str  # canonical name
    attribute: str  # snake_case key, a fact attribute when detected from facts
    values: tuple[ConflictingValue, ...]
    kind: DisagreementKind | None = None
    label: str | None = None  # the attribute in words, when its key does not say it
    note: str | None = None  # the team's words: what differs, what not to conclude
    also_about: tuple[str, ...] = ()  # other subjects whose cards show it (canonical names)


class CorpusNote(Record):
    """An obvious error of the corpus, kept as written and flagged by the team's note."""

    subject: str  # canonical name of what the erroneous text is about
    written: str  # the erroneous form, as the document writes it
    file: str
    evidence: str  # the verbatim passage that holds it
    note: str  # the team's words, never shown as the corpus's
