"""Two `minimax-bot run` processes (real subprocesses) with SHARD_COUNT=2 and SHARD_IDS 0 / 1,
each with its own corpus file, one PostgreSQL: `/daily set` through the process that does not
own the guild is saved for all, and the post comes from the owner alone, once a day.

Needs PostgreSQL: skipped like the state suite's PostgreSQL cases when
MINIMAX_BOT_TEST_POSTGRES_URL is not set (`.ci/run` sets it).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.state.postgres import PostgresState
from bot.state.url import PostgresUrl
from tests.daily.harness import daily_posts, posts_per_day
from tests.emulator import DiscordEmulator
from tests.shards.fleet import Fleet, shard_of
from tests.state.engines import Engine, postgres_skip_reason

pytestmark = pytest.mark.skipif(
    postgres_skip_reason() is not None, reason=postgres_skip_reason() or ""
)

START = datetime(2026, 6, 21, 7, tzinfo=UTC)
NINE_LONDON = datetime(2026, 6, 21, 8, tzinfo=UTC)  # 09:00 BST


async def test_daily_set_through_one_process_posts_from_the_owner_only(
    discord_emulator: DiscordEmulator, indexed_seeds_db: Path, postgres: Engine, tmp_path: Path
) -> None:
    emu = discord_emulator
    guild = emu.world.guild
    general = guild.channel("general")
    fleet = Fleet(emu, tmp_path, indexed_seeds_db, postgres.location, START, dev_guild=guild.id)
    try:
        processes = await fleet.start_many([((0,), 2), ((1,), 2)])
        (owner,) = [p for p in processes if p.owns(guild.id)]
        (other,) = [p for p in processes if not p.owns(guild.id)]
        assert sorted(i["shard"] for i in emu.gateway.identifies) == [[0, 2], [1, 2]]
        assert owner.shard_ids == (shard_of(guild.id, 2),)

        reply = await (
            await emu.slash(
                "daily set",
                {"channel": "general", "time": "09:00", "timezone": "Europe/London"},
                user=emu.world.admin,
                via_shard=other.shard_ids[0],
            )
        )
        assert reply.ephemeral and "Daily post saved" in reply.content, reply.content
        async with await PostgresState.open(PostgresUrl(postgres.location)) as state:
            saved = await state.daily_settings(guild.id)
        assert saved is not None and saved.channel_id == general.id
        assert saved.post_time == time(9) and saved.timezone == "Europe/London"

        await fleet.run_at(NINE_LONDON - timedelta(seconds=1))
        assert daily_posts(emu) == []  # not before its time
        for instant in (NINE_LONDON, NINE_LONDON + timedelta(minutes=30)):
            await fleet.run_at(instant)
        await fleet.run_at(NINE_LONDON + timedelta(days=1))

        days = [date(2026, 6, 21), date(2026, 6, 22)]
        assert posts_per_day(emu) == {(guild.id, day): 1 for day in days}
        assert {m.channel_id for m in daily_posts(emu)} == {general.id}
        owner.read_trace()
        other.read_trace()
        assert owner.posts == [(guild.id, day) for day in days]  # the owner posted both days
        assert other.posts == [] and len(other.passes) >= 4  # the other was up and passed
    finally:
        await fleet.close()
