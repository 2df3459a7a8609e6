"""Several processes on one state (a file, or PostgreSQL): each day claimed once, and with
SQLite no "database is locked", whatever the interleaving.

Each write takes the write lock first (`BEGIN IMMEDIATE`) on a connection that holds no read,
so it waits on the busy timeout instead of failing at once with SQLITE_BUSY_SNAPSHOT; reads
hold no snapshot across an await.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from bot.state import SqliteState
from tests.state.engines import Engine

NOW = datetime(2026, 6, 21, 9, tzinfo=UTC)
DAY = date(2026, 6, 21)
GUILDS = 60


async def _shard(engine: Engine, shard: int, shards: int) -> int:
    """Read the subscriptions and claim, confirm and pause, as a scheduler pass does, with
    reads and writes interleaved across concurrent tasks on the same store."""
    claimed = 0
    state = await engine.open()
    try:

        async def one(guild_id: int) -> bool:
            await state.daily_posts_since(DAY - timedelta(days=2))  # a read before the write
            if not await state.daily_claim(guild_id, DAY, guild_id * 10, "n", NOW):
                return False
            await state.daily_settings(guild_id)
            await state.daily_confirm(guild_id, DAY, guild_id * 100, NOW)
            await state.state_set(f"shard:{shard}", str(guild_id))
            return True

        for _ in range(3):  # every process claims every guild: exactly one claim may win
            rows = await state.daily_subscriptions()
            results = await asyncio.gather(*(one(row.guild_id) for row in rows))
            claimed += sum(results)
    finally:
        await state.close()
    return claimed


def shard_process(engine: Engine, shard: int, shards: int) -> int:
    return asyncio.run(_shard(engine, shard, shards))


async def test_two_processes_share_one_state_without_locked_errors(engine: Engine) -> None:
    state = await engine.open()
    for guild_id in range(1, GUILDS + 1):
        await state.daily_subscribe(guild_id, guild_id * 10, time(9), "UTC", NOW)
    await state.close()

    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(2) as pool:
        claims = await asyncio.to_thread(
            pool.starmap, shard_process, [(engine, 0, 2), (engine, 1, 2)]
        )  # a "database is locked" in either process would raise here
    assert sum(claims) == GUILDS  # each day claimed once, across both processes

    state = await engine.open()
    rows = await state.daily_posts_since(DAY)
    await state.close()
    assert len(rows) == GUILDS and all(row.confirmed for row in rows)


async def test_a_write_waits_for_another_writer_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    async with await SqliteState.open(path) as state:
        await state.daily_subscribe(1, 10, time(9), "UTC", NOW)
        other = sqlite3.connect(path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # another process is writing
            reading = asyncio.create_task(state.daily_subscriptions())
            writing = asyncio.create_task(state.daily_claim(1, DAY, 10, "n", NOW))
            assert len(await reading) == 1  # reads go on meanwhile
            await asyncio.sleep(0.3)
            assert not writing.done()  # the write waits on the busy timeout
            other.execute("COMMIT")
            assert await writing is True
        finally:
            other.close()
