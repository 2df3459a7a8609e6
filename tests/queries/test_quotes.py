"""find_quote and quote_of_the_day on the real seeds."""

from __future__ import annotations

import asyncio
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.records import FuzzyDate
from bot.queries.corpus import Corpus
from bot.queries.quotes import find_quote, quote_of_the_day
from bot.queries.results import Problem, QuoteAnswer

LATEPOST = "001_ee2c00c8cd1ea3f4.txt"
SHOW_NOTES = "000_170ff5059b12dbe9.txt"
EXTREME = '"Everything only becomes good when taken to the extreme"'

HOSTILE = [
    "",
    "   ",
    "\t\n",
    "\u200b",
    "\u200b\u200d\ufeff",
    "🚀",
    "🚀🔥 launch 👩\u200d💻",
    "sca\u200bling laws",
    '"',
    '"scaling',
    "NEAR(",
    "NEAR(scaling laws, 2)",
    "*",
    "scal*",
    "OR",
    "scaling OR laws",
    "AND NOT",
    "-",
    "-scaling",
    "^",
    "^scaling",
    "text:scaling",
    "{text question}: GPU",
    "'; DROP TABLE quotes;--",
    "\x00\x01",
    "x" * 500,
    ("scaling laws compute crunch " * 20)[:500],
    "Ｓｃａｌｉｎｇ　Ｌａｗｓ",
    "颜俊杰",
    "a",
]


def answer(found: QuoteAnswer | Problem) -> QuoteAnswer:
    assert isinstance(found, QuoteAnswer), found
    return found


def problem(found: QuoteAnswer | Problem) -> Problem:
    assert isinstance(found, Problem), found
    return found


async def test_compute_crunch(corpus: Corpus) -> None:
    found = answer(await find_quote(corpus, "compute crunch"))
    assert found.text == "Become the biggest customer in the market."
    assert found.question == (
        "Last October you faced a compute crunch. How do you avoid similar risks?"
    )
    assert (found.speaker, found.speaker_as_written) == ("Junjie Yan", "Junjie Yan")
    assert found.how == "match"
    assert (found.query, found.rank, found.total) == ("compute crunch", 0, 1)
    source = found.citation.source
    assert (source.file, source.outlet) == (LATEPOST, "LatePost")
    assert source.published == FuzzyDate.day(2024, 4, 18)
    assert found.citation.heading == EXTREME


async def test_scaling_laws_and_the_next_matches(corpus: Corpus) -> None:
    best = answer(await find_quote(corpus, "scaling laws"))
    assert "Scaling Laws" in best.text
    assert best.total > 1
    seen = [best.quote_id]
    for rank in range(1, best.total):
        found = answer(await find_quote(corpus, "scaling laws", rank=rank))
        assert (found.rank, found.total) == (rank, best.total)
        seen.append(found.quote_id)
    assert len(set(seen)) == best.total
    done = problem(await find_quote(corpus, "scaling laws", rank=best.total))
    assert done.message == "No more matches for “scaling laws”."


async def test_ranking_is_stable(corpus: Corpus) -> None:
    first = [answer(await find_quote(corpus, "product", rank=r)).quote_id for r in range(5)]
    again = [answer(await find_quote(corpus, "product", rank=r)).quote_id for r in range(5)]
    assert first == again


async def test_words_together_beat_words_apart(corpus: Corpus) -> None:
    found = answer(await find_quote(corpus, "single GPU"))
    assert found.text.startswith("We don't own a single GPU")


async def test_negative_rank_is_the_best(corpus: Corpus) -> None:
    best = answer(await find_quote(corpus, "scaling laws"))
    assert answer(await find_quote(corpus, "scaling laws", rank=-3)).quote_id == best.quote_id


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("scalling lawz", "Scaling Laws"),
        ("scalling laws", "Scaling Laws"),
        ("biggest custmer", "Become the biggest customer in the market."),
        ("scaling la", "Scaling Laws"),  # the last word as a prefix, as typed so far
        ("SCALING LAWS", "Scaling Laws"),
        ("Ｓｃａｌｉｎｇ　Ｌａｗｓ", "Scaling Laws"),  # full-width
        ("sca\u200bling laws", "Scaling Laws"),  # a zero-width space inside a word
    ],
)
async def test_typos_and_other_forms(corpus: Corpus, typed: str, expected: str) -> None:
    found = answer(await find_quote(corpus, typed))
    assert expected in found.text
    assert found.query == typed


async def test_nothing_close_is_a_problem(corpus: Corpus) -> None:
    found = problem(await find_quote(corpus, "zqxjv wvvkpq"))
    assert found.message == "No quote matches “zqxjv wvvkpq”."


async def test_no_words_is_a_problem(corpus: Corpus) -> None:
    found = problem(await find_quote(corpus, "🚀 !!"))
    assert "No words to match" in found.message


@pytest.mark.parametrize("speaker", ["IO", "闫俊杰", "颜俊杰", "yan junjie", "Junjie Yan", "Yan"])
async def test_any_spelling_of_the_speaker(corpus: Corpus, speaker: str) -> None:
    found = answer(await find_quote(corpus, "GPU", speaker))
    assert found.text.startswith("We don't own a single GPU")
    assert (found.speaker, found.speaker_filter) == ("Junjie Yan", "Junjie Yan")
    anything = answer(await find_quote(corpus, None, speaker, rng=random.Random(7)))
    assert (anything.how, anything.speaker) == ("random", "Junjie Yan")


async def test_a_misspelt_speaker_is_found(corpus: Corpus) -> None:
    found = answer(await find_quote(corpus, "scaling laws", "Junjie Yam"))
    assert found.speaker_filter == "Junjie Yan"


async def test_the_speaker_filter_keeps_only_their_quotes(corpus: Corpus) -> None:
    # "vibe engineering" is said in the show notes, where no speaker is named.
    anyone = answer(await find_quote(corpus, "vibe engineering"))
    assert anyone.speaker is None
    by_yan = await find_quote(corpus, "vibe engineering", "IO")
    assert not (isinstance(by_yan, QuoteAnswer) and by_yan.quote_id == anyone.quote_id)


async def test_unattributed_quote(corpus: Corpus) -> None:
    found = answer(await find_quote(corpus, "vibe engineering"))
    assert (found.speaker, found.speaker_as_written) == (None, None)
    assert found.citation.source.file == SHOW_NOTES
    assert found.citation.heading is not None and "AI coding" in found.citation.heading


async def test_speaker_as_written_keeps_the_documents_spelling(corpus: Corpus) -> None:
    found = answer(await find_quote(corpus, "technical path I chose compute approach aggressive"))
    assert (found.speaker, found.speaker_as_written) == ("Junjie Yan", "Yan")


async def test_unknown_speaker(corpus: Corpus) -> None:
    found = problem(await find_quote(corpus, "scaling laws", "Elon Musk"))
    assert found.message == "No one called “Elon Musk” in the corpus."
    assert "Junjie Yan" in found.suggestions  # nothing close: the people who are quoted


async def test_ambiguous_speaker(corpus: Corpus) -> None:
    found = problem(await find_quote(corpus, None, "Zhou"))
    assert {"Zhou Yucong", "Yipeng Zhou"} <= set(found.suggestions)


async def test_a_person_never_quoted(corpus: Corpus) -> None:
    found = problem(await find_quote(corpus, "scaling", "周昱聪"))
    assert found.message == "The corpus holds no quotes by Zhou Yucong."


async def test_random_quote_is_reproducible_with_a_seeded_rng(corpus: Corpus) -> None:
    picks = [answer(await find_quote(corpus, rng=random.Random(s))).quote_id for s in range(20)]
    again = [answer(await find_quote(corpus, rng=random.Random(s))).quote_id for s in range(20)]
    assert picks == again
    assert len(set(picks)) >= 5
    found = answer(await find_quote(corpus, "  \u200b "))
    assert found.how == "random" and found.query is None


@pytest.mark.parametrize("text", HOSTILE)
async def test_hostile_input_answers_cleanly(corpus: Corpus, text: str) -> None:
    for speaker in (None, text):
        found = await find_quote(corpus, text, speaker)
        assert isinstance(found, QuoteAnswer | Problem)
        if isinstance(found, Problem):
            assert len(found.message) <= 200
    assert answer(await find_quote(corpus, "compute crunch")).total == 1  # nothing dropped


@given(st.text(max_size=120), st.integers(min_value=-2, max_value=60))
def test_any_text_answers_cleanly(indexed_seeds_db: Path, text: str, rank: int) -> None:
    async def ask() -> object:
        corpus = await Corpus.open(indexed_seeds_db)
        try:
            return await find_quote(corpus, text, rank=rank)
        finally:
            await corpus.close()

    assert isinstance(asyncio.run(ask()), QuoteAnswer | Problem)


async def test_quote_of_the_day_is_deterministic_and_varies(corpus: Corpus) -> None:
    first = date(2026, 1, 1)
    days = [first + timedelta(days=i) for i in range(30)]
    picks = [answer(await quote_of_the_day(corpus, day)) for day in days]
    again = [answer(await quote_of_the_day(corpus, day)).quote_id for day in days]
    assert [p.quote_id for p in picks] == again
    assert len(set(again)) >= 5
    assert all(p.how == "daily" and p.speaker is not None for p in picks)
