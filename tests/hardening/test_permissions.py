"""Who may do what: /daily is for Manage Server only, in servers only; one server's settings
stay its own; user text cannot reach SQL or FTS syntax; a channel that always answers 403 is
not hammered. `pytest -s` prints the figures."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from unittest.mock import Mock

import discord
import pytest
from discord import app_commands

from bot.commands import run_command
from bot.daily.ledger import MAX_ATTEMPTS
from bot.discord_app.tree import NOT_ALLOWED, message_for
from bot.queries.corpus import Corpus
from cogs.daily import Daily
from tests.daily.clock import FakeClock
from tests.daily.harness import POST, bot_up, daily_posts, run_at, scheduler_of
from tests.e2e.support import text_of
from tests.emulator import DiscordEmulator
from tests.hardening.figures import show
from tests.hardening.inputs import FTS, SQL
from tests.hardening.traffic import integrity

ADMIN_COMMANDS = (
    ("daily set", {"channel": "general", "time": "09:00", "timezone": "UTC"}),
    ("daily off", {}),
    ("daily status", {}),
    ("daily preview", {}),
)
SET = ADMIN_COMMANDS[0][1]


def at(hour: int, day: int = 21) -> datetime:
    return datetime(2026, 6, day, hour, tzinfo=UTC)


async def test_admin_commands_refuse_members_without_manage_server(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, refused = discord_emulator, 0
    async with bot_up(emu, bot_db, FakeClock(at(8))) as bot:
        for command, options in ADMIN_COMMANDS:
            for permissions in (
                None,
                0,
                discord.Permissions(administrator=False, manage_guild=False),
            ):
                reply = await (await emu.slash(command, options, permissions=permissions))
                assert reply.ephemeral and reply.content == NOT_ALLOWED and not reply.pings
                refused += 1
        assert await bot.state.daily_settings(emu.world.guild.id) is None  # nothing saved
    assert integrity(bot_db)[1] == {"guild_settings": 0, "daily_posts": 0}
    show("admin refusals in a server", {"refused": refused, "saved": 0})


@pytest.mark.parametrize("name", ["set", "off", "status", "preview"])
async def test_admin_commands_refuse_direct_messages(name: str) -> None:
    """The emulator sends guild interactions only, so a strict mock stands in for a DM."""
    group = Daily.daily
    command = group.get_command(name)
    assert isinstance(command, app_commands.Command)
    assert group.guild_only and group.default_permissions == discord.Permissions(manage_guild=True)
    interaction = Mock(spec=discord.Interaction)
    interaction.guild_id, interaction.guild = None, None
    interaction.permissions = discord.Permissions.all()  # even with every permission
    with pytest.raises(app_commands.NoPrivateMessage) as caught:
        await group.interaction_check(interaction)
    assert message_for(caught.value) == "This command works in a server, not in DMs."


async def test_one_servers_daily_settings_are_invisible_to_another(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu = discord_emulator
    other = emu.world.add_guild("Other Guild")
    mine = emu.world.guild.channel("news")
    async with bot_up(emu, bot_db, FakeClock(at(8)), dev_guild_id=None):
        await (await emu.slash("daily set", {**SET, "channel": "news"}, user=emu.world.admin))
        theirs = text_of(await (await emu.slash("daily status", guild=other, user=emu.world.admin)))
        ours = text_of(await (await emu.slash("daily status", user=emu.world.admin)))
        assert str(mine.id) in ours and str(mine.id) not in theirs
        await (await emu.slash("daily off", guild=other, user=emu.world.admin))
        assert str(mine.id) in text_of(
            await (await emu.slash("daily status", user=emu.world.admin))
        )
    show("guild isolation", {"guilds": 2, "leaks": 0})


async def test_sql_and_fts_syntax_is_inert(bot_db: Path) -> None:
    corpus = await Corpus.open(bot_db)
    try:
        before = await corpus.store.counts()
        tried = 0
        for text in (*SQL, *FTS, *(f"GPUs {t} scaling" for t in FTS + SQL)):
            for name, option in (("search", "query"), ("quote", "query"), ("model", "name")):
                await run_command(corpus, name, {option: text}, at(8).date())
                tried += 1
        plain = await run_command(corpus, "search", {"query": "GPUs"}, at(8).date())
        odd = await run_command(corpus, "search", {"query": 'GPUs" OR "*'}, at(8).date())
        assert type(plain).__name__ == "SearchResults" and await corpus.store.counts() == before
        assert type(odd).__name__ in ("SearchResults", "Problem")
    finally:
        await corpus.close()
    assert integrity(bot_db)[0] == "ok"
    show("injection", {"inputs": tried, "tables changed": 0})


async def test_a_channel_that_always_answers_403_is_not_hammered(
    discord_emulator: DiscordEmulator, bot_db: Path
) -> None:
    emu, clock = discord_emulator, FakeClock(at(8))
    general = emu.world.guild.channel("general")
    async with bot_up(emu, bot_db, clock) as bot:
        await bot.state.daily_subscribe(emu.world.guild.id, general.id, time(9), "UTC", at(8))
        emu.fault_rate(1.0, statuses=(403,), route=POST)
        moment, passes = at(9), 0
        while moment < at(9, day=24):  # three days, a pass whenever the bot asks, else hourly
            await run_at(bot, clock, moment)
            passes += 1
            wake = scheduler_of(bot).next_wake_at
            moment = wake if wake is not None and wake > moment else moment + timedelta(hours=1)
        sends = len(emu.requests_to(POST))
        status = text_of(await (await emu.slash("daily status", user=emu.world.admin)))
    show("403 loop", {"scheduler passes": passes, "POSTs to the channel": sends})
    assert sends == 1 < MAX_ATTEMPTS and daily_posts(emu) == [] and "Paused" in status
