"""The commands the cogs register: one per command of the table, named and described by it;
every extension loads, unloads and reloads cleanly."""

from __future__ import annotations

import pkgutil
import unicodedata
from datetime import date
from typing import Any

import cogs
from bot.commands import COMMANDS
from bot.discord_app.app import MinimaxBot
from bot.domain.records import EventKind, ModelKind
from cogs import EXTENSIONS
from tests.e2e.support import text_of
from tests.emulator import DiscordEmulator

# DESIGN.md's table (plus /person and /disagreements): the table of bot.commands, which the
# terminal shares, and the admin-only /daily group, which exists on Discord only.
ADMIN = {"daily"}
DISCORD_ONLY = {"help", "Find in the corpus"}  # /help and the message menu (cogs/help.py)
EXPECTED = {
    "quote", "model", "models", "compare", "timeline", "onthisday", "search",
    "sources", "about", "person", "disagreements", "ask", *ADMIN, *DISCORD_ONLY,
}  # fmt: skip
AUTOCOMPLETED = {("model", "name"), ("compare", "a"), ("compare", "b"), ("quote", "speaker")}
AUTOCOMPLETED |= {("person", "name"), ("ask", "question")}
DISCORD_TYPES: dict[type, int] = {str: 3, date: 3, ModelKind: 3, EventKind: 3, int: 4}


def valid_name(name: str) -> bool:
    """Discord's ^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$, lower case where it can be."""
    word = all(ch in "-_" or unicodedata.category(ch)[0] in "LN" for ch in name)
    return word and 1 <= len(name) <= 32 and name == name.lower()


def registered(emu: DiscordEmulator) -> list[dict[str, Any]]:
    return emu.registered_commands(emu.world.guild.id)


async def test_one_registered_command_per_table_command(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    names = [c["name"] for c in registered(discord_emulator)]
    assert len(names) == len(set(names))
    assert set(names) == EXPECTED == {*COMMANDS, *ADMIN, *DISCORD_ONLY}
    assert discord_emulator.registered_commands() == []  # nothing global from a dev guild


async def test_names_descriptions_and_options_come_from_the_table(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    for command in registered(discord_emulator):
        if command["name"] in ADMIN | DISCORD_ONLY:
            continue
        table = COMMANDS[command["name"]]
        assert valid_name(command["name"])
        assert command["description"] == table.description and 1 <= len(table.description) <= 100
        assert [o["name"] for o in command["options"]] == [o.name for o in table.options]
        for option, spec in zip(command["options"], table.options, strict=True):
            where = f"/{table.name} {spec.name}"
            assert valid_name(option["name"]) and option["description"] == spec.description
            assert option.get("required", False) == spec.required, where
            assert option["type"] == DISCORD_TYPES[spec.type], where
            assert option.get("min_value") == spec.min_value, where
            assert option.get("max_value") == spec.max_value, where
            choices = [c["value"] for c in option.get("choices") or []]
            assert choices == list(spec.choices), where
            autocompleted = (table.name, spec.name) in AUTOCOMPLETED
            assert option.get("autocomplete", False) == autocompleted, where


def test_every_cog_module_is_an_extension() -> None:
    modules = {f"cogs.{m.name}" for m in pkgutil.iter_modules(cogs.__path__)}
    assert len(EXTENSIONS) == len(set(EXTENSIONS)) and set(EXTENSIONS) == modules


async def test_extensions_unload_and_load_again(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    bot = minimax_bot
    for name in EXTENSIONS:
        await bot.reload_extension(name)
    assert {c.name for c in bot.tree.get_commands()} == EXPECTED
    for name in EXTENSIONS:
        await bot.unload_extension(name)
    assert bot.tree.get_commands() == [] and not bot.cogs
    for name in EXTENSIONS:
        await bot.load_extension(name)
    assert sorted(c.name for c in bot.tree.get_commands()) == sorted(EXPECTED)
    reply = await (await discord_emulator.slash("model", {"name": "M2"}))
    assert "MiniMax-M2" in text_of(reply)
