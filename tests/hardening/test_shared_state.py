"""Two bots with split shards on one state file (as two `run` processes with SHARD_IDS=0 and 1
share STATE_PATH; here in one process, so one emulator serves both), many guilds, 30% of the
daily posts answered 5xx: every guild posted once, none twice, no "database is locked"
anywhere. Each bot has its own connections to the state file, as a process would. `pytest -s`
prints the figures."""

from __future__ import annotations

import asyncio
import logging
import time as wall
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

import bot.daily.scheduler as scheduler_module
from bot.discord_app.app import MinimaxBot
from tests.daily.clock import FakeClock
from tests.daily.harness import POST, bot_up, posts_per_day, scheduler_of
from tests.emulator import DiscordEmulator, Guild
from tests.hardening.figures import FULL, show

GUILDS = 400 if FULL else 40
FAULT_RATE, SEED = 0.30, 13
DAY = date(2026, 6, 21)
NINE = datetime(2026, 6, 21, 9, tzinfo=UTC)


def add_guilds(emu: DiscordEmulator, count: int) -> list[Guild]:
    guilds = []
    for n in range(count):
        guilds.append(emu.world.add_guild(f"Shared {n}"))
        if n % 4 == 3:
            wall.sleep(0.001)  # a guild's shard comes from its id's millisecond: spread them
    return guilds


def logged_text(record: logging.LogRecord) -> str:
    trace = logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
    return record.getMessage() + trace


async def both_settle(bots: list[MinimaxBot], clock: FakeClock, moment: datetime) -> None:
    clock.set(moment)
    await asyncio.gather(*(scheduler_of(bot).settle() for bot in bots))


async def test_two_shard_processes_share_one_state_file(
    discord_emulator: DiscordEmulator,
    bot_db: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # discord.py retries a 5xx itself, after a second or more: a pass of hundreds of posts
    # takes real time, longer than a test's pass usually may.
    monkeypatch.setattr(scheduler_module, "SETTLE_SECONDS", 600.0)
    emu, clock = discord_emulator, FakeClock(NINE - timedelta(hours=1))
    caplog.set_level(logging.WARNING)
    guilds = add_guilds(emu, GUILDS)
    async with (
        bot_up(emu, bot_db, clock, shard_count=2, shard_ids=(0,)) as zero,
        bot_up(emu, bot_db, clock, shard_count=2, shard_ids=(1,)) as one,
    ):
        bots = [zero, one]
        assert zero.state is not one.state  # each its own connections, as two processes
        for n, guild in enumerate(guilds):  # admins of both shards set it up at once
            await bots[n % 2].state.daily_subscribe(
                guild.id, guild.channel("general").id, time(9), "UTC", clock()
            )
        emu.fault_rate(FAULT_RATE, statuses=(500, 502, 503), route=POST, seed=SEED)
        moment, passes = NINE, 0
        while moment < NINE + timedelta(hours=6) and passes < 60:
            await both_settle(bots, clock, moment)
            passes += 1
            wakes = [w for bot in bots if (w := scheduler_of(bot).next_wake_at) is not None]
            moment = max(
                min(wakes, default=moment + timedelta(hours=1)), moment + timedelta(seconds=1)
            )
            if len(posts_per_day(emu)) == GUILDS:
                break
        emu.fault_rate(0.0)
        rows = await zero.state.daily_posts_since(DAY)
    per_day = posts_per_day(emu)
    shards = Counter((guild.id >> 22) % 2 for guild in guilds)
    delays = [row.posted_at - NINE for row in rows if row.posted_at is not None]
    locked = [r for r in caplog.records if "locked" in logged_text(r).lower()]
    worst = max(delays, default=timedelta(0))
    show(
        "two shard processes, one state file",
        {
            "guilds": GUILDS,
            "guilds on shard 0": shards[0],
            "guilds on shard 1": shards[1],
            "REST faults injected": len(emu.faults.injected),
            "daily posts": sum(per_day.values()),
            "duplicates": sum(per_day.values()) - len(per_day),
            "locked errors": len(locked),
            "scheduler passes": passes,
            "worst delay (s)": int(worst.total_seconds()),
        },
    )
    assert per_day == {(guild.id, DAY): 1 for guild in guilds}
    assert locked == []
    assert len(rows) == GUILDS and all(row.confirmed for row in rows)
