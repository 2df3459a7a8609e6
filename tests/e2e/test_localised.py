"""Command names, descriptions and option names in zh-CN and zh-TW, registered and valid."""

from __future__ import annotations

from typing import Any

from bot.commands import COMMANDS
from bot.discord_app.app import MinimaxBot
from tests.e2e.support import buttons, custom_id, text_of
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


async def test_the_same_command_in_zh_cn_shows_the_same_values_under_chinese_labels(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    english = await (await emu.slash("model", {"name": "M2"}))
    chinese_reply = await (await emu.slash("model", {"name": "M2"}, locale="zh-CN"))
    [en_embed], [zh_embed] = english.embeds, chinese_reply.embeds
    assert zh_embed["title"] == en_embed["title"] == "MiniMax-M2"
    en_fields = {f["name"]: f["value"] for f in en_embed["fields"]}
    zh_fields = {f["name"]: f["value"] for f in zh_embed["fields"]}
    assert zh_fields["总参数量"] == en_fields["Total parameters"]
    assert zh_fields["许可证"] == en_fields["Licence"]
    assert [v for n, v in zh_fields.items() if n.startswith("来源 · ")] == [
        v for n, v in en_fields.items() if n.startswith("Source · ")
    ]
    assert "Total parameters" not in text_of(chinese_reply)
    assert not emu.violations


async def test_a_zh_tw_reader_gets_traditional_labels_and_buttons(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    reply = await (await emu.slash("quote", {"query": "compute"}, locale="zh-TW"))
    assert "與「compute」最相符" in text_of(reply)
    assert "下一則語錄" in buttons(reply)
    pressed = await (await emu.click(reply, custom_id(reply, "下一則語錄"), locale="zh-TW"))
    assert "第 2 則" in text_of(pressed) and "下一則語錄" in buttons(pressed)
    english = await (await emu.slash("quote", {"query": "compute"}))
    assert "Best match for “compute”" in text_of(english) and "Next quote" in buttons(english)


async def test_the_kinds_offered_as_choices_are_named_in_chinese(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    commands = registered(discord_emulator)
    for command in ("models", "timeline"):
        kind = next(o for o in commands[command]["options"] if o["name"] == "kind")
        for choice in kind["choices"]:
            names = choice["name_localizations"]
            assert choice["name"] == choice["value"]  # Discord sends the English value
            for locale in LOCALES:
                assert chinese(names[locale]) and len(names[locale]) <= 100, (command, choice)
    models_kind = next(o for o in commands["models"]["options"] if o["name"] == "kind")
    video = next(c for c in models_kind["choices"] if c["value"] == "video")
    assert video["name_localizations"] == {"zh-CN": "视频模型", "zh-TW": "影片模型"}
    assert not discord_emulator.violations
    reply = await (await discord_emulator.slash("models", {"kind": "video"}, locale="zh-CN"))
    assert "视频模型" in text_of(reply)
