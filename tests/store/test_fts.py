"""to_fts_query: the only way user text becomes an FTS5 MATCH expression; FTS syntax is inert."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiosqlite
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.store import open_database, to_fts_query
from bot.store.fts import MAX_WORD_LENGTH, MAX_WORDS

HOSTILE = [
    '"',
    '""',
    'say "hi',
    "NEAR(",
    "NEAR(a b, 2)",
    "*",
    "scal*",
    "OR",
    "AND",
    "NOT",
    "a OR b",
    "a AND NOT b",
    "-",
    "-scaling",
    "^",
    "^start",
    "'; DROP TABLE quotes;--",
    "col:value",
    "text:scaling",
    "{text question}: scaling",
    "(a) + (b)",
    "a\\b",
    "\x00\x01\x1f",
    "🚀",
    "🚀 launch 👩\u200d💻",
    "sca\u200bling",
    "\ufeffscaling\u2060",
    "颜俊杰",
    "迷你马克斯 abab6.5",
    "Ｍｉｎｉｍａｘ",
    "Junjie Yan: café",
    "x" * 6000,
    "word " * 1200,
]


@pytest.fixture
async def conn(tmp_path: Path) -> AsyncIterator[aiosqlite.Connection]:
    """The real schema, with one quote and one passage to search."""
    conn = await open_database(tmp_path / "corpus.db")
    await conn.execute(
        "INSERT INTO documents (id, file, title, kind, language, sha256, fingerprint, text) "
        "VALUES (1, 'a.txt', 'A', 'interview', 'en', 'x', 'y', 'scaling laws')"
    )
    await conn.execute(
        "INSERT INTO passages (id, document_id, ordinal, kind, text, start, end) "
        "VALUES (1, 1, 0, 'answer', 'Scaling laws hold; café 颜俊杰 said', 0, 12)"
    )
    await conn.execute(
        "INSERT INTO quotes (document_id, passage_id, speaker, text, start, end, question) "
        "VALUES (1, 1, 'Junjie Yan', 'Scaling laws hold', 0, 12, 'Do scaling laws hold?')"
    )
    yield conn
    await conn.close()


async def match_count(conn: aiosqlite.Connection, table: str, query: str) -> int:
    async with conn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (query,)) as c:
        row = await c.fetchone()
    assert row is not None
    return int(row[0])


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("prefix", [False, True])
async def test_hostile_text_is_inert(conn: aiosqlite.Connection, text: str, prefix: bool) -> None:
    query = to_fts_query(text, prefix=prefix)
    if query is None:
        return
    assert len(query) <= MAX_WORDS * (MAX_WORD_LENGTH * 2 + 3)
    for table in ("quotes_fts", "passages_fts"):
        await match_count(conn, table, query)  # must not raise
    assert await match_count(conn, "quotes_fts", to_fts_query("scaling") or "") == 1


@pytest.mark.parametrize(
    "text",
    ["", " ", "\t\n  \r", '"', "*", "-", "^", "()", ":", "'; --", "🚀🔥", "\u200b\u200d", "\x00"],
)
def test_nothing_to_search_is_none(text: str) -> None:
    assert to_fts_query(text) is None
    assert to_fts_query(text, prefix=True) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("scaling", '"scaling"'),
        ("scaling laws", '"scaling" "laws"'),
        ("a OR b", '"a" "OR" "b"'),
        ("NEAR(a b)", '"NEAR" "a" "b"'),
        ("col:value", '"col" "value"'),
        ("-scaling ^laws", '"scaling" "laws"'),
        ("'; DROP TABLE quotes;--", '"DROP" "TABLE" "quotes"'),
        ("sca\u200bling", '"scaling"'),
        ("🚀 launch", '"launch"'),
        ("颜俊杰 说", '"颜俊杰" "说"'),
        ("Ｍｉｎｉｍａｘ", '"Minimax"'),
        ("abab6.5", '"abab6" "5"'),
    ],
)
def test_words_are_quoted(text: str, expected: str) -> None:
    assert to_fts_query(text) == expected


def test_prefix_marks_the_last_word_outside_the_quotes() -> None:
    assert to_fts_query("scal", prefix=True) == '"scal"*'
    assert to_fts_query("scaling la", prefix=True) == '"scaling" "la"*'
    assert to_fts_query("scaling la ", prefix=True) == '"scaling" "la"*'


def test_long_input_is_capped() -> None:
    many = to_fts_query("word " * 1200)
    assert many is not None and many.count('"word"') == MAX_WORDS
    long = to_fts_query("x" * 6000)
    assert long == '"' + "x" * MAX_WORD_LENGTH + '"'


async def test_drop_table_leaves_quotes_intact(conn: aiosqlite.Connection) -> None:
    query = to_fts_query("'; DROP TABLE quotes;--")
    assert query is not None
    await match_count(conn, "quotes_fts", query)
    async with conn.execute("SELECT count(*) FROM quotes") as cursor:
        row = await cursor.fetchone()
    assert row is not None and row[0] == 1


async def test_escaped_queries_find_what_the_words_say(conn: aiosqlite.Connection) -> None:
    cases = {
        "scaling": 1,
        '"scaling"': 1,
        "SCALING laws": 1,
        "scaling OR nothing": 0,  # OR is a word, not an operator: every word must match
        "NEAR(scaling": 0,  # NEAR is a word too
        "scaling*": 1,
        "-scaling": 1,  # not a NOT
        "cafe": 1,  # diacritics are removed on both sides
        "颜俊杰": 1,
        "hold?": 1,
        "missing": 0,
    }
    for text, expected in cases.items():
        query = to_fts_query(text)
        assert query is not None
        assert await match_count(conn, "passages_fts", query) == expected, text
    speaker = to_fts_query("Junjie Yan")
    assert speaker is not None and await match_count(conn, "quotes_fts", speaker) == 1
    question = to_fts_query("do laws")
    assert question is not None and await match_count(conn, "quotes_fts", question) == 1
    prefix = to_fts_query("sca", prefix=True)
    assert prefix is not None and await match_count(conn, "passages_fts", prefix) == 1


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_any_text_gives_none_or_a_valid_query(text: str) -> None:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5 (a, tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.execute("INSERT INTO t (a) VALUES ('scaling laws 颜俊杰')")
    for prefix in (False, True):
        query = to_fts_query(text, prefix=prefix)
        if query is None:
            assert not any(ch.isalnum() for ch in text)
            continue
        conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()


def test_a_line_break_separates_words() -> None:
    # A message's text (the "Find in the corpus" menu) has line breaks: they part words.
    assert to_fts_query("scaling\nlaws") == '"scaling" "laws"'
