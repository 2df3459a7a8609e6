"""/quote: the best-matching quote, or a random one, with a button for the next."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.app import MinimaxBot
from bot.discord_app.checks import per_user_cooldown
from bot.discord_app.options import (
    answer_command,
    description,
    option_descriptions,
    speaker_names,
)
from bot.discord_app.views import NextQuote


class Quotes(commands.Cog):
    @app_commands.command(name="quote", description=description("quote"))
    @app_commands.describe(**option_descriptions("quote"))
    @app_commands.autocomplete(speaker=speaker_names)
    @per_user_cooldown()
    async def quote(
        self,
        interaction: discord.Interaction,
        query: str | None = None,
        speaker: str | None = None,
    ) -> None:
        await answer_command(
            interaction,
            "quote",
            {"query": query, "speaker": speaker},
            view_for=lambda answer: NextQuote.for_answer(interaction, answer),
        )


async def setup(bot: MinimaxBot) -> None:
    await bot.add_cog(Quotes())
