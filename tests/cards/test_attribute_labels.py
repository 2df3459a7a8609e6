"""Every attribute a card can show has a Chinese label: the facts and disagreements the index
stores for the shipped seeds, and every attribute the curated file names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.cards.attribute_labels import ATTRIBUTES
from bot.cards.labels import attribute_label
from bot.ingest.curated import load_curated
from bot.paths import SEEDS_DIR
from bot.queries.labels import label_for

HAN = range(0x4E00, 0xA000)
# Names that read the same in Chinese: the English label is the right one there.
NAMES = {"twitter_x": ("zh-CN", "zh-TW"), "ceo": ("zh-CN", "zh-TW"), "linkedin": ("zh-TW",)}


def indexed_attributes(db: Path) -> set[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT attribute FROM facts UNION SELECT attribute FROM conflicts"
        ).fetchall()
    return {attribute for (attribute,) in rows}


def curated_attributes() -> set[str]:
    curated = load_curated(SEEDS_DIR)
    return {entry.attribute for entry in (*curated.fact, *curated.disagreement)}


def test_the_seeds_store_attributes_and_the_curated_file_names_them(
    indexed_seeds_db: Path,
) -> None:
    indexed = indexed_attributes(indexed_seeds_db)
    assert len(indexed) > 100 and {"release", "owns_gpus", "sensetime_career"} <= indexed
    assert curated_attributes() <= indexed  # every curated one is indexed


@pytest.mark.parametrize("locale", ["zh-CN", "zh-TW"])
def test_every_attribute_of_the_seeds_has_a_chinese_label(
    indexed_seeds_db: Path, locale: str
) -> None:
    missing, english = [], []
    for attribute in sorted(indexed_attributes(indexed_seeds_db) | curated_attributes()):
        if attribute not in ATTRIBUTES:
            missing.append(attribute)
            continue
        label = attribute_label(attribute, label_for(attribute), locale)  # type: ignore[arg-type]
        if locale in NAMES.get(attribute, ()):
            continue
        if label == label_for(attribute) or not any(ord(ch) in HAN for ch in label):
            english.append((attribute, label))
    assert not missing, f"no Chinese label for {missing}"
    assert not english, f"labels left in English: {english}"
