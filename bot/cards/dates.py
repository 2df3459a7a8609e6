"""Dates as precise as their source, never more: "2026-06-21", "Dec 2021", "late 2021", "2024";
in Chinese "2021年12月", "2021年末"; a relative date as far as its words anchor it, with the
words."""

import calendar

from bot.cards.catalog import LABELS
from bot.cards.labels import DEFAULT, Locale, say
from bot.domain.records import FuzzyDate, Precision
from bot.queries.results import DatedTelling


def month_year(year: int, month: int, locale: Locale = DEFAULT) -> str:
    """`Dec 2021`, `2021年12月`."""
    abbr = calendar.month_abbr[month]
    return say("date.month", locale, month_abbr=abbr, month=month, year=year)


def month_name(month: int, locale: Locale = DEFAULT) -> str:
    """`June`, `6月`."""
    return say("date.month_name", locale, month_name=calendar.month_name[month], month=month)


def month_day(month: int, day: int, locale: Locale = DEFAULT) -> str:
    """`June 21`, `6月21日`."""
    name = calendar.month_name[month]
    return say("date.month_day", locale, month_name=name, month=month, day=day)


def _part(part: str, year: int, locale: Locale) -> str:
    key = f"part.{part}"
    return say(key, locale, year=year) if key in LABELS else f"{part} {year}"


def format_when(when: FuzzyDate, locale: Locale = DEFAULT) -> str:
    """A date at its own precision; a range spanning years shows both ends."""
    start, end = when.start, when.end
    if when.precision is Precision.DAY:
        return start.isoformat()
    if when.precision is Precision.PART:
        assert when.part is not None
        return _part(when.part, start.year, locale)
    if when.precision is Precision.MONTH:
        first = month_year(start.year, start.month, locale)
        if (start.year, start.month) == (end.year, end.month):
            return first
        return say("date.range", locale, start=first, end=month_year(end.year, end.month, locale))
    if start.year != end.year:
        first = month_year(start.year, start.month, locale) if start.month != 1 else str(start.year)
        return say("date.range", locale, start=first, end=end.year)
    return str(start.year)


def source_label(file: str) -> str:
    """A document as a date's label names it: its number (`003`)."""
    return file.rsplit(".", 1)[0].split("_", 1)[0]


def telling_when(telling: DatedTelling, locale: Locale = DEFAULT) -> str:
    """`Dec 2021 (003)`; a relative date with its words: `about a year before Apr 2024 (001 says
    “a year ago”)`. A reading is the corpus's own wording of the date and is not translated."""
    source = source_label(telling.file)
    if telling.reading is None:
        return say("timeline.dated", locale, when=format_when(telling.when, locale), source=source)
    if telling.words and telling.words in (telling.citation.evidence or ""):
        return say(
            "timeline.says", locale, reading=telling.reading, source=source, words=telling.words
        )
    return say("timeline.dated", locale, when=telling.reading, source=source)
