"""Checks: admin commands (Manage Server, in a server only) and per-user cooldowns.

Discord hides a command registered with `default_member_permissions` from members without the
permission, but server admins can override that per role or channel, so the bot checks the
invoker's permissions in the channel at run time too. Refusals are app-command errors, so the
tree's one error path answers them (privately).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from bot.cards.labels import say

T = TypeVar("T")
MANAGE_GUILD = discord.Permissions(manage_guild=True)
# Generous: a person reading answers never meets it; a script hammering a command does.
COOLDOWN_RATE, COOLDOWN_SECONDS = 5, 10.0


class UserCooldowns:
    """Per-user token buckets, `rate` uses per `per` seconds, as discord.py's `Cooldown` counts
    them. Users idle for a whole window are forgotten once per window, not on every use as
    discord.py's own cooldown does (that walk over every bucket is most of a busy command's
    overhead); a bucket is two numbers, not an object, as most uses are a user's first."""

    def __init__(self, rate: int, per: float) -> None:
        self.rate, self.per = rate, per
        self.buckets: dict[int, tuple[float, int]] = {}  # user: (window start, tokens left)
        self._swept = 0.0

    def check(self, interaction: discord.Interaction[Any]) -> bool:
        now = interaction.created_at.timestamp()
        if now - self._swept >= self.per:
            self.buckets = {
                user: bucket for user, bucket in self.buckets.items() if now <= bucket[0] + self.per
            }
            self._swept = now
        user = interaction.user.id
        window, tokens = self.buckets.get(user, (now, self.rate))
        if now > window + self.per:
            tokens = self.rate
        if tokens == self.rate:
            window = now
        tokens -= 1
        self.buckets[user] = (window, tokens)
        if tokens < 0:
            cooldown = app_commands.Cooldown(self.rate, self.per)
            raise app_commands.CommandOnCooldown(cooldown, self.per - (now - window))
        return True


def per_user_cooldown() -> Callable[[T], T]:
    """At most COOLDOWN_RATE uses per COOLDOWN_SECONDS per user, for the heavier commands;
    past it, the tree's error path tells the user when to try again."""
    return app_commands.check(UserCooldowns(COOLDOWN_RATE, COOLDOWN_SECONDS).check)


def can_manage_guild(interaction: discord.Interaction[Any]) -> bool:
    """True for a member with Manage Server here; NoPrivateMessage or MissingPermissions else."""
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage(say("reply.server_only"))
    if not interaction.permissions.manage_guild:
        raise app_commands.MissingPermissions(["manage_guild"])
    return True


def requires_manage_guild() -> Callable[[T], T]:
    """The run-time check, as a decorator for a command or its callback."""
    return app_commands.check(can_manage_guild)


def admin_defaults(target: T) -> T:
    """Register `target` (a command, a group, or a callback not yet made a command) as shown
    only in servers that installed the bot, and by default only to members with Manage
    Server. Both are said in full: the tree's defaults allow DMs and user installs."""
    only_servers = app_commands.allowed_contexts(guilds=True, dms=False, private_channels=False)
    server_installs = app_commands.allowed_installs(guilds=True, users=False)
    shown = app_commands.default_permissions(MANAGE_GUILD)(target)
    # guild_only last: allowed_contexts clears the flag it sets
    return app_commands.guild_only(only_servers(server_installs(shown)))


def admin_only(target: T) -> T:
    """`admin_defaults` plus the run-time check, for a command or its callback."""
    return admin_defaults(requires_manage_guild()(target))


class AdminGroup(app_commands.Group):
    """A group of admin subcommands (`/daily set`, `/daily off`...): registered with the admin
    defaults, each subcommand checked at run time. Subcommands may add their own checks."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        admin_defaults(self)

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return can_manage_guild(interaction)
