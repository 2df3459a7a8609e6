"""What the queries answer: plain, immutable result objects that know nothing of Discord.

Every answer carries its citations (document, outlet, date, heading, verbatim evidence), so
any renderer can say where each fact came from. Renderers (terminal text, Discord embeds)
turn these into output; the queries never format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.domain.entities import EntityKind
from bot.domain.records import DocumentKind, FuzzyDate, ModelKind, Voice
from bot.domain.wording import Wording


@dataclass(frozen=True, slots=True)
class Source:
    """A document of the corpus, as an answer cites it."""

    file: str
    title: str
    outlet: str | None
    published: FuzzyDate | None
    kind: DocumentKind
    language: str
    publisher: str | None = None  # who republished it, when not its outlet
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    voiced: bool = False  # its text marks the republisher's introduction apart (Citation.voice)


@dataclass(frozen=True, slots=True)
class Citation:
    source: Source
    heading: str | None = None  # the passage's heading path, " › "-joined
    evidence: str | None = None  # the verbatim words that state it, for a fact
    # who speaks in the passage cited, in a voiced source: its publisher's introduction or
    # the original outlet's text; None: the source's credit as a whole
    voice: Voice | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """A request the corpus cannot answer as asked: a short message, and what might help."""

    message: str  # in English; `wording` says it in the reader's locale
    suggestions: tuple[str, ...] = ()
    # How to say it in the reader's locale (`problem_wording`); None: `message` is all there
    # is. Not compared: two Problems are the same when they say the same.
    wording: Wording | None = field(default=None, compare=False)


# ---------------------------------------------------------------- quotes


@dataclass(frozen=True, slots=True)
class QuoteAnswer:
    quote_id: int
    text: str  # verbatim
    speaker: str | None  # the person's canonical name; None when the source names nobody
    speaker_as_written: str | None
    question: str | None  # the question it answers, verbatim
    citation: Citation
    how: Literal["match", "random", "daily"]
    query: str | None = None  # the words it matched, for "next match"
    speaker_filter: str | None = None
    rank: int = 0  # position among the matches, from 0
    total: int = 1  # how many quotes matched


# ---------------------------------------------------------------- models


@dataclass(frozen=True, slots=True)
class FactValue:
    value: str  # verbatim
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class FactLine:
    attribute: str  # snake_case key: release, total_parameters, context, ...
    label: str  # for people: "Release", "Total parameters", ...
    values: tuple[FactValue, ...]  # more than one when sources give different values
    disputed: bool = False  # the corpus lists these values as a disagreement


@dataclass(frozen=True, slots=True)
class Mention:
    """A passage that names a model (for models the corpus only mentions)."""

    text: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class ModelCard:
    name: str
    aliases: tuple[str, ...]
    kind: ModelKind | None
    minimax: bool | None
    facts: tuple[FactLine, ...]
    mentions: tuple[Mention, ...]  # where it is named, when no specification is given
    specified: bool  # False: the corpus names it but gives no specification
    matched: str  # the alias the request matched
    exact: bool = True  # False when found by fuzzy matching
    disagreements: tuple[Disagreement, ...] = ()  # about this model
    notes: tuple[TeamNote, ...] = ()  # the team's notes on errors of the corpus about it
    common: str | None = None  # the common name typed, which the corpus never writes


@dataclass(frozen=True, slots=True)
class ModelSummary:
    name: str
    kind: ModelKind | None
    minimax: bool | None
    release: FuzzyDate | None


@dataclass(frozen=True, slots=True)
class ModelList:
    kind: ModelKind | None
    models: tuple[ModelSummary, ...]


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    label: str
    left: tuple[FactValue, ...]
    right: tuple[FactValue, ...]
    attribute: str = ""  # snake_case key, as on FactLine: its label in another locale


@dataclass(frozen=True, slots=True)
class Comparison:
    left: ModelCard
    right: ModelCard
    rows: tuple[ComparisonRow, ...]


# ---------------------------------------------------------------- people


@dataclass(frozen=True, slots=True)
class PersonProfile:
    name: str
    names: tuple[str, ...]  # every spelling, canonical first
    role: str | None
    sources: tuple[Source, ...]  # documents that mention the person
    quote_count: int
    facts: tuple[FactLine, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()  # about this person
    notes: tuple[TeamNote, ...] = ()  # the team's notes on errors of the corpus about them


# ---------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class DatedTelling:
    """One source's date for a happening, with the words that date it."""

    when: FuzzyDate
    file: str
    words: str  # the words that date it, verbatim
    reading: str | None  # how a relative date reads ("about a year before Apr 2024")
    citation: Citation  # its sentence or table row


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One happening: its title, its finest date, and each source's date side by side."""

    when: FuzzyDate
    text: str
    subject: str | None
    citation: Citation
    kind: str | None = None
    tellings: tuple[DatedTelling, ...] = ()
    differ: bool = False  # its sources date it differently
    more: int = 0  # tellings left out


@dataclass(frozen=True, slots=True)
class Timeline:
    entries: tuple[TimelineEntry, ...]  # this page, in date order
    page: int  # from 0
    page_count: int
    total: int
    year: int | None = None
    query: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class OnThisDay:
    month: int
    day: int
    year: int  # the year of the date asked about ("On this day in 2026 ...")
    entries: tuple[TimelineEntry, ...]
    fallback: Literal["none", "month", "quote"]  # what is shown when the day has nothing
    quote: QuoteAnswer | None = None


# ---------------------------------------------------------------- search and sources


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    highlight: bool


@dataclass(frozen=True, slots=True)
class SearchHit:
    snippet: tuple[Segment, ...]  # an excerpt of the passage with the matched words marked
    citation: Citation


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...]  # this page
    page: int
    page_count: int
    total: int  # passages that match, counted up to the ranking window
    more: bool = False  # more passages match than `total`; only the first are ranked


@dataclass(frozen=True, slots=True)
class SourceSummary:
    source: Source
    passages: int
    quotes: int
    events: int


@dataclass(frozen=True, slots=True)
class Disagreement:
    """The sources (or one source) say different things: every claim with its citations."""

    subject: str
    attribute: str
    label: str
    values: tuple[FactValue, ...]
    kind: str | None = None  # number, date, name, characterisation, order
    note: str | None = None  # the team's note, never the corpus's words
    about: tuple[str, ...] = ()  # the other subjects it is about

    @property
    def files(self) -> tuple[str, ...]:
        """The documents its claims come from, in order: one means a document disagrees with
        itself."""
        cited = (c.source.file for v in self.values for c in v.citations)
        return tuple(dict.fromkeys(cited))


@dataclass(frozen=True, slots=True)
class TeamNote:
    """An obvious error of the corpus, kept as written, with the team's note."""

    subject: str
    written: str
    note: str
    citation: Citation  # the passage that writes it


@dataclass(frozen=True, slots=True)
class About:
    counts: dict[str, int]
    sources: tuple[SourceSummary, ...]
    disagreements: tuple[Disagreement, ...]
    version: str
    stale: str | None = None  # why the index is older than the seeds


@dataclass(frozen=True, slots=True)
class Choice:
    """An autocomplete choice: what is shown, and what is sent back."""

    name: str  # <= 100 characters
    value: str  # <= 100 characters


# ---------------------------------------------------------------- ask


@dataclass(frozen=True, slots=True)
class AskAnswer:
    """A question in plain words, answered from the structured knowledge first (facts, with
    both sides where the sources differ), then the best supporting quote or passages."""

    question: str
    language: Literal["en", "zh"]  # of the question: the labels follow it
    kind: str  # when, who, how_many, how_much, what_is, yes_no, which, what_said, other
    outcome: Literal["answered", "not_covered", "not_understood"]
    subject: str | None = None  # the company, a model or a person
    topic: str | None = None  # what is asked about it, labelled in the question's language
    facts: tuple[FactLine, ...] = ()
    quote: QuoteAnswer | None = None
    passages: tuple[SearchHit, ...] = ()
    curated: tuple[str, str] | None = None  # (as typed, the name read) from the curated list
    happening: TimelineEntry | None = None  # what a "when" asks about, each source's date
    disagreements: tuple[Disagreement, ...] = ()  # on what is asked, not on a fact line
    # The topic and the facts' labels in Chinese, for a Chinese reader of an English question
    topic_zh: str | None = None
    labels_zh: tuple[str, ...] = ()  # one a fact line


# ---------------------------------------------------------------- organisations and concepts


@dataclass(frozen=True, slots=True)
class EntityCard:
    """An organisation or a concept (MiniMax itself among them): where the corpus names it,
    what it says of it (facts, then passages that name it), and the team's note if any."""

    name: str
    aliases: tuple[str, ...]  # every name the corpus uses, canonical first
    kind: EntityKind
    part_of: str | None
    named: Citation  # the document and verbatim words that name it
    facts: tuple[FactLine, ...]
    mentions: tuple[Mention, ...]
    note: str | None  # the bot team's remark, never the corpus's words
    matched: str  # the name the request matched
    exact: bool = True
    common: str | None = None  # the common name typed, which the corpus never writes
    disagreements: tuple[Disagreement, ...] = ()  # about it
    notes: tuple[TeamNote, ...] = ()  # the team's notes on errors of the corpus about it
