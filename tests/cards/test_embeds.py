"""Embeds for real answers over the seeds: what each answer type shows, and where it came from."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import discord
import pytest

from bot.cards.embed import render_embed
from bot.commands import run_command
from bot.queries.corpus import Corpus
from bot.queries.results import Citation, Source, Timeline
from tests.cards.embed_checks import (
    all_text,
    assert_every_number_has_its_note,
    field,
    source_text,
)
from tests.cards.limits import assert_pings_nobody, assert_within_limits
from tests.cards.samples import ARTICLE, INTERVIEW, PODCAST, TIMELINE, card, quote

TODAY = date(2026, 6, 21)


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    opened = await Corpus.open(indexed_seeds_db)
    yield opened
    await opened.close()


async def embed_for(corpus: Corpus, command: str, **options: str) -> discord.Embed:
    embed = render_embed(await run_command(corpus, command, options, TODAY))
    assert_within_limits(embed)
    assert_pings_nobody(embed)
    assert_every_number_has_its_note(embed)
    return embed


def note(embed: discord.Embed, value: str) -> str:
    """The source line of the first note number beside `value`."""
    number = re.search(r"\[(\d+)\]", value)
    assert number, value
    lines = source_text(embed).splitlines()
    return next(line for line in lines if f"[{number.group(1)}]" in line)


async def test_m2_card_shows_its_parameters_and_licence_with_sources(corpus: Corpus) -> None:
    embed = await embed_for(corpus, "model", name="M2")
    assert embed.title == "MiniMax-M2"
    assert embed.description == "Text model · by MiniMax · also called M2"
    assert field(embed, "Total parameters").startswith("230B [")
    assert field(embed, "Active parameters").startswith("10B [")
    licence = field(embed, "Licence")
    assert licence.startswith("MIT (fully open, commercial use allowed) [")
    assert "Licensing" in note(embed, licence) and "MIT" in note(embed, licence)
    assert "Source · “MiniMax: Efficient LLMs" in [f.name or "" for f in embed.fields][-1]
    assert "Detailed Model Specifications" in source_text(embed)


async def test_m3_says_plainly_that_no_specification_is_given(corpus: Corpus) -> None:
    embed = await embed_for(corpus, "model", name="M3")
    description = embed.description or ""
    assert "*No specification is given in the corpus.*" in description
    assert "• “Key breakthroughs and assessment of M3” [1]" in description
    assert field(embed, "Source · Crossing").startswith("**[1]** the document")


async def test_a_fuzzy_match_says_it_is_the_closest(corpus: Corpus) -> None:
    embed = await embed_for(corpus, "model", name="minimx text 01")
    assert embed.title == "MiniMax-Text-01"
    assert "Closest match for what you typed" in (embed.description or "")


async def test_team_size_disagreement_shows_both_values_each_with_its_source(
    corpus: Corpus,
) -> None:
    embed = await embed_for(corpus, "disagreements", subject="MiniMax")
    assert embed.colour == discord.Colour.gold()
    sizes = field(embed, "MiniMax: Team size")
    first, second = sizes.splitlines()[:2]  # the two facts; the claims and note curated follow
    assert first.startswith("• roughly 300 people [") and "LatePost" not in first
    assert "200 employees (as of 2024)" in second
    assert "300 people" in note(embed, first) and "200 employees" in note(embed, second)
    assert note(embed, first) != note(embed, second)


async def test_a_disputed_fact_on_a_card_is_flagged(corpus: Corpus) -> None:
    embed = await embed_for(corpus, "person", name="颜俊杰")
    assert embed.title == "Junjie Yan"
    names = field(embed, "Chinese name ⚠").splitlines()
    assert names[0] == "⚠ *the sources disagree*"
    assert [line.split(" [")[0] for line in names[1:3]] == ["• 闫俊杰", "• 颜俊杰"]
    assert names[3:] == [
        "*Team's note: Two different characters for the surname Yan (闫 vs 颜); both are kept"
        " with their source*"
    ]
    assert 'quotes in the corpus · /quote speaker:"Junjie Yan"' in (embed.description or "")


async def test_a_quote_card_names_speaker_question_source_and_rank(corpus: Corpus) -> None:
    embed = await embed_for(corpus, "quote", query="scaling laws")
    assert embed.author.name == "Junjie Yan"
    assert embed.title == "Best match for “scaling laws”"
    assert (embed.description or "").startswith(">>> Scaling Laws is just a curve.")
    assert "Scaling Laws" in field(embed, "Asked")
    # the interview's words: LatePost's, by Cheng Manqi (issue 14 item 4: who speaks where)
    assert field(embed, "Source").startswith("LatePost (Cheng Manqi), “In Conversation")
    assert "2024-04-18 › Tenfold Scaling Laws" in field(embed, "Source")
    assert re.fullmatch(r"Match 1 of \d+", embed.footer.text or "")


async def test_a_show_notes_quote_is_unattributed_and_says_why(corpus: Corpus) -> None:
    embed = await embed_for(corpus, "quote", query="vibe engineering")
    assert embed.author.name == "Unattributed · quoted in the show notes"
    assert "Asked" not in [f.name for f in embed.fields]
    assert field(embed, "Source").startswith("Crossing, ")


@pytest.mark.parametrize(
    ("day", "footer", "says"),
    [
        ("06-21", None, "**2026-06-21** · Crossing publishes"),
        ("03-09", "Fallback: events from March", "Nothing in the corpus happened on March 9"),
        ("02-29", "Fallback: quote of the day", "nor in February; the quote of the day instead"),
    ],
)
async def test_on_this_day_labels_each_fallback(
    corpus: Corpus, day: str, footer: str | None, says: str
) -> None:
    embed = await embed_for(corpus, "onthisday", date=day)
    assert embed.title is not None and embed.title.startswith("On this day · ")
    assert embed.footer.text == footer
    assert says in (embed.description or "")
    if day == "03-09":
        assert "**Mar 2024** · Series B" in (embed.description or "")
        assert "2024-03-" not in all_text(embed)
    if day == "02-29":
        # the day's quote is picked by the date among all quotes: today one of the CEO's
        author = embed.author.name or ""
        assert author.startswith("Junjie Yan") and ">>> " in (embed.description or "")


async def test_a_timeline_page_dates_each_event_at_its_precision(corpus: Corpus) -> None:
    embed = await embed_for(corpus, "timeline", year="2024")
    assert embed.title == "Timeline · 2024"
    assert re.fullmatch(r"\d+ events · page 1 of \d+", embed.footer.text or "")
    lines = (embed.description or "").splitlines()
    # each happening cites every source that dates it: [1][2]
    assert lines and all(re.match(r"\*\*[^*]+\*\* · .+ (\[\d+\])+$", line) for line in lines)
    assert any(line.startswith("**Mar 2024** · Series B") for line in lines)
    assert "2024-01-" not in all_text(embed)


async def test_a_comparison_puts_shared_rows_side_by_side(corpus: Corpus) -> None:
    embed = await embed_for(corpus, "compare", a="Text-01", b="M1")
    assert embed.title == "MiniMax-Text-01 vs MiniMax-M1"
    context = field(embed, "Context window")
    assert "**MiniMax-Text-01:**\n• 4M tokens [" in context
    assert "**MiniMax-M1:** 1M tokens [" in context
    assert "**Layers:** 80 [" in field(embed, "Only for MiniMax-Text-01")
    assert "CISPO" in field(embed, "Only for MiniMax-M1")


async def test_the_model_list_groups_by_maker(corpus: Corpus) -> None:
    embed = await embed_for(corpus, "models")
    assert embed.title == "Models in the corpus"
    assert "**MiniMax-M2** · text · Oct 2025" in field(embed, "By MiniMax (")
    assert "**GPT-4**" in field(embed, "Not by MiniMax (")
    text_only = await embed_for(corpus, "models", kind="text")
    assert text_only.title == "Text models in the corpus"
    assert "**MiniMax-M2** · Oct 2025" in field(text_only, "By MiniMax (")


async def test_search_hits_bold_the_match_and_keep_corpus_asterisks_literal(
    corpus: Corpus,
) -> None:
    embed = await embed_for(corpus, "search", query="GPUs")
    assert embed.title == "Search · “GPUs”"
    assert re.fullmatch(r"\d+ passages · page 1 of \d+", embed.footer.text or "")
    values = [f.value or "" for f in embed.fields]
    assert all("**GPUs**" in value for value in values)
    assert any("\\*\\*Tencent\\*\\*" in value for value in values)
    assert any(
        (f.name or "").startswith("LatePost (Cheng Manqi), “In Conversation") for f in embed.fields
    )


async def test_the_documents_and_the_statistics(corpus: Corpus) -> None:
    sources = await embed_for(corpus, "sources")
    assert sources.title == "4 documents in the corpus"
    assert [(f.name or "")[:3] for f in sources.fields] == ["1. ", "2. ", "3. ", "4. "]
    assert "000\\_170ff5059b12dbe9.txt" in (sources.fields[0].value or "")
    about = await embed_for(corpus, "about")
    assert about.title == "minimax-bot corpus" and about.description == "Version 0.1.0"
    assert field(about, "Documents") and field(about, "Quotes").isdigit()
    assert "Team size" in field(about, "Where the sources disagree (")


async def test_a_problem_is_grey_with_suggestions(corpus: Corpus) -> None:
    embed = await embed_for(corpus, "model", name="abab 6")
    assert embed.colour == discord.Colour.light_grey()
    assert "Did you mean: ABAB 6.5" in (embed.description or "")


async def test_echoed_user_text_neither_pings_nor_formats(corpus: Corpus) -> None:
    typed = "@everyone <@&123> **hi** ```py```"
    problem = await embed_for(corpus, "model", name=typed)
    assert "@\u200beveryone <@\u200b&123> \\*\\*hi\\*\\* \\`\\`\\`py\\`\\`\\`" in all_text(problem)
    matched = await embed_for(corpus, "quote", query=typed)
    assert "@\u200beveryone" in (matched.title or "")


@pytest.mark.parametrize("source", [PODCAST, INTERVIEW, ARTICLE])
def test_an_unattributed_quote_says_so(source: Source) -> None:
    shown = render_embed(quote(speaker=None, speaker_as_written=None, citation=Citation(source)))
    expected = "Unattributed · quoted in the show notes" if source is PODCAST else "Unattributed"
    assert shown.author.name == expected


def test_a_no_spec_card_with_nothing_said_says_so() -> None:
    embed = render_embed(card(facts=(), mentions=(), specified=False, exact=False, matched="m"))
    assert "The corpus names it, and says nothing more." in (embed.description or "")
    assert "by its name “m”" in (embed.description or "")
    assert_within_limits(embed)


def test_notes_are_numbered_as_the_terminal_numbers_them() -> None:
    embed = render_embed(card())
    assert field(embed, "Total parameters") == "230B [1][2]"
    assert field(embed, "Parameters") == "• 230B (10B active) [1]\n• 230B total [2]"
    notes = field(embed, "Source · “MiniMax: Efficient LLMs”").splitlines()
    assert notes[0] == "*› Models › Table*" and notes[1].startswith("**[1]** “\\| \\*\\*Oct 2025")
    assert notes[3] == "**[2]** “\\- \\*\\*Parameters\\*\\*: 230B total, 10B active”"


def test_a_timeline_from_samples_keeps_each_precision_and_cites_the_document() -> None:
    embed = render_embed(Timeline(TIMELINE, page=1, page_count=3, total=25, query="funding"))
    assert embed.title == "Timeline · “funding”" and embed.footer.text == "25 events · page 2 of 3"
    assert (embed.description or "").splitlines() == [
        "**late 2021** · MiniMax is founded. [1]",
        "**Mar 2024** · Series B: $600M. [2]",
        "**2026-06-21** · Crossing: The podcast airs. [3]",
    ]
    assert field(embed, "Source · Crossing") == "**[3]** the document"
