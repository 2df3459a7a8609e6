"""When daily posts are due: pure functions of subscriptions, the ledger and an instant.

Decisions:
- A guild's post for local date D is scheduled at its `HH:MM` on D in its zone. A time that
  does not exist that day (clocks go forward over it: 02:30 in New York on 2026-03-08) posts at
  the first instant after the gap (03:00 local); a time that happens twice (clocks go back:
  01:30 in London on 2026-10-25) posts at the first of the two.
- A post is due from its scheduled instant until the local day ends, so a post missed while
  the bot was down goes out when it starts again that same day; only the current local day is
  ever due, never a backlog of older ones.
- A post scheduled before the subscription was set (`since`) is not owed: setting 09:00 at
  10:00 posts tomorrow, not at once.
- A day with a ledger entry is due again only while the entry is open: not confirmed, not
  given up, and past its retry time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True, slots=True)
class Subscription:
    guild_id: int
    channel_id: int
    post_time: time
    zone: ZoneInfo
    since: datetime | None = None  # when it was set; earlier scheduled posts are not owed
    paused_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.paused_reason is None


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """What is known of one (guild, local date): from the database and this process."""

    confirmed: bool = False  # the message exists
    in_doubt_since: datetime | None = None  # an unconfirmed claim: a send may have got through
    attempts: int = 0  # failed attempts in this process
    retry_at: datetime | None = None
    given_up: bool = False

    def open_at(self, instant: datetime) -> bool:
        if self.confirmed or self.given_up:
            return False
        return self.retry_at is None or self.retry_at <= instant


Ledger = Mapping[tuple[int, date], LedgerEntry]
MAX = datetime.max.replace(tzinfo=UTC)  # "ever": an entry open at MAX is not finished


@dataclass(frozen=True, slots=True)
class Due:
    subscription: Subscription
    local_date: date
    scheduled: datetime  # UTC

    @property
    def key(self) -> tuple[int, date]:
        return (self.subscription.guild_id, self.local_date)


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of wall time `at` on `day` in `zone`: the first of two in an overlap,
    the end of the gap (the first instant after) when the wall time does not exist."""
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == wall:
        return first
    # In a gap: fold=1 reads the wall time with the offset from before the gap, fold=0 with
    # the one after; the transition lies between them. Find it to the second.
    low = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    low, high = min(low, first), max(low, first)
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).replace(tzinfo=None) > wall:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0)


def local_date(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


def scheduled_on(subscription: Subscription, day: date) -> datetime:
    return local_instant(day, subscription.post_time, subscription.zone)


def owed(subscription: Subscription, scheduled: datetime) -> bool:
    return subscription.since is None or scheduled >= subscription.since


def due(subscriptions: Iterable[Subscription], ledger: Ledger, instant: datetime) -> list[Due]:
    """The posts to make at `instant`, one per guild at most, for its current local date."""
    found = []
    for subscription in subscriptions:
        if not subscription.active:
            continue
        day = local_date(instant, subscription.zone)
        scheduled = scheduled_on(subscription, day)
        if scheduled > instant or not owed(subscription, scheduled):
            continue
        entry = ledger.get((subscription.guild_id, day))
        if entry is None or entry.open_at(instant):
            found.append(Due(subscription, day, scheduled))
    return found


def next_post(subscription: Subscription, ledger: Ledger, instant: datetime) -> datetime | None:
    """When the guild's next post should go out (`instant` itself when it is due now); None
    when paused."""
    if not subscription.active:
        return None
    today = local_date(instant, subscription.zone)
    for day in (today, today + timedelta(days=1)):
        scheduled = scheduled_on(subscription, day)
        entry = ledger.get((subscription.guild_id, day))
        if not owed(subscription, scheduled) or (entry is not None and not entry.open_at(MAX)):
            continue
        retry = entry.retry_at if entry is not None and entry.retry_at is not None else instant
        return max(scheduled, retry, instant)
    return None


def next_wake(
    subscriptions: Iterable[Subscription], ledger: Ledger, instant: datetime
) -> datetime | None:
    """The earliest instant after `instant` at which a post may become due: a scheduled time
    or a retry."""
    candidates: list[datetime] = []
    for subscription in subscriptions:
        if not subscription.active:
            continue
        today = local_date(instant, subscription.zone)
        for day in (today, today + timedelta(days=1)):
            scheduled = scheduled_on(subscription, day)
            if scheduled > instant:
                candidates.append(scheduled)
                break
        entry = ledger.get((subscription.guild_id, today))
        retry = entry.retry_at if entry is not None and entry.open_at(MAX) else None
        if retry is not None and retry > instant:
            candidates.append(retry)
    return min(candidates, default=None)


def owns(guild_id: int, shard_ids: Iterable[int] | None, shard_count: int | None) -> bool:
    """Whether a process running `shard_ids` of `shard_count` serves this guild (all when
    it runs every shard)."""
    if shard_ids is None or not shard_count:
        return True
    return (guild_id >> 22) % shard_count in set(shard_ids)
