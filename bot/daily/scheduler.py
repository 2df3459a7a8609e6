"""The one background task behind the daily posts: wake, post what is due, sleep.

Each pass reads the subscriptions and the ledger, asks `schedule.due` what to post now, posts
it (a few guilds at a time), then sleeps until the next scheduled post or retry, counted from
the end of the pass (one that came due during a long batch is posted at once), and never
longer than `max_sleep` (a minute), so a clock change or a missed wake-up costs a minute at
most. Each post logs how long after its time it went out (`worst_delay` keeps the worst).
`wake()` cuts the sleep short (after `/daily set`); `settle()` wakes the loop and waits for a
whole pass, which is how tests drive it with a fake clock, never sleeping for real.

Supervision: an exception in one guild's post is logged and counted as a failed attempt for
that guild alone; an exception in a whole pass (say the database is locked) is logged and the
next pass comes after a short backoff. Only cancellation (`stop()`, from `cog_unload`) ends
the task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.daily.ledger import Attempts, ledger_view
from bot.daily.poster import Result
from bot.daily.schedule import Due, LedgerEntry, Subscription, due, next_wake
from bot.daily.subscriptions import subscription_of, unusable_reason
from bot.state import DailyLedger, GuildSettingsStore

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Post = Callable[[Due, LedgerEntry | None, datetime], Awaitable[Result]]
Sleep = Callable[[float], Awaitable[None]]
MAX_SLEEP = 60.0
MIN_SLEEP = 1.0  # never spin, whatever the clock says
CONCURRENCY = 8
SETTLE_SECONDS = 10.0
LEDGER_DAYS = 2  # local dates run at most a day either side of UTC's
LATE_SECONDS = 60.0  # a post later than this after its time is worth a warning


class SchedulerStore(GuildSettingsStore, DailyLedger, Protocol):
    """What a pass reads: the subscriptions and the ledger."""


def every_guild(guild_id: int) -> bool:
    return True


def _report_end(task: asyncio.Task[None]) -> None:
    """Only a BaseException (KeyboardInterrupt, SystemExit) gets past the loop's guard."""
    if not task.cancelled() and (error := task.exception()) is not None:
        log.critical("daily posts: the task died; no posts until restarted", exc_info=error)


class Scheduler:
    def __init__(
        self,
        store: SchedulerStore,
        clock: Clock,
        post: Post,
        *,
        owns: Callable[[int], bool] = every_guild,
        ready: Callable[[], Awaitable[Any]] | None = None,
        sleep: Sleep | None = None,
        max_sleep: float = MAX_SLEEP,
        concurrency: int = CONCURRENCY,
    ) -> None:
        self.store, self.clock, self.post, self.owns = store, clock, post, owns
        self.ready = ready
        self.sleep: Sleep = sleep or self._wait
        self.max_sleep = max_sleep
        self.concurrency = concurrency
        self.attempts = Attempts()
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._progress = asyncio.Event()
        self._started = self._finished = 0
        self.next_wake_at: datetime | None = None  # as the last pass saw it
        self.worst_delay = 0.0  # seconds, the latest a post went out after its time

    # --- the task ----------------------------------------------------------------------
    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="daily-posts")
            self._task.add_done_callback(_report_end)

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is None or task.done():
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    @property
    def task(self) -> asyncio.Task[None] | None:
        return self._task

    def wake(self) -> None:
        """Re-check now rather than at the end of the current sleep."""
        self._wake.set()

    async def settle(self) -> None:
        """Wake the loop and return once a pass that began after this call has finished (or
        the task has ended)."""
        target = self._started + 1
        self.wake()
        async with asyncio.timeout(SETTLE_SECONDS):
            while self._finished < target and self._task is not None and not self._task.done():
                progress = asyncio.ensure_future(self._progress.wait())
                await asyncio.wait({progress, self._task}, return_when=asyncio.FIRST_COMPLETED)
                progress.cancel()

    async def _run(self) -> None:
        if self.ready is not None:
            await self.ready()
        failures = 0
        while True:
            try:
                delay = await self.tick()
                failures = 0
            except Exception:
                failures += 1
                log.exception("daily posts: a pass failed (%d in a row)", failures)
                delay = min(self.max_sleep, 2.0**failures)
            await self.sleep(delay)

    async def _wait(self, seconds: float) -> None:
        # Not asyncio.wait_for: on Python 3.11 it swallows a cancellation that arrives as the
        # wake-up does, and stop() then waits for a task that never ends.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._wake.wait()
        self._wake.clear()

    def _measure(self, item: Due) -> None:
        """How long after its scheduled instant a post went out (the first try of the day)."""
        if self.attempts.get(item.key) is not None:
            return  # a retry: late by its backoff, on purpose
        delay = max(0.0, (self.clock() - item.scheduled).total_seconds())
        self.worst_delay = max(self.worst_delay, delay)
        level = logging.WARNING if delay >= LATE_SECONDS else logging.INFO
        log.log(
            level, "daily post for guild %s, %s went out %.1f s after its time", *item.key, delay
        )

    # --- one pass ----------------------------------------------------------------------
    async def tick(self) -> float:
        """Post what is due now; the seconds to sleep before the next pass."""
        async with self._lock:
            self._started += 1
            try:
                return await self._pass()
            finally:
                self._finished += 1
                self._progress.set()
                self._progress = asyncio.Event()

    async def subscriptions(self) -> list[Subscription]:
        found = []
        for row in await self.store.daily_subscriptions():
            if not self.owns(row.guild_id):
                continue
            subscription = subscription_of(row)
            if subscription is not None:
                found.append(subscription)
            elif (reason := unusable_reason(row)) is not None and row.paused_reason != reason:
                await self.store.daily_pause(row.guild_id, reason, self.clock())
                log.warning("daily post for guild %s paused: %s", row.guild_id, reason)
        return found

    async def _pass(self) -> float:
        now = self.clock()
        subscriptions = await self.subscriptions()
        first = (now - timedelta(days=LEDGER_DAYS)).date()
        rows = await self.store.daily_posts_since(first)
        ledger = ledger_view(rows, self.attempts)
        todo = due(subscriptions, ledger, now)
        if todo:
            await self._post_all(todo, ledger, now)
        self.attempts.prune(first)
        # What comes due after the pass *began*, slept for from when it *ended*: posts that
        # came due during a long batch go out at once, not a whole sleep later.
        wake = self.next_wake_at = next_wake(subscriptions, ledger_view(rows, self.attempts), now)
        ended = self.clock() if todo else now
        if wake is None:
            return self.max_sleep
        if wake <= ended:
            return 0.0
        return min(self.max_sleep, max(MIN_SLEEP, (wake - ended).total_seconds()))

    async def _post_all(
        self, todo: list[Due], ledger: Mapping[Any, LedgerEntry], now: datetime
    ) -> None:
        slots = asyncio.Semaphore(self.concurrency)

        async def one(item: Due) -> None:
            async with slots:
                await self._post_one(item, ledger.get(item.key), now)

        async with asyncio.TaskGroup() as group:
            for item in todo:
                group.create_task(one(item))

    async def _post_one(self, item: Due, entry: LedgerEntry | None, now: datetime) -> None:
        try:
            result = await self.post(item, entry, now)
        except Exception:
            log.exception("daily post for guild %s, %s failed", *item.key)
            result = Result.RETRY
        if result is Result.POSTED:
            self._measure(item)
        if result is Result.RETRY:
            attempt = self.attempts.failed(item.key, now)
            if attempt.given_up:
                log.warning(
                    "daily post for guild %s, %s: given up after %d attempts",
                    *item.key,
                    attempt.failures,
                )
        elif result is Result.GIVE_UP:
            self.attempts.give_up(item.key)
        else:
            self.attempts.forget(item.key)
