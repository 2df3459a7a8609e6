"""/daily set, off, status and preview through the emulator: admins only, clear refusals."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import discord
import pytest

from bot.discord_app.app import MinimaxBot
from bot.discord_app.tree import NOT_ALLOWED
from tests.daily.clock import FakeClock
from tests.daily.harness import bot_up, daily_posts, run_at, scheduler_of
from tests.e2e.support import text_of
from tests.emulator import DiscordEmulator
from tests.emulator.models import EMBED_LINKS, MANAGE_GUILD

NOW = datetime(2026, 6, 21, 7, 0, tzinfo=UTC)  # 08:00 in London (BST)
SET = {"channel": "news", "time": "09:00", "timezone": "Europe/London"}


async def admin(emu: DiscordEmulator, sub: str, options: dict[str, str] | None = None) -> str:
    reply = await (await emu.slash("daily", options, subcommand=sub, user=emu.world.admin))
    assert reply.ephemeral and not reply.pings
    return text_of(reply)


async def test_registered_for_manage_server_with_four_subcommands(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    (daily,) = [c for c in emu.registered_commands(emu.world.guild.id) if c["name"] == "daily"]
    assert daily["default_member_permissions"] == str(MANAGE_GUILD) == "32"
    assert daily["contexts"] == [0]
    subs = {o["name"]: o for o in daily["options"]}
    assert set(subs) == {"set", "off", "status", "preview"}
    options = {o["name"]: o for o in subs["set"]["options"]}
    assert options["channel"]["type"] == 7 and options["channel"]["channel_types"] == [0, 5]
    assert options["timezone"]["autocomplete"] is True


async def test_a_member_without_manage_server_cannot_subscribe(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    for user, permissions in ((emu.world.member, None), (emu.world.admin, 0)):
        handle = await emu.slash("daily set", SET, user=user, permissions=permissions)
        reply = await handle
        assert reply.ephemeral and reply.content == NOT_ALLOWED
    assert await minimax_bot.state.daily_settings(emu.world.guild.id) is None


async def test_set_then_status_then_off(discord_emulator: DiscordEmulator, bot_db: Path) -> None:
    emu, clock = discord_emulator, FakeClock(NOW)
    news = emu.world.guild.channel("news")
    async with bot_up(emu, bot_db, clock) as bot:
        assert "off" in await admin(emu, "status")
        saved = await admin(emu, "set", SET)
        assert saved.startswith("Daily post saved.")
        assert f"<#{news.id}>" in saved and "09:00 (Europe/London)" in saved
        next_post = int(datetime(2026, 6, 21, 8, tzinfo=UTC).timestamp())
        assert f"Next post: Sun 21 Jun 2026, 09:00 BST (<t:{next_post}:R>)" in saved
        assert "Last post: none yet" in saved

        await run_at(bot, clock, datetime(2026, 6, 21, 8, 0, 5, tzinfo=UTC))
        (post,) = daily_posts(emu, news)
        status = await admin(emu, "status")
        link = f"https://discord.com/channels/{emu.world.guild.id}/{news.id}/{post.id}"
        assert f"Last post: Sun 21 Jun 2026 · {link}" in status
        assert "Next post: Mon 22 Jun 2026, 09:00 BST" in status

        assert "now off" in await admin(emu, "off")
        assert "already off" in await admin(emu, "off")
        assert "off" in await admin(emu, "status")


async def test_bad_time_and_unknown_zone_are_refused_clearly(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    text = await admin(emu, "set", {**SET, "time": "25:00"})
    assert "“25:00” is not a time of day" in text and "HH:MM" in text
    text = await admin(emu, "set", {**SET, "timezone": "Mars/Olympus"})
    assert "“Mars/Olympus” is not a time zone I know" in text
    assert await minimax_bot.state.daily_settings(emu.world.guild.id) is None


async def test_a_channel_the_bot_cannot_post_embeds_in_is_refused(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    news = emu.world.guild.channel("news")
    bot_member = emu.world.guild.members[emu.world.bot.id]
    await emu.set_permissions(news, bot_member, deny=EMBED_LINKS)
    await emu.wait_for(lambda: not _can_embed(minimax_bot, news.id), what="CHANNEL_UPDATE")
    text = await admin(emu, "set", SET)
    assert f"I cannot post in <#{news.id}>: I need Embed Links there" in text
    assert "Nothing was saved" in text
    assert await minimax_bot.state.daily_settings(emu.world.guild.id) is None


def _can_embed(bot: MinimaxBot, channel_id: int) -> bool:
    channel = bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    return channel.permissions_for(channel.guild.me).embed_links


async def test_time_zones_autocomplete(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    choices = await emu.autocomplete("daily set", "timezone", "kathm", user=emu.world.admin)
    assert [c["value"] for c in choices][:1] == ["Asia/Kathmandu"]
    choices = await emu.autocomplete("daily set", "timezone", "", user=emu.world.admin)
    assert 0 < len(choices) <= 25


async def test_preview_is_private_and_is_what_gets_posted(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, clock = discord_emulator, FakeClock(NOW)
    async with bot_up(emu, bot_db, clock) as bot:
        await admin(emu, "set", {**SET, "timezone": "Pacific/Chatham"})  # UTC+12:45
        clock.set(datetime(2026, 6, 21, 19, 0, tzinfo=UTC))  # 07:45 on the 22nd there
        handle = await emu.slash("daily preview", user=emu.world.admin)
        preview = await handle
        assert preview.ephemeral and not preview.pings
        await run_at(bot, clock, datetime(2026, 6, 21, 20, 15, tzinfo=UTC))  # 09:00 on the 22nd
        (post,) = daily_posts(emu)
        assert post.embeds == preview.embeds and not post.pings
        assert post.embeds[0]["title"] == "On this day · June 22"


async def test_a_zone_tzdata_no_longer_knows_pauses_with_the_reason(
    discord_emulator: DiscordEmulator, bot_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A subscription whose zone left the tz database (an update of tzdata) is paused with the
    reason, logged once; status says why, preview says so rather than using UTC."""
    emu, clock = discord_emulator, FakeClock(NOW)
    news = emu.world.guild.channel("news")
    async with bot_up(emu, bot_db, clock) as bot:
        store = bot.state
        await store.daily_subscribe(emu.world.guild.id, news.id, time(9), "Europe/Atlantis", NOW)
        with caplog.at_level(logging.WARNING, logger="bot.daily"):
            for minute in range(5):
                await run_at(bot, clock, datetime(2026, 6, 21, 8, minute, tzinfo=UTC))
        paused = [r for r in caplog.records if "Europe/Atlantis" in r.getMessage()]
        assert len(paused) == 1 and "paused" in paused[0].getMessage()
        row = await store.daily_settings(emu.world.guild.id)
        assert (
            row is not None
            and row.enabled
            and "no longer in the time zone" in (row.paused_reason or "")
        )
        status = await admin(emu, "status")
        assert "**Paused:** The time zone “Europe/Atlantis” is no longer" in status
        assert "off" not in status.split("\n")[0]
        preview = await admin(emu, "preview")
        assert preview.startswith("No preview: The time zone “Europe/Atlantis”")
        assert daily_posts(emu, news) == []


async def test_a_clock_running_ahead_during_set_does_not_skip_days(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    """The bot's clock is 30 hours ahead while /daily set runs, then is put right. The
    subscription holds from the command's own time (Discord's, in the interaction's id), so
    today's and tomorrow's posts go out at their time: none is skipped."""
    emu = discord_emulator
    real = datetime.now(UTC).replace(second=0, microsecond=0)
    clock = FakeClock(real)
    slot = real + timedelta(hours=2)
    news = emu.world.guild.channel("news")
    async with bot_up(emu, bot_db, clock) as bot:
        scheduler = scheduler_of(bot)
        await scheduler.stop()  # no pass runs while the clock is wrong
        clock.set(real + timedelta(hours=30))
        options = {"channel": "news", "time": f"{slot:%H:%M}", "timezone": "UTC"}
        assert (await admin(emu, "set", options)).startswith("Daily post saved.")
        clock.set(real)  # the clock is put right
        scheduler.start()
        async with asyncio.timeout(30):
            await run_at(bot, clock, slot + timedelta(minutes=1))
            assert len(daily_posts(emu, news)) == 1
            await run_at(bot, clock, slot + timedelta(days=1, minutes=1))
            assert len(daily_posts(emu, news)) == 2
