"""What every answer keeps to: it pings nobody, echoes no live mention, fits Discord's limits."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.discord_app.app import MinimaxBot
from tests.e2e.support import check_embed_limits, text_of
from tests.emulator import DiscordEmulator

# The longest answers the corpus gives, each command at its wordiest.
LONGEST: list[tuple[str, dict[str, Any]]] = [
    ("timeline", {}),
    ("timeline", {"query": "MiniMax"}),
    ("search", {"query": "model"}),
    ("search", {"query": "the MiniMax model training compute data"}),
    ("person", {"name": "Junjie Yan"}),
    ("model", {"name": "MiniMax-M1"}),
    ("model", {"name": "MiniMax-Text-01"}),
    ("compare", {"a": "MiniMax-M1", "b": "MiniMax-Text-01"}),
    ("models", {}),
    ("about", {}),
    ("sources", {}),
    ("disagreements", {}),
    ("quote", {"query": "product technology users AGI " * 20}),
    ("onthisday", {"date": "01-01"}),
]
LIVE_MENTION = re.compile(r"@(everyone|here)|<@[!&]?[0-9]+>")


@pytest.mark.parametrize(("command", "options"), LONGEST, ids=lambda v: str(v)[:30])
async def test_longest_answers_fit_discord_limits(
    discord_emulator: DiscordEmulator,
    minimax_bot: MinimaxBot,
    command: str,
    options: dict[str, Any],
) -> None:
    reply = await (await discord_emulator.slash(command, options))
    assert reply.embeds and not reply.pings
    for embed in reply.embeds:
        check_embed_limits(embed)


@pytest.mark.parametrize(
    ("command", "option"),
    [("quote", "query"), ("timeline", "query"), ("person", "name"), ("model", "name")],
)
async def test_mentions_in_options_ping_nobody_and_look_inert(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot, command: str, option: str
) -> None:
    emu = discord_emulator
    role = emu.world.guild.role("Announcements")
    loud = f"@everyone @here <@&{role.id}> <@{emu.world.admin.id}>"
    reply = await (await emu.slash(command, {option: loud}))
    assert not reply.pings and reply.allowed_mentions == {"parse": []}
    assert not reply.data["mention_roles"] and not reply.data["mentions"]
    shown = text_of(reply)
    assert "everyone" in shown and str(role.id) in shown  # echoed back, but inert
    assert not LIVE_MENTION.search(shown), shown
