"""Cited URLs never unfurl: answers carry their links inside embeds (Discord previews only
links in a message's content), and no content holds a bare link."""

from __future__ import annotations

import re

import pytest

from bot.discord_app.app import MinimaxBot
from tests.e2e.support import text_of
from tests.emulator import DiscordEmulator

BARE_LINK = re.compile(r"(?<!<)https?://")
ASKED = [
    ("sources", {}),
    ("about", {}),
    ("model", {"name": "M2"}),
    ("search", {"query": "GPUs"}),
    ("quote", {"query": "compute"}),
    ("timeline", {"year": 2025}),
    ("person", {"name": "Junjie Yan"}),
    ("help", {}),
]


@pytest.mark.parametrize(("name", "options"), ASKED, ids=[name for name, _ in ASKED])
async def test_no_answer_has_a_link_that_unfurls(
    discord_emulator: DiscordEmulator,
    minimax_bot: MinimaxBot,
    name: str,
    options: dict[str, object],
) -> None:
    reply = await (await discord_emulator.slash(name, options))
    assert reply.embeds and text_of(reply)
    assert not BARE_LINK.search(reply.content)
