"""`minimax-bot run` opens an index that already holds the seeds as they are without starting
a child to index them (most of the time to ready), and leaves any change to the indexer."""

from __future__ import annotations

import os
from pathlib import Path

from bot.fingerprints import CURATED_FILE, CURATED_META, seeds_unchanged
from bot.indexer import index_corpus
from bot.queries.corpus import Corpus
from bot.runner import open_for_serving, open_if_current
from tests.test_indexer import add_extra_document


async def stored(db: Path) -> tuple[dict[str, str], str | None]:
    corpus = await Corpus.open(db)
    try:
        return await corpus.store.fingerprints(), await corpus.store.meta_get(CURATED_META)
    finally:
        await corpus.close()


async def test_an_index_of_the_seeds_as_they_are_is_opened_at_once(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    assert seeds_unchanged(seeds_copy, *await stored(db))
    corpus = await open_if_current(seeds_copy, db)
    assert corpus is not None and corpus.catalog.sources and corpus.stale is None
    await corpus.close()


async def test_any_change_to_the_seeds_is_left_to_the_indexer(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    prints, curated = await stored(db)
    first = sorted(seeds_copy.glob("*.txt"))[0]
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 1))  # touched
    assert not seeds_unchanged(seeds_copy, prints, curated)
    await index_corpus(seeds_copy, db)  # records the new stat (same bytes: nothing parsed)
    assert seeds_unchanged(seeds_copy, *await stored(db))
    (seeds_copy / CURATED_FILE).write_text(
        (seeds_copy / CURATED_FILE).read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"
    )
    assert not seeds_unchanged(seeds_copy, *await stored(db))
    assert await open_if_current(seeds_copy, db) is None
    add_extra_document(seeds_copy)
    assert await open_if_current(seeds_copy, db) is None
    corpus = await open_for_serving(seeds_copy, db)  # the child indexes, then it opens
    assert corpus is not None and "004_extra.txt" in corpus.catalog.sources
    await corpus.close()
    again = await open_if_current(seeds_copy, db)  # indexed now: opened at once
    assert again is not None
    await again.close()


async def test_no_database_or_no_seeds_goes_to_the_indexer(
    seeds_copy: Path, tmp_path: Path
) -> None:
    assert await open_if_current(seeds_copy, tmp_path / "none.db") is None
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    assert await open_if_current(tmp_path / "no-seeds", db) is None
