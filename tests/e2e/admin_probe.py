"""A test-only extension: one admin command and one admin group, to try `checks` end to end
before the first real admin command (/daily) exists."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.checks import AdminGroup, admin_only


class AdminProbe(commands.Cog):
    probe_group = AdminGroup(name="probe-group", description="Admin subcommands, for tests")

    @app_commands.command(name="probe-admin", description="Admins only, for tests")
    @admin_only
    async def probe_admin(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("admin ok", ephemeral=True)

    @probe_group.command(name="run", description="An admin subcommand")
    async def probe_run(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("group ok", ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(AdminProbe())
