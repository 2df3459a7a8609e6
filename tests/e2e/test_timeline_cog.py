"""/timeline and /onthisday through the emulator, with the ◀ ▶ buttons."""

from __future__ import annotations

import pytest

from bot.discord_app.app import MinimaxBot
from bot.queries import timeline
from bot.queries.results import Timeline
from tests.e2e.support import buttons, custom_id, text_of
from tests.emulator import DiscordEmulator, Message


async def page_of(bot: MinimaxBot, page: int) -> Timeline:
    answer = await timeline.timeline(bot.corpus, page=page - 1)
    assert isinstance(answer, Timeline)
    return answer


def shows(message: Message, answer: Timeline) -> bool:
    """Every entry of `answer` (its opening words) is on the message."""
    text = " ".join(text_of(message).split())
    return all(" ".join(e.text.split())[:40] in text for e in answer.entries)


async def test_timeline_of_a_year_keeps_each_date_precision(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("timeline", {"year": 2021}))
    text = text_of(reply)
    assert "Dec 2021" in text and "late 2021" in text
    assert "2021-12-" not in text  # month-precise events are never shown as days
    assert not reply.ephemeral and not reply.components  # one page: no buttons


async def test_paging_forward_and_back(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    first, second = await page_of(minimax_bot, 1), await page_of(minimax_bot, 2)
    reply = await (await emu.slash("timeline"))
    assert shows(reply, first) and first.page_count > 2
    assert buttons(reply)["◀"]["disabled"] and not buttons(reply)["▶"]["disabled"]
    forward = await emu.click(reply, custom_id(reply, "▶"))
    page_two = await forward
    assert forward.callback_type == 7 and page_two.id == reply.id
    assert shows(page_two, second) and not shows(page_two, first)
    assert not buttons(page_two)["◀"]["disabled"]
    page_one = await (await emu.click(page_two, custom_id(page_two, "◀")))
    assert shows(page_one, first) and buttons(page_one)["◀"]["disabled"]


async def test_last_page_disables_forward(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    last = (await page_of(minimax_bot, 1)).page_count
    reply = await (await discord_emulator.slash("timeline", {"page": last}))
    assert shows(reply, await page_of(minimax_bot, last))
    assert buttons(reply)["▶"]["disabled"] and not buttons(reply)["◀"]["disabled"]


async def test_someone_else_cannot_turn_the_page(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    reply = await (await emu.slash("timeline"))
    note = await (await emu.click(reply, custom_id(reply, "▶"), user=emu.world.owner))
    assert note.ephemeral and note.id != reply.id and "/timeline" in note.content
    assert not reply.history and not note.pings


async def test_buttons_keep_working_with_no_view_or_task_kept(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    """Stateless buttons: the bot keeps nothing per message (no View, no timeout task), and
    the buttons are never disabled by a timer."""
    emu = discord_emulator
    reply = await (await emu.slash("timeline"))
    await (await emu.click(reply, custom_id(reply, "▶")))
    store = minimax_bot._connection._view_store  # discord.py's (private) registry of views
    assert not store._views and not store._synced_message_views  # nothing per message
    assert not any(b["disabled"] for b in buttons(reply).values())
    assert shows(reply, await page_of(minimax_bot, 2))


async def test_on_this_day_finds_the_crossing_episode(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    reply = await (await discord_emulator.slash("onthisday", {"date": "06-21"}))
    text = text_of(reply)
    assert "Crossing" in text and "2026-06-21" in text and not reply.ephemeral


async def test_on_this_day_without_a_date_is_today_by_the_clock(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    today = await (await discord_emulator.slash("onthisday"))
    dated = await (await discord_emulator.slash("onthisday", {"date": "2026-06-21"}))
    assert text_of(today) == text_of(dated) and "Crossing" in text_of(today)


@pytest.mark.parametrize("bad", ["31-31", "2026-02-30", "yesterday", "06/21"])
async def test_a_bad_date_gets_a_short_private_message(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot, bad: str
) -> None:
    reply = await (await discord_emulator.slash("onthisday", {"date": bad}))
    assert reply.ephemeral and not reply.pings and not reply.embeds
    assert reply.content.startswith("date must be YYYY-MM-DD or MM-DD")
    assert len(reply.content) < 200 and "Traceback" not in reply.content
