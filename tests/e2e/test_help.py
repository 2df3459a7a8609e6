"""/help with clickable mentions of the registered commands, errors naming commands by mention,
and the message menu "Find in the corpus"."""

from __future__ import annotations

import re

from bot.commands import COMMANDS
from bot.discord_app.app import MinimaxBot
from tests.e2e.support import buttons, text_of
from tests.emulator import DiscordEmulator

MENTION = re.compile(r"</([a-z]+)(?: [a-z]+)?:([0-9]+)>")


def registered_ids(emu: DiscordEmulator) -> dict[str, str]:
    return {c["name"]: c["id"] for c in emu.registered_commands(emu.world.guild.id)}


async def test_help_mentions_every_command_by_its_registered_id(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    reply = await (await emu.slash("help"))
    assert reply.ephemeral and not reply.pings
    text = text_of(reply)
    mentioned = MENTION.findall(text)
    ids = registered_ids(emu)
    assert {name for name, _ in mentioned} == {*COMMANDS, "daily"}
    assert all(ids[name] == command_id for name, command_id in mentioned)  # each resolves
    assert "Find in the corpus" in text


async def test_help_before_any_sync_names_the_commands_plainly(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    minimax_bot.mentions.ids.clear()  # before any sync: plain names, nothing broken
    reply = await (await emu.slash("help"))
    assert "/model" in text_of(reply) and not MENTION.search(text_of(reply))


async def test_an_error_naming_a_command_mentions_it(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    reply = await (await emu.slash("search", {"query": "   "}))
    assert reply.ephemeral
    ids = registered_ids(emu)
    assert f"</search:{ids['search']}>" in reply.content


async def test_find_in_the_corpus_searches_for_a_messages_text(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    said = "Has anyone read what Junjie Yan said about scaling laws and compute?"
    reply = await (await emu.message_command("Find in the corpus", said))
    assert not reply.ephemeral and reply.embeds and not reply.pings
    assert "scaling" in text_of(reply).lower()


async def test_find_in_the_corpus_pages_like_search(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    reply = await (await emu.message_command("Find in the corpus", "MiniMax"))
    assert "▶" in buttons(reply)


async def test_find_in_a_message_without_text_says_so(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.message_command("Find in the corpus", "   "))
    assert reply.ephemeral and "no text" in reply.content and "Traceback" not in reply.content
