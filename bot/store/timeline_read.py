"""Reads for the timeline, "on this day", sources and about queries.

Every value is a bound parameter; lists (the words of a query, the month-days asked about, the
happenings of a page) are bound as one JSON parameter read with `json_each(?)`.

The timeline pages over happenings (see bot.ingest.happenings) and returns the tellings of the
page's happenings, each a row. A calendar year's page is a range of the `happening_years` index
(main happenings first when asked), any other window a range of `happenings` by date. A word
filter matches the happening's title, subject and the sentences of its tellings.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

from bot.store.corpus_read import CorpusReader

_COLUMNS = (
    "e.id, d.file, e.start, e.end, e.precision, e.part, coalesce(e.account, e.text), e.evidence,"
    " e.subject, p.heading, h.id, h.kind, h.title, coalesce(e.sentence, e.text), e.reading,"
    " h.tellings, h.differ, e.rank"
)
_FROM = (
    "FROM events AS e JOIN documents AS d ON d.id = e.document_id"
    " JOIN happenings AS h ON h.id = e.happening_id"
    " LEFT JOIN passages AS p ON p.id = e.passage_id"
)
_ORDER = (
    "ORDER BY e.start, e.end,"
    " CASE e.precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'part' THEN 2 ELSE 3 END,"
    " d.file, e.id"
)
# :words, a JSON list of lowered words that must all occur in the happening's haystack.
_WORDS = (
    " AND NOT EXISTS (SELECT 1 FROM json_each(:words) AS w WHERE instr(h.haystack, w.value) = 0)"
)
_YEAR = "FROM happening_years AS y WHERE y.year = :year"
# Words need the happening's haystack; a year's rows alone answer the rest from the index.
_YEAR_WORDS = (
    "FROM happening_years AS y JOIN happenings AS h ON h.id = y.happening_id WHERE y.year = :year"
)
_WINDOW = "FROM happenings AS h WHERE h.start <= :last AND h.end >= :first"
_ORDERS = {
    (True, True): "y.tier, y.start, y.end, y.happening_id",
    (True, False): "y.start, y.end, y.happening_id",
    (False, True): "h.tier, h.start, h.end, h.id",
    (False, False): "h.start, h.end, h.id",
}


@dataclass(frozen=True, slots=True)
class EventRow:
    """One telling of a happening, with what the page shows of the happening."""

    id: int
    file: str
    start: str  # YYYY-MM-DD
    end: str
    precision: str
    part: str | None
    text: str  # all that its document says of the happening: its sentences, joined
    evidence: str  # the words that date it
    subject: str | None
    heading: str | None  # of the passage that states it
    happening: int = 0
    kind: str | None = None
    title: str = ""
    sentence: str = ""  # the sentence or table row that tells it, verbatim
    reading: str | None = None  # how a relative date reads
    tellings: int = 1  # of its happening, in all
    differ: bool = False  # its happening's tellings date it differently
    rank: int = 0  # its place among its happening's tellings


@dataclass(frozen=True, slots=True)
class SourceCounts:
    passages: int
    quotes: int
    events: int  # the happenings it tells (a happening others tell too counts here too)


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
        int(row[10]),
        _optional(row[11]),
        str(row[12]),
        str(row[13]),
        _optional(row[14]),
        int(row[15]),
        bool(row[16]),
        int(row[17] or 0),
    )


def calendar_year(first: str, last: str) -> int | None:
    """The year `first`..`last` is exactly, if it is one."""
    year = first[:4]
    if first[4:] == "-01-01" and last == f"{year}-12-31" and year.isdigit():
        return int(year)
    return None


def _matching(
    first: str, last: str, words: Sequence[str], kind: str | None
) -> tuple[str, dict[str, object]]:
    """FROM ... WHERE for the happenings of the window, kind and words; and its parameters."""
    year = calendar_year(first, last)
    where = _WINDOW if year is None else (_YEAR_WORDS if words else _YEAR)
    if kind:
        where += " AND y.kind = :kind" if year is not None else " AND h.kind = :kind"
    if words:
        where += _WORDS
    parameters = {"year": year, "first": first, "last": last, "kind": kind or ""}
    return where, {**parameters, "words": json.dumps(list(words))}


class TimelineReads(CorpusReader):
    async def timeline_page(
        self,
        *,
        first: str,
        last: str,
        words: Sequence[str],
        limit: int,
        offset: int,
        kind: str | None = None,
        main_first: bool = False,
        tellings: int | None = None,
    ) -> tuple[list[EventRow], int]:
        """The tellings of one page of the happenings overlapping `first`..`last` (ISO dates)
        of `kind` that hold every word (lowered: ASCII letters only, as SQLite's lower() does),
        at most `tellings` of each; and how many happenings there are.

        The count is 0 both when nothing matches and when `offset` is past the end.
        """
        where, parameters = _matching(first, last, words, kind)
        alias = "y" if "y.year" in where else "h"
        keys = f"{alias}.tier AS tier, {alias}.start AS start, {alias}.end AS end"
        column = "y.happening_id" if alias == "y" else "h.id"
        order = _ORDERS[alias == "y", main_first]
        placed = ("page.tier, " if main_first else "") + "page.start, page.end, page.happening"
        # One trip: the page's happenings, their tellings and how many match in all.
        rows = await self._rows(
            f"WITH page AS (SELECT {keys}, {column} AS happening {where}"
            f" ORDER BY {order} LIMIT :limit OFFSET :offset)"
            f" SELECT {_COLUMNS}, (SELECT count(*) {where}) FROM page"
            " JOIN events AS e ON e.happening_id = page.happening AND e.rank < :tellings"
            " JOIN documents AS d ON d.id = e.document_id"
            " JOIN happenings AS h ON h.id = e.happening_id"
            f" LEFT JOIN passages AS p ON p.id = e.passage_id ORDER BY {placed}, e.rank",
            {
                **parameters,
                "limit": limit,
                "offset": offset,
                "tellings": tellings if tellings is not None else 1 << 31,
            },
        )
        if not rows:
            return [], 0
        return [_event(row) for row in rows], int(rows[0][18])

    async def timeline_count(
        self, *, first: str, last: str, words: Sequence[str], kind: str | None = None
    ) -> int:
        where, parameters = _matching(first, last, words, kind)
        row = await self._one(f"SELECT count(*) {where}", parameters)
        return 0 if row is None else int(row[0])

    async def event_years(self, *, words: Sequence[str] = (), kind: str | None = None) -> list[int]:
        """The years some happening (of `kind`, holding every word) overlaps, in order."""
        where = "WHERE 1" + (" AND y.kind = :kind" if kind else "") + (_WORDS if words else "")
        rows = await self._rows(
            "SELECT DISTINCT y.year FROM happening_years AS y"
            f" JOIN happenings AS h ON h.id = y.happening_id {where} ORDER BY y.year",
            {"kind": kind or "", "words": json.dumps(list(words))},
        )
        return [int(row[0]) for row in rows]

    async def happening_tellings(self, *, tellings: int) -> list[EventRow]:
        """Every happening's tellings, at most `tellings` of each, finest date first: /ask
        reads them once per generation to answer "when" questions."""
        rows = await self._rows(
            f"SELECT {_COLUMNS} {_FROM} WHERE e.rank < ? ORDER BY e.happening_id, e.rank",
            (tellings,),
        )
        return [_event(row) for row in rows]

    async def events_on_month_days(self, month_days: Sequence[str]) -> list[EventRow]:
        """Day-precise tellings whose date falls on one of `month_days` ('MM-DD'), any year."""
        rows = await self._rows(
            f"SELECT {_COLUMNS} {_FROM} WHERE e.precision = 'day'"
            f" AND e.month_day IN (SELECT value FROM json_each(?)) {_ORDER}",
            (json.dumps(list(month_days)),),
        )
        return [_event(row) for row in rows]

    async def events_in_month(self, month: int) -> list[EventRow]:
        """Day- or month-precise tellings that start in `month` (1..12), any year."""
        prefix = f"{month:02d}-"
        rows = await self._rows(
            f"SELECT {_COLUMNS} {_FROM} WHERE e.month_day BETWEEN ? AND ?"
            f" AND e.precision IN ('day', 'month') {_ORDER}",
            (prefix + "01", prefix + "31"),
        )
        return [_event(row) for row in rows]

    async def source_counts(self) -> dict[str, SourceCounts]:
        """file -> its passages, quotes and (distinct) events."""
        rows = await self._rows(
            "SELECT d.file,"
            " (SELECT count(*) FROM passages WHERE document_id = d.id),"
            " (SELECT count(*) FROM quotes WHERE document_id = d.id),"
            " (SELECT count(DISTINCT e.happening_id) FROM events AS e"
            " WHERE e.document_id = d.id AND e.happening_id IS NOT NULL)"
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
