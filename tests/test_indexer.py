"""Indexing is incremental by content hash and atomic: a failed run changes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.domain.errors import IngestError
from bot.fingerprints import Fingerprint
from bot.indexer import index_corpus
from bot.store import CorpusStore, IndexWriter, StoreError
from tests.store.raw import (
    connection_of,
    legacy_row_counts,
    search_passages,
)
from tests.store.sample import scalar

SHOW_NOTES = "000_170ff5059b12dbe9.txt"
INTERVIEW = "001_ee2c00c8cd1ea3f4.txt"


async def counts(db: Path) -> dict[str, int]:
    store = await CorpusStore.open(db)
    try:
        return await store.counts()
    finally:
        await store.close()


async def search_count(db: Path, words: str) -> int:
    store = await CorpusStore.open(db)
    try:
        return len(await search_passages(store, words, limit=50))
    finally:
        await store.close()


async def test_first_run_indexes_everything_then_nothing_changes(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    first = await index_corpus(seeds_copy, db)
    assert (first.indexed, first.skipped, first.changed) == (4, 0, True)
    for name in ("documents", "passages", "quotes", "people", "models", "facts", "events"):
        assert first.counts[name] > 0, name
    assert first.counts["documents"] == 4
    assert first.counts["conflicts"] >= 3

    again = await index_corpus(seeds_copy, db)
    assert (again.indexed, again.skipped, again.changed) == (0, 4, False)
    assert again.counts == first.counts


async def test_only_changed_documents_are_parsed_again(seeds_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    notes = seeds_copy / SHOW_NOTES
    notes.write_bytes(notes.read_bytes() + b"\nA line about zebrafish.\n")

    report = await index_corpus(seeds_copy, db)
    assert (report.indexed, report.skipped) == (1, 3)
    assert await search_count(db, "zebrafish") == 1


def add_extra_document(seeds: Path) -> Path:
    """A fifth document (the curated file cites all four seeds, so those must stay)."""
    extra = seeds / "004_extra.txt"
    extra.write_bytes((seeds / SHOW_NOTES).read_bytes().replace(b"Crossing", b"Junction"))
    return extra


async def test_a_removed_document_leaves_the_index(seeds_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    extra = add_extra_document(seeds_copy)
    assert (await index_corpus(seeds_copy, db)).counts["documents"] == 5
    extra.unlink()

    report = await index_corpus(seeds_copy, db)
    assert report.removed == 1
    assert report.counts["documents"] == 4
    assert await search_count(db, "Junction") == 0


async def test_removing_a_document_the_curated_file_cites_fails(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    (seeds_copy / "002_8d76a87ad898c4a7.txt").unlink()
    with pytest.raises(IngestError, match=r"no document '002_8d76a87ad898c4a7\.txt'"):
        await index_corpus(seeds_copy, db)
    assert (await counts(db))["documents"] == 4


async def test_a_malformed_document_fails_naming_it_and_changes_nothing(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    before = await counts(db)
    notes = seeds_copy / SHOW_NOTES
    notes.write_bytes(notes.read_bytes() + b"\nzebrafish\n")  # parsed first, then...
    (seeds_copy / "004_broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe binary")

    with pytest.raises(IngestError) as caught:
        await index_corpus(seeds_copy, db)
    assert caught.value.file == "004_broken.txt"
    assert await counts(db) == before
    assert await search_count(db, "zebrafish") == 0
    assert await search_count(db, "semiconductors") >= 1


async def test_a_run_failing_halfway_leaves_the_old_index_queryable(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    before = await counts(db)
    for name in (SHOW_NOTES, INTERVIEW):
        path = seeds_copy / name
        path.write_bytes(path.read_bytes() + b"\nzebrafish\n")

    original = IndexWriter.insert_parsed
    calls = 0

    async def fail_on_second(self: IndexWriter, *args: object, **kwargs: object) -> int:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disk full")
        return await original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(IndexWriter, "insert_parsed", fail_on_second)
    with pytest.raises(OSError, match="disk full"):
        await index_corpus(seeds_copy, db)
    assert calls == 2
    assert await counts(db) == before
    assert await search_count(db, "zebrafish") == 0
    assert await search_count(db, "semiconductors") >= 1

    monkeypatch.undo()
    report = await index_corpus(seeds_copy, db)
    assert report.indexed == 2
    assert await search_count(db, "zebrafish") == 2


async def test_bad_curated_evidence_fails_the_run(seeds_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    before = await counts(db)
    curated = seeds_copy / "curated.toml"
    curated.write_text(
        curated.read_text(encoding="utf-8").replace(
            'evidence = "of roughly 300 people, nearly 200 work on product"',
            'evidence = "of roughly 3000 people"',
        ),
        encoding="utf-8",
    )
    with pytest.raises(IngestError, match="'of roughly 3000 people' is not in 001_"):
        await index_corpus(seeds_copy, db)
    assert await counts(db) == before


async def test_guild_rows_not_yet_moved_survive_a_reindex(seeds_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    extra = add_extra_document(seeds_copy)
    await index_corpus(seeds_copy, db)
    store = await IndexWriter.open(db)
    try:
        await connection_of(store).execute(
            "INSERT INTO legacy_guild_settings (guild_id, channel_id, post_time, timezone)"
            " VALUES (?, ?, ?, ?)",
            (1, 2, "09:00", "Europe/London"),
        )
        await connection_of(store).execute(
            "INSERT INTO legacy_daily_posts (guild_id, local_date, channel_id, nonce, posted_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (1, "2026-11-23", 2, "n", "2026-11-23T09:00:00Z"),
        )
    finally:
        await store.close()
    for path in seeds_copy.glob("*.txt"):
        path.write_bytes(path.read_bytes() + b"\n")
    extra.unlink()

    report = await index_corpus(seeds_copy, db)
    assert (report.indexed, report.removed) == (4, 1)
    store = await CorpusStore.open(db)
    try:
        expected = {"legacy_guild_settings": 1, "legacy_daily_posts": 1}
        assert await legacy_row_counts(store) == expected
    finally:
        await store.close()


async def test_a_touched_but_unchanged_document_is_not_parsed_again(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    notes = seeds_copy / SHOW_NOTES
    os.utime(notes, ns=(notes.stat().st_atime_ns, notes.stat().st_mtime_ns + 10**9))

    report = await index_corpus(seeds_copy, db)
    assert (report.indexed, report.changed) == (0, False)
    store = await CorpusStore.open(db)
    try:
        stored = Fingerprint.parse((await store.fingerprints())[SHOW_NOTES])
    finally:
        await store.close()
    assert stored is not None
    assert stored.mtime_ns == notes.stat().st_mtime_ns  # remembered: no hashing next time


def overwrite_a_page(db: Path, page: int = 5) -> None:
    """Garbage over one page of the file, as a failing disk or a stray write leaves it."""
    with db.open("r+b") as file:
        file.seek(4096 * page)
        file.write(b"\xa5" * 4096)


async def test_a_damaged_index_is_moved_aside_and_rebuilt(seeds_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    first = await index_corpus(seeds_copy, db)
    overwrite_a_page(db)
    damaged = db.read_bytes()

    report = await index_corpus(seeds_copy, db)  # not "nothing changed"
    assert report.changed and report.indexed == 4
    assert report.counts == first.counts
    (aside,) = tmp_path.glob("corpus.db.damaged-*")
    assert aside.read_bytes() == damaged  # kept as it was, never deleted
    assert await search_count(db, "scaling") > 0


async def test_a_damaged_index_without_seeds_is_reported(tmp_path: Path, seeds_copy: Path) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    overwrite_a_page(db)
    with pytest.raises(StoreError, match=r"corpus\.db"):
        await index_corpus(tmp_path / "no seeds", db)
    assert not list(tmp_path.glob("corpus.db.damaged-*"))


async def test_an_index_from_before_the_fact_values_derives_them_next_run(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    async with await IndexWriter.open(db) as store:  # as migration 006 leaves an older index
        await connection_of(store).execute("DELETE FROM fact_values")
        await connection_of(store).execute("DELETE FROM meta WHERE key = 'curated_fingerprint'")
    report = await index_corpus(seeds_copy, db)
    assert report.changed and report.indexed == 0  # derived again, nothing parsed again
    async with await IndexWriter.open(db) as store:
        assert await scalar(store, "SELECT count(*) FROM fact_values") > 0
