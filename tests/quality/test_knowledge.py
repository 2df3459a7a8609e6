"""What the index knows of the team's reading, pinned for the classes at 95% or better: every
model and product has its card, every person resolves with a role from each document, and the
names of models, products and people resolve as a reader expects, never to another entity."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.queries.corpus import Corpus
from tests.quality.scoring import (
    Reading,
    Score,
    score_entities,
    score_names,
    score_people,
    score_quotes,
)

TARGET = 0.95


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    opened = await Corpus.open(indexed_seeds_db)
    yield opened
    await opened.close()


def assert_reaches_target(score: Score) -> None:
    assert score.share >= TARGET, (score.line(), score.wrong, score.missing)


async def test_every_model_and_product_has_its_card_kind_and_maker(corpus: Corpus) -> None:
    score = await score_entities(corpus, Reading.load())
    assert_reaches_target(score)
    assert score.wrong == []


async def test_every_person_resolves_with_a_role_from_each_document(corpus: Corpus) -> None:
    score = await score_people(corpus, Reading.load())
    assert_reaches_target(score)
    assert score.wrong == []


async def test_names_resolve_as_a_reader_expects_and_never_to_another_entity(
    corpus: Corpus,
) -> None:
    reading = Reading.load()
    assert_reaches_target(await score_names(corpus, reading, cards_only=True))
    assert (await score_names(corpus, reading)).wrong == []


async def test_no_quote_is_credited_to_someone_the_text_does_not_name(corpus: Corpus) -> None:
    # Quotes are at 94% of the reading (not pinned); none is wrong: an interviewer's line is
    # never the CEO's, and a quotation whose text names no one has no speaker.
    assert (await score_quotes(corpus)).wrong == []
