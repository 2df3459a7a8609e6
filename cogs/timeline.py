"""/timeline and /onthisday: dated events, each at the precision its source gives."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.app import MinimaxBot
from bot.discord_app.checks import per_user_cooldown
from bot.discord_app.options import (
    Page,
    Year,
    answer_command,
    as_text,
    description,
    option_descriptions,
)
from bot.discord_app.views import Pager


class Timeline(commands.Cog):
    @app_commands.command(name="timeline", description=description("timeline"))
    @app_commands.describe(**option_descriptions("timeline"))
    @per_user_cooldown()
    async def timeline(
        self,
        interaction: discord.Interaction,
        year: Year | None = None,
        query: str | None = None,
        page: Page | None = None,
    ) -> None:
        options = as_text({"year": year, "query": query, "page": page})
        await answer_command(
            interaction,
            "timeline",
            options,
            view_for=lambda answer: Pager.for_answer(interaction, "timeline", options, answer),
        )

    @app_commands.command(name="onthisday", description=description("onthisday"))
    @app_commands.describe(**option_descriptions("onthisday"))
    async def onthisday(self, interaction: discord.Interaction, date: str | None = None) -> None:
        await answer_command(interaction, "onthisday", {"date": date})


async def setup(bot: MinimaxBot) -> None:
    await bot.add_cog(Timeline())
