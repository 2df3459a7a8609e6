"""A tiny throwaway bot (real discord.py) that exercises the emulator: a slash command with
options, an autocomplete, a button View, a deferred answer."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

FRUITS = ["apple", "apricot", "banana", "blueberry", "cherry"]


class Counter(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=30)
        self.count = 0

    @discord.ui.button(label="+1", custom_id="counter:inc", style=discord.ButtonStyle.primary)
    async def inc(
        self, interaction: discord.Interaction, button: discord.ui.Button[Counter]
    ) -> None:
        self.count += 1
        await interaction.response.edit_message(content=f"count: {self.count}", view=self)

    @discord.ui.button(label="reset", custom_id="counter:reset")
    async def reset(
        self, interaction: discord.Interaction, button: discord.ui.Button[Counter]
    ) -> None:
        self.count = 0
        await interaction.response.defer()  # on a component: type 6, deferred update
        await interaction.edit_original_response(content="count: 0", view=self)


def make_bot(
    guild_id: int, *, sharded: bool = False, intents: discord.Intents | None = None
) -> commands.Bot:
    cls: type[commands.Bot] = commands.AutoShardedBot if sharded else commands.Bot  # type: ignore[assignment]
    bot = cls(
        command_prefix=commands.when_mentioned,
        intents=intents or discord.Intents.default(),
        help_command=None,
    )
    guild = discord.Object(guild_id)
    none = discord.AllowedMentions.none()

    @bot.tree.command(name="ping", description="Answer pong with an embed", guild=guild)
    @app_commands.describe(text="What to echo")
    async def ping(interaction: discord.Interaction, text: str) -> None:
        embed = discord.Embed(title="Pong", description=text).add_field(
            name="by", value=interaction.user.name
        )
        await interaction.response.send_message(f"pong: {text}", embed=embed, allowed_mentions=none)

    @bot.tree.command(name="fruit", description="Pick a fruit", guild=guild)
    async def fruit(interaction: discord.Interaction, name: str) -> None:
        await interaction.response.send_message(f"you picked {name}", allowed_mentions=none)

    @fruit.autocomplete("name")
    async def fruit_names(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=f, value=f) for f in FRUITS if f.startswith(current)]

    @bot.tree.command(name="counter", description="A button that counts", guild=guild)
    async def counter(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("count: 0", view=Counter(), allowed_mentions=none)

    @bot.tree.command(name="slow", description="Defer, edit, follow up", guild=guild)
    async def slow(interaction: discord.Interaction, count: int = 1, secret: bool = False) -> None:
        await interaction.response.defer(thinking=True, ephemeral=secret)
        await interaction.edit_original_response(content=f"done x{count}", allowed_mentions=none)
        extra = await interaction.followup.send(
            "and one more thing", allowed_mentions=none, wait=True
        )
        await extra.edit(content="and one more thing (edited)")

    @bot.tree.command(name="gone", description="Answer, fetch, edit, delete", guild=guild)
    async def gone(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("here", allowed_mentions=none)
        original = await interaction.original_response()
        await original.edit(content=f"{original.content} and edited")
        await interaction.delete_original_response()

    @bot.tree.command(name="admin", description="Moderators only", guild=guild)
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def admin(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("welcome, admin", ephemeral=True)

    @bot.tree.command(name="where", description="Name a channel", guild=guild)
    async def where(interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        await interaction.response.send_message(f"that is #{channel.name}", allowed_mentions=none)

    config = app_commands.Group(name="config", description="Settings", guild_ids=[guild_id])

    @config.command(name="set", description="Set a number")
    async def config_set(interaction: discord.Interaction, value: int) -> None:
        await interaction.response.send_message(f"set to {value}", allowed_mentions=none)

    bot.tree.add_command(config)

    @bot.tree.error
    async def on_error(
        interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        text = (
            "You need Manage Server."
            if isinstance(error, app_commands.MissingPermissions)
            else "Oops."
        )
        await interaction.response.send_message(text, ephemeral=True)

    async def setup_hook() -> None:
        await bot.tree.sync(guild=guild)

    bot.setup_hook = setup_hook  # type: ignore[method-assign]
    return bot
