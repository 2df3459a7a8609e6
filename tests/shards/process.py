"""`minimax-bot run` as one shard process of a multi-process test: the real CLI, the real
runner and bot, with two things the test needs from outside the process.

- The bot's clock (`MinimaxBot(clock=...)`, the clock the daily e2e tests inject) reads the
  instant the test wrote into the file named by MINIMAX_BOT_TEST_CLOCK, so days pass as fast
  as the test moves it. The scheduler's sleep returns as soon as that instant changes (polled
  every POLL_SECONDS), instead of sleeping up to a minute of real time.
- Each scheduler pass and each post attempt is appended to the file named by
  MINIMAX_BOT_TEST_TRACE (JSON lines, written through at once, so a SIGKILL loses nothing
  written before it): which process posted what, and when the process was up.

    python -m tests.shards.process run --db corpus.db   # the same arguments as minimax-bot

Everything else is as deployed: settings from the environment (SHARD_COUNT, SHARD_IDS,
DATABASE_URL, DISCORD_API_BASE...), the index check in a child process, the state in
PostgreSQL, turns to IDENTIFY under its advisory lock (spaced IDENTIFY_SPACING here, not 5 s).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from bot import runner
from bot.daily.poster import Result
from bot.daily.schedule import Due, LedgerEntry
from bot.daily.scheduler import Scheduler
from bot.discord_app import app
from bot.discord_app.app import MinimaxBot

CLOCK_VARIABLE = "MINIMAX_BOT_TEST_CLOCK"
TRACE_VARIABLE = "MINIMAX_BOT_TEST_TRACE"
POLL_SECONDS = 0.02
IDENTIFY_SPACING = 0.5  # Discord's is 5 s; the turns are taken the same way, only shorter
READY_SECONDS = 0.05  # discord.py waits 2 s after the last GUILD_CREATE; the emulator sends all


class FileClock:
    """The instant in a file the test rewrites (atomically, with os.replace)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8").strip()

    def __call__(self) -> datetime:
        return datetime.fromisoformat(self.text())


class Trace:
    def __init__(self, path: Path) -> None:
        self.file = path.open("a", encoding="utf-8")

    def write(self, event: str, **fields: Any) -> None:
        self.file.write(json.dumps({"event": event, **fields}) + "\n")
        self.file.flush()  # in the kernel's hands: a SIGKILL after this loses nothing


def instrument(scheduler: Scheduler, clock: FileClock, trace: Trace) -> None:
    """Trace the scheduler's passes and posts; wake it when the test moves the clock."""
    tick, post = scheduler.tick, scheduler.post
    last_pass = [""]  # the clock's text when the last pass began

    async def traced_tick() -> float:
        last_pass[0] = clock.text()
        delay = await tick()
        wake = scheduler.next_wake_at
        trace.write("pass", at=last_pass[0], next=None if wake is None else wake.isoformat())
        return delay

    async def traced_post(due: Due, entry: LedgerEntry | None, now: datetime) -> Result:
        guild_id, day = due.key
        trace.write("post", guild=guild_id, date=day.isoformat(), at=now.isoformat())
        result = await post(due, entry, now)
        trace.write("posted", guild=guild_id, date=day.isoformat(), result=result.value)
        return result

    async def sleep(seconds: float) -> None:
        """Until the test moves the clock, `/daily set` wakes the loop, or `seconds` of real
        time (a failed pass's backoff) have passed."""
        started = time.monotonic()
        while seconds > 0 and time.monotonic() - started < seconds:
            if scheduler._wake.is_set() or clock.text() != last_pass[0]:
                break
            await asyncio.sleep(POLL_SECONDS)
        scheduler._wake.clear()

    scheduler.tick = traced_tick  # type: ignore[method-assign]
    scheduler.post = traced_post
    scheduler.sleep = sleep


class ShardProcessBot(MinimaxBot):
    """The bot `minimax-bot run` builds, on the test's clock, its scheduler traced."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.file_clock = FileClock(Path(os.environ[CLOCK_VARIABLE]))
        self.trace = Trace(Path(os.environ[TRACE_VARIABLE]))
        super().__init__(*args, **{**kwargs, "clock": self.file_clock})
        self._connection.guild_ready_timeout = READY_SECONDS
        shards = self.settings.shard_ids
        self.trace.write(
            "start", pid=os.getpid(), shards=None if shards is None else list(shards),
            count=self.settings.shard_count,
        )  # fmt: skip

    async def setup_hook(self) -> None:
        await super().setup_hook()
        scheduler = getattr(self.get_cog("Daily"), "scheduler", None)
        assert isinstance(scheduler, Scheduler)
        instrument(scheduler, self.file_clock, self.trace)

    async def on_ready(self) -> None:
        await super().on_ready()
        self.trace.write("ready", shards=sorted(self.shards))


def main(argv: list[str]) -> int:
    app.IDENTIFY_SPACING = IDENTIFY_SPACING
    runner.MinimaxBot = ShardProcessBot  # type: ignore[misc]
    from bot.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
