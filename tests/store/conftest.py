from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import IndexWriter


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[IndexWriter]:
    """A fresh, migrated database per test."""
    store = await IndexWriter.open(tmp_path / "corpus.db")
    yield store
    await store.close()
