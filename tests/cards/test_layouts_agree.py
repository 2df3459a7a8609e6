"""The terminal and Discord show the same card: every command over the seeds, each label and
value of its card found in both layouts. The embed may leave items out only where it says so
("… and N more"); the terminal leaves nothing out."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path

import discord
import pytest

from bot.cards.build import card_for
from bot.cards.card import Card, Entry, Fact, Section
from bot.cards.embed import card_embed
from bot.cards.labels import LOCALES, Locale
from bot.cards.text import card_text
from bot.commands import COMMANDS, run_command
from bot.queries.corpus import Corpus
from tests.cards.embed_checks import all_text

TODAY = date(2026, 6, 21)
PROBE_CHARS = 30  # both layouts keep more than this of anything they cut
CALLS = (
    ("quote", {}),
    ("quote", {"query": "scaling laws"}),
    ("quote", {"query": "vibe engineering"}),
    ("quote", {"speaker": "IO"}),
    ("model", {"name": "M2"}),
    ("model", {"name": "M3"}),
    ("model", {"name": "minimx text 01"}),
    ("model", {"name": "abab 6"}),
    ("model", {"name": "MiniMax"}),
    ("model", {"name": "红杉"}),
    ("model", {"name": "SenseTme"}),
    ("models", {}),
    ("models", {"kind": "video"}),
    ("compare", {"a": "Text-01", "b": "M1"}),
    ("compare", {"a": "M2", "b": "M3"}),
    ("timeline", {}),
    ("timeline", {"year": "2024"}),
    ("timeline", {"query": "funding"}),
    ("timeline", {"year": "1999"}),
    ("onthisday", {"date": "06-21"}),
    ("onthisday", {"date": "03-09"}),
    ("onthisday", {"date": "02-29"}),
    ("search", {"query": "GPUs"}),
    ("search", {"query": "zzzqqq"}),
    ("ask", {"question": "how many employees does MiniMax have"}),
    ("ask", {"question": "MiniMax 什么时候成立的"}),
    ("ask", {"question": "what did Yan say about scaling laws"}),
    ("ask", {"question": "zzzqqq"}),
    ("person", {"name": "颜俊杰"}),
    ("person", {"name": "Cheng Manqi"}),
    ("sources", {}),
    ("about", {}),
    ("disagreements", {}),
    ("disagreements", {"subject": "MiniMax"}),
)
_ESCAPED = re.compile(r"\\([^\sA-Za-z0-9])")
_LEFT_OUT = re.compile(r"(?:… and|……另有) (\d+)")  # "… and 3 more events", "……另有 3 个事件"


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    opened = await Corpus.open(indexed_seeds_db)
    yield opened
    await opened.close()


def plain(text: str) -> str:
    """Text as a reader sees it: no markdown marks or escapes, no zero-width space, one
    space between words."""
    text = _ESCAPED.sub(r"\1", text).replace("*", "").replace(">>> ", "").replace("\u200b", "")
    return " ".join(text.split())


def probe(text: str) -> str:
    return plain(text)[:PROBE_CHARS].strip()


def embed_text(embed: discord.Embed) -> str:
    return plain(all_text(embed))


def _entry(entry: Entry) -> tuple[str, ...]:
    text = entry.text if isinstance(entry.text, str) else "".join(s.text for s in entry.text)
    return tuple(p for p in (entry.label, text, entry.detail) if p)


def _fact(fact: Fact) -> tuple[str, ...]:
    return (fact.label, *(value.text for value in fact.values))


def _section(section: Section) -> Iterator[tuple[str, ...]]:
    if section.title:
        yield (section.title,)
    yield from (_entry(entry) for entry in section.entries)
    yield from (_fact(fact) for fact in section.facts)


def items(card: Card) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The card's labels and values: what every layout must show, and the items (an event, a
    fact, a list) an embed may leave out when Discord's limits leave no room."""
    required = [(line,) for line in (card.title, *card.lead, *card.notices, *card.status) if line]
    if card.quote is not None:
        quote = card.quote
        required.append(tuple(p for p in (quote.text, quote.speaker, quote.question) if p))
    optional = [_fact(fact) for fact in card.facts]
    for section in (card.main, *card.sections):
        if section is not None:
            optional += _section(section)
    return required, optional


def shown(item: tuple[str, ...], text: str) -> bool:
    return all(probe(piece) in text for piece in item)


def test_every_command_is_exercised() -> None:
    assert {name for name, _ in CALLS} == set(COMMANDS)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(("command", "options"), CALLS, ids=lambda v: str(v))
async def test_terminal_and_embed_carry_the_same_labels_and_values(
    corpus: Corpus, command: str, options: dict[str, str], locale: Locale
) -> None:
    card = card_for(await run_command(corpus, command, options, TODAY), locale)
    text, embed = plain(card_text(card)), embed_text(card_embed(card))
    required, optional = items(card)
    assert required and (optional or card.quote or card.lead)
    for item in required:
        assert shown(item, text), f"terminal lacks {item}"
        assert shown(item, embed), f"embed lacks {item}"
    for item in optional:
        assert shown(item, text), f"terminal lacks {item}"
    left_out = [item for item in optional if not shown(item, embed)]
    counted = sum(int(n) for n in _LEFT_OUT.findall(embed))
    assert len(left_out) <= counted, f"embed lacks {left_out[:3]} and says {counted} left out"
