"""The admin check: registered for Manage Server only, and checked again when run."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from unittest.mock import Mock

import discord
import pytest
from discord import app_commands

from bot.discord_app.app import MinimaxBot
from bot.discord_app.checks import can_manage_guild
from bot.discord_app.tree import NOT_ALLOWED
from cogs import EXTENSIONS
from tests.e2e.conftest import NOW, emulated_settings, stores
from tests.emulator import DiscordEmulator
from tests.emulator.models import MANAGE_GUILD

PROBES = ("probe-admin", "probe-group run")


@pytest.fixture
async def probe_bot(discord_emulator: DiscordEmulator, bot_db: Path) -> AsyncIterator[MinimaxBot]:
    settings = emulated_settings(discord_emulator, bot_db)
    async with stores(settings) as (corpus, state):
        extensions = [*EXTENSIONS, "tests.e2e.admin_probe"]
        bot = MinimaxBot(corpus, settings, state=state, clock=lambda: NOW, extensions=extensions)
        async with discord_emulator.running(bot):
            yield bot


async def test_registered_for_manage_server_in_servers_only(
    discord_emulator: DiscordEmulator, probe_bot: MinimaxBot
) -> None:
    registered = {
        c["name"]: c for c in discord_emulator.registered_commands(discord_emulator.world.guild.id)
    }
    for name in ("probe-admin", "probe-group"):
        assert registered[name]["default_member_permissions"] == str(MANAGE_GUILD) == "32"
        assert registered[name]["contexts"] == [0]  # guild only
    assert registered["quote"]["default_member_permissions"] is None


@pytest.mark.parametrize("command", PROBES)
async def test_a_member_without_manage_server_is_refused(
    discord_emulator: DiscordEmulator, probe_bot: MinimaxBot, command: str
) -> None:
    reply = await (await discord_emulator.slash(command))
    assert reply.ephemeral and reply.content == NOT_ALLOWED and not reply.pings


@pytest.mark.parametrize("command", PROBES)
async def test_a_member_with_manage_server_is_let_in(
    discord_emulator: DiscordEmulator, probe_bot: MinimaxBot, command: str
) -> None:
    emu = discord_emulator
    admin = await (await emu.slash(command, user=emu.world.admin))
    assert admin.content.endswith(" ok")
    granted = await (await emu.slash(command, permissions=discord.Permissions(manage_guild=True)))
    assert granted.content.endswith(" ok")


@pytest.mark.parametrize("command", PROBES)
async def test_the_permission_is_checked_at_run_time(
    discord_emulator: DiscordEmulator, probe_bot: MinimaxBot, command: str
) -> None:
    """A server may show the command to anyone (an override); running it still needs the
    permission in that channel."""
    emu = discord_emulator
    reply = await (await emu.slash(command, user=emu.world.admin, permissions=0))
    assert reply.ephemeral and reply.content == NOT_ALLOWED


def test_direct_messages_are_refused() -> None:
    interaction = Mock(spec=discord.Interaction)
    interaction.guild_id = None
    with pytest.raises(app_commands.NoPrivateMessage):
        can_manage_guild(interaction)
    interaction.guild_id = 1
    interaction.permissions = discord.Permissions.none()
    with pytest.raises(app_commands.MissingPermissions):
        can_manage_guild(interaction)
    interaction.permissions = discord.Permissions(manage_guild=True)
    assert can_manage_guild(interaction)
