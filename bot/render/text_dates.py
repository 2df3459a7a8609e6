"""Terminal text for dated answers: the timeline and "on this day", each date at its precision."""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from bot.queries.results import OnThisDay, Timeline, TimelineEntry
from bot.render.dates import format_when
from bot.render.text_common import Notes, clip, quote_lines

ENTRY_CHARS = 300


def entry_lines(entries: Sequence[TimelineEntry], notes: Notes) -> list[str]:
    """One line per event: the date at its precision, what happened, its source note."""
    whens = [format_when(entry.when) for entry in entries]
    width = max((len(when) for when in whens), default=0)
    lines = []
    for when, entry in zip(whens, entries, strict=True):
        text = clip(entry.text, ENTRY_CHARS)
        if entry.subject and entry.subject.casefold() not in text.casefold():
            text = f"{entry.subject}: {text}"
        lines.append(f"  {when:<{width}}  {text} {notes.refs([entry.citation])}")
    return lines


def _scope(timeline: Timeline) -> str:
    parts = ["Timeline"]
    if timeline.year is not None:
        parts.append(str(timeline.year))
    if timeline.query:
        parts.append(f"“{clip(timeline.query, 60)}”")
    return " · ".join(parts)


def render_timeline(timeline: Timeline) -> str:
    scope = _scope(timeline)
    if not timeline.entries:
        return f"{scope}: no events in the corpus."
    count = f"{timeline.total} event{'' if timeline.total == 1 else 's'}"
    pages = f"page {timeline.page + 1} of {max(timeline.page_count, 1)}"
    notes = Notes()
    lines = [f"{scope}: {count}, {pages}", *entry_lines(timeline.entries, notes)]
    lines += notes.lines()
    if timeline.page + 1 < timeline.page_count:
        lines += ["", f"Next: {_next_page(timeline)}"]
    return "\n".join(lines)


def _next_page(timeline: Timeline) -> str:
    parts = ["/timeline"]
    if timeline.year is not None:
        parts.append(f"year:{timeline.year}")
    if timeline.query:
        parts.append(f'query:"{timeline.query}"')
    parts.append(f"page:{timeline.page + 2}")
    return " ".join(parts)


def month_day(month: int, day: int) -> str:
    return f"{calendar.month_name[month]} {day}"


def render_on_this_day(answer: OnThisDay) -> str:
    day = month_day(answer.month, answer.day)
    notes = Notes()
    if answer.fallback == "none" and answer.entries:
        lines = [f"On this day, {day}:", *entry_lines(answer.entries, notes)]
        return "\n".join(lines + notes.lines())
    nothing = f"Nothing in the corpus happened on {day}"
    if answer.fallback == "month" and answer.entries:
        month = calendar.month_name[answer.month]
        lines = [f"{nothing}; from {month} instead:", *entry_lines(answer.entries, notes)]
        return "\n".join(lines + notes.lines())
    if answer.quote is not None:
        month = calendar.month_name[answer.month]
        return "\n".join(
            [
                f"{nothing}, nor in {month}; the quote of the day instead:",
                *quote_lines(answer.quote),
            ]
        )
    return f"{nothing}."
