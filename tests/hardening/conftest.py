"""Fixtures for the hardening tests: the seeds corpus on a private event loop, for hypothesis."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.queries.corpus import Corpus
from tests.e2e.conftest import bot_db, minimax_bot


@dataclass(frozen=True)
class Served:
    """The real seeds corpus and the loop it lives on: sync hypothesis tests run queries with
    `runner.run(...)`, as the terminal does."""

    runner: asyncio.Runner
    corpus: Corpus


@pytest.fixture(scope="module")
def served(indexed_seeds_db: Path) -> Iterator[Served]:
    with asyncio.Runner() as runner:
        corpus = runner.run(Corpus.open(indexed_seeds_db))
        try:
            yield Served(runner, corpus)
        finally:
            runner.run(corpus.close())


__all__ = ["Served", "bot_db", "minimax_bot", "served"]
