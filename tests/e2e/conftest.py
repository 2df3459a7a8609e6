"""The real bot, with the real seeds, against the Discord API emulator."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.discord_app.app import MinimaxBot
from bot.queries.corpus import Corpus
from bot.settings import Settings
from bot.state import SqliteState
from tests.emulator import DiscordEmulator

# A fixed instant: "today" for /onthisday and the daily post, whatever the real date.
NOW = datetime(2026, 6, 21, 9, 30, tzinfo=UTC)


def emulated_settings(emulator: DiscordEmulator, database: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "discord_token": emulator.token,
        "database_path": database,
        "dev_guild_id": emulator.world.guild.id,
        "discord_api_base": emulator.api_base,
        "discord_gateway_url": emulator.gateway_url,
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@asynccontextmanager
async def stores(settings: Settings) -> AsyncIterator[tuple[Corpus, SqliteState]]:
    """The corpus and the state a bot with `settings` serves, opened as `run` opens them."""
    corpus = await Corpus.open(settings.database_path)
    try:
        legacy = settings.database_path
        async with await SqliteState.open(settings.state_file, legacy_corpus=legacy) as state:
            yield corpus, state
    finally:
        await corpus.close()


@asynccontextmanager
async def bot_process(emulator: DiscordEmulator, settings: Settings) -> AsyncIterator[MinimaxBot]:
    """A bot as one process runs it: its own stores, connected until the block ends."""
    async with stores(settings) as (corpus, state):
        bot = MinimaxBot(corpus, settings, state=state, clock=lambda: NOW)
        bot.before_identify_hook = no_identify_delay  # type: ignore[method-assign]
        async with emulator.running(bot):
            await emulator.wait_until_ready(shards=len(bot.shards))
            yield bot


async def no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    """discord.py waits 5 s before each IDENTIFY after the first (Discord's rate limit)."""


@pytest.fixture
def bot_db(indexed_seeds_db: Path, tmp_path: Path) -> Path:
    """A private copy of the indexed seeds (its state file goes beside it)."""
    copy = tmp_path / "bot.db"
    shutil.copyfile(indexed_seeds_db, copy)
    return copy


@pytest.fixture
async def minimax_bot(discord_emulator: DiscordEmulator, bot_db: Path) -> AsyncIterator[MinimaxBot]:
    settings = emulated_settings(discord_emulator, bot_db)
    async with stores(settings) as (corpus, state):
        bot = MinimaxBot(corpus, settings, state=state, clock=lambda: NOW)
        async with discord_emulator.running(bot):
            yield bot
