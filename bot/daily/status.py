"""What `/daily set` and `/daily status` tell the admin: plain text, in the guild's time.

Times are shown in the guild's zone (`Mon 22 Jun 2026, 09:00 BST`) and, for the next post,
also relative (`<t:…:R>`, which each reader's client shows as "in 3 hours").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Protocol

from bot.daily.ledger import Attempts, ledger_view
from bot.daily.schedule import LedgerEntry, Subscription, local_date, next_post
from bot.daily.subscriptions import subscription_of, unusable_reason
from bot.state import DailyLedger, DailyPostRow, GuildSettings, GuildSettingsStore

OFF = "The daily post is **off** in this server. Turn it on with `/daily set`."
RESUME = "Fix that, then run `/daily set` again to resume."


def local_text(moment: datetime, subscription: Subscription) -> str:
    shown = moment.astimezone(subscription.zone)
    return f"{shown:%a %d %b %Y, %H:%M} {shown.tzname()}"


def when_text(moment: datetime, subscription: Subscription, now: datetime) -> str:
    if moment <= now:
        return "now (it is due and goes out within a minute)"
    return f"{local_text(moment, subscription)} (<t:{int(moment.timestamp())}:R>)"


def message_link(row: DailyPostRow) -> str:
    return f"https://discord.com/channels/{row.guild_id}/{row.channel_id}/{row.message_id}"


def schedule_line(subscription: Subscription) -> str:
    return (
        f"Channel: <#{subscription.channel_id}> · every day at "
        f"{subscription.post_time:%H:%M} ({subscription.zone.key})"
    )


def stored_line(settings: GuildSettings) -> str:
    """The schedule as stored, for a subscription that cannot be read as one any more."""
    return (
        f"Channel: <#{settings.channel_id}> · every day at {settings.post_time:%H:%M} "
        f"({settings.timezone})"
    )


def next_line(
    subscription: Subscription, ledger: Mapping[tuple[int, date], LedgerEntry], now: datetime
) -> str:
    upcoming = next_post(subscription, ledger, now)
    if upcoming is None:
        return "Next post: none while paused"
    return f"Next post: {when_text(upcoming, subscription, now)}"


def describe(
    settings: GuildSettings | None,
    rows: list[DailyPostRow],
    last: DailyPostRow | None,
    attempts: Attempts,
    now: datetime,
) -> str:
    """The status of a guild's daily post; `rows`: its ledger rows for the coming dates."""
    subscription = subscription_of(settings) if settings is not None else None
    if settings is None or not settings.enabled:
        return OFF
    if subscription is None:
        reason = settings.paused_reason or unusable_reason(settings)
        return OFF if reason is None else f"{stored_line(settings)}\n**Paused:** {reason} {RESUME}"
    ledger = ledger_view(rows, attempts)
    lines = [schedule_line(subscription), next_line(subscription, ledger, now)]
    if last is None:
        lines.append("Last post: none yet")
    else:
        lines.append(f"Last post: {last.local_date:%a %d %b %Y} · {message_link(last)}")
    today = ledger.get((settings.guild_id, local_date(now, subscription.zone)))
    if today is not None and today.given_up:
        lines.append("Today: given up after repeated failures; tomorrow's post is unaffected.")
    elif today is not None and today.retry_at is not None:
        lines.append(f"Today: failed {today.attempts}×, retrying (Discord may be having trouble).")
    if settings.paused_reason:
        lines.append(f"**Paused:** {settings.paused_reason} {RESUME}")
    return "\n".join(lines)


class StatusStore(GuildSettingsStore, DailyLedger, Protocol):
    """What the status reads: the subscription and the ledger."""


async def status_text(store: StatusStore, attempts: Attempts, guild_id: int, now: datetime) -> str:
    settings = await store.daily_settings(guild_id)
    subscription = subscription_of(settings) if settings is not None else None
    rows: list[DailyPostRow] = []
    if subscription is not None:
        today = local_date(now, subscription.zone)
        for day in (today, today + timedelta(days=1)):
            row = await store.daily_post_row(guild_id, day)
            rows += [row] if row is not None else []
    return describe(settings, rows, await store.daily_last_post(guild_id), attempts, now)
