"""How a cog answers: one embed for the answer, in the reader's locale, pinging nobody; a
Problem only to the asker."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import discord

from bot.cards.embed import NO_PINGS, render_embed
from bot.cards.labels import Locale, locale_of
from bot.queries.listings import Answer
from bot.queries.results import Problem

# Discord's locales are a closed set: each one's reading, worked out once.
_READER_LOCALES: Mapping[discord.Locale, Locale] = MappingProxyType(
    {tag: locale_of(tag.value) for tag in discord.Locale}
)


def reader_locale(interaction: discord.Interaction) -> Locale:
    """The locale of the person who pressed or typed: the fixed words of their answer."""
    tag = interaction.locale
    found = _READER_LOCALES.get(tag)
    return found if found is not None else locale_of(tag.value)


async def send_answer(
    interaction: discord.Interaction,
    answer: Answer,
    *,
    view: discord.ui.View | None = None,
    ephemeral: bool = False,
    embed: discord.Embed | None = None,
) -> None:
    """Answer through `response`, or `followup` after a defer, with `embed` (the answer's,
    rendered already) or the answer rendered now. A Problem (no such model, no match) is
    shown only to the asker and carries no buttons."""
    private = ephemeral or isinstance(answer, Problem)
    embed = embed if embed is not None else render_embed(answer, reader_locale(interaction))
    shown = view if view is not None and not isinstance(answer, Problem) else discord.utils.MISSING
    if interaction.response.is_done():
        await interaction.followup.send(
            embed=embed, view=shown, ephemeral=private, allowed_mentions=NO_PINGS
        )
    else:
        await interaction.response.send_message(
            embed=embed, view=shown, ephemeral=private, allowed_mentions=NO_PINGS
        )


async def edit_answer(
    interaction: discord.Interaction,
    answer: Answer,
    *,
    view: discord.ui.View | None,
    embed: discord.Embed | None = None,
) -> None:
    """Show `answer` in place of the message whose button was pressed. A Problem (say, the
    corpus changed under the buttons) goes to the presser only and leaves the message be."""
    if isinstance(answer, Problem):
        await send_answer(interaction, answer, embed=embed)
        return
    await interaction.response.edit_message(
        embed=embed if embed is not None else render_embed(answer, reader_locale(interaction)),
        view=view,
        allowed_mentions=NO_PINGS,
    )
