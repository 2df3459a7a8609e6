"""Embeds for the corpus itself: search hits, the documents, statistics, disagreements."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from bot.queries.listings import DisagreementList, SourceList
from bot.queries.results import About, Disagreement, SearchResults, Segment, SourceSummary
from bot.render.embeds_common import (
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    Layout,
    cut,
    join_within,
    safe,
    safe_cut,
)
from bot.render.embeds_notes import EmbedNotes, Field, add_cited_fields, cite_line, values_text
from bot.render.text_common import plural, source_line
from bot.render.text_corpus import passage_count, summary_counts

QUERY_CHARS = 60
SUBJECT_CHARS = 200
_SPACES = re.compile(r"\s+")


def bold_snippet(snippet: Sequence[Segment], limit: int) -> str:
    """The snippet as markdown: matched words **bold**, everything else escaped, so asterisks
    in the corpus or the query never open a bold of their own. Cut between segments, or inside
    an unmarked one, so a bold is never left open."""
    out = ""
    for segment in snippet:
        text = _SPACES.sub(" ", segment.text)
        core = text.strip()
        if segment.highlight and core:
            start = text.index(core)
            piece = f"{safe(text[:start])}**{safe(core)}**{safe(text[start + len(core) :])}"
        else:
            piece = safe(text)
        if len(out) + len(piece) > limit - 1:  # one left for the ellipsis
            room = limit - len(out)
            plain = not (segment.highlight and core)
            return (out + cut(piece, room) if plain and room > 1 else out + "…").strip()
        out += piece
    return out.strip()


def search_embed(results: SearchResults, layout: Layout) -> None:
    embed = layout.embed
    query = f"“{safe_cut(results.query, QUERY_CHARS, flat=True)}”"
    embed.title = f"Search · {query}"
    if not results.hits:
        embed.description = f"No passage matches {query}."
        return
    pages = f"page {results.page + 1} of {max(results.page_count, 1)}"
    embed.set_footer(text=f"{passage_count(results)} · {pages}")
    chars = min(layout.detail.text * 2, FIELD_VALUE_LIMIT)
    hits = [(cite_line(hit.citation), bold_snippet(hit.snippet, chars)) for hit in results.hits]
    layout.add_all(hits, "more passages")


def _summary_field(number: int, summary: SourceSummary) -> tuple[str, str]:
    source = summary.source
    kind = source.kind.value.replace("_", " ")
    counts = " · ".join(summary_counts(summary))
    about = safe(f"{kind} · {source.language} · {source.file}")
    name = cut(f"{number}. {safe(source_line(source, full=True))}", FIELD_NAME_LIMIT)
    return name, f"{cut(about, FIELD_VALUE_LIMIT // 2)}\n{counts}"


def sources_embed(listing: SourceList, layout: Layout) -> None:
    embed = layout.embed
    if not listing.sources:
        embed.title = "No documents"
        embed.description = "The corpus holds no documents yet: run `minimax-bot index`."
        return
    embed.title = f"{plural(len(listing.sources), 'document')} in the corpus"
    fields = [_summary_field(n, s) for n, s in enumerate(listing.sources, 1)]
    layout.add_all(fields, "more documents")


def about_embed(about: About, layout: Layout) -> None:
    embed = layout.embed
    embed.title = "minimax-bot corpus"
    embed.description = f"Version {safe_cut(about.version, 100)}"
    embed.set_footer(text="/sources lists the documents · /disagreements shows each side")
    sections = int(bool(about.sources)) + int(bool(about.disagreements))
    counts = [(safe(name.capitalize()), f"{count:,}") for name, count in about.counts.items()]
    layout.add_all(counts, "more counts", inline=True, keep_fields=sections, keep_chars=1500)
    if about.sources:
        lines = []
        for number, summary in enumerate(about.sources, 1):
            name, value = _summary_field(number, summary)
            lines.append(f"**{name}**\n{value.replace(chr(10), ' · ')}")
        layout.add("Documents", join_within(lines, FIELD_VALUE_LIMIT, "more documents"))
    if about.disagreements:
        lines = [f"• {safe(d.subject)}: {safe(d.label)}" for d in about.disagreements]
        name = f"Where the sources disagree ({len(about.disagreements)})"
        limit = FIELD_VALUE_LIMIT - 30
        layout.add(name, join_within(lines, limit, "more") + "\nSee /disagreements")


def _disagreement(item: Disagreement, layout: Layout, notes: EmbedNotes) -> Field:
    name = safe_cut(f"{item.subject}: {item.label}", SUBJECT_CHARS, flat=True)
    return Field(name, values_text(item.values, notes, layout.detail))


def disagreements_embed(listing: DisagreementList, layout: Layout) -> None:
    embed = layout.embed
    about = ""
    if listing.subject:
        about = f" about “{safe_cut(listing.subject, QUERY_CHARS, flat=True)}”"
    embed.title = f"Where the sources disagree{about}"
    if not listing.items:
        embed.description = f"The sources agree on everything the corpus records{about}."
        return
    embed.description = (
        f"{plural(len(listing.items), 'point')}. Each value is shown with its source; "
        "the bot does not pick one."
    )
    items = [partial(_disagreement, item, layout) for item in listing.items]
    add_cited_fields(layout, items, EmbedNotes(), "more points")
