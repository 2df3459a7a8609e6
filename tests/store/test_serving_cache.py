"""A serving connection's page cache is sized to its index: a small index is not held twice."""

from __future__ import annotations

from pathlib import Path

from bot.store import CorpusStore
from bot.store.corpus import CACHE_MAX_KIB, CACHE_MIN_KIB, serving_cache_kib


async def cache_kib(store: CorpusStore) -> int:
    async with store._conn.execute("PRAGMA cache_size") as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return -int(row[0])  # negative: KiB


async def test_the_seeds_index_gets_a_quarter_of_its_size(indexed_seeds_db: Path) -> None:
    size_kib = indexed_seeds_db.stat().st_size // 1024
    store = await CorpusStore.open(indexed_seeds_db, check=True)
    try:
        assert await cache_kib(store) == max(CACHE_MIN_KIB, size_kib // 4) < 2000
        assert (await store.counts())["documents"] == 4  # and it reads as before
    finally:
        await store.close()


def test_the_cache_stays_between_its_bounds(tmp_path: Path) -> None:
    assert serving_cache_kib(tmp_path / "not-yet.db") == CACHE_MIN_KIB
    large = tmp_path / "large.db"
    with large.open("wb") as file:
        file.truncate(64 * 1024 * 1024)  # sparse: a 64 MiB index
    assert serving_cache_kib(large) == CACHE_MAX_KIB == 2000  # SQLite's default
