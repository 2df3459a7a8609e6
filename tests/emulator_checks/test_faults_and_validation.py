"""The emulator itself: faults, validation, other setups (a throwaway bot, real discord.py)."""

from __future__ import annotations

import asyncio
import io

import discord
import pytest
from discord.ext import commands

from tests.emulator import DiscordEmulator, RequestRecord
from tests.emulator.models import SEND_MESSAGES
from tests.emulator.sample_bot import make_bot
from tests.emulator.threaded import EmulatorThread

CALLBACK = "POST /interactions/{interaction_id}/{interaction_token}/callback"


# --- faults ---------------------------------------------------------------------------------
async def test_429_with_via_is_retried(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    emu.fail_next(1, status=429, retry_after=0.05, route=CALLBACK)
    reply = await (await emu.slash("ping", {"text": "again"}))
    assert reply.content == "pong: again"
    assert [r.status for r in emu.requests_to(CALLBACK)] == [429, 200]


async def test_500_is_retried(discord_emulator: DiscordEmulator, bot: commands.Bot) -> None:
    emu = discord_emulator
    channel = bot.get_channel(emu.world.guild.channel("general").id)
    assert isinstance(channel, discord.TextChannel)
    emu.fail_next(1, status=500, route="POST /channels/{channel_id}/messages")
    sent = await channel.send(
        "hello", allowed_mentions=discord.AllowedMentions.none()
    )  # discord.py waits 1 s
    assert [r.status for r in emu.requests_to("POST /channels/{channel_id}/messages")] == [500, 200]
    assert emu.channel_messages(channel.id)[0].id == sent.id


async def test_429_without_via_is_not_retried(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    channel = bot.get_channel(emu.world.guild.channel("general").id)
    assert isinstance(channel, discord.TextChannel)
    emu.fail_next(1, status=429, via=False)
    with pytest.raises(discord.HTTPException) as info:
        await channel.send("x")
    assert info.value.status == 429


async def test_dropped_gateway_resumes_and_replays(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    await emu.drop_gateway()
    handle = await emu.slash("ping", {"text": "while away"})  # buffered, replayed on RESUME
    assert (await handle).content == "pong: while away"
    await emu.wait_for_resume()
    assert emu.gateway.resumes[0]["session_id"] == bot.ws.session_id
    assert any(p["op"] == 6 for p in emu.gateway.received)
    assert emu.gateway.connects[-1].startswith("/resume?")  # resume_gateway_url from READY
    assert len(emu.gateway.identifies) == 1
    assert (await (await emu.slash("ping", {"text": "back"}))).content == "pong: back"


async def test_drop_with_close_code_and_reconnect_op(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    await emu.drop_gateway(code=4000)
    await emu.wait_for_resume(1)
    await emu.request_reconnect()
    await emu.wait_for_resume(2)
    assert (await (await emu.slash("ping", {"text": "x"}))).content == "pong: x"


async def test_invalid_session_makes_the_bot_identify_again(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    bot.before_identify_hook = _no_identify_delay  # type: ignore[method-assign]
    await emu.invalidate_session(resumable=False)
    await emu.wait_for(
        lambda: len(emu.gateway.identifies) == 2 and emu.gateway.sessions, what="re-IDENTIFY"
    )
    assert (await (await emu.slash("ping", {"text": "new"}))).content == "pong: new"


async def _no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    """discord.py sleeps 5 s before every IDENTIFY but the first; not needed on loopback."""


# --- validation -----------------------------------------------------------------------------
async def test_invalid_body_and_unknown_route_are_violations(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    emu.allow_violations()
    channel_id = emu.world.guild.channel("general").id
    route = discord.http.Route("POST", "/channels/{channel_id}/messages", channel_id=channel_id)
    await bot.http.request(route, json={"content": "ok", "embeds": [{"title": 5}]})
    with pytest.raises(discord.HTTPException) as info:  # the spec says 4000; bots get 2000
        await bot.http.request(route, json={"content": "x" * 2001})
    assert info.value.status == 400 and info.value.code == 50035
    with pytest.raises(discord.NotFound):
        await bot.http.request(discord.http.Route("GET", "/no/such/route"))
    path = f"/channels/{channel_id}/messages"
    kinds = [(v.kind, v.path) for v in emu.violations]
    assert kinds == [("body", path), ("limit", path), ("unknown-route", "/no/such/route")]
    assert "title" in emu.violations[0].detail and "2000" in emu.violations[1].detail
    emu._allow_violations = False  # what the fixture's teardown reports:
    with pytest.raises(AssertionError, match="3 request"):
        emu.check()
    emu.allow_violations()


async def test_integer_snowflakes_are_accepted(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    channel_id = emu.world.guild.channel("general").id
    route = discord.http.Route("POST", "/channels/{channel_id}/messages", channel_id=channel_id)
    body = {"content": "hi", "allowed_mentions": {"parse": [], "users": [emu.world.member.id]}}
    await bot.http.request(route, json=body)
    assert emu.violations == []


async def test_mentions_follow_allowed_mentions(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    channel = bot.get_channel(emu.world.guild.channel("general").id)
    assert isinstance(channel, discord.TextChannel)
    role = emu.world.guild.role("Announcements")
    text = f"@everyone <@&{role.id}> <@{emu.world.member.id}>"
    await channel.send(text, allowed_mentions=discord.AllowedMentions.none())
    await channel.send(text)
    quiet, loud = emu.channel_messages(channel.id)
    assert not quiet.pings and loud.pings
    assert loud.data["mention_everyone"] and loud.data["mention_roles"] == [str(role.id)]


async def test_double_acknowledgement_is_refused(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    await (await emu.slash("ping", {"text": "once"}))
    record = next(iter(emu.interactions.values()))
    route = discord.http.Route(
        "POST",
        "/interactions/{interaction_id}/{interaction_token}/callback",
        interaction_id=record.id,
        interaction_token=record.token,
    )
    with pytest.raises(discord.HTTPException) as info:
        await bot.http.request(route, json={"type": 4, "data": {"content": "twice"}})
    assert info.value.code == 40060


# --- other setups ---------------------------------------------------------------------------
async def test_auto_sharded_bot_uses_gateway_bot(discord_emulator: DiscordEmulator) -> None:
    client = make_bot(discord_emulator.world.guild.id, sharded=True)
    async with discord_emulator.running(client):
        assert discord_emulator.requests_to("GET /gateway/bot")
        assert discord_emulator.gateway.identifies[0]["shard"] == [0, 1]
        assert (await (await discord_emulator.slash("ping", {"text": "s"}))).content == "pong: s"


async def test_privileged_intents_are_refused(discord_emulator: DiscordEmulator) -> None:
    intents = discord.Intents.default()
    intents.members = True
    client = make_bot(discord_emulator.world.guild.id, intents=intents)
    with pytest.raises(discord.PrivilegedIntentsRequired):
        async with discord_emulator.running(client):
            pass


async def test_emulator_alone_starts_and_stops_quickly() -> None:
    before = discord.http.Route.BASE
    emu = DiscordEmulator()
    await emu.start()
    try:
        assert emu.port > 0 and emu.api_base.startswith("http://127.0.0.1:")
        with emu.patch_discord():
            assert emu.api_base == discord.http.Route.BASE
        assert before == discord.http.Route.BASE
    finally:
        await asyncio.wait_for(emu.stop(), 2)


async def test_fault_rate_is_seeded_and_survivable(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    emu.fault_rate(0.5, statuses=(429,), route=CALLBACK, seed=7)
    for i in range(4):
        assert (await (await emu.slash("ping", {"text": str(i)}))).content == f"pong: {i}"
    assert emu.faults.injected and all(status == 429 for _, _, status in emu.faults.injected)


async def test_file_upload_is_validated_by_its_payload_json(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    channel = bot.get_channel(emu.world.guild.channel("general").id)
    assert isinstance(channel, discord.TextChannel)
    await channel.send("see file", file=discord.File(io.BytesIO(b"abc"), "notes.txt"))
    (message,) = emu.channel_messages(channel.id)
    assert message.data["attachments"][0]["filename"] == "notes.txt"
    assert message.data["attachments"][0]["size"] == 3


async def test_guild_changes_reach_the_bot(
    discord_emulator: DiscordEmulator, bot: commands.Bot
) -> None:
    emu = discord_emulator
    joined = await emu.join_guild("Second Guild")
    await emu.wait_for(lambda: bot.get_guild(joined.id), what="the new guild in the bot's cache")
    news, general = emu.world.guild.channel("news"), emu.world.guild.channel("general")
    await emu.set_permissions(news, emu.world.bot, deny=SEND_MESSAGES)
    await emu.delete_channel(general)
    await emu.wait_for(lambda: bot.get_channel(general.id) is None, what="CHANNEL_DELETE")
    with pytest.raises(discord.Forbidden) as denied:
        await bot.http.send_message(news.id, params=discord.http.handle_message_parameters("x"))
    with pytest.raises(discord.NotFound) as gone:
        await bot.http.send_message(general.id, params=discord.http.handle_message_parameters("x"))
    assert (denied.value.code, gone.value.code) == (50013, 10003)


def test_the_fixture_fails_a_test_whose_bot_broke_the_spec(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import aiohttp

        pytest_plugins = ["tests.emulator.plugin"]

        async def test_bad_request(discord_emulator):
            async with aiohttp.ClientSession() as session:
                await session.get(discord_emulator.api_base + "/no/such/route")
        """
    )
    options = ["-o", "asyncio_mode=auto", "-o", "asyncio_default_fixture_loop_scope=function"]
    result = pytester.runpytest_inprocess(*options, "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)  # the test body passed; its teardown failed it
    result.stdout.fnmatch_lines(
        ["*1 request(s) Discord would reject*", "*unknown-route*/no/such/route*"]
    )


def test_emulator_in_its_own_thread() -> None:
    async def scenario(threaded: EmulatorThread) -> str:
        client = make_bot(threaded.emulator.world.guild.id)
        task = asyncio.create_task(client.start(threaded.emulator.token))
        try:
            await threaded.run(threaded.emulator.wait_until_ready())
            handle = await threaded.run(threaded.emulator.slash("ping", {"text": "threads"}))
            return (await threaded.run(handle.message())).content
        finally:
            await client.close()
            await task

    before = discord.http.Route.BASE
    with EmulatorThread() as threaded:
        assert asyncio.run(scenario(threaded)) == "pong: threads"
        threaded.emulator.check()
    assert before == discord.http.Route.BASE


async def test_two_shard_processes_and_an_interaction_via_the_other_shard(
    discord_emulator: DiscordEmulator,
) -> None:
    """Guilds placed on a shard by their id; `via_shard` delivers an interaction on a session
    that does not own the guild; `before_answer` runs once the request took effect."""
    emu = discord_emulator
    base = emu.world.guild.id >> 22
    other = emu.world.add_guild("Other", guild_id=((base - 1000) << 22) | 7)
    owner = (emu.world.guild.id >> 22) % 2
    assert (other.id >> 22) % 2 == (base - 1000) % 2
    bots = [make_bot(emu.world.guild.id, sharded=True) for _ in range(2)]
    for shard, bot in enumerate(bots):
        bot.shard_count, bot.shard_ids = 2, [shard]
    seen: list[str] = []

    def once(record: RequestRecord) -> bool:
        seen.append(f"{record.method} {record.template}")
        return True  # done: remove me

    emu.before_answer(once)
    async with emu.running(bots[0]), emu.running(bots[1]):
        await emu.wait_until_ready(shards=2)
        assert sorted(i["shard"] for i in emu.gateway.identifies) == [[0, 2], [1, 2]]
        assert bots[owner].get_guild(emu.world.guild.id) is not None
        assert bots[1 - owner].get_guild(emu.world.guild.id) is None
        assert bots[(base - 1000) % 2].get_guild(other.id) is not None
        handle = await emu.slash("ping", {"text": "x"}, via_shard=1 - owner)
        assert (await handle).content == "pong: x"  # answered by the process without the guild
    assert len(seen) == 1 and emu.answer_hooks == []  # the hook ran once, then was removed
    with pytest.raises(ValueError, match="exists already"):
        emu.world.add_guild("Again", guild_id=other.id)
