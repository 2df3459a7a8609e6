"""Answers as Discord embeds, one layout per answer type, within Discord's limits.

`render_embed` takes any answer a command gives (see `bot.queries.listings.Answer`). Every value
carries `[n]` note numbers, listed under "Source · …" fields; corpus and user text is escaped
so it neither formats nor pings. Each answer is built at the richest `Detail` that shows the
most of its items (those left out are counted: "… and N more"); `fit` then enforces every
limit (title 256, description 4096, 25 fields, field name 256 and value 1024, footer 2048,
author 256, 6000 in all) on the finished embed, whatever a builder did.
"""

from __future__ import annotations

from typing import assert_never

import discord

from bot.queries.listings import Answer, DisagreementList, SourceList
from bot.queries.results import (
    About,
    Comparison,
    ModelCard,
    ModelList,
    OnThisDay,
    PersonProfile,
    Problem,
    QuoteAnswer,
    SearchResults,
    Timeline,
)
from bot.render.embeds_common import (
    BRAND,
    DETAILS,
    MUTED,
    WARNING,
    Detail,
    Layout,
    cut,
    fit,
    safe_cut,
)
from bot.render.embeds_corpus import about_embed, disagreements_embed, search_embed, sources_embed
from bot.render.embeds_dates import on_this_day_embed, timeline_embed
from bot.render.embeds_models import card_embed, comparison_embed, model_list_embed, person_embed
from bot.render.embeds_quotes import quote_embed

__all__ = ["cut", "render_embed"]

MESSAGE_CHARS = 1500
SUGGESTION_CHARS = 100


def render_embed(answer: Answer) -> discord.Embed:
    """The answer as one embed that Discord accepts and that pings nobody."""
    best = _build(answer, DETAILS[0])
    for detail in DETAILS[1:]:
        if not best.dropped:
            break
        layout = _build(answer, detail)
        if layout.dropped < best.dropped:
            best = layout
    return fit(best.embed)


def _build(answer: Answer, detail: Detail) -> Layout:
    colour = MUTED if isinstance(answer, Problem) else BRAND
    if isinstance(answer, DisagreementList):
        colour = WARNING
    layout = Layout(discord.Embed(colour=colour), detail)
    match answer:
        case Problem():
            problem_embed(answer, layout)
        case QuoteAnswer():
            quote_embed(answer, layout)
        case ModelCard():
            card_embed(answer, layout)
        case ModelList():
            model_list_embed(answer, layout)
        case Comparison():
            comparison_embed(answer, layout)
        case PersonProfile():
            person_embed(answer, layout)
        case Timeline():
            timeline_embed(answer, layout)
        case OnThisDay():
            on_this_day_embed(answer, layout)
        case SearchResults():
            search_embed(answer, layout)
        case SourceList():
            sources_embed(answer, layout)
        case About():
            about_embed(answer, layout)
        case DisagreementList():
            disagreements_embed(answer, layout)
        case _:
            assert_never(answer)
    return layout


def problem_embed(problem: Problem, layout: Layout) -> None:
    """A short message (it may echo what the user typed, so it is escaped) and suggestions."""
    text = safe_cut(problem.message, MESSAGE_CHARS)
    if problem.suggestions:
        names = [safe_cut(s, SUGGESTION_CHARS, flat=True) for s in problem.suggestions]
        text += "\n\n**Did you mean:** " + cut(", ".join(names), MESSAGE_CHARS)
    layout.embed.description = text
