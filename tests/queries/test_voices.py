"""Each citation of 001 credits who speaks where it is cited (issue 14 item 4): Yunqi Capital's
introduction as Yunqi's, the interview as LatePost's (by Cheng Manqi), republished by Yunqi."""

from __future__ import annotations

from bot.cards.build import card_for
from bot.cards.citing import cite, source_line
from bot.cards.text import card_text
from bot.commands import run_command
from bot.domain.records import DocumentKind, Voice
from bot.queries.corpus import Catalog, Corpus, Introduction
from bot.queries.quotes import find_quote
from bot.queries.results import QuoteAnswer, SearchResults, Source
from bot.queries.search import search
from tests.cards.embed_checks import field
from tests.cards.test_embeds import TODAY, embed_for

INTERVIEW = "001_ee2c00c8cd1ea3f4.txt"
INTRODUCTION = "Yunqi Capital’s introduction, 2024-04-18"
ORIGINAL = "LatePost (Cheng Manqi), republished by Yunqi Capital, 2024-04-18"


async def test_an_introduction_line_and_an_interview_line_at_the_query(corpus: Corpus) -> None:
    found = await search(corpus, "sole early-stage investor")
    assert isinstance(found, SearchResults)
    intro = found.hits[0]
    assert "we became MiniMax's sole" in "".join(segment.text for segment in intro.snippet)
    assert intro.citation.voice is Voice.PUBLISHER and cite(intro.citation) == INTRODUCTION
    answer = await find_quote(corpus, "scaling laws")
    assert isinstance(answer, QuoteAnswer) and answer.citation.source.file == INTERVIEW
    assert answer.citation.voice is Voice.ORIGINAL
    assert cite(answer.citation).startswith(ORIGINAL)
    # the pull quote of Yunqi's introduction is cited to the introduction, not to LatePost
    pull = await find_quote(corpus, "highest ceiling almost no retreat")
    assert isinstance(pull, QuoteAnswer) and pull.citation.voice is Voice.PUBLISHER


async def test_an_introduction_line_and_an_interview_line_in_text(corpus: Corpus) -> None:
    searched = card_text(card_for(await run_command(corpus, "search", {"query": "sole"}, TODAY)))
    assert f"Source: {INTRODUCTION}" in searched
    quoted = await run_command(corpus, "quote", {"query": "scaling laws"}, TODAY)
    assert "Source: LatePost (Cheng Manqi), “In Conversation" in card_text(card_for(quoted))
    chinese = card_text(
        card_for(await run_command(corpus, "search", {"query": "sole"}, TODAY), "zh-CN")
    )
    assert "Yunqi Capital 的导语, 2024-04-18" in chinese
    # the company card cites both parts, each under its own credit
    company = card_text(card_for(await run_command(corpus, "model", {"name": "MiniMax"}, TODAY)))
    assert "  Yunqi Capital’s introduction, “In Conversation" in company
    assert "  LatePost (Cheng Manqi), “In Conversation" in company


async def test_an_introduction_line_and_an_interview_line_in_an_embed(corpus: Corpus) -> None:
    searched = await embed_for(corpus, "search", query="sole early-stage investor")
    assert any(
        (f.name or "").startswith("Yunqi Capital’s introduction, “In") for f in searched.fields
    )
    quoted = await embed_for(corpus, "quote", query="scaling laws")
    assert field(quoted, "Source").startswith("LatePost (Cheng Manqi), “In Conversation")
    company = await embed_for(corpus, "model", name="MiniMax")
    names = [f.name or "" for f in company.fields]
    assert any("Yunqi Capital’s introduction" in name for name in names)
    assert any("LatePost (Cheng Manqi)" in name for name in names)


async def test_the_sources_say_who_speaks_in_each_part(corpus: Corpus) -> None:
    listed = card_text(card_for(await run_command(corpus, "sources", {}, TODAY)))
    assert "Yunqi Capital’s introduction, then LatePost (Cheng Manqi)’s text · " in listed
    assert listed.count("’s introduction") == 1  # only the republished document has parts
    day = card_text(card_for(await run_command(corpus, "onthisday", {"date": "04-18"}, TODAY)))
    assert "Yunqi Capital republishes LatePost’s" in day
    assert "Yunqi Capital’s introduction, “In Conversation" in day  # its own dateline


def test_a_source_without_an_introduction_keeps_the_document_credit() -> None:
    source = Source("x.txt", "Title", "Wired", None, DocumentKind.INTERVIEW, "en", authors=("A",))
    voiced = Source("y.txt", "T", "Outlet", None, DocumentKind.INTERVIEW, "en", "Pub", ("A",))
    catalog = Catalog(
        {"x.txt": source, "y.txt": voiced},
        (),
        (),
        introductions={"y.txt": Introduction(frozenset({7}), frozenset({0}), ("Our intro.",))},
    )
    plain = catalog.citation("x.txt", "Part 1", "Some words")
    assert plain.voice is None and cite(plain) == "Wired › Part 1"
    assert catalog.citation("y.txt", None, "intro").voice is Voice.PUBLISHER
    assert catalog.citation("y.txt", None, "other words").voice is Voice.ORIGINAL
    assert catalog.citation("y.txt", passage=7).voice is Voice.PUBLISHER
    assert catalog.citation("y.txt", ordinal=3).voice is Voice.ORIGINAL
    assert catalog.citation("y.txt").voice is None  # the whole document: its own credit
    assert source_line(voiced, voice=Voice.PUBLISHER) == "Pub’s introduction"
    assert source_line(voiced, voice=Voice.ORIGINAL) == "Outlet (A), republished by Pub"
    assert source_line(voiced) == "Outlet, republished by Pub"
