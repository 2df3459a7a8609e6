"""Encoding repair: strict UTF-8, whole-document mis-decoding undone, legitimate text untouched."""

from __future__ import annotations

from pathlib import Path
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.errors import IngestError
from bot.ingest.repair import looks_mis_decoded, repair_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CLEAN_SEEDS = ["000_170ff5059b12dbe9.txt", "001_ee2c00c8cd1ea3f4.txt", "002_8d76a87ad898c4a7.txt"]
DEEP_DIVE = "003_2acd4246ab7622df.txt"

ORIGINAL = (
    "MiniMax (迷你马克斯) was founded by 颜俊杰 🚀 — “Hailuo” is its app… naïve café, 1×2 → 3\n"
    "Second line: ‘quoted’ · done ✅\n"
)
LEGIT = [
    "plain ASCII text, nothing to do",
    "café",
    "naïve",
    "Zürich",
    "Ñandú — São Paulo, Ça va? À bientôt",
    "“curly” and ‘single’ quotes — em dash – en dash … ellipsis",
    "Straße, Ærø, Øresund, £5 and €10, x ≈ 6ND, ½ cup",
    "中文·English 迷你马克斯 颜俊杰 闫俊杰",
    "emoji 🚀🟢👦🏻🌈 and flags 🇨🇳",
    "ﬁ ligature and ＡＢＣ full width and e\u0301 decomposed",
    "R&amp;D is an HTML entity the document wrote",
    # each of these would round-trip through a legacy codec, into something implausible
    "rose—Évian",  # Mac Roman D1 83: Cyrillic
    "Wait…é",  # Mac Roman C9 8E: a rare Latin Extended-B letter
    "«École»",
    "Straße“",  # Windows-1252 DF 93: NKo
]


def damaged(text: str, codec: str) -> str:
    """UTF-8 text read with the wrong codec and saved again as UTF-8."""
    return text.encode("utf-8").decode(codec)


@pytest.mark.parametrize("name", CLEAN_SEEDS)
def test_clean_seeds_come_back_unchanged(name: str) -> None:
    raw = (SEEDS / name).read_bytes()
    assert repair_text(raw, name) == raw.decode("utf-8")


def test_the_deep_dive_is_repaired_from_mac_roman() -> None:
    raw = (SEEDS / DEEP_DIVE).read_bytes()
    assert looks_mis_decoded(raw.decode("utf-8"))
    text = repair_text(raw, DEEP_DIVE)
    for expected in ("迷你马克斯", "颜俊杰", "🚀", "—", "# 🚀 MiniMax: Efficient LLMs"):
        assert expected in text
    for mojibake in ("üöÄ", "Ëø∑‰Ω†", "‚Äî", "\uf8ff", "È¢ú‰øäÊù∞"):
        assert mojibake not in text
    assert not looks_mis_decoded(text)
    assert not [line for line in text.splitlines() if looks_mis_decoded(line)]
    assert text == raw.decode("utf-8").encode("mac_roman").decode("utf-8")


@pytest.mark.parametrize(
    "codec", ["mac_roman", "sloppy-windows-1252", "latin-1", "cp437", "koi8-r"]
)
def test_synthetic_whole_document_damage_is_undone(codec: str) -> None:
    broken = damaged(ORIGINAL, codec)
    assert broken != ORIGINAL
    assert looks_mis_decoded(broken)
    assert repair_text(broken.encode("utf-8"), "synthetic.txt") == ORIGINAL


def test_damage_done_twice_is_undone() -> None:
    twice = damaged(damaged(ORIGINAL, "sloppy-windows-1252"), "sloppy-windows-1252")
    assert repair_text(twice.encode("utf-8"), "twice.txt") == ORIGINAL


def test_a_damaged_line_beside_text_the_legacy_codec_cannot_hold_is_mended() -> None:
    broken = damaged("颜俊杰 — 🚀\n", "mac_roman") + "✅ added later, never damaged 中文\n"
    repaired = repair_text(broken.encode("utf-8"), "mixed.txt")
    assert repaired == "颜俊杰 — 🚀\n✅ added later, never damaged 中文\n"


@pytest.mark.parametrize("text", LEGIT)
def test_legitimate_text_is_left_alone(text: str) -> None:
    assert not looks_mis_decoded(text)
    assert repair_text(text.encode("utf-8"), "legit.txt") == text


@pytest.mark.parametrize(
    "text",
    [
        damaged("迷你马克斯", "mac_roman"),  # Ëø∑‰Ω†È©¨ÂÖãÊñØ
        damaged("🚀 launch", "mac_roman"),  # the Apple logo, then üöÄ
        damaged("—", "mac_roman"),
        damaged("1×2 → 3 ✅", "mac_roman"),  # √ó ‚Üí ‚úÖ: ftfy's badness alone misses these
        damaged("café", "sloppy-windows-1252"),  # cafÃ©
        damaged("“quoted”", "sloppy-windows-1252"),
        damaged("颜俊杰", "latin-1"),  # C1 control characters
        "a lost character: \ufffd",
    ],
)
def test_mojibake_is_recognised(text: str) -> None:
    assert looks_mis_decoded(text)


def test_bom_is_tolerated_and_line_endings_become_newlines() -> None:
    raw = "\ufeffline one — ok\r\nline two\rline three\n".encode()
    assert repair_text(raw, "bom.txt") == "line one — ok\nline two\nline three\n"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_invalid_utf8_names_the_file_and_the_line(bom: bytes) -> None:
    raw = bom + "first line\nsecond — line\n".encode() + b"third \xff line\nfourth\n"
    with pytest.raises(IngestError) as caught:
        repair_text(raw, "broken.txt")
    error = caught.value
    assert (error.file, error.line) == ("broken.txt", 3)
    assert "UTF-8" in error.reason and "0xff" in error.reason
    assert str(error).startswith("broken.txt:3: ")


def test_truncated_utf8_at_the_end_is_an_error_on_the_last_line() -> None:
    with pytest.raises(IngestError) as caught:
        repair_text(b"one\ntwo \xe8\xbf", "cut.txt")
    assert caught.value.line == 2


WORDS = ["MiniMax", "M2.5", "model", "—", "→", "·", "…", "\n", "1×2"]
SPECIAL = ["迷你马克斯", "颜俊杰", "🚀", "✅", "“quoted”", "it’s", "café", "naïve", "Zürich", "→"]


@given(
    st.lists(st.sampled_from(WORDS), max_size=12),
    st.lists(st.sampled_from(SPECIAL), min_size=3, max_size=12),
    st.randoms(use_true_random=False),
)
def test_any_mac_roman_damage_of_such_text_is_undone(
    words: list[str], special: list[str], random: Random
) -> None:
    tokens = words + special
    random.shuffle(tokens)
    text = " ".join(tokens)
    assert repair_text(text.encode("utf-8"), "x.txt") == text
    assert repair_text(damaged(text, "mac_roman").encode("utf-8"), "x.txt") == text


def test_too_little_evidence_is_left_alone() -> None:
    """One sequence ftfy does not flag could be chance: `café——` is also Windows-1252 `caf闗`."""
    assert repair_text("café——".encode(), "x.txt") == "café——"
    assert not looks_mis_decoded(damaged("→", "mac_roman"))  # ‚Üí alone: a known blind spot
