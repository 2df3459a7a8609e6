"""The bot's key -> value state: kept across reopening and re-indexing."""

from __future__ import annotations

from pathlib import Path

from bot.indexer import index_corpus
from bot.state import SqliteState, StateStore


async def test_missing_key_is_none_then_set_and_replaced(store: StateStore) -> None:
    assert await store.state_get("commands") is None
    await store.state_set("commands", "abc")
    await store.state_set("other", "x")
    await store.state_set("commands", "def")
    assert await store.state_get("commands") == "def"
    assert await store.state_get("other") == "x"


async def test_state_survives_reopening_and_reindexing(seeds_copy: Path, tmp_path: Path) -> None:
    db, state = tmp_path / "bot.db", tmp_path / "state.db"
    await index_corpus(seeds_copy, db)
    async with await SqliteState.open(state, legacy_corpus=db) as store:
        await store.state_set("commands", "abc")
    with (seeds_copy / "002_8d76a87ad898c4a7.txt").open("a", encoding="utf-8") as changed:
        changed.write("\n")  # new bytes: a real re-index, not a no-op
    report = await index_corpus(seeds_copy, db)
    assert report.indexed == 1
    async with await SqliteState.open(state, legacy_corpus=db) as store:
        assert await store.state_get("commands") == "abc"
