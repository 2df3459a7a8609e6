"""The state: guild settings, the daily ledger and the bot's own state. Never lost.

It lives apart from the corpus index (which is rebuilt at will) behind the narrow async
`StateStore` interface; `SqliteState` keeps it in its own SQLite file, `PostgresState`
(bot.state.postgres, imported only with DATABASE_URL: asyncpg is an optional extra) in a
PostgreSQL database that shard processes on several hosts share.
"""

from bot.state.interface import (
    BotState,
    DailyLedger,
    GuildSettingsStore,
    StateStore,
    TransferableState,
)
from bot.state.records import BotStateRow, DailyPostRow, GuildSettings, StateSnapshot
from bot.state.sqlite import SqliteState

__all__ = [
    "BotState",
    "BotStateRow",
    "DailyLedger",
    "DailyPostRow",
    "GuildSettings",
    "GuildSettingsStore",
    "SqliteState",
    "StateSnapshot",
    "StateStore",
    "TransferableState",
]
