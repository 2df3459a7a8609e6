"""Command names, descriptions and option names in zh-CN and zh-TW, registered and valid."""

from __future__ import annotations

from typing import Any

from bot.commands import COMMANDS
from bot.discord_app.app import MinimaxBot
from tests.e2e.test_registration import valid_name
from tests.emulator import DiscordEmulator

LOCALES = ("zh-CN", "zh-TW")
HAN = range(0x4E00, 0xA000)


def chinese(text: str) -> bool:
    return any(ord(ch) in HAN for ch in text)


def registered(emu: DiscordEmulator) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in emu.registered_commands(emu.world.guild.id)}


async def test_every_command_has_chinese_names_and_descriptions(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    commands = registered(discord_emulator)
    for locale in LOCALES:
        names = []
        for name in [*COMMANDS, "daily", "help"]:
            command = commands[name]
            local_name = command["name_localizations"][locale]
            description = command["description_localizations"][locale]
            assert valid_name(local_name) and chinese(local_name), (locale, name)
            assert chinese(description) and 1 <= len(description) <= 100, (locale, name)
            names.append(local_name)
        assert len(names) == len(set(names)), locale  # no two commands share a name
        menu = commands["Find in the corpus"]
        assert chinese(menu["name_localizations"][locale])
    assert commands["timeline"]["name_localizations"] == {"zh-CN": "时间线", "zh-TW": "時間線"}
    assert not discord_emulator.violations  # every PUT valid against Discord's OpenAPI spec


async def test_option_names_are_chinese_and_valid(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    commands = registered(discord_emulator)
    for name in COMMANDS:
        for option in commands[name]["options"]:
            localised = option.get("name_localizations") or {}
            if option["name"] in ("a", "b"):  # one letter says it already
                continue
            for locale in LOCALES:
                assert valid_name(localised[locale]) and chinese(localised[locale]), (name, option)
                assert chinese(option["description_localizations"][locale]), (name, option)
    daily_set = next(o for o in commands["daily"]["options"] if o["name"] == "set")
    assert daily_set["name_localizations"]["zh-CN"] == "设置"
    assert {o["name_localizations"]["zh-TW"] for o in daily_set["options"]} == {
        "頻道",
        "時間",
        "時區",
    }


async def test_a_chinese_client_still_sends_the_english_names(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    """Discord sends the registered (English) names whatever the user's locale."""
    reply = await (await discord_emulator.slash("model", {"name": "M2"}, locale="zh-CN"))
    assert reply.embeds and not reply.ephemeral
