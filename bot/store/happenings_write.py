"""Write side of the happenings: the derived grouping of events (see bot.ingest.happenings)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import aiosqlite

from bot.domain.records import Event, EventKind, FuzzyDate, Happening, Precision, StoredEvent

_INSERT_HAPPENING = (
    "INSERT INTO happenings (id, kind, title, subject, start, end, tier, tellings, differ, "
    "haystack) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_STORED_EVENT = (
    "SELECT e.id, d.file, e.curated, e.start, e.end, e.precision, e.part, e.text,"
    " e.evidence, e.subject, e.kind, e.happening_key, e.title, e.sentence, e.reading"
    " FROM events AS e JOIN documents AS d ON d.id = e.document_id"
)
STORED_EVENTS = f"{_STORED_EVENT} ORDER BY d.file, e.id"
CURATED_STORED_EVENTS = f"{_STORED_EVENT} WHERE e.curated = 1 ORDER BY d.file, e.id"
STORED_EVENTS_BY_ID = f"{_STORED_EVENT} WHERE e.id IN (SELECT value FROM json_each(?))"


async def clear_happenings(conn: aiosqlite.Connection) -> None:
    """No happenings, and no event a telling of one (until `add_happenings`)."""
    await conn.execute("DELETE FROM happening_years")
    await conn.execute("DELETE FROM happenings")
    await conn.execute("UPDATE events SET happening_id = NULL, rank = NULL, account = NULL")


async def add_happenings(
    conn: aiosqlite.Connection, happenings: Sequence[Happening], first_id: int
) -> None:
    """Add happenings numbered from `first_id`, each telling's place in its own, and the
    years they span."""
    rows, years, tellings = [], [], []
    for i, h in enumerate(happenings, start=first_id):
        accounts = " ".join(dict.fromkeys(t.account for t in h.tellings))
        haystack = _ascii_lower(f"{h.title} {h.subject or ''} {accounts}")
        tier, start, end = int(not h.main), h.start.isoformat(), h.end.isoformat()
        kind = None if h.kind is None else h.kind.value
        rows.append((i, kind, h.title, h.subject, start, end, tier, len(h.tellings),
                     int(h.differ), haystack))  # fmt: skip
        years += [
            (year, kind or "", tier, start, end, i) for year in range(h.start.year, h.end.year + 1)
        ]
        tellings += [(i, rank, t.account, t.event_id) for rank, t in enumerate(h.tellings)]
    await conn.executemany(_INSERT_HAPPENING, rows)
    await conn.executemany(
        "INSERT INTO happening_years (year, kind, tier, start, end, happening_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        years,
    )
    await conn.executemany(
        "UPDATE events SET happening_id = ?, rank = ?, account = ? WHERE id = ?", tellings
    )


def _ascii_lower(text: str) -> str:
    # Words are matched as SQLite's lower() folds them: ASCII letters only.
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def stored_event(row: Any) -> StoredEvent:
    when = FuzzyDate(
        start=date.fromisoformat(row[3]),
        end=date.fromisoformat(row[4]),
        precision=Precision(row[5]),
        part=row[6],
    )
    event = Event(
        when=when,
        text=row[7],
        evidence=row[8],
        subject=row[9],
        kind=None if row[10] is None else EventKind(row[10]),
        happening=row[11],
        title=row[12],
        sentence=row[13],
        reading=row[14],
    )
    return StoredEvent(id=int(row[0]), file=str(row[1]), curated=bool(row[2]), event=event)
