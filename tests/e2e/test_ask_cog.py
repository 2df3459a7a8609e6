"""/ask through the emulator: an answer with its sources, and autocomplete offering questions
the index answers (the company's own first; once a question has read the facts, the models'
and people's too)."""

from __future__ import annotations

from bot.discord_app.app import MinimaxBot
from tests.e2e.support import text_of
from tests.emulator import DiscordEmulator


async def test_ask_answers_with_its_source(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("ask", {"question": "who led the Series B"}))
    text = text_of(reply)
    assert "led by Alibaba" in text and "MiniMax: Efficient LLMs" in text
    assert not reply.ephemeral and not reply.pings


async def test_ask_autocomplete_offers_answerable_questions(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    first = await discord_emulator.autocomplete("ask", "question", "founded")
    assert first and first[0]["value"] == "when was MiniMax founded"
    await (await discord_emulator.slash("ask", {"question": "when was MiniMax founded"}))
    choices = await discord_emulator.autocomplete("ask", "question", "context M2")
    assert choices and choices[0]["value"] == "what is the context window of MiniMax-M2"
    assert len(choices) <= 25 and all(len(c["name"]) <= 100 for c in choices)
