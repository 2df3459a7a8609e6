"""Embeds for dated answers: a timeline page and "on this day", each date at its precision."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from functools import partial

from bot.queries.results import OnThisDay, Timeline, TimelineEntry
from bot.render.dates import format_when
from bot.render.embeds_common import Layout, safe_cut
from bot.render.embeds_notes import EmbedNotes, add_sources, cited_lines
from bot.render.embeds_quotes import add_quote
from bot.render.text_common import plural
from bot.render.text_dates import month_day

QUERY_CHARS = 60


def entry_line(entry: TimelineEntry, notes: EmbedNotes, chars: int) -> str:
    """`**Mar 2024** · Series B: $600M. [2]`: the date at its precision, never finer."""
    text = entry.text
    if entry.subject and entry.subject.casefold() not in text.casefold():
        text = f"{entry.subject}: {text}"
    refs = notes.refs([entry.citation])
    return f"**{format_when(entry.when)}** · {safe_cut(text, chars, flat=True)} {refs}"


def entry_builders(
    entries: Sequence[TimelineEntry], layout: Layout
) -> list[Callable[[EmbedNotes], str]]:
    return [partial(entry_line, entry, chars=layout.detail.text) for entry in entries]


def add_entries(layout: Layout, head: str, entries: Sequence[TimelineEntry]) -> None:
    """`head`, then the events in the description, then the sources they cite."""
    notes = EmbedNotes()
    builders = entry_builders(entries, layout)
    layout.embed.description = cited_lines(layout, head, builders, notes, "more events")
    add_sources(layout, notes)


def timeline_embed(timeline: Timeline, layout: Layout) -> None:
    embed = layout.embed
    parts = ["Timeline"]
    if timeline.year is not None:
        parts.append(str(timeline.year))
    if timeline.query:
        parts.append(f"“{safe_cut(timeline.query, QUERY_CHARS, flat=True)}”")
    embed.title = " · ".join(parts)
    if not timeline.entries:
        embed.description = "No events in the corpus."
        return
    pages = f"page {timeline.page + 1} of {max(timeline.page_count, 1)}"
    embed.set_footer(text=f"{pages} · {plural(timeline.total, 'event')}")
    add_entries(layout, "", timeline.entries)


def on_this_day_embed(answer: OnThisDay, layout: Layout) -> None:
    embed = layout.embed
    day = month_day(answer.month, answer.day)
    month = calendar.month_name[answer.month]
    embed.title = f"On this day · {day}"
    nothing = f"Nothing in the corpus happened on {day}"
    if answer.fallback == "none" and answer.entries:
        add_entries(layout, "", answer.entries)
    elif answer.fallback == "month" and answer.entries:
        embed.set_footer(text=f"Fallback: events from {month}")
        add_entries(layout, f"*{nothing}; from {month} instead:*", answer.entries)
    elif answer.quote is not None:
        embed.set_footer(text="Fallback: quote of the day")
        lead = f"*{nothing}, nor in {month}; the quote of the day instead:*"
        add_quote(layout, answer.quote, lead)
    else:
        embed.description = f"{nothing}."
