"""Answers laid out once send exactly what discord.py would lay out itself, and keep nothing."""

from __future__ import annotations

from typing import Any

import discord

from bot.commands import COMMANDS
from bot.discord_app.laid_out import LaidOutButtons, SealedEmbed, button
from bot.discord_app.views import NextQuoteButton, PageButton, page_view, quote_view
from bot.domain.records import DocumentKind
from bot.queries.results import Citation, QuoteAnswer, Source, Timeline

ASKER = 123456789012345678


def built_by_discord(*items: discord.ui.Item[Any]) -> list[dict[str, Any]]:
    view = discord.ui.View(timeout=None)
    for item in items:
        view.add_item(item)
    return view.to_components()


async def test_page_buttons_are_the_page_buttons_discord_py_lays_out() -> None:
    call = COMMANDS["timeline"].call(year=2025, page=2)
    answer = Timeline(entries=(), page=1, page_count=3, total=0, year=2025)
    laid_out = page_view(ASKER, call, '{"year":"2025"}', answer)
    assert laid_out is not None
    back = PageButton("timeline", ASKER, 1, '{"year":"2025"}', emoji="◀", disabled=False)
    forward = PageButton("timeline", ASKER, 3, '{"year":"2025"}', emoji="▶", disabled=False)
    assert laid_out.to_components() == built_by_discord(back, forward)


async def test_the_last_page_disables_forward_as_discord_py_would() -> None:
    call = COMMANDS["timeline"].call(year=2025, page=3)
    answer = Timeline(entries=(), page=2, page_count=3, total=0, year=2025)
    laid_out = page_view(ASKER, call, "{}", answer)
    assert laid_out is not None
    back = PageButton("timeline", ASKER, 2, "{}", emoji="◀", disabled=False)
    forward = PageButton("timeline", ASKER, 3, "{}", emoji="▶", disabled=True)
    assert laid_out.to_components() == built_by_discord(back, forward)


async def test_next_quote_is_the_button_discord_py_lays_out_in_each_locale() -> None:
    source = Source("001.md", "An interview", None, None, DocumentKind.INTERVIEW, "en")
    citation = Citation(source)
    answer = QuoteAnswer(
        1, "We scale.", None, None, None, citation, "match", query="scaling", rank=0, total=2
    )
    for locale in ("en", "zh-CN"):
        laid_out = quote_view(ASKER, answer, '{"query":"scaling"}', locale)
        built = NextQuoteButton(ASKER, "m", 1, '{"query":"scaling"}', disabled=False, locale=locale)
        assert laid_out.to_components() == built_by_discord(built)


async def test_laid_out_buttons_are_never_listened_to() -> None:
    view = LaidOutButtons(button("x", style=discord.ButtonStyle.primary, disabled=False))
    assert view.is_finished() and not view.is_dispatchable() and view.children == []


def test_a_sealed_embed_sends_what_its_embed_sends() -> None:
    embed = discord.Embed(title="M2", description="a model", url="https://example.com")
    embed.add_field(name="Released", value="2025", inline=True)
    embed.set_footer(text="001")
    sealed = SealedEmbed.seal(embed)
    assert sealed.to_dict() == embed.to_dict() and sealed.to_dict() is sealed.to_dict()
    assert sealed.title == "M2" and sealed.fields[0].value == "2025"
