"""The team's reading of the documents, quotes, events and everyday questions holds to the text:
every evidence is verbatim in its document, the required keys are there, ids are unique, and the
precisions and kinds come from their small sets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.gold.corpus import document_text, is_verbatim, load, seed_files

PRECISIONS = {"day", "month", "part", "year", "relative", "ambiguous"}
QUOTE_KINDS = {"answer", "one_liner", "narrative_quote", "article_quote", "question"}
EVENT_KINDS = {
    "founding",
    "funding",
    "valuation",
    "release",
    "publication",
    "first",
    "milestone",
    "hire",
    "departure",
    "birth",
    "award",
    "appearance",
    "meeting",
    "incident",
    "recording",
}
QUESTION_KINDS = {
    "when",
    "who",
    "how_many",
    "how_much",
    "what_is",
    "yes_no",
    "which",
    "what_said",
    "other",
}
FILES = ("documents", "quotes", "events", "questions")


def cited_passages(node: Any, doc: str | None = None) -> Iterator[tuple[str, str]]:
    """Every (doc, passage) the node cites: `evidence` anywhere, and the values of a `cites` table;
    an entry's `doc` holds for what it contains unless a nested entry names its own."""
    if isinstance(node, list):
        for item in node:
            yield from cited_passages(item, doc)
        return
    if not isinstance(node, dict):
        return
    doc = node.get("doc", doc)
    for key, value in node.items():
        if key == "evidence" and isinstance(value, str) and doc is not None:
            yield doc, value
        elif key == "cites" and isinstance(value, dict) and doc is not None:
            for passage in value.values():
                yield doc, passage
        else:
            yield from cited_passages(value, doc)


@pytest.mark.parametrize("name", FILES)
def test_every_evidence_is_verbatim_in_its_document(name: str) -> None:
    files = set(seed_files())
    passages = list(cited_passages(load(name)))
    assert passages
    for doc, passage in passages:
        assert doc in files, f"{name}: unknown document {doc}"
        assert len(passage.split()) >= 2 or not passage.isascii(), (
            f"{name}: token, not a passage: {passage!r}"
        )
        assert is_verbatim(doc, passage), f"{name}: not verbatim in {doc}: {passage!r}"


def test_documents_are_the_four_seeds_with_who_speaks() -> None:
    documents = load("documents")["document"]
    assert sorted(d["doc"] for d in documents) == seed_files()
    for document in documents:
        for key in ("form", "title", "publisher", "original_outlet", "authors", "editors", "date"):
            assert key in document, f"{document['doc']}: missing {key}"
        assert document["precision"] in PRECISIONS | {"none"}
        assert document["part"], f"{document['doc']}: no parts"
    by_file = {d["doc"]: d for d in documents}
    interview = by_file["001_ee2c00c8cd1ea3f4.txt"]
    assert interview["date"] == "2024-04-18"
    assert interview["original_outlet"].startswith("LatePost")
    assert interview["authors"] == ["Cheng Manqi"] and interview["editors"] == ["Song Wei"]


def interviewer_lines() -> list[str]:
    text = document_text("001_ee2c00c8cd1ea3f4.txt")
    return [" ".join(line.split()) for line in text.splitlines() if line.startswith("· LatePost:")]


def test_quotes_are_verbatim_and_never_give_the_interviewer_s_line_to_the_ceo() -> None:
    quotes = load("quotes")["quote"]
    assert len(quotes) >= 60
    asked = interviewer_lines()
    for quote in quotes:
        for key in ("speaker", "text", "doc", "kind", "evidence"):
            assert quote.get(key), f"quote missing {key}: {quote}"
        assert quote["kind"] in QUOTE_KINDS
        assert is_verbatim(quote["doc"], quote["text"]), (
            f"quote text not verbatim: {quote['text']!r}"
        )
        assert " ".join(quote["text"].split()) in " ".join(quote["evidence"].split())
        if "Yan" in quote["speaker"] or quote["speaker"] == "IO":
            spoken = " ".join(quote["text"].split())
            assert not any(spoken in line for line in asked), (
                f"interviewer's line given to Yan: {spoken!r}"
            )
    kinds = {quote["kind"] for quote in quotes}
    assert {"answer", "one_liner", "narrative_quote", "article_quote"} <= kinds


def test_events_have_unique_ids_kinds_and_dated_sources() -> None:
    gold = load("events")
    events = gold["event"]
    assert len(events) >= 40
    ids = [event["id"] for event in events]
    assert len(ids) == len(set(ids))
    for event in events:
        assert event["kind"] in EVENT_KINDS, event["id"]
        assert event["what"], event["id"]
        assert event["dates"], event["id"]
        for dated in event["dates"]:
            for key in ("date", "precision", "doc", "evidence"):
                assert dated.get(key), f"{event['id']}: a date without {key}"
            assert dated["precision"] in PRECISIONS, event["id"]
            if dated["precision"] in {"relative", "ambiguous"}:
                assert dated.get("note"), (
                    f"{event['id']}: a {dated['precision']} date needs its anchor"
                )
            if dated["precision"] == "month":
                assert re.fullmatch(r"\d{4}-\d{2}", dated["date"]), event["id"]
            if dated["precision"] == "year":
                assert re.fullmatch(r"\d{4}", dated["date"]), event["id"]
    founding = next(event for event in events if event["id"] == "minimax-founded")
    assert {d["doc"][:3] for d in founding["dates"]} >= {"001", "002", "003"}
    not_events = gold["not_event"]
    assert len(not_events) >= 10
    for entry in not_events:
        assert entry["why"]
        assert is_verbatim(entry["doc"], entry["text"]), entry["text"]


def test_questions_cover_kinds_and_both_languages() -> None:
    questions = load("questions")["question"]
    assert len(questions) >= 130
    assert sum(q["lang"] == "zh" for q in questions) >= 40
    uncovered = 0
    for question in questions:
        for key in ("q", "lang", "kind", "expect"):
            assert question.get(key), f"question missing {key}: {question}"
        assert question["lang"] in {"en", "zh"}
        assert question["kind"] in QUESTION_KINDS, question["q"]
        if question["expect"] == "not covered":
            uncovered += 1
        else:
            assert question.get("doc") and question.get("evidence"), question["q"]
    assert uncovered >= 3
    asked = {question["q"] for question in questions}
    for example in (
        "when was MiniMax founded",
        "who invested in MiniMax",
        "how many employees does MiniMax have",
        "does MiniMax own GPUs",
        "what is the context window of Text-01",
        "who led the Series B",
        "what did Yan say about scaling laws",
        "MiniMax 什么时候成立的",
        "闫俊杰是谁",
    ):
        assert example in asked, example
