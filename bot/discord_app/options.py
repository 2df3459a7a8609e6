"""From a slash command's options to an answer, through the same command table as the terminal."""

from __future__ import annotations

from collections.abc import Mapping

import discord
from discord import app_commands

from bot.commands import run_command
from bot.discord_app.app import MinimaxBot
from bot.discord_app.replies import send_answer
from bot.queries.listings import Answer
from bot.queries.results import Choice


def client_of(interaction: discord.Interaction) -> MinimaxBot:
    client = interaction.client
    assert isinstance(client, MinimaxBot)
    return client


async def answer_command(
    interaction: discord.Interaction,
    name: str,
    options: Mapping[str, object | None],
    *,
    view: discord.ui.View | None = None,
) -> Answer:
    """Run `/name` with the options Discord gave (None for absent) and send the answer.

    Options go through `bot.commands` as text, so a bad value gets the terminal's message; a
    UsageError reaches the tree's error path, which shows it to the asker only."""
    bot = client_of(interaction)
    given = {key: str(value) for key, value in options.items() if value is not None}
    answer = await run_command(bot.corpus, name, given, bot.today())
    await send_answer(interaction, answer, view=view)
    return answer


def as_app_choices(choices: list[Choice]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=c.name, value=c.value) for c in choices]
