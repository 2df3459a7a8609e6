"""/model, /models and /compare: specification cards, every value with its source."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.commands import KINDS
from bot.discord_app.app import MinimaxBot
from bot.discord_app.checks import per_user_cooldown
from bot.discord_app.options import answer_command, description, model_names, option_descriptions

KIND_CHOICES = [app_commands.Choice(name=kind, value=kind) for kind in KINDS]


class Models(commands.Cog):
    @app_commands.command(name="model", description=description("model"))
    @app_commands.describe(**option_descriptions("model"))
    @app_commands.autocomplete(name=model_names)
    async def model(self, interaction: discord.Interaction, name: str) -> None:
        await answer_command(interaction, "model", {"name": name})

    @app_commands.command(name="models", description=description("models"))
    @app_commands.describe(**option_descriptions("models"))
    @app_commands.choices(kind=KIND_CHOICES)
    async def models(self, interaction: discord.Interaction, kind: str | None = None) -> None:
        await answer_command(interaction, "models", {"kind": kind})

    @app_commands.command(name="compare", description=description("compare"))
    @app_commands.describe(**option_descriptions("compare"))
    @app_commands.autocomplete(a=model_names, b=model_names)
    @per_user_cooldown()
    async def compare(self, interaction: discord.Interaction, a: str, b: str) -> None:
        await answer_command(interaction, "compare", {"a": a, "b": b})


async def setup(bot: MinimaxBot) -> None:
    await bot.add_cog(Models())
