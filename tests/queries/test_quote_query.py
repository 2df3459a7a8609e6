"""/quote read as a question (issue 15): the framing dropped, Chinese read in English, the
person asked about becomes whom the quote is by; the words of a quote are left as typed."""

from __future__ import annotations

import pytest

from bot.queries.corpus import Corpus
from bot.queries.quote_query import read_quote_query
from bot.queries.quotes import find_quote
from bot.queries.results import QuoteAnswer


@pytest.mark.parametrize(
    ("typed", "words", "person"),
    [
        ("what did Yan say about AGI", ["AGI"], "Junjie Yan"),
        ("闫俊杰怎么看 AGI", ["AGI"], "Junjie Yan"),
        ("李彦宏怎么看双轮驱动", ["dual", "engine"], "Robin Li"),
        ("how much compute went to MoE", ["compute", "MoE"], None),
        ("中美模型差距有多大", ["China", "US", "model", "gap"], None),
        # the words of a quote, a name among them: as typed, nobody taken as the speaker
        ("IO's share", ["IO", "s", "share"], None),
        ("collapse", ["collapse"], None),
        ("Yan scaling laws", ["Yan", "scaling", "laws"], None),
    ],
)
async def test_what_a_quote_search_looks_for(
    corpus: Corpus, typed: str, words: list[str], person: str | None
) -> None:
    read = read_quote_query(corpus.catalog, typed)
    assert read.words == words
    assert (read.person.name if read.person else None) == person


async def top3(corpus: Corpus, typed: str) -> list[QuoteAnswer]:
    found = [await find_quote(corpus, typed, rank=rank) for rank in range(3)]
    return [quote for quote in found if isinstance(quote, QuoteAnswer)]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("what did Yan say about AGI", "never believed AGI would be like an atomic bomb"),
        ("闫俊杰怎么看 AGI", "never believed AGI would be like an atomic bomb"),
        ("how much compute went to MoE", "We allocated over 80% of compute"),
        ("MiniMax 把多少算力投入 MoE", "We allocated over 80% of compute"),
        ("李彦宏怎么看双轮驱动", 'Robin Li believes the "dual-engine" approach'),
        ("10T 模型需要多少数据", "there isn't that much data in the entire world"),
    ],
)
async def test_a_question_finds_the_quote_that_answers_it(
    corpus: Corpus, typed: str, said: str
) -> None:
    found = await top3(corpus, typed)
    assert any(said in quote.text for quote in found), [q.text[:60] for q in found]


async def test_the_person_asked_about_is_whom_the_quotes_are_by(corpus: Corpus) -> None:
    found = await top3(corpus, "what did Yan say about AGI")
    assert found and all(quote.speaker == "Junjie Yan" for quote in found)
    assert all(quote.speaker_filter == "Junjie Yan" for quote in found)
