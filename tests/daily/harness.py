"""Driving the real bot's daily posts through the emulator with a fake clock.

    clock = FakeClock(START)
    async with bot_up(emulator, db, clock) as bot:
        await run_at(bot, clock, NINE_AM)        # set the clock, let one whole pass run
        assert len(daily_posts(emulator)) == 1

A restart is leaving `bot_up` and entering it again on the same database: a new process as
far as the bot knows. `kill_after_send` makes the next post die between the send and the
ledger write, as a process killed at that moment would.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.daily.ledger import parse_nonce
from bot.daily.scheduler import Scheduler
from bot.discord_app.app import MinimaxBot
from tests.daily.clock import FakeClock
from tests.e2e.conftest import emulated_settings, stores
from tests.emulator import DiscordEmulator, Message

POST = "POST /channels/{channel_id}/messages"


class Killed(BaseException):
    """The process dies here: nothing after it runs (not an Exception, so nothing catches it)."""


@asynccontextmanager
async def bot_up(
    emulator: DiscordEmulator, db: Path, clock: FakeClock, **settings: Any
) -> AsyncIterator[MinimaxBot]:
    served = emulated_settings(emulator, db, **settings)
    async with stores(served) as (corpus, state):
        bot = MinimaxBot(corpus, served, state=state, clock=clock)
        bot.before_identify_hook = _no_identify_delay  # type: ignore[method-assign]
        async with emulator.running(bot):
            await scheduler_of(bot).settle()  # the first pass, at start-up
            yield bot


async def _no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    """discord.py waits 5 s between IDENTIFYs of several shards (Discord's limit)."""


def scheduler_of(bot: MinimaxBot) -> Scheduler:
    # load_extension runs cogs/daily.py afresh: its Daily is not the one imported here
    scheduler = getattr(bot.get_cog("Daily"), "scheduler", None)
    assert isinstance(scheduler, Scheduler)
    return scheduler


async def run_at(bot: MinimaxBot, clock: FakeClock, moment: datetime) -> None:
    clock.set(moment)
    await scheduler_of(bot).settle()


def is_dead(bot: MinimaxBot) -> bool:
    task = scheduler_of(bot).task
    return task is None or task.done()


def kill_after_send(bot: MinimaxBot) -> None:
    """The next post is sent, then the process dies before the ledger records it."""
    store = bot.state

    async def killed(*args: Any) -> None:
        raise Killed

    store.daily_confirm = killed  # type: ignore[method-assign]


def daily_posts(emulator: DiscordEmulator, channel: Any = None) -> list[Message]:
    """The daily posts the emulator holds (in `channel`), by their nonce."""
    found = emulator.channel_messages(channel) if channel is not None else emulator.sent_messages
    return [m for m in found if parse_nonce(str(m.data.get("nonce") or "")) is not None]


def posts_per_day(emulator: DiscordEmulator) -> Counter[tuple[int, date]]:
    counts: Counter[tuple[int, date]] = Counter()
    for message in daily_posts(emulator):
        key = parse_nonce(str(message.data["nonce"]))
        assert key is not None
        counts[key] += 1
    return counts
