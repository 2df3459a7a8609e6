"""One error path for every slash command: log with context, answer the user briefly."""

from __future__ import annotations

import logging
import math

import discord
from discord import app_commands

from bot.commands import UsageError

log = logging.getLogger(__name__)

NOT_ALLOWED = "You need the **Manage Server** permission for this."
FAILED = "Something went wrong on our side; please try again in a moment."


def message_for(error: app_commands.AppCommandError) -> str | None:
    """What to tell the user about an expected error; None for a bug (logged in full)."""
    if isinstance(error, app_commands.CommandOnCooldown):
        seconds = max(1, math.ceil(error.retry_after))
        return f"Slow down: try again in {seconds} s."
    if isinstance(error, app_commands.MissingPermissions | app_commands.NoPrivateMessage):
        return NOT_ALLOWED if isinstance(error, app_commands.MissingPermissions) else str(error)
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or NOT_ALLOWED
    if isinstance(error, app_commands.TransformerError):
        return f"“{error.value}” is not a valid {error.type.name.lower()}."
    original = getattr(error, "original", None)
    if isinstance(original, UsageError):
        return str(original)
    return None


class ErrorTree(app_commands.CommandTree):
    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        message = message_for(error)
        command = interaction.command.qualified_name if interaction.command else "?"
        if message is None:
            log.error(
                "/%s failed (guild %s, channel %s, user %s)",
                command,
                interaction.guild_id,
                interaction.channel_id,
                interaction.user.id,
                exc_info=error,
            )
            message = FAILED
        else:
            log.info("/%s refused for user %s: %s", command, interaction.user.id, message)
        await tell(interaction, message)


async def tell(interaction: discord.Interaction, message: str) -> None:
    """An ephemeral note through `response`, or `followup` once the response is used."""
    none = discord.AllowedMentions.none()
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True, allowed_mentions=none)
        else:
            await interaction.response.send_message(message, ephemeral=True, allowed_mentions=none)
    except discord.HTTPException as failure:  # the interaction expired or Discord is down
        log.warning("could not tell user %s: %s", interaction.user.id, failure)
