"""Find the dates a text states, each exactly as precise as its words.

`find_dates` returns non-overlapping mentions in text order; where patterns overlap the longest
wins ("Dec 2021 - 2022" over "Dec 2021", "At this time last year" over "last year"). Relative
dates ("last October", "this year", "a year ago") are resolved against the reference (the
document's own date) and found only when one is given, never more precisely than the reference
anchors them: "a year ago" is the year before the reference (a year at most, never a month);
"last May Day" said in June is May of this year or of the last, shown as ambiguous; in a
document whose date is a republication's (`anchored=False`, the words were said at some
unstated time before it) "last October" is only the likely October, at year precision. Such
mentions carry a `reading` that says how they resolve. Nothing inside a URL, an e-mail address
or a markdown link target is a date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.domain.records import FuzzyDate, Precision


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    when: FuzzyDate
    evidence: str  # == text[start:end]
    reading: str | None = None  # how a relative date resolves, when it is not simply `when`


_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {key: number for number, key in enumerate(_MONTH_KEYS, 1)}
_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_YYYY = r"(?:19|20)\d\d"
# What may not follow a year: more of a word or number, a unit, a decade's "s", a "2024-25".
_END = r"(?![\w×%+]|[.,]\d|[-–]\d|['’]s\b)"
# What may not precede a free-standing year: a word, a currency, a path, a hyphen ("pre-2020").
_FREE = r"(?<![\w$€£¥#~≈/×.\-])(?<!\d,)"
_EDGES = {"end": "end", "beginning": "early", "start": "early", "middle": "mid"}
_URL = re.compile(r"https?://\S+|www\.\S+|\]\([^)\s]*\)|[\w.+-]+@[\w-]+\.\w[\w.]*")
_UNIT = re.compile(
    r"\s+(?:tokens?|GPUs?|people|persons|users|employees|citations|characters|chars|words"
    r"|parameters|params|dollars|yuan|meters|times|DAUs?|MAUs?|authors|papers|hours|minutes"
    r"|seconds|km|kg|pages|steps)\b",
    re.IGNORECASE,
)
_BOUND = re.compile(r"(?:\b(?:before|after|prior to|until|till)\s+|\b(?:pre|post)-)$", re.I)
_CUE = re.compile(r"\b(?:born|founded|established|since|in|by|year)\W{0,4}$", re.IGNORECASE)

Ref = FuzzyDate | None
Builder = Callable[[re.Match[str], Ref], FuzzyDate | None]
Resolved = tuple[FuzzyDate, str | None]
# A relative date's builder: the match, the reference, whether the reference is when the words
# were said; returns the date and its reading.
RelativeBuilder = Callable[[re.Match[str], FuzzyDate, bool], Resolved | None]


def _month(word: str) -> int:
    return _MONTHS[word[:3].lower()]


def _day(m: re.Match[str], ref: Ref) -> FuzzyDate | None:
    word = m.groupdict().get("mon")
    month = _month(word) if word else int(m["m"])
    try:
        return FuzzyDate.day(int(m["y"]), month, int(m["d"]))
    except ValueError:
        return None


def _month_year(m: re.Match[str], ref: Ref) -> FuzzyDate | None:
    word = m.groupdict().get("mon")
    month = _month(word) if word else int(m["m"])
    return FuzzyDate.month(int(m["y"]), month) if 1 <= month <= 12 else None


def _part(m: re.Match[str], ref: Ref) -> FuzzyDate:
    if m["half"]:
        part = f"{m['half'].lower()} half"
    elif m["h"]:
        part = "first half" if m["h"] == "1" else "second half"
    elif m["edge"]:
        part = _EDGES[m["edge"].lower()]
    else:
        part = m["part"].lower()
    return FuzzyDate.part_of_year(int(m["y"]), part)


def _bare_year(m: re.Match[str], ref: Ref) -> FuzzyDate | None:
    year, before = int(m["y"]), m.string[max(0, m.start() - 16) : m.start()]
    if _BOUND.search(before) or _UNIT.match(m.string, m.end()):
        return None
    if not 1990 <= year <= 2039 and not _CUE.search(before):
        return None
    return FuzzyDate.year(year)


def _range(m: re.Match[str], ref: Ref) -> FuzzyDate | None:
    first = FuzzyDate.month(int(m["y1"]), _month(m["m1"])) if m["m1"] else None
    last = FuzzyDate.month(int(m["y2"]), _month(m["m2"])) if m["m2"] else None
    first = first or FuzzyDate.year(int(m["y1"]))
    last = last or FuzzyDate.year(int(m["y2"]))
    if last.end <= first.end or int(m["y2"]) - int(m["y1"]) > 50:
        return None
    coarse = Precision.MONTH if m["m1"] and m["m2"] else Precision.YEAR
    return FuzzyDate(start=first.start, end=last.end, precision=coarse)


def _knows_month(ref: Ref) -> bool:
    return ref is not None and ref.precision in (Precision.DAY, Precision.MONTH)


def _month_label(when: FuzzyDate) -> str:
    return when.start.strftime("%b %Y")


def _unsure(when: FuzzyDate, anchored: bool) -> Resolved:
    """A month the words give relative to the reference: itself when the reference is when they
    were said; else only its year, read as the likely month."""
    if anchored:
        return when, None
    return FuzzyDate.year(when.start.year), f"likely {_month_label(when)}"


def _relative_month(m: re.Match[str], ref: FuzzyDate, anchored: bool) -> Resolved | None:
    month, year = _month(m["mon"]), ref.start.year
    if m["rel"].lower() == "this":
        return _unsure(FuzzyDate.month(year, month), anchored)
    if not _knows_month(ref):
        return None
    when = FuzzyDate.month(year if month < ref.start.month else year - 1, month)
    return _unsure(when, anchored)


def _may_day(m: re.Match[str], ref: FuzzyDate, anchored: bool) -> Resolved | None:
    # The May Day holiday is May 1-5. "This May Day" is this year's. "Last May Day" said
    # before May is last year's; said after it, it may be this year's (the latest) or last
    # year's (the one before this year's): both readings are kept, the date spans them.
    year = ref.start.year
    if m["rel"].lower() == "this":
        return _unsure(FuzzyDate.month(year, 5), anchored)
    if not _knows_month(ref):
        return None
    if ref.start.month < 5:
        return _unsure(FuzzyDate.month(year - 1, 5), anchored)
    both = FuzzyDate(start=date(year - 1, 5, 1), end=date(year, 5, 31), precision=Precision.YEAR)
    return both, f"May {year} or May {year - 1} (ambiguous)"


def _a_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # February 29th
        return day.replace(year=day.year - 1, day=28)


def _year_ago(m: re.Match[str], ref: FuzzyDate, anchored: bool) -> Resolved | None:
    if not _knows_month(ref):
        return FuzzyDate.year(ref.start.year - 1), None
    # A year at most before the reference: the year up to it, never a month.
    span = FuzzyDate(start=_a_year_before(ref.start), end=ref.end, precision=Precision.YEAR)
    return span, f"about a year before {_month_label(ref)}"


def _relative_unit(m: re.Match[str], ref: FuzzyDate, anchored: bool) -> Resolved | None:
    back = int(m["rel"].lower() == "last")
    if m["unit"].lower() == "year":
        return FuzzyDate.year(ref.start.year - back), None
    if not _knows_month(ref):
        return None
    months = ref.start.year * 12 + ref.start.month - 1 - back
    return _unsure(FuzzyDate.month(months // 12, months % 12 + 1), anchored)


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern.replace("MON", _MON).replace("YYYY", _YYYY), flags)


# Every absolute date holds a year and fits in _REACH characters either side of it; every
# relative one holds one of the _RELATIVE_WORDs.
_YEAR_LIKE = re.compile(_YYYY)
_REACH = 48
_RELATIVE_WORD = re.compile(r"\b(?:last|this|ago)\b", re.IGNORECASE)
_ABSOLUTE: tuple[tuple[re.Pattern[str], Builder], ...] = (
    (_compile(r"\b(?P<mon>MON)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>YYYY)" + _END), _day),
    (
        _compile(
            r"(?<![\d.,])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>MON),?\s+(?P<y>YYYY)"
            + _END
        ),
        _day,
    ),
    (_compile(r"(?<![\w.\-/])(?P<y>YYYY)-(?P<m>\d\d)-(?P<d>\d\d)(?![\w\-/]|[.:]\d)"), _day),
    (_compile(r"\b(?P<mon>MON),?\s+(?:of\s+)?(?P<y>YYYY)" + _END), _month_year),
    (_compile(r"(?<![\w.\-/])(?P<y>YYYY)-(?P<m>\d\d)(?![\w\-/]|[.:]\d)"), _month_year),
    (
        _compile(
            r"(?:\b(?P<part>early|spring|mid|summer|autumn|fall|late|winter)[\s-]+(?:of\s+)?"
            r"|(?:\bthe\s+)?\b(?P<half>first|second)\s+half\s+of\s+|\bH(?P<h>[12])\s+"
            r"|(?:\bthe\s+)?\b(?P<edge>end|beginning|start|middle)\s+of\s+)(?P<y>YYYY)" + _END,
            re.IGNORECASE,
        ),
        _part,
    ),
    (_compile(_FREE + r"(?P<y>YYYY)" + _END), _bare_year),
    (
        _compile(
            _FREE + r"(?:(?P<m1>MON)\s+)?(?P<y1>YYYY)(?:\s*[-–—]\s*|\s+to\s+)"
            r"(?:(?P<m2>MON)\s+)?(?P<y2>YYYY)" + _END
        ),
        _range,
    ),
)
_RELATIVE: tuple[tuple[re.Pattern[str], RelativeBuilder], ...] = (
    (_compile(r"\b(?P<rel>(?i:last|this))\s+(?P<mon>MON)(?!,?\s+(?:of\s+)?\d)"), _relative_month),
    (_compile(r"\b(?P<rel>(?i:last|this))\s+May\s+Day(?:\s+(?i:holidays?))?\b"), _may_day),
    (
        _compile(r"\b(?:(?:at\s+)?this\s+time\s+last\s+year|(?:a|one)\s+year\s+ago)\b", re.I),
        _year_ago,
    ),
    (_compile(r"(?<!the\s)\b(?P<rel>last|this)\s+(?P<unit>year|month)\b", re.I), _relative_unit),
)


def find_dates(
    text: str, reference: FuzzyDate | None = None, *, anchored: bool = True
) -> list[DateMention]:
    """Every date the text states, in text order, non-overlapping, the longest match winning.

    `anchored`: the reference is when the words were said (not a later republication's date)."""
    masked = text
    if "://" in text or "www." in text or "](" in text or "@" in text:
        masked = _URL.sub(lambda m: " " * len(m.group()), text)
    found: dict[tuple[int, int, int], DateMention] = {}

    def fits(match: re.Match[str]) -> bool:
        return masked[match.start() : match.end()] == text[match.start() : match.end()]

    def keep(index: int, match: re.Match[str], build: Builder) -> None:
        start, end = match.span()
        if (index, start, end) not in found and fits(match):
            when = build(match, reference)
            if when is not None:
                found[index, start, end] = DateMention(start, end, when, text[start:end])

    # An absolute date holds a year: look for one only in a window around each year.
    for year in _YEAR_LIKE.finditer(masked):
        low, high = max(0, year.start() - _REACH), year.end() + _REACH
        for index, (pattern, build) in enumerate(_ABSOLUTE):
            for match in pattern.finditer(masked, low, high):
                if match.start() <= year.start() and year.end() <= match.end():
                    keep(index, match, build)
    if reference is not None and _RELATIVE_WORD.search(masked):
        for index, (pattern, relative) in enumerate(_RELATIVE, len(_ABSOLUTE)):
            for match in pattern.finditer(masked):
                resolved = relative(match, reference, anchored) if fits(match) else None
                if resolved is not None:
                    start, end = match.span()
                    when, reading = resolved
                    found[index, start, end] = DateMention(
                        start, end, when, text[start:end], reading
                    )
    chosen: list[DateMention] = []
    for mention in sorted(found.values(), key=lambda m: (m.start - m.end, m.start)):
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)
