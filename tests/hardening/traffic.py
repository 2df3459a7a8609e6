"""Users at work through the emulator: send interactions in small concurrent batches and sort
every one into answered, "try again" (a clear ephemeral note), or lost (no answer at all)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.discord_app.tree import FAILED
from bot.settings import STATE_FILE_NAME
from tests.emulator import DiscordEmulator, Guild, Member

TRY_AGAIN = (FAILED, "Slow down: try again")  # the tree's two "try again" notes
# Each user's commands are limited to 5 per 10 s; a crowd of users keeps clear of that.
CROWD = 24


@dataclass(frozen=True)
class Ask:
    command: str
    options: dict[str, Any]
    admin: bool = False


EVERYDAY: tuple[Ask, ...] = (
    Ask("quote", {"query": "scaling laws"}),
    Ask("model", {"name": "M2"}),
    Ask("search", {"query": "GPUs"}),
    Ask("timeline", {"year": 2025}),
    Ask("onthisday", {}),
    Ask("compare", {"a": "M1", "b": "Text-01"}),
    Ask("models", {}),
    Ask("person", {"name": "Junjie Yan"}),
    Ask("sources", {}),
    Ask("about", {}),
    Ask("disagreements", {}),
    Ask("daily status", {}, admin=True),
)


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    lost: list[str] = field(default_factory=list)

    def add(self, outcome: str, what: str) -> None:
        self.counts["sent"] += 1
        self.counts[outcome] += 1
        if outcome == "lost":
            self.lost.append(what)


def crowd(emu: DiscordEmulator, guild: Guild) -> list[Member]:
    return [emu.world.add_member(f"user{n}", guild=guild) for n in range(CROWD)]


async def outcome(emu: DiscordEmulator, ask: Ask, guild: Guild, user: Any) -> str:
    """answered, try again or lost, for one interaction."""
    try:
        handle = await emu.slash(ask.command, ask.options, guild=guild, user=user)
        reply = await handle
    except TimeoutError:
        return "lost"
    if reply.ephemeral and reply.content.startswith(TRY_AGAIN):
        return "try again" if reply.content == FAILED else "slow down"
    return "answered" if reply.embeds or reply.content else "lost"


async def send_batch(
    emu: DiscordEmulator, tally: Tally, batch: list[tuple[Ask, Guild, Any]]
) -> list[str]:
    results = await asyncio.gather(*(outcome(emu, a, g, u) for a, g, u in batch))
    for (ask, guild, _), result in zip(batch, results, strict=True):
        tally.add(result, f"/{ask.command} in {guild.name}")
    return list(results)


class Locker:
    """Another process's writer: holds `BEGIN EXCLUSIVE` on a database for `seconds`."""

    def __init__(self, db: Path, seconds: float) -> None:
        self.db, self.seconds = db, seconds
        self.held = threading.Event()
        self.thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        conn = sqlite3.connect(self.db, timeout=30, isolation_level=None)
        try:
            conn.execute("BEGIN EXCLUSIVE")
            self.held.set()
            time.sleep(self.seconds)
            conn.execute("COMMIT")
        finally:
            conn.close()

    async def __aenter__(self) -> Locker:
        self.thread.start()
        await asyncio.to_thread(self.held.wait, 10)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.to_thread(self.thread.join, self.seconds + 10)


def integrity(db: Path) -> tuple[str, dict[str, int]]:
    """PRAGMA integrity_check of the corpus and of the state beside it ("ok" when both are),
    and the rows of the guild tables (in the state)."""
    checks, rows = [], {}
    for path in (db, state_of(db)) if state_of(db).exists() else (db,):
        conn = sqlite3.connect(path)
        try:
            checks.append(str(conn.execute("PRAGMA integrity_check").fetchone()[0]))
            if path != db:
                rows = {
                    table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    for table in ("guild_settings", "daily_posts")
                }
        finally:
            conn.close()
    check = "ok" if set(checks) == {"ok"} else "; ".join(checks)
    return check, rows


def state_of(db: Path) -> Path:
    """The state file a bot serving `db` keeps (STATE_PATH unset)."""
    return db.with_name(STATE_FILE_NAME)
