"""/ask autocomplete: questions the index answers, fitting what is typed, within Discord's
limits; every question offered on the seeds is answered."""

from __future__ import annotations

import pytest

from bot.queries.ask import ask
from bot.queries.ask.knowledge import knowledge
from bot.queries.ask.suggest import COMPANY_QUESTIONS, MAX_CHOICES, ask_choices
from bot.queries.corpus import Corpus
from bot.queries.results import AskAnswer


@pytest.fixture
async def read(corpus: Corpus) -> Corpus:
    """The corpus once a question has read its facts, as in a bot that has served one."""
    await knowledge(corpus)
    return corpus


async def test_before_any_question_the_companys_own_are_offered(corpus: Corpus) -> None:
    assert {c.value for c in ask_choices(corpus.catalog, "")} <= set(COMPANY_QUESTIONS)


async def test_every_question_offered_is_answered(read: Corpus) -> None:
    corpus = read
    offered = {
        c.value
        for typed in ("", "when", "what", "who", "how", "什么", "是谁", "参数")
        for c in ask_choices(corpus.catalog, typed)
    }
    offered |= {c.value for c in ask_choices(corpus.catalog, "MiniMax")}
    assert len(offered) > 20
    for question in sorted(offered):
        found = await ask(corpus, question)
        assert isinstance(found, AskAnswer) and found.outcome == "answered", question
        assert found.facts or found.quote is not None or found.happening is not None, question


def test_what_is_typed_narrows_the_questions(read: Corpus) -> None:
    corpus = read
    choices = ask_choices(corpus.catalog, "context M2")
    assert choices and all("context" in c.value and "M2" in c.value for c in choices)
    assert any(c.value == "what is the context window of MiniMax-M2" for c in choices)
    assert ask_choices(corpus.catalog, "when was minimax fou")[0].value == (
        "when was MiniMax founded"
    )


def test_chinese_typing_gets_chinese_questions_first(read: Corpus) -> None:
    corpus = read
    choices = ask_choices(corpus.catalog, "成立")
    assert choices[0].value == "MiniMax 什么时候成立的"
    assert ask_choices(corpus.catalog, "闫俊杰")[0].value == "闫俊杰 是谁"


def test_within_discords_limits(read: Corpus) -> None:
    corpus = read
    for typed in ("", "a", "MiniMax", "x" * 500, "🚀"):
        choices = ask_choices(corpus.catalog, typed)
        assert len(choices) <= MAX_CHOICES
        assert all(0 < len(c.name) <= 100 and 0 < len(c.value) <= 100 for c in choices)
    assert ask_choices(corpus.catalog, "zqxjv") == []
