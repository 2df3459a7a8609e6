"""The bot: a discord.py AutoShardedBot that serves one corpus through the cogs of `cogs/`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

import discord
import yarl
from discord.ext import commands

from bot.discord_app.answers import AnswerCache
from bot.discord_app.mentions import CommandMentions
from bot.discord_app.sync import sync_on_start
from bot.discord_app.translator import ChineseTranslator
from bot.discord_app.tree import ErrorTree
from bot.queries.corpus import Corpus
from bot.settings import Settings
from bot.state import StateStore
from bot.state.interface import IdentifyTurns
from bot.store.database import StoreError
from cogs import EXTENSIONS

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
IDENTIFY_SPACING = 5.0  # Discord starts max_concurrency sessions per 5 s
# Every command, unless it says otherwise (/daily): installed by a server or by a user for
# themselves, and usable in servers, in the bot's DMs and in group DMs.
EVERYWHERE_INSTALLS = discord.app_commands.AppInstallationType(guild=True, user=True)
EVERYWHERE_CONTEXTS = discord.app_commands.AppCommandContext(
    guild=True, dm_channel=True, private_channel=True
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def point_at(settings: Settings) -> None:
    """Send REST calls and the gateway connection where the settings say (Discord by default).

    discord.py reads its REST base from `Route.BASE`; a plain Bot connects straight to
    `DiscordWebSocket.DEFAULT_GATEWAY`, so both are set."""
    discord.http.Route.BASE = settings.discord_api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


def intents() -> discord.Intents:
    """Slash commands and guild metadata only: no privileged intents, no message content."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    return wanted


class MinimaxBot(commands.AutoShardedBot):
    def __init__(
        self,
        corpus: Corpus,
        settings: Settings,
        *,
        state: StateStore,
        clock: Clock = utc_now,
        extensions: Sequence[str] = EXTENSIONS,
        sync_commands: bool = True,
    ) -> None:
        """Serve `corpus`, keeping guild settings and the daily ledger in `state` (both opened
        and closed by the caller). `sync_commands=False` leaves command registration to the
        caller (`minimax-bot sync`)."""
        shards: dict[str, Any] = {"shard_count": settings.shard_count}
        if settings.shard_ids:
            shards["shard_ids"] = list(settings.shard_ids)
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(),
            help_command=None,
            tree_cls=ErrorTree,
            allowed_mentions=discord.AllowedMentions.none(),
            **shards,
            max_messages=None,
            chunk_guilds_at_startup=False,
            allowed_installs=EVERYWHERE_INSTALLS,
            allowed_contexts=EVERYWHERE_CONTEXTS,
        )
        self.corpus = corpus
        self.state = state
        self.answers = AnswerCache()
        self.settings = settings
        self.clock = clock
        self.extension_names = tuple(extensions)
        self.sync_commands = sync_commands
        self.identify_concurrency = 1  # Discord's max_concurrency for bots under 150,000 guilds

    @property
    def mentions(self) -> CommandMentions:
        """The commands as clickable mentions, once synced (the tree keeps them)."""
        tree = self.tree
        assert isinstance(tree, ErrorTree)
        return tree.mentions

    def today(self) -> date:
        return self.clock().date()

    async def setup_hook(self) -> None:
        await self.tree.set_translator(ChineseTranslator())  # before the sync reads names
        for name in self.extension_names:
            await self.load_extension(name)
        if self.sync_commands:
            await sync_on_start(self)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """With a state shared across hosts (PostgreSQL), every process takes its turn to
        IDENTIFY under the database's lock; with SQLite, discord.py's own spacing."""
        if isinstance(self.state, IdentifyTurns):
            bucket = (shard_id or 0) % self.identify_concurrency
            try:
                waited = await self.state.identify_turn(bucket, IDENTIFY_SPACING)
            except StoreError as error:
                log.warning("no turn to identify from the state (%s): waiting 5 s", error)
                await super().before_identify_hook(shard_id, initial=False)
                return
            if waited:
                log.info("shard %s waited %.1f s for its turn to identify", shard_id, waited)
            return
        await super().before_identify_hook(shard_id, initial=initial)

    async def on_ready(self) -> None:
        log.info(
            "ready as %s (application %s): %d guild(s), shard(s) %s of %s",
            self.user,
            self.application_id,
            len(self.guilds),
            sorted(self.shards),
            self.shard_count,
        )
