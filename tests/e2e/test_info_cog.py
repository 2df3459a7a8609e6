"""/person, /sources, /about and /disagreements through the emulator."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from bot.discord_app.app import MinimaxBot
from bot.paths import SEEDS_DIR
from tests.e2e.support import buttons, custom_id, text_of
from tests.emulator import DiscordEmulator


async def test_person_by_any_spelling(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    for spelling in ("颜俊杰", "闫俊杰", "Yan Junjie"):
        reply = await (await discord_emulator.slash("person", {"name": spelling}))
        text = text_of(reply)
        assert "Junjie Yan" in text and "CEO" in text, spelling
        assert not reply.ephemeral and not reply.pings


async def test_person_autocomplete(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    choices = await discord_emulator.autocomplete("person", "name", "颜俊")
    assert choices[0]["value"] == "Junjie Yan"
    assert all(len(c["name"]) <= 100 for c in choices) and len(choices) <= 25


async def test_sources_lists_the_four_documents(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("sources"))
    text = text_of(reply)
    files = sorted(path.name for path in SEEDS_DIR.glob("*.txt"))
    assert len(files) == 4 and all(name in text for name in files)
    assert "Crossing" in text and "LatePost" in text


async def test_about_counts_what_the_database_holds(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot, bot_db: Path
) -> None:
    reply = await (await discord_emulator.slash("about"))
    text = text_of(reply)
    with sqlite3.connect(bot_db) as db:
        counts = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "passages", "quotes")
        }
    for table, count in counts.items():
        assert re.search(rf"\b{count}\b", text), f"{table}: {count}"
    assert "version" in text.lower()


async def test_disagreements_show_both_team_sizes(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    every = text_of(await (await discord_emulator.slash("disagreements")))
    assert "Team size" in every and "300" in every and "200" in every
    assert "Chinese name" in every and "闫俊杰" in every and "颜俊杰" in every
    minimax = text_of(await (await discord_emulator.slash("disagreements", {"subject": "MiniMax"})))
    assert "Team size" in minimax and "Chinese name" not in minimax


async def test_disagreements_page_forward_with_a_button(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    reply = await (await emu.slash("disagreements"))
    assert "Team size" in text_of(reply) and "page 1 of" in text_of(reply)
    page_two = await (await emu.click(reply, custom_id(reply, "▶")))
    assert page_two.id == reply.id and "page 2 of" in text_of(page_two)
    assert "Team size" not in text_of(page_two) and not buttons(page_two)["◀"]["disabled"]
