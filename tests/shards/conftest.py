"""Fixtures of the multi-process tests: an empty PostgreSQL state per test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.state.engines import Engine, fresh_engine


@pytest.fixture
async def postgres(tmp_path: Path) -> AsyncIterator[Engine]:
    """An empty state in its own schema of the test server, dropped afterwards."""
    async with fresh_engine("postgres", tmp_path) as engine:
        yield engine
