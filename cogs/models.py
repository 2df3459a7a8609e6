"""/model, /models and /compare: specification cards, every value with its source."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.commands import KINDS
from bot.discord_app.app import MinimaxBot
from bot.discord_app.options import answer_command, as_app_choices, client_of
from bot.queries.autocomplete import model_choices

KIND_CHOICES = [app_commands.Choice(name=kind, value=kind) for kind in KINDS]


async def model_names(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    return as_app_choices(model_choices(client_of(interaction).corpus.catalog, current))


class Models(commands.Cog):
    @app_commands.command(description="A model's specification card, every value with its source")
    @app_commands.describe(name="Model name or alias, e.g. M2, abab 6.5, Text-01")
    @app_commands.autocomplete(name=model_names)
    async def model(self, interaction: discord.Interaction, name: str) -> None:
        await answer_command(interaction, "model", {"name": name})

    @app_commands.command(description="The models the corpus names")
    @app_commands.describe(kind="Only models of this kind")
    @app_commands.choices(kind=KIND_CHOICES)
    async def models(self, interaction: discord.Interaction, kind: str | None = None) -> None:
        await answer_command(interaction, "models", {"kind": kind})

    @app_commands.command(description="Two models side by side, field by field")
    @app_commands.describe(a="First model", b="Second model")
    @app_commands.autocomplete(a=model_names, b=model_names)
    async def compare(self, interaction: discord.Interaction, a: str, b: str) -> None:
        await answer_command(interaction, "compare", {"a": a, "b": b})


async def setup(bot: MinimaxBot) -> None:
    await bot.add_cog(Models())
