"""Reads for the timeline, "on this day", sources and about queries.

Every value is a bound parameter; lists (the words of a query, the month-days asked about)
are bound as one JSON parameter read with `json_each(?)`, so the SQL text never varies.

An event a document states twice (same document, same start and end, same text) is read once:
the `_FIRST` condition keeps the lowest id of such a group. Events come in date order: by
start, then end (a finer date before a coarser one that starts with it), then precision, then
document and position in it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

from bot.store.corpus_read import CorpusReader

_COLUMNS = (
    "e.id, d.file, e.start, e.end, e.precision, e.part, e.text, e.evidence, e.subject, p.heading"
)
_FROM = (
    "FROM events AS e JOIN documents AS d ON d.id = e.document_id"
    " LEFT JOIN passages AS p ON p.id = e.passage_id"
)
_FIRST = (
    "NOT EXISTS (SELECT 1 FROM events AS o WHERE o.start = e.start AND o.end = e.end"
    " AND o.document_id = e.document_id AND o.text = e.text AND o.id < e.id)"
)
_ORDER = (
    "ORDER BY e.start, e.end,"
    " CASE e.precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'part' THEN 2 ELSE 3 END,"
    " d.file, e.id"
)
# Filters by parameter number: ?1..?2 the date window (ISO text, always given); ?3 the words,
# a JSON list of lowered words that must all occur in the event's text or subject.
_WINDOW = "e.start <= ?2 AND e.end >= ?1"
_WORDS = (
    "NOT EXISTS (SELECT 1 FROM json_each(?3) AS w"
    " WHERE instr(lower(e.text || ' ' || coalesce(e.subject, '')), w.value) = 0)"
)
_MATCHING = f"{_FIRST} AND {_WINDOW} AND {_WORDS}"


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    file: str
    start: str  # YYYY-MM-DD
    end: str
    precision: str
    part: str | None
    text: str
    evidence: str
    subject: str | None
    heading: str | None  # of the passage that states it


@dataclass(frozen=True, slots=True)
class SourceCounts:
    passages: int
    quotes: int
    events: int  # as the timeline shows them: a repeated statement counts once


@dataclass(frozen=True, slots=True)
class ConflictRow:
    conflict_id: int
    subject: str
    attribute: str
    value: str
    file: str
    evidence: str


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def _event(row: aiosqlite.Row) -> EventRow:
    return EventRow(
        int(row[0]),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        str(row[4]),
        _optional(row[5]),
        str(row[6]),
        str(row[7]),
        _optional(row[8]),
        _optional(row[9]),
    )


class TimelineReads(CorpusReader):
    async def timeline_page(
        self, *, first: str, last: str, words: Sequence[str], limit: int, offset: int
    ) -> tuple[list[EventRow], int]:
        """One page of the events overlapping `first`..`last` (ISO dates) that hold every
        word (lowered: ASCII letters only, as SQLite's lower() does), and how many there are.

        The count is 0 both when nothing matches and when `offset` is past the end.
        """
        rows = await self._rows(
            f"SELECT {_COLUMNS}, count(*) OVER () {_FROM} WHERE {_MATCHING}"
            f" {_ORDER} LIMIT ?4 OFFSET ?5",
            (first, last, json.dumps(list(words)), limit, offset),
        )
        return [_event(row) for row in rows], int(rows[0][10]) if rows else 0

    async def timeline_count(self, *, first: str, last: str, words: Sequence[str]) -> int:
        row = await self._one(
            f"SELECT count(*) FROM events AS e WHERE {_MATCHING}",
            (first, last, json.dumps(list(words))),
        )
        return 0 if row is None else int(row[0])

    async def event_year_spans(self, *, words: Sequence[str] = ()) -> list[tuple[int, int]]:
        """The distinct (first year, last year) of the events holding every word."""
        rows = await self._rows(
            "SELECT DISTINCT CAST(substr(e.start, 1, 4) AS INTEGER),"
            f" CAST(substr(e.end, 1, 4) AS INTEGER) FROM events AS e WHERE {_MATCHING}",
            ("0001-01-01", "9999-12-31", json.dumps(list(words))),
        )
        return [(int(row[0]), int(row[1])) for row in rows]

    async def events_on_month_days(self, month_days: Sequence[str]) -> list[EventRow]:
        """Day-precise events whose date falls on one of `month_days` ('MM-DD'), any year."""
        rows = await self._rows(
            f"SELECT {_COLUMNS} {_FROM} WHERE e.precision = 'day'"
            f" AND e.month_day IN (SELECT value FROM json_each(?)) AND {_FIRST} {_ORDER}",
            (json.dumps(list(month_days)),),
        )
        return [_event(row) for row in rows]

    async def events_in_month(self, month: int) -> list[EventRow]:
        """Day- or month-precise events that start in `month` (1..12), any year."""
        prefix = f"{month:02d}-"
        rows = await self._rows(
            f"SELECT {_COLUMNS} {_FROM} WHERE e.month_day BETWEEN ? AND ?"
            f" AND e.precision IN ('day', 'month') AND {_FIRST} {_ORDER}",
            (prefix + "01", prefix + "31"),
        )
        return [_event(row) for row in rows]

    async def source_counts(self) -> dict[str, SourceCounts]:
        """file -> its passages, quotes and (distinct) events."""
        rows = await self._rows(
            "SELECT d.file,"
            " (SELECT count(*) FROM passages WHERE document_id = d.id),"
            " (SELECT count(*) FROM quotes WHERE document_id = d.id),"
            f" (SELECT count(*) FROM events AS e WHERE e.document_id = d.id AND {_FIRST})"
            " FROM documents AS d ORDER BY d.file"
        )
        return {str(r[0]): SourceCounts(int(r[1]), int(r[2]), int(r[3])) for r in rows}

    async def conflict_rows(self) -> list[ConflictRow]:
        """Every conflicting value, by subject and attribute, values in the order stored."""
        rows = await self._rows(
            "SELECT c.id, c.subject, c.attribute, v.value, v.file, v.evidence"
            " FROM conflicts AS c JOIN conflict_values AS v ON v.conflict_id = c.id"
            " ORDER BY c.subject, c.attribute, c.id, v.rowid"
        )
        return [
            ConflictRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]))
            for r in rows
        ]
