"""An index file checked once is not read whole again until something else writes to it."""

from __future__ import annotations

import os
from pathlib import Path

import aiosqlite
import pytest

import bot.store.database as database
from bot.indexer import index_corpus
from bot.store.checked_stamp import record_checked, stamp_path, unchanged_since_check


def test_a_stamp_holds_until_the_file_changes(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    db.write_bytes(b"pages")
    assert not unchanged_since_check(db)  # no stamp: check
    record_checked(db)
    assert unchanged_since_check(db)
    with db.open("r+b") as file:  # the same size, written over
        file.write(b"PAGES")
    assert not unchanged_since_check(db)


def test_a_stamp_from_the_files_last_tick_is_not_trusted(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    db.write_bytes(b"pages")
    record_checked(db)
    stat = db.stat()
    changed = max(stat.st_mtime_ns, stat.st_ctime_ns)
    # Written in the tick of the file's last change: a later write within that tick would
    # have left the file's times as they are, so the stamp proves nothing.
    os.utime(stamp_path(db), ns=(changed, changed))
    assert not unchanged_since_check(db)


def test_an_unreadable_stamp_means_check(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    db.write_bytes(b"pages")
    stamp_path(db).write_text("not json", encoding="utf-8")
    assert not unchanged_since_check(db)
    assert not unchanged_since_check(tmp_path / "missing.db")


async def test_an_unchanged_reindex_does_not_check_again(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    checks: list[Path | str] = []
    real_check = database.quick_check

    async def counted(conn: aiosqlite.Connection, path: Path | str) -> None:
        checks.append(path)
        await real_check(conn, path)

    monkeypatch.setattr(database, "quick_check", counted)
    again = await index_corpus(seeds_copy, db)
    assert (again.indexed, again.changed, checks) == (0, False, [])
    db.touch()  # any write outside SQLite: checked again
    await index_corpus(seeds_copy, db)
    assert checks == [db]
