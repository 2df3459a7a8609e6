"""Sources and about: the documents with their counts, corpus statistics, disagreements.

Every disagreement value is cited by the document that states it, with its verbatim evidence;
values equal in two documents are one value with two citations.
"""

from __future__ import annotations

import importlib.metadata

from bot.domain.names import name_key
from bot.queries.corpus import Corpus
from bot.queries.labels import label_for
from bot.queries.results import About, Citation, Disagreement, FactValue, SourceSummary
from bot.store.timeline_read import ConflictRow, SourceCounts

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


def _subject_keys(corpus: Corpus, subject: str) -> set[str]:
    """The name keys of every spelling of the person or model `subject` names."""
    keys = {name_key(subject)}
    person = corpus.catalog.person(subject)
    if person is not None:
        keys.update(name_key(name) for name in person.names)
    model = corpus.catalog.model(subject)
    if model is not None:
        keys.update(name_key(alias) for alias in model.aliases)
    return keys - {""}


def _disagreement(corpus: Corpus, rows: list[ConflictRow]) -> Disagreement:
    cited: dict[str, list[Citation]] = {}
    for row in rows:
        citation = corpus.catalog.citation(row.file, None, row.evidence)
        if citation not in cited.setdefault(row.value, []):
            cited[row.value].append(citation)
    values = tuple(FactValue(value, tuple(citations)) for value, citations in cited.items())
    first = rows[0]
    return Disagreement(first.subject, first.attribute, label_for(first.attribute), values)


async def disagreements(corpus: Corpus, subject: str | None = None) -> tuple[Disagreement, ...]:
    """Where the documents disagree, by subject and attribute; only `subject`'s if given
    (any spelling of a person's or model's name)."""
    keys = None if subject is None or not subject.strip() else _subject_keys(corpus, subject)
    grouped: dict[int, list[ConflictRow]] = {}
    for row in await corpus.store.conflict_rows():
        if keys is None or name_key(row.subject) in keys:
            grouped.setdefault(row.conflict_id, []).append(row)
    return tuple(_disagreement(corpus, rows) for rows in grouped.values())


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
