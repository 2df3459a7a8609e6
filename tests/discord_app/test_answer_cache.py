"""The answer cache: a remembered answer is served without touching the store while nobody
commits to the index, and asked again from the store once someone does."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from bot.commands import COMMANDS
from bot.discord_app.answers import AnswerCache
from bot.queries.corpus import Corpus

TODAY = date(2026, 6, 21)


@pytest.fixture
async def corpus(indexed_seeds_db: Path, tmp_path: Path) -> AsyncIterator[Corpus]:
    copy = tmp_path / "corpus.db"
    with sqlite3.connect(indexed_seeds_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    opened = await Corpus.open(copy)
    yield opened
    await opened.close()


def count_snapshots(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    begun: list[int] = []
    begin = corpus.store.begin_snapshot

    async def counted() -> int:
        begun.append(1)
        return await begin()

    monkeypatch.setattr(corpus.store, "begin_snapshot", counted)
    return begun


async def test_a_remembered_answer_needs_no_snapshot_until_someone_commits(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = AnswerCache()
    call = COMMANDS["model"].call(name="M2")
    begun = count_snapshots(corpus, monkeypatch)
    first = await cache.answer(corpus, call, TODAY)
    assert len(begun) == 1 and corpus.unchanged()
    assert await cache.answer(corpus, call, TODAY) is first
    assert await cache.answer(corpus, call, TODAY, "zh-CN") is not first  # its own embed
    assert len(begun) == 2  # the Chinese one was rendered, after a snapshot; the hit had none
    with sqlite3.connect(tmp_path / "corpus.db") as other:  # anyone commits anything
        other.execute("INSERT INTO meta (key, value) VALUES ('touched', 'yes')")
    assert not corpus.unchanged()
    assert await cache.answer(corpus, call, TODAY) is first  # same generation: still valid
    assert len(begun) == 3 and corpus.unchanged()


async def test_an_index_in_memory_always_takes_the_snapshot() -> None:
    corpus = await Corpus.open(Path(":memory:"))
    try:
        assert corpus.store.commits_seen() is None and not corpus.unchanged()
    finally:
        await corpus.close()
