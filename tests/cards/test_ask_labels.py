"""/ask's labels for a Chinese reader: an English question's topic and facts in Chinese, in
the reader's script, with the people they name and the corpus's values as written."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from opencc import OpenCC

from bot.cards.build import card_for
from bot.commands import run_command
from bot.queries.corpus import Corpus

TODAY = date(2026, 6, 21)
HAN = range(0x4E00, 0xA000)
QUESTIONS = (
    "who founded MiniMax",
    "how many employees does MiniMax have",
    "what is the context window of M2",
    "MiniMax 有多少员工",
)


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    opened = await Corpus.open(indexed_seeds_db)
    yield opened
    await opened.close()


@pytest.mark.parametrize("question", QUESTIONS)
async def test_a_chinese_reader_gets_chinese_labels_in_their_script(
    corpus: Corpus, question: str
) -> None:
    answer = await run_command(corpus, "ask", {"question": question}, TODAY)
    english = card_for(answer)
    for locale in ("zh-CN", "zh-TW"):
        card = card_for(answer, locale)
        labels = [fact.label.rpartition(" · ")[2] for fact in card.facts]
        assert labels and all(any(ord(ch) in HAN for ch in label) for label in labels), labels
        if locale == "zh-TW":
            traditional = [OpenCC("s2tw").convert(label) for label in labels]
            assert labels == traditional, labels
        assert [f.values for f in card.facts] == [f.values for f in english.facts]
        people = [fact.label.rpartition(" · ")[0] for fact in card.facts]
        assert people == [fact.label.rpartition(" · ")[0] for fact in english.facts]


async def test_a_fact_question_no_fact_answers_says_so_above_the_nearest(corpus: Corpus) -> None:
    """Passages lead, never a wrong fact: the reader is told the corpus states no fact."""
    answer = await run_command(
        corpus, "ask", {"question": "how much did MiniMax raise in its Series B"}, TODAY
    )
    card = card_for(answer)
    assert not card.facts
    assert "The corpus does not state it as a fact: what it says nearest is below." in card.notices
    stated = await run_command(corpus, "ask", {"question": "is MiniMax open source"}, TODAY)
    assert card_for(stated).facts
    assert not any("as a fact" in notice for notice in card_for(stated).notices)
