"""/search through the emulator: passages with citations, a page at a time, a cooldown."""

from __future__ import annotations

from bot.discord_app.app import MinimaxBot
from bot.queries import search
from bot.queries.results import SearchResults
from tests.e2e.support import buttons, custom_id, text_of
from tests.emulator import DiscordEmulator, Message


async def results(bot: MinimaxBot, query: str, page: int) -> SearchResults:
    answer = await search.search(bot.corpus, query, page=page - 1)
    assert isinstance(answer, SearchResults)
    return answer


def shows(message: Message, answer: SearchResults) -> bool:
    """Every hit's longest plain run of words, and its document, is on the message."""
    text = " ".join(text_of(message).split())
    for hit in answer.hits:
        plain = max((s.text for s in hit.snippet if not s.highlight), key=len)
        if " ".join(plain.split())[:30] not in text or hit.citation.source.title[:20] not in text:
            return False
    return True


async def test_search_answers_with_passages_and_citations(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("search", {"query": "GPUs"}))
    text = text_of(reply)
    assert "GPUs" in text and "LatePost" in text and "2024-04-18" in text
    assert shows(reply, await results(minimax_bot, "GPUs", 1))
    assert not reply.ephemeral and not reply.pings


async def test_paging_forward_and_back(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    first, second = await results(minimax_bot, "GPUs", 1), await results(minimax_bot, "GPUs", 2)
    assert first.page_count == 2
    reply = await (await emu.slash("search", {"query": "GPUs"}))
    page_two = await (await emu.click(reply, custom_id(reply, "▶")))
    assert page_two.id == reply.id and shows(page_two, second) and not shows(page_two, first)
    assert buttons(page_two)["▶"]["disabled"] and not buttons(page_two)["◀"]["disabled"]
    page_one = await (await emu.click(page_two, custom_id(page_two, "◀")))
    assert shows(page_one, first) and buttons(page_one)["◀"]["disabled"]


async def test_someone_else_cannot_turn_the_page(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    reply = await (await emu.slash("search", {"query": "GPUs"}))
    note = await (await emu.click(reply, custom_id(reply, "▶"), user=emu.world.admin))
    assert note.ephemeral and "/search" in note.content and not reply.history


async def test_one_page_has_no_buttons_and_no_match_is_private(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    one = await (await emu.slash("search", {"query": "Yunqi Capital partner"}))
    assert one.embeds and not one.components
    none = await (await emu.slash("search", {"query": "zzzxq qqqzx"}))
    assert none.embeds and not none.components


async def test_a_burst_of_searches_meets_the_cooldown(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    for _ in range(5):
        assert not (await (await emu.slash("search", {"query": "MoE"}))).ephemeral
    slowed = await (await emu.slash("search", {"query": "MoE"}))
    assert slowed.ephemeral and slowed.content.startswith("Slow down")
    other = await (await emu.slash("search", {"query": "MoE"}, user=emu.world.admin))
    assert not other.ephemeral  # per user
