"""The state in PostgreSQL (`DATABASE_URL`), for shard processes on several hosts.

The same `StateStore` as `SqliteState`, through an asyncpg pool. Every method is one statement,
atomic on its own: a claim is one `INSERT ... ON CONFLICT DO NOTHING` on the (guild, local
date) primary key, so of any number of processes claiming a day exactly one wins. asyncpg is
an optional extra (`pip install -e '.[postgres]'`): this module imports it only when opened.

Migrations (`db/state/postgres/NNN_name.sql`) run at open in one transaction that first takes
a transaction-scoped advisory lock, so processes starting together apply each once, in turn;
the applied version is kept in the database itself (`state_schema`).
"""

from __future__ import annotations

import asyncio
import importlib
from datetime import UTC, date, datetime, time
from typing import Any

from bot.domain.closing import AsyncClosing
from bot.state.records import BotStateRow, DailyPostRow, GuildSettings, StateSnapshot
from bot.state.url import PostgresUrl
from bot.store.database import MIGRATIONS_DIR, StoreError, find_migrations

POSTGRES_MIGRATIONS = MIGRATIONS_DIR / "state" / "postgres"
# pg_advisory_xact_lock keys: any constant that no other application on the server uses
MIGRATION_LOCK = 0x6D6D_0001
IDENTIFY_LOCK = 0x6D6D_0002  # with the bucket: pg_advisory_xact_lock(int, int)
_POST_COLUMNS = "guild_id, local_date, channel_id, message_id, nonce, posted_at"
_SETTINGS_COLUMNS = "guild_id, channel_id, post_time, timezone, enabled, paused_reason, updated_at"


class PostgresUnavailable(StoreError):
    """PostgreSQL cannot be reached or used; the message never holds the password."""


def _second(moment: datetime) -> datetime:
    """Kept to the second in UTC, as the SQLite state keeps it."""
    return moment.astimezone(UTC).replace(microsecond=0)


def _moment(value: Any) -> datetime | None:
    return None if value is None else value.astimezone(UTC)


def _optional_second(moment: datetime | None) -> datetime | None:
    return None if moment is None else _second(moment)


def _settings(row: Any) -> GuildSettings:
    return GuildSettings(
        guild_id=int(row["guild_id"]),
        channel_id=row["channel_id"],
        post_time=row["post_time"],
        timezone=row["timezone"],
        enabled=bool(row["enabled"]),
        paused_reason=row["paused_reason"],
        updated_at=_moment(row["updated_at"]),
    )


def _post(row: Any) -> DailyPostRow:
    return DailyPostRow(
        guild_id=int(row["guild_id"]),
        local_date=row["local_date"],
        channel_id=row["channel_id"],
        message_id=row["message_id"],
        nonce=row["nonce"],
        posted_at=_moment(row["posted_at"]),
    )


def _changed(status: str) -> int:
    """The row count of a command tag: 'INSERT 0 1' -> 1, 'UPDATE 0' -> 0."""
    return int(status.rsplit(" ", 1)[-1])


def asyncpg_module() -> Any:
    try:
        return importlib.import_module("asyncpg")
    except ImportError:
        raise PostgresUnavailable(
            "DATABASE_URL needs asyncpg: pip install -e '.[postgres]'"
        ) from None


class PostgresState(AsyncClosing):
    """`StateStore` over a PostgreSQL database: a small asyncpg pool."""

    def __init__(self, pool: Any, url: PostgresUrl) -> None:
        self._pool = pool
        self.url = url

    @classmethod
    async def open(cls, url: PostgresUrl, *, max_connections: int = 4) -> PostgresState:
        """Connect and bring the schema up to date. Raises PostgresUnavailable, with the URL
        shown without its password, when the server cannot be reached or refuses."""
        asyncpg = asyncpg_module()
        try:
            pool = await asyncpg.create_pool(
                url.secret, min_size=1, max_size=max_connections, command_timeout=30
            )
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            raise PostgresUnavailable(url.scrub(f"cannot connect to {url}: {error}")) from None
        try:
            await migrate(pool, url)
        except BaseException:
            await pool.close()
            raise
        return cls(pool, url)

    async def close(self) -> None:
        await self._pool.close()

    async def _change(self, sql: str, *parameters: Any) -> int:
        return _changed(str(await self._pool.execute(sql, *parameters)))

    # --- subscriptions ------------------------------------------------------------------
    async def daily_subscribe(
        self, guild_id: int, channel_id: int, post_time: time, timezone: str, now: datetime
    ) -> None:
        await self._change(
            "INSERT INTO guild_settings (guild_id, channel_id, post_time, timezone, enabled, "
            "paused_reason, updated_at) VALUES ($1, $2, $3, $4, TRUE, NULL, $5) "
            "ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, "
            "post_time = excluded.post_time, timezone = excluded.timezone, enabled = TRUE, "
            "paused_reason = NULL, updated_at = excluded.updated_at",
            guild_id,
            channel_id,
            post_time.replace(second=0, microsecond=0, tzinfo=None),
            timezone,
            _second(now),
        )

    async def daily_turn_off(self, guild_id: int, now: datetime) -> bool:
        changed = await self._change(
            "UPDATE guild_settings SET enabled = FALSE, updated_at = $1 "
            "WHERE guild_id = $2 AND enabled",
            _second(now),
            guild_id,
        )
        return changed == 1

    async def daily_pause(self, guild_id: int, reason: str, now: datetime) -> None:
        await self._change(
            "UPDATE guild_settings SET paused_reason = $1, updated_at = $2 WHERE guild_id = $3",
            reason,
            _second(now),
            guild_id,
        )

    async def daily_settings(self, guild_id: int) -> GuildSettings | None:
        row = await self._pool.fetchrow(
            f"SELECT {_SETTINGS_COLUMNS} FROM guild_settings WHERE guild_id = $1", guild_id
        )
        return None if row is None else _settings(row)

    async def daily_subscriptions(self) -> list[GuildSettings]:
        rows = await self._pool.fetch(
            f"SELECT {_SETTINGS_COLUMNS} FROM guild_settings WHERE enabled "
            "AND channel_id IS NOT NULL AND post_time IS NOT NULL AND timezone IS NOT NULL "
            "ORDER BY guild_id"
        )
        return [_settings(row) for row in rows]

    # --- the ledger ---------------------------------------------------------------------
    async def daily_posts_since(self, first: date) -> list[DailyPostRow]:
        rows = await self._pool.fetch(
            f"SELECT {_POST_COLUMNS} FROM daily_posts WHERE local_date >= $1 "
            "ORDER BY guild_id, local_date",
            first,
        )
        return [_post(row) for row in rows]

    async def daily_post_row(self, guild_id: int, local_date: date) -> DailyPostRow | None:
        row = await self._pool.fetchrow(
            f"SELECT {_POST_COLUMNS} FROM daily_posts WHERE guild_id = $1 AND local_date = $2",
            guild_id,
            local_date,
        )
        return None if row is None else _post(row)

    async def daily_last_post(self, guild_id: int) -> DailyPostRow | None:
        row = await self._pool.fetchrow(
            f"SELECT {_POST_COLUMNS} FROM daily_posts WHERE guild_id = $1 "
            "AND message_id IS NOT NULL ORDER BY local_date DESC LIMIT 1",
            guild_id,
        )
        return None if row is None else _post(row)

    async def daily_claim(
        self, guild_id: int, local_date: date, channel_id: int, nonce: str, now: datetime
    ) -> bool:
        claimed = await self._change(
            "INSERT INTO daily_posts (guild_id, local_date, channel_id, message_id, nonce, "
            "posted_at) VALUES ($1, $2, $3, NULL, $4, $5) "
            "ON CONFLICT (guild_id, local_date) DO NOTHING",
            guild_id,
            local_date,
            channel_id,
            nonce,
            _second(now),
        )
        return claimed == 1

    async def daily_confirm(
        self, guild_id: int, local_date: date, message_id: int, now: datetime
    ) -> None:
        await self._change(
            "UPDATE daily_posts SET message_id = $1, posted_at = $2 "
            "WHERE guild_id = $3 AND local_date = $4",
            message_id,
            _second(now),
            guild_id,
            local_date,
        )

    async def daily_release(self, guild_id: int, local_date: date) -> None:
        await self._change(
            "DELETE FROM daily_posts WHERE guild_id = $1 AND local_date = $2 "
            "AND message_id IS NULL",
            guild_id,
            local_date,
        )

    # --- export and import --------------------------------------------------------------
    async def snapshot(self) -> StateSnapshot:
        async with self._pool.acquire() as conn, conn.transaction(isolation="repeatable_read"):
            settings = await conn.fetch(
                f"SELECT {_SETTINGS_COLUMNS} FROM guild_settings ORDER BY guild_id"
            )
            posts = await conn.fetch(
                f"SELECT {_POST_COLUMNS} FROM daily_posts ORDER BY guild_id, local_date"
            )
            keys = await conn.fetch("SELECT key, value, updated_at FROM bot_state ORDER BY key")
        return StateSnapshot(
            settings=[_settings(row) for row in settings],
            posts=[_post(row) for row in posts],
            bot_state=[
                BotStateRow(str(r["key"]), str(r["value"]), _moment(r["updated_at"])) for r in keys
            ],
        )

    async def restore(self, snapshot: StateSnapshot) -> int:
        added = 0
        async with self._pool.acquire() as conn, conn.transaction():
            for s in snapshot.settings:
                added += _changed(
                    await conn.execute(
                        f"INSERT INTO guild_settings ({_SETTINGS_COLUMNS}) VALUES "
                        "($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                        s.guild_id,
                        s.channel_id,
                        s.post_time,
                        s.timezone,
                        s.enabled,
                        s.paused_reason,
                        _optional_second(s.updated_at),
                    )
                )
            for p in snapshot.posts:
                added += _changed(
                    await conn.execute(
                        f"INSERT INTO daily_posts ({_POST_COLUMNS}) VALUES "
                        "($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                        p.guild_id,
                        p.local_date,
                        p.channel_id,
                        p.message_id,
                        p.nonce,
                        _optional_second(p.posted_at),
                    )
                )
            for b in snapshot.bot_state:
                added += _changed(
                    await conn.execute(
                        "INSERT INTO bot_state (key, value, updated_at) VALUES ($1, $2, $3) "
                        "ON CONFLICT DO NOTHING",
                        b.key,
                        b.value,
                        _optional_second(b.updated_at) or _second(datetime.now(UTC)),
                    )
                )
        return added

    # --- the bot's own state ------------------------------------------------------------
    async def state_get(self, key: str) -> str | None:
        value = await self._pool.fetchval("SELECT value FROM bot_state WHERE key = $1", key)
        return None if value is None else str(value)

    async def state_set(self, key: str, value: str) -> None:
        await self._change(
            "INSERT INTO bot_state (key, value, updated_at) VALUES ($1, $2, $3) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at",
            key,
            value,
            _second(datetime.now(UTC)),
        )

    # --- turns to IDENTIFY -------------------------------------------------------------
    async def identify_turn(self, bucket: int, spacing: float) -> float:
        """Wait until `spacing` seconds have passed since any process on this database last
        took bucket `bucket`'s turn, then take it; the seconds waited. The advisory lock
        makes processes starting together queue for the same bucket, one at a time."""
        asyncpg = asyncpg_module()
        try:
            return await self._take_turn(bucket, spacing)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            raise PostgresUnavailable(self.url.scrub(f"{self.url}: {error}")) from None

    async def _take_turn(self, bucket: int, spacing: float) -> float:
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1, $2)", IDENTIFY_LOCK, bucket)
            wait = await conn.fetchval(
                "SELECT greatest(0, extract(epoch FROM last_at - clock_timestamp())::float8 "
                "+ $2::float8) FROM identify_turns WHERE bucket = $1",
                bucket,
                spacing,
            )
            waited = 0.0 if wait is None else float(wait)
            if waited > 0:
                await asyncio.sleep(waited)
            await conn.execute(
                "INSERT INTO identify_turns (bucket, last_at) VALUES ($1, clock_timestamp()) "
                "ON CONFLICT (bucket) DO UPDATE SET last_at = excluded.last_at",
                bucket,
            )
        return waited


async def migrate(pool: Any, url: PostgresUrl) -> int:
    """Apply the migrations not yet applied, in one transaction under the migration lock; the
    schema version after. A database newer than this code is refused, never touched."""
    migrations = find_migrations(POSTGRES_MIGRATIONS)
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS state_schema (version INTEGER NOT NULL, "
            "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        current = int(await conn.fetchval("SELECT coalesce(max(version), 0) FROM state_schema"))
        if current > len(migrations):
            raise StoreError(
                f"the state database {url} is at schema version {current}, newer than this "
                f"version of the bot knows ({len(migrations)}): upgrade the bot"
            )
        for migration in migrations[current:]:
            await conn.execute(migration.path.read_text(encoding="utf-8"))
            await conn.execute("INSERT INTO state_schema (version) VALUES ($1)", migration.version)
        return max(current, len(migrations))
