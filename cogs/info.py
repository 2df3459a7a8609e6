"""/person, /sources, /about and /disagreements: who is who, and what the corpus holds."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.app import MinimaxBot
from bot.discord_app.options import (
    answer_command,
    description,
    option_descriptions,
    speaker_names,
)


class Info(commands.Cog):
    @app_commands.command(name="person", description=description("person"))
    @app_commands.describe(**option_descriptions("person"))
    @app_commands.autocomplete(name=speaker_names)
    async def person(self, interaction: discord.Interaction, name: str) -> None:
        await answer_command(interaction, "person", {"name": name})

    @app_commands.command(name="sources", description=description("sources"))
    async def sources(self, interaction: discord.Interaction) -> None:
        await answer_command(interaction, "sources", {})

    @app_commands.command(name="about", description=description("about"))
    async def about(self, interaction: discord.Interaction) -> None:
        await answer_command(interaction, "about", {})

    @app_commands.command(name="disagreements", description=description("disagreements"))
    @app_commands.describe(**option_descriptions("disagreements"))
    async def disagreements(
        self, interaction: discord.Interaction, subject: str | None = None
    ) -> None:
        await answer_command(interaction, "disagreements", {"subject": subject})


async def setup(bot: MinimaxBot) -> None:
    await bot.add_cog(Info())
