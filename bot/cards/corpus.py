"""Cards for the corpus itself: search hits, the documents, statistics."""

from __future__ import annotations

from collections.abc import Sequence

from bot.cards.card import Card, Entry, Fact, Section, Value
from bot.cards.catalog import LABELS
from bot.cards.citing import source_line, voices
from bot.cards.labels import DEFAULT, Locale, attribute_label, counted, say
from bot.cards.timeline import pages
from bot.domain.text import shown
from bot.queries.listings import SourceList
from bot.queries.results import About, SearchResults, Source, SourceSummary

QUERY_CHARS = 60


def passage_count(results: SearchResults, locale: Locale = DEFAULT) -> str:
    """`7 passages`, or `1,000+ passages` when more match than were counted."""
    if results.more:
        return say("count.passages_more", locale, n=f"{results.total:,}")
    return counted("count.passages", results.total, locale)


def search_card(results: SearchResults, locale: Locale = DEFAULT) -> Card:
    query = shown(results.query, QUERY_CHARS)
    title = say("search.title", locale, query=query)
    if not results.hits:
        return Card(title, lead=(say("search.none", locale, query=query),), locale=locale)
    hits = tuple(Entry(hit.snippet, citations=(hit.citation,)) for hit in results.hits)
    more = results.page + 1 < results.page_count
    return Card(
        title,
        sections=(Section(None, hits, what="passages", cite="inline"),),
        status=(passage_count(results, locale), pages(results.page, results.page_count, locale)),
        next_page=f'/search query:"{results.query}" page:{results.page + 2}' if more else None,
        locale=locale,
    )


def summary_counts(summary: SourceSummary, locale: Locale = DEFAULT) -> str:
    """`310 passages, 76 quotes, 12 events`: what one document gives the corpus."""
    pairs = ((summary.passages, "passages"), (summary.quotes, "quotes"), (summary.events, "events"))
    return ", ".join(counted(f"count.{what}", n, locale) for n, what in pairs)


def credits(source: Source, locale: Locale = DEFAULT) -> str:
    """`by Cheng Manqi, edited by Song Wei · `, or nothing when the document names no one."""
    parts = []
    if source.authors:
        parts.append(say("credits.by", locale, names=", ".join(source.authors)))
    if source.editors:
        parts.append(say("credits.edited", locale, names=", ".join(source.editors)))
    return f"{', '.join(parts)} · " if parts else ""


def documents(summaries: Sequence[SourceSummary], locale: Locale = DEFAULT) -> tuple[Entry, ...]:
    """`1. Crossing, “…”, 2026-06-21`, then its credits, kind, language, file and counts."""
    return tuple(
        Entry(
            voices(s.source, locale)
            + credits(s.source, locale)
            + f"{say(f'document.{s.source.kind.value}', locale)} · {s.source.language}"
            + f" · {s.source.file}",
            label=f"{number}. {source_line(s.source, full=True, locale=locale)}",
            detail=summary_counts(s, locale),
        )
        for number, s in enumerate(summaries, 1)
    )


def sources_card(listing: SourceList, locale: Locale = DEFAULT) -> Card:
    if not listing.sources:
        title, lead = say("sources.none_title", locale), say("sources.none", locale)
        return Card(title, lead=(lead,), locale=locale)
    title = say(
        "sources.title", locale, documents=counted("count.documents", len(listing.sources), locale)
    )
    section = Section(None, documents(listing.sources, locale), what="documents")
    return Card(title, sections=(section,), locale=locale)


def _statistic(name: str, locale: Locale) -> str:
    key = f"stat.{name}"
    return say(key, locale) if key in LABELS else name.capitalize()


def about_card(about: About, locale: Locale = DEFAULT) -> Card:
    counts = tuple(
        Fact(_statistic(name, locale), (Value(f"{count:,}"),))
        for name, count in about.counts.items()
    )
    sections = []
    if about.sources:
        title = say("stat.documents", locale)
        sections.append(Section(title, documents(about.sources, locale), what="documents"))
    if about.disagreements:
        points = tuple(
            Entry(f"{d.subject}: {attribute_label(d.attribute, d.label, locale)}")
            for d in about.disagreements
        )
        title = say("disagree.counted", locale, n=len(points))
        sections.append(Section(title, points, what="points"))
    return Card(
        say("about.title", locale),
        lead=(say("about.version", locale, version=about.version),),
        notices=(say("about.stale", locale, reason=about.stale),) if about.stale else (),
        facts=counts,
        facts_what="counts",
        sections=tuple(sections),
        status=(say("about.hint_sources", locale), say("about.hint_disagreements", locale)),
        locale=locale,
    )
