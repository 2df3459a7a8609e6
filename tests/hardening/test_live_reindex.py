"""A re-index under a running bot: while users ask, another process indexes a new document
into the database the bot serves. No interaction fails ("Something went wrong") or is lost,
and once the new index is committed the bot answers from it, the new document cited.
`pytest -s` prints the figures."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

from tests.daily.clock import FakeClock
from tests.daily.harness import bot_up
from tests.emulator import DiscordEmulator
from tests.hardening.figures import show
from tests.hardening.traffic import EVERYDAY, Tally, send_batch
from tests.test_indexer import add_extra_document
from tests.test_live_reindex import index_in_another_process

INTERACTIONS, BATCH = 200, 10
USERS = 48  # each user's commands are limited to 5 per 10 s: enough users to stay clear
NOW = datetime(2026, 6, 21, 8, tzinfo=UTC)
READS = tuple(ask for ask in EVERYDAY if not ask.admin)


async def test_a_reindex_under_a_running_bot_fails_no_answer(
    discord_emulator: DiscordEmulator, bot_db: Path, seeds_copy: Path
) -> None:
    emu, tally = discord_emulator, Tally()
    guild = emu.world.guild
    users = [emu.world.add_member(f"reader{n}", guild=guild) for n in range(USERS)]
    async with bot_up(emu, bot_db, FakeClock(NOW)) as bot:
        generation = bot.corpus.generation
        add_extra_document(seeds_copy)
        indexing: asyncio.Task[None] | None = None
        during = after = 0
        for start in range(0, INTERACTIONS, BATCH):
            if start == BATCH:  # the index starts while users are at it
                indexing = asyncio.create_task(index_in_another_process(seeds_copy, bot_db))
            batch = [
                (READS[(start + i) % len(READS)], guild, users[(start + i) % USERS])
                for i in range(BATCH)
            ]
            await send_batch(emu, tally, batch)
            if indexing is not None and not indexing.done():
                during += len(batch)
            elif indexing is not None:
                after += len(batch)
        assert indexing is not None
        await indexing
        reply = await (await emu.slash("search", {"query": "Junction"}, user=users[0]))
        found_new = "Junction" in json.dumps(reply.embeds, ensure_ascii=False)
        switched = bot.corpus.generation - generation
    show(
        "re-index under a running bot",
        {
            **tally.counts,
            "sent while indexing": during,
            "sent after the commit": after,
            "generations switched": switched,
        },
    )
    assert tally.lost == [] and tally.counts["try again"] == 0  # no "Something went wrong"
    assert tally.counts["answered"] == tally.counts["sent"] == INTERACTIONS
    assert switched == 1 and found_new
