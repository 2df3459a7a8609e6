"""A database from before the split (guild tables inside the corpus) is split on first start:
every row moves to the state file, the corpus keeps its index, and nothing is lost."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime, time
from pathlib import Path

from bot.state import SqliteState
from bot.store import CorpusStore
from bot.store.database import CORPUS_MIGRATIONS, open_database
from tests.store.raw import LEGACY_GUILD_TABLES

NOW = datetime(2026, 6, 21, 9, tzinfo=UTC)
DAY = date(2026, 6, 21)


async def single_file_database(tmp_path: Path) -> Path:
    """A database as the version before the split wrote it: corpus migrations 001-004 only,
    with guild settings, a ledger and the bot state in it."""
    old = tmp_path / "old_migrations"
    old.mkdir()
    for number in ("001_corpus", "002_guilds", "003_bot_state", "004_query_indexes"):
        shutil.copy(CORPUS_MIGRATIONS / f"{number}.sql", old)
    db = tmp_path / "minimax.db"
    conn = await open_database(db, migrations_dir=old)
    await conn.executemany(
        "INSERT INTO guild_settings (guild_id, channel_id, post_time, timezone, enabled,"
        " paused_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (1, 10, "09:00", "Europe/London", 1, None, "2026-06-01T00:00:00+00:00"),
            (2, 20, "18:30", "Asia/Kolkata", 1, "channel deleted", "2026-06-02T00:00:00+00:00"),
            (3, 30, "07:15", "UTC", 0, None, "2026-06-03T00:00:00+00:00"),
        ],
    )
    await conn.execute(
        "INSERT INTO daily_posts (guild_id, local_date, channel_id, message_id, nonce, posted_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (1, DAY.isoformat(), 10, 555, "n", "2026-06-21T08:00:00+00:00"),
    )
    await conn.execute(
        "INSERT INTO bot_state (key, value, updated_at) VALUES (?, ?, ?)",
        ("commands_sha256:global:1", "abc", "2026-06-01T00:00:00+00:00"),
    )
    await conn.execute("INSERT INTO meta (key, value) VALUES ('kept', 'x')")
    await conn.close()
    return db


def table_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(row[0]) for row in rows}


async def test_the_first_start_moves_every_row_and_loses_nothing(tmp_path: Path) -> None:
    db = await single_file_database(tmp_path)
    state_path = tmp_path / "state.db"
    async with await SqliteState.open(state_path, legacy_corpus=db) as state:
        london = await state.daily_settings(1)
        assert london is not None and london.post_time == time(9)
        assert london.timezone == "Europe/London" and london.enabled
        paused = await state.daily_settings(2)
        assert paused is not None and paused.paused_reason == "channel deleted"
        assert paused.post_time == time(18, 30)
        off = await state.daily_settings(3)
        assert off is not None and not off.enabled
        assert [s.guild_id for s in await state.daily_subscriptions()] == [1, 2]
        row = await state.daily_post_row(1, DAY)
        assert row is not None and row.confirmed and row.message_id == 555
        assert await state.state_get("commands_sha256:global:1") == "abc"

    names = table_names(db)
    assert not {"guild_settings", "daily_posts", "bot_state"} & names
    assert not {*LEGACY_GUILD_TABLES, "legacy_bot_state"} & names
    async with await CorpusStore.open(db) as corpus:  # the index itself is untouched
        assert await corpus.meta_get("kept") == "x"


async def test_a_second_start_changes_nothing_and_newer_state_wins(tmp_path: Path) -> None:
    db = await single_file_database(tmp_path)
    state_path = tmp_path / "state.db"
    async with await SqliteState.open(state_path, legacy_corpus=db) as state:
        await state.daily_subscribe(1, 11, time(10), "UTC", NOW)
    async with await SqliteState.open(state_path, legacy_corpus=db) as state:
        settings = await state.daily_settings(1)
        assert settings is not None and settings.channel_id == 11
        assert len(await state.daily_subscriptions()) == 2


async def test_a_copy_interrupted_before_the_drop_is_finished_next_time(tmp_path: Path) -> None:
    """Killed after the copy committed but before the old tables were dropped: the next
    start copies again (skipping what is there, keeping what changed since) and drops."""
    db = await single_file_database(tmp_path)
    state_path = tmp_path / "state.db"
    async with await SqliteState.open(state_path, legacy_corpus=db) as state:
        await state.daily_subscribe(1, 11, time(10), "UTC", NOW)
    with sqlite3.connect(db) as conn:  # the old tables back, as if never dropped
        conn.execute(
            "CREATE TABLE legacy_guild_settings (guild_id INTEGER PRIMARY KEY, channel_id INTEGER,"
            " post_time TEXT, timezone TEXT, enabled INTEGER NOT NULL DEFAULT 1,"
            " paused_reason TEXT, updated_at TEXT)"
        )
        conn.execute(
            "INSERT INTO legacy_guild_settings VALUES (1, 10, '09:00', 'Europe/London', 1,"
            " NULL, NULL), (4, 40, '06:00', 'UTC', 1, NULL, NULL)"
        )
    async with await SqliteState.open(state_path, legacy_corpus=db) as state:
        kept = await state.daily_settings(1)
        assert kept is not None and kept.channel_id == 11  # the state file's row wins
        assert await state.daily_settings(4) is not None
    assert "legacy_guild_settings" not in table_names(db)


async def test_without_a_corpus_file_the_state_opens_alone(tmp_path: Path) -> None:
    async with await SqliteState.open(tmp_path / "state.db", legacy_corpus=tmp_path / "no.db"):
        pass
    assert not (tmp_path / "no.db").exists()
