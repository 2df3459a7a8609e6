"""/help: what the bot can do, each command a clickable mention; answered privately.

The commands and their one-line descriptions come from the command table; the mentions from
the ids Discord gave them at the latest sync (`CommandMentions`).
"""

from __future__ import annotations

import discord

from bot.cards.embed import NO_PINGS
from bot.commands import COMMANDS
from bot.discord_app.mentions import CommandMentions

TITLE = "What this bot can do"
INTRO = "Answers about MiniMax from a small cited corpus; every answer says where it came from."
DAILY = "the daily “on this day” post, in servers (Manage Server)"
FIND = "**Find in the corpus**: on any message, *Apps* ▸ *Find in the corpus* searches for its text"
FOOTER = "Buttons under an answer work only for whoever asked."
DAILY_SUBCOMMANDS = ("daily set", "daily status", "daily preview", "daily off")
HELP_COLOUR = 0x5865F2


def help_embed(mentions: CommandMentions, *, in_server: bool) -> discord.Embed:
    lines = [f"{mentions.of(c.name)} {c.description}" for c in COMMANDS.values()]
    if in_server:
        daily = " ".join(mentions.of(name) for name in DAILY_SUBCOMMANDS)
        lines.append(f"{daily}: {DAILY}")
    lines.append(FIND)
    embed = discord.Embed(title=TITLE, description="\n".join([INTRO, "", *lines]))
    embed.colour = HELP_COLOUR
    embed.set_footer(text=FOOTER)
    return embed


async def show_help(interaction: discord.Interaction, mentions: CommandMentions) -> None:
    # /daily is offered only where a server installed the bot, not to a user install
    in_server = interaction.guild_id is not None and interaction.is_guild_integration()
    embed = help_embed(mentions, in_server=in_server)
    await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_PINGS)
