"""/model, /models, /compare through the emulator."""

from __future__ import annotations

from bot.commands import KINDS
from bot.discord_app.app import MinimaxBot
from tests.e2e.support import text_of
from tests.emulator import DiscordEmulator


async def test_model_card_for_m2(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("model", {"name": "M2"}))
    text = text_of(reply)
    assert "MiniMax-M2" in text and "230B" in text
    assert not reply.ephemeral and not reply.pings


async def test_unknown_model_is_told_privately_with_a_suggestion(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("model", {"name": "minimx text 01"}))
    assert "MiniMax-Text-01" in text_of(reply)


async def test_models_of_one_kind(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    registered = {
        c["name"]: c for c in discord_emulator.registered_commands(discord_emulator.world.guild.id)
    }
    kind = registered["models"]["options"][0]
    assert [c["value"] for c in kind["choices"]] == list(KINDS)
    reply = await (await discord_emulator.slash("models", {"kind": "text"}))
    assert "MiniMax-M2" in text_of(reply) and not reply.ephemeral


async def test_compare_two_models(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("compare", {"a": "M1", "b": "M2"}))
    text = text_of(reply)
    assert "MiniMax-M1" in text and "MiniMax-M2" in text and not reply.ephemeral


async def test_model_autocomplete(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    choices = await discord_emulator.autocomplete("model", "name", "abab")
    assert choices and all("abab" in c["name"].lower() for c in choices[:2])
    assert len(choices) <= 25
    other = await discord_emulator.autocomplete("compare", "b", "m2", options={"a": "M1"})
    assert other[0]["value"] == "MiniMax-M2"
