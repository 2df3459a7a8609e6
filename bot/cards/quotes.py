"""The quote card: the words, who said them, what they answered, where, and how it was chosen."""

from __future__ import annotations

from bot.cards.card import Card, Quoted
from bot.cards.labels import DEFAULT, Locale, say
from bot.domain.records import DocumentKind
from bot.domain.text import shown
from bot.queries.results import QuoteAnswer

QUERY_CHARS = 60


def quote_title(quote: QuoteAnswer, locale: Locale = DEFAULT) -> str:
    """How the quote was chosen: "Best match for “scaling laws”", "A random quote", …"""
    speaker = shown(quote.speaker_filter, QUERY_CHARS) if quote.speaker_filter else None
    by = "_by" if speaker else ""
    if quote.how == "daily":
        return say("quote.daily", locale)
    if quote.how == "random":
        return say(f"quote.random{by}", locale, speaker=speaker)
    key = "quote.best" if quote.rank == 0 else "quote.match"
    query = shown(quote.query or "", QUERY_CHARS)
    return say(f"{key}{by}", locale, query=query, speaker=speaker, n=quote.rank + 1)


def speaker_name(quote: QuoteAnswer, locale: Locale = DEFAULT) -> str:
    """The speaker, with the spelling the source uses when it differs; show notes quote
    one-liners without saying who said them, and the card says so rather than guess."""
    written = quote.speaker_as_written
    if quote.speaker:
        if written and written != quote.speaker:
            return say("quote.written", locale, speaker=quote.speaker, written=written)
        return quote.speaker
    if written:
        return written
    if quote.citation.source.kind is DocumentKind.SHOW_NOTES:
        return say("quote.unattributed_notes", locale)
    return say("quote.unattributed", locale)


def quoted(quote: QuoteAnswer, locale: Locale = DEFAULT) -> Quoted:
    return Quoted(quote.text.strip(), speaker_name(quote, locale), quote.question, quote.citation)


def quote_card(quote: QuoteAnswer, locale: Locale = DEFAULT) -> Card:
    rank = say("quote.rank", locale, n=quote.rank + 1, total=quote.total)
    status = (rank,) if quote.how == "match" else ()
    return Card(
        quote_title(quote, locale), quote=quoted(quote, locale), status=status, locale=locale
    )
