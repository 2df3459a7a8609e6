"""`/daily set` reaching a shard process that does not have the server in its cache (another
process owns it): saved for every process, and posted by the owner alone. In one test process
on a shared state file, so it runs without PostgreSQL (test_two_processes.py runs the same
through two real `run` processes on PostgreSQL)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.daily.clock import FakeClock
from tests.daily.harness import bot_up, posts_per_day, run_at, scheduler_of
from tests.emulator import DiscordEmulator

START = datetime(2026, 6, 21, 7, tzinfo=UTC)
NINE = datetime(2026, 6, 21, 9, tzinfo=UTC)


async def test_daily_set_through_the_other_shard_is_posted_by_the_owner(
    discord_emulator: DiscordEmulator, indexed_seeds_db: Path, tmp_path: Path
) -> None:
    emu, clock = discord_emulator, FakeClock(START)
    guild = emu.world.guild
    owner = (guild.id >> 22) % 2
    corpora = [tmp_path / f"corpus-{shard}.db" for shard in (0, 1)]
    for corpus in corpora:
        shutil.copyfile(indexed_seeds_db, corpus)
    state = tmp_path / "shared-state.db"
    shards = {"shard_count": 2, "state_path": state}
    async with (
        bot_up(emu, corpora[0], clock, shard_ids=(0,), **shards) as first,
        bot_up(emu, corpora[1], clock, shard_ids=(1,), **shards) as second,
    ):
        bots = (first, second)
        await emu.wait_until_ready(shards=2)
        assert bots[owner].get_guild(guild.id) is not None
        assert bots[1 - owner].get_guild(guild.id) is None
        reply = await (
            await emu.slash(
                "daily set",
                {"channel": "general", "time": "09:00", "timezone": "UTC"},
                user=emu.world.admin,
                via_shard=1 - owner,
            )
        )
        assert reply.ephemeral and "Daily post saved" in reply.content, reply.content
        for moment in (NINE, NINE + timedelta(minutes=5)):
            for bot in bots:
                await run_at(bot, clock, moment)
        assert posts_per_day(emu) == {(guild.id, NINE.date()): 1}
        assert scheduler_of(bots[owner]).worst_delay == 0.0  # posted at 09:00 by the owner
        status = await (await emu.slash("daily status", user=emu.world.admin))  # the owner's
        general = guild.channel("general")
        assert f"Channel: <#{general.id}>" in status.content
        assert "Last post: Sun 21 Jun 2026" in status.content
