"""search on the real seeds, and the word helpers quotes share with it."""

from __future__ import annotations

import pytest

from bot.queries.corpus import Corpus
from bot.queries.results import Problem, SearchResults, Segment
from bot.queries.search import closest_term, fold, query_words, respell, search, segments

LATEPOST = "001_ee2c00c8cd1ea3f4.txt"
MARKERS = ("\ue000", "\ue001")


def results(found: SearchResults | Problem) -> SearchResults:
    assert isinstance(found, SearchResults), found
    return found


def plain(hit_segments: tuple[Segment, ...]) -> str:
    return "".join(segment.text for segment in hit_segments)


async def all_hits(corpus: Corpus, query: str) -> list[str]:
    first = results(await search(corpus, query, per_page=25))
    texts = [plain(hit.snippet) for hit in first.hits]
    for page in range(1, first.page_count):
        texts += [plain(h.snippet) for h in results(await search(corpus, query, page=page)).hits]
    return texts


async def test_gpus(corpus: Corpus) -> None:
    found = results(await search(corpus, "GPUs"))
    assert (found.query, found.page) == ("GPUs", 0)
    assert found.total >= 5 and found.page_count == -(-found.total // 5)
    ours = [hit for hit in found.hits if "We don't own a single GPU" in plain(hit.snippet)]
    assert len(ours) == 1
    hit = ours[0]
    marked = [segment.text for segment in hit.snippet if segment.highlight]
    assert marked and all("gpu" in text.lower() for text in marked)
    assert hit.citation.source.file == LATEPOST
    assert hit.citation.source.outlet == "LatePost"
    assert hit.citation.heading == '"Everything only becomes good when taken to the extreme"'


async def test_no_markers_or_raw_whitespace_reach_the_text(corpus: Corpus) -> None:
    for query in ("GPUs", "lightning attention", "MoE", "Glow"):
        for hit in results(await search(corpus, query, per_page=25)).hits:
            for segment in hit.snippet:
                assert segment.text
                assert not any(marker in segment.text for marker in MARKERS)
                assert "\n" not in segment.text


async def test_snippets_are_short_excerpts(corpus: Corpus) -> None:
    for hit in results(await search(corpus, "compute", per_page=25)).hits:
        assert len(plain(hit.snippet).split()) <= 45


async def test_pages(corpus: Corpus) -> None:
    first = results(await search(corpus, "MoE", per_page=3))
    assert first.page_count > 2
    second = results(await search(corpus, "MoE", page=1, per_page=3))
    assert second.page == 1 and len(second.hits) == 3
    assert [plain(h.snippet) for h in first.hits] != [plain(h.snippet) for h in second.hits]


async def test_a_page_past_the_end_is_the_last_page(corpus: Corpus) -> None:
    found = results(await search(corpus, "GPUs", page=99))
    assert found.page == found.page_count - 1
    assert 1 <= len(found.hits) <= 5
    assert found.total - found.page * 5 == len(found.hits)
    assert results(await search(corpus, "GPUs", page=-4)).page == 0


async def test_every_match_is_reachable_once(corpus: Corpus) -> None:
    found = results(await search(corpus, "GPUs"))
    assert len(await all_hits(corpus, "GPUs")) == found.total


async def test_nothing_to_search(corpus: Corpus) -> None:
    for query in ("", "   ", "🚀", '"', "*", "\u200b"):
        found = await search(corpus, query)
        assert found == Problem("Nothing to search for: type a few words.")


async def test_nothing_found(corpus: Corpus) -> None:
    found = results(await search(corpus, "zqxjv wvvkpq"))
    assert (found.hits, found.total, found.page_count) == ((), 0, 0)


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("lightnin atention", "lightning attention"),
        ("lightn", "lightn"),
        ("GPUz", "gpu"),  # gpu and gpus are one slip away: the commoner wins
    ],
)
async def test_typos_and_prefixes(corpus: Corpus, typed: str, searched: str) -> None:
    found = results(await search(corpus, typed))
    assert found.query == searched
    assert found.hits


@pytest.mark.parametrize(
    "text",
    ["NEAR(GPU, 2)", "GPU*", "GPU OR MoE", "-GPU", "^GPU", "text:GPU", "'; DROP TABLE x;--"],
)
async def test_fts_syntax_is_inert(corpus: Corpus, text: str) -> None:
    found = await search(corpus, text)
    assert isinstance(found, SearchResults | Problem)


async def test_long_and_emoji_input(corpus: Corpus) -> None:
    assert isinstance(await search(corpus, "GPU " * 200), SearchResults)
    found = results(await search(corpus, "🚀 GPUs 🔥"))
    assert found.query == "GPUs" and found.hits


def test_query_words() -> None:
    assert query_words("Scaling laws, GPUs!") == ["Scaling", "laws", "GPUs"]
    assert query_words("sca\u200bling") == ["scaling"]
    assert query_words("MiniMax-M2 颜俊杰") == ["MiniMax", "M2", "颜俊杰"]
    assert query_words("🚀 * \"'") == []
    assert len(query_words("word " * 100)) == 16


def test_respelling() -> None:
    vocabulary = {"scaling": 6, "laws": 6, "law": 1, "customer": 2, "the": 80}
    assert fold("Café") == "cafe"
    assert closest_term("scalling", vocabulary) == "scaling"
    assert closest_term("lawz", vocabulary) == "laws"  # a tie goes to the commoner word
    assert closest_term("custmer", vocabulary) == "customer"
    assert closest_term("teh", vocabulary) is None  # too short to guess
    assert respell(["Scalling", "lawz", "qqqqqq"], vocabulary) == ["scaling", "laws"]


def test_segments() -> None:
    found = segments("…uses the \ue000GPUs\ue001 in\n practice ")
    assert found == (
        Segment("…uses the ", False),
        Segment("GPUs", True),
        Segment(" in practice", False),
    )
    assert segments("") == ()
