"""The corpus ships byte for byte as received."""

import hashlib

import pytest

from bot.paths import SEEDS_DIR
from tests.conftest import SHARED_CORPUS


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
def test_seeds_match_the_received_corpus() -> None:
    received = sorted(SHARED_CORPUS.glob("*.txt"))
    assert len(received) == 4
    for original in received:
        shipped = SEEDS_DIR / original.name
        assert sha256(shipped.read_bytes()) == sha256(original.read_bytes()), original.name


def test_seeds_are_the_four_documents_and_the_curated_file() -> None:
    names = sorted(path.name for path in SEEDS_DIR.iterdir())
    assert names == [
        "000_170ff5059b12dbe9.txt",
        "001_ee2c00c8cd1ea3f4.txt",
        "002_8d76a87ad898c4a7.txt",
        "003_2acd4246ab7622df.txt",
        "curated.toml",
    ]
