"""The indexer's writes of what is derived across documents: people, models, organisations
and concepts with every spelling of their names, the disagreements and the corpus's errors; and
the transactions every write of the index joins."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from bot.domain.entities import Entity
from bot.domain.names import name_key
from bot.domain.records import Conflict, CorpusNote, Model, Person
from bot.store.corpus_read import CorpusReader
from bot.store.database import StoreError


def optional_int(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _spellings(names: Iterable[str]) -> list[tuple[str, str]]:
    """(name, name_key(name)) for each distinct spelling, in order."""
    return [(name, name_key(name)) for name in dict.fromkeys(names)]


class Transactions(CorpusReader):
    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """`BEGIN IMMEDIATE` ... `COMMIT`; on any exception `ROLLBACK` and re-raise."""
        if self._conn.in_transaction:
            raise StoreError("a transaction is already open on this connection")
        await self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            await self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                await self._conn.execute("ROLLBACK")
            raise

    @asynccontextmanager
    async def _atomic(self) -> AsyncIterator[None]:
        """Join the open transaction, or run in a transaction of its own."""
        if self._conn.in_transaction:
            yield
        else:
            async with self.transaction():
                yield

    async def _executemany_checked(
        self, sql: str, rows: Sequence[tuple[Any, ...]], what: str
    ) -> None:
        try:
            await self._conn.executemany(sql, rows)
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"cannot store {what}: {exc}") from exc


class SubjectWrites(Transactions):
    async def replace_people(self, people: Sequence[Person]) -> None:
        """Replace the derived people and every spelling of their names (key = name_key)."""
        async with self._atomic():
            await self._conn.execute("DELETE FROM people")
            await self._executemany_checked(
                "INSERT INTO people (id, name, role) VALUES (?, ?, ?)",
                [(i, p.name, p.role) for i, p in enumerate(people, start=1)],
                "people",
            )
            await self._conn.executemany(
                "INSERT INTO person_names (person_id, name, key) VALUES (?, ?, ?)",
                [
                    (i, name, key)
                    for i, p in enumerate(people, start=1)
                    for name, key in _spellings((p.name, *p.names))
                ],
            )

    async def replace_models(self, models: Sequence[Model]) -> None:
        """Replace the derived models and every spelling of their aliases (key = name_key)."""
        async with self._atomic():
            await self._conn.execute("DELETE FROM models")
            await self._executemany_checked(
                "INSERT INTO models (id, name, kind, minimax) VALUES (?, ?, ?, ?)",
                [
                    (i, m.name, None if m.kind is None else m.kind.value, optional_int(m.minimax))
                    for i, m in enumerate(models, start=1)
                ],
                "models",
            )
            await self._conn.executemany(
                "INSERT INTO model_aliases (model_id, alias, key) VALUES (?, ?, ?)",
                [
                    (i, alias, key)
                    for i, m in enumerate(models, start=1)
                    for alias, key in _spellings((m.name, *m.aliases))
                ],
            )

    async def replace_entities(self, entities: Sequence[Entity]) -> None:
        """Replace the organisations and concepts and every name they go by (key = name_key)."""
        async with self._atomic():
            await self._conn.execute("DELETE FROM entities")
            await self._executemany_checked(
                "INSERT INTO entities (id, name, kind, part_of, file, evidence, note)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (i, e.name, e.kind.value, e.part_of, e.file, e.evidence, e.note)
                    for i, e in enumerate(entities, start=1)
                ],
                "organisations and concepts",
            )
            await self._conn.executemany(
                "INSERT INTO entity_aliases (entity_id, alias, key) VALUES (?, ?, ?)",
                [
                    (i, alias, key)
                    for i, e in enumerate(entities, start=1)
                    for alias, key in _spellings((e.name, *e.aliases))
                ],
            )

    async def replace_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        """Replace the disagreements: each with its values, and the subjects it is about (its
        own and `also_about`), each looked up by name key."""
        numbered = list(enumerate(conflicts, start=1))
        async with self._atomic():
            await self._conn.execute("DELETE FROM conflicts")
            await self._conn.executemany(
                "INSERT INTO conflicts (id, subject, attribute, kind, label, note)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (i, c.subject, c.attribute, c.kind and c.kind.value, c.label, c.note)
                    for i, c in numbered
                ],
            )
            await self._conn.executemany(
                "INSERT INTO conflict_values (conflict_id, value, file, evidence) "
                "VALUES (?, ?, ?, ?)",
                [(i, v.value, v.file, v.evidence) for i, c in numbered for v in c.values],
            )
            await self._conn.executemany(
                "INSERT INTO conflict_subjects (conflict_id, subject, key) VALUES (?, ?, ?)",
                [
                    (i, subject, key)
                    for i, c in numbered
                    for subject, key in _spellings((c.subject, *c.also_about))
                ],
            )

    async def replace_corpus_notes(self, notes: Sequence[CorpusNote]) -> None:
        async with self._atomic():
            await self._conn.execute("DELETE FROM corpus_notes")
            await self._conn.executemany(
                "INSERT INTO corpus_notes (subject, key, written, file, evidence, note)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (n.subject, name_key(n.subject), n.written, n.file, n.evidence, n.note)
                    for n in notes
                ],
            )
