"""The numbered Q&A abstract parser: the real abstract, and new abstracts in the same form."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from bot.domain.records import DocumentKind, ParsedDocument, PassageKind, PersonMention
from bot.ingest.forms.abstract import parse
from bot.ingest.repair import repair_text

SEED = Path(__file__).resolve().parents[2] / "seeds" / "002_8d76a87ad898c4a7.txt"
SECTIONS = [
    "[01] MiniMax's Founding and AGI Belief",
    "[02] MiniMax's Technology Roadmap",
    "[03] MiniMax's Product Strategy",
    "[04] Talent and Organization",
]

ACME = """\
与 Acme 的对话:小模型,大上下文

📝 Summary

The piece profiles Acme, a robotics startup, and its co-founder Ada Park. It covers hands.

❓ Questions

[01] Beginnings

1. Why did Ada Park start Acme? She wanted robots that fold laundry. Nobody else did.

2. Who funded it? Friends and family, then a seed round.

[02] Outlook

1. What comes next? More hands, and cheaper ones.
"""

CHINESE = """\
对话:小模型

[01] 开始

1. 为什么创业？因为机器人需要手。

2. 谁投资了？朋友和家人。
"""


def assert_offsets(parsed: ParsedDocument) -> None:
    text = parsed.document.text
    assert [p.ordinal for p in parsed.passages] == list(range(len(parsed.passages)))
    for passage in parsed.passages:
        assert text[passage.start : passage.end] == passage.text
    for person in parsed.people:
        assert person.evidence in parsed.passages[person.passage].text


@pytest.fixture(scope="module")
def abstract() -> ParsedDocument:
    raw = SEED.read_bytes()
    return parse(SEED.name, repair_text(raw, SEED.name), hashlib.sha256(raw).hexdigest())


def test_document(abstract: ParsedDocument) -> None:
    document = abstract.document
    assert document.title == "对话 MiniMax 闫俊杰:AGI 不是大杀器,是普通人每天用的产品"
    assert document.language == "en"  # by the body: the title alone is Chinese
    assert (document.kind, document.outlet, document.published) == (
        DocumentKind.ABSTRACT,
        None,
        None,
    )


def test_passages(abstract: ParsedDocument) -> None:
    assert_offsets(abstract)
    assert len(abstract.passages) == 24
    assert Counter(p.kind for p in abstract.passages) == {
        PassageKind.HEADING: 7,
        PassageKind.PARAGRAPH: 1,
        PassageKind.QUESTION: 8,
        PassageKind.ANSWER: 8,
    }
    headings = [
        (p.text, p.heading_path) for p in abstract.passages if p.kind is PassageKind.HEADING
    ]
    assert headings == [
        (abstract.document.title, ()),
        ("🌈 Abstract", ()),
        ("🙋 Q&A", ()),
        *((section, ("Q&A",)) for section in SECTIONS),
    ]
    summary = abstract.passages[2]
    assert summary.kind is PassageKind.PARAGRAPH and summary.heading_path == ("Abstract",)
    assert summary.text.startswith("The article profiles MiniMax")


def test_each_item_is_a_question_and_an_answer(abstract: ParsedDocument) -> None:
    question, answer = abstract.passages[5:7]
    assert question.kind is PassageKind.QUESTION and answer.kind is PassageKind.ANSWER
    assert question.text == (
        "1. What was Yanjunjie's motivation for founding MiniMax before the release of ChatGPT?"
    )
    assert answer.text.startswith("Yanjunjie founded MiniMax in late 2021, before the release")
    assert answer.text.endswith("believed in the long-term progress of AGI technology.")
    assert question.heading_path == answer.heading_path == ("Q&A", SECTIONS[0])
    assert answer.start == question.end + 1
    last = [p for p in abstract.passages if p.kind is PassageKind.QUESTION][-1]
    assert last.text == (
        "2. How does Yanjunjie approach talent management and building a strong R&D team "
        "at MiniMax?"
    )
    assert last.heading_path == ("Q&A", SECTIONS[3])


def test_summaries_are_not_quotes_and_the_founder_is_named(abstract: ParsedDocument) -> None:
    assert abstract.quotes == ()
    assert abstract.people == (
        PersonMention(
            name="Yanjunjie", role="founder", passage=2, evidence="its founder Yanjunjie"
        ),
    )


def test_a_new_abstract_parses_with_no_code_change() -> None:
    parsed = parse("acme.txt", ACME, "0" * 64)
    assert_offsets(parsed)
    assert parsed.document.title == "与 Acme 的对话:小模型,大上下文"
    assert parsed.document.language == "en"
    kinds = [(p.kind, p.heading_path) for p in parsed.passages]
    assert kinds == [
        (PassageKind.HEADING, ()),
        (PassageKind.HEADING, ()),
        (PassageKind.PARAGRAPH, ("Summary",)),
        (PassageKind.HEADING, ()),
        (PassageKind.HEADING, ("Questions",)),
        (PassageKind.QUESTION, ("Questions", "[01] Beginnings")),
        (PassageKind.ANSWER, ("Questions", "[01] Beginnings")),
        (PassageKind.QUESTION, ("Questions", "[01] Beginnings")),
        (PassageKind.ANSWER, ("Questions", "[01] Beginnings")),
        (PassageKind.HEADING, ("Questions",)),
        (PassageKind.QUESTION, ("Questions", "[02] Outlook")),
        (PassageKind.ANSWER, ("Questions", "[02] Outlook")),
    ]
    assert parsed.passages[5].text == "1. Why did Ada Park start Acme?"
    assert parsed.passages[6].text == "She wanted robots that fold laundry. Nobody else did."
    assert parsed.passages[7].text == "2. Who funded it?"
    assert parsed.passages[8].text == "Friends and family, then a seed round."
    assert parsed.quotes == ()
    assert [(p.name, p.role, p.evidence) for p in parsed.people] == [
        ("Ada Park", "co-founder", "its co-founder Ada Park")
    ]


def test_a_chinese_abstract_is_chinese() -> None:
    parsed = parse("zh.txt", CHINESE, "0" * 64)
    assert_offsets(parsed)
    assert parsed.document.language == "zh"
    questions = [p.text for p in parsed.passages if p.kind is PassageKind.QUESTION]
    answers = [p.text for p in parsed.passages if p.kind is PassageKind.ANSWER]
    assert questions == ["1. 为什么创业？", "2. 谁投资了？"]
    assert answers == ["因为机器人需要手。", "朋友和家人。"]
