"""The whole state as JSON lines, to move it between SQLite and PostgreSQL without loss.

One object per line, each naming its table: `{"table": "guild_settings", "guild_id": ..., ...}`,
`{"table": "daily_posts", ...}`, `{"table": "bot_state", "key": ..., ...}`. Ids are numbers,
dates and times ISO 8601 strings (timestamps in UTC), absent values null. Reading is strict: a
line that is not one of these rows is an error naming its line number, and nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from typing import Any

from bot.state.records import BotStateRow, DailyPostRow, GuildSettings, StateSnapshot


class BadStateLine(ValueError):
    """A line of an import that is not a state row."""


def _iso(value: date | datetime | time | None) -> str | None:
    return None if value is None else value.isoformat()


def dump_lines(snapshot: StateSnapshot) -> Iterator[str]:
    for settings in snapshot.settings:
        yield _line(
            "guild_settings",
            guild_id=settings.guild_id,
            channel_id=settings.channel_id,
            post_time=None if settings.post_time is None else f"{settings.post_time:%H:%M}",
            timezone=settings.timezone,
            enabled=settings.enabled,
            paused_reason=settings.paused_reason,
            updated_at=_iso(settings.updated_at),
        )
    for post in snapshot.posts:
        yield _line(
            "daily_posts",
            guild_id=post.guild_id,
            local_date=_iso(post.local_date),
            channel_id=post.channel_id,
            message_id=post.message_id,
            nonce=post.nonce,
            posted_at=_iso(post.posted_at),
        )
    for row in snapshot.bot_state:
        yield _line("bot_state", key=row.key, value=row.value, updated_at=_iso(row.updated_at))


def _line(table: str, **fields: Any) -> str:
    return json.dumps({"table": table, **fields}, ensure_ascii=False, sort_keys=False)


def load_lines(lines: Iterable[str]) -> StateSnapshot:
    settings: list[GuildSettings] = []
    posts: list[DailyPostRow] = []
    bot_state: list[BotStateRow] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            fields = json.loads(line)
            if not isinstance(fields, dict):
                raise TypeError("not a JSON object")
            table = fields.get("table")
            if table == "guild_settings":
                settings.append(_settings(fields))
            elif table == "daily_posts":
                posts.append(_post(fields))
            elif table == "bot_state":
                bot_state.append(_bot_state(fields))
            else:
                raise TypeError(f"unknown table {str(table)[:40]!r}")
        except (ValueError, TypeError, KeyError) as error:
            raise BadStateLine(f"line {number}: not a state row ({_short(error)})") from None
    return StateSnapshot(settings=settings, posts=posts, bot_state=bot_state)


def _short(error: Exception) -> str:
    text = f"missing {error}" if isinstance(error, KeyError) else str(error)
    return text[:120]


def _int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{value!r} is not an integer id")
    return value


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{value!r} is not text")


def _moment(value: Any) -> datetime | None:
    text = _text(value)
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return moment


def _settings(fields: dict[str, Any]) -> GuildSettings:
    guild_id = _int(fields["guild_id"])
    post_time = _text(fields["post_time"])
    enabled = fields["enabled"]
    if guild_id is None or not isinstance(enabled, bool):
        raise TypeError("guild_id and enabled are required")
    return GuildSettings(
        guild_id=guild_id,
        channel_id=_int(fields["channel_id"]),
        post_time=None if post_time is None else time.fromisoformat(post_time),
        timezone=_text(fields["timezone"]),
        enabled=enabled,
        paused_reason=_text(fields["paused_reason"]),
        updated_at=_moment(fields["updated_at"]),
    )


def _post(fields: dict[str, Any]) -> DailyPostRow:
    guild_id = _int(fields["guild_id"])
    local_date = _text(fields["local_date"])
    if guild_id is None or local_date is None:
        raise TypeError("guild_id and local_date are required")
    return DailyPostRow(
        guild_id=guild_id,
        local_date=date.fromisoformat(local_date),
        channel_id=_int(fields["channel_id"]),
        message_id=_int(fields["message_id"]),
        nonce=_text(fields["nonce"]),
        posted_at=_moment(fields["posted_at"]),
    )


def _bot_state(fields: dict[str, Any]) -> BotStateRow:
    key, value = _text(fields["key"]), _text(fields["value"])
    if key is None or value is None:
        raise TypeError("key and value are required")
    return BotStateRow(key=key, value=value, updated_at=_moment(fields["updated_at"]))
