"""/quote's recall@3, measured where a quote can answer: over the everyday questions whose
expected evidence is a stored quote's text, and over what a reader types to find each gold
quote again (tests/gold/quote_queries.toml: two to four of its key words)."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.queries.corpus import Corpus
from bot.queries.quotes import find_quote
from bot.queries.results import QuoteAnswer
from bot.store.fts import is_cjk

TYPED = Path(__file__).resolve().parents[1] / "gold" / "quote_queries.toml"
RANKS = 3
MIN_QUOTE = 12  # normalised characters: a shorter quote (`premise`) is no question's evidence


def normal(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum() or is_cjk(ch))


def same(quote: str, evidence: str) -> bool:
    """Whether a quote is the evidence's: the line that holds it (`Junjie Yan: ...`), or a
    part of a longer quote."""
    said, line = normal(quote), normal(evidence)
    if not said or not line:
        return False
    return said == line or (
        min(len(said), len(line)) >= MIN_QUOTE and (said in line or line in said)
    )


@dataclass(frozen=True, slots=True)
class Recall:
    hits: int
    total: int
    missed: tuple[str, ...]

    def line(self, name: str) -> str:
        share = 100 * self.hits // max(1, self.total)
        return f"/quote  recall@3 {name}: {self.hits}/{self.total} ({share}%)"


async def stored_quotes(corpus: Corpus) -> list[str]:
    bounds = await corpus.store.quote_id_range()
    if bounds is None:
        return []
    rows = await corpus.store.quotes_by_id(list(range(bounds[0], bounds[1] + 1)))
    return [row.text for row in rows.values()]


async def top_quotes(corpus: Corpus, typed: str) -> list[str]:
    """The first three quotes /quote shows, each with the question it answers when the card
    shows one (an interviewer's line is found there, never given to the one answering)."""
    found = []
    for rank in range(RANKS):
        quote = await find_quote(corpus, typed, rank=rank)
        if isinstance(quote, QuoteAnswer):
            found += [quote.text, *([quote.question] if quote.question else [])]
    return found


async def recall(corpus: Corpus, asked: Sequence[tuple[str, str]]) -> Recall:
    """Of (typed, wanted quote or evidence) pairs: how many find it in /quote's first three."""
    hits = 0
    missed = []
    for typed, wanted in asked:
        if any(same(quote, wanted) for quote in await top_quotes(corpus, typed)):
            hits += 1
        else:
            missed.append(typed)
    return Recall(hits, len(asked), tuple(missed))


async def quote_questions(
    corpus: Corpus, questions: Sequence[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The (question, evidence) pairs whose evidence is a stored quote's text."""
    quotes = [q for q in await stored_quotes(corpus) if len(normal(q)) >= MIN_QUOTE]
    return [(q, evidence) for q, evidence in questions if any(same(t, evidence) for t in quotes)]


def typed_queries() -> list[tuple[str, str]]:
    rows = tomllib.loads(TYPED.read_text(encoding="utf-8"))["query"]
    return [(row["typed"], row["quote"]) for row in rows]
