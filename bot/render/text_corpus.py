"""Terminal text for the corpus itself: search hits, the documents, statistics, disagreements."""

from __future__ import annotations

from collections.abc import Sequence

from bot.queries.listings import DisagreementList, SourceList
from bot.queries.results import About, Disagreement, SearchResults, Segment, SourceSummary
from bot.render.text_common import (
    DISPUTED,
    Notes,
    cite,
    clip,
    plural,
    source_line,
    value_lines,
)

MARK = "**"  # highlighted words in a snippet: plain text a terminal and a pipe both show


def passage_count(results: SearchResults) -> str:
    """`7 passages`, or `1,000+ passages` when more match than were counted."""
    if results.more:
        return f"{results.total:,}+ passages"
    return plural(results.total, "passage")


def highlighted(snippet: Sequence[Segment]) -> str:
    """The snippet with its matched words marked `**like this**`, spaces kept outside marks."""
    out = []
    for segment in snippet:
        text = segment.text
        if not segment.highlight or not text.strip():
            out.append(text)
            continue
        core = text.strip()
        start = text.index(core)
        out.append(f"{text[:start]}{MARK}{core}{MARK}{text[start + len(core) :]}")
    return " ".join("".join(out).split())


def render_search(results: SearchResults) -> str:
    query = f"“{clip(results.query, 60)}”"
    if not results.hits:
        return f"No passage matches {query}."
    pages = f"page {results.page + 1} of {max(results.page_count, 1)}"
    lines = [f"Search {query}: {passage_count(results)}, {pages}"]
    for hit in results.hits:
        lines += ["", f"  · {highlighted(hit.snippet)}", f"    Source: {cite(hit.citation)}"]
    if results.page + 1 < results.page_count:
        lines += ["", f'Next: /search query:"{results.query}" page:{results.page + 2}']
    return "\n".join(lines)


def summary_counts(summary: SourceSummary) -> list[str]:
    """`310 passages`, `76 quotes`, `12 events`: what one document gives the corpus."""
    pairs = ((summary.passages, "passage"), (summary.quotes, "quote"), (summary.events, "event"))
    return [plural(n, word) for n, word in pairs]


def summary_lines(summaries: Sequence[SourceSummary]) -> list[str]:
    lines = []
    for number, summary in enumerate(summaries, 1):
        source = summary.source
        counts = ", ".join(summary_counts(summary))
        kind = source.kind.value.replace("_", " ")
        lines.append(f"  {number}. {source_line(source, full=True)}")
        lines.append(f"     {kind} · {source.language} · {source.file} · {counts}")
    return lines


def render_sources(listing: SourceList) -> str:
    if not listing.sources:
        return "The corpus holds no documents yet: run `minimax-bot index`."
    header = f"{plural(len(listing.sources), 'document')} in the corpus:"
    return "\n".join([header, *summary_lines(listing.sources)])


def render_about(about: About) -> str:
    lines = [f"minimax-bot corpus, version {about.version}"]
    width = max((len(name) for name in about.counts), default=0)
    lines += [f"  {name:<{width}}  {count:>8,}" for name, count in about.counts.items()]
    if about.sources:
        lines += ["", "Documents:", *summary_lines(about.sources)]
    if about.disagreements:
        lines += ["", f"Where {DISPUTED} ({len(about.disagreements)}; see /disagreements):"]
        lines += [f"  · {d.subject}: {d.label}" for d in about.disagreements]
    return "\n".join(lines)


def disagreement_lines(items: Sequence[Disagreement], notes: Notes) -> list[str]:
    lines = []
    for item in items:
        lines += ["", f"{item.subject}: {item.label}", *value_lines(item.values, notes, "  · ")]
    return lines


def render_disagreements(listing: DisagreementList) -> str:
    about = f" about “{clip(listing.subject, 60)}”" if listing.subject else ""
    if not listing.items:
        return f"The sources agree on everything the corpus records{about}."
    notes = Notes()
    header = f"Where {DISPUTED}{about}: {plural(len(listing.items), 'point')}"
    return "\n".join([header, *disagreement_lines(listing.items, notes), *notes.lines()])
