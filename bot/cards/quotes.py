"""The quote card: the words, who said them, what they answered, where, and how it was chosen."""

from __future__ import annotations

from bot.cards.card import Card, Quoted
from bot.domain.records import DocumentKind
from bot.domain.text import shown
from bot.queries.results import QuoteAnswer

QUERY_CHARS = 60


def quote_title(quote: QuoteAnswer) -> str:
    """How the quote was chosen: "Best match for “scaling laws”", "A random quote", …"""
    by = f" by {shown(quote.speaker_filter, QUERY_CHARS)}" if quote.speaker_filter else ""
    if quote.how == "daily":
        return "Quote of the day"
    if quote.how == "random":
        return f"A random quote{by}"
    title = "Best match" if quote.rank == 0 else f"Match {quote.rank + 1}"
    return f"{title} for “{shown(quote.query or '', QUERY_CHARS)}”{by}"


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


def quoted(quote: QuoteAnswer) -> Quoted:
    return Quoted(quote.text.strip(), speaker_name(quote), quote.question, quote.citation)


def quote_card(quote: QuoteAnswer) -> Card:
    status = (f"Match {quote.rank + 1} of {quote.total}",) if quote.how == "match" else ()
    return Card(quote_title(quote), quote=quoted(quote), status=status)
