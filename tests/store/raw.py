"""Looking under a store, for tests only: its connection, plain searches and rows no
production code reads."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from bot.store.corpus_read import PASSAGE_HITS, CorpusReader, PassageHit
from bot.store.fts import to_fts_query

LEGACY_GUILD_TABLES = ("legacy_guild_settings", "legacy_daily_posts")


def connection_of(store: CorpusReader) -> aiosqlite.Connection:
    return store._conn


async def legacy_row_counts(store: CorpusReader) -> dict[str, int]:
    """Rows in the guild tables an older version kept in the corpus (migration 005)."""
    counts = {}
    for table in LEGACY_GUILD_TABLES:
        async with connection_of(store).execute(f"SELECT count(*) FROM {table}") as cursor:
            row = await cursor.fetchone()
        counts[table] = 0 if row is None else int(row[0])
    return counts


@dataclass(frozen=True, slots=True)
class QuoteHit:
    file: str
    passage: int  # ordinal of the passage that holds the quote
    speaker: str | None
    text: str
    question: str | None
    start: int
    end: int


async def _rows(store: CorpusReader, sql: str, parameters: tuple[object, ...]) -> list[tuple]:
    async with connection_of(store).execute(sql, parameters) as cursor:
        return [tuple(row) for row in await cursor.fetchall()]


async def search_passages(
    store: CorpusReader, user_text: str, *, limit: int = 10, prefix: bool = False
) -> list[PassageHit]:
    """Passages matching the words of `user_text`, best first (empty when it has none)."""
    query = to_fts_query(user_text, prefix=prefix)
    if query is None:
        return []
    rows = await _rows(
        store, f"{PASSAGE_HITS} ORDER BY bm25(passages_fts), p.id LIMIT ?", (query, limit)
    )
    return [PassageHit(*row) for row in rows]


async def search_quotes(
    store: CorpusReader, user_text: str, *, limit: int = 10, prefix: bool = False
) -> list[QuoteHit]:
    """Quotes whose text, question or speaker match the words of `user_text`, best first."""
    query = to_fts_query(user_text, prefix=prefix)
    if query is None:
        return []
    rows = await _rows(
        store,
        "SELECT d.file, p.ordinal, q.speaker, q.text, q.question, q.start, q.end "
        "FROM quotes_fts JOIN quotes AS q ON q.id = quotes_fts.rowid "
        "JOIN passages AS p ON p.id = q.passage_id "
        "JOIN documents AS d ON d.id = q.document_id "
        "WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts), q.id LIMIT ?",
        (query, limit),
    )
    return [QuoteHit(*row) for row in rows]
