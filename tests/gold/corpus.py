"""The seeds as a reader sees them: each document's repaired text, and the verbatim check that
every entry of the gold reading must pass."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from bot.ingest.pipeline import parse_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOLD = Path(__file__).resolve().parent


@cache
def document_text(file: str) -> str:
    """The repaired text of `seeds/<file>` (for 003: mojibake undone), as the index stores it."""
    return parse_file(SEEDS / file).document.text


def seed_files() -> list[str]:
    return sorted(p.name for p in SEEDS.glob("*.txt"))


def is_verbatim(file: str, evidence: str) -> bool:
    """Whether `evidence` occurs word for word in the document (whitespace runs count as one)."""
    return " ".join(evidence.split()) in " ".join(document_text(file).split())


def load(name: str) -> dict[str, Any]:
    """`tests/gold/<name>.toml`, parsed."""
    with (GOLD / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)
