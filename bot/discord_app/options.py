"""From a slash command's options to an answer, through the same command table as the terminal.

Names, descriptions and option bounds come from `bot.commands.COMMANDS`, so `/timeline` means
the same in Discord and in `minimax-bot ask`; `app_commands.describe` refuses a description
for a parameter the callback lacks, so a cog that drifts from the table fails when loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import discord
from discord import app_commands

from bot.commands import COMMANDS, MAX_PAGE, MAX_YEAR, MIN_YEAR
from bot.discord_app.answers import Rendered
from bot.discord_app.app import MinimaxBot
from bot.discord_app.replies import send_answer
from bot.queries.autocomplete import model_choices, speaker_choices
from bot.queries.listings import Answer
from bot.queries.results import Choice

# Discord checks the bounds before the bot sees the value; the table's own check stays behind.
Year = app_commands.Range[int, MIN_YEAR, MAX_YEAR]
Page = app_commands.Range[int, 1, MAX_PAGE]
ViewFor = Callable[[Answer], discord.ui.View | None]


def description(name: str) -> str:
    """The one-line description `/name` has in the command table."""
    return COMMANDS[name].description


def option_descriptions(name: str) -> dict[str, str]:
    """`{option: description}` of `/name`, for `app_commands.describe(**...)`."""
    return {option.name: option.description for option in COMMANDS[name].options}


def client_of(interaction: discord.Interaction) -> MinimaxBot:
    client = interaction.client
    assert isinstance(client, MinimaxBot)
    return client


def as_text(options: Mapping[str, object | None]) -> dict[str, str]:
    """The options Discord gave, as the command table reads them: text, absent ones left out."""
    return {key: str(value) for key, value in options.items() if value is not None}


async def ask(interaction: discord.Interaction, name: str, options: Mapping[str, str]) -> Rendered:
    """The answer to `/name` with text `options` for today, and its embed (remembered)."""
    bot = client_of(interaction)
    return await bot.answers.answer(bot.corpus, name, options, bot.today())


async def answer_command(
    interaction: discord.Interaction,
    name: str,
    options: Mapping[str, object | None],
    *,
    view_for: ViewFor | None = None,
) -> Answer:
    """Run `/name` with the options Discord gave (None for absent) and send the answer, with
    the buttons `view_for` builds for this answer (None for none).

    Options go through `bot.commands` as text, so a bad value gets the terminal's message; a
    UsageError reaches the tree's error path, which shows it to the asker only."""
    reply = await ask(interaction, name, as_text(options))
    view = view_for(reply.answer) if view_for is not None else None
    await send_answer(interaction, reply.answer, view=view, embed=reply.embed)
    return reply.answer


def as_app_choices(choices: list[Choice]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=c.name, value=c.value) for c in choices]


async def model_names(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """Autocomplete: models by any alias, from memory."""
    return as_app_choices(model_choices(client_of(interaction).corpus.catalog, current))


async def speaker_names(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """Autocomplete: people by any spelling of their name, from memory."""
    return as_app_choices(speaker_choices(client_of(interaction).corpus.catalog, current))
