"""One error path for every slash command: log with context, answer the user briefly.

Order of handling (`ErrorTree.on_error`):
1. the interaction expired (Discord's 3 s to answer, or 15 min for follow-ups): a warning in the
   log, nothing to tell anyone;
2. an expected refusal (cooldown, permissions, a check, a bad value, a UsageError): a short
   ephemeral message, an INFO line;
3. anything else is a bug: the traceback in the log, a generic ephemeral apology.

Autocomplete never reaches `on_error` (discord.py has nowhere to show it): every autocomplete
callback is wrapped before its first use, so a failing one answers with no choices and logs a
warning; an expired autocomplete is one warning line instead of a traceback.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

import discord
from discord import app_commands

from bot.cards.labels import DEFAULT, Locale, say, told
from bot.commands import UsageError
from bot.discord_app.mentions import CommandMentions
from bot.discord_app.replies import reader_locale

log = logging.getLogger(__name__)

NOT_ALLOWED, FAILED = say("reply.not_allowed"), say("reply.failed")  # English
UNKNOWN_INTERACTION, UNKNOWN_WEBHOOK = 10062, 10015
_QUIET = "__minimax_quiet_autocomplete__"

Autocomplete = Callable[..., Coroutine[Any, Any, list[app_commands.Choice[Any]]]]


def message_for(error: app_commands.AppCommandError, locale: Locale = DEFAULT) -> str | None:
    """What to tell the user about an expected error, in `locale`; None for a bug (logged in
    full)."""
    if isinstance(error, app_commands.CommandOnCooldown):
        again = discord.utils.utcnow() + timedelta(seconds=max(1.0, error.retry_after))
        return say("reply.slow_down", locale, when=discord.utils.format_dt(again, "R"))
    if isinstance(error, app_commands.MissingPermissions):
        return say("reply.not_allowed", locale)
    if isinstance(error, app_commands.NoPrivateMessage):
        return say("reply.server_only", locale)
    if isinstance(error, app_commands.CheckFailure):  # discord.py words its own in English
        if not str(error):
            return say("reply.not_allowed", locale)
        return str(error) if locale == DEFAULT else say("reply.refused", locale)
    if isinstance(error, app_commands.TransformerError):
        if isinstance(error.__cause__, UsageError):  # the table's converter said what would do
            return told(str(error.__cause__), error.__cause__.wording, locale)
        kind = error.type.name.lower()
        return say("reply.invalid_value", locale, value=error.value, type=kind)
    original = getattr(error, "original", None)
    if isinstance(original, UsageError):
        return told(str(original), original.wording, locale)
    return None


def is_expired(error: BaseException | None) -> bool:
    """Discord no longer accepts an answer to this interaction."""
    error = getattr(error, "original", error)
    return isinstance(error, discord.NotFound) and error.code in (
        UNKNOWN_INTERACTION,
        UNKNOWN_WEBHOOK,
    )


class ErrorTree(app_commands.CommandTree):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mentions = CommandMentions()  # filled at sync: errors name commands by mention
        tree_log = logging.getLogger("discord.app_commands.tree")
        if _EXPIRED_AUTOCOMPLETE not in tree_log.filters:
            tree_log.addFilter(_EXPIRED_AUTOCOMPLETE)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Runs before every command and autocomplete; the place to reach each autocomplete
        callback however and whenever its command was added (idempotent and cheap)."""
        if interaction.type is discord.InteractionType.autocomplete and interaction.command:
            quiet_autocompletes(interaction.command)
        return True

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        command = interaction.command.qualified_name if interaction.command else "?"
        if is_expired(error):
            log.warning(
                "/%s answered too late for Discord (user %s): %s",
                command,
                interaction.user.id,
                getattr(error, "original", error),
            )
            return
        message = message_for(error, reader_locale(interaction))
        if message is None:
            log.error(
                "/%s failed (guild %s, channel %s, user %s)",
                command,
                interaction.guild_id,
                interaction.channel_id,
                interaction.user.id,
                exc_info=error,
            )
            message = say("reply.failed", reader_locale(interaction))
        else:
            log.info("/%s refused for user %s: %s", command, interaction.user.id, message)
        await tell(interaction, self.mentions.in_text(message))


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


def quiet_autocompletes(command: Any) -> None:
    """Wrap the autocomplete callbacks of `command` (and its subcommands) with `quiet`.

    discord.py keeps them on its parameter objects (`_params`; there is no public setter);
    the wrapper keeps the attributes discord.py reads from the callback."""
    commands = [command, *getattr(command, "walk_commands", list)()]
    for each in commands:
        for param in getattr(each, "_params", {}).values():
            if param.autocomplete is not None:
                param.autocomplete = quiet(param.autocomplete, each.qualified_name)


def quiet(callback: Autocomplete, command: str) -> Autocomplete:
    """`callback`, but a failure logs a warning and offers no choices."""
    if getattr(callback, _QUIET, False):
        return callback

    @functools.wraps(callback)  # also copies pass_command_binding and the checks
    async def wrapper(*args: Any) -> list[app_commands.Choice[Any]]:
        try:
            return await callback(*args)
        except Exception:
            interaction = next((a for a in args if isinstance(a, discord.Interaction)), None)
            user = interaction.user.id if interaction is not None else "?"
            log.warning("autocomplete of /%s failed for user %s", command, user, exc_info=True)
            return []

    setattr(wrapper, _QUIET, True)
    return wrapper


class _ExpiredAutocomplete(logging.Filter):
    """discord.py logs an expired autocomplete with a traceback; make it one warning line."""

    def filter(self, record: logging.LogRecord) -> bool:
        failure = record.exc_info[1] if record.exc_info else None
        about = str(record.msg).startswith("Ignoring exception in autocomplete")
        if about and is_expired(failure):
            record.msg = "autocomplete for %r expired before it was answered (%s)"
            record.args = (record.args[0] if record.args else "?", failure)  # type: ignore[index]
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info, record.exc_text = None, None
        return True


_EXPIRED_AUTOCOMPLETE = _ExpiredAutocomplete()
