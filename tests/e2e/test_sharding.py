"""SHARD_COUNT and SHARD_IDS: the process runs exactly the shards it is given."""

from __future__ import annotations

from pathlib import Path

from bot.discord_app.app import MinimaxBot
from bot.settings import Settings
from tests.e2e.conftest import NOW, emulated_settings, stores
from tests.emulator import DiscordEmulator


async def run_shards(emulator: DiscordEmulator, db: Path, settings: Settings) -> set[int]:
    """Start the bot with `settings`, answer /model once on the guild's shard if it runs."""
    async with stores(settings) as (corpus, state):
        bot = MinimaxBot(corpus, settings, state=state, clock=lambda: NOW)
        bot.before_identify_hook = no_identify_delay  # type: ignore[method-assign]
        async with emulator.running(bot):
            await emulator.wait_until_ready(shards=len(bot.shards))
            owner = (emulator.world.guild.id >> 22) % (settings.shard_count or 1)
            if owner in bot.shards:
                reply = await (await emulator.slash("model", {"name": "M2"}))
                assert reply.embeds and not reply.ephemeral
                assert bot.get_guild(emulator.world.guild.id) is not None
            else:
                assert bot.get_guild(emulator.world.guild.id) is None
            return set(bot.shards)


async def no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    """discord.py waits 5 s before each IDENTIFY after the first (Discord's rate limit)."""


def identified(emulator: DiscordEmulator) -> list[list[int]]:
    return sorted(list(i["shard"]) for i in emulator.gateway.identifies)


async def test_only_the_given_shard_identifies(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    settings = emulated_settings(discord_emulator, bot_db, shard_count=2, shard_ids=(1,))
    assert await run_shards(discord_emulator, bot_db, settings) == {1}
    assert identified(discord_emulator) == [[1, 2]]
    assert not discord_emulator.requests_to("GET /gateway/bot")  # SHARD_COUNT given: not asked


async def test_the_shard_that_owns_the_guild_answers_there(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    owner = (discord_emulator.world.guild.id >> 22) % 2
    settings = emulated_settings(discord_emulator, bot_db, shard_count=2, shard_ids=(owner,))
    assert await run_shards(discord_emulator, bot_db, settings) == {owner}
    assert identified(discord_emulator) == [[owner, 2]]


async def test_shard_count_alone_runs_them_all(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    settings = emulated_settings(discord_emulator, bot_db, shard_count=2)
    assert await run_shards(discord_emulator, bot_db, settings) == {0, 1}
    assert identified(discord_emulator) == [[0, 2], [1, 2]]


async def test_without_shard_settings_discord_says_how_many(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    settings = emulated_settings(discord_emulator, bot_db)
    assert await run_shards(discord_emulator, bot_db, settings) == {0}
    assert discord_emulator.requests_to("GET /gateway/bot")
    assert identified(discord_emulator) == [[0, 1]]
