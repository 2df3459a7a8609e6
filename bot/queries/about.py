"""Sources and about: the documents with their counts, corpus statistics, disagreements
(each cited as `bot.queries.disagreements` cites it)."""

from __future__ import annotations

import importlib.metadata

from bot.queries.corpus import Corpus
from bot.queries.disagreements import disagreements
from bot.queries.results import About, SourceSummary
from bot.store.timeline_read import SourceCounts

PACKAGE = "minimax-bot"
UNKNOWN_VERSION = "unknown"


def version() -> str:
    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return UNKNOWN_VERSION


async def sources(corpus: Corpus) -> tuple[SourceSummary, ...]:
    """Each document, by file name, with how many passages, quotes and events it holds."""
    counts = await corpus.store.source_counts()
    summaries = []
    for file, source in sorted(corpus.catalog.sources.items()):
        held = counts.get(file, SourceCounts(0, 0, 0))
        summaries.append(SourceSummary(source, held.passages, held.quotes, held.events))
    return tuple(summaries)


async def about(corpus: Corpus) -> About:
    """Corpus statistics, the sources, every disagreement, the bot's version, and whether the
    index is stale (its last update failed)."""
    return About(
        counts=await corpus.store.counts(),
        sources=await sources(corpus),
        disagreements=await disagreements(corpus),
        version=version(),
        stale=corpus.stale,
    )
