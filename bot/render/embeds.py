"""Answers as Discord embeds, within Discord's limits (title 256, description 4096, 25 fields,
field name 256, field value 1024, footer 2048, 6000 in all); long text is cut with an ellipsis."""

from __future__ import annotations

import discord

from bot.queries.listings import Answer
from bot.queries.results import Problem
from bot.render.text import render

DESCRIPTION_LIMIT = 4096
BRAND = discord.Colour(0xE2473F)


def cut(text: str, limit: int) -> str:
    """`text` within `limit` characters, cut at a line or word end with an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    for mark in ("\n", " "):
        at = head.rfind(mark)
        if at >= limit // 2:
            head = head[:at]
            break
    return head.rstrip() + "…"


def render_embed(answer: Answer) -> discord.Embed:
    colour = discord.Colour.light_grey() if isinstance(answer, Problem) else BRAND
    return discord.Embed(description=cut(render(answer), DESCRIPTION_LIMIT), colour=colour)
