"""Stateless buttons: a press is answered by a process that never saw the message (after a
restart, or in another shard layout), from what the custom_id carries."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from bot.cards.embed import render_embed
from bot.discord_app.app import MinimaxBot
from bot.queries import quotes, search, timeline
from bot.queries.listings import Answer
from bot.queries.results import QuoteAnswer, SearchResults
from bot.settings import Settings
from tests.e2e.conftest import bot_process, emulated_settings
from tests.e2e.support import buttons, custom_id
from tests.emulator import DiscordEmulator, Message

# Longer than a custom_id can carry beside the button's own part: kept in the state by key.
LONG_QUERY = "MiniMax " * 8


@asynccontextmanager
async def sent_then_pressed(
    emulator: DiscordEmulator,
    first: Settings,
    second: Settings,
    send: Callable[[], Awaitable[Message]],
    label: str,
) -> AsyncIterator[tuple[str, Message, MinimaxBot]]:
    """`send` under a process with `first`; press `label` under a new one with `second`,
    still running in the block. Yields the id pressed, the message after, the new bot."""
    async with bot_process(emulator, first):
        reply = await send()
    pressed_id = custom_id(reply, label)
    async with bot_process(emulator, second) as bot:
        pressed = await (await emulator.click(reply, pressed_id))
        assert pressed.id == reply.id and not pressed.ephemeral
        yield pressed_id, pressed, bot


def shows(message: Message, answer: Answer) -> bool:
    """The message shows the embed of `answer`, as the bot renders it."""
    return message.embeds == [render_embed(answer).to_dict()]


async def test_next_page_after_a_restart(discord_emulator: DiscordEmulator, bot_db: Path) -> None:
    emu = discord_emulator
    settings = emulated_settings(emu, bot_db)

    async def send() -> Message:
        return await (await emu.slash("search", {"query": LONG_QUERY}))

    async with sent_then_pressed(emu, settings, settings, send, "▶") as (pressed, page, bot):
        assert LONG_QUERY.strip() not in pressed and len(pressed) <= 100  # kept by key
        expected = await search.search(bot.corpus, LONG_QUERY, page=1)
        assert isinstance(expected, SearchResults) and expected.page_count > 1
        assert shows(page, expected) and not buttons(page)["◀"]["disabled"]


async def test_next_quote_after_a_restart(discord_emulator: DiscordEmulator, bot_db: Path) -> None:
    emu = discord_emulator
    settings = emulated_settings(emu, bot_db)

    async def send() -> Message:
        return await (await emu.slash("quote", {"query": "compute"}))

    async with sent_then_pressed(emu, settings, settings, send, "Next quote") as (_, quote, bot):
        second = await quotes.find_quote(bot.corpus, "compute", rank=1)
        assert isinstance(second, QuoteAnswer) and shows(quote, second)


async def test_a_button_from_another_shard_layout(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    """Sent by a process running every shard, pressed in one running only the guild's shard
    of two: the press needs nothing the first process held."""
    emu = discord_emulator
    owner = (emu.world.guild.id >> 22) % 2
    one = emulated_settings(emu, bot_db, shard_count=1)
    two = emulated_settings(emu, bot_db, shard_count=2, shard_ids=(owner,))

    async def send() -> Message:
        return await (await emu.slash("timeline"))

    async with sent_then_pressed(emu, one, two, send, "▶") as (_, page, bot):
        assert set(bot.shards) == {owner} and bot.shard_count == 2
        expected = await timeline.timeline(bot.corpus, page=1)
        assert shows(page, expected) and not buttons(page)["◀"]["disabled"]


async def test_someone_else_is_still_refused_after_a_restart(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu = discord_emulator
    settings = emulated_settings(emu, bot_db)
    async with bot_process(emu, settings):
        reply = await (await emu.slash("timeline"))
    async with bot_process(emu, settings):
        note = await (await emu.click(reply, custom_id(reply, "▶"), user=emu.world.admin))
    assert note.ephemeral and "/timeline" in note.content and not reply.history
