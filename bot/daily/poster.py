"""One guild's post for one local date, exactly once: claim, send with the nonce, confirm.

1. Claim: write the day's ledger row *before* sending. A second claim for the day fails, so
   a day is never sent twice from a fresh start.
2. Send the embed with the day's nonce (`enforce_nonce`: discord.py sets it with any nonce).
3. Confirm: record the message id.

Killed between 2 and 3, the bot finds the claim unconfirmed ("in doubt") when it starts
again. Within Discord's nonce window it simply sends again: Discord returns the message the
first send created. Past the window it first looks for the post among the channel's recent
messages; if it cannot read them it gives the day up rather than risk posting twice.
"""

from __future__ import annotations

import enum
import logging
from datetime import datetime
from typing import TYPE_CHECKING

import discord

from bot.cards.embed import render_embed
from bot.daily.content import NO_PINGS, daily_answer, every_locale, guild_locale, is_daily_post
from bot.daily.failures import Verdict, classify
from bot.daily.ledger import NONCE_WINDOW, post_nonce
from bot.daily.schedule import Due, LedgerEntry
from bot.state import StateStore

if TYPE_CHECKING:
    from bot.discord_app.app import MinimaxBot

log = logging.getLogger(__name__)

HISTORY = 50  # recent messages searched for a post in doubt


class Result(enum.Enum):
    POSTED = "posted"
    SKIPPED = "skipped"  # another attempt holds the day
    RETRY = "retry"
    PAUSED = "paused"
    GIVE_UP = "give up"


class Poster:
    def __init__(self, bot: MinimaxBot) -> None:
        self.bot = bot

    @property
    def store(self) -> StateStore:
        return self.bot.state

    def channel(self, channel_id: int, guild_id: int) -> discord.PartialMessageable:
        return self.bot.get_partial_messageable(channel_id, guild_id=guild_id)

    async def post(self, due: Due, entry: LedgerEntry | None, now: datetime) -> Result:
        guild_id, day = due.key
        guild = self.bot.get_guild(guild_id)
        answer = await daily_answer(self.bot.corpus, day)
        embed = render_embed(answer, guild_locale(guild.preferred_locale if guild else None))
        doubt = entry.in_doubt_since if entry is not None else None
        channel_id = due.subscription.channel_id
        if doubt is None:
            nonce = post_nonce(guild_id, day)
            if not await self.store.daily_claim(guild_id, day, channel_id, nonce, now):
                return Result.SKIPPED
        else:
            row = await self.store.daily_post_row(guild_id, day)
            if row is None or row.confirmed:
                return Result.SKIPPED
            channel_id = row.channel_id or channel_id  # the claim fixed the day's channel
            if now - doubt >= NONCE_WINDOW:
                found = await self._look_for(due, channel_id, every_locale(answer), now)
                if found is not None:
                    return found
        try:
            message = await self.channel(channel_id, guild_id).send(
                embed=embed, nonce=post_nonce(guild_id, day), allowed_mentions=NO_PINGS
            )
        except Exception as error:
            return await self._failed(due, channel_id, error, now, fresh=doubt is None)
        await self.store.daily_confirm(guild_id, day, message.id, now)
        log.info("daily post for guild %s, %s: message %s", guild_id, day, message.id)
        return Result.POSTED

    async def _look_for(
        self, due: Due, channel_id: int, embeds: list[discord.Embed], now: datetime
    ) -> Result | None:
        """POSTED when the post in doubt is in the channel; None when it is not (send it)."""
        guild_id, day = due.key
        me = self.bot.user.id if self.bot.user is not None else 0
        if not self._can_read_history(channel_id):
            return self._unsure(due, channel_id)
        try:
            async for message in self.channel(channel_id, guild_id).history(limit=HISTORY):
                if any(is_daily_post(message, embed, me) for embed in embeds):
                    await self.store.daily_confirm(guild_id, day, message.id, now)
                    log.info("daily post for guild %s, %s found: %s", guild_id, day, message.id)
                    return Result.POSTED
        except discord.Forbidden:
            return self._unsure(due, channel_id)
        except Exception as error:
            return await self._failed(due, channel_id, error, now, fresh=False)
        return None

    def _can_read_history(self, channel_id: int) -> bool:
        """Without Read Message History Discord lists no messages (it does not refuse), so an
        empty history would prove nothing. A channel not in the cache is let through: the
        request then says what became of it."""
        channel = self.bot.get_channel(channel_id)
        if not isinstance(channel, discord.abc.GuildChannel):
            return True
        return channel.permissions_for(channel.guild.me).read_message_history

    def _unsure(self, due: Due, channel_id: int) -> Result:
        log.warning(
            "daily post for guild %s, %s may have gone out and I cannot read <#%s> to check: "
            "not posting twice, the day is given up",
            *due.key,
            channel_id,
        )
        return Result.GIVE_UP

    async def _failed(
        self, due: Due, channel_id: int, error: Exception, now: datetime, *, fresh: bool
    ) -> Result:
        guild_id, day = due.key
        failure = classify(error, channel_id)
        if fresh and not failure.maybe_sent:
            await self.store.daily_release(guild_id, day)
        if failure.verdict is Verdict.PAUSE:
            await self.store.daily_pause(guild_id, failure.reason, now)
            log.warning("daily post for guild %s paused: %s", guild_id, failure.reason)
            return Result.PAUSED
        log.log(
            logging.WARNING if failure.expected else logging.ERROR,
            "daily post for guild %s, %s failed (%s): %s",
            guild_id,
            day,
            failure.verdict.value,
            failure.reason,
            exc_info=None if failure.expected else error,
        )
        return Result.RETRY if failure.verdict is Verdict.RETRY else Result.GIVE_UP
