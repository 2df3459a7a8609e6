"""Write side of the corpus index: `IndexWriter`, the indexer's own connection.

The indexer wraps a whole run in `transaction()` and ends it with `next_generation()`, so a
serving process (bot.store.corpus) knows the new index; a write method called outside a
transaction opens its own, so each call is atomic either way. Of the reads, the writer has
only those the indexer needs to decide and derive.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.domain.closing import AsyncClosing
from bot.domain.names import name_key
from bot.domain.records import (
    Event,
    Fact,
    FuzzyDate,
    Happening,
    ModelMention,
    ParsedDocument,
    Passage,
    PersonMention,
    Quote,
    StoredEvent,
)
from bot.store.checked_stamp import record_checked
from bot.store.corpus_read import CorpusReader
from bot.store.database import MEMORY, StoreError, open_database
from bot.store.happenings_write import (
    CURATED_STORED_EVENTS,
    STORED_EVENTS,
    STORED_EVENTS_BY_ID,
    add_happenings,
    clear_happenings,
    stored_event,
)
from bot.store.subjects_write import SubjectWrites, optional_int
from bot.store.vectors import VectorWrites

HEADING_SEPARATOR = " › "

_INSERT_DOCUMENT = (
    "INSERT INTO documents (file, title, outlet, published_start, published_end, "
    "published_precision, published_part, kind, language, sha256, fingerprint, text, "
    "publisher, authors, editors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_PASSAGE = (
    "INSERT INTO passages (document_id, ordinal, kind, heading, text, start, end, cells, voice) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_QUOTE = (
    "INSERT INTO quotes (document_id, passage_id, speaker, text, start, end, question) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_PERSON_MENTION = (
    "INSERT INTO person_mentions (document_id, passage_id, name, key, other_names, role, "
    "evidence) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_MODEL_MENTION = (
    "INSERT INTO model_mentions (document_id, passage_id, name, key, kind, minimax, evidence) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_FACT = (
    "INSERT INTO facts (document_id, passage_id, subject, subject_key, attribute, value, "
    "evidence, curated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_EVENT = (
    "INSERT INTO events (document_id, passage_id, start, end, precision, part, text, evidence, "
    "subject, subject_key, curated, kind, happening_key, title, sentence, reading) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True, slots=True)
class FactValueReading:
    """What a fact's verbatim `value` says, as the indexer reads it: values that say the same
    thing share a `key`; `dates` are the dates it states, each with its precision."""

    value: str
    key: str
    dates: tuple[FuzzyDate, ...] = ()


def _date_columns(when: FuzzyDate | None) -> tuple[str | None, str | None, str | None, str | None]:
    if when is None:
        return (None, None, None, None)
    return (when.start.isoformat(), when.end.isoformat(), when.precision.value, when.part)


class _Rows:
    """Builds the parameter rows of one document's records, resolving passage ordinals."""

    def __init__(self, file: str, document_id: int, passage_ids: dict[int, int]) -> None:
        self.file = file
        self.document_id = document_id
        self.passage_ids = passage_ids

    def _passage_id(self, ordinal: int | None, what: str) -> int | None:
        if ordinal is None:
            return None
        try:
            return self.passage_ids[ordinal]
        except KeyError:
            message = f"{self.file}: {what} refers to passage {ordinal}, which does not exist"
            raise StoreError(message) from None

    def quote(self, q: Quote) -> tuple[Any, ...]:
        passage_id = self._passage_id(q.passage, f"quote {q.text[:40]!r}")
        return (self.document_id, passage_id, q.speaker, q.text, q.start, q.end, q.question)

    def person(self, m: PersonMention) -> tuple[Any, ...]:
        passage_id = self._passage_id(m.passage, f"person {m.name!r}")
        other_names = json.dumps(list(m.other_names), ensure_ascii=False)
        key = name_key(m.name)
        return (self.document_id, passage_id, m.name, key, other_names, m.role, m.evidence)

    def model(self, m: ModelMention) -> tuple[Any, ...]:
        passage_id = self._passage_id(m.passage, f"model {m.name!r}")
        kind = None if m.kind is None else m.kind.value
        minimax = optional_int(m.minimax)
        return (self.document_id, passage_id, m.name, name_key(m.name), kind, minimax, m.evidence)

    def fact(self, f: Fact, curated: int) -> tuple[Any, ...]:
        passage_id = self._passage_id(f.passage, f"fact {f.subject!r} {f.attribute!r}")
        subject = (f.subject, name_key(f.subject))
        return (self.document_id, passage_id, *subject, f.attribute, f.value, f.evidence, curated)

    def event(self, e: Event, curated: int) -> tuple[Any, ...]:
        passage_id = self._passage_id(e.passage, f"event {e.evidence!r}")
        subject = (e.subject, None if e.subject is None else name_key(e.subject))
        dates = _date_columns(e.when)
        kind = None if e.kind is None else e.kind.value
        told = (kind, e.happening, e.title, e.sentence, e.reading)
        return (self.document_id, passage_id, *dates, e.text, e.evidence, *subject, curated, *told)


def _passage_row(document_id: int, p: Passage) -> tuple[Any, ...]:
    heading = HEADING_SEPARATOR.join(p.heading_path) or None
    cells = json.dumps([list(cell) for cell in p.cells], ensure_ascii=False) if p.cells else None
    voice = None if p.voice is None else p.voice.value
    return (document_id, p.ordinal, p.kind.value, heading, p.text, p.start, p.end, cells, voice)


class IndexWriter(SubjectWrites, VectorWrites, CorpusReader, AsyncClosing):
    _checked: Path | None = None  # the file, when its integrity was checked at open

    @classmethod
    async def open(cls, path: Path | str, *, check: bool = False) -> IndexWriter:
        """Open (creating and migrating as needed) the index at `path`; `check` runs the
        integrity check first (DamagedDatabase when it fails)."""
        writer = cls(await open_database(path, check=check))
        writer._checked = None if not check or str(path) == MEMORY else Path(path)
        return writer

    async def close(self) -> None:
        await self._conn.close()

    async def close_sound(self) -> None:
        """Close after a run that went through: a file checked at open, written since only
        through this connection, is stamped so the next open need not check it again."""
        await self.close()
        if self._checked is not None:
            await asyncio.to_thread(record_checked, self._checked)

    async def meta_set(self, key: str, value: str) -> None:
        async with self._atomic():
            await self._conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    async def next_generation(self) -> int:
        """Count one more generation of the index (inside the run's transaction): the new one."""
        async with (
            self._atomic(),
            self._conn.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation' "
                "RETURNING value"
            ) as cursor,
        ):
            row = await cursor.fetchone()
        if row is None:
            raise StoreError("the index has no generation: run its migrations first")
        return int(row[0])

    async def delete_document(self, file: str) -> None:
        """Remove a document and, by cascade, everything extracted from it (FTS rows included)."""
        async with self._atomic():
            await self._conn.execute("DELETE FROM documents WHERE file = ?", (file,))

    async def _rows_for(self, file: str, document_id: int | None = None) -> _Rows:
        if document_id is None:
            row = await self._one("SELECT id FROM documents WHERE file = ?", (file,))
            if row is None:
                raise StoreError(f"{file}: no such document in the index")
            document_id = int(row[0])
        rows = await self._rows(
            "SELECT ordinal, id FROM passages WHERE document_id = ?", (document_id,)
        )
        return _Rows(file, document_id, {int(row[0]): int(row[1]) for row in rows})

    async def set_fingerprint(self, file: str, fingerprint: str) -> None:
        async with self._atomic():
            await self._conn.execute(
                "UPDATE documents SET fingerprint = ? WHERE file = ?", (fingerprint, file)
            )

    async def insert_parsed(self, parsed: ParsedDocument, fingerprint: str) -> int:
        """Insert one parsed document and everything extracted from it; returns its id."""
        doc = parsed.document
        published = _date_columns(doc.published)
        document = (doc.file, doc.title, doc.outlet, *published, doc.kind.value, doc.language)
        async with self._atomic():
            try:
                credits = (doc.publisher, json.dumps(doc.authors), json.dumps(doc.editors))
                row = (*document, doc.sha256, fingerprint, doc.text, *credits)
                async with self._conn.execute(_INSERT_DOCUMENT, row) as cursor:
                    document_id = cursor.lastrowid
                assert document_id is not None
                await self._conn.executemany(
                    _INSERT_PASSAGE, (_passage_row(document_id, p) for p in parsed.passages)
                )
            except sqlite3.IntegrityError as exc:
                raise StoreError(f"{doc.file}: cannot store the document: {exc}") from exc
            rows = await self._rows_for(doc.file, document_id)
            await self._conn.executemany(_INSERT_QUOTE, [rows.quote(q) for q in parsed.quotes])
            people = [rows.person(m) for m in parsed.people]
            await self._conn.executemany(_INSERT_PERSON_MENTION, people)
            models = [rows.model(m) for m in parsed.models]
            await self._conn.executemany(_INSERT_MODEL_MENTION, models)
            await self._insert_facts_events(rows, parsed.facts, parsed.events, curated=0)
        return document_id

    async def _insert_facts_events(
        self, rows: _Rows, facts: Sequence[Fact], events: Sequence[Event], *, curated: int
    ) -> None:
        await self._conn.executemany(_INSERT_FACT, [rows.fact(f, curated) for f in facts])
        await self._conn.executemany(_INSERT_EVENT, [rows.event(e, curated) for e in events])

    async def delete_curated(self) -> None:
        """Remove every curated fact, event and quote (re-inserted from the curated file)."""
        async with self._atomic():
            await self._conn.execute("DELETE FROM facts WHERE curated = 1")
            await self._conn.execute("DELETE FROM events WHERE curated = 1")
            await self._conn.execute("DELETE FROM quotes WHERE curated = 1")

    async def insert_curated_quotes(
        self, file: str, quotes: Sequence[tuple[str, str, str | None]]
    ) -> None:
        """Insert curated quotes (speaker, verbatim text, question) of the indexed document
        `file`, each in the shortest passage that holds all of it (curated = 1)."""
        async with self._atomic():
            document = await self._one("SELECT id, text FROM documents WHERE file = ?", (file,))
            if document is None:
                raise StoreError(f"{file}: no such document for a curated quote")
            document_id, text = int(document[0]), str(document[1])
            for speaker, words, question in quotes:
                start = text.find(words)
                passage = await self._one(
                    "SELECT id FROM passages WHERE document_id = ? AND start <= ? AND end >= ?"
                    " ORDER BY end - start LIMIT 1",
                    (document_id, start, start + len(words)),
                )
                if start == -1 or passage is None:
                    raise StoreError(f"{file}: no passage holds the curated quote {words!r}")
                await self._conn.execute(
                    "INSERT INTO quotes (document_id, passage_id, speaker, text, start, end,"
                    " question, curated) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                    (document_id, passage[0], speaker, words, start, start + len(words), question),
                )

    async def insert_curated(
        self, file: str, facts: Sequence[Fact], events: Sequence[Event]
    ) -> None:
        """Insert curated facts and events of the indexed document `file` (curated = 1)."""
        async with self._atomic():
            rows = await self._rows_for(file)
            await self._insert_facts_events(rows, facts, events, curated=1)

    async def clear_happenings(self) -> None:
        """Remove the happenings (added again by `add_happenings`, a batch at a time)."""
        async with self._atomic():
            await clear_happenings(self._conn)

    async def add_happenings(self, happenings: Sequence[Happening], first_id: int) -> None:
        """Add happenings numbered from `first_id`; events no happening tells belong to none."""
        async with self._atomic():
            await add_happenings(self._conn, happenings, first_id)

    async def curated_stored_events(self) -> list[StoredEvent]:
        """The curated events with their ids and documents (few)."""
        return [stored_event(row) for row in await self._rows(CURATED_STORED_EVENTS)]

    async def stored_event_batches(self, size: int = 2000) -> AsyncIterator[list[StoredEvent]]:
        """Every event with its id and document, in document and insertion order, `size` at a
        time: a corpus's events are never all in memory."""
        async with self._conn.execute(STORED_EVENTS) as cursor:
            while rows := await cursor.fetchmany(size):
                yield [stored_event(row) for row in rows]

    async def stored_events_by_id(self, ids: Sequence[int]) -> dict[int, StoredEvent]:
        rows = await self._rows(STORED_EVENTS_BY_ID, (json.dumps(list(ids)),))
        return {told.id: told for told in map(stored_event, rows)}

    async def replace_fact_values(self, readings: Sequence[FactValueReading]) -> None:
        """Replace what the distinct fact values say (their keys and dates)."""
        async with self._atomic():
            await self._conn.execute("DELETE FROM fact_values")
            await self._conn.executemany(
                "INSERT INTO fact_values (value, key) VALUES (?, ?)",
                [(r.value, r.key) for r in readings],
            )
            await self._conn.executemany(
                "INSERT INTO fact_value_dates (value, start, end, precision, part) "
                "VALUES (?, ?, ?, ?, ?)",
                [(r.value, *_date_columns(when)) for r in readings for when in r.dates],
            )
