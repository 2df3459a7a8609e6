"""Three /ask answers a reader judged wrong or cluttered (issue 15): `open source` is no
compute source and a quote about another company's open-sourcing answers nothing about
MiniMax's; one founder's role worded five ways is two values; a document's credits answer
only questions about the document, not what someone said about a word of its title."""

from __future__ import annotations

import pytest

from bot.queries.ask import ask
from bot.queries.corpus import Corpus
from bot.queries.results import AskAnswer, FactLine


async def answered(corpus: Corpus, question: str) -> AskAnswer:
    found = await ask(corpus, question)
    assert isinstance(found, AskAnswer), found
    assert found.outcome == "answered", found
    return found


def values(answer: AskAnswer) -> str:
    return " | ".join(v.value for line in answer.facts for v in line.values)


@pytest.mark.parametrize(
    "question",
    [
        "is MiniMax open source",
        "which MiniMax models are open source",
        "does MiniMax open-source its models",
        "MiniMax 开源吗",
    ],
)
async def test_the_companys_open_source_is_what_its_models_licences_say(
    corpus: Corpus, question: str
) -> None:
    found = await answered(corpus, question)
    said = values(found)
    assert "MIT/Apache licensed, fully open-weight" in said, said
    assert "MIT (fully open, commercial use allowed)" in said, said
    assert {line.attribute for line in found.facts} <= {"open_source", "licence", "license"}
    assert "compute" not in said.casefold()
    assert not any(line.disputed for line in found.facts)
    assert found.quote is None or "Mistral" not in (found.quote.question or ""), found.quote


async def test_a_models_open_source_is_its_own_fact(corpus: Corpus) -> None:
    for question, expected in (
        ("is Text-01 open source", "no"),
        ("M2 是开源的吗", "MIT (fully open, commercial use allowed)"),
    ):
        found = await answered(corpus, question)
        assert [v.value for line in found.facts for v in line.values] == [expected], question


def _role_of(answer: AskAnswer, person: str) -> FactLine:
    return next(line for line in answer.facts if line.label.startswith(f"{person} · "))


async def test_a_role_worded_alike_is_one_value_with_every_citation(corpus: Corpus) -> None:
    found = await answered(corpus, "who founded MiniMax")
    line = _role_of(found, "Junjie Yan")
    shown = [v.value for v in line.values]
    # `MiniMax founder`, `founder`, `MiniMax's founder`: one; `Co-founder & CEO`, `CEO &
    # Co-founder`: one; the first source's wording, every citation kept
    assert shown == ["MiniMax founder", "Co-founder & CEO"], shown
    assert [len(v.citations) for v in line.values] == [3, 2]
    zhou = _role_of(found, "Zhou Yucong")  # other words: two values still
    assert [v.value for v in zhou.values] == ["Co-founder", "Co-founder & Head of Algorithms"]


@pytest.mark.parametrize(
    "question",
    ["what did Yan say about AGI", "what did Junjie Yan say about AGI", "闫俊杰怎么看 AGI"],
)
async def test_what_someone_said_is_their_quote_not_the_documents_credits(
    corpus: Corpus, question: str
) -> None:
    found = await answered(corpus, question)
    assert not [
        line for line in found.facts if line.attribute in ("interviewer", "editor", "outlet")
    ]
    assert found.quote is not None and found.quote.speaker == "Junjie Yan"
    assert "atomic bomb" in found.quote.text


async def test_how_someone_defines_a_thing_is_the_quote_that_gives_the_definition(
    corpus: Corpus,
) -> None:
    found = await answered(corpus, "how does Yan define AGI")
    assert not found.facts
    assert found.quote is not None and "stop thinking of AI as AI" in found.quote.text


async def test_a_documents_credits_answer_questions_about_the_document(corpus: Corpus) -> None:
    credits = {
        "who interviewed Junjie Yan for LatePost": ("interviewer", "Cheng Manqi"),
        "who edited the LatePost interview": ("editor", "Song Wei"),
        "which outlet did the interview first appear in": ("outlet", "LatePost"),
    }
    for question, (attribute, expected) in credits.items():
        found = await answered(corpus, question)
        said = {line.attribute: line.values[0].value for line in found.facts}
        assert said.get(attribute) == expected, (question, said)
