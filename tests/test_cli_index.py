"""`minimax-bot index` end to end, as a maintainer runs it."""

from __future__ import annotations

import resource
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=120
    )


def test_index_prints_counts_then_reports_nothing_changed(seeds_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    first = run("index", "--seeds", str(seeds_copy), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "indexed 4, unchanged 0" in first.stdout
    for name in ("documents", "passages", "quotes", "people", "models", "facts", "events"):
        assert name in first.stdout
    assert " ms" in first.stdout

    second = run("index", "--seeds", str(seeds_copy), "--db", str(db))
    assert second.returncode == 0
    assert "nothing changed (4 documents up to date)" in second.stdout


def test_a_broken_document_is_named_and_exits_nonzero(seeds_copy: Path, tmp_path: Path) -> None:
    (seeds_copy / "009_notes.txt").write_text("just some words\nwith no form at all\n")
    result = run("index", "--seeds", str(seeds_copy), "--db", str(tmp_path / "c.db"))
    assert result.returncode == 1
    assert "009_notes.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_seeds_folder_is_a_short_message(tmp_path: Path) -> None:
    result = run("index", "--seeds", str(tmp_path / "nope"), "--db", str(tmp_path / "c.db"))
    assert result.returncode == 1
    assert "no seeds folder" in result.stderr
    assert "Traceback" not in result.stderr


def one_line_failure(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The command failed with exactly one line on stderr, holding `words`; that line."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    for word in words:
        assert word in line
    return line


def test_a_corrupt_database_file_is_one_line(seeds_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    db.write_bytes(bytes(range(256)) * 40)
    result = run("index", "--seeds", str(seeds_copy), "--db", str(db))
    one_line_failure(result, str(db), "not a usable SQLite database")


def test_db_at_a_folder_or_below_a_file_is_one_line(seeds_copy: Path, tmp_path: Path) -> None:
    folder = run("index", "--seeds", str(seeds_copy), "--db", str(tmp_path))
    one_line_failure(folder, str(tmp_path), "is a folder")
    (tmp_path / "plain").write_text("a file\n")
    below = tmp_path / "plain" / "corpus.db"
    nested = run("index", "--seeds", str(seeds_copy), "--db", str(below))
    one_line_failure(nested, str(below), "a folder above it is a file")


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may create files in: by its mode, or (for root, whom modes do not stop)
    by the immutable attribute."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if _writable(folder):
        immutable = (
            subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        )
    assert not _writable(folder), "cannot make a read-only folder on this machine"
    try:
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def _writable(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_text("")
    except OSError:
        return False
    probe.unlink()
    return True


def test_a_read_only_folder_is_one_line(seeds_copy: Path, read_only_folder: Path) -> None:
    db = read_only_folder / "corpus.db"
    result = run("index", "--seeds", str(seeds_copy), "--db", str(db))
    one_line_failure(result, str(db), "cannot")


@pytest.mark.parametrize("broken", ["folder", "nested"])
def test_a_curated_file_that_is_a_folder_or_nested_deep_is_one_line(
    seeds_copy: Path, tmp_path: Path, broken: str
) -> None:
    curated = seeds_copy / "curated.toml"
    curated.unlink()
    if broken == "folder":
        curated.mkdir()
    else:
        curated.write_text("x = " + "[" * 5000 + "1" + "]" * 5000 + "\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    one_line_failure(run("index", "--seeds", str(seeds_copy), "--db", db), "curated.toml")
    asked = run("ask", "--seeds", str(seeds_copy), "--db", db, "/about")
    assert asked.returncode == 1 and "Traceback" not in asked.stderr
    assert "curated.toml" in asked.stderr


def test_a_second_index_while_one_writes_says_so(
    seeds_copy: Path, tmp_path: Path, indexed_seeds_db: Path
) -> None:
    db = tmp_path / "corpus.db"
    shutil.copyfile(indexed_seeds_db, db)
    notes = seeds_copy / "000_170ff5059b12dbe9.txt"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    first = sqlite3.connect(db, isolation_level=None)
    try:
        first.execute("BEGIN IMMEDIATE")  # another index, in the middle of its transaction
        result = run("index", "--seeds", str(seeds_copy), "--db", str(db))
    finally:
        first.execute("ROLLBACK")
        first.close()
    one_line_failure(result, str(db), "another process is writing to it")


def _small_disk() -> None:
    """In the child: files may grow to 256 KiB, as on a disk that is nearly full."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))


def test_a_full_disk_is_one_line(seeds_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "index", "--seeds", str(seeds_copy), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_small_disk,
    )
    line = one_line_failure(result, str(db))
    assert "disk is full" in line or "disk refused a write" in line


def test_index_ends_with_what_a_document_added_and_what_its_removal_took(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    first = run("index", "--seeds", str(seeds_copy), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "what changed:" in first.stdout
    assert "more" in first.stdout  # a first index lists a few of each class and counts the rest

    added = seeds_copy / "004_abstract_again.txt"
    added.write_bytes((seeds_copy / "002_8d76a87ad898c4a7.txt").read_bytes())
    addition = run("index", "--seeds", str(seeds_copy), "--db", str(db))
    assert addition.returncode == 0, addition.stderr
    tail = addition.stdout.split("what changed:", 1)[1]
    assert "+ " in tail and "(004)" in tail  # its events are listed as new, with their source
    assert " 0 removed" in tail.split("events:", 1)[1].splitlines()[0]

    added.unlink()
    removal = run("index", "--seeds", str(seeds_copy), "--db", str(db))
    tail = removal.stdout.split("what changed:", 1)[1]
    assert " 0 new," in tail.split("events:", 1)[1].splitlines()[0]
    assert "- " in tail and "(004)" in tail

    again = run("index", "--seeds", str(seeds_copy), "--db", str(db))
    assert "what changed" not in again.stdout  # nothing ran, nothing to report
