"""Dates as precise as their source, never more: "2026-06-21", "Dec 2021", "late 2021", "2024"."""

from bot.domain.records import FuzzyDate, Precision

_PART_WORDS = {
    "end": "end of",
    "first half": "first half of",
    "second half": "second half of",
}


def format_when(when: FuzzyDate) -> str:
    """A date at its own precision; a range spanning years shows both ends."""
    if when.precision is Precision.DAY:
        return when.start.isoformat()
    if when.precision is Precision.PART:
        assert when.part is not None
        return f"{_PART_WORDS.get(when.part, when.part)} {when.start.year}"
    if when.precision is Precision.MONTH:
        if (when.start.year, when.start.month) == (when.end.year, when.end.month):
            return when.start.strftime("%b %Y")
        return f"{when.start.strftime('%b %Y')} – {when.end.strftime('%b %Y')}"
    if when.start.year != when.end.year:
        first = when.start.strftime("%b %Y") if when.start.month != 1 else str(when.start.year)
        return f"{first} – {when.end.year}"
    return str(when.start.year)
