"""One answer, one object: wrappers for the queries that return bare tuples, and the union of
every answer a command can give, so renderers (terminal, Discord) dispatch on a single type.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.queries.results import (
    About,
    AskAnswer,
    Comparison,
    Disagreement,
    EntityCard,
    ModelCard,
    ModelList,
    OnThisDay,
    PersonProfile,
    Problem,
    QuoteAnswer,
    SearchResults,
    Source,
    SourceSummary,
    TeamNote,
    Timeline,
)


@dataclass(frozen=True, slots=True)
class SourceList:
    """The documents of the corpus (`/sources`)."""

    sources: tuple[SourceSummary, ...]


@dataclass(frozen=True, slots=True)
class DisagreementList:
    """Where the sources disagree (`/disagreements`), for one subject or all."""

    items: tuple[Disagreement, ...]  # this page
    subject: str | None = None  # as typed
    page: int = 0
    page_count: int = 1
    total: int = 0  # on every page
    resolved: str | None = None  # the subject's canonical name, when `subject` names one
    # With no disagreement about the resolved subject: the documents that state facts about
    # it, and those that only name it (whether "the sources agree" may be said).
    stating: tuple[Source, ...] = ()
    mentioning: tuple[Source, ...] = ()
    notes: tuple[TeamNote, ...] = ()  # the corpus's errors about it, with the team's note


Answer = (
    QuoteAnswer
    | ModelCard
    | EntityCard
    | ModelList
    | Comparison
    | PersonProfile
    | Timeline
    | OnThisDay
    | SearchResults
    | AskAnswer
    | SourceList
    | About
    | DisagreementList
    | Problem
)
