"""Search and quotes rank rather than filter (issue 15, item 2): any of the words, stemmed,
stop words ignored, phrases and whole answers first, Chinese inside a longer run, clean
highlights."""

from __future__ import annotations

import pytest

from bot.queries.corpus import Corpus
from bot.queries.quotes import find_quote
from bot.queries.results import Problem, QuoteAnswer, SearchResults
from bot.queries.search import search

LATEPOST = "001_ee2c00c8cd1ea3f4.txt"


def results(found: SearchResults | Problem) -> SearchResults:
    assert isinstance(found, SearchResults), found
    return found


def texts(found: SearchResults) -> list[str]:
    return ["".join(segment.text for segment in hit.snippet) for hit in found.hits]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("does MiniMax own GPUs", "We don't own a single GPU"),
        ("how many employees", "employees"),
        ("who invested in MiniMax", "sole early-stage investor"),
        ("what is the context window of Text-01", "4M token"),
    ],
)
async def test_a_question_in_plain_words_finds_its_answer_in_the_top_three(
    corpus: Corpus, question: str, expected: str
) -> None:
    found = results(await search(corpus, question))
    assert any(expected in text for text in texts(found)[:3]), texts(found)[:3]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("大杀器", "不是大杀器"), ("普通人", "普通人每天用的产品"), ("商汤", "商汤科技")],
)
async def test_chinese_inside_a_longer_run_is_found(
    corpus: Corpus, query: str, expected: str
) -> None:
    found = results(await search(corpus, query))
    assert found.hits and expected in texts(found)[0]
    marked = [s.text for s in found.hits[0].snippet if s.highlight]
    assert query in marked


async def test_a_phrase_beats_its_words_apart(corpus: Corpus) -> None:
    found = results(await search(corpus, "single GPU"))
    assert "We don't own a single GPU" in texts(found)[0]


async def test_highlights_never_cross_the_sources_markdown(corpus: Corpus) -> None:
    for query in ("Attention Mechanisms", "Lightning Attention", "github MiniMax", "Series B"):
        for hit in results(await search(corpus, query, per_page=25)).hits:
            before = ""
            for segment in hit.snippet:
                if segment.highlight:  # never inside the source's own bold, link or URL
                    assert "**" not in segment.text and before.count("**") % 2 == 0, hit
                    assert "http" not in segment.text and "/" not in segment.text
                    assert not before.rstrip().endswith("](")
                before += segment.text


async def test_near_duplicates_are_collapsed(corpus: Corpus) -> None:
    found = results(await search(corpus, "scaling laws curve", per_page=25))
    shown = texts(found)
    assert len({text.casefold() for text in shown}) == len(shown)


async def test_a_stemmed_quote(corpus: Corpus) -> None:
    found = await find_quote(corpus, "collapse")
    assert isinstance(found, QuoteAnswer)
    assert "collapse quickly" in found.text or "collapsing quickly" in found.text


async def test_a_word_no_quote_holds_is_not_dropped(corpus: Corpus) -> None:
    # no quote says `Lightning`, nor stands where it is written: none about `attention` alone
    found = await find_quote(corpus, "Lightning Attention")
    assert isinstance(found, Problem)
    assert found.message == (
        "No quote says “Lightning”; the passages do: try /search Lightning Attention"
    )
    lines = texts(results(await search(corpus, "10T model")))
    assert lines and all("10T" in line for line in lines[:3])


async def test_a_quote_is_found_by_the_words_around_it(corpus: Corpus) -> None:
    # `10T model` is in no quote, but in the chapter and the line that hold IO's words on it
    # (issue 15: `/quote 10T model` finds the 10T lines)
    found = [await find_quote(corpus, "10T model", rank=rank) for rank in range(3)]
    said = {quote.text for quote in found if isinstance(quote, QuoteAnswer)}
    assert said == {
        "there isn't that much data in the entire world.",
        "AI is already a massive industry, just like semiconductors.",
        "generation by generation,",
    }


async def test_stop_words_do_not_count(corpus: Corpus) -> None:
    plain = texts(results(await search(corpus, "GPUs")))
    wordy = texts(results(await search(corpus, "the GPUs of it")))
    assert plain == wordy
