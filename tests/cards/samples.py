"""Hand-built answers for the renderer tests: sources, citations, a quote, a card, events."""

from __future__ import annotations

from bot.domain.records import DocumentKind, FuzzyDate, ModelKind
from bot.queries.results import (
    Citation,
    FactLine,
    FactValue,
    ModelCard,
    QuoteAnswer,
    Source,
    TimelineEntry,
)

PODCAST = Source(
    "000.txt", "A Conversation with Junjie Yan", "Crossing", FuzzyDate.day(2026, 6, 21),
    DocumentKind.SHOW_NOTES, "en",
)  # fmt: skip
INTERVIEW = Source(
    "001.txt", "In Conversation", "LatePost", FuzzyDate.day(2024, 4, 18),
    DocumentKind.INTERVIEW, "en",
)  # fmt: skip
ARTICLE = Source("003.txt", "MiniMax: Efficient LLMs", None, None, DocumentKind.ARTICLE, "en")
SPECS = Citation(ARTICLE, "Models › MiniMax-M2", "- **Parameters**: 230B total, 10B active")
TABLE = Citation(ARTICLE, "Models › Table", "| **Oct 2025** | **MiniMax-M2** | 230B |")
TEAM_300 = Citation(INTERVIEW, "Part 1", "of roughly 300 people")
TEAM_200 = Citation(ARTICLE, "Team", "**Total Size**: ~200 employees")


def quote(**changes: object) -> QuoteAnswer:
    fields: dict[str, object] = {
        "quote_id": 7,
        "text": "Become the biggest customer in the market.",
        "speaker": "Junjie Yan",
        "speaker_as_written": "Junjie Yan",
        "question": "How do you avoid similar risks?",
        "citation": Citation(INTERVIEW, "Everything becomes good"),
        "how": "match",
        "query": "compute crunch",
        "total": 3,
    }
    fields.update(changes)
    return QuoteAnswer(**fields)  # type: ignore[arg-type]


def card(**changes: object) -> ModelCard:
    fields: dict[str, object] = {
        "name": "MiniMax-M2",
        "aliases": ("MiniMax-M2", "M2"),
        "kind": ModelKind.TEXT,
        "minimax": True,
        "facts": (
            FactLine("total_parameters", "Total parameters", (FactValue("230B", (TABLE, SPECS)),)),
            FactLine(
                "parameters",
                "Parameters",
                (FactValue("230B (10B active)", (TABLE,)), FactValue("230B total", (SPECS,))),
            ),
        ),
        "mentions": (),
        "specified": True,
        "matched": "M2",
    }
    fields.update(changes)
    return ModelCard(**fields)  # type: ignore[arg-type]


TIMELINE = (
    TimelineEntry(FuzzyDate.part_of_year(2021, "late"), "MiniMax is founded.", "MiniMax",
                  Citation(ARTICLE, "History", "late 2021")),
    TimelineEntry(FuzzyDate.month(2024, 3), "Series B: $600M.", None, Citation(ARTICLE, "Funding")),
    TimelineEntry(FuzzyDate.day(2026, 6, 21), "The podcast airs.", "Crossing",
                  Citation(PODCAST, None)),
)  # fmt: skip
