"""Cards for dated answers: a timeline page and "on this day", each date at its precision."""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from bot.cards.card import Card, Entry, Section
from bot.cards.citing import plural
from bot.cards.dates import format_when
from bot.cards.quotes import quoted
from bot.domain.text import shown
from bot.queries.results import OnThisDay, Timeline, TimelineEntry

QUERY_CHARS = 60


def events(entries: Sequence[TimelineEntry]) -> Section:
    """Each event under its date, named by its subject when its text does not name it."""
    shown_entries = []
    for entry in entries:
        text = entry.text
        if entry.subject and entry.subject.casefold() not in text.casefold():
            text = f"{entry.subject}: {text}"
        when = format_when(entry.when)
        shown_entries.append(Entry(text, label=when, citations=(entry.citation,)))
    return Section(None, tuple(shown_entries), what="more events")


def pages(page: int, page_count: int) -> str:
    return f"page {page + 1} of {max(page_count, 1)}"


def _next_page(timeline: Timeline) -> str | None:
    if timeline.page + 1 >= timeline.page_count:
        return None
    parts = ["/timeline"]
    if timeline.year is not None:
        parts.append(f"year:{timeline.year}")
    if timeline.query:
        parts.append(f'query:"{timeline.query}"')
    parts.append(f"page:{timeline.page + 2}")
    return " ".join(parts)


def timeline_card(timeline: Timeline) -> Card:
    parts = ["Timeline"]
    if timeline.year is not None:
        parts.append(str(timeline.year))
    if timeline.query:
        parts.append(f"“{shown(timeline.query, QUERY_CHARS)}”")
    title = " · ".join(parts)
    if not timeline.entries:
        return Card(title, lead=("No events in the corpus.",))
    return Card(
        title,
        main=events(timeline.entries),
        status=(plural(timeline.total, "event"), pages(timeline.page, timeline.page_count)),
        next_page=_next_page(timeline),
    )


def month_day(month: int, day: int) -> str:
    return f"{calendar.month_name[month]} {day}"


def on_this_day_card(answer: OnThisDay) -> Card:
    day = month_day(answer.month, answer.day)
    month = calendar.month_name[answer.month]
    title = f"On this day · {day}"
    nothing = f"Nothing in the corpus happened on {day}"
    if answer.fallback == "none" and answer.entries:
        return Card(title, main=events(answer.entries))
    if answer.fallback == "month" and answer.entries:
        return Card(
            title,
            notices=(f"{nothing}; from {month} instead:",),
            main=events(answer.entries),
            status=(f"Fallback: events from {month}",),
        )
    if answer.quote is not None:
        return Card(
            title,
            notices=(f"{nothing}, nor in {month}; the quote of the day instead:",),
            quote=quoted(answer.quote),
            status=("Fallback: quote of the day",),
        )
    return Card(title, lead=(f"{nothing}.",))
