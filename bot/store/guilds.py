"""Per-guild daily-post state (migration 002): the subscription and the ledger of posts.

`guild_settings` holds one subscription per guild: channel, local `HH:MM`, IANA zone, whether
it is on, and why it is paused. `updated_at` is when it was last written; a `/daily set`
writes it last, so it also says since when the current subscription holds.

`daily_posts` is the ledger, one row per (guild, local date) at most (its primary key). A row
means "a post for that day may exist": it is written (claimed) *before* the message is sent,
with `posted_at` the time of that first attempt, and confirmed with the message id after. A
row without a message id is in doubt: the send may or may not have reached Discord.

Times are ISO 8601 UTC strings, given by the caller (the bot's clock), never read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from bot.store.corpus_read import CorpusReader

_POST_COLUMNS = "guild_id, local_date, channel_id, message_id, nonce, posted_at"
_SETTINGS_COLUMNS = "guild_id, channel_id, post_time, timezone, enabled, paused_reason, updated_at"


@dataclass(frozen=True, slots=True)
class GuildSettings:
    guild_id: int
    channel_id: int | None
    post_time: str | None  # local 'HH:MM'
    timezone: str | None  # IANA name
    enabled: bool
    paused_reason: str | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class DailyPostRow:
    guild_id: int
    local_date: date
    channel_id: int | None
    message_id: int | None  # None: claimed, not (yet) confirmed
    nonce: str | None
    posted_at: datetime | None  # the first attempt, then the confirmation

    @property
    def confirmed(self) -> bool:
        return self.message_id is not None


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _moment(text: Any) -> datetime | None:
    return None if text is None else datetime.fromisoformat(str(text)).astimezone(UTC)


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _settings(row: Any) -> GuildSettings:
    return GuildSettings(
        guild_id=int(row[0]),
        channel_id=_optional_int(row[1]),
        post_time=row[2],
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


class GuildsStore(CorpusReader):
    # --- subscriptions ----------------------------------------------------------------------
    async def daily_subscribe(
        self, guild_id: int, channel_id: int, post_time: str, timezone: str, now: datetime
    ) -> None:
        """Set (or replace) the guild's subscription: on, not paused, holding from `now`."""
        await self._conn.execute(
            "INSERT INTO guild_settings (guild_id, channel_id, post_time, timezone, enabled, "
            "paused_reason, updated_at) VALUES (?, ?, ?, ?, 1, NULL, ?) "
            "ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, "
            "post_time = excluded.post_time, timezone = excluded.timezone, enabled = 1, "
            "paused_reason = NULL, updated_at = excluded.updated_at",
            (guild_id, channel_id, post_time, timezone, _stamp(now)),
        )

    async def daily_turn_off(self, guild_id: int, now: datetime) -> bool:
        """Stop the guild's daily post; False when it had none switched on."""
        async with self._conn.execute(
            "UPDATE guild_settings SET enabled = 0, updated_at = ? "
            "WHERE guild_id = ? AND enabled = 1",
            (_stamp(now), guild_id),
        ) as cursor:
            return cursor.rowcount == 1

    async def daily_pause(self, guild_id: int, reason: str, now: datetime) -> None:
        """Keep the subscription but stop posting until `/daily set` clears `reason`."""
        await self._conn.execute(
            "UPDATE guild_settings SET paused_reason = ?, updated_at = ? WHERE guild_id = ?",
            (reason, _stamp(now), guild_id),
        )

    async def daily_settings(self, guild_id: int) -> GuildSettings | None:
        row = await self._one(
            f"SELECT {_SETTINGS_COLUMNS} FROM guild_settings WHERE guild_id = ?", (guild_id,)
        )
        return None if row is None else _settings(row)

    async def daily_subscriptions(self) -> list[GuildSettings]:
        """Every switched-on, complete subscription, paused ones included."""
        rows = await self._rows(
            f"SELECT {_SETTINGS_COLUMNS} FROM guild_settings WHERE enabled = 1 "
            "AND channel_id IS NOT NULL AND post_time IS NOT NULL AND timezone IS NOT NULL "
            "ORDER BY guild_id"
        )
        return [_settings(row) for row in rows]

    # --- the ledger -------------------------------------------------------------------------
    async def daily_posts_since(self, first: date) -> list[DailyPostRow]:
        """Ledger rows of local dates from `first` on (every guild)."""
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
        """The latest confirmed post of the guild."""
        row = await self._one(
            f"SELECT {_POST_COLUMNS} FROM daily_posts WHERE guild_id = ? "
            "AND message_id IS NOT NULL ORDER BY local_date DESC LIMIT 1",
            (guild_id,),
        )
        return None if row is None else _post(row)

    async def daily_claim(
        self, guild_id: int, local_date: date, channel_id: int, nonce: str, now: datetime
    ) -> bool:
        """Write the day's row before sending; False when the day already has one."""
        async with self._conn.execute(
            "INSERT INTO daily_posts (guild_id, local_date, channel_id, message_id, nonce, "
            "posted_at) VALUES (?, ?, ?, NULL, ?, ?) "
            "ON CONFLICT (guild_id, local_date) DO NOTHING",
            (guild_id, local_date.isoformat(), channel_id, nonce, _stamp(now)),
        ) as cursor:
            return cursor.rowcount == 1

    async def daily_confirm(
        self, guild_id: int, local_date: date, message_id: int, now: datetime
    ) -> None:
        """The message exists: record its id (the day is done)."""
        await self._conn.execute(
            "UPDATE daily_posts SET message_id = ?, posted_at = ? "
            "WHERE guild_id = ? AND local_date = ?",
            (message_id, _stamp(now), guild_id, local_date.isoformat()),
        )

    async def daily_release(self, guild_id: int, local_date: date) -> None:
        """Drop an unconfirmed claim whose send certainly created nothing."""
        await self._conn.execute(
            "DELETE FROM daily_posts WHERE guild_id = ? AND local_date = ? AND message_id IS NULL",
            (guild_id, local_date.isoformat()),
        )
