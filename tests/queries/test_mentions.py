"""Finding where the corpus names something: whole names only, shown in short excerpts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.queries.corpus import Corpus
from bot.queries.mentions import excerpt, mentions_of, name_pattern


def test_excerpts_are_cut_between_words_around_the_name() -> None:
    text = " ".join(f"word{i}" for i in range(200)) + " M3 is here " + "tail " * 100
    start = text.index("M3")
    cut = excerpt(text, start, start + 2)
    assert "M3" in cut and cut.startswith("…") and cut.endswith("…")
    assert len(cut) <= 302
    inner = cut.strip("…")
    at = text.index(inner)
    assert text[at - 1] == " " and text[at + len(inner)] == " "
    assert excerpt("short M3 text", 6, 8) == "short M3 text"


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [("M2", "MiniMax M2 ships", True), ("M2", "M2.5 ships", False), ("M3", "m3 units", False),
     ("MiniMax-M1", "MiniMax-M1-40K", False), ("ABAB 6.5", "the abab 6.5 series", True),
     ("Glow", "a faint glow", False), ("10T model", "a 10T-scale model", False)],
)  # fmt: skip
def test_a_name_is_found_only_as_itself(name: str, text: str, found: bool) -> None:
    assert bool(name_pattern(name).search(text)) is found


@given(st.text(max_size=400), st.integers(0, 400), st.integers(0, 20))
def test_an_excerpt_is_short_and_keeps_the_name(text: str, start: int, size: int) -> None:
    start = min(start, len(text))
    end = min(start + size, len(text))
    cut = excerpt(text, start, end)
    assert len(cut) <= 302 + size
    assert text[start:end].strip() in cut


async def test_mentions_come_in_document_order_within_the_limit(corpus: Corpus) -> None:
    found = await mentions_of(corpus, ["ChatGPT"], limit=3)
    assert len(found) == 3
    places = [(m.citation.source.file, m.citation.heading) for m in found]
    assert all(file == "001_ee2c00c8cd1ea3f4.txt" for file, _ in places)
    assert all("ChatGPT" in m.text for m in found)


@pytest.mark.parametrize("names", [[], [""], ["🚀"], ['" OR "'], ["NEAR(a b)"], ["zzzzzz"]])
async def test_names_with_no_words_or_no_passages_have_no_mentions(
    corpus: Corpus, names: list[str]
) -> None:
    assert await mentions_of(corpus, names) == ()
