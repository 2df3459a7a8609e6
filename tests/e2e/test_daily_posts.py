"""The daily post end to end: the real bot, the emulator, a fake clock. Exactly one post per
guild and local day, across restarts, downtime, lost responses and failing channels."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import pytest

from bot.daily.ledger import MAX_ATTEMPTS, post_nonce
from bot.discord_app.app import MinimaxBot
from tests.daily.clock import FakeClock
from tests.daily.harness import (
    POST,
    bot_up,
    daily_posts,
    is_dead,
    kill_after_send,
    posts_per_day,
    run_at,
    scheduler_of,
)
from tests.e2e.support import text_of
from tests.emulator import Channel, DiscordEmulator, Guild
from tests.emulator.models import READ_MESSAGE_HISTORY, SEND_MESSAGES


def at(hour: int, minute: int = 0, day: int = 21) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=UTC)


DAY = date(2026, 6, 21)


async def subscribe(
    bot: MinimaxBot, channel: Channel, post_time: clock_time = clock_time(9)
) -> None:
    store = bot.state
    await store.daily_subscribe(channel.guild_id, channel.id, post_time, "UTC", bot.clock())


async def status(emu: DiscordEmulator) -> str:
    return text_of(await (await emu.slash("daily status", user=emu.world.admin)))


def attempts_in(emu: DiscordEmulator, channel: Channel) -> int:
    return len([r for r in emu.requests_to(POST) if r.path == f"/channels/{channel.id}/messages"])


async def test_one_post_at_the_time_and_none_after_a_restart(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    guild = emu.world.guild
    async with bot_up(emu, bot_db, clock) as bot:
        reply = await emu.slash(
            "daily set",
            {"channel": "general", "time": "09:00", "timezone": "UTC"},
            user=emu.world.admin,
        )
        await reply
        await scheduler_of(bot).settle()
        assert scheduler_of(bot).next_wake_at == at(9)  # it wakes when the post is due
        await run_at(bot, clock, at(8, 59) + timedelta(seconds=59))
        assert daily_posts(emu) == []
        for moment in (at(9), at(9) + timedelta(seconds=30), at(15), at(23, 59)):
            await run_at(bot, clock, moment)
        (post,) = daily_posts(emu)
        assert post.data["nonce"] == post_nonce(guild.id, DAY)
        (request,) = emu.requests_to(POST)
        assert request.body["enforce_nonce"] is True
        assert request.body["allowed_mentions"]["parse"] == [] and not post.pings
        assert post.embeds[0]["title"] == "On this day · June 21"
    async with bot_up(emu, bot_db, clock) as bot:  # restarted after the post, same day
        await run_at(bot, clock, at(23, 59) + timedelta(seconds=30))
        assert len(daily_posts(emu)) == 1
        await run_at(bot, clock, at(9, day=22))
        assert posts_per_day(emu) == {(guild.id, DAY): 1, (guild.id, DAY + timedelta(1)): 1}


async def test_down_at_the_time_and_back_the_same_day_posts_once(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    async with bot_up(emu, bot_db, clock) as bot:
        await subscribe(bot, emu.world.guild.channel("general"))
    clock.set(at(22, 30))  # down from 08:00 to 22:30
    async with bot_up(emu, bot_db, clock) as bot:
        assert posts_per_day(emu) == {(emu.world.guild.id, DAY): 1}
        await run_at(bot, clock, at(23))
        assert len(daily_posts(emu)) == 1


async def test_down_until_the_next_day_posts_that_days_post_only(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    async with bot_up(emu, bot_db, clock) as bot:
        await subscribe(bot, emu.world.guild.channel("general"))
    clock.set(at(8, day=22))
    async with bot_up(emu, bot_db, clock) as bot:
        assert daily_posts(emu) == []  # no backlog of the 21st; the 22nd is not due yet
        await run_at(bot, clock, at(9, day=22))
        assert posts_per_day(emu) == {(emu.world.guild.id, date(2026, 6, 22)): 1}


@pytest.fixture
def second_guild(discord_emulator: DiscordEmulator) -> Guild:
    """Another server the bot is in (before it starts)."""
    return discord_emulator.world.add_guild("Second Guild")


async def test_a_deleted_channel_pauses_that_guild_only(
    discord_emulator: DiscordEmulator, bot_db: Path, second_guild: Guild
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    news = emu.world.guild.channel("news")
    async with bot_up(emu, bot_db, clock) as bot:
        await subscribe(bot, news)
        await subscribe(bot, second_guild.channel("general"))
        await emu.delete_channel(news)
        await run_at(bot, clock, at(9))
        assert posts_per_day(emu) == {(second_guild.id, DAY): 1}
        text = await status(emu)
        assert f"**Paused:** The channel <#{news.id}> no longer exists" in text
        assert "run `/daily set` again to resume" in text and "none while paused" in text
        for moment in (at(9, 5), at(12), at(9, day=22)):
            await run_at(bot, clock, moment)
        assert attempts_in(emu, news) == 1  # paused: never tried again
        assert len(posts_per_day(emu)) == 2  # the other guild goes on, day after day

        general = emu.world.guild.channel("general")
        await (
            await emu.slash(
                "daily set",
                {"channel": "general", "time": "10:00", "timezone": "UTC"},
                user=emu.world.admin,
            )
        )
        assert "Paused" not in await status(emu)
        await run_at(bot, clock, at(10, day=22))
        assert len(daily_posts(emu, general)) == 1


async def test_a_missing_permission_pauses_with_the_reason(
    discord_emulator: DiscordEmulator, bot_db: Path, second_guild: Guild
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    news = emu.world.guild.channel("news")
    async with bot_up(emu, bot_db, clock) as bot:
        await subscribe(bot, news)
        await subscribe(bot, second_guild.channel("general"))
        bot_member = emu.world.guild.members[emu.world.bot.id]
        await emu.set_permissions(news, bot_member, deny=SEND_MESSAGES)
        await run_at(bot, clock, at(9))
        await run_at(bot, clock, at(11))
        assert posts_per_day(emu) == {(second_guild.id, DAY): 1}
        assert attempts_in(emu, news) == 1
        text = await status(emu)
        assert f"**Paused:** I may not post in <#{news.id}> (Missing Permissions)" in text


async def test_a_lost_response_is_retried_with_the_same_nonce(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    async with bot_up(emu, bot_db, clock) as bot:
        await subscribe(bot, emu.world.guild.channel("general"))
        emu.lose_next_response(1, route=POST)  # Discord posts it; the bot hears 503
        await run_at(bot, clock, at(9))
        row = await bot.state.daily_post_row(emu.world.guild.id, DAY)
        assert row is not None and not row.confirmed  # in doubt, kept
        retry = scheduler_of(bot).next_wake_at
        assert retry == at(9, 1)
        await run_at(bot, clock, retry)
        (post,) = daily_posts(emu)
        first, second = emu.requests_to(POST)
        assert first.body["nonce"] == second.body["nonce"] == post.data["nonce"]
        row = await bot.state.daily_post_row(emu.world.guild.id, DAY)
        assert row is not None and row.message_id == post.id


@pytest.mark.parametrize("back", ["within the nonce window", "later", "later, history hidden"])
async def test_killed_between_send_and_ledger_write_never_posts_twice(
    discord_emulator: DiscordEmulator, bot_db: Path, back: str
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    general = emu.world.guild.channel("general")
    async with bot_up(emu, bot_db, clock) as bot:
        await subscribe(bot, general)
        kill_after_send(bot)
        await run_at(bot, clock, at(9))
        assert is_dead(bot) and len(daily_posts(emu)) == 1
    if back != "within the nonce window":
        emu.forget_nonces()  # Discord's dedup has expired: the nonce alone no longer helps
    if back == "later, history hidden":
        bot_member = emu.world.guild.members[emu.world.bot.id]
        await emu.set_permissions(general, bot_member, deny=READ_MESSAGE_HISTORY)
    clock.set(at(9, 1) if back == "within the nonce window" else at(13))
    async with bot_up(emu, bot_db, clock) as bot:
        await run_at(bot, clock, clock() + timedelta(minutes=5))
        (post,) = daily_posts(emu)
        row = await bot.state.daily_post_row(emu.world.guild.id, DAY)
        assert row is not None
        if back == "later, history hidden":  # at most once: the day is given up, unconfirmed
            assert not row.confirmed and "given up" in await status(emu)
        else:
            assert row.message_id == post.id
        sends = len(emu.requests_to(POST))
        assert sends == (2 if back == "within the nonce window" else 1)
        await run_at(bot, clock, at(9, day=22))
        assert len(daily_posts(emu)) == 2  # the next day is unaffected


@pytest.mark.parametrize(("status", "via"), [(503, True), (429, False)])
async def test_outages_and_rate_limits_are_retried_with_backoff(
    discord_emulator: DiscordEmulator, bot_db: Path, status: int, via: bool
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    async with bot_up(emu, bot_db, clock) as bot:
        await subscribe(bot, emu.world.guild.channel("general"))
        emu.fail_next(2, status=status, via=via, route=POST)
        await run_at(bot, clock, at(9))
        assert scheduler_of(bot).next_wake_at == at(9, 1)
        await run_at(bot, clock, at(9, 1))
        assert scheduler_of(bot).next_wake_at == at(9, 3)  # twice as long
        await run_at(bot, clock, at(9, 3))
        assert len(daily_posts(emu)) == 1 and len(emu.requests_to(POST)) == 3


async def test_a_channel_that_keeps_failing_is_not_hammered(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    async with bot_up(emu, bot_db, clock) as bot:
        await subscribe(bot, emu.world.guild.channel("general"))
        emu.fault_rate(1.0, statuses=(503,), route=POST)
        await run_at(bot, clock, at(9))
        while (wake := scheduler_of(bot).next_wake_at) is not None and wake < at(0, day=22):
            await run_at(bot, clock, wake)
        assert len(emu.requests_to(POST)) == MAX_ATTEMPTS and daily_posts(emu) == []
        assert "given up after repeated failures" in await status(emu)
        emu.fault_rate(0.0)
        await run_at(bot, clock, at(9, day=22))
        assert len(daily_posts(emu)) == 1


def guilds_on_both_shards(emu: DiscordEmulator) -> tuple[Guild, Guild]:
    """Two guilds on different shards of two (a guild's shard is (id >> 22) % 2)."""
    by_shard: dict[int, Guild] = {}
    while len(by_shard) < 2:
        guild = emu.world.add_guild(f"Guild {len(emu.world.guilds)}")
        by_shard.setdefault((guild.id >> 22) % 2, guild)
        time.sleep(0.002)  # snowflakes carry the millisecond: the next lands elsewhere
    return by_shard[0], by_shard[1]


async def test_a_process_posts_only_for_the_guilds_of_its_shards(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    zero, one = guilds_on_both_shards(emu)
    async with bot_up(emu, bot_db, clock, shard_count=2, shard_ids=(1,)) as bot:
        for guild in (zero, one):
            await subscribe(bot, guild.channel("general"))
        await run_at(bot, clock, at(9))
        assert posts_per_day(emu) == {(one.id, DAY): 1}
