"""/model, /models, /compare through the emulator."""

from __future__ import annotations

from bot.discord_app.app import MinimaxBot
from tests.emulator import DiscordEmulator


async def test_model_card_for_m2(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("model", {"name": "M2"}))
    description = reply.embeds[0]["description"]
    assert "MiniMax-M2" in description and "230B" in description
    assert not reply.ephemeral and not reply.pings


async def test_model_autocomplete(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    choices = await discord_emulator.autocomplete("model", "name", "abab")
    assert choices and all("abab" in c["name"].lower() for c in choices[:2])
    assert len(choices) <= 25
