"""The real bot, with the real seeds, against the Discord API emulator."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.discord_app.app import MinimaxBot
from bot.queries.corpus import Corpus
from bot.settings import Settings
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


@pytest.fixture
def bot_db(indexed_seeds_db: Path, tmp_path: Path) -> Path:
    """A private copy of the indexed seeds: the bot may write guild settings to it."""
    copy = tmp_path / "bot.db"
    shutil.copyfile(indexed_seeds_db, copy)
    return copy


@pytest.fixture
async def minimax_bot(discord_emulator: DiscordEmulator, bot_db: Path) -> AsyncIterator[MinimaxBot]:
    corpus = await Corpus.open(bot_db)
    try:
        bot = MinimaxBot(corpus, emulated_settings(discord_emulator, bot_db), clock=lambda: NOW)
        async with discord_emulator.running(bot):
            yield bot
    finally:
        await corpus.close()
