"""A Chinese reader through Discord: answers, "nothing found", refusals, usage errors, /help,
/daily replies and the daily post carry none of the catalog's English fixed words."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.discord_app.app import MinimaxBot
from tests.cards.english_leaks import english_labels, leaks
from tests.daily.clock import FakeClock
from tests.daily.harness import bot_up, daily_posts, run_at
from tests.e2e.support import buttons, text_of
from tests.emulator import DiscordEmulator

HAN = range(0x4E00, 0xA000)
ASKED = (
    ("model", {"name": "M2"}),
    ("model", {"name": "gpt-5"}),  # no such model: did you mean
    ("ask", {"question": "MiniMax 什么时候成立的"}),
    ("ask", {"question": "when was MiniMax founded"}),
    ("ask", {"question": "does MiniMax own GPUs"}),
    ("quote", {"query": "compute"}),
    ("quote", {"speaker": "Elon Musk"}),
    ("timeline", {"year": 2024}),
    ("timeline", {"year": 1999}),  # nothing that year
    ("onthisday", {"date": "13-45"}),  # the table's converter refuses it
    ("search", {"query": "GPUs"}),
    ("disagreements", {}),
    ("person", {"name": "Zhou"}),
    ("compare", {"a": "M2", "b": "M2"}),
    ("help", {}),
)


def chinese(text: str) -> bool:
    return any(ord(ch) in HAN for ch in text)


@pytest.mark.parametrize("locale", ["zh-CN", "zh-TW"])
async def test_every_reply_to_a_chinese_reader_is_free_of_english_fixed_words(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot, locale: str
) -> None:
    emu = discord_emulator
    for command, options in ASKED:
        reply = await (await emu.slash(command, options, locale=locale))
        shown = text_of(reply) + "\n" + "\n".join(buttons(reply))
        for typed in options.values():  # echoed as typed
            shown = shown.replace(str(typed), "")
        assert chinese(shown), (command, options, shown[:300])
        assert not leaks(shown), (command, options, leaks(shown))
        for embed in reply.embeds:  # no field under an English label, however short
            names = {field["name"] for field in embed.get("fields", [])}
            assert not names & english_labels(), (command, names & english_labels())
    assert not emu.violations


async def test_an_english_question_gets_chinese_labels_for_a_chinese_reader(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    asked = {"question": "when was MiniMax founded"}
    english = text_of(await (await discord_emulator.slash("ask", asked)))
    chinese_reply = text_of(await (await discord_emulator.slash("ask", asked, locale="zh-CN")))
    assert "MiniMax · Founded" in english and "MiniMax · Founded" not in chinese_reply
    assert "MiniMax · 成立" in chinese_reply


async def test_the_english_reader_gets_those_words(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    """The check finds what it looks for."""
    reply = await (await discord_emulator.slash("model", {"name": "gpt-5"}))
    assert "Did you mean" in leaks(text_of(reply))


async def test_the_daily_replies_and_refusals_in_chinese(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu, admin = discord_emulator, discord_emulator.world.admin
    asked: list[tuple[str, dict[str, str]]] = [
        ("daily status", {}),
        ("daily set", {"channel": "general", "time": "25:00", "timezone": "UTC"}),
        ("daily set", {"channel": "general", "time": "09:00", "timezone": "Mars/Olympus"}),
        ("daily set", {"channel": "general", "time": "09:00", "timezone": "Asia/Shanghai"}),
        ("daily off", {}),
        ("daily off", {}),
    ]
    texts = []
    for command, options in asked:  # one after another: each reply before the next command
        reply = await (await emu.slash(command, options, user=admin, locale="zh-CN"))
        texts.append(text_of(reply))
    member = await (await emu.slash("daily status", locale="zh-CN"))  # no Manage Server
    texts.append(text_of(member))
    for text in texts:
        assert chinese(text) and not leaks(text), (text, leaks(text))
    assert "每日帖子已保存" in texts[3] and "频道：" in texts[3]
    assert "管理服务器" in texts[-1]
    # The preview is the post as it goes out: in the server's language (English here).
    preview = await (await emu.slash("daily preview", user=admin, locale="zh-CN"))
    assert preview.embeds[0]["title"] == "On this day · June 21"


async def test_the_daily_post_goes_out_in_the_servers_language(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu = discord_emulator
    emu.world.guild.preferred_locale = "zh-TW"
    clock = FakeClock(datetime(2026, 6, 21, 8, tzinfo=UTC))
    async with bot_up(emu, bot_db, clock) as bot:
        general = emu.world.guild.channel("general")
        await bot.state.daily_subscribe(
            general.guild_id, general.id, datetime(2026, 1, 1, 9).time(), "UTC", clock()
        )
        await run_at(bot, clock, datetime(2026, 6, 21, 9, tzinfo=UTC))
        (post,) = daily_posts(emu)
        assert post.embeds[0]["title"] == "歷史上的今天 · 6月21日"
        assert not leaks(text_of(post)), leaks(text_of(post))
        preview = await (await emu.slash("daily preview", user=emu.world.admin))
        assert preview.embeds[0] == post.embeds[0]  # what the English admin sees coming
