"""When the bot registers its commands: the dev guild on every start, globally only on change."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import discord
import pytest
from discord import app_commands

from bot.discord_app.app import MinimaxBot
from bot.discord_app.sync import HASH_KEY, commands_hash
from bot.paths import SEEDS_DIR
from bot.runner import sync_now
from bot.state import SqliteState
from tests.e2e.conftest import NOW, emulated_settings, stores
from tests.emulator import DiscordEmulator

GLOBAL_PUT = "PUT /applications/{application_id}/commands"
GUILD_PUT = "PUT /applications/{application_id}/guilds/{guild_id}/commands"


async def extra(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("extra", ephemeral=True)


async def start_once(
    emulator: DiscordEmulator, db: Path, *, more: bool = False, **overrides: object
) -> str:
    """Start a fresh bot on `db`, wait until ready, stop it; the hash of its commands."""
    settings = emulated_settings(emulator, db, **overrides)
    async with stores(settings) as (corpus, state):
        bot = MinimaxBot(corpus, settings, state=state, clock=lambda: NOW)
        if more:  # a changed command set, as after an upgrade
            bot.tree.add_command(
                app_commands.Command(name="extra", description="x", callback=extra)
            )
        async with emulator.running(bot):
            return await commands_hash(bot.tree)


async def stored_hash(emulator: DiscordEmulator, db: Path) -> str | None:
    async with await SqliteState.open(emulated_settings(emulator, db).state_file) as store:
        key = HASH_KEY.format(application_id=emulator.world.application_id)
        return await store.state_get(key)


async def test_dev_guild_gets_the_commands_and_global_is_left_alone(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot, bot_db: Path
) -> None:
    emu = discord_emulator
    names = {c["name"] for c in emu.registered_commands(emu.world.guild.id)}
    assert {"model", "models", "compare"} <= names
    assert emu.registered_commands() == [] and not emu.requests_to(GLOBAL_PUT)
    assert len(emu.requests_to(GUILD_PUT)) == 1
    assert await stored_hash(emu, bot_db) is None


async def test_global_sync_only_when_the_commands_changed(
    discord_emulator: DiscordEmulator, bot_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    emu = discord_emulator
    caplog.set_level(logging.INFO, logger="bot.discord_app.sync")
    first = await start_once(emu, bot_db, dev_guild_id=None)
    assert len(emu.requests_to(GLOBAL_PUT)) == 1 and not emu.requests_to(GUILD_PUT)
    assert "model" in {c["name"] for c in emu.registered_commands()}
    assert await stored_hash(emu, bot_db) == first

    assert await start_once(emu, bot_db, dev_guild_id=None) == first
    assert len(emu.requests_to(GLOBAL_PUT)) == 1  # same commands: no upload
    assert "global commands unchanged since the last sync" in caplog.text

    changed = await start_once(emu, bot_db, dev_guild_id=None, more=True)
    assert changed != first and len(emu.requests_to(GLOBAL_PUT)) == 2
    assert "extra" in {c["name"] for c in emu.registered_commands()}
    assert await stored_hash(emu, bot_db) == changed
    assert "synced" in caplog.text and "definitions changed" in caplog.text


async def test_global_commands_answer(discord_emulator: DiscordEmulator, bot_db: Path) -> None:
    settings = emulated_settings(discord_emulator, bot_db, dev_guild_id=None)
    async with stores(settings) as (corpus, state):
        bot = MinimaxBot(corpus, settings, state=state, clock=lambda: NOW)
        async with discord_emulator.running(bot):
            reply = await (await discord_emulator.slash("model", {"name": "M2"}))
            assert "MiniMax-M2" in json.dumps(reply.embeds[0], ensure_ascii=False)


async def test_the_sync_command_syncs_records_and_exits(
    discord_emulator: DiscordEmulator, bot_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    emu = discord_emulator
    settings = emulated_settings(emu, bot_db, dev_guild_id=None)
    assert await sync_now(settings, SEEDS_DIR, None) == 0
    assert len(emu.requests_to(GLOBAL_PUT)) == 1 and not emu.gateway.connects  # REST only
    assert capsys.readouterr().out.startswith("synced ")
    recorded = await stored_hash(emu, bot_db)
    assert recorded is not None

    assert await start_once(emu, bot_db, dev_guild_id=None) == recorded
    assert len(emu.requests_to(GLOBAL_PUT)) == 1  # the start found them in sync

    assert await sync_now(settings, SEEDS_DIR, None) == 0  # on request: always
    assert len(emu.requests_to(GLOBAL_PUT)) == 2


async def test_the_sync_command_to_one_guild(
    discord_emulator: DiscordEmulator, bot_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    emu = discord_emulator
    settings = emulated_settings(emu, bot_db, dev_guild_id=None)
    assert await sync_now(settings, SEEDS_DIR, emu.world.guild.id) == 0
    assert emu.registered_commands(emu.world.guild.id) and emu.registered_commands() == []
    assert f"to guild {emu.world.guild.id}" in capsys.readouterr().out
    assert await stored_hash(emu, bot_db) is None


async def test_a_failed_sync_does_not_stop_the_bot(
    discord_emulator: DiscordEmulator, bot_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    emu = discord_emulator
    emu.fail_next(1, status=403, route=GLOBAL_PUT)
    await start_once(emu, bot_db, dev_guild_id=None)
    assert "command sync failed" in caplog.text
    assert await stored_hash(emu, bot_db) is None  # so the next start tries again
    await start_once(emu, bot_db, dev_guild_id=None)
    assert await stored_hash(emu, bot_db) is not None
