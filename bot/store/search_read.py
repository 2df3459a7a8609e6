"""Ranked reads for search, quotes and ask: any of the words, stemmed, bm25 first.

User text reaches an FTS5 MATCH only through `to_ranked_query`. Each row comes with its text
as the ranked index holds it, the matched terms marked with the markers asked for, so the
queries can re-rank (phrases, how many of the words) and cut a snippet without re-reading.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.store.corpus_read import CorpusReader
from bot.store.fts import to_ranked_query
from bot.store.quotes_read import QUOTE_COLUMNS, QUOTE_JOINS, QuoteRow

# A passage's heading counts as much as its own text (a bullet `Valuation: $2.5B+` answers
# for the model its section is about; bm25 already makes a heading shared by many passages
# worth little); a quote's words more than the question it answers or its speaker's name.
_PASSAGE_BM25 = "bm25(passages_words, 1.0, 1.0)"
_QUOTE_BM25 = "bm25(quotes_words, 1.0, 0.6, 0.3)"


# bm25 is read for at most this many matches, in index order, so that a word matching most
# of a large corpus costs no more than a rarer one; at the seeds' size (under a thousand
# passages) the ranking is exact.
CANDIDATES = 1000


def _best(table: str, bm25: str, condition: str = "") -> str:
    """The best ?4 (`window`) of the first `CANDIDATES` matches of ?1, by bm25."""
    return (
        f"SELECT id, score FROM (SELECT rowid AS id, {bm25} AS score FROM {table}"
        f" WHERE {table} MATCH ?1{condition} LIMIT {CANDIDATES}) ORDER BY score, id LIMIT ?4"
    )


def _marked(table: str, *columns: int) -> str:
    """The `best` rows with the matches in these columns (one or two) between the markers ?2
    and ?3, as `c0` and `c1`.

    Only the best are highlighted (highlight re-reads a row's text), in a second scan of the
    matches: MATERIALIZED keeps it a scan, as a join it would run the full-text query once
    per row."""
    shown = [f"highlight({table}, {column}, ?2, ?3)" for column in columns] + ["NULL"]
    return (
        f"SELECT rowid AS id, {shown[0]} AS c0, {shown[1]} AS c1 FROM {table}"
        f" WHERE {table} MATCH ?1 AND rowid BETWEEN (SELECT min(id) FROM best)"
        " AND (SELECT max(id) FROM best) AND +rowid IN (SELECT id FROM best)"
    )


# `best` and `marked` side by side by id: grouped (one sort), since as a join neither has an
# index and each row of one would scan the other.
_JOINED = (
    "joined AS (SELECT id, max(score) AS score, max(c0) AS marked, max(c1) AS question FROM ("
    " SELECT id, score, NULL AS c0, NULL AS c1 FROM best"
    " UNION ALL SELECT id, NULL, c0, c1 FROM marked) GROUP BY id)"
)


@dataclass(frozen=True, slots=True)
class RankedPassage:
    id: int
    file: str
    heading: str | None
    kind: str  # PassageKind value
    marked: str  # the passage's text, CJK spaced, matched terms between the markers
    score: float  # bm25 (lower is better)


@dataclass(frozen=True, slots=True)
class KnownFact:
    """A fact as /ask reads it: about whom, what, the value, and where it is said."""

    subject: str
    subject_key: str
    attribute: str
    value: str
    evidence: str
    file: str
    heading: str | None


@dataclass(frozen=True, slots=True)
class RankedQuote:
    id: int
    marked: str  # the quote's text, CJK spaced, matched terms between the markers
    marked_question: str
    score: float


class SearchReads(CorpusReader):
    async def ranked_passages(
        self, user_text: str, *, window: int, marks: tuple[str, str], prefix: bool = False
    ) -> list[RankedPassage]:
        """The best `window` passages holding any of the words of `user_text`, by bm25."""
        query = to_ranked_query(user_text, prefix=prefix)
        if query is None:
            return []
        rows = await self._rows(
            f"WITH best AS MATERIALIZED ({_best('passages_words', _PASSAGE_BM25)}),"
            f" marked AS MATERIALIZED ({_marked('passages_words', 0)}),"
            f" {_JOINED}"
            " SELECT j.id, d.file, p.heading, p.kind, j.marked, j.score FROM joined AS j"
            " JOIN passages AS p ON p.id = j.id JOIN documents AS d ON d.id = p.document_id"
            " ORDER BY j.score, j.id",
            (query, *marks, window),
        )
        return [
            RankedPassage(int(r[0]), str(r[1]), r[2], str(r[3]), str(r[4] or ""), float(r[5]))
            for r in rows
        ]

    async def known_facts(self, *, per_value: int = 5) -> list[KnownFact]:
        """Every fact, in document order, each value with at most `per_value` of its sources:
        /ask indexes them in memory once per generation."""
        rows = await self._rows(
            "SELECT subject, subject_key, attribute, value, evidence, file, heading FROM ("
            " SELECT f.subject, f.subject_key, f.attribute, f.value, f.evidence, d.file,"
            "  p.heading, f.id, row_number() OVER (PARTITION BY f.subject_key, f.attribute,"
            "  f.value ORDER BY d.file, f.id) AS nth"
            " FROM facts AS f JOIN documents AS d ON d.id = f.document_id"
            " LEFT JOIN passages AS p ON p.id = f.passage_id"
            ") WHERE nth <= ? ORDER BY file, id",
            (per_value,),
        )
        return [
            KnownFact(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), r[6])
            for r in rows
        ]

    async def document_openings(self, files: Sequence[str], chars: int) -> dict[str, str]:
        """The first `chars` characters of these documents (title and byline), by file."""
        rows = await self._rows(
            "SELECT file, substr(text, 1, ?) FROM documents"
            " WHERE file IN (SELECT value FROM json_each(?))",
            (chars, json.dumps(list(files))),
        )
        return {str(r[0]): str(r[1]) for r in rows}

    async def quotes_by_id(self, ids: Sequence[int]) -> dict[int, QuoteRow]:
        rows = await self._rows(
            f"SELECT {QUOTE_COLUMNS} FROM quotes AS q {QUOTE_JOINS}"
            " WHERE q.id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(ids))],
        )
        return {int(row[0]): QuoteRow(*row) for row in rows}

    async def ranked_quotes(
        self,
        user_text: str,
        *,
        window: int,
        marks: tuple[str, str],
        speakers: Sequence[str] | None = None,
        prefix: bool = False,
        every: bool = False,
    ) -> list[RankedQuote]:
        """The best `window` quotes (by the speakers, as quotes write them, when given)
        holding any (`every`: all) of the words of `user_text` in their text, question or
        speaker, by bm25."""
        query = to_ranked_query(user_text, prefix=prefix, every=every)
        if query is None:
            return []
        # the speakers are checked row by row as matches come (a primary-key read each):
        # offered to FTS5 as a set of rowids, every quote of a prolific speaker became a
        # full-text query of its own
        speaker_filter = (
            ""
            if speakers is None
            else " AND EXISTS (SELECT 1 FROM quotes AS q WHERE q.id = quotes_words.rowid"
            " AND q.speaker IN (SELECT value FROM json_each(?5)))"
        )
        parameters: tuple[object, ...] = (query, *marks, window)
        if speakers is not None:
            parameters += (json.dumps(list(speakers)),)
        rows = await self._rows(  # as `ranked_passages`: bm25 picks, the best are highlighted
            f"WITH best AS MATERIALIZED ({_best('quotes_words', _QUOTE_BM25, speaker_filter)}),"
            f" marked AS MATERIALIZED ({_marked('quotes_words', 0, 1)}),"
            f" {_JOINED}"
            " SELECT id, marked, question, score FROM joined ORDER BY score, id",
            parameters,
        )
        return [RankedQuote(int(r[0]), str(r[1] or ""), str(r[2] or ""), float(r[3])) for r in rows]
