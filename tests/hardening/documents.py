"""Broken documents a maintainer might drop into `seeds/`, and what indexing should make of each.

Decided: a document that cannot be read as UTF-8 text of a known form fails the whole run with
its file, line and reason, so nothing half-read is served; so does an empty one (nothing to
cite) and one with a line over 20,000 characters (no real transcript has one; the parsers are
quadratic in a line). A copy of a seed cut at a line end is still a document of its form and
indexes; so does a markdown article without tables (its prose becomes passages). A seed cut so
short that a curated fact loses its evidence fails, naming curated.toml.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.paths import SEEDS_DIR

INTERVIEW = "001_ee2c00c8cd1ea3f4.txt"
ABSTRACT = "002_8d76a87ad898c4a7.txt"
MEGABYTE = 1_000_000


@dataclass(frozen=True)
class Broken:
    label: str
    file: str  # the name it is dropped under (a seed's own name replaces that seed)
    raw: bytes
    fails_in: str | None  # the file the error names; None: it indexes
    reason: str = ""  # a piece of the reason

    def __str__(self) -> str:
        return self.label


def _seed(name: str) -> bytes:
    return (SEEDS_DIR / name).read_bytes()


def _cut_inside_a_character(raw: bytes) -> bytes:
    first = next(i for i, byte in enumerate(raw) if byte >= 0xC0)  # a multi-byte lead byte
    return raw[: first + 1]


def _cut_at_a_line(raw: bytes) -> bytes:
    return raw[: raw.rfind(b"\n", 0, len(raw) // 2) + 1]


TABLELESS = (
    "# MiniMax in brief\n\n## History\n\nMiniMax was founded in December 2021 in Shanghai.\n\n"
    "## Products\n\n- Talkie, a companion app\n- Hailuo AI, an assistant\n\n"
    "Its models are trained on GPUs rented in 2023.\n"
)


def broken_documents() -> list[Broken]:
    interview, abstract = _seed(INTERVIEW), _seed(ABSTRACT)
    utf8_error = "not valid UTF-8"
    long_line = "a line of 1,000,000 characters"
    return [
        Broken("empty", "010_empty.txt", b"", "010_empty.txt", "empty"),
        Broken("blank", "011_blank.txt", b" \n\t\n\n", "011_blank.txt", "empty"),
        Broken("binary", "012_binary.txt", bytes(range(256)) * 16, "012_binary.txt", utf8_error),
        Broken(
            "utf-16",
            "013_utf16.txt",
            abstract.decode("utf-8").encode("utf-16"),
            "013_utf16.txt",
            utf8_error,
        ),
        Broken(
            "latin-1",
            "014_latin1.txt",
            "Junjie Yan: café, naïve, résumé — 2024\n".encode("latin-1", "replace"),
            "014_latin1.txt",
            utf8_error,
        ),
        Broken(
            "cut inside a character",
            "015_cut.txt",
            _cut_inside_a_character(interview),
            "015_cut.txt",
            utf8_error,
        ),
        Broken(
            "1 MB on one line",
            "016_line.txt",
            (b"MiniMax scaling laws in 2024 " * 40_000)[:MEGABYTE],
            "016_line.txt",
            long_line,
        ),
        Broken(
            "1 MB line in a markdown article",
            "017_article.txt",
            b"# MiniMax\n\n## History\n\n" + (b"M2 shipped in June 2025. " * 40_000)[:MEGABYTE],
            "017_article.txt",
            long_line,
        ),
        Broken("NUL bytes", "018_nul.txt", b"a\x00b\x00\n" * 100, "018_nul.txt", "document form"),
        Broken(
            "seed cut short",
            INTERVIEW,
            interview[: len(interview) // 3],
            "curated.toml",
            "evidence",
        ),
        Broken("half a seed, cut at a line", "019_half.txt", _cut_at_a_line(abstract), None),
        Broken("table-less markdown", "020_tableless.txt", TABLELESS.encode(), None),
    ]
