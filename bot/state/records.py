"""What the state keeps, as typed records: a guild's subscription and its ledger rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """A guild's daily-post subscription. `updated_at` is when it was last written; `/daily
    set` writes it last, so it also says since when the current subscription holds."""

    guild_id: int
    channel_id: int | None
    post_time: time | None  # local wall-clock time, to the minute
    timezone: str | None  # IANA name
    enabled: bool
    paused_reason: str | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class DailyPostRow:
    """One ledger row: "a post for that day may exist". Written (claimed) before the message
    is sent, with `posted_at` the time of that first attempt, and confirmed with the message
    id after; a row without a message id is in doubt."""

    guild_id: int
    local_date: date
    channel_id: int | None
    message_id: int | None  # None: claimed, not (yet) confirmed
    nonce: str | None
    posted_at: datetime | None  # the first attempt, then the confirmation

    @property
    def confirmed(self) -> bool:
        return self.message_id is not None


@dataclass(frozen=True, slots=True)
class BotStateRow:
    key: str
    value: str
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class StateSnapshot:
    """Every row of the state, as `state export` writes it and `state import` reads it."""

    settings: list[GuildSettings]
    posts: list[DailyPostRow]
    bot_state: list[BotStateRow]
