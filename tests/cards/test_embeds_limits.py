"""Every embed stays within Discord's limits and pings nobody: for every command over awkward
input on the real seeds, for the longest real answers, and for synthesised over-long answers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import discord
import pytest

from bot.cards.embed import render_embed
from bot.cards.embed_fit import fit
from bot.cards.labels import LOCALES
from bot.commands import UsageError, run_command
from bot.domain.records import FuzzyDate, ModelKind
from bot.domain.text import shorten as cut
from bot.queries.corpus import Corpus
from bot.queries.listings import Answer, DisagreementList
from bot.queries.results import (
    Citation,
    Disagreement,
    FactLine,
    FactValue,
    ModelCard,
    Problem,
    SearchHit,
    SearchResults,
    Segment,
    TeamNote,
    Timeline,
    TimelineEntry,
)
from tests.cards.embed_checks import all_text, assert_every_number_has_its_note, field
from tests.cards.limits import assert_pings_nobody, assert_within_limits
from tests.cards.samples import ARTICLE, card, quote

TODAY = date(2026, 6, 21)
PINGS = "@everyone @here <@&123> <@!123456789012345678> <@123456789012345678>"
AWKWARD = (
    "x" * 500,
    " ".join(["scaling"] * 80),
    "🚀🔥 模型 M2 🤖",
    "M\u200b2\u200d\u200b",
    PINGS,
    "**bold** __u__ `code` ```py\nprint('hi')\n``` > quote ~~s~~ ||spoiler|| [a](http://x.y)",
    "\\*\\_ \\",
)
REAL = (
    ("model", {"name": "M2"}),
    ("model", {"name": "M3"}),
    ("model", {"name": "Text-01"}),
    ("model", {"name": "abab"}),
    ("models", {}),
    *(("models", {"kind": kind.value}) for kind in ModelKind),
    ("compare", {"a": "Text-01", "b": "M1"}),
    ("compare", {"a": "M2", "b": "M3"}),
    ("timeline", {}),
    ("timeline", {"page": "8"}),
    ("timeline", {"year": "2025"}),
    ("timeline", {"query": "funding"}),
    ("onthisday", {}),
    ("onthisday", {"date": "02-29"}),
    ("onthisday", {"date": "03-09"}),
    ("quote", {}),
    ("quote", {"query": "scaling laws"}),
    ("quote", {"speaker": "IO"}),
    ("search", {"query": "MiniMax"}),
    ("search", {"query": "the", "page": "3"}),
    ("ask", {"question": "闫俊杰是谁"}),
    ("ask", {"question": "who invested in MiniMax"}),
    ("person", {"name": "Junjie Yan"}),
    ("sources", {}),
    ("about", {}),
    ("disagreements", {}),
    ("disagreements", {"subject": "MiniMax"}),
)
TYPED = tuple(
    (command, {option: text, **extra})
    for text in AWKWARD
    for command, option, extra in (
        ("quote", "query", {}),
        ("quote", "speaker", {}),
        ("model", "name", {}),
        ("compare", "a", {"b": "M2"}),
        ("compare", "b", {"a": "Text-01"}),
        ("timeline", "query", {}),
        ("search", "query", {}),
        ("ask", "question", {}),
        ("person", "name", {}),
        ("disagreements", "subject", {}),
        ("onthisday", "date", {}),
    )
)


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    opened = await Corpus.open(indexed_seeds_db)
    yield opened
    await opened.close()


def check(embed: discord.Embed, *, cited: bool = True) -> None:
    assert_within_limits(embed)
    assert_pings_nobody(embed)
    if cited:
        assert_every_number_has_its_note(embed)


async def answer_to(corpus: Corpus, command: str, options: dict[str, str]) -> Answer:
    """The answer, or the Problem a front end shows for a request that does not fit."""
    try:
        return await run_command(corpus, command, options, TODAY)
    except UsageError as error:
        return Problem(str(error))


@pytest.mark.parametrize(("command", "options"), REAL + TYPED)
async def test_every_command_renders_within_limits(
    corpus: Corpus, command: str, options: dict[str, str]
) -> None:
    answer = await answer_to(corpus, command, options)
    check(render_embed(answer), cited=not isinstance(answer, SearchResults))


async def test_the_pings_a_user_typed_are_shown_but_neutralised(corpus: Corpus) -> None:
    embed = render_embed(await answer_to(corpus, "model", {"name": PINGS}))
    text = all_text(embed)
    assert "@\u200beveryone @\u200bhere <@\u200b&123> <@\u200b!1234567890" in text


def citation(n: int, size: int) -> Citation:
    return Citation(ARTICLE, f"Part {n} › " + "h" * size, f"evidence {n} " + "e" * size)


def test_two_hundred_long_facts_fit_with_a_note_of_what_is_left_out() -> None:
    facts = tuple(
        FactLine(f"f{n}", f"Label {n} " + "l" * 300, (FactValue("v" * 3000, (citation(n, 3000),)),))
        for n in range(200)
    )
    embed = render_embed(card(facts=facts))
    check(embed)
    assert any((f.value or "").endswith("more facts") for f in embed.fields)
    assert field(embed, "Source · ").count("**[") >= 1


def test_disputed_facts_with_many_values_keep_every_number_noted() -> None:
    values = tuple(FactValue(f"value {n} " * 50, (citation(n, 500),)) for n in range(40))
    facts = tuple(FactLine(f"f{n}", f"Label {n}", values, disputed=True) for n in range(30))
    embed = render_embed(card(facts=facts, specified=True))
    check(embed)
    assert "more values" in all_text(embed) and "⚠ *the sources disagree*" in all_text(embed)


def test_a_long_timeline_search_and_disagreement_list_fit() -> None:
    when = FuzzyDate.month(2024, 3)
    entries = tuple(
        TimelineEntry(when, "event " * 600, "S" * 300, citation(n, 2000)) for n in range(10)
    )
    check(render_embed(Timeline(entries, 0, 8, 77, year=2024, query="q" * 3000)))
    hits = tuple(
        SearchHit(
            (Segment("a *b* " * 300, False), Segment("hit", True), Segment("c" * 2000, False)),
            citation(n, 3000),
        )
        for n in range(10)
    )
    check(render_embed(SearchResults("@everyone " * 100, hits, 0, 9, 90)), cited=False)
    values = tuple(FactValue("v" * 900, (citation(n, 900),)) for n in range(5))
    items = tuple(Disagreement("S" * 300, "a", "L" * 300, values) for _ in range(60))
    check(render_embed(DisagreementList(items, subject="x" * 3000)))


def test_disagreements_with_long_notes_and_corpus_errors_fit_in_every_locale() -> None:
    values = tuple(FactValue("v" * 900, (citation(n, 900),)) for n in range(5))
    items = tuple(
        Disagreement("S" * 300, "a", "L" * 300, values, note="*note* " * 500) for _ in range(60)
    )
    notes = tuple(TeamNote("S", "w" * 500, "n" * 3000, citation(n, 900)) for n in range(40))
    for locale in LOCALES:
        listing = DisagreementList(items[:5], "x" * 3000, 0, 12, 60, resolved="S", notes=notes)
        check(render_embed(listing, locale))
        card = ModelCard("M", ("M",), None, None, (), (), True, "M", True, items, notes)
        check(render_embed(card, locale))


def test_a_huge_quote_and_problem_fit() -> None:
    long_quote = quote(
        text="Words. " * 2000, question="Why? " * 1000, speaker="S" * 500, rank=3, total=9
    )
    embed = render_embed(long_quote)
    check(embed)
    assert embed.footer.text == "Match 4 of 9"
    problem = Problem("No model called “" + "@everyone " * 500 + "”.", ("a" * 200,) * 100)
    check(render_embed(problem))


def test_cut_stops_at_a_word_with_an_ellipsis() -> None:
    assert cut("short", 10) == "short"
    assert cut("one two three four", 12) == "one two…"
    assert cut("line one\nline two", 12) == "line one…"
    assert cut("x" * 50, 10) == "x" * 9 + "…"
    assert len(cut("x" * 50, 1)) == 1


def test_fit_enforces_every_limit_on_any_embed() -> None:
    embed = discord.Embed(title="T" * 300, description="D " * 3000)
    embed.set_author(name="@everyone " * 40)
    embed.set_footer(text="F" * 3000)
    for n in range(30):
        embed.add_field(name="" if n % 2 else "N" * 300, value=" " if n % 3 else "V " * 700)
    fitted = fit(embed)
    assert_within_limits(fitted)
    assert_pings_nobody(fitted)
    assert (fitted.fields[-1].value or "").startswith("… and ")
