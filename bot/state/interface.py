"""The state's interface: narrow, async and typed, so that another database (PostgreSQL, for
shard processes on several hosts) is a second class beside `SqliteState`, not a rewrite.

The daily post's times are given by the caller (the bot's clock), never read by a store. Each
write is atomic on its own; none depends on a transaction the caller holds open.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Protocol, runtime_checkable

from bot.state.records import DailyPostRow, GuildSettings, StateSnapshot


class GuildSettingsStore(Protocol):
    async def daily_settings(self, guild_id: int) -> GuildSettings | None: ...

    async def daily_subscriptions(self) -> list[GuildSettings]:
        """Every switched-on, complete subscription, paused ones included, by guild id."""
        ...

    async def daily_subscribe(
        self, guild_id: int, channel_id: int, post_time: time, timezone: str, now: datetime
    ) -> None:
        """Set (or replace) the guild's subscription: on, not paused, holding from `now`."""
        ...

    async def daily_turn_off(self, guild_id: int, now: datetime) -> bool:
        """Stop the guild's daily post; False when it had none switched on."""
        ...

    async def daily_pause(self, guild_id: int, reason: str, now: datetime) -> None:
        """Keep the subscription but stop posting until `/daily set` clears `reason`."""
        ...


class DailyLedger(Protocol):
    """At most one row per (guild, local date): the ledger's guarantee of one post a day."""

    async def daily_posts_since(self, first: date) -> list[DailyPostRow]:
        """Rows of local dates from `first` on (every guild), by guild then date."""
        ...

    async def daily_post_row(self, guild_id: int, local_date: date) -> DailyPostRow | None: ...

    async def daily_last_post(self, guild_id: int) -> DailyPostRow | None:
        """The latest confirmed post of the guild."""
        ...

    async def daily_claim(
        self, guild_id: int, local_date: date, channel_id: int, nonce: str, now: datetime
    ) -> bool:
        """Write the day's row before sending; False when the day already has one."""
        ...

    async def daily_confirm(
        self, guild_id: int, local_date: date, message_id: int, now: datetime
    ) -> None:
        """The message exists: record its id (the day is done)."""
        ...

    async def daily_release(self, guild_id: int, local_date: date) -> None:
        """Drop an unconfirmed claim whose send certainly created nothing."""
        ...


class BotState(Protocol):
    """The bot's own small key -> value state (say, the hash of the last synced commands)."""

    async def state_get(self, key: str) -> str | None: ...

    async def state_set(self, key: str, value: str) -> None: ...


class StateStore(GuildSettingsStore, DailyLedger, BotState, Protocol):
    async def close(self) -> None: ...


@runtime_checkable
class IdentifyTurns(Protocol):
    """A state shared by processes on several hosts (PostgreSQL) also spaces their gateway
    IDENTIFYs; a state without it (SQLite) leaves that to discord.py, within one process."""

    async def identify_turn(self, bucket: int, spacing: float) -> float:
        """Wait until `spacing` seconds after the last turn of `bucket`, by any process, then
        take it: the seconds waited."""
        ...


class TransferableState(StateStore, Protocol):
    """What `minimax-bot state export|import` needs beside: every row out, rows in."""

    async def snapshot(self) -> StateSnapshot:
        """Every row of every table, guild settings switched off included."""
        ...

    async def restore(self, snapshot: StateSnapshot) -> int:
        """Add the rows this state lacks, in one transaction; rows already here are kept.
        The rows added."""
        ...
