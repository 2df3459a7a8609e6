"""The emulator itself, connecting and interactions, driven by a throwaway bot (real discord.py)."""

from __future__ import annotations

import discord
import pytest
from discord.ext import commands

from tests.emulator import DiscordEmulator
from tests.emulator.models import MANAGE_GUILD

CALLBACK = "POST /interactions/{interaction_id}/{interaction_token}/callback"


# --- connecting -----------------------------------------------------------------------------
async def test_login_identify_ready_and_guild_create(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    assert [r.path for r in emu.requests[:2]] == ["/users/@me", "/oauth2/applications/@me"]
    assert emu.gateway.connects == ["/?v=10&encoding=json&compress=zlib-stream"]
    identify = emu.gateway.identifies[0]
    assert identify["compress"] is True and identify["intents"] == discord.Intents.default().value
    assert any(p["op"] == 1 for p in emu.gateway.received)  # heartbeats answered
    assert bot.user is not None and bot.user.id == emu.world.bot.id
    guild = bot.get_guild(emu.world.guild.id)
    assert guild is not None and not guild.unavailable
    assert {c.name for c in guild.text_channels} == {"general", "news"}
    assert guild.default_role.id == guild.id and guild.get_role(guild.roles[1].id) is not None
    assert guild.me is not None and guild.member_count == 4  # no members intent: only me cached


async def test_sync_registers_guild_commands(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    registered = {c["name"]: c for c in emu.registered_commands(emu.world.guild.id)}
    assert set(registered) == {
        "ping",
        "fruit",
        "counter",
        "slow",
        "gone",
        "admin",
        "where",
        "config",
    }
    assert emu.registered_commands() == []  # nothing global
    assert registered["admin"]["default_member_permissions"] == str(MANAGE_GUILD)
    assert registered["ping"]["options"][0] == {
        **registered["ping"]["options"][0],
        "type": 3,
        "required": True,
    }


# --- interactions ---------------------------------------------------------------------------
async def test_slash_command_answers_with_content_and_embed(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    reply = await (await discord_emulator.slash("ping", {"text": "hello"}))
    assert reply.content == "pong: hello"
    assert reply.embeds[0]["title"] == "Pong" and reply.embeds[0]["fields"][0]["value"] == "member"
    assert not reply.ephemeral and not reply.pings
    assert discord_emulator.interaction_responses[0]["type"] == 4


async def test_autocomplete_returns_choices(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    choices = await discord_emulator.autocomplete("fruit", "name", "ap")
    assert choices == [{"name": "apple", "value": "apple"}, {"name": "apricot", "value": "apricot"}]


async def test_button_click_edits_the_message(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    message = await (await emu.slash("counter"))
    assert message.custom_ids == ["counter:inc", "counter:reset"]
    handle = await emu.click(message, "counter:inc")
    edited = await handle
    assert handle.callback_type == 7 and edited.id == message.id
    assert edited.content == "count: 1" and len(edited.history) == 1
    assert (await (await emu.click(message, "counter:inc"))).content == "count: 2"
    reset = await emu.click(message, "counter:reset")
    assert (await reset).content == "count: 0" and reset.callback_type == 6


async def test_deferred_answer_then_original_edit_and_followup(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    handle = await discord_emulator.slash("slow", {"count": 3, "secret": True})
    answer = await handle
    assert handle.callback_type == 5
    assert answer.content == "done x3" and answer.ephemeral and not answer.loading
    followup = await handle.followup(0)
    await discord_emulator.wait_for(lambda: followup.history, what="the follow-up edit")
    assert followup.content == "and one more thing (edited)" and followup.id != answer.id


async def test_original_response_fetched_edited_deleted(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    message = await (await emu.slash("gone"))
    await emu.wait_for(lambda: message.deleted, what="the deletion")
    assert message.content == "here and edited"
    assert [r.method for r in emu.requests if "@original" in r.path] == ["GET", "PATCH", "DELETE"]


async def test_options_are_typed_and_resolved(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    reply = await (await emu.slash("where", {"channel": "news"}))
    assert reply.content == "that is #news"
    data = next(iter(emu.interactions.values())).payload["data"]
    channel_id = str(emu.world.guild.channel("news").id)
    assert data["options"] == [{"name": "channel", "type": 7, "value": channel_id}]
    assert data["resolved"]["channels"][channel_id]["name"] == "news"
    assert (await (await emu.slash("config set", {"value": "7"}))).content == "set to 7"


async def test_manage_guild_check(discord_emulator: DiscordEmulator, bot: commands.Bot) -> None:
    emu = discord_emulator
    refused = await (await emu.slash("admin"))
    assert refused.content == "You need Manage Server." and refused.ephemeral
    allowed = await (await emu.slash("admin", user=emu.world.admin))
    assert allowed.content == "welcome, admin"
    forced = await (await emu.slash("admin", permissions=discord.Permissions(manage_guild=True)))
    assert forced.content == "welcome, admin"


async def test_unknown_option_or_missing_required_is_a_test_error(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    with pytest.raises(LookupError, match="no option 'txt'"):
        await discord_emulator.slash("ping", {"txt": "x"})
    with pytest.raises(ValueError, match="required"):
        await discord_emulator.slash("ping")
