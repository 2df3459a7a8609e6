"""/daily set, off, status and preview: the daily "on this day" post (Manage Server only).

The cog owns the one background task that posts (`bot.daily.scheduler`): started in
`cog_load`, cancelled in `cog_unload`. Every answer here is private to the admin. The time
and the zone arrive typed (`datetime.time`, `ZoneInfo`) through transformers; a bad one gets
the checker's message through the tree's error path. Replies are in the admin's locale;
`/daily preview` shows the post as it will go out, in the server's (`bot.daily.content`).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from zoneinfo import ZoneInfo

import discord
from discord import app_commands
from discord.ext import commands

from bot.cards.embed import render_embed
from bot.cards.labels import DEFAULT, Locale
from bot.cards.labels import say as words
from bot.daily.content import NO_PINGS, daily_answer, guild_locale
from bot.daily.poster import Poster
from bot.daily.schedule import local_date, owns
from bot.daily.scheduler import Scheduler
from bot.daily.status import status_text
from bot.daily.subscriptions import (
    missing_permissions,
    parse_post_time,
    parse_zone,
    permission_names,
    subscription_of,
    unusable_reason,
)
from bot.discord_app.app import MinimaxBot
from bot.discord_app.checks import AdminGroup
from bot.discord_app.replies import reader_locale, send_answer
from bot.queries.autocomplete import timezone_choices

UTC_ZONE = parse_zone("UTC")


def scheduler_for(bot: MinimaxBot) -> Scheduler:
    shards = partial(owns, shard_ids=bot.settings.shard_ids, shard_count=bot.settings.shard_count)
    return Scheduler(
        bot.state, bot.clock, Poster(bot).post, owns=shards, ready=bot.wait_until_ready
    )


class PostChannel(app_commands.Transformer):
    """A text or announcement channel, as discord.py's `discord.TextChannel` option, except
    that a process without the server in its cache (another shard process owns it) gets the
    channel as the interaction resolved it instead of refusing it as "not a valid channel"."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.channel

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        return [discord.ChannelType.text, discord.ChannelType.news]

    async def transform(
        self, interaction: discord.Interaction, value: app_commands.AppCommandChannel
    ) -> discord.TextChannel | app_commands.AppCommandChannel:
        resolved = value.resolve()
        return resolved if isinstance(resolved, discord.TextChannel) else value


class PostTime(app_commands.Transformer):
    """A local time of day, HH:MM on a 24-hour clock."""

    async def transform(self, interaction: discord.Interaction, value: str) -> dt.time:
        return parse_post_time(value)


class TimeZone(app_commands.Transformer):
    """An IANA time zone, autocompleted by name or city from memory."""

    async def transform(self, interaction: discord.Interaction, value: str) -> ZoneInfo:
        return parse_zone(value)

    async def autocomplete(
        self, interaction: discord.Interaction, value: int | float | str, /
    ) -> list[app_commands.Choice[int | float | str]]:
        return [
            app_commands.Choice(name=c.name, value=c.value) for c in timezone_choices(str(value))
        ]


async def reply(interaction: discord.Interaction, text: str) -> None:
    await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


class Daily(commands.Cog):
    daily = AdminGroup(name="daily", description="The daily “on this day” post (Manage Server)")

    def __init__(self, bot: MinimaxBot) -> None:
        self.bot = bot
        self.scheduler = scheduler_for(bot)

    async def cog_load(self) -> None:
        self.scheduler.start()

    async def cog_unload(self) -> None:
        await self.scheduler.stop()

    async def status(self, guild_id: int, locale: Locale = DEFAULT) -> str:
        store, now = self.bot.state, self.bot.clock()
        return await status_text(store, self.scheduler.attempts, guild_id, now, locale)

    @daily.command(name="set", description="Post “on this day” in a channel every day")
    @app_commands.describe(
        channel="The channel to post in",
        time="Local time, HH:MM on a 24-hour clock (09:00)",
        timezone="Your time zone, an IANA name like Europe/London",
    )
    async def set_post(
        self,
        interaction: discord.Interaction,
        channel: app_commands.Transform[
            discord.TextChannel | app_commands.AppCommandChannel, PostChannel
        ],
        time: app_commands.Transform[dt.time, PostTime],
        timezone: app_commands.Transform[ZoneInfo, TimeZone],
    ) -> None:
        # Without the server cached here, the bot's permissions in the channel are unknown:
        # saved all the same; the owning process pauses the post with the reason if it fails.
        missing = []
        if isinstance(channel, discord.TextChannel) and channel.guild.me is not None:
            missing = missing_permissions(channel.permissions_for(channel.guild.me))
        locale = reader_locale(interaction)
        if missing:
            needed = permission_names(missing, locale)
            cannot = words("daily.cannot_post", locale, channel=channel.mention, permissions=needed)
            await reply(interaction, cannot)
            return
        assert interaction.guild_id is not None  # the group is guild only
        guild_id = interaction.guild_id
        # Posts scheduled before `now` are not owed: a clock running ahead must not make it
        # later than the command itself (Discord's time, in the interaction's id).
        store, now = self.bot.state, min(self.bot.clock(), interaction.created_at)
        await store.daily_subscribe(guild_id, channel.id, time, timezone.key, now)
        self.scheduler.wake()
        saved = words("daily.saved", locale)
        await reply(interaction, f"{saved}\n{await self.status(guild_id, locale)}")

    @daily.command(name="off", description="Stop the daily post in this server")
    async def turn_off(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None  # the group is guild only
        locale = reader_locale(interaction)
        if await self.bot.state.daily_turn_off(interaction.guild_id, self.bot.clock()):
            await reply(interaction, words("daily.now_off", locale))
        else:
            await reply(interaction, words("daily.already_off", locale))

    @daily.command(name="status", description="Where and when the daily post goes, and why not")
    async def show_status(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        await reply(
            interaction, await self.status(interaction.guild_id, reader_locale(interaction))
        )

    @daily.command(name="preview", description="What today's daily post will say (only you)")
    async def preview(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        settings = await self.bot.state.daily_settings(interaction.guild_id)
        subscription = subscription_of(settings) if settings is not None else None
        locale = reader_locale(interaction)
        unusable = unusable_reason(settings, locale) if settings is not None else None
        if unusable is not None:  # rather than a preview for a day in UTC
            resume = words("daily.resume", locale)
            await reply(
                interaction, words("daily.no_preview", locale, reason=unusable, resume=resume)
            )
            return
        zone = subscription.zone if subscription is not None else UTC_ZONE
        day = local_date(self.bot.clock(), zone)
        answer = await daily_answer(self.bot.corpus, day)
        post_locale = guild_locale(interaction.guild_locale)
        await send_answer(
            interaction, answer, ephemeral=True, embed=render_embed(answer, post_locale)
        )


async def setup(bot: MinimaxBot) -> None:
    await bot.add_cog(Daily(bot))
