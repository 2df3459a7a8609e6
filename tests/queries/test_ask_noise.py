"""/ask shows what is asked and nothing beside it: no other person's facts, no fact that
only shares a word with the question, no quote about another organisation (issue 15)."""

from __future__ import annotations

import pytest

from bot.queries.ask import ask
from bot.queries.ask.words import american
from bot.queries.corpus import Corpus
from bot.queries.results import AskAnswer


async def answered(corpus: Corpus, question: str) -> AskAnswer:
    found = await ask(corpus, question)
    assert isinstance(found, AskAnswer), found
    assert found.outcome == "answered", found
    return found


def subjects(answer: AskAnswer) -> set[str]:
    """Whom the fact lines are about: another subject than the answer's is named in front."""
    return {line.label.partition(" · ")[0] if " · " in line.label else "" for line in answer.facts}


@pytest.mark.parametrize("question", ["闫俊杰是谁", "颜俊杰是谁", "who is IO", "閆俊傑是誰"])
async def test_a_persons_short_name_does_not_take_in_another_person(
    corpus: Corpus, question: str
) -> None:
    # `Yan` is one of the CEO's spellings and begins `Yang Bin`: he is not a variant of him
    found = await answered(corpus, question)
    assert found.subject == "Junjie Yan"
    assert subjects(found) == {""}, [line.label for line in found.facts]
    assert "CEO" in " ".join(v.value for line in found.facts for v in line.values)


async def test_who_led_a_round_is_the_rounds_lead_not_people_who_led_something(
    corpus: Corpus,
) -> None:
    found = await answered(corpus, "who led the Series B")
    (line,) = found.facts
    assert line.label == "Investors"
    assert "Alibaba (lead)" in line.values[0].value


async def test_a_fact_that_names_the_subject_gives_way_to_its_own(corpus: Corpus) -> None:
    # Raquel Urtasun's fact names Yang Bin; his own role answers who he is
    found = await answered(corpus, "who is Yang Bin")
    assert subjects(found) == {""}, [line.label for line in found.facts]


@pytest.mark.parametrize("question", ["who is the CEO of MiniMax", "MiniMax 的 CEO 是谁"])
async def test_the_companys_ceo_not_another_companys(corpus: Corpus, question: str) -> None:
    found = await answered(corpus, question)
    assert subjects(found) == {"Junjie Yan"}, [line.label for line in found.facts]


async def test_the_founders_are_all_named_without_another_founding(corpus: Corpus) -> None:
    found = await answered(corpus, "who founded MiniMax")
    assert {"Junjie Yan", "Zhou Yucong", "Yang Bin"} <= subjects(found)
    assert found.quote is None or "Crossing" not in found.quote.text


async def test_how_many_is_answered_by_a_number_not_by_who(corpus: Corpus) -> None:
    found = await answered(corpus, "how many authors wrote the MiniMax-01 paper")
    assert all("Role" not in line.label for line in found.facts), found.facts
    assert "89" in " ".join(v.value for line in found.facts for v in line.values)


async def test_the_attribute_asked_for_answers_alone(corpus: Corpus) -> None:
    found = await answered(corpus, "who interviewed Junjie Yan for LatePost")
    assert [line.attribute for line in found.facts] == ["interviewer"]
    assert found.facts[0].values[0].value == "Cheng Manqi"


@pytest.mark.parametrize("question", ["what is MiniMax's revenue", "MiniMax 的營收是多少"])
async def test_another_organisations_passage_does_not_answer_about_the_company(
    corpus: Corpus, question: str
) -> None:
    # SenseTime's smart city group was its `major revenue source`: not MiniMax's revenue
    found = await ask(corpus, question)
    assert isinstance(found, AskAnswer)
    assert found.outcome == "not_covered"


async def test_a_british_spelling_finds_the_american_one(corpus: Corpus) -> None:
    found = await answered(corpus, "how is MiniMax organised")
    shown = " ".join("".join(s.text for s in hit.snippet) for hit in found.passages)
    assert "organization" in shown


async def test_what_is_x_is_answered_by_what_says_x_is(corpus: Corpus) -> None:
    found = await answered(corpus, "what is Lightning Attention")
    first = "".join(s.text for s in found.passages[0].snippet)
    assert first.startswith("Lightning Attention is MiniMax's proprietary attention mechanism")


@pytest.mark.parametrize(
    ("british", "american_form"),
    [
        ("organised", "organized"),
        ("organisation", "organization"),
        ("behaviour", "behavior"),
        ("centre", "center"),
        ("four", None),
        ("rise", None),
    ],
)
def test_american_spellings(british: str, american_form: str | None) -> None:
    assert american(british) == american_form
