from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.state import SqliteState


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteState]:
    """A fresh, migrated state file per test."""
    store = await SqliteState.open(tmp_path / "state.db")
    yield store
    await store.close()
