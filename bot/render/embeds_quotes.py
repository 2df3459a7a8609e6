"""A quote as an embed: the words in a block quote, who said them, what they answered, where."""

from __future__ import annotations

from bot.domain.records import DocumentKind
from bot.queries.results import QuoteAnswer
from bot.render.embeds_common import AUTHOR_LIMIT, Layout, cut, safe_cut, unping
from bot.render.embeds_notes import cite_line

QUOTE_CHARS = 3200
QUESTION_CHARS = 900
QUERY_CHARS = 60


def quote_title(quote: QuoteAnswer) -> str:
    """How the quote was chosen: "Best match for “scaling laws”", "A random quote", …"""
    by = ""
    if quote.speaker_filter:
        by = f" by {safe_cut(quote.speaker_filter, QUERY_CHARS, flat=True)}"
    if quote.how == "daily":
        return "Quote of the day"
    if quote.how == "random":
        return f"A random quote{by}"
    title = "Best match" if quote.rank == 0 else f"Match {quote.rank + 1}"
    return f"{title} for “{safe_cut(quote.query or '', QUERY_CHARS, flat=True)}”{by}"


def speaker_name(quote: QuoteAnswer) -> str:
    """The speaker, with the spelling the source uses when it differs; show notes quote
    one-liners without saying who said them, and the card says so rather than guess."""
    written = quote.speaker_as_written
    if quote.speaker:
        if written and written != quote.speaker:
            return f"{quote.speaker} (written “{written}”)"
        return quote.speaker
    if written:
        return written
    if quote.citation.source.kind is DocumentKind.SHOW_NOTES:
        return "Unattributed · quoted in the show notes"
    return "Unattributed"


def add_quote(layout: Layout, quote: QuoteAnswer, lead: str = "") -> None:
    """The quote into the embed: speaker as author, the words as the description (after
    `lead`, a line of markdown), the question and the source as fields."""
    embed = layout.embed
    embed.set_author(name=cut(unping(speaker_name(quote)), AUTHOR_LIMIT))
    block = ">>> " + safe_cut(quote.text, QUOTE_CHARS)
    embed.description = f"{lead}\n\n{block}" if lead else block
    if quote.how == "match":
        embed.set_footer(text=f"Match {quote.rank + 1} of {quote.total}")
    if quote.question:
        layout.add("Asked", safe_cut(quote.question, QUESTION_CHARS, flat=True))
    layout.add("Source", cite_line(quote.citation))


def quote_embed(quote: QuoteAnswer, layout: Layout) -> None:
    layout.embed.title = quote_title(quote)
    add_quote(layout, quote)
