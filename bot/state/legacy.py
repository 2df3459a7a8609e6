"""Moving the state out of a corpus database written by an older version.

Before the split, the guild settings, the daily ledger and the bot state lived inside the
corpus file. Corpus migration 005 renames those tables `legacy_*` (it never drops them); the
first start with a state file copies their rows over and only then drops them, in two steps:
the copy commits in the state file first, so a crash between the steps loses nothing, and
copying again skips the rows already there (the state file's rows win).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import aiosqlite

from bot.store.database import open_database

log = logging.getLogger(__name__)

# table -> its columns, as both the old corpus migrations and the state's 001 define them
_TABLES = {
    "guild_settings": "guild_id, channel_id, post_time, timezone, enabled, paused_reason, "
    "updated_at",
    "daily_posts": "guild_id, local_date, channel_id, message_id, nonce, posted_at",
    "bot_state": "key, value, updated_at",
}


async def move_legacy_state(state: aiosqlite.Connection, corpus: Path) -> int:
    """Copy the `legacy_*` tables of the corpus file into `state`, then drop them there; the
    rows copied. Does nothing when the corpus file does not exist or holds none."""
    if not await asyncio.to_thread(corpus.is_file):
        return 0
    await (await open_database(corpus)).close()  # migration 005 names the old tables legacy_*
    await state.execute("ATTACH DATABASE ? AS legacy", (str(corpus),))
    try:
        async with state.execute(
            "SELECT name FROM legacy.sqlite_master WHERE type = 'table' AND name LIKE 'legacy_%'"
        ) as cursor:
            present = {str(row[0]) for row in await cursor.fetchall()}
        tables = [table for table in _TABLES if f"legacy_{table}" in present]
        if not tables:
            return 0
        moved = await _copy(state, tables)
        await _drop(state, tables)
    finally:
        await state.execute("DETACH DATABASE legacy")
    if moved:
        log.info("moved %d row(s) of guild settings and bot state from %s", moved, corpus)
    return moved


async def _copy(state: aiosqlite.Connection, tables: list[str]) -> int:
    moved = 0
    await state.execute("BEGIN IMMEDIATE")
    try:
        for table in tables:  # names from _TABLES, never from outside
            columns = _TABLES[table]
            async with state.execute(
                f"INSERT OR IGNORE INTO main.{table} ({columns}) "
                f"SELECT {columns} FROM legacy.legacy_{table}"
            ) as cursor:
                moved += max(cursor.rowcount, 0)
        await state.execute("COMMIT")
    except BaseException:
        await state.execute("ROLLBACK")
        raise
    return moved


async def _drop(state: aiosqlite.Connection, tables: list[str]) -> None:
    await state.execute("BEGIN IMMEDIATE")
    try:
        for table in tables:
            await state.execute(f"DROP TABLE legacy.legacy_{table}")
        await state.execute("COMMIT")
    except BaseException:
        await state.execute("ROLLBACK")
        raise
