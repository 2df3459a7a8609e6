"""What users type at their worst, as hypothesis strategies and as a seeded random sample.

Pieces: real words (so some inputs find answers), mentions, markdown and code fences, FTS5 and
SQL syntax, control, format (zero-width, bidi) and combining characters, right-to-left scripts,
unrestricted unicode, and 6,000-character strings (Discord's longest option value).
"""

from __future__ import annotations

import random

from hypothesis import strategies as st

WORDS = (
    "M2", "MiniMax-M1", "Text-01", "abab65", "minimx text 01", "scaling laws", "GPUs",
    "Junjie Yan", "颜俊杰", "闫俊杰", "MiniMax", "2025", "2021", "Hailuo", "funding", "MoE",
)  # fmt: skip
MENTIONS = (
    "@everyone", "@here", "<@123>", "<@!123>", "<@&123>", "@Everyone", "<@&123456789012345678>",
    "<#123>", "@\u200beveryone", "<@ 123>", "<@!&1>",
)  # fmt: skip
MARKDOWN = (
    "**", "__", "*", "_", "~~", "||", "`", "```", "```py\nprint(1)\n```", "> ", "# ", "-# ",
    "[x](https://example.com)", "\\", "\\*", "<t:0:R>", ":smile:", "<:e:123>", "\n", "\r\n",
)  # fmt: skip
FTS = (
    '"', '""', "NEAR(", "NEAR(a b, 2)", ")", "(", "*", "a*", "OR", "AND", "NOT", "-", "^",
    "col:", "text:", "{text}:", "+", "'", ":", "\"unterminated", "OR OR", "* * *",
)  # fmt: skip
SQL = (
    "'; DROP TABLE quotes;--", "' OR 1=1 --", "1; DELETE FROM guild_settings", "\x00",
    "%", "_", "' UNION SELECT * FROM sqlite_master --", "?", "?1", ":name", "$x",
)  # fmt: skip
ODD = (
    "\u200b", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u2066", "\u2069", "\u061c",
    "\u0301", "\u20e3", "\ufe0f", "\u00a0", "\u3000", "\x1b[31m", "\x07", "\t", "\x7f",
    "שלום", "مرحبا", "ܫܠܡܐ", "🚀", "👨‍👩‍👧", "ＭｉｎｉＭａｘ", "İ", "ß", "ﬁ",
)  # fmt: skip
PIECES = WORDS + MENTIONS + MARKDOWN + FTS + SQL + ODD
LONG = 6000

# Characters by category: control, format, space separators, combining marks.
ODD_CATEGORIES = st.characters(categories=["Cc", "Cf", "Zs", "Mn"], codec="utf-8")
RIGHT_TO_LEFT = st.characters(min_codepoint=0x0590, max_codepoint=0x08FF)
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


def _long(seed: str) -> str:
    return (seed * (LONG // max(1, len(seed)) + 1))[:LONG]


def texts(*, surrogates: bool = False) -> st.SearchStrategy[str]:
    """One option value. With `surrogates`, lone surrogates too (a terminal may read them from
    undecodable bytes; Discord's JSON cannot carry them)."""
    any_char = st.characters(codec="utf-8")  # every category but Cs (surrogates)
    pieces = [
        st.sampled_from(PIECES),
        st.text(any_char, max_size=12),
        st.text(ODD_CATEGORIES, max_size=8),
        st.text(RIGHT_TO_LEFT, min_size=1, max_size=12),
    ]
    if surrogates:
        pieces.append(st.text(SURROGATES, min_size=1, max_size=3))
    piece = st.one_of(pieces)
    joined = st.lists(piece, max_size=6).flatmap(
        lambda parts: st.sampled_from(("", " ", "\n")).map(lambda sep: sep.join(parts))
    )
    return st.one_of(joined, joined.map(_long), st.text(any_char))


def numbers() -> st.SearchStrategy[str]:
    """An integer option as typed: in range, out of range, or not a number at all."""
    return st.one_of(
        st.integers(min_value=-10, max_value=2200).map(str),
        st.integers().map(str),
        st.sampled_from(("2025", " 2024 ", "+3", "0x10", "1e3", "٣", "²", "1_000")),
        texts(),
    )


def dates() -> st.SearchStrategy[str]:
    return st.one_of(
        st.dates().map(str),
        st.dates().map(lambda d: f"{d.month:02d}-{d.day:02d}"),
        st.sampled_from(("today", "02-29", "2023-02-29", "13-01", "00-00", "9999-12-31")),
        texts(),
    )


def kinds() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(("text", "Video", "speech", "music", "multimodal")), texts())


def sample_texts(count: int, seed: int) -> list[str]:
    """A seeded sample for the slower end-to-end path: every piece kind, some at 6,000."""
    rng = random.Random(seed)
    found = []
    for n in range(count):
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 5))]
        text = " ".join(words)
        found.append(_long(text) if n % 5 == 4 else text)
    return found
