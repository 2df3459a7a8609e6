"""Migrations: applied by PRAGMA user_version, idempotent, atomic, refusing newer databases."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.store import SCHEMA_VERSION, IndexWriter, StoreError, open_database
from bot.store.database import (
    CORPUS_MIGRATIONS,
    MIGRATIONS_DIR,
    STATE_MIGRATIONS,
    find_migrations,
    split_statements,
)
from tests.store.raw import legacy_row_counts

CORPUS_TABLES = {
    "documents",
    "passages",
    "passages_fts",
    "quotes",
    "quotes_fts",
    "person_mentions",
    "model_mentions",
    "facts",
    "events",
    "people",
    "person_names",
    "models",
    "model_aliases",
    "conflicts",
    "conflict_values",
    "meta",
    "fact_values",
    "fact_value_dates",
    "entities",
    "entity_aliases",
}
GUILD_TABLES = {"guild_settings", "daily_posts"}
BOT_TABLES = {"bot_state"}
# Where an older version kept them in the corpus, until the state file takes their rows.
LEGACY_TABLES = {"legacy_guild_settings", "legacy_daily_posts", "legacy_bot_state"}


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {row[0] for row in rows}


def version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def test_migrations_live_next_to_the_package() -> None:
    assert MIGRATIONS_DIR.is_dir()
    assert Path(__file__).resolve().parents[2] / "db" == MIGRATIONS_DIR
    assert MIGRATIONS_DIR / "corpus" == CORPUS_MIGRATIONS
    names = [m.path.name for m in find_migrations()]
    assert names == [
        "001_corpus.sql",
        "002_guilds.sql",
        "003_bot_state.sql",
        "004_query_indexes.sql",
        "005_state_moved_out.sql",
        "006_fact_values.sql",
        "007_ranked_search.sql",
        "008_document_credits.sql",
        "009_disagreements.sql",
        "010_happenings.sql",
        "011_passage_vectors.sql",
        "012_entities.sql",
        "013_passage_voices.sql",
    ]
    assert SCHEMA_VERSION == 13
    assert [m.path.name for m in find_migrations(STATE_MIGRATIONS)] == ["001_state.sql"]


async def test_empty_database_is_migrated_to_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "corpus.db"
    conn = await open_database(path)
    await conn.close()
    assert version(path) == SCHEMA_VERSION
    assert tables(path) >= CORPUS_TABLES | LEGACY_TABLES
    assert not (GUILD_TABLES | BOT_TABLES) & tables(path)  # the state has a file of its own


async def test_the_state_database_holds_only_the_state(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    conn = await open_database(path, migrations_dir=STATE_MIGRATIONS)
    await conn.close()
    assert version(path) == 1
    assert tables(path) == GUILD_TABLES | BOT_TABLES


async def test_pragmas(tmp_path: Path) -> None:
    conn = await open_database(tmp_path / "corpus.db")
    try:
        expected = {
            "journal_mode": "wal",
            "foreign_keys": 1,
            "busy_timeout": 5000,
            "journal_size_limit": 4 * 1024 * 1024,  # the WAL does not stay the largest run's size
        }
        for pragma, value in expected.items():
            async with conn.execute(f"PRAGMA {pragma}") as cursor:
                row = await cursor.fetchone()
            assert row is not None and row[0] == value, pragma
        async with conn.execute("PRAGMA synchronous") as cursor:
            row = await cursor.fetchone()
        assert row is not None and row[0] == 1  # NORMAL
        assert conn.isolation_level is None
        assert not conn.in_transaction
    finally:
        await conn.close()


async def test_reopening_is_idempotent_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    store = await IndexWriter.open(path)
    await store.meta_set("curated_sha256", "abc")
    await store.close()
    for _ in range(2):
        store = await IndexWriter.open(path)
        assert await store.meta_get("curated_sha256") == "abc"
        await store.close()
    assert version(path) == SCHEMA_VERSION


async def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer version"):
        await open_database(path)
    assert version(path) == SCHEMA_VERSION + 1


async def test_upgrade_from_an_older_version_keeps_data(tmp_path: Path) -> None:
    old = tmp_path / "old_migrations"
    old.mkdir()
    shutil.copy(CORPUS_MIGRATIONS / "001_corpus.sql", old)
    path = tmp_path / "corpus.db"
    conn = await open_database(path, migrations_dir=old)
    await conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("k", "v"))
    await conn.close()
    assert version(path) == 1
    assert not GUILD_TABLES & tables(path)

    store = await IndexWriter.open(path)
    assert await store.meta_get("k") == "v"
    assert await legacy_row_counts(store) == {"legacy_guild_settings": 0, "legacy_daily_posts": 0}
    await store.close()
    assert version(path) == SCHEMA_VERSION


async def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    shutil.copy(CORPUS_MIGRATIONS / "001_corpus.sql", migrations)
    (migrations / "002_broken.sql").write_text(
        "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nCREATE TABLE oops (;\n",
        encoding="utf-8",
    )
    path = tmp_path / "corpus.db"
    with pytest.raises(StoreError, match=r"002_broken\.sql"):
        await open_database(path, migrations_dir=migrations)
    assert version(path) == 1
    assert "half_done" not in tables(path)
    assert "documents" in tables(path)


async def test_concurrent_openers_migrate_once(tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    conns = await asyncio.gather(*(open_database(path) for _ in range(4)))
    for conn in conns:
        await conn.close()
    assert version(path) == SCHEMA_VERSION


def test_migration_files_are_checked(tmp_path: Path) -> None:
    (tmp_path / "001_a.sql").write_text("SELECT 1;", encoding="utf-8")
    (tmp_path / "003_c.sql").write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(StoreError, match="without gaps"):
        find_migrations(tmp_path)
    (tmp_path / "notes.sql").write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(StoreError, match=r"NNN_name\.sql"):
        find_migrations(tmp_path)
    with pytest.raises(StoreError, match="not found"):
        find_migrations(tmp_path / "missing")


def test_split_statements_keeps_triggers_strings_and_comments_whole() -> None:
    script = """
        -- a comment; with a semicolon
        CREATE TABLE t (a TEXT DEFAULT 'x;y');
        CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN
            INSERT INTO t (a) SELECT 'z' WHERE 0;
            DELETE FROM t WHERE 0;
        END;
        /* block; comment */ CREATE INDEX t_a ON t (a);
        -- trailing comment
    """
    statements = split_statements(script)
    assert len(statements) == 3
    assert statements[0].endswith("DEFAULT 'x;y');")
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    conn = sqlite3.connect(":memory:")
    for statement in statements:
        conn.execute(statement)
    with pytest.raises(StoreError, match="unterminated"):
        split_statements("CREATE TABLE t (a); CREATE TABLE u (b)")
