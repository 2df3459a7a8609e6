"""A user-installable app: every command but /daily installable by a user and usable in the
bot's DMs and group DMs; answers there work, buttons too; /daily stays in servers."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.discord_app.app import MinimaxBot
from tests.e2e.conftest import bot_process, emulated_settings
from tests.e2e.support import buttons, custom_id, text_of
from tests.emulator import DiscordEmulator

GUILD, BOT_DM, PRIVATE_CHANNEL = 0, 1, 2
GUILD_INSTALL, USER_INSTALL = 0, 1


async def test_every_command_says_where_it_can_be_installed_and_used(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    registered = discord_emulator.registered_commands(discord_emulator.world.guild.id)
    assert registered and not discord_emulator.violations  # each PUT valid against the spec
    for command in registered:
        installs, contexts = command["integration_types"], command["contexts"]
        if command["name"] == "daily":
            assert (installs, contexts) == ([GUILD_INSTALL], [GUILD])
            assert command["default_member_permissions"] == str(1 << 5)  # Manage Server
        else:
            assert sorted(installs) == [GUILD_INSTALL, USER_INSTALL], command["name"]
            assert sorted(contexts) == [GUILD, BOT_DM, PRIVATE_CHANNEL], command["name"]


async def test_a_command_in_the_bots_dms_is_answered_and_daily_is_not_offered(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu = discord_emulator
    settings = emulated_settings(emu, bot_db, dev_guild_id=None)  # global commands, as in use
    async with bot_process(emu, settings):
        reply = await (await emu.slash_in_dm("model", {"name": "M2"}))
        assert reply.guild is None and reply.embeds and not reply.ephemeral
        assert "M2" in text_of(reply) and not reply.pings
        offered = emu.commands_in_dm()
        assert "model" in offered and "timeline" in offered and "daily" not in offered
        with pytest.raises(LookupError):
            await emu.slash_in_dm("daily status")
        help_there = await (await emu.slash_in_dm("help"))
        assert "</model:" in text_of(help_there) and "daily" not in text_of(help_there)
    assert not emu.violations


async def test_buttons_work_in_dms_for_the_asker_only(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu = discord_emulator
    settings = emulated_settings(emu, bot_db, dev_guild_id=None)
    async with bot_process(emu, settings):
        reply = await (await emu.slash_in_dm("timeline"))
        before = text_of(reply)
        page_two = await (await emu.click(reply, custom_id(reply, "▶")))
        assert page_two.id == reply.id and text_of(page_two) != before
        assert not buttons(page_two)["◀"]["disabled"]
        note = await (await emu.click(reply, custom_id(reply, "◀"), user=emu.world.admin))
        assert note.ephemeral and "/timeline" in note.content
