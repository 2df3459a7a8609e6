"""/quote through the emulator: the best match, a speaker filter, the "Next quote" button."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.discord_app.app import MinimaxBot
from bot.discord_app.tree import FAILED
from bot.paths import SEEDS_DIR
from bot.queries import quotes
from bot.queries.results import QuoteAnswer
from tests.e2e.support import buttons, custom_id, text_of
from tests.emulator import DiscordEmulator

LATEPOST = SEEDS_DIR / "001_ee2c00c8cd1ea3f4.txt"


def shows(text: str, quote: str) -> bool:
    """The message shows the quote (its opening words, however the card lays it out)."""
    return " ".join(quote.split())[:60] in " ".join(text.split())


def quotes_by(database: Path, spellings: tuple[str, ...]) -> list[str]:
    with sqlite3.connect(database) as db:
        marks = ",".join("?" * len(spellings))
        rows = db.execute(f"SELECT text FROM quotes WHERE speaker IN ({marks})", spellings)
        return [text for (text,) in rows]


async def match(bot: MinimaxBot, query: str, rank: int = 0) -> QuoteAnswer:
    answer = await quotes.find_quote(bot.corpus, query, rank=rank)
    assert isinstance(answer, QuoteAnswer)
    return answer


async def test_quote_matches_a_real_junjie_yan_quote_verbatim(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("quote", {"query": "compute"}))
    best = await match(minimax_bot, "compute")
    assert best.speaker == "Junjie Yan" and "compute" in best.text.lower()
    assert best.text in LATEPOST.read_text(encoding="utf-8")  # verbatim from the interview
    text = text_of(reply)
    assert best.text in text and "Junjie Yan" in text and "LatePost" in text
    assert not reply.ephemeral and not reply.pings
    assert buttons(reply)["Next quote"]["disabled"] is False


async def test_speaker_filter_keeps_to_that_person_through_next_quote(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot, bot_db: Path
) -> None:
    emu = discord_emulator
    his = quotes_by(bot_db, ("Junjie Yan", "Yan", "IO", "Yan Junjie", "Yanjunjie"))  # his spellings
    reply = await (await emu.slash("quote", {"speaker": "IO"}))  # a spelling of Junjie Yan
    assert any(shows(text_of(reply), quote) for quote in his)
    for _ in range(3):  # random draws, every one his
        edited = await (await emu.click(reply, custom_id(reply, "Next quote")))
        assert edited.id == reply.id and any(shows(text_of(edited), quote) for quote in his)


async def test_speaker_without_quotes_is_told_privately(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("quote", {"speaker": "Weiyu Cheng"}))
    assert reply.ephemeral and not reply.components
    assert "no quotes by Weiyu Cheng" in text_of(reply)


async def test_next_quote_shows_the_next_match(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    reply = await (await emu.slash("quote", {"query": "compute"}))
    handle = await emu.click(reply, custom_id(reply, "Next quote"))
    edited = await handle
    second = await match(minimax_bot, "compute", rank=1)
    assert handle.callback_type == 7 and edited.id == reply.id
    assert shows(text_of(edited), second.text) and not edited.ephemeral
    assert not edited.pings


async def test_next_quote_is_disabled_after_the_last_match(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    best = await match(minimax_bot, "scaling laws")
    assert best.total > 1
    reply = await (await emu.slash("quote", {"query": "scaling laws"}))
    for _ in range(best.total - 1):
        reply = await (await emu.click(reply, custom_id(reply, "Next quote")))
    assert buttons(reply)["Next quote"]["disabled"] is True
    last = await match(minimax_bot, "scaling laws", rank=best.total - 1)
    assert shows(text_of(reply), last.text)


async def test_someone_else_cannot_press_next_quote(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    reply = await (await emu.slash("quote", {"query": "compute"}))
    note = await (await emu.click(reply, custom_id(reply, "Next quote"), user=emu.world.admin))
    assert note.ephemeral and note.id != reply.id and "/quote" in note.content
    assert not reply.history  # the card did not change


async def test_a_failing_button_says_sorry_privately(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    emu = discord_emulator
    reply = await (await emu.slash("quote", {"query": "compute"}))

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the store went away")

    monkeypatch.setattr(quotes, "find_quote", broken)
    note = await (await emu.click(reply, custom_id(reply, "Next quote")))
    assert note.ephemeral and note.content == FAILED and not reply.history


async def test_speaker_autocomplete(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    for typed in ("颜俊杰", "junjie", "IO"):
        choices = await emu.autocomplete("quote", "speaker", typed)
        assert choices[0]["value"] == "Junjie Yan", typed
    everyone = await emu.autocomplete("quote", "speaker", "")
    assert 0 < len(everyone) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in everyone)
