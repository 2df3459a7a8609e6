"""The Discord path with the fuzzer's worst: a seeded sample of nasty option values sent as real
slash commands through the emulator. Every one gets an answer (an embed) or a short private
note; nothing pings; every embed fits; the emulator validates each request against the spec."""

from __future__ import annotations

import re

from bot.discord_app.app import MinimaxBot
from tests.e2e.support import check_embed_limits, text_of
from tests.emulator import DiscordEmulator
from tests.hardening.figures import FULL, show
from tests.hardening.inputs import sample_texts
from tests.hardening.traffic import crowd

TARGETS = (("quote", "query"), ("search", "query"), ("model", "name"), ("person", "name"))
TARGETS += (("timeline", "query"), ("compare", "a"), ("disagreements", "subject"))
TARGETS += (("ask", "question"),)
PER_TARGET = 12 if FULL else 3
LIVE_MENTION = re.compile(r"@(everyone|here)|<@[!&]?[0-9]+>")


async def test_nasty_options_get_an_answer_or_a_short_private_note(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu, counts = discord_emulator, {"sent": 0, "embeds": 0, "private notes": 0, "lost": 0}
    users = crowd(emu, emu.world.guild)
    for n, (command, option) in enumerate(TARGETS):
        for k, text in enumerate(sample_texts(PER_TARGET, seed=n)):
            options = {option: text, "b": "M2"} if command == "compare" else {option: text}
            reply = await (await emu.slash(command, options, user=users[(n + k) % len(users)]))
            counts["sent"] += 1
            assert not reply.pings and reply.allowed_mentions == {"parse": []}
            assert not LIVE_MENTION.search(text_of(reply))
            if reply.embeds:
                counts["embeds"] += 1
                for embed in reply.embeds:
                    check_embed_limits(embed)
            else:
                assert reply.ephemeral and 0 < len(reply.content) <= 2000
                counts["private notes"] += 1
    show("fuzzed through the emulator", counts)
    assert counts["embeds"] + counts["private notes"] == counts["sent"]
