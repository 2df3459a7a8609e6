"""Soak: many simulated days × guilds in odd time zones, random restarts and kills (some
between a send and its ledger write), lost responses; every message the emulator received
counted. Everyday runs are short; `MINIMAX_BOT_PROFILE=full` runs 60 days × 20 guilds.

Run with `-s` to see the figures:
`soak: 60 days × 20 guilds, restarts R, kills K, posts P, duplicates 0, missed 0`.

"Missed while up": a (guild, local date) for which the bot completed a pass (not killed in
it) at or after the scheduled instant and before the local day ended, and yet no message
exists. "Duplicate": two messages for one (guild, local date).
"""

from __future__ import annotations

import heapq
import os
import random
from collections import Counter
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.daily.ledger import NONCE_WINDOW, parse_nonce
from bot.daily.schedule import local_instant
from bot.discord_app.app import MinimaxBot
from bot.settings import STATE_FILE_NAME
from bot.state import SqliteState
from tests.daily.clock import FakeClock
from tests.daily.harness import POST, bot_up, daily_posts, is_dead, kill_after_send, run_at
from tests.daily.harness import scheduler_of as scheduler
from tests.emulator import DiscordEmulator

FULL = os.environ.get("MINIMAX_BOT_PROFILE", "default") == "full"
DAYS, GUILDS = (60, 20) if FULL else (10, 5)
SEED = int(os.environ.get("MINIMAX_BOT_SOAK_SEED", "20260301"))
START = datetime(2026, 3, 1, tzinfo=UTC)  # spans the US (Mar 8) and EU (Mar 29) DST changes
ZONES = (
    "America/New_York", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Eucla",
    "Pacific/Chatham", "America/St_Johns", "Australia/Lord_Howe", "UTC", "Pacific/Kiritimati",
)  # fmt: skip
TIMES = (time(9), time(2, 30), time(1, 30), time(0, 0), time(23, 45), time(12, 15))
OUTAGE_CHANCE, KILL_SHARE, LOST_RESPONSE_CHANCE = 0.4, 0.5, 0.04
DOWNTIMES = (timedelta(seconds=50), timedelta(minutes=10), timedelta(hours=4))
DOWNTIMES += (timedelta(hours=20), timedelta(hours=30))


@dataclass(frozen=True)
class Sub:
    guild_id: int
    channel_id: int
    at: time
    zone: ZoneInfo


@dataclass
class Run:
    """The simulation's state and what it saw."""

    emu: DiscordEmulator
    db: Path
    clock: FakeClock
    end: datetime
    rng: random.Random
    events: list[tuple[datetime, int, str]] = field(default_factory=list)
    stack: AsyncExitStack | None = None
    bot: MinimaxBot | None = None
    last_instant: datetime = START
    starts: int = 0
    kills: int = 0
    passes: list[datetime] = field(default_factory=list)  # completed while up
    stamped: dict[int, datetime] = field(default_factory=dict)  # message id -> clock
    _order: int = 0
    _ticks: set[datetime] = field(default_factory=set)

    def push(self, instant: datetime, kind: str) -> None:
        if instant >= self.end or (kind == "tick" and instant in self._ticks):
            return  # a tick at an instant already planned would only repeat the pass
        if kind == "tick":
            self._ticks.add(instant)
        self._order += 1
        heapq.heappush(self.events, (instant, self._order, kind))

    def forget_old_nonces(self, instant: datetime) -> None:
        """Discord remembers a nonce for a few minutes (we assume NONCE_WINDOW at least)."""
        if instant - self.last_instant >= NONCE_WINDOW:
            self.emu.forget_nonces()
        self.last_instant = instant

    async def start(self, instant: datetime) -> None:
        self.forget_old_nonces(instant)
        self.clock.set(instant)
        self.stack = AsyncExitStack()
        self.bot = await self.stack.enter_async_context(bot_up(self.emu, self.db, self.clock))
        self.starts += 1
        await self.after_pass(instant)

    async def stop(self) -> None:
        assert self.stack is not None
        await self.stack.aclose()
        self.stack = self.bot = None

    async def tick(self, instant: datetime) -> None:
        assert self.bot is not None
        self.forget_old_nonces(instant)
        if self.rng.random() < LOST_RESPONSE_CHANCE:
            self.emu.lose_next_response(1, route=POST)
        await run_at(self.bot, self.clock, instant)
        await self.after_pass(instant)

    async def after_pass(self, instant: datetime) -> None:
        assert self.bot is not None
        for message in daily_posts(self.emu):
            self.stamped.setdefault(message.id, instant)
        if is_dead(self.bot):  # killed between a send and its ledger write
            self.kills += 1
            await self.stop()
            self.push(instant + self.rng.choice(DOWNTIMES), "start")
            return
        self.passes.append(instant)
        wake = scheduler(self.bot).next_wake_at  # a retry, or the next post
        if wake is not None:
            self.push(wake, "tick")


async def subscribe_all(run: Run, subs: list[Sub]) -> None:
    async with await SqliteState.open(run.db.with_name(STATE_FILE_NAME)) as store:
        for sub in subs:
            await store.daily_subscribe(sub.guild_id, sub.channel_id, sub.at, sub.zone.key, START)


def local_days(sub: Sub, end: datetime) -> list[tuple[date, datetime, datetime]]:
    """(local date, scheduled instant, end of that local day) of every post owed in the run."""
    days = []
    day = START.astimezone(sub.zone).date()
    while (scheduled := local_instant(day, sub.at, sub.zone)) < end:
        if scheduled >= START:
            ends = local_instant(day + timedelta(days=1), time(0), sub.zone)
            days.append((day, scheduled, ends))
        day += timedelta(days=1)
    return days


async def simulate(run: Run, subs: list[Sub]) -> None:
    for sub in subs:
        for _, scheduled, _ in local_days(sub, run.end):
            run.push(scheduled, "tick")
    for n in range(DAYS):
        if n == 1 or run.rng.random() < OUTAGE_CHANCE:  # day 1: a kill, whatever the seed
            moment = START + timedelta(days=n, seconds=run.rng.randrange(86_400))
            kill = n == 1 or run.rng.random() < KILL_SHARE
            run.push(moment, "kill" if kill else "stop")
    await run.start(START)
    while run.events:
        instant, _, kind = heapq.heappop(run.events)
        if kind == "start" and run.bot is None:
            await run.start(instant)
        elif kind == "tick" and run.bot is not None:
            await run.tick(instant)
        elif kind == "kill" and run.bot is not None:
            kill_after_send(run.bot)  # the next post dies after it is sent
        elif kind == "stop" and run.bot is not None:
            await run.stop()
            run.push(instant + run.rng.choice(DOWNTIMES), "start")
    if run.bot is not None:
        await run.stop()


async def test_soak_exactly_once_across_restarts_and_kills(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, rng = discord_emulator, random.Random(SEED)
    guilds = [emu.world.guild] + [emu.world.add_guild(f"Soak {n}") for n in range(1, GUILDS)]
    subs = [
        Sub(g.id, g.channel("general").id, rng.choice(TIMES), ZoneInfo(rng.choice(ZONES)))
        for g in guilds
    ]
    end = START + timedelta(days=DAYS)
    run = Run(emu, bot_db, FakeClock(START), end, rng)
    await subscribe_all(run, subs)
    await simulate(run, subs)

    counts: Counter[tuple[int, date]] = Counter()
    for message in daily_posts(emu):
        key = parse_nonce(str(message.data["nonce"]))
        assert key is not None
        counts[key] += 1
    duplicates = sum(n - 1 for n in counts.values())
    missed, late = [], []
    for sub in subs:
        for day, scheduled, ends in local_days(sub, end):
            key = (sub.guild_id, day)
            up = any(scheduled <= moment < ends for moment in run.passes)
            if up and counts[key] == 0:
                missed.append(key)
    for message in daily_posts(emu):
        guild_id, day = parse_nonce(str(message.data["nonce"])) or (0, date.min)
        sub = next(s for s in subs if s.guild_id == guild_id)
        when = run.stamped[message.id]
        scheduled = local_instant(day, sub.at, sub.zone)
        if not scheduled <= when < local_instant(day + timedelta(1), time(0), sub.zone):
            late.append((guild_id, day, when))  # a backlog, or posted early
    print(
        f"\nsoak: {DAYS} days × {GUILDS} guilds, restarts {run.starts - 1}, kills {run.kills}, "
        f"posts {sum(counts.values())}, duplicates {duplicates}, missed {len(missed)}"
    )
    assert duplicates == 0 and missed == [] and late == []
    assert run.kills > 0 and run.starts > run.kills + 1
    assert sum(counts.values()) >= len(subs) * (DAYS - 3) * 0.5
