"""Cards for dated answers: a timeline page and "on this day", each date at its precision."""

from __future__ import annotations

from collections.abc import Sequence

from bot.cards.card import Card, Entry, Section
from bot.cards.dates import format_when, month_day, month_name, telling_when
from bot.cards.labels import DEFAULT, Locale, counted, say
from bot.cards.quotes import quoted
from bot.domain.text import shown
from bot.queries.results import OnThisDay, Timeline, TimelineEntry

QUERY_CHARS = 60


def side_by_side(entry: TimelineEntry, locale: Locale = DEFAULT) -> str | None:
    """Each source's date of a happening: `Dec 2021 (003) · end of 2021 (001)`, and whether
    they differ; None for one source whose date the label already shows."""
    if len(entry.tellings) <= 1 and not entry.more and not entry.differ:
        only = entry.tellings[0] if entry.tellings else None
        return None if only is None or only.reading is None else telling_when(only, locale)
    dates = [telling_when(telling, locale) for telling in entry.tellings]
    if entry.more:
        dates.append(counted("timeline.more_sources", entry.more, locale))
    line = " · ".join(dict.fromkeys(dates))
    return f"{line} — {say('timeline.differ', locale)}" if entry.differ else line


def events(entries: Sequence[TimelineEntry], locale: Locale = DEFAULT) -> Section:
    """Each happening under its finest date, named by its subject when its text does not name
    it, with every source's date side by side and a citation of each source's words."""
    shown_entries = []
    for entry in entries:
        text = entry.text
        if entry.subject and entry.subject.casefold() not in text.casefold():
            text = f"{entry.subject}: {text}"
        when = format_when(entry.when, locale)
        citations = tuple(t.citation for t in entry.tellings) or (entry.citation,)
        detail = side_by_side(entry, locale)
        shown_entries.append(Entry(text, label=when, detail=detail, citations=citations))
    return Section(None, tuple(shown_entries), what="events")


def pages(page: int, page_count: int, locale: Locale = DEFAULT) -> str:
    return say("page", locale, page=page + 1, pages=max(page_count, 1))


def _next_page(timeline: Timeline) -> str | None:
    if timeline.page + 1 >= timeline.page_count:
        return None
    parts = ["/timeline"]
    if timeline.year is not None:
        parts.append(f"year:{timeline.year}")
    if timeline.query:
        parts.append(f'query:"{timeline.query}"')
    if timeline.kind:
        parts.append(f"kind:{timeline.kind}")
    parts.append(f"page:{timeline.page + 2}")
    return " ".join(parts)


def timeline_card(timeline: Timeline, locale: Locale = DEFAULT) -> Card:
    parts = [say("timeline", locale)]
    if timeline.year is not None:
        parts.append(str(timeline.year))
    if timeline.kind:
        parts.append(say(f"event.{timeline.kind}", locale).strip())
    if timeline.query:
        parts.append(f"“{shown(timeline.query, QUERY_CHARS)}”")
    title = " · ".join(parts)
    if not timeline.entries:
        return Card(title, lead=(say("timeline.none", locale),), locale=locale)
    status = (
        counted("count.events", timeline.total, locale),
        pages(timeline.page, timeline.page_count, locale),
    )
    return Card(
        title,
        main=events(timeline.entries, locale),
        status=status,
        next_page=_next_page(timeline),
        locale=locale,
    )


def on_this_day_card(answer: OnThisDay, locale: Locale = DEFAULT) -> Card:
    day = month_day(answer.month, answer.day, locale)
    month = month_name(answer.month, locale)
    title = say("onthisday", locale, day=day)
    if answer.fallback == "none" and answer.entries:
        return Card(title, main=events(answer.entries, locale), locale=locale)
    if answer.fallback == "month" and answer.entries:
        return Card(
            title,
            notices=(say("onthisday.month", locale, day=day, month=month),),
            main=events(answer.entries, locale),
            status=(say("onthisday.fallback_month", locale, month=month),),
            locale=locale,
        )
    if answer.quote is not None:
        return Card(
            title,
            notices=(say("onthisday.quote", locale, day=day, month=month),),
            quote=quoted(answer.quote, locale),
            status=(say("onthisday.fallback_quote", locale),),
            locale=locale,
        )
    return Card(title, lead=(say("onthisday.nothing", locale, day=day),), locale=locale)
