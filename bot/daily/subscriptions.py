"""A guild's subscription: the admin's input checked, and the stored row made usable.

`/daily set` takes a local time as `HH:MM` (24-hour) and an IANA time zone; anything else gets
a short message saying what is wanted (it reaches the user through the tree's error path).
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import time
from functools import lru_cache

import discord

from bot.commands import UsageError
from bot.daily.schedule import Subscription
from bot.queries.autocomplete import timezone_choices
from bot.state import GuildSettings

_HH_MM = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")
SUGGESTIONS = 3


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def parse_post_time(text: str) -> time:
    """`09:00` -> 09:00; `25:00`, `9am`, `12:60` -> UsageError."""
    match = _HH_MM.match(text)
    hour, minute = (int(match.group(1)), int(match.group(2))) if match else (-1, -1)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        shown = text.strip()[:20]
        raise UsageError(
            f"“{shown}” is not a time of day: give it as HH:MM on a 24-hour clock, "
            "from 00:00 to 23:59 (for example 09:00 or 18:30)."
        )
    return time(hour, minute)


def parse_zone(text: str) -> zoneinfo.ZoneInfo:
    """An IANA zone name (`Europe/London`); anything else -> UsageError with suggestions."""
    name = text.strip()
    if name in known_zones():
        return zoneinfo.ZoneInfo(name)
    shown = name[:60]
    close = [choice.value for choice in timezone_choices(name)[:SUGGESTIONS]] if name else []
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise UsageError(
        f"“{shown}” is not a time zone I know: pick an IANA name from the list, "
        f"like Europe/London or Asia/Kolkata.{hint}"
    )


def subscription_of(row: GuildSettings) -> Subscription | None:
    """The stored row as a `Subscription`; None if it is incomplete or cannot be used any
    more (`unusable_reason` says why; the scheduler pauses it with that reason)."""
    if row.channel_id is None or row.post_time is None or row.timezone is None:
        return None
    zone = stored_zone(row.timezone)
    if zone is None:
        return None
    return Subscription(
        row.guild_id, row.channel_id, row.post_time, zone, row.updated_at, row.paused_reason
    )


def stored_zone(name: str) -> zoneinfo.ZoneInfo | None:
    """The zone a stored IANA name names; None when tzdata no longer knows it."""
    if name not in known_zones():
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def unusable_reason(row: GuildSettings) -> str | None:
    """Why a complete stored subscription cannot be scheduled, say its time zone left the tz
    database after an update of tzdata; None when it can (or is incomplete)."""
    if row.channel_id is None or row.post_time is None or row.timezone is None:
        return None
    if stored_zone(row.timezone) is None:
        return (
            f"The time zone “{row.timezone[:60]}” is no longer in the time zone database, so "
            "I cannot tell when your day starts: pick a current one."
        )
    return None


def missing_permissions(permissions: discord.Permissions) -> list[str]:
    """What the bot lacks to post an embed where it has `permissions`."""
    needed = {
        "View Channel": permissions.view_channel,
        "Send Messages": permissions.send_messages,
        "Embed Links": permissions.embed_links,
    }
    return [name for name, granted in needed.items() if not granted]
