"""Faults end to end: 10% of REST calls answered 429 or 500, the gateway dropped every few
dozen interactions, the database held by another process past the busy timeout, all while
users ask and the daily post goes out. Every interaction is answered or told to try again;
nothing is lost; guild settings and the ledger come out whole. `pytest -s` prints the figures.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from bot.discord_app.app import MinimaxBot
from tests.daily.clock import FakeClock
from tests.daily.harness import bot_up, daily_posts, posts_per_day, run_at, scheduler_of
from tests.emulator import DiscordEmulator, Guild
from tests.hardening.figures import FULL, show
from tests.hardening.traffic import (
    EVERYDAY,
    Ask,
    Locker,
    Tally,
    crowd,
    integrity,
    send_batch,
    state_of,
)

INTERACTIONS, GUILDS = (600, 6) if FULL else (72, 2)
DROP_EVERY, BATCH, FAULT_RATE, SEED = 24, 8, 0.10, 6
LOCK_SECONDS = 6.0  # past the 5 s busy timeout: writers give up, readers go on (WAL)
DAY = date(2026, 6, 21)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, 21, hour, minute, tzinfo=UTC)


def set_daily(guild: Guild) -> Ask:
    return Ask("daily set", {"channel": "general", "time": "09:00", "timezone": "UTC"}, True)


async def subscribe_all(emu: DiscordEmulator, tally: Tally, guilds: list[Guild]) -> None:
    """Each admin runs /daily set until it is answered (a "try again" is tried again)."""
    for guild in guilds:
        for _ in range(5):
            (result,) = await send_batch(emu, tally, [(set_daily(guild), guild, emu.world.admin)])
            if result == "answered":
                break


async def post_until_done(bot: MinimaxBot, clock: FakeClock) -> int:
    """Run the scheduler's passes at each wake it asks for, until the day has nothing left."""
    passes = 0
    while (wake := scheduler_of(bot).next_wake_at) is not None and wake < at(23) and passes < 50:
        await run_at(bot, clock, max(wake, clock()))
        passes += 1
    return passes


async def test_every_interaction_is_answered_and_nothing_is_lost(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, clock, tally = discord_emulator, FakeClock(at(8)), Tally()
    emu.timeout = 30.0  # discord.py waits 1 s, 3 s... before retrying a 500
    guilds = [emu.world.guild] + [emu.world.add_guild(f"Faults {n}") for n in range(1, GUILDS)]
    users = {guild.id: crowd(emu, guild) for guild in guilds}
    drops = lock_batches = 0
    async with bot_up(emu, bot_db, clock, dev_guild_id=None) as bot:  # global commands
        corpus_before = await bot.corpus.store.counts()
        emu.fault_rate(FAULT_RATE, statuses=(429, 500), seed=SEED)
        await subscribe_all(emu, tally, guilds)
        plan = [(EVERYDAY[n % len(EVERYDAY)], guilds[n % len(guilds)]) for n in range(INTERACTIONS)]
        for start in range(0, INTERACTIONS, BATCH):
            batch = [
                (ask, guild, emu.world.admin if ask.admin else users[guild.id][(start + i) % 24])
                for i, (ask, guild) in enumerate(plan[start : start + BATCH])
            ]
            if start and start % DROP_EVERY == 0:
                await emu.drop_gateway()  # the batch goes out while the bot reconnects
                drops += 1
            if start == INTERACTIONS // 2 // BATCH * BATCH:
                async with Locker(state_of(bot_db), LOCK_SECONDS):  # writers wait 5 s, then give up
                    batch.append((set_daily(guilds[0]), guilds[0], emu.world.admin))
                    await send_batch(emu, tally, batch)
                    clock.set(at(9))  # the daily post falls due while the lock is held
                    await scheduler_of(bot).settle()
                    lock_batches += 1
                continue
            await send_batch(emu, tally, batch)
        passes = await post_until_done(bot, clock)
        emu.fault_rate(0.0)
        per_day = posts_per_day(emu)
        rows_ok = []
        for guild in guilds:
            row = await bot.state.daily_post_row(guild.id, DAY)
            settings = await bot.state.daily_settings(guild.id)
            rows_ok.append(
                row is not None
                and row.confirmed
                and settings is not None
                and settings.enabled
                and (settings.channel_id, settings.post_time)
                == (guild.channel("general").id, time(9))
            )
        corpus_after = await bot.corpus.store.counts()
    check, rows = integrity(bot_db)
    show(
        "faults",
        {
            **tally.counts,
            "REST faults injected": len(emu.faults.injected),
            "REST requests": len(emu.requests),
            "gateway drops": drops,
            "resumes": len(emu.gateway.resumes),
            "lock seconds": int(LOCK_SECONDS),
            "daily posts": len(daily_posts(emu)),
            "duplicate posts": len(daily_posts(emu)) - len(per_day),
            "scheduler passes after the lock": passes,
        },
    )
    assert per_day == {(guild.id, DAY): 1 for guild in guilds}
    assert all(rows_ok) and corpus_after == corpus_before
    assert tally.lost == []
    answered_or_told = ("answered", "try again", "slow down")
    assert sum(tally.counts[kind] for kind in answered_or_told) == tally.counts["sent"]
    assert tally.counts["try again"] >= 1  # the lock outlasted the busy timeout
    assert lock_batches == 1 and drops >= 1 and len(emu.gateway.resumes) >= drops
    assert check == "ok" and rows == {"guild_settings": GUILDS, "daily_posts": GUILDS}
    assert timedelta(0) <= clock() - at(9) < timedelta(hours=14)
