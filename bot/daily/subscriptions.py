"""A guild's subscription: the admin's input checked, and the stored row made usable.

`/daily set` takes a local time as `HH:MM` (24-hour) and an IANA time zone; anything else gets
a short message saying what is wanted (it reaches the user through the tree's error path).
"""

from __future__ import annotations

import logging
import re
import zoneinfo
from datetime import time
from functools import lru_cache

import discord

from bot.commands import UsageError
from bot.daily.schedule import Subscription
from bot.queries.autocomplete import timezone_choices
from bot.store.guilds import GuildSettings

log = logging.getLogger(__name__)

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
    """The stored row as a `Subscription`; None (logged) if it cannot be read any more,
    say its zone left the tz database."""
    if row.channel_id is None or row.post_time is None or row.timezone is None:
        return None
    try:
        at, zone = parse_post_time(row.post_time), parse_zone(row.timezone)
    except UsageError as error:
        log.warning("daily post of guild %s skipped: %s", row.guild_id, error)
        return None
    return Subscription(row.guild_id, row.channel_id, at, zone, row.updated_at, row.paused_reason)


def missing_permissions(permissions: discord.Permissions) -> list[str]:
    """What the bot lacks to post an embed where it has `permissions`."""
    needed = {
        "View Channel": permissions.view_channel,
        "Send Messages": permissions.send_messages,
        "Embed Links": permissions.embed_links,
    }
    return [name for name, granted in needed.items() if not granted]
