"""The tree's one error path, through the emulator: bugs, refusals, failing autocomplete and
interactions that expired, none of which stops the bot or leaks the token into the log."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator
from pathlib import Path

import discord
import pytest
from discord import app_commands

from bot.discord_app.app import MinimaxBot
from bot.discord_app.tree import FAILED
from tests.e2e.conftest import NOW, emulated_settings, stores
from tests.emulator import DiscordEmulator

CALLBACK = "POST /interactions/{interaction_id}/{interaction_token}/callback"


class Extras:
    """Test-only commands added to the real bot's tree next to its cogs."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.started = asyncio.Event()

    def install(self, tree: app_commands.CommandTree[MinimaxBot]) -> None:
        @tree.command(name="boom", description="always fails")
        async def boom(interaction: discord.Interaction) -> None:
            raise RuntimeError("a bug in a command")

        @tree.command(name="pick", description="autocomplete that fails")
        async def pick(interaction: discord.Interaction, thing: str) -> None:
            await interaction.response.send_message(thing)

        @pick.autocomplete("thing")
        async def broken(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            raise ValueError("a bug in an autocomplete")

        @tree.command(name="late", description="answers after waiting")
        async def late(interaction: discord.Interaction) -> None:
            self.started.set()
            await self.release.wait()
            await interaction.response.send_message("too late")

        @tree.command(name="lazy", description="autocomplete that waits")
        async def lazy(interaction: discord.Interaction, thing: str) -> None:
            await interaction.response.send_message(thing)

        @lazy.autocomplete("thing")
        async def waits(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            self.started.set()
            await self.release.wait()
            return [app_commands.Choice(name="x", value="x")]

        @tree.command(name="once", description="one use a minute")
        @app_commands.checks.cooldown(1, 60)
        async def once(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("done")


@pytest.fixture
async def extras(
    discord_emulator: DiscordEmulator, bot_db: Path, caplog: pytest.LogCaptureFixture
) -> AsyncIterator[Extras]:
    caplog.set_level(logging.DEBUG)  # everything discord.py logs, too
    extras = Extras()
    settings = emulated_settings(discord_emulator, bot_db)
    async with stores(settings) as (corpus, state):
        bot = MinimaxBot(corpus, settings, state=state, clock=lambda: NOW)
        extras.install(bot.tree)
        async with discord_emulator.running(bot):
            yield extras
            assert "MiniMax-M2" in json.dumps((await model(discord_emulator)).embeds)
    for record in caplog.records:  # the token is in no record, whatever happened
        text = record.getMessage() + (
            logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
        )
        assert discord_emulator.token not in text


async def model(emulator: DiscordEmulator) -> object:
    return await (await emulator.slash("model", {"name": "M2"}))


async def expire(emulator: DiscordEmulator, extras: Extras) -> None:
    """Forget the interaction the bot is working on, as Discord does after 3 s."""
    await extras.started.wait()
    emulator.interactions.popitem()
    extras.release.set()


async def test_a_bug_gets_an_apology_and_a_traceback_in_the_log(
    discord_emulator: DiscordEmulator, extras: Extras, caplog: pytest.LogCaptureFixture
) -> None:
    reply = await (await discord_emulator.slash("boom"))
    assert reply.content == FAILED and reply.ephemeral
    (record,) = [r for r in caplog.records if r.name == "bot.discord_app.tree"]
    assert record.levelno == logging.ERROR and record.getMessage().startswith("/boom failed")
    assert record.exc_info is not None and "a bug in a command" in str(record.exc_info[1])


async def test_failing_autocomplete_offers_nothing_and_logs_a_warning(
    discord_emulator: DiscordEmulator, extras: Extras, caplog: pytest.LogCaptureFixture
) -> None:
    assert await discord_emulator.autocomplete("pick", "thing", "a") == []
    (record,) = [r for r in caplog.records if "autocomplete of /pick failed" in r.getMessage()]
    assert record.levelno == logging.WARNING and record.exc_info is not None
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_an_expired_command_is_a_warning_and_no_second_try(
    discord_emulator: DiscordEmulator, extras: Extras, caplog: pytest.LogCaptureFixture
) -> None:
    emu = discord_emulator
    await emu.slash("late")
    await expire(emu, extras)
    await emu.wait_for(lambda: emu.requests_to(CALLBACK), what="the late answer")
    await emu.wait_for(
        lambda: "answered too late" in caplog.text, what="the warning about the late answer"
    )
    assert [r.status for r in emu.requests_to(CALLBACK)] == [404]  # no apology attempted
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_an_expired_autocomplete_is_one_warning_line(
    discord_emulator: DiscordEmulator, extras: Extras, caplog: pytest.LogCaptureFixture
) -> None:
    emu = discord_emulator
    typing = asyncio.create_task(emu.autocomplete("lazy", "thing", "x"))
    await expire(emu, extras)
    await emu.wait_for(lambda: "expired before it was answered" in caplog.text, what="warning")
    typing.cancel()
    record = next(r for r in caplog.records if "expired before" in r.getMessage())
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_cooldown_says_when_in_the_users_own_clock(
    discord_emulator: DiscordEmulator, extras: Extras
) -> None:
    assert (await (await discord_emulator.slash("once"))).content == "done"
    refused = await (await discord_emulator.slash("once"))
    assert refused.ephemeral and re.fullmatch(r"Slow down: try again <t:\d+:R>\.", refused.content)
