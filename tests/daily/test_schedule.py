"""Which subscriptions are due at an instant: fixed clocks, time zones, DST gaps and overlaps."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.daily.schedule import (
    Due,
    LedgerEntry,
    Subscription,
    due,
    local_instant,
    next_post,
    next_wake,
    owns,
)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def sub(zone: str, at: str, guild: int = 1, **extra: object) -> Subscription:
    hour, minute = map(int, at.split(":"))
    return Subscription(guild, 100 + guild, time(hour, minute), ZoneInfo(zone), **extra)  # type: ignore[arg-type]


def posted(*keys: tuple[int, date]) -> dict[tuple[int, date], LedgerEntry]:
    return {key: LedgerEntry(confirmed=True) for key in keys}


def simulate(
    subscription: Subscription, start: datetime, end: datetime, step: int = 5
) -> list[Due]:
    """Tick every `step` minutes from `start` to `end`, posting whatever is due (always with
    success): the posts made, in order."""
    ledger: dict[tuple[int, date], LedgerEntry] = {}
    made: list[Due] = []
    instant = start
    while instant < end:
        for item in due([subscription], ledger, instant):
            made.append(item)
            ledger[item.key] = LedgerEntry(confirmed=True)
        instant += timedelta(minutes=step)
    return made


# --- the scheduled instant --------------------------------------------------------------------
def test_a_time_in_the_spring_gap_posts_when_the_gap_ends() -> None:
    """02:30 does not exist in New York on 2026-03-08 (02:00 EST -> 03:00 EDT)."""
    new_york = ZoneInfo("America/New_York")
    at = local_instant(date(2026, 3, 8), time(2, 30), new_york)
    assert at == utc(2026, 3, 8, 7, 0)
    assert at.astimezone(new_york).strftime("%H:%M %Z") == "03:00 EDT"


def test_a_time_that_happens_twice_posts_at_the_first() -> None:
    """01:30 happens twice in London on 2026-10-25: BST (00:30 UTC), then GMT (01:30 UTC)."""
    at = local_instant(date(2026, 10, 25), time(1, 30), ZoneInfo("Europe/London"))
    assert at == utc(2026, 10, 25, 0, 30)


@pytest.mark.parametrize(
    ("zone", "day", "expected"),
    [
        ("Asia/Kolkata", date(2026, 6, 21), utc(2026, 6, 21, 3, 30)),  # +05:30
        ("Asia/Kathmandu", date(2026, 6, 21), utc(2026, 6, 21, 3, 15)),  # +05:45
        ("Australia/Eucla", date(2026, 6, 21), utc(2026, 6, 21, 0, 15)),  # +08:45
        ("Pacific/Chatham", date(2026, 6, 21), utc(2026, 6, 20, 20, 15)),  # +12:45
        ("Pacific/Chatham", date(2026, 1, 10), utc(2026, 1, 9, 19, 15)),  # +13:45 in summer
        ("America/St_Johns", date(2026, 1, 10), utc(2026, 1, 10, 12, 30)),  # -03:30
    ],
)
def test_half_and_quarter_hour_offsets(zone: str, day: date, expected: datetime) -> None:
    assert local_instant(day, time(9, 0), ZoneInfo(zone)) == expected


ZONES = sorted(
    {
        "UTC", "Europe/London", "America/New_York", "America/Santiago", "Asia/Kolkata",
        "Asia/Kathmandu", "Australia/Eucla", "Australia/Lord_Howe", "Pacific/Chatham",
        "Pacific/Apia", "America/St_Johns", "Africa/Casablanca",
    }
)  # fmt: skip


@given(
    zone=st.sampled_from(ZONES),
    day=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    at=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
)
def test_the_instant_shows_the_time_asked_or_the_first_after_a_gap(
    zone: str, day: date, at: time
) -> None:
    tz = ZoneInfo(zone)
    instant = local_instant(day, at, tz)
    wall = datetime.combine(day, at)
    shown = instant.astimezone(tz).replace(tzinfo=None)
    if shown == wall:  # it exists; in an overlap (30 or 60 min long) this is the first
        earlier = (instant - timedelta(minutes=back) for back in (30, 60))
        assert all(e.astimezone(tz).replace(tzinfo=None) != wall for e in earlier)
    else:  # a gap: the first instant after it, a second earlier is still before the gap
        assert shown > wall
        assert (instant - timedelta(seconds=1)).astimezone(tz).replace(tzinfo=None) < wall


# --- due ----------------------------------------------------------------------------------
def test_due_from_the_scheduled_minute_on() -> None:
    london = sub("Europe/London", "09:00")  # BST in June: 08:00 UTC
    assert due([london], {}, utc(2026, 6, 21, 7, 59, 59)) == []
    (item,) = due([london], {}, utc(2026, 6, 21, 8, 0))
    assert item.local_date == date(2026, 6, 21) and item.scheduled == utc(2026, 6, 21, 8, 0)


def test_not_due_again_once_posted() -> None:
    london = sub("Europe/London", "09:00")
    ledger = posted((1, date(2026, 6, 21)))
    assert due([london], ledger, utc(2026, 6, 21, 8, 1)) == []
    assert due([london], ledger, utc(2026, 6, 21, 22, 59)) == []


def test_a_missed_post_is_caught_up_the_same_local_day_only() -> None:
    london = sub("Europe/London", "09:00")
    (late,) = due([london], {}, utc(2026, 6, 21, 22, 59))  # 23:59 local, still the 21st
    assert late.local_date == date(2026, 6, 21)
    # next day, before 09:00: the 21st is never owed again, the 22nd not yet
    assert due([london], {}, utc(2026, 6, 21, 23, 0)) == []
    assert due([london], {}, utc(2026, 6, 22, 7, 59)) == []
    (today,) = due([london], {}, utc(2026, 6, 22, 8, 0))
    assert today.local_date == date(2026, 6, 22)


def test_the_local_date_is_the_zones_not_utcs() -> None:
    chatham = sub("Pacific/Chatham", "09:00")
    (item,) = due([chatham], {}, utc(2026, 6, 20, 20, 15))
    assert item.local_date == date(2026, 6, 21)


def test_new_york_spring_gap_posts_once_at_three() -> None:
    made = simulate(sub("America/New_York", "02:30"), utc(2026, 3, 7, 5), utc(2026, 3, 9, 12))
    assert [(m.local_date, m.scheduled) for m in made] == [
        (date(2026, 3, 7), utc(2026, 3, 7, 7, 30)),  # 02:30 EST
        (date(2026, 3, 8), utc(2026, 3, 8, 7, 0)),  # 03:00 EDT, the end of the gap
        (date(2026, 3, 9), utc(2026, 3, 9, 6, 30)),  # 02:30 EDT
    ]


def test_london_autumn_overlap_posts_once_at_the_first() -> None:
    made = simulate(sub("Europe/London", "01:30"), utc(2026, 10, 24), utc(2026, 10, 26, 12))
    assert [(m.local_date, m.scheduled) for m in made] == [
        (date(2026, 10, 24), utc(2026, 10, 24, 0, 30)),
        (date(2026, 10, 25), utc(2026, 10, 25, 0, 30)),  # 01:30 BST; 01:30 GMT is skipped
        (date(2026, 10, 26), utc(2026, 10, 26, 1, 30)),
    ]


@pytest.mark.parametrize("zone", ZONES)
def test_a_year_of_ticks_posts_once_per_local_day(zone: str) -> None:
    made = simulate(sub(zone, "02:30"), utc(2026, 1, 1), utc(2027, 1, 1), step=60)
    days = [m.local_date for m in made]
    assert len(days) == len(set(days))
    assert all(m.scheduled.astimezone(ZoneInfo(zone)).date() == m.local_date for m in made)
    first, last = days[0], days[-1]
    assert days == [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_paused_is_never_due_and_has_no_next_post() -> None:
    paused = sub("UTC", "09:00", paused_reason="channel deleted")
    assert due([paused], {}, utc(2026, 6, 21, 10)) == []
    assert next_post(paused, {}, utc(2026, 6, 21, 10)) is None
    assert next_wake([paused], {}, utc(2026, 6, 21, 10)) is None


def test_a_post_scheduled_before_the_subscription_is_not_owed() -> None:
    late_set = sub("UTC", "09:00", since=utc(2026, 6, 21, 10))
    assert due([late_set], {}, utc(2026, 6, 21, 10, 5)) == []
    assert next_post(late_set, {}, utc(2026, 6, 21, 10, 5)) == utc(2026, 6, 22, 9)
    early_set = sub("UTC", "09:00", since=utc(2026, 6, 21, 8, 59))
    assert len(due([early_set], {}, utc(2026, 6, 21, 10, 5))) == 1


def test_retries_wait_for_their_time_and_a_given_up_day_is_done() -> None:
    utc9 = sub("UTC", "09:00")
    key = (1, date(2026, 6, 21))
    waiting = {key: LedgerEntry(attempts=1, retry_at=utc(2026, 6, 21, 9, 1))}
    assert due([utc9], waiting, utc(2026, 6, 21, 9, 0, 30)) == []
    assert len(due([utc9], waiting, utc(2026, 6, 21, 9, 1))) == 1
    assert next_wake([utc9], waiting, utc(2026, 6, 21, 9, 0, 30)) == utc(2026, 6, 21, 9, 1)
    given_up = {key: LedgerEntry(attempts=8, given_up=True)}
    assert due([utc9], given_up, utc(2026, 6, 21, 12)) == []
    assert next_post(utc9, given_up, utc(2026, 6, 21, 12)) == utc(2026, 6, 22, 9)


def test_a_claim_in_doubt_is_due_again() -> None:
    """A claim left unconfirmed (killed mid-send) is resumed; the poster decides how."""
    doubt = {(1, date(2026, 6, 21)): LedgerEntry(in_doubt_since=utc(2026, 6, 21, 9))}
    (item,) = due([sub("UTC", "09:00")], doubt, utc(2026, 6, 21, 9, 30))
    assert item.key == (1, date(2026, 6, 21))


def test_next_wake_is_the_earliest_scheduled_post() -> None:
    subs = [sub("Asia/Kolkata", "09:00", 1), sub("Europe/London", "09:00", 2)]
    now = utc(2026, 6, 21, 4)
    assert next_wake(subs, {}, now) == utc(2026, 6, 21, 8)  # Kolkata's was at 03:30
    assert next_post(subs[0], {}, now) == now  # due now, not yet posted
    assert next_post(subs[0], posted((1, date(2026, 6, 21))), now) == utc(2026, 6, 22, 3, 30)


def test_a_process_serves_only_the_guilds_of_its_shards() -> None:
    guild = (123456 << 22) | 42  # shard (guild_id >> 22) % count
    assert owns(guild, None, None) and owns(guild, None, 4)
    assert owns(guild, [123456 % 4], 4)
    assert not owns(guild, [(123456 + 1) % 4], 4)
