"""The team's reading of entities, names, people and disagreements holds to the corpus: every
evidence is word for word in its document, every alias a form the corpus writes, every name to
resolve points at an entity or person of the reading, and nothing the issues need is missing."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from tests.gold.corpus import document_text, is_verbatim, load, seed_files

ENTITY_KINDS = frozenset(
    {
        "model", "product", "app", "platform", "company", "investor", "organisation", "outlet",
        "paper", "series", "program", "event", "award", "competition", "benchmark", "technique",
        "concept", "hardware", "game", "film", "project", "community",
    }
)  # fmt: skip
DISAGREEMENT_KINDS = frozenset({"number", "date", "name", "characterisation", "order"})


def cited(entries: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Every (doc, evidence) pair in `entries`, at any depth."""
    found: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "evidence" in node:
                found.append((node["doc"], node["evidence"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(entries)
    return found


def all_text() -> str:
    return "\n".join(document_text(file) for file in seed_files())


def duplicates(values: list[str]) -> list[str]:
    return [value for value, count in Counter(values).items() if count > 1]


def entities() -> list[dict[str, Any]]:
    return list(load("entities")["entity"])


@pytest.mark.parametrize("name", ["entities", "people", "disagreements", "names"])
def test_every_evidence_is_verbatim_in_its_document(name: str) -> None:
    files = set(seed_files())
    pairs = [pair for table in load(name).values() for pair in cited(table)]
    assert pairs or name == "names"
    for doc, evidence in pairs:
        assert doc in files, doc
        assert len(evidence.split()) >= 2 or not evidence.isascii(), f"a single token: {evidence!r}"
        assert is_verbatim(doc, evidence), f"{doc}: {evidence!r}"


def test_entities_have_their_keys_a_kind_and_unique_names() -> None:
    rows = entities()
    assert len(rows) >= 150
    for entity in rows:
        assert {"name", "kind", "doc", "evidence"} <= entity.keys(), entity
        assert entity["kind"] in ENTITY_KINDS, entity["name"]
        for fact in entity.get("facts", []):
            assert {"attribute", "value", "doc", "evidence"} <= fact.keys(), entity["name"]
    assert duplicates([entity["name"] for entity in rows]) == []


def test_aliases_are_forms_the_corpus_writes_and_belong_to_one_entity() -> None:
    text = all_text()
    aliases = [alias for entity in entities() for alias in entity.get("aliases", [])]
    for alias in aliases:
        assert alias in text, alias
    assert duplicates(aliases + [entity["name"] for entity in entities()]) == []


def test_makers_and_families_are_entities_of_the_reading() -> None:
    known = {entity["name"] for entity in entities()}
    for entity in entities():
        for key in ("maker", "family"):
            if key in entity:
                assert entity[key] in known, (entity["name"], key, entity[key])


def test_the_entities_the_issue_names_are_all_there() -> None:
    names = {entity["name"] for entity in entities()}
    required = {
        "MiniMax", "GPT-4o", "GPT-4", "GPT-3.5", "DeepSeek-R1", "Qwen3-235B", "Gemini 2.0 Flash",
        "Mixtral", "Claude", "Claude Code", "Codex", "Character.AI", "Hailuo Platform",
        "Hailuo AI", "MiniMax Open Platform", "10T model", "3T model", "MiniMax-M1",
        "MiniMax-M1-40K", "MiniMax-M1-80K", "MiHoYo", "Moonshot AI", "SenseTime", "HongShan",
        "Tencent", "Alibaba", "MiniMax-01", "MiniMax-VL-01", "MiniMax-Text-01", "Yunqi Capital",
        "LatePost", "Crossing",
    }  # fmt: skip
    assert required <= names, required - names
    by_name = {entity["name"]: entity for entity in entities()}
    assert (
        by_name["MiniMax-M1-40K"]["family"] == by_name["MiniMax-M1-80K"]["family"] == "MiniMax-M1"
    )
    company = {fact["attribute"] for fact in by_name["MiniMax"]["facts"]}
    assert {"founded", "co_founder", "series_b", "valuation", "team_size", "products"} <= company
    assert {"strategy", "angel_investor", "founding_capital", "gpus"} <= company


def people() -> list[dict[str, Any]]:
    return list(load("people")["person"])


def test_people_have_roles_and_their_other_names_are_the_corpus_s() -> None:
    rows = people()
    assert len(rows) >= 60
    assert duplicates([person["name"] for person in rows]) == []
    text = all_text()
    for person in rows:
        assert person["roles"], person["name"]
        for role in person["roles"]:
            assert {"role", "doc", "evidence"} <= role.keys(), person["name"]
        for other in person.get("other_names", []):
            assert other in text, (person["name"], other)
    others = [other for person in rows for other in person.get("other_names", [])]
    assert duplicates(others + [person["name"] for person in rows]) == []


def test_the_ceo_carries_every_document_s_biography_and_the_hosts_and_editors_exist() -> None:
    by_name = {person["name"]: person for person in people()}
    ceo = by_name["Junjie Yan"]
    assert {role["doc"] for role in ceo["roles"]} == set(seed_files())
    assert {"闫俊杰", "颜俊杰", "IO", "Yanjunjie", "@YJJMinimax"} <= set(ceo["other_names"])
    for name in ("Chen Yu", "Robin Li", "Jensen Huang", "Cheng Manqi", "Song Wei", "Wei Wei"):
        assert name in by_name, name
    assert "Koji Yang Yuancheng" in by_name


def test_disagreements_hold_two_claims_of_a_known_kind_and_the_issue_s_are_there() -> None:
    reading = load("disagreements")
    rows = reading["disagreement"]
    assert len(rows) >= 30
    assert duplicates([row["id"] for row in rows + reading["agreement"]]) == []
    for row in rows:
        assert {"id", "subject", "attribute", "kind", "scope", "claims", "note"} <= row.keys()
        assert row["kind"] in DISAGREEMENT_KINDS, row["id"]
        assert len(row["claims"]) >= 2, row["id"]
        docs = {claim["doc"] for claim in row["claims"]}
        assert row["scope"] == ("within" if len(docs) == 1 else "between"), row["id"]
    required = {
        "team-size", "first-moe-model-date", "ceo-chinese-name", "moe-work-began",
        "consumer-vs-api-first", "first-investor", "gpu-ownership", "m1-context-multiplier",
        "tokens-per-chinese-character", "phase-order",
    }  # fmt: skip
    assert required <= {row["id"] for row in rows}


def test_agreements_and_corpus_errors_are_cited_and_errors_are_kept_as_written() -> None:
    reading = load("disagreements")
    for row in reading["agreement"]:
        docs = {claim["doc"] for claim in row["claims"]}
        assert row["scope"] == ("within" if len(docs) == 1 else "between"), row["id"]
    errors = {row["id"]: row for row in reading["corpus_error"]}
    assert {"hongshan-chinese", "kimi-label"} <= errors.keys()
    for row in errors.values():
        assert row["written"] in row["evidence"], row["id"]
    assert errors["hongshan-chinese"]["written"] == "鸿商"


def whole_name_in(text: str, name: str) -> bool:
    """Whether `name` occurs as a whole name (GPT-5 does not occur in GPT-5.5)."""
    return re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-]|\.\w)", text) is not None


def test_names_resolve_to_the_reading_and_never_to_a_trap() -> None:
    rows = load("names")["name"]
    assert len(rows) >= 120
    assert duplicates([row["typed"] for row in rows]) == []
    known = {entity["name"] for entity in entities()} | {person["name"] for person in people()}
    text = all_text()
    forms = {"corpus", "variant", "typo", "curated", "absent"}
    for row in rows:
        assert {"typed", "expect", "form", "why"} <= row.keys(), row
        assert row["form"] in forms, row["typed"]
        targets = [row["expect"], *row.get("candidates", []), *row.get("must_not", [])]
        for target in targets:
            assert target in known | {"ambiguous", "unknown"}, (row["typed"], target)
        assert (row["expect"] == "ambiguous") == bool(row.get("candidates")), row["typed"]
        assert not set(row.get("must_not", [])) & {row["expect"], *row.get("candidates", [])}
        if row["form"] == "corpus":
            assert row["typed"] in text, row["typed"]
        if row["form"] in ("curated", "absent"):
            assert not whole_name_in(text, row["typed"]), row["typed"]
        if row["form"] == "absent":
            assert row["expect"] == "unknown", row["typed"]


def test_the_issue_s_names_and_traps_are_in_the_reading() -> None:
    rows = {row["typed"]: row for row in load("names")["name"]}
    assert sum(1 for typed in rows if not typed.isascii()) >= 25
    for typed in ("MiniMax-M3", "MiniMax M2.5", "10T", "abab6.5s-chat", "Hailuo 2.3 Fast"):
        assert rows[typed]["expect"] not in ("ambiguous", "unknown"), typed
    for typed in (
        "迷你马克斯",
        "米哈游",
        "月之暗面",
        "@YJJMinimax",
        "颜俊杰",
        "闫俊杰",
        "yan junjie",
    ):
        assert rows[typed]["expect"] not in ("ambiguous", "unknown"), typed
    traps = {
        "GPT-4o": "GPT-4", "Claude": "Claude Code", "MiniMax-01": "MiniMax-VL-01",
        "Wei Wei": "Song Wei",
    }  # fmt: skip
    for typed, wrong in traps.items():
        assert wrong in rows[typed]["must_not"], typed
    assert rows["海螺"]["form"] == "curated"


def test_mentioned_in_lists_only_documents_that_write_the_whole_name() -> None:
    texts = {file: document_text(file) for file in seed_files()}
    rows = entities() + people()
    for row in rows:
        forms = [row["name"], *row.get("aliases", []), *row.get("other_names", [])]
        for doc in row["mentioned_in"]:
            assert any(form in texts[doc] for form in forms), (row["name"], doc)
        introduced = row["doc"] if "doc" in row else row["roles"][0]["doc"]
        assert introduced in row["mentioned_in"], row["name"]
    mentioned = {row["name"]: {doc[:3] for doc in row["mentioned_in"]} for row in rows}
    assert mentioned["Wei Wei"] == {"003"}
    assert mentioned["Song Wei"] == {"001"}
    assert mentioned["Claude"] == {"003"}
    assert mentioned["Gemini 1.5"] == {"001"}
    assert mentioned["MiniMax"] == mentioned["Junjie Yan"] == {"000", "001", "002", "003"}
