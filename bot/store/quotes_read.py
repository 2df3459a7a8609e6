"""Reads for the quotes, search and people queries. User text reaches an FTS5 MATCH only
through `to_fts_query`, inside these methods; lists of names are bound as one JSON parameter
(`json_each(?)`). What is small and fixed for one generation of the index (the FTS
vocabularies, the spellings quotes use) is read once and kept until the generation changes."""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import aiosqlite

from bot.store.corpus_read import CorpusReader
from bot.store.fts import is_cjk, to_fts_query, to_ranked_query

FtsTable = Literal["quotes", "passages"]

# Weights of bm25 per FTS column: the words of a quote count more than the question it answers
# or its speaker's name; a passage's own text more than the heading it shares with its section.
_QUOTE_BM25 = "bm25(quotes_fts, 1.0, 0.6, 0.3)"
_PASSAGE_BM25 = "bm25(passages_fts, 1.0, 0.3)"
_CONTEXT_BM25 = "bm25(passages_words, 1.0, 0.3)"  # a quote's passage: its text, its heading
QUOTE_COLUMNS = "q.id, q.text, q.question, q.speaker, d.file, p.heading"
QUOTE_JOINS = (
    "JOIN passages AS p ON p.id = q.passage_id JOIN documents AS d ON d.id = q.document_id"
)
# Keeps the quotes `q` by the speakers in ?1: NULL for anyone, else a JSON list of spellings
# as quotes write them.
_SPEAKERS = "(?1 IS NULL OR q.speaker IN (SELECT value FROM json_each(?1)))"


@dataclass(frozen=True, slots=True)
class QuoteRow:
    id: int
    text: str
    question: str | None
    speaker: str | None  # as written
    file: str
    heading: str | None  # of the passage that holds the quote
    score: float = 0.0  # bm25 of the match (lower is better); 0.0 when not matched


@dataclass(frozen=True, slots=True)
class SnippetRow:
    id: int
    file: str
    heading: str | None
    snippet: str  # FTS5 snippet() with the markers asked for


@dataclass(frozen=True, slots=True)
class PersonFactRow:
    attribute: str
    value: str
    evidence: str
    file: str
    heading: str | None  # of the passage that states it; None for a curated fact


def _json(names: Sequence[str] | None) -> str | None:
    return None if names is None else json.dumps(list(names))


def _quote_row(row: aiosqlite.Row, score: float = 0.0) -> QuoteRow:
    return QuoteRow(row[0], row[1], row[2], row[3], row[4], row[5], score)


class QuotesReads(CorpusReader):
    _vocabularies: dict[str, dict[str, int]] | None = None
    _passage_terms: list[str] | None = None  # the passages' vocabulary, sorted
    _speakers: tuple[str, ...] | None = None
    _kept_generation: int | None = None

    def _keep_for(self, generation: int) -> None:
        """Drop what was kept from another generation of the index."""
        if generation != self._kept_generation:
            self._vocabularies, self._passage_terms, self._speakers = None, None, None
            self._kept_generation = generation

    # ------------------------------------------------------------ quotes

    async def quote_matches(
        self,
        user_text: str,
        *,
        speakers: Sequence[str] | None = None,
        limit: int = 50,
        window: int = 1000,
        prefix: bool = False,
    ) -> list[QuoteRow]:
        """Quotes matching every word of `user_text` (text, question or speaker), best first.

        bm25 ranks the first `window` matches (in index order) that the speakers filter keeps.
        """
        query = to_fts_query(user_text, prefix=prefix)
        if query is None:
            return []
        # Without a speaker, no join: quotes are read for the best `limit` rows only.
        joined = "" if speakers is None else f" JOIN quotes AS q ON q.id = f.rowid AND {_SPEAKERS}"
        matches = (
            f"SELECT f.rowid AS id, {_QUOTE_BM25} AS score FROM quotes_fts AS f{joined}"
            " WHERE quotes_fts MATCH ?2 LIMIT ?3"
        )
        best = f"SELECT id, score FROM ({matches}) ORDER BY score, id LIMIT ?4"
        rows = await self._rows(
            f"SELECT {QUOTE_COLUMNS}, m.score FROM ({best}) AS m"
            f" JOIN quotes AS q ON q.id = m.id {QUOTE_JOINS} ORDER BY m.score, m.id",
            (_json(speakers), query, window, limit),
        )
        return [_quote_row(row, float(row[6])) for row in rows]

    async def quotes_in_context(
        self,
        user_text: str,
        *,
        limit: int,
        window: int,
        speakers: Sequence[str] | None = None,
    ) -> list[QuoteRow]:
        """Quotes whose own passage holds every word of `user_text` (stemmed) in its text or
        in its section's heading, by the passage's bm25: a quote found by what stands around
        it (`10T model` finds the lines of the chapter on the 10T model). bm25 ranks the
        first `window` passages that match (in index order)."""
        query = to_ranked_query(user_text, every=True)
        if query is None:
            return []
        matches = (
            f"SELECT rowid AS id, {_CONTEXT_BM25} AS score FROM passages_words"
            " WHERE passages_words MATCH ?2 LIMIT ?3"
        )
        rows = await self._rows(
            f"SELECT {QUOTE_COLUMNS}, m.score FROM ({matches}) AS m"
            f" JOIN quotes AS q ON q.passage_id = m.id {QUOTE_JOINS} WHERE {_SPEAKERS}"
            " ORDER BY m.score, q.id LIMIT ?4",
            (_json(speakers), query, window, limit),
        )
        return [_quote_row(row, float(row[6])) for row in rows]

    async def quote_count(self, *, speakers: Sequence[str] | None = None) -> int:
        row = await self._one(
            f"SELECT count(*) FROM quotes AS q WHERE {_SPEAKERS}", [_json(speakers)]
        )
        return 0 if row is None else int(row[0])

    async def quote_id_range(self) -> tuple[int, int] | None:
        # Two subqueries: SQLite seeks the rowid ends only for a lone min() or max().
        row = await self._one("SELECT (SELECT min(id) FROM quotes), (SELECT max(id) FROM quotes)")
        return None if row is None or row[0] is None else (int(row[0]), int(row[1]))

    async def quote_id_from(
        self, start: int, *, speakers: Sequence[str] | None = None, attributed: bool = False
    ) -> int | None:
        """The first quote id >= `start` that the filters keep: an index seek, not a scan."""
        if speakers is None:
            row = await self._one(
                "SELECT id FROM quotes WHERE id >= ? AND (? = 0 OR speaker IS NOT NULL)"
                " ORDER BY id LIMIT 1",
                (start, int(attributed)),
            )
        else:  # one seek in the speaker index per spelling; a named speaker is attributed
            row = await self._one(
                "SELECT min((SELECT id FROM quotes WHERE speaker = j.value AND id >= ?1"
                " ORDER BY id LIMIT 1)) FROM json_each(?2) AS j",
                (start, json.dumps(list(speakers))),
            )
        return None if row is None or row[0] is None else int(row[0])

    async def quote(self, quote_id: int) -> QuoteRow | None:
        row = await self._one(
            f"SELECT {QUOTE_COLUMNS} FROM quotes AS q {QUOTE_JOINS} WHERE q.id = ?",
            (quote_id,),
        )
        return None if row is None else _quote_row(row)

    async def quoted_speakers(self) -> tuple[str, ...]:
        """Every speaker as quotes write them (a handful, however large the corpus)."""
        if self._speakers is None:
            self._speakers = tuple(await self.distinct_speakers())
        return self._speakers

    async def vocabulary(self, table: FtsTable) -> dict[str, int]:
        """The terms of an FTS index (folded as its tokenizer folds them) -> rows holding them.

        Read through a connection-local (temp) fts5vocab table: no change to the schema.
        """
        self._vocabularies = self._vocabularies or {}
        if table not in self._vocabularies:
            name = {"quotes": "quotes", "passages": "passages"}[table]  # never caller text
            await self._conn.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{name}_vocab"
                f" USING fts5vocab(main, {name}_fts, row)"
            )
            rows = await self._rows(f"SELECT term, doc FROM temp.{name}_vocab")
            self._vocabularies[table] = {str(r[0]): int(r[1]) for r in rows}
        return self._vocabularies[table]

    # ------------------------------------------------------------ passages

    async def written(self, word: str) -> bool:
        """Whether any passage writes `word`: a word with any ending (`patent*`), Chinese
        anywhere in a run."""
        held = (self._vocabularies or {}).get("passages")
        if held is not None and word.isascii() and word.isalnum():
            # one term as the tokenizer folds it: the vocabulary answers without a prefix
            # query, which reads the rows of every term the word begins (`scal*`: ~100k)
            if self._passage_terms is None:
                self._passage_terms = sorted(held)
            folded = word.lower()
            at = bisect.bisect_left(self._passage_terms, folded)
            return at < len(self._passage_terms) and self._passage_terms[at].startswith(folded)
        if is_cjk(word):
            query = to_ranked_query(word, every=True)
            table = "passages_words"
        else:
            query = to_fts_query(word, prefix=True)
            table = "passages_fts"
        if query is None:
            return False
        found = await self._one(f"SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT 1", (query,))
        return found is not None

    async def passage_match_count(self, user_text: str, *, cap: int, prefix: bool = False) -> int:
        """How many passages match, counting no further than `cap`: past a page or two
        nobody reads, an exact count of a common word costs more than the whole search."""
        query = to_fts_query(user_text, prefix=prefix)
        if query is None:
            return 0
        row = await self._one(
            "SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)",
            (query, cap),
        )
        return 0 if row is None else int(row[0])

    async def passage_search(
        self,
        user_text: str,
        *,
        limit: int,
        offset: int,
        window: int,
        marks: tuple[str, str, str],
        tokens: int,
        prefix: bool = False,
    ) -> tuple[list[SnippetRow], int]:
        """One page of the passages matching every word of `user_text`, best first, each with
        a snippet of its text (`marks`: highlight start, end, ellipsis), and how many passages
        match, counted up to `window` + 1. bm25 ranks the first `window` matches in index
        order. An empty page (nothing
        matches, or the page is past the end) comes with 0: ask `passage_match_count`.
        """
        query = to_fts_query(user_text, prefix=prefix)
        if query is None:
            return [], 0
        rows = await self._rows(
            "SELECT m.id, d.file, p.heading,"
            " (SELECT snippet(passages_fts, 0, ?5, ?6, ?7, ?8) FROM passages_fts"
            "  WHERE passages_fts MATCH ?1 AND rowid = m.id),"
            " (SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ?1"
            "  LIMIT ?2 + 1))"
            " FROM (SELECT id, score FROM ("
            f"  SELECT rowid AS id, {_PASSAGE_BM25} AS score FROM passages_fts"
            "   WHERE passages_fts MATCH ?1 LIMIT ?2"
            " ) ORDER BY score, id LIMIT ?3 OFFSET ?4) AS m"
            " JOIN passages AS p ON p.id = m.id JOIN documents AS d ON d.id = p.document_id"
            " ORDER BY m.score, m.id",
            (query, window, limit, offset, *marks, tokens),
        )
        total = int(rows[0][4]) if rows else 0
        return [SnippetRow(int(r[0]), str(r[1]), r[2], str(r[3] or "")) for r in rows], total

    # ------------------------------------------------------------ people

    async def person_files(
        self, *, keys: Sequence[str], speakers: Sequence[str], texts: Sequence[str]
    ) -> set[str]:
        """Documents that mention a person: by a mention's name key, as a quote's speaker, or
        with a passage holding every word of one of `texts`."""
        queries = [q for q in (to_fts_query(text) for text in texts) if q is not None]
        in_text = "".join(
            " UNION SELECT p.document_id FROM passages_fts"
            " JOIN passages AS p ON p.id = passages_fts.rowid WHERE passages_fts MATCH ?"
            for _ in queries
        )
        rows = await self._rows(
            "SELECT file FROM documents WHERE id IN ("
            "SELECT document_id FROM person_mentions WHERE key IN (SELECT value FROM json_each(?))"
            " UNION SELECT document_id FROM quotes"
            f" WHERE speaker IN (SELECT value FROM json_each(?)){in_text})",
            (json.dumps(list(keys)), json.dumps(list(speakers)), *queries),
        )
        return {str(row[0]) for row in rows}

    async def person_facts(self, keys: Sequence[str]) -> list[PersonFactRow]:
        """Facts whose subject is any of the name keys, by attribute then document order."""
        rows = await self._rows(
            "SELECT f.attribute, f.value, f.evidence, d.file, p.heading FROM facts AS f"
            " JOIN documents AS d ON d.id = f.document_id"
            " LEFT JOIN passages AS p ON p.id = f.passage_id"
            " WHERE f.subject_key IN (SELECT value FROM json_each(?))"
            " ORDER BY f.attribute, d.file, f.id",
            [json.dumps(list(keys))],
        )
        return [PersonFactRow(str(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4]) for r in rows]

    async def disputed_attributes(self, subjects: Sequence[str]) -> set[str]:
        rows = await self._rows(
            "SELECT DISTINCT attribute FROM conflicts WHERE id IN (SELECT conflict_id"
            " FROM conflict_subjects WHERE subject IN (SELECT value FROM json_each(?)))",
            [json.dumps(list(subjects))],
        )
        return {str(row[0]) for row in rows}
