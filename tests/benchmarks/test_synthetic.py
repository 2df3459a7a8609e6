"""The synthetic-corpus generator writes the four forms, valid UTF-8, deterministically."""

from __future__ import annotations

from pathlib import Path

from tests.benchmarks.synthetic import (
    ANSWER,
    CURATED,
    FORMS,
    QUESTION,
    SEED_FILES,
    repair,
    write_synthetic_corpus,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
COPIES = 3


def _generate(out: Path, seed: int = 0) -> dict[str, bytes]:
    written = write_synthetic_corpus(SEEDS, out, COPIES, seed=seed)
    files = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    assert written == len(files)
    return files


def test_files_forms_and_encoding(tmp_path: Path) -> None:
    files = _generate(tmp_path)
    curated = 1 if (SEEDS / CURATED).exists() else 0
    assert len(files) == COPIES * len(FORMS) + len(SEED_FILES) + curated
    for name in SEED_FILES.values():
        assert files[name] == (SEEDS / name).read_bytes()
    for form in FORMS:
        assert sum(name.endswith(f"_{form}.txt") for name in files) == COPIES
    texts = {name: raw.decode("utf-8") for name, raw in files.items()}  # all valid UTF-8
    for i in range(COPIES):
        lines = texts[f"{i:06d}_interview.txt"].splitlines()
        assert any(line.startswith(QUESTION) for line in lines)
        assert any(line.startswith(ANSWER) for line in lines)


def test_article_copies_clean_and_damaged(tmp_path: Path) -> None:
    files = _generate(tmp_path)
    articles = [raw for name, raw in files.items() if name.endswith("_article.txt")]
    damaged = [raw for raw in articles if "üöÄ".encode() in raw]
    clean = [raw for raw in articles if "🚀".encode() in raw]
    assert damaged and clean
    assert len(damaged) + len(clean) == len(articles)
    for raw in damaged:
        assert "🚀" in repair(raw)


def test_deterministic_for_a_seed(tmp_path: Path) -> None:
    first = _generate(tmp_path / "a")
    assert _generate(tmp_path / "b") == first
    assert _generate(tmp_path / "c", seed=7) != first
