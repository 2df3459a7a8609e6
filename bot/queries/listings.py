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
    ModelCard,
    ModelList,
    OnThisDay,
    PersonProfile,
    Problem,
    QuoteAnswer,
    SearchResults,
    SourceSummary,
    Timeline,
)


@dataclass(frozen=True, slots=True)
class SourceList:
    """The documents of the corpus (`/sources`)."""

    sources: tuple[SourceSummary, ...]


@dataclass(frozen=True, slots=True)
class DisagreementList:
    """Where the sources disagree (`/disagreements`), for one subject or all."""

    items: tuple[Disagreement, ...]
    subject: str | None = None


Answer = (
    QuoteAnswer
    | ModelCard
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
