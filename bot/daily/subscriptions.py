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

from bot.cards.labels import DEFAULT, Locale, say
from bot.commands import UsageError
from bot.daily.schedule import Subscription
from bot.domain.wording import Wording
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
        raise UsageError.said("usage.not_a_time", text=shown)
    return time(hour, minute)


def parse_zone(text: str) -> zoneinfo.ZoneInfo:
    """An IANA zone name (`Europe/London`); anything else -> UsageError with suggestions."""
    name = text.strip()
    if name in known_zones():
        return zoneinfo.ZoneInfo(name)
    shown = name[:60]
    close = [choice.value for choice in timezone_choices(name)[:SUGGESTIONS]] if name else []
    hint = Wording.of("usage.did_you_mean_zone", zones=", ".join(close)) if close else ""
    raise UsageError.said("usage.not_a_zone", text=shown, hint=hint)


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


def unusable_reason(row: GuildSettings, locale: Locale = DEFAULT) -> str | None:
    """Why a complete stored subscription cannot be scheduled, say its time zone left the tz
    database after an update of tzdata; None when it can (or is incomplete)."""
    if row.channel_id is None or row.post_time is None or row.timezone is None:
        return None
    if stored_zone(row.timezone) is None:
        return say("daily.bad_zone", locale, zone=row.timezone[:60])
    return None


# The permissions the post needs, by the name Discord's settings show in English.
_PERMISSION_KEYS = {
    "View Channel": "permission.view_channel",
    "Send Messages": "permission.send_messages",
    "Embed Links": "permission.embed_links",
}


def permission_names(missing: list[str], locale: Locale = DEFAULT) -> str:
    """`missing` (from `missing_permissions`) as Discord names them in `locale`, listed."""
    return say("permission.list", locale, first="", then="").join(
        say(_PERMISSION_KEYS[name], locale) for name in missing
    )


def missing_permissions(permissions: discord.Permissions) -> list[str]:
    """What the bot lacks to post an embed where it has `permissions`."""
    needed = {
        "View Channel": permissions.view_channel,
        "Send Messages": permissions.send_messages,
        "Embed Links": permissions.embed_links,
    }
    return [name for name, granted in needed.items() if not granted]
