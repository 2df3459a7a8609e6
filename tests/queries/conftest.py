"""Query fixtures: the real seeds, indexed once per session, opened as a Corpus per test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.queries.corpus import Corpus
from bot.store import CorpusStore


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    """The seeds as the queries see them; read-only, closed after the test."""
    loaded = await Corpus.load(await CorpusStore.open(indexed_seeds_db))
    yield loaded
    await loaded.close()
