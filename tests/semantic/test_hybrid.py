"""Fusion of the words' ranking with the meaning's, around a stand-in model: it only ever
re-ranks and widens what the words found, and without the model nothing changes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.indexer import index_corpus
from bot.paths import SEEDS_DIR
from bot.queries.corpus import Corpus
from bot.queries.hybrid import reciprocal_rank_fusion
from bot.queries.quotes import find_quote
from bot.queries.results import QuoteAnswer, SearchResults
from bot.queries.search import ranked, search, search_rows
from bot.store import CorpusStore
from tests.semantic.words_model import WordsModel


def test_fusion_adds_the_reciprocal_ranks() -> None:
    assert reciprocal_rank_fusion([1, 2, 3], [3, 4]) == [3, 1, 2, 4]
    assert reciprocal_rank_fusion([5, 6], []) == [5, 6]
    assert reciprocal_rank_fusion([], [7]) == [7]


@pytest.fixture(scope="module")
def words_seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("words-seeds-db") / "corpus.db"
    asyncio.run(index_corpus(SEEDS_DIR, path, embedder=WordsModel()))
    return path


@pytest.fixture
async def model() -> WordsModel:
    return WordsModel()


@pytest.fixture
async def hybrid(words_seeds_db: Path, model: WordsModel) -> AsyncIterator[Corpus]:
    loaded = await Corpus.load(await CorpusStore.open(words_seeds_db), model)
    yield loaded
    await loaded.close()


@pytest.fixture
async def lexical(words_seeds_db: Path) -> AsyncIterator[Corpus]:
    loaded = await Corpus.load(await CorpusStore.open(words_seeds_db))
    yield loaded
    await loaded.close()


async def test_meaning_widens_what_the_words_found(hybrid: Corpus, lexical: Corpus) -> None:
    words = {row.id for row in (await search_rows(lexical, "GPUs compute"))[0]}
    fused, _ = await search_rows(hybrid, "GPUs compute")
    assert words < {row.id for row in fused}
    added = [row for row in fused if row.id not in words]
    assert all(row.marked and row.score == 0.0 for row in added)  # shown, nothing highlighted


async def test_noise_stays_noise(hybrid: Corpus, model: WordsModel) -> None:
    found = await search(hybrid, "qwertyuiopasdf")
    assert isinstance(found, SearchResults)
    assert found.total == 0
    assert model.queries == []  # nothing matched: the model was not even asked


async def test_an_index_without_vectors_is_searched_by_words_alone(
    indexed_seeds_db: Path, model: WordsModel
) -> None:
    corpus = await Corpus.load(await CorpusStore.open(indexed_seeds_db), model)
    bare = await Corpus.load(await CorpusStore.open(indexed_seeds_db))
    try:
        assert await search_rows(corpus, "GPUs") == await search_rows(bare, "GPUs")
    finally:
        await corpus.close()
        await bare.close()


async def test_ask_and_its_ranking_of_passages_stay_by_words(
    hybrid: Corpus, lexical: Corpus, model: WordsModel
) -> None:
    assert await ranked(hybrid, "GPUs compute") == await ranked(lexical, "GPUs compute")
    assert model.queries == []


async def test_quotes_are_re_ranked_never_added(hybrid: Corpus, lexical: Corpus) -> None:
    async def quote_ids(corpus: Corpus) -> list[int]:
        ids = []
        for rank in range(50):
            found = await find_quote(corpus, "compute GPUs", rank=rank)
            if not isinstance(found, QuoteAnswer):
                break
            ids.append(found.quote_id)
        return ids

    words, fused = await quote_ids(lexical), await quote_ids(hybrid)
    assert len(words) > 1
    assert sorted(words) == sorted(fused)
