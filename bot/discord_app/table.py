"""The command table as slash commands: one generic registration for every entry.

Each `bot.commands.Command` becomes an `app_commands.Command` whose parameters are its options
(typed as `options.annotation` says, described, autocompleted from the table) and whose
callback makes the typed call and sends the answer with its buttons. Adding a command to the
table adds it here; nothing in this module names a command.
"""

from __future__ import annotations

import inspect
from typing import Any

import discord
from discord import app_commands

from bot.commands import Call, Command
from bot.discord_app.checks import per_user_cooldown
from bot.discord_app.options import annotation, ask, autocomplete
from bot.discord_app.replies import send_answer
from bot.discord_app.views import buttons_for
from bot.queries.listings import Answer

SlashCommand = app_commands.Command[Any, ..., None]
_INTERACTION = inspect.Parameter(
    "interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction
)


async def answer_call(interaction: discord.Interaction, call: Call) -> Answer:
    """Answer `call` (from the cache when asked before) with its buttons; a Problem only to
    the asker. A UsageError reaches the tree's error path, which shows it privately."""
    reply = await ask(interaction, call)
    view = await buttons_for(interaction, call, reply.answer)
    await send_answer(interaction, reply.answer, view=view, embed=reply.embed)
    return reply.answer


def signature(command: Command) -> inspect.Signature:
    """The callback's signature discord.py reads the options from: required ones have no
    default, the others default to None (absent)."""
    parameters = [_INTERACTION]
    for option in command.options:
        default = inspect.Parameter.empty if option.required else None
        kind = inspect.Parameter.KEYWORD_ONLY
        parameters.append(
            inspect.Parameter(option.name, kind, default=default, annotation=annotation(option))
        )
    return inspect.Signature(parameters)


def slash_command(command: Command) -> SlashCommand:
    """`command` as a slash command, with a per-user cooldown when the table asks for one."""

    async def callback(interaction: discord.Interaction, **values: Any) -> None:
        # discord.py passes every option, None for those not given: only the given are checked
        given = {name: value for name, value in values.items() if value is not None}
        await answer_call(interaction, command.call(**given))

    # discord.py reads the parameters through inspect.signature, which honours __signature__.
    callback.__signature__ = signature(command)  # type: ignore[attr-defined]
    app_commands.describe(**{o.name: o.description for o in command.options})(callback)
    sources = {o.name: autocomplete(o.autocomplete) for o in command.options if o.autocomplete}
    if sources:
        app_commands.autocomplete(**sources)(callback)
    slash: SlashCommand = app_commands.Command(
        name=command.name, description=command.description, callback=callback
    )
    return per_user_cooldown()(slash) if command.cooldown else slash
