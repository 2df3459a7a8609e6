"""Passage vectors for the optional semantic search (migration 011): kept by the hash of what
was embedded, linked to the passages that hold that text.

The indexer links new passages (`link_passages`), embeds only the hashes no vector has yet
(`missing_vectors`, `insert_vectors`), and prunes vectors nothing links to (`prune_vectors`),
all inside its run's transaction. A serving process reads every vector of one model at once
(`passage_vectors`), or the passages and quotes a semantic ranking names.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.store.corpus_read import CorpusReader


@dataclass(frozen=True, slots=True)
class PassageText:
    """A passage as an embedding model reads it."""

    id: int
    kind: str  # PassageKind value
    heading: str | None
    text: str
    cells: tuple[tuple[str, str], ...] = ()  # a table row's (header, value) pairs
    asked: str | None = None  # an answer's question: the last one before it in its document


@dataclass(frozen=True, slots=True)
class PassageVector:
    passage_id: int
    vector: bytes  # float32, as the embedder wrote it


@dataclass(frozen=True, slots=True)
class PassageShown:
    """A passage a semantic ranking found without the words of the query: nothing marked."""

    id: int
    file: str
    heading: str | None
    kind: str  # PassageKind value
    spaced: str  # the text as the ranked index holds it (CJK spaced)


class VectorReads(CorpusReader):
    async def passage_vectors(
        self, model: str, *, kinds: Sequence[str] | None = None
    ) -> list[PassageVector]:
        """The vectors `model` made, of the passages of `kinds` (None: every kind)."""
        kind_filter = "" if kinds is None else " AND p.kind IN (SELECT value FROM json_each(?))"
        parameters: tuple[object, ...] = (model,) if kinds is None else (model, json.dumps(kinds))
        rows = await self._rows(
            "SELECT pv.passage_id, v.vector FROM passage_vectors AS pv"
            " JOIN vectors AS v ON v.hash = pv.hash JOIN passages AS p ON p.id = pv.passage_id"
            f" WHERE v.model = ?{kind_filter} ORDER BY pv.passage_id",
            parameters,
        )
        return [PassageVector(int(r[0]), bytes(r[1])) for r in rows]

    async def passages_shown(self, ids: Sequence[int]) -> dict[int, PassageShown]:
        rows = await self._rows(
            "SELECT p.id, d.file, p.heading, p.kind, w.text FROM passages AS p"
            " JOIN documents AS d ON d.id = p.document_id"
            " JOIN passages_words AS w ON w.rowid = p.id"
            " WHERE p.id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        )
        return {
            int(r[0]): PassageShown(int(r[0]), str(r[1]), r[2], str(r[3]), str(r[4] or ""))
            for r in rows
        }

    async def quote_passages(self, quote_ids: Sequence[int]) -> dict[int, int]:
        """The passage that holds each quote: quote id -> passage id."""
        rows = await self._rows(
            "SELECT id, passage_id FROM quotes WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(quote_ids)),),
        )
        return {int(r[0]): int(r[1]) for r in rows}


class VectorWrites(CorpusReader):
    """The indexer's side; every call joins the run's open transaction."""

    async def unlinked_passages(self) -> list[PassageText]:
        rows = await self._rows(
            "SELECT p.id, p.kind, p.heading, p.text, p.cells, CASE WHEN p.kind = 'answer' THEN"
            " (SELECT q.text FROM passages AS q WHERE q.document_id = p.document_id"
            "  AND q.kind = 'question' AND q.ordinal < p.ordinal ORDER BY q.ordinal DESC LIMIT 1)"
            " END FROM passages AS p LEFT JOIN passage_vectors AS pv ON pv.passage_id = p.id"
            " WHERE pv.passage_id IS NULL ORDER BY p.id"
        )
        return [
            PassageText(
                int(r[0]),
                str(r[1]),
                r[2],
                str(r[3]),
                tuple((str(h), str(v)) for h, v in json.loads(r[4])) if r[4] else (),
                r[5],
            )
            for r in rows
        ]

    async def link_passages(self, links: Sequence[tuple[int, str]]) -> None:
        """(passage id, hash) pairs."""
        await self._conn.executemany(
            "INSERT OR REPLACE INTO passage_vectors (passage_id, hash) VALUES (?, ?)", links
        )

    async def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        rows = await self._rows(
            "SELECT hash FROM vectors WHERE hash IN (SELECT value FROM json_each(?))",
            (json.dumps(list(hashes)),),
        )
        return {str(r[0]) for r in rows}

    async def insert_vectors(self, model: str, vectors: Sequence[tuple[str, bytes]]) -> None:
        """(hash, vector) pairs embedded by `model`."""
        await self._conn.executemany(
            "INSERT OR REPLACE INTO vectors (hash, model, vector) VALUES (?, ?, ?)",
            [(hash_, model, vector) for hash_, vector in vectors],
        )

    async def forget_vectors(self) -> None:
        """Drop every link and vector: another model embeds everything afresh."""
        await self._conn.execute("DELETE FROM passage_vectors")
        await self._conn.execute("DELETE FROM vectors")

    async def prune_vectors(self) -> int:
        """Delete the vectors no passage links to; how many."""
        async with self._conn.execute(
            "DELETE FROM vectors WHERE hash NOT IN (SELECT hash FROM passage_vectors)"
        ) as cursor:
            return max(0, cursor.rowcount)
