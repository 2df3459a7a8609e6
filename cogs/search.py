"""/search: passages matching the words, with citations, a page at a time."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.app import MinimaxBot
from bot.discord_app.checks import per_user_cooldown
from bot.discord_app.options import Page, answer_command, as_text, description, option_descriptions
from bot.discord_app.views import Pager


class Search(commands.Cog):
    @app_commands.command(name="search", description=description("search"))
    @app_commands.describe(**option_descriptions("search"))
    @per_user_cooldown()
    async def search(
        self, interaction: discord.Interaction, query: str, page: Page | None = None
    ) -> None:
        options = as_text({"query": query, "page": page})
        await answer_command(
            interaction,
            "search",
            options,
            view_for=lambda answer: Pager.for_answer(interaction, "search", options, answer),
        )


async def setup(bot: MinimaxBot) -> None:
    await bot.add_cog(Search())
