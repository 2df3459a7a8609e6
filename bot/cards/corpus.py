"""Cards for the corpus itself: search hits, the documents, statistics, disagreements."""

from __future__ import annotations

from collections.abc import Sequence

from bot.cards.card import Card, Entry, Fact, Section, Tone, Value
from bot.cards.citing import plural, source_line
from bot.cards.models import values
from bot.cards.timeline import pages
from bot.domain.text import shown
from bot.queries.listings import DisagreementList, SourceList
from bot.queries.results import About, SearchResults, Source, SourceSummary

QUERY_CHARS = 60
DISAGREE = "Where the sources disagree"
STALE = "The index is stale, answers come from the last good one; the last index failed"


def passage_count(results: SearchResults) -> str:
    """`7 passages`, or `1,000+ passages` when more match than were counted."""
    if results.more:
        return f"{results.total:,}+ passages"
    return plural(results.total, "passage")


def search_card(results: SearchResults) -> Card:
    query = f"“{shown(results.query, QUERY_CHARS)}”"
    title = f"Search · {query}"
    if not results.hits:
        return Card(title, lead=(f"No passage matches {query}.",))
    hits = tuple(Entry(hit.snippet, citations=(hit.citation,)) for hit in results.hits)
    more = results.page + 1 < results.page_count
    return Card(
        title,
        sections=(Section(None, hits, what="more passages", cite="inline"),),
        status=(passage_count(results), pages(results.page, results.page_count)),
        next_page=f'/search query:"{results.query}" page:{results.page + 2}' if more else None,
    )


def summary_counts(summary: SourceSummary) -> str:
    """`310 passages, 76 quotes, 12 events`: what one document gives the corpus."""
    pairs = ((summary.passages, "passage"), (summary.quotes, "quote"), (summary.events, "event"))
    return ", ".join(plural(n, word) for n, word in pairs)


def credits(source: Source) -> str:
    """`by Cheng Manqi, edited by Song Wei · `, or nothing when the document names no one."""
    parts = []
    if source.authors:
        parts.append(f"by {', '.join(source.authors)}")
    if source.editors:
        parts.append(f"edited by {', '.join(source.editors)}")
    return f"{', '.join(parts)} · " if parts else ""


def documents(summaries: Sequence[SourceSummary]) -> tuple[Entry, ...]:
    """`1. Crossing, “…”, 2026-06-21`, then its credits, kind, language, file and counts."""
    return tuple(
        Entry(
            credits(s.source)
            + f"{s.source.kind.value.replace('_', ' ')} · {s.source.language} · {s.source.file}",
            label=f"{number}. {source_line(s.source, full=True)}",
            detail=summary_counts(s),
        )
        for number, s in enumerate(summaries, 1)
    )


def sources_card(listing: SourceList) -> Card:
    if not listing.sources:
        return Card(
            "No documents", lead=("The corpus holds no documents yet: run `minimax-bot index`.",)
        )
    title = f"{plural(len(listing.sources), 'document')} in the corpus"
    return Card(title, sections=(Section(None, documents(listing.sources), what="more documents"),))


def about_card(about: About) -> Card:
    counts = tuple(
        Fact(name.capitalize(), (Value(f"{count:,}"),)) for name, count in about.counts.items()
    )
    sections = []
    if about.sources:
        sections.append(Section("Documents", documents(about.sources), what="more documents"))
    if about.disagreements:
        points = tuple(Entry(f"{d.subject}: {d.label}") for d in about.disagreements)
        sections.append(Section(f"{DISAGREE} ({len(points)})", points, what="more points"))
    return Card(
        "minimax-bot corpus",
        lead=(f"Version {about.version}",),
        notices=(f"{STALE}: {about.stale}",) if about.stale else (),
        facts=counts,
        facts_what="more counts",
        sections=tuple(sections),
        status=("/sources lists the documents", "/disagreements shows each side"),
    )


def disagreements_card(listing: DisagreementList) -> Card:
    about = f" about “{shown(listing.subject, QUERY_CHARS)}”" if listing.subject else ""
    title = f"{DISAGREE}{about}"
    if not listing.items:
        lead = f"The sources agree on everything the corpus records{about}."
        return Card(title, lead=(lead,), tone=Tone.WARNING)
    lead = (
        f"{plural(len(listing.items), 'point')}. Each value is shown with its source; "
        "the bot does not pick one."
    )
    points = tuple(
        Fact(f"{item.subject}: {item.label}", values(item.values)) for item in listing.items
    )
    return Card(title, lead=(lead,), facts=points, facts_what="more points", tone=Tone.WARNING)
