"""Shared fixtures: the real seeds indexed once per session, and fresh copies to damage."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from bot.indexer import index_corpus
from bot.paths import SEEDS_DIR
from bot.store import CorpusStore

# Property tests: a quick profile for everyday runs, a long one for CI (MINIMAX_BOT_PROFILE=full).
settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "full", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("MINIMAX_BOT_PROFILE", "default"))

# `discord_emulator`; the guard against reading beside the clone; pytester for the tests that
# the emulator fails a broken bot and the guard fails a test that reads beside the clone
pytest_plugins = ["tests.emulator.plugin", "tests.outside_reads", "pytester"]


@pytest.fixture(scope="session", autouse=True)
def lexical_unless_asked() -> Iterator[None]:
    """SEMANTIC=off for every test and the processes it starts: with the semantic extra
    installed, each fresh index of the seeds would otherwise embed every passage (half a
    minute). The tests of the extra (tests/semantic) ask for the model themselves."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SEMANTIC", "off")
        yield


@pytest.fixture(scope="session")
def indexed_seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the real seeds, built once; tests must not write to it."""
    import asyncio

    path = tmp_path_factory.mktemp("seeds-db") / "corpus.db"
    asyncio.run(index_corpus(SEEDS_DIR, path))
    return path


@pytest.fixture
async def seeds_store(indexed_seeds_db: Path) -> AsyncIterator[CorpusStore]:
    store = await CorpusStore.open(indexed_seeds_db)
    yield store
    await store.close()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds folder."""
    return Path(shutil.copytree(SEEDS_DIR, tmp_path / "seeds"))
