"""The card: what an answer shows, with its labels, values and citations, and no layout.

A card says *what* is shown (a title, a lead, labelled facts, lists, a quote, notices about
the answer itself, counts and paging) in one locale's words (`bot.cards.labels`); the layouts
in `text` and `embed` say *how*, in the card's locale too. Both number citations in the order
they first appear, so `[2]` means the same note on each screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from bot.cards.labels import DEFAULT, Locale
from bot.queries.results import Citation, Segment


class Tone(Enum):
    """How the answer feels: an answer, a request that could not be met, a disagreement."""

    ANSWER = "answer"
    PROBLEM = "problem"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Value:
    """One value as its sources give it, verbatim, with the citations that state it."""

    text: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    """A labelled value; several values when the sources differ, `disputed` when the corpus
    records it as a disagreement, with the team's note when it has one."""

    label: str
    values: tuple[Value, ...]
    disputed: bool = False
    note: str | None = None  # the team's note on it, never shown as the corpus's words


# A search snippet keeps its matched words marked; each layout marks them its own way.
Text = str | tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a list: an event under its date, a model under its name, a document, a
    mention or a passage."""

    text: Text
    label: str | None = None  # a date, a name, a numbered document
    detail: str | None = None  # a second line: a document's kind and counts
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A list under a title, of entries or of facts. An untitled list of entries shows each
    entry as its own item (in Discord, a field named by the entry's label or citation)."""

    title: str | None
    entries: tuple[Entry, ...] = ()
    facts: tuple[Fact, ...] = ()
    what: str = "items"  # what is counted when some are left out: "events", a `more.*` label
    cite: Literal["notes", "inline"] = "notes"  # numbered notes, or the citation beside it
    quoted: bool = False  # entries are verbatim words, shown in quotation marks


@dataclass(frozen=True, slots=True)
class Quoted:
    """Verbatim words, who said them, the question they answer and where."""

    text: str
    speaker: str
    question: str | None
    citation: Citation


@dataclass(frozen=True, slots=True)
class Card:
    title: str | None
    lead: tuple[str, ...] = ()  # plain lines under the title
    notices: tuple[str, ...] = ()  # remarks on the answer itself: a fallback, a near match
    quote: Quoted | None = None
    main: Section | None = None  # the list the answer is (events, mentions), under the lead
    facts: tuple[Fact, ...] = ()
    facts_what: str = "facts"  # what the facts are, counted when some are left out
    sections: tuple[Section, ...] = ()
    status: tuple[str, ...] = ()  # counts and paging: "25 events", "page 1 of 3"
    next_page: str | None = None  # the command for the next page (Discord has a button)
    tone: Tone = Tone.ANSWER
    locale: Locale = DEFAULT  # the language of the fixed words, of the card and its layouts
