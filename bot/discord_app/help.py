"""/help: what the bot can do, each command a clickable mention; answered privately, in the
asker's locale.

The commands and their one-line descriptions come from the command table (in Chinese, the
descriptions the commands are registered with, `bot.discord_app.locales`); the mentions from
the ids Discord gave them at the latest sync (`CommandMentions`).
"""

from __future__ import annotations

import discord

from bot.cards.embed import NO_PINGS
from bot.cards.labels import DEFAULT, Locale, say
from bot.commands import COMMANDS
from bot.discord_app.locales import TEXTS
from bot.discord_app.mentions import CommandMentions
from bot.discord_app.replies import reader_locale

DAILY_SUBCOMMANDS = ("daily set", "daily status", "daily preview", "daily off")
HELP_COLOUR = 0x5865F2


def help_embed(
    mentions: CommandMentions, *, in_server: bool, locale: Locale = DEFAULT
) -> discord.Embed:
    described = TEXTS.get(locale, {})
    lines = [
        f"{mentions.of(c.name)} {described.get(c.description, c.description)}"
        for c in COMMANDS.values()
    ]
    if in_server:
        daily = " ".join(mentions.of(name) for name in DAILY_SUBCOMMANDS)
        lines.append(f"{daily}: {say('help.daily', locale)}")
    lines.append(say("help.find", locale))
    intro = say("help.intro", locale)
    embed = discord.Embed(
        title=say("help.title", locale), description="\n".join([intro, "", *lines])
    )
    embed.colour = HELP_COLOUR
    embed.set_footer(text=say("help.footer", locale))
    return embed


async def show_help(interaction: discord.Interaction, mentions: CommandMentions) -> None:
    # /daily is offered only where a server installed the bot, not to a user install
    in_server = interaction.guild_id is not None and interaction.is_guild_integration()
    embed = help_embed(mentions, in_server=in_server, locale=reader_locale(interaction))
    await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_PINGS)
