"""The state in its own SQLite file (`STATE_PATH`, by default `state.db` beside the corpus).

Several processes (shards) may share the file. So that none of them ever sees "database is
locked", reads and writes go through separate connections:

- every write runs in `BEGIN IMMEDIATE` ... `COMMIT` on the writer connection, which holds no
  open read, one write at a time per process (a lock): the write lock is taken first, waiting
  on the busy timeout while another process writes, and no snapshot can go stale under it;
- every read runs on the reader connection in autocommit mode and fetches all its rows at
  once, so it never holds a snapshot across an await.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import aiosqlite

from bot.domain.closing import AsyncClosing
from bot.state.legacy import move_legacy_state
from bot.state.records import BotStateRow, DailyPostRow, GuildSettings, StateSnapshot
from bot.store.database import STATE_MIGRATIONS, open_database

_POST_COLUMNS = "guild_id, local_date, channel_id, message_id, nonce, posted_at"
_SETTINGS_COLUMNS = "guild_id, channel_id, post_time, timezone, enabled, paused_reason, updated_at"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _moment(text: Any) -> datetime | None:
    return None if text is None else datetime.fromisoformat(str(text)).astimezone(UTC)


def _clock_time(text: Any) -> time | None:
    """The stored 'HH:MM'; None for anything else (no row this bot wrote holds anything else)."""
    try:
        return None if text is None else time.fromisoformat(str(text))
    except ValueError:
        return None


def _optional_stamp(moment: datetime | None) -> str | None:
    return None if moment is None else _stamp(moment)


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _settings(row: Any) -> GuildSettings:
    return GuildSettings(
        guild_id=int(row[0]),
        channel_id=_optional_int(row[1]),
        post_time=_clock_time(row[2]),
        timezone=row[3],
        enabled=bool(row[4]),
        paused_reason=row[5],
        updated_at=_moment(row[6]),
    )


def _post(row: Any) -> DailyPostRow:
    return DailyPostRow(
        guild_id=int(row[0]),
        local_date=date.fromisoformat(str(row[1])),
        channel_id=_optional_int(row[2]),
        message_id=_optional_int(row[3]),
        nonce=row[4],
        posted_at=_moment(row[5]),
    )


class SqliteState(AsyncClosing):
    """`StateStore` over one SQLite file: a reader and a writer connection."""

    def __init__(self, reader: aiosqlite.Connection, writer: aiosqlite.Connection) -> None:
        self._reader = reader
        self._writer = writer
        self._one_writer = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str, *, legacy_corpus: Path | None = None) -> SqliteState:
        """Open (creating, checking and migrating) the state file. With `legacy_corpus`, the
        guild tables an older version kept inside that corpus file move here first."""
        writer = await open_database(path, migrations_dir=STATE_MIGRATIONS, check=True)
        try:
            if legacy_corpus is not None:
                await move_legacy_state(writer, legacy_corpus)
            reader = await open_database(path, migrations_dir=STATE_MIGRATIONS)
        except BaseException:
            await writer.close()
            raise
        return cls(reader, writer)

    async def close(self) -> None:
        async with self._one_writer:
            await self._writer.close()
        await self._reader.close()

    # --- the two paths to the file ------------------------------------------------------
    async def _rows(self, sql: str, parameters: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        async with self._reader.execute(sql, tuple(parameters)) as cursor:
            return list(await cursor.fetchall())

    async def _one(self, sql: str, parameters: Iterable[Any] = ()) -> aiosqlite.Row | None:
        rows = await self._rows(sql, parameters)
        return rows[0] if rows else None

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._one_writer:
            await self._writer.execute("BEGIN IMMEDIATE")
            try:
                yield self._writer
                await self._writer.execute("COMMIT")
            except BaseException:
                if self._writer.in_transaction:
                    await self._writer.execute("ROLLBACK")
                raise

    async def _change(self, sql: str, parameters: Iterable[Any]) -> int:
        """Run one writing statement in its own transaction: the rows it changed."""
        async with self._write() as conn, conn.execute(sql, tuple(parameters)) as cursor:
            return cursor.rowcount

    # --- subscriptions ------------------------------------------------------------------
    async def daily_subscribe(
        self, guild_id: int, channel_id: int, post_time: time, timezone: str, now: datetime
    ) -> None:
        await self._change(
            "INSERT INTO guild_settings (guild_id, channel_id, post_time, timezone, enabled, "
            "paused_reason, updated_at) VALUES (?, ?, ?, ?, 1, NULL, ?) "
            "ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, "
            "post_time = excluded.post_time, timezone = excluded.timezone, enabled = 1, "
            "paused_reason = NULL, updated_at = excluded.updated_at",
            (guild_id, channel_id, f"{post_time:%H:%M}", timezone, _stamp(now)),
        )

    async def daily_turn_off(self, guild_id: int, now: datetime) -> bool:
        changed = await self._change(
            "UPDATE guild_settings SET enabled = 0, updated_at = ? "
            "WHERE guild_id = ? AND enabled = 1",
            (_stamp(now), guild_id),
        )
        return changed == 1

    async def daily_pause(self, guild_id: int, reason: str, now: datetime) -> None:
        await self._change(
            "UPDATE guild_settings SET paused_reason = ?, updated_at = ? WHERE guild_id = ?",
            (reason, _stamp(now), guild_id),
        )

    async def daily_settings(self, guild_id: int) -> GuildSettings | None:
        row = await self._one(
            f"SELECT {_SETTINGS_COLUMNS} FROM guild_settings WHERE guild_id = ?", (guild_id,)
        )
        return None if row is None else _settings(row)

    async def daily_subscriptions(self) -> list[GuildSettings]:
        rows = await self._rows(
            f"SELECT {_SETTINGS_COLUMNS} FROM guild_settings WHERE enabled = 1 "
            "AND channel_id IS NOT NULL AND post_time IS NOT NULL AND timezone IS NOT NULL "
            "ORDER BY guild_id"
        )
        return [_settings(row) for row in rows]

    # --- the ledger ---------------------------------------------------------------------
    async def daily_posts_since(self, first: date) -> list[DailyPostRow]:
        rows = await self._rows(
            f"SELECT {_POST_COLUMNS} FROM daily_posts WHERE local_date >= ? "
            "ORDER BY guild_id, local_date",
            (first.isoformat(),),
        )
        return [_post(row) for row in rows]

    async def daily_post_row(self, guild_id: int, local_date: date) -> DailyPostRow | None:
        row = await self._one(
            f"SELECT {_POST_COLUMNS} FROM daily_posts WHERE guild_id = ? AND local_date = ?",
            (guild_id, local_date.isoformat()),
        )
        return None if row is None else _post(row)

    async def daily_last_post(self, guild_id: int) -> DailyPostRow | None:
        row = await self._one(
            f"SELECT {_POST_COLUMNS} FROM daily_posts WHERE guild_id = ? "
            "AND message_id IS NOT NULL ORDER BY local_date DESC LIMIT 1",
            (guild_id,),
        )
        return None if row is None else _post(row)

    async def daily_claim(
        self, guild_id: int, local_date: date, channel_id: int, nonce: str, now: datetime
    ) -> bool:
        claimed = await self._change(
            "INSERT INTO daily_posts (guild_id, local_date, channel_id, message_id, nonce, "
            "posted_at) VALUES (?, ?, ?, NULL, ?, ?) "
            "ON CONFLICT (guild_id, local_date) DO NOTHING",
            (guild_id, local_date.isoformat(), channel_id, nonce, _stamp(now)),
        )
        return claimed == 1

    async def daily_confirm(
        self, guild_id: int, local_date: date, message_id: int, now: datetime
    ) -> None:
        await self._change(
            "UPDATE daily_posts SET message_id = ?, posted_at = ? "
            "WHERE guild_id = ? AND local_date = ?",
            (message_id, _stamp(now), guild_id, local_date.isoformat()),
        )

    async def daily_release(self, guild_id: int, local_date: date) -> None:
        await self._change(
            "DELETE FROM daily_posts WHERE guild_id = ? AND local_date = ? AND message_id IS NULL",
            (guild_id, local_date.isoformat()),
        )

    # --- export and import --------------------------------------------------------------
    async def snapshot(self) -> StateSnapshot:
        settings = await self._rows(f"SELECT {_SETTINGS_COLUMNS} FROM guild_settings ORDER BY 1")
        posts = await self._rows(f"SELECT {_POST_COLUMNS} FROM daily_posts ORDER BY 1, 2")
        keys = await self._rows("SELECT key, value, updated_at FROM bot_state ORDER BY key")
        return StateSnapshot(
            settings=[_settings(row) for row in settings],
            posts=[_post(row) for row in posts],
            bot_state=[BotStateRow(str(r[0]), str(r[1]), _moment(r[2])) for r in keys],
        )

    async def restore(self, snapshot: StateSnapshot) -> int:
        added = 0
        async with self._write() as conn:
            for s in snapshot.settings:
                async with conn.execute(
                    f"INSERT OR IGNORE INTO guild_settings ({_SETTINGS_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        s.guild_id,
                        s.channel_id,
                        None if s.post_time is None else f"{s.post_time:%H:%M}",
                        s.timezone,
                        int(s.enabled),
                        s.paused_reason,
                        _optional_stamp(s.updated_at),
                    ),
                ) as cursor:
                    added += max(cursor.rowcount, 0)
            for p in snapshot.posts:
                async with conn.execute(
                    f"INSERT OR IGNORE INTO daily_posts ({_POST_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        p.guild_id,
                        p.local_date.isoformat(),
                        p.channel_id,
                        p.message_id,
                        p.nonce,
                        _optional_stamp(p.posted_at),
                    ),
                ) as cursor:
                    added += max(cursor.rowcount, 0)
            for b in snapshot.bot_state:
                async with conn.execute(
                    "INSERT OR IGNORE INTO bot_state (key, value, updated_at) VALUES (?, ?, ?)",
                    (b.key, b.value, _optional_stamp(b.updated_at) or _stamp(datetime.now(UTC))),
                ) as cursor:
                    added += max(cursor.rowcount, 0)
        return added

    # --- the bot's own state ------------------------------------------------------------
    async def state_get(self, key: str) -> str | None:
        row = await self._one("SELECT value FROM bot_state WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    async def state_set(self, key: str, value: str) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        await self._change(
            "INSERT INTO bot_state (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at",
            (key, value, now),
        )
