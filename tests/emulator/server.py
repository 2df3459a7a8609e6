"""``DiscordEmulator``: start/stop on loopback, point discord.py at it, inject faults, read state.

discord.py is pointed at the emulator the supported way: ``discord.http.Route.BASE`` (REST,
also used by the interaction webhook adapter) and ``DiscordWebSocket.DEFAULT_GATEWAY`` (a plain
``Client`` connects there directly; an ``AutoShardedClient`` asks ``GET /gateway/bot``). Both
are class attributes: ``patch_discord()`` sets them and restores them on exit, so tests using
the emulator must not run in parallel threads of one process (pytest-xdist processes are fine).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import discord
import yarl
from aiohttp import web

from tests.emulator.admin import GuildAdminMixin
from tests.emulator.client import InteractionsMixin
from tests.emulator.direct import DirectMixin
from tests.emulator.faults import FaultPlan
from tests.emulator.gateway import INVALID_SESSION, RECONNECT, Gateway
from tests.emulator.records import (
    CommandStore,
    InteractionRecord,
    Message,
    RequestRecord,
    Signal,
    Violation,
)
from tests.emulator.rest import build_app
from tests.emulator.spec import SpecValidator, load_spec
from tests.emulator.world import World


class DiscordEmulator(DirectMixin, InteractionsMixin, GuildAdminMixin):
    def __init__(
        self,
        *,
        token: str = "emulator-token.not-a-secret",
        allow_privileged_intents: bool = False,
        recommended_shards: int = 1,
        spec: SpecValidator | None = None,
        wait_seconds: float = 15.0,
    ) -> None:
        self.token = token
        # How long every wait_* and interaction answer may take: a bound against hanging, not a
        # speed check, so it allows for a 2-core machine busy with other work.
        self.timeout = wait_seconds
        self.allow_privileged_intents = allow_privileged_intents
        self.recommended_shards = recommended_shards
        self.spec = spec or load_spec()
        self.world = World()
        self.commands = CommandStore(self.world.application_id)
        self.messages: dict[int, Message] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.interactions_by_token: dict[str, InteractionRecord] = {}
        self.requests: list[RequestRecord] = []
        self.violations: list[Violation] = []
        self.signal = Signal()
        self.faults = FaultPlan()
        self.gateway = Gateway(self)
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._allow_violations = False
        self.nonce_horizon = 0  # messages with ids up to this no longer dedup a nonce
        self.answer_hooks: list[Callable[[RequestRecord], bool]] = []

    # --- lifecycle ----------------------------------------------------------------------------
    async def start(self) -> None:
        app = build_app(self)
        app.router.add_get("/", self.gateway.handle)
        app.router.add_get("/resume", self.gateway.handle)
        self._runner = web.AppRunner(
            app, handle_signals=False, access_log=None, shutdown_timeout=0.5
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        await self.gateway.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/"

    @property
    def resume_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/resume"

    @contextlib.contextmanager
    def patch_discord(self) -> Iterator[None]:
        """Point discord.py's REST base and default gateway here; restore both on exit."""
        route_base = discord.http.Route.BASE
        gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.api_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        try:
            yield
        finally:
            discord.http.Route.BASE = route_base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway

    @contextlib.asynccontextmanager
    async def running(
        self, bot: discord.Client, *, fast_ready: bool = True
    ) -> AsyncIterator[discord.Client]:
        """Start ``bot`` (``bot.start(emulator.token)``), wait until discord.py itself is ready
        (``on_ready`` dispatched), yield it, and close it cleanly on exit.

        discord.py waits ``guild_ready_timeout`` (2 s by default) after the last GUILD_CREATE
        before READY; the emulator sends them all at once, so with ``fast_ready`` that wait is
        cut to 0.05 s (it sets the connection state's ``guild_ready_timeout``)."""
        if fast_ready:
            bot._connection.guild_ready_timeout = min(bot._connection.guild_ready_timeout, 0.05)
        task = asyncio.create_task(bot.start(self.token), name="emulated-bot")
        try:
            ready = asyncio.create_task(asyncio.wait_for(bot.wait_until_ready(), self.timeout))
            await asyncio.wait({task, ready}, return_when=asyncio.FIRST_COMPLETED)
            if not ready.done():
                ready.cancel()
                task.result()  # raises what made the bot stop
                raise RuntimeError("the bot stopped before it was ready")
            ready.result()
            yield bot
            if task.done():
                task.result()  # the bot crashed during the test: say so
        finally:
            await bot.close()
            if not task.done():
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await asyncio.wait_for(task, timeout=5)
            elif not task.cancelled():
                task.exception()  # already surfaced above; do not warn "never retrieved"

    # --- violations ---------------------------------------------------------------------------
    def violation(self, kind: str, method: str, path: str, detail: str) -> None:
        self.violations.append(Violation(kind, method, path, detail))

    def allow_violations(self) -> None:
        """Do not fail the test at teardown for violations (for tests of the validator itself)."""
        self._allow_violations = True

    def report(self) -> str | None:
        """The violations as a readable list, or None when there are none (or they are allowed)."""
        if not self.violations or self._allow_violations:
            return None
        lines = "\n".join(f"  - {v}" for v in self.violations)
        return f"the bot sent {len(self.violations)} request(s) Discord would reject:\n{lines}"

    def check(self) -> None:
        """Raise AssertionError listing every violation, unless allowed."""
        report = self.report()
        if report is not None:
            raise AssertionError(report)

    # --- faults -------------------------------------------------------------------------------
    def fail_next(
        self,
        n: int = 1,
        *,
        status: int = 429,
        retry_after: float = 0.05,
        route: str | None = None,
        via: bool = True,
        global_: bool = False,
    ) -> None:
        """Answer the next ``n`` requests (matching ``route``, see faults.route_matches) with
        ``status``: 429 carries ``retry_after`` (and Via unless via=False), 5xx a JSON error."""
        self.faults.fail_next(
            n, status=status, retry_after=retry_after, route=route, via=via, global_=global_
        )

    def lose_next_response(
        self, n: int = 1, *, status: int = 503, route: str | None = None
    ) -> None:
        """Carry out the next ``n`` requests (matching ``route``) but answer them with
        ``status`` as if the response were lost on the way: a message is created all the
        same. 503 reaches the bot at once (discord.py retries 500/502/504 itself, slowly)."""
        self.faults.lose_next(n, status=status, route=route)

    def before_answer(self, hook: Callable[[RequestRecord], bool]) -> None:
        """Call ``hook(record)`` once each request has taken effect, before its answer goes
        out (say, to kill the process that sent it); a hook returning True is removed."""
        self.answer_hooks.append(hook)

    def forget_nonces(self) -> None:
        """Discord remembers a message nonce for a few minutes only: from now on, messages
        sent so far no longer turn a resend with their nonce into a no-op."""
        self.nonce_horizon = max(self.messages, default=0)

    def fault_rate(
        self,
        rate: float,
        *,
        statuses: tuple[int, ...] = (429, 500),
        seed: int | None = 0,
        route: str | None = None,
        retry_after: float = 0.05,
    ) -> None:
        self.faults.fault_rate(
            rate, statuses=statuses, seed=seed, route=route, retry_after=retry_after
        )

    async def drop_gateway(self, code: int | None = None) -> None:
        """Close the bot's socket (abruptly without a close frame when ``code`` is None) and wait
        until the emulator has noticed; events dispatched from now on are replayed on RESUME."""
        before = len(self.gateway.connections)
        await self.gateway.drop(code)
        await self.signal.wait_for(
            lambda: len(self.gateway.connections) < before or None,
            self.timeout,
            "the dropped socket to close",
        )

    async def request_reconnect(self) -> None:
        """Send RECONNECT (op 7): discord.py closes the socket and resumes."""
        await self.gateway.send_op(RECONNECT, None)

    async def invalidate_session(self, resumable: bool = False) -> None:
        """Send INVALID_SESSION (op 9); with resumable=False the session is forgotten."""
        if not resumable:
            for conn in self.gateway.connections:
                if conn.session is not None:
                    self.gateway.sessions.pop(conn.session.id, None)
        await self.gateway.send_op(INVALID_SESSION, resumable)

    # --- reads --------------------------------------------------------------------------------
    def add_message(self, message: Message) -> None:
        self.messages[message.id] = message

    @property
    def sent_messages(self) -> list[Message]:
        """Every message the bot created (channel posts, interaction answers, follow-ups)."""
        return list(self.messages.values())

    def channel_messages(self, channel: Any) -> list[Message]:
        channel_id = channel if isinstance(channel, int) else channel.id
        return [m for m in self.messages.values() if m.channel_id == channel_id and not m.deleted]

    @property
    def interaction_responses(self) -> list[dict[str, Any]]:
        """The body of every interaction callback, in the order interactions were created."""
        return [r.callback for r in self.interactions.values() if r.callback is not None]

    def registered_commands(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        return self.commands.of(guild_id)

    def requests_to(self, route: str) -> list[RequestRecord]:
        """Requests whose "METHOD template" or template equals ``route``."""
        return [r for r in self.requests if route in (r.template, f"{r.method} {r.template}")]

    # --- waits --------------------------------------------------------------------------------
    async def wait_until_ready(self, *, shards: int = 1) -> None:
        """Until ``shards`` gateway sessions got READY and their GUILD_CREATEs."""

        def done() -> bool:
            return sum(s.ready for s in self.gateway.sessions.values()) >= shards

        await self.signal.wait_for(done, self.timeout, f"{shards} gateway session(s) to be ready")

    async def wait_for_resume(self, count: int = 1) -> None:
        """Until ``count`` RESUMEs were received and a session is live again."""

        def done() -> bool:
            live = any(s.conn is not None for s in self.gateway.sessions.values())
            return len(self.gateway.resumes) >= count and live

        await self.signal.wait_for(done, self.timeout, f"{count} RESUME(s)")

    async def wait_for(self, predicate: Callable[[], Any], *, what: str = "a condition") -> Any:
        return await self.signal.wait_for(predicate, self.timeout, what)
