"""The corpus ships byte for byte as received."""

import hashlib

import pytest

from bot.paths import PROJECT_ROOT, SEEDS_DIR

# The received documents' sha256, pinned here so a fresh clone checks its seeds too.
RECEIVED_SHA256 = {
    "000_170ff5059b12dbe9.txt": "6e765f14b627a62c6c90c72792481730ff6c8c70d40be54f883b1d695c71f822",
    "001_ee2c00c8cd1ea3f4.txt": "c6e45703ebb75dacb20c0f85089341dafdd5ed2081670e0f586afc546359ff65",
    "002_8d76a87ad898c4a7.txt": "5060b750db7c46cfbdd7ba698350be50cd9b5ecb382d9f7ee106aa2c08104b34",
    "003_2acd4246ab7622df.txt": "6f4f157d5cebc42cfde67063d481c4c62c45cd9a651b1bb5f260fe98493f57eb",
}
# Where the documents were received, on the team's machine; a fresh clone has no such folder.
SHARED_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_seeds_have_the_pinned_bytes() -> None:
    shipped = {path.name: sha256(path.read_bytes()) for path in SEEDS_DIR.glob("*.txt")}
    assert shipped == RECEIVED_SHA256


@pytest.mark.reads_beside_repo("shared/corpus")
@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
def test_seeds_match_the_received_corpus() -> None:
    received = sorted(SHARED_CORPUS.glob("*.txt"))
    assert len(received) == 4
    for original in received:
        shipped = SEEDS_DIR / original.name
        assert sha256(shipped.read_bytes()) == sha256(original.read_bytes()), original.name
        assert RECEIVED_SHA256[original.name] == sha256(original.read_bytes()), original.name


def test_seeds_are_the_four_documents_and_the_curated_file() -> None:
    names = sorted(path.name for path in SEEDS_DIR.iterdir())
    assert names == [
        "000_170ff5059b12dbe9.txt",
        "001_ee2c00c8cd1ea3f4.txt",
        "002_8d76a87ad898c4a7.txt",
        "003_2acd4246ab7622df.txt",
        "curated.toml",
    ]
