"""Every disagreement of the team's reading is stored with its claims (the target is 95%: 34 of
35), every claim cited verbatim; no card says "the sources agree" of what one document alone
covers; every obvious error of the corpus is flagged, as written, on its subject's card."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.queries.corpus import Corpus
from bot.queries.disagreements import disagreements
from tests.quality.scoring_disagreements import score_agreements, score_corpus_errors
from tests.quality.scoring_events import score_disagreements

TARGET = 0.95


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    opened = await Corpus.open(indexed_seeds_db)
    yield opened
    await opened.close()


async def test_the_readings_disagreements_are_stored_with_their_claims(corpus: Corpus) -> None:
    score = await score_disagreements(corpus)
    assert score.share >= TARGET, (score.line(), score.missing)


async def test_every_claim_is_cited_verbatim_and_says_whose_note_is_whose(corpus: Corpus) -> None:
    found = await disagreements(corpus)
    assert len(found) >= 35
    for item in found:
        assert len(item.values) >= 2, item
        assert item.kind in {"number", "date", "name", "characterisation", "order"}, item
        for value in item.values:
            for citation in value.citations:
                text = await corpus.store.document_text(citation.source.file)
                assert text is not None and citation.evidence is not None
                assert citation.evidence in text


async def test_no_card_says_the_sources_agree_of_one_documents_subject(corpus: Corpus) -> None:
    score = await score_agreements(corpus)
    assert score.wrong == [], score.wrong


async def test_every_corpus_error_is_flagged_on_its_subjects_card(corpus: Corpus) -> None:
    score = await score_corpus_errors(corpus)
    assert score.missing == [], score.missing
