"""A local emulator of Discord's API (REST + gateway) for end-to-end tests of the real bot.

Real, unmodified discord.py connects to it on 127.0.0.1 (ephemeral port). Use the
``discord_emulator`` fixture (tests/emulator/plugin.py; enable it with
``pytest_plugins = ["tests.emulator.plugin"]`` in tests/conftest.py or the test module)::

    async def test_ping(discord_emulator):
        bot = make_bot()                          # any discord.Client / commands.Bot
        async with discord_emulator.running(bot): # bot.start(emulator.token) ... bot.close()
            reply = await (await discord_emulator.slash("ping", {"text": "hi"}))
            assert reply.content == "pong: hi" and reply.embeds[0]["title"] == "Pong"

The emulator (``DiscordEmulator``, server.py) offers
- the world (``world.guild``, ``world.owner/admin/member/bot``, ``world.guild.channel("general")``);
- user actions: ``slash(name, options, user=, channel=, permissions=, subcommand=, via_shard=)``,
  ``autocomplete(name, option, typed)``, ``click(message, custom_id)``; the first and last
  return an ``InteractionHandle`` to await for the answer (``.followup(n)``, ``.callback()``);
- admin actions: ``join_guild``, ``delete_channel``, ``set_permissions``;
- faults: ``fail_next(n, status=429|500, retry_after=, route=)``, ``fault_rate(p, seed=)``,
  ``lose_next_response(n, status=503, route=)`` (done, but the answer is lost),
  ``forget_nonces()`` (Discord dedups a message nonce for a few minutes only),
  ``before_answer(hook)`` (act once a request took effect, before its answer goes out),
  ``drop_gateway()``, ``request_reconnect()``, ``invalidate_session()``;
- reads: ``sent_messages``, ``channel_messages(ch)``, ``interaction_responses``,
  ``registered_commands(guild_id)``, ``requests`` / ``requests_to(route)``, ``violations``,
  ``gateway.identifies / resumes / received / connects``;
- waits: ``wait_until_ready()``, ``wait_for_resume()``, ``wait_for(predicate)`` (all bounded by
  ``emulator.timeout``, 5 s by default).

Every REST request is validated against Discord's OpenAPI spec (spec.py); the fixture fails
the test at teardown on any violation, unknown route or exceeded message limit unless the
test calls ``allow_violations()``. Not thread-safe: it patches class attributes of discord.py
(server.py); for benchmarks run it in its own thread with ``threaded.EmulatorThread``.
"""

from tests.emulator.client import InteractionHandle
from tests.emulator.models import Channel, Guild, Member, Role, User
from tests.emulator.records import InteractionRecord, Message, RequestRecord, Violation
from tests.emulator.server import DiscordEmulator

__all__ = [
    "Channel",
    "DiscordEmulator",
    "Guild",
    "InteractionHandle",
    "InteractionRecord",
    "Member",
    "Message",
    "RequestRecord",
    "Role",
    "User",
    "Violation",
]
