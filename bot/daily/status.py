"""What `/daily set` and `/daily status` tell the admin: plain text, in the guild's time and
the admin's locale.

Times are shown in the guild's zone (`Mon 22 Jun 2026, 09:00 BST`, `2026年6月22日 09:00 BST`)
and, for the next post, also relative (`<t:…:R>`, which each reader's client shows as "in 3
hours" in their own language). A reason the post was paused was stored in English when it
failed; it is said again in the admin's locale (`bot.daily.reasons`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Protocol

from bot.cards.labels import DEFAULT, Locale, say
from bot.daily.ledger import Attempts, ledger_view
from bot.daily.reasons import reason_in
from bot.daily.schedule import LedgerEntry, Subscription, local_date, next_post
from bot.daily.subscriptions import subscription_of, unusable_reason
from bot.state import DailyLedger, DailyPostRow, GuildSettings, GuildSettingsStore

OFF, RESUME = say("daily.off"), say("daily.resume")  # in English


def _day_parts(day: date) -> dict[str, str]:
    return {
        "weekday": f"{day:%a}",
        "day": f"{day:%d}",
        "month_abbr": f"{day:%b}",
        "month": str(day.month),
        "year": str(day.year),
    }


def day_text(day: date, locale: Locale = DEFAULT) -> str:
    return say("daily.day", locale, **_day_parts(day))


def local_text(moment: datetime, subscription: Subscription, locale: Locale = DEFAULT) -> str:
    shown = moment.astimezone(subscription.zone)
    parts = _day_parts(shown.date())
    return say("daily.moment", locale, time=f"{shown:%H:%M}", zone=shown.tzname(), **parts)


def when_text(
    moment: datetime, subscription: Subscription, now: datetime, locale: Locale = DEFAULT
) -> str:
    if moment <= now:
        return say("daily.now", locale)
    relative = f"<t:{int(moment.timestamp())}:R>"
    return say(
        "daily.when", locale, moment=local_text(moment, subscription, locale), relative=relative
    )


def message_link(row: DailyPostRow) -> str:
    return f"https://discord.com/channels/{row.guild_id}/{row.channel_id}/{row.message_id}"


def schedule_line(subscription: Subscription, locale: Locale = DEFAULT) -> str:
    channel, zone = f"<#{subscription.channel_id}>", subscription.zone.key
    time = f"{subscription.post_time:%H:%M}"
    return say("daily.schedule", locale, channel=channel, time=time, zone=zone)


def stored_line(settings: GuildSettings, locale: Locale = DEFAULT) -> str:
    """The schedule as stored, for a subscription that cannot be read as one any more."""
    channel, time = f"<#{settings.channel_id}>", f"{settings.post_time:%H:%M}"
    return say("daily.schedule", locale, channel=channel, time=time, zone=settings.timezone)


def next_line(
    subscription: Subscription,
    ledger: Mapping[tuple[int, date], LedgerEntry],
    now: datetime,
    locale: Locale = DEFAULT,
) -> str:
    upcoming = next_post(subscription, ledger, now)
    if upcoming is None:
        return say("daily.next_none", locale)
    return say("daily.next", locale, when=when_text(upcoming, subscription, now, locale))


def describe(
    settings: GuildSettings | None,
    rows: list[DailyPostRow],
    last: DailyPostRow | None,
    attempts: Attempts,
    now: datetime,
    locale: Locale = DEFAULT,
) -> str:
    """The status of a guild's daily post; `rows`: its ledger rows for the coming dates."""
    subscription = subscription_of(settings) if settings is not None else None
    if settings is None or not settings.enabled:
        return say("daily.off", locale)
    resume = say("daily.resume", locale)
    if subscription is None:
        reason = reason_in(settings.paused_reason or "", locale) or unusable_reason(
            settings, locale
        )
        if reason is None:
            return say("daily.off", locale)
        paused = say("daily.paused", locale, reason=reason, resume=resume)
        return f"{stored_line(settings, locale)}\n{paused}"
    ledger = ledger_view(rows, attempts)
    lines = [schedule_line(subscription, locale), next_line(subscription, ledger, now, locale)]
    if last is None:
        lines.append(say("daily.last_none", locale))
    else:
        day = day_text(last.local_date, locale)
        lines.append(say("daily.last", locale, day=day, link=message_link(last)))
    today = ledger.get((settings.guild_id, local_date(now, subscription.zone)))
    if today is not None and today.given_up:
        lines.append(say("daily.given_up", locale))
    elif today is not None and today.retry_at is not None:
        lines.append(say("daily.retrying", locale, n=today.attempts))
    if settings.paused_reason:
        reason = reason_in(settings.paused_reason, locale)
        lines.append(say("daily.paused", locale, reason=reason, resume=resume))
    return "\n".join(lines)


class StatusStore(GuildSettingsStore, DailyLedger, Protocol):
    """What the status reads: the subscription and the ledger."""


async def status_text(
    store: StatusStore,
    attempts: Attempts,
    guild_id: int,
    now: datetime,
    locale: Locale = DEFAULT,
) -> str:
    settings = await store.daily_settings(guild_id)
    subscription = subscription_of(settings) if settings is not None else None
    rows: list[DailyPostRow] = []
    if subscription is not None:
        today = local_date(now, subscription.zone)
        for day in (today, today + timedelta(days=1)):
            row = await store.daily_post_row(guild_id, day)
            rows += [row] if row is not None else []
    last = await store.daily_last_post(guild_id)
    return describe(settings, rows, last, attempts, now, locale)
