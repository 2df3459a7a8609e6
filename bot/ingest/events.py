"""Dated statements: one event per date a passage states.

Prose passages are split into sentences; each sentence that states a date gives one event per
date, its text the sentence (markdown bold, links and a leading list marker removed), its
`sentence` the sentence verbatim and its evidence the date's words verbatim. A table row with a
date column (Release, Date, Year, When) gives one event built from its cells: a release (a
Release column) or a funding round (a round with an amount or investors), keyed by its subject
so that every telling of the same release or round is one happening. Code blocks give none.
Which of these dated statements are happenings is `bot.ingest.happenings`' decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.names import name_key
from bot.domain.records import Event, EventKind, FuzzyDate, Passage, PassageKind
from bot.ingest.dates import DateMention, find_dates

# A sentence ends at a line break, at CJK end punctuation, or at . ? ! (and closing quotes)
# followed by space and an uppercase letter, a quote, a bracket or a CJK character.
_BREAK = re.compile(r"\n|[。！？]|[.?!][\"'”’)\]]*(?=\s+[A-Z\"'“‘(\[*\u3400-\u9fff])")
_ABBREVIATIONS = frozenset(
    ("vs", "mr", "mrs", "ms", "dr", "prof", "st", "inc", "ltd", "jr", "sr", "co", "corp")
)
_INITIALS = re.compile(r"(?:[a-z]\.)+")  # e.g. i.e. u.s. j.
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
_MARKER = re.compile(r"^(?:#{1,6}\s+|[-*+•·]\s+|\d{1,2}[.)]\s+)")
_DATE_COLUMN = re.compile(r"\b(?:releas\w*|date|year|when)\b", re.IGNORECASE)
_SUBJECT_COLUMN = re.compile(r"\b(?:model|round|name|product|stage)\b", re.IGNORECASE)
_DESCRIPTION_COLUMN = re.compile(r"feature|description|highlight|summary|note|detail", re.I)
_AMOUNT_COLUMN = re.compile(r"amount|raised|size|value", re.IGNORECASE)
_INVESTOR_COLUMN = re.compile(r"investor|backer|lead", re.IGNORECASE)
_SKIPPED_COLUMN = re.compile(r"resource|link|source|url", re.IGNORECASE)
_TAIL_LIMIT = 100


def events_from_passages(
    passages: Sequence[Passage], text: str, reference: FuzzyDate | None, *, anchored: bool = True
) -> list[Event]:
    """Every dated statement of the passages, in passage order. `anchored`: the reference is
    when the words were said, not a later republication's date (see `find_dates`)."""
    events: list[Event] = []
    for passage in passages:
        if passage.kind is PassageKind.CODE:
            continue
        if passage.kind is PassageKind.TABLE_ROW:
            row_event = _row_event(passage, reference)
            if row_event is not None:
                events.append(row_event)
            continue
        events.extend(_prose_events(passage, text, reference, anchored))
    return events


def happening_key(kind: EventKind, subject: str) -> str:
    """What the tellings of one release or round share: `release:minimaxm2`."""
    return f"{kind.value}:{name_key(subject)}"


def _prose_events(
    passage: Passage, text: str, reference: FuzzyDate | None, anchored: bool
) -> list[Event]:
    mentions = find_dates(passage.text, reference, anchored=anchored)
    if not mentions:
        return []
    spans = _sentences(passage.text)
    events: list[Event] = []
    for mention in mentions:
        at = passage.start + mention.start
        if text[at : at + len(mention.evidence)] != mention.evidence:
            raise ValueError(
                f"passage {passage.ordinal} does not match the document text at {at}: "
                f"{mention.evidence!r}"
            )
        start = max((a for a, _ in spans if a <= mention.start), default=0)
        end = min((b for _, b in spans if b >= mention.end), default=len(passage.text))
        sentence = passage.text[start:end]
        if not _says_more_than(sentence, mention):
            continue  # a bare dateline: the document's own date, not a statement
        events.append(
            Event(
                when=mention.when,
                text=_clean(sentence) or sentence.strip(),
                passage=passage.ordinal,
                evidence=mention.evidence,
                sentence=sentence,
                reading=mention.reading,
            )
        )
    return events


def _says_more_than(sentence: str, mention: DateMention) -> bool:
    rest = sentence.replace(mention.evidence, "", 1)
    return any(ch.isalnum() for ch in rest)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a passage, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _BREAK.finditer(text):
        if match.group() == "\n":
            cut = match.start()
        elif match.group()[0] == "." and _abbreviation(text, match.start()):
            continue
        else:
            cut = match.end()
        _add_span(spans, text, begin, cut)
        begin = match.end()
    _add_span(spans, text, begin, len(text))
    return spans


def _abbreviation(text: str, dot: int) -> bool:
    space = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot))
    word = text[space + 1 : dot + 1].lstrip("([\"'“‘*").lower()
    return bool(_INITIALS.fullmatch(word)) or word[:-1] in _ABBREVIATIONS


def _add_span(spans: list[tuple[int, int]], text: str, begin: int, end: int) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if begin < end:
        spans.append((begin, end))


def _clean(sentence: str) -> str:
    plain = _plain(sentence)
    return _MARKER.sub("", plain, count=1).strip()


def _plain(cell: str) -> str:
    """A cell or sentence without markdown bold, code ticks and link targets."""
    text = _LINK.sub(r"\1", cell).replace("**", "").replace("`", "")
    return " ".join(text.split())


def _is_empty(cell: str) -> bool:
    return cell.strip(" -—–*") == ""


def _row_event(passage: Passage, reference: FuzzyDate | None) -> Event | None:
    """One event for a table row with a date column; None when it has none."""
    dated: tuple[int, DateMention] | None = None
    for index, (header, cell) in enumerate(passage.cells):
        if dated is None and _DATE_COLUMN.search(header):
            mentions = [m for m in find_dates(cell, reference) if m.evidence in passage.text]
            if mentions:
                dated = (index, mentions[0])
    if dated is None:
        return None
    date_index, mention = dated
    cells = [
        (_plain(header), _plain(cell))
        for index, (header, cell) in enumerate(passage.cells)
        if index != date_index and not _is_empty(cell)
    ]
    subject = _column(cells, _SUBJECT_COLUMN) or next(
        (cell for header, cell in cells if not _SKIPPED_COLUMN.search(header)), None
    )
    if subject is None:
        return None
    header = passage.cells[date_index][0]
    kind: EventKind | None = None
    if "releas" in header.lower():
        kind, text = EventKind.RELEASE, f"{subject} released"
        tail = _column(cells, _DESCRIPTION_COLUMN)
        if tail:
            text += f" — {_shorten(tail)}"
    else:
        funding = _funding_line(subject, cells)
        kind = EventKind.FUNDING if funding else None
        text = funding or " · ".join(
            cell for header, cell in cells if not _SKIPPED_COLUMN.search(header)
        )
    return Event(
        when=mention.when,
        text=text,
        passage=passage.ordinal,
        evidence=mention.evidence,
        subject=subject,
        kind=kind,
        happening=None if kind is None else happening_key(kind, subject),
        title=text.split(" — ")[0] if kind is EventKind.RELEASE else text,
        sentence=passage.text,
    )


def _column(cells: list[tuple[str, str]], header: re.Pattern[str]) -> str | None:
    return next((cell for name, cell in cells if header.search(name)), None)


def _funding_line(subject: str, cells: list[tuple[str, str]]) -> str | None:
    """`Series B: $600M (Alibaba (lead), Tencent)` for a row with a round column."""
    if _column(cells, _SUBJECT_COLUMN) is None:
        return None
    amount = _column(cells, _AMOUNT_COLUMN)
    investors = _column(cells, _INVESTOR_COLUMN)
    if amount is None and investors is None:
        return None
    line = f"{subject}: {amount}" if amount else subject
    return f"{line} ({investors})" if investors else line


def _shorten(text: str) -> str:
    if len(text) <= _TAIL_LIMIT:
        return text
    cut = text.rfind(" ", 0, _TAIL_LIMIT)
    return text[: cut if cut > 0 else _TAIL_LIMIT].rstrip(" ,;:—-") + "…"
