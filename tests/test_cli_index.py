"""`minimax-bot index` end to end, as a maintainer runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


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
