"""The background task with a fake poster and a fake clock: what it posts, how long it sleeps,
and that nothing one guild does stops it."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.daily.ledger import MAX_ATTEMPTS
from bot.daily.poster import Result
from bot.daily.schedule import Due, LedgerEntry
from bot.daily.scheduler import MAX_SLEEP, Scheduler
from bot.state import SqliteState
from tests.daily.clock import FakeClock

START = datetime(2026, 6, 21, 8, 59, 30, tzinfo=UTC)
SET_AT = START - timedelta(days=1)


class FakePoster:
    """Posts by writing the ledger as the real poster does; a guild may be told to fail."""

    def __init__(self, store: SqliteState) -> None:
        self.store = store
        self.calls: list[tuple[int, str]] = []
        self.results: dict[int, Result] = {}
        self.broken: set[int] = set()

    async def __call__(self, due: Due, entry: LedgerEntry | None, now: datetime) -> Result:
        guild_id, day = due.key
        self.calls.append((guild_id, day.isoformat()))
        if guild_id in self.broken:
            raise RuntimeError(f"guild {guild_id} is broken")
        result = self.results.get(guild_id, Result.POSTED)
        if result is Result.POSTED:
            await self.store.daily_claim(guild_id, day, due.subscription.channel_id, "n", now)
            await self.store.daily_confirm(guild_id, day, 1000 + guild_id, now)
        return result


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteState]:
    store = await SqliteState.open(tmp_path / "state.db")
    for guild in (1, 2, 3):
        await store.daily_subscribe(guild, 10 * guild, time(9), "UTC", SET_AT)
    yield store
    await store.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def poster(store: SqliteState) -> FakePoster:
    return FakePoster(store)


async def test_posts_what_is_due_and_sleeps_until_the_next(
    store: SqliteState, clock: FakeClock, poster: FakePoster
) -> None:
    scheduler = Scheduler(store, clock, poster)
    assert await scheduler.tick() == 30.0  # 09:00 is 30 s away
    assert poster.calls == []
    clock.advance(seconds=30)
    assert await scheduler.tick() == MAX_SLEEP  # tomorrow is far: wake within a minute
    assert sorted(poster.calls) == [(1, "2026-06-21"), (2, "2026-06-21"), (3, "2026-06-21")]
    clock.advance(hours=5)
    await scheduler.tick()
    assert len(poster.calls) == 3  # once a day


async def test_one_broken_guild_stops_neither_the_others_nor_the_task(
    store: SqliteState, clock: FakeClock, poster: FakePoster, caplog: pytest.LogCaptureFixture
) -> None:
    poster.broken.add(2)
    scheduler = Scheduler(store, clock, poster)
    clock.advance(seconds=30)
    with caplog.at_level(logging.ERROR, logger="bot.daily.scheduler"):
        await scheduler.tick()
    assert {guild for guild, _ in poster.calls} == {1, 2, 3}
    assert "guild 2 is broken" in caplog.text
    assert await store.daily_last_post(1) is not None and await store.daily_last_post(3) is not None
    attempt = scheduler.attempts.get((2, START.date()))
    assert attempt is not None and attempt.failures == 1 and attempt.retry_at is not None
    clock.set(attempt.retry_at)
    poster.broken.clear()
    await scheduler.tick()
    assert await store.daily_last_post(2) is not None


async def test_a_failing_guild_backs_off_and_is_given_up(
    store: SqliteState, clock: FakeClock, poster: FakePoster
) -> None:
    poster.results[1] = Result.RETRY
    scheduler = Scheduler(store, clock, poster)
    clock.advance(seconds=30)
    times = []
    for _ in range(MAX_ATTEMPTS + 3):
        await scheduler.tick()
        attempt = scheduler.attempts.get((1, START.date()))
        assert attempt is not None
        if attempt.retry_at is None:
            break
        times.append(attempt.retry_at)
        clock.set(attempt.retry_at)
    calls = [call for call in poster.calls if call[0] == 1]
    assert len(calls) == MAX_ATTEMPTS and attempt.given_up
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert gaps == sorted(gaps) and gaps[0] == timedelta(minutes=2)
    clock.advance(hours=1)
    await scheduler.tick()
    assert len([call for call in poster.calls if call[0] == 1]) == MAX_ATTEMPTS  # left alone


async def test_only_the_guilds_of_this_process(
    store: SqliteState, clock: FakeClock, poster: FakePoster
) -> None:
    scheduler = Scheduler(store, clock, poster, owns=lambda guild: guild != 2)
    clock.advance(seconds=30)
    await scheduler.tick()
    assert sorted(guild for guild, _ in poster.calls) == [1, 3]


async def test_the_task_survives_a_failing_pass_and_stops_when_cancelled(
    store: SqliteState, clock: FakeClock, poster: FakePoster, caplog: pytest.LogCaptureFixture
) -> None:
    sleeps: list[float] = []
    slept_thrice = asyncio.Event()
    passes = 0

    async def flaky_subscriptions() -> list[object]:
        nonlocal passes
        passes += 1
        if passes == 1:
            raise RuntimeError("database is locked")
        return []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 3:
            slept_thrice.set()
        await asyncio.sleep(0)

    scheduler = Scheduler(store, clock, poster, sleep=sleep)
    scheduler.subscriptions = flaky_subscriptions  # type: ignore[method-assign,assignment]
    with caplog.at_level(logging.ERROR, logger="bot.daily.scheduler"):
        scheduler.start()
        await asyncio.wait_for(slept_thrice.wait(), 2)
    assert sleeps[0] == 2.0 and sleeps[1:3] == [MAX_SLEEP, MAX_SLEEP]
    assert "database is locked" in caplog.text
    task = scheduler.task
    assert task is not None and not task.done()
    await scheduler.stop()
    assert task.cancelled() and scheduler.task is None


async def test_settle_wakes_the_sleeping_loop(
    store: SqliteState, clock: FakeClock, poster: FakePoster
) -> None:
    ready = asyncio.Event()
    scheduler = Scheduler(store, clock, poster, ready=ready.wait)
    scheduler.start()
    ready.set()
    await scheduler.settle()
    assert poster.calls == []
    clock.advance(seconds=30)
    await asyncio.wait_for(scheduler.settle(), 2)  # instead of sleeping out the 30 s
    assert len(poster.calls) == 3
    await scheduler.stop()


async def test_the_next_wake_is_counted_from_the_end_of_a_long_pass(
    store: SqliteState, clock: FakeClock, poster: FakePoster, caplog: pytest.LogCaptureFixture
) -> None:
    """Three 09:00 posts take 40 s each; guild 4's 09:01 post came due during that batch and
    goes out at once, not a whole sleep after it; each post's delay is logged."""
    caplog.set_level(logging.INFO, logger="bot.daily.scheduler")
    await store.daily_subscribe(4, 40, time(9, 1), "UTC", SET_AT)

    async def slow(due: Due, entry: LedgerEntry | None, now: datetime) -> Result:
        clock.advance(seconds=40)  # Discord's rate limit, a big batch
        return await poster(due, entry, now)

    scheduler = Scheduler(store, clock, slow, concurrency=1)
    clock.set(START + timedelta(seconds=30))  # 09:00:00
    assert await scheduler.tick() == 0.0  # 09:02 now: guild 4 has been due for a minute
    assert sorted(poster.calls) == [(1, "2026-06-21"), (2, "2026-06-21"), (3, "2026-06-21")]
    assert await scheduler.tick() == MAX_SLEEP
    assert poster.calls[-1] == (4, "2026-06-21")
    assert scheduler.worst_delay == 120.0  # guild 3, last of the batch
    delays = [r.getMessage() for r in caplog.records if "after its time" in r.getMessage()]
    assert len(delays) == 4 and "went out 40.0 s after its time" in delays[0]
    assert any("guild 4" in line and "100.0 s" in line for line in delays)  # 09:01 → 09:02:40
