"""How every card names a source and numbers its citations, whatever the layout."""

from __future__ import annotations

from collections.abc import Iterable

from bot.cards.dates import format_when
from bot.cards.labels import DEFAULT, Locale, say
from bot.domain.records import Voice
from bot.domain.text import shown
from bot.queries.results import Citation, Source

TITLE_CHARS = 70
HEADING_CHARS = 80

# A note's source and who speaks there, then per heading its numbers with their evidence.
Grouped = dict[tuple[Source, Voice | None], dict[str | None, list[tuple[int, str | None]]]]


def source_name(source: Source) -> str:
    """The outlet, else the title: what a reader recognises a source by."""
    return source.outlet or f"“{shown(source.title, TITLE_CHARS)}”"


def voice_name(source: Source, voice: Voice | None, locale: Locale = DEFAULT) -> str:
    """Who speaks where a source is cited: `Yunqi Capital’s introduction`, `LatePost (Cheng
    Manqi)` for the original text of a voiced source, else the source's name."""
    if voice is Voice.PUBLISHER and source.publisher:
        return say("voice.introduction", locale, publisher=source.publisher)
    name = source_name(source)
    if voice is Voice.ORIGINAL and source.authors:
        return f"{name} ({', '.join(source.authors)})"
    return name


def source_line(
    source: Source, *, full: bool = False, locale: Locale = DEFAULT, voice: Voice | None = None
) -> str:
    """`Crossing, 2026-06-21`, `LatePost, republished by Yunqi Capital, 2024-04-18`; with
    `full`, the title too. With a `voice`, who speaks there: `Yunqi Capital’s introduction,
    2024-04-18`, `LatePost (Cheng Manqi), republished by Yunqi Capital, 2024-04-18`."""
    parts = [voice_name(source, voice, locale)]
    if full and source.outlet:
        parts.append(f"“{shown(source.title, TITLE_CHARS)}”")
    if source.publisher and voice is not Voice.PUBLISHER:  # the date below is the republication's
        parts.append(say("republished_by", locale, publisher=source.publisher))
    if source.published is not None:
        parts.append(format_when(source.published, locale))
    return ", ".join(parts)


def voices(source: Source, locale: Locale = DEFAULT) -> str:
    """`Yunqi Capital’s introduction, then LatePost (Cheng Manqi)’s text · ` for a voiced
    source; nothing for a source whose credit speaks for all of it."""
    if not source.voiced:
        return ""
    introduction = voice_name(source, Voice.PUBLISHER, locale)
    original = voice_name(source, Voice.ORIGINAL, locale)
    return say("voice.parts", locale, introduction=introduction, original=original)


def clip_heading(heading: str, limit: int = HEADING_CHARS) -> str:
    """A heading path, its outer levels dropped first: the innermost says the most."""
    parts = [" ".join(part.split()) for part in heading.split(" › ")]
    for drop in range(len(parts)):
        text = " › ".join(["…", *parts[drop:]] if drop else parts)
        if len(text) <= limit:
            return text
    return shown(f"… › {parts[-1]}", limit)


def cite(
    citation: Citation,
    *,
    full: bool = False,
    heading_chars: int = HEADING_CHARS,
    locale: Locale = DEFAULT,
) -> str:
    """One line: source, date and heading (`LatePost, 2024-04-18 › Part 1`)."""
    line = source_line(citation.source, full=full, locale=locale, voice=citation.voice)
    if citation.heading:
        line += f" › {clip_heading(citation.heading, heading_chars)}"
    return line


class Notes:
    """Citation numbers for one card, in the order they are first cited; a layout that has
    to leave an item out takes back the numbers only that item used."""

    def __init__(self) -> None:
        self._numbers: dict[Citation, int] = {}
        self.version = 0  # changes whenever the notes do: what is laid out from them is kept

    def refs(self, citations: Iterable[Citation]) -> str:
        """`[1][2]`: the numbers of these citations, new ones numbered next."""
        before = len(self._numbers)
        numbers = [self._numbers.setdefault(c, len(self._numbers) + 1) for c in citations]
        if len(self._numbers) != before:
            self.version += 1
        return "".join(f"[{n}]" for n in dict.fromkeys(numbers))

    def mark(self) -> int:
        return len(self._numbers)

    def rollback(self, mark: int) -> None:
        if mark < len(self._numbers):
            self._numbers = dict(list(self._numbers.items())[:mark])
            self.version += 1

    def grouped(self) -> Grouped:
        groups: Grouped = {}
        for citation, number in self._numbers.items():
            headings = groups.setdefault((citation.source, citation.voice), {})
            headings.setdefault(citation.heading, []).append((number, citation.evidence))
        return groups
