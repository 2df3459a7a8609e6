from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import CorpusStore


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[CorpusStore]:
    """A fresh, migrated database per test."""
    store = await CorpusStore.open(tmp_path / "corpus.db")
    yield store
    await store.close()
