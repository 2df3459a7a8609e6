"""Sources, about and disagreements over the real seeds."""

from __future__ import annotations

import importlib.metadata
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.queries.about import about, disagreements, sources, version
from bot.queries.corpus import Corpus
from bot.queries.results import Disagreement, Timeline
from bot.queries.timeline import timeline
from bot.store import CorpusStore


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    corpus = await Corpus.load(await CorpusStore.open(indexed_seeds_db))
    yield corpus
    await corpus.close()


def by_attribute(found: tuple[Disagreement, ...], attribute: str) -> Disagreement:
    [one] = [d for d in found if d.attribute == attribute]
    return one


def cited(disagreement: Disagreement) -> dict[str, list[str]]:
    """value -> the files (by number) that state it."""
    return {v.value: [c.source.file[:3] for c in v.citations] for v in disagreement.values}


async def test_sources_lists_the_four_documents(corpus: Corpus) -> None:
    found = await sources(corpus)
    assert [s.source.file[:3] for s in found] == ["000", "001", "002", "003"]
    outlets = {s.source.file[:3]: s.source.outlet for s in found}
    assert outlets["000"] == "Crossing" and outlets["001"] == "LatePost"
    interview = found[1]
    assert interview.source.kind.value == "interview"
    assert interview.source.published is not None
    assert interview.source.published.iso() == "2024-04-18"
    assert interview.quotes > 0 and interview.passages > interview.quotes
    assert all(s.passages > 0 for s in found)


async def test_source_counts_add_up(corpus: Corpus) -> None:
    found = await sources(corpus)
    counts = await corpus.store.counts()
    assert sum(s.passages for s in found) == counts["passages"]
    assert sum(s.quotes for s in found) == counts["quotes"]
    whole = await timeline(corpus)
    assert isinstance(whole, Timeline)
    # each document counts the happenings it tells; a happening two documents tell counts twice
    assert sum(s.events for s in found) >= whole.total
    assert all(0 < s.events <= whole.total for s in found)


async def test_about(corpus: Corpus) -> None:
    answer = await about(corpus)
    assert answer.counts["documents"] == 4
    assert answer.counts["conflicts"] == len(answer.disagreements)
    assert answer.sources == await sources(corpus)
    assert answer.version == importlib.metadata.version("minimax-bot")
    team = by_attribute(answer.disagreements, "team_size")
    assert (team.subject, team.label) == ("MiniMax", "Team size")
    # The two facts that disagree, then the claims the curated file adds to them.
    assert list(cited(team).items())[:2] == [
        ("roughly 300 people", ["001"]),
        ("~200 employees (as of 2024)", ["003"]),
    ]
    assert cited(team)["~200 people"] == ["003"]
    assert team.kind == "number" and team.note is not None and "300" in team.note
    moe = by_attribute(answer.disagreements, "first_moe_model_launch")
    assert moe.label == "First MoE model launched"
    assert sorted({f for files in cited(moe).values() for f in files}) == ["001", "003"]
    assert moe.files == ("001_ee2c00c8cd1ea3f4.txt", "003_2acd4246ab7622df.txt")
    assert any("April 2024" in v.value for v in moe.values)


async def test_every_disagreement_is_cited_verbatim(corpus: Corpus) -> None:
    for disagreement in await disagreements(corpus):
        assert len(disagreement.values) >= 2
        for value in disagreement.values:
            for citation in value.citations:
                text = await corpus.store.document_text(citation.source.file)
                assert text is not None and citation.evidence is not None
                assert citation.evidence in text
                assert citation.heading is None


@pytest.mark.parametrize("subject", ["Junjie Yan", "Yan Junjie", "颜俊杰", "junjie yan"])
async def test_disagreements_of_one_subject_by_any_spelling(corpus: Corpus, subject: str) -> None:
    found = await disagreements(corpus, subject)
    assert all(d.subject == "Junjie Yan" or "Junjie Yan" in d.about for d in found)
    (name,) = [d for d in found if d.attribute == "chinese_name"]
    assert set(cited(name)) == {"闫俊杰", "颜俊杰"}
    assert {d.attribute for d in found} >= {"chinese_name", "age", "sensetime_role"}


async def test_disagreements_filters(corpus: Corpus) -> None:
    everything = await disagreements(corpus)
    assert await disagreements(corpus, None) == everything
    assert await disagreements(corpus, "  ") == everything
    minimax = await disagreements(corpus, "minimax")
    assert {d.attribute for d in minimax} >= {"team_size", "first_moe_model_launch"}
    assert all(d.subject == "MiniMax" or "MiniMax" in d.about for d in minimax)
    for nobody in ("nobody at all", "'; DROP TABLE conflicts;--", "🚀", "x" * 500):
        assert await disagreements(corpus, nobody) == ()
    assert await disagreements(corpus) == everything


def test_version_without_package_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert version() == "unknown"
