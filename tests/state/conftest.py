from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.state import StateStore
from tests.state.engines import ENGINES, Engine, fresh_engine


@pytest.fixture(params=ENGINES)
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Engine]:
    """An empty state per test, in SQLite and in PostgreSQL."""
    async with fresh_engine(request.param, tmp_path) as engine:
        yield engine


@pytest.fixture
async def store(engine: Engine) -> AsyncIterator[StateStore]:
    """A fresh, migrated state per test, on each engine."""
    store = await engine.open()
    yield store
    await store.close()
