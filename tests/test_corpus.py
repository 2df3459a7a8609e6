"""Pins the corpus itself: what indexing the shipped seeds must yield, value by value."""

from __future__ import annotations

from typing import Any

import pytest

from bot.ingest.repair import looks_mis_decoded
from bot.store import CorpusStore
from tests.store.raw import connection_of

INTERVIEW = "001_ee2c00c8cd1ea3f4.txt"
SHOW_NOTES = "000_170ff5059b12dbe9.txt"
ABSTRACT = "002_8d76a87ad898c4a7.txt"
ARTICLE = "003_2acd4246ab7622df.txt"


async def rows(store: CorpusStore, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    async with connection_of(store).execute(sql, parameters) as cursor:
        return [tuple(row) for row in await cursor.fetchall()]


async def model_facts(store: CorpusStore, alias: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for attribute, value in await rows(
        store,
        "SELECT f.attribute, f.value FROM facts f"
        " JOIN model_aliases a ON a.key = f.subject_key"
        " JOIN models m ON m.id = a.model_id"
        " WHERE m.id = (SELECT model_id FROM model_aliases WHERE alias = ?)",
        alias,
    ):
        found.setdefault(attribute, set()).add(value)
    return found


async def test_documents_have_their_metadata(seeds_store: CorpusStore) -> None:
    documents = {
        row[0]: row[1:]
        for row in await rows(
            seeds_store,
            "SELECT file, kind, outlet, published_start, published_precision, language"
            " FROM documents",
        )
    }
    assert documents[SHOW_NOTES] == ("show_notes", "Crossing", "2026-06-21", "day", "en")
    assert documents[INTERVIEW] == ("interview", "LatePost", "2024-04-18", "day", "en")
    assert documents[ABSTRACT][0] == "abstract"
    assert documents[ARTICLE][:2] == ("article", None)


async def test_the_repaired_article_reads_right(seeds_store: CorpusStore) -> None:
    (text,) = (await rows(seeds_store, "SELECT text FROM documents WHERE file = ?", ARTICLE))[0]
    for expected in ("迷你马克斯", "颜俊杰", "🚀", "—"):
        assert expected in text


async def test_nothing_stored_contains_mojibake(seeds_store: CorpusStore) -> None:
    tables = await rows(
        seeds_store,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        " AND name NOT LIKE 'sqlite_%'",
    )
    checked = 0
    for (table,) in tables:
        columns = await rows(seeds_store, "SELECT name, type FROM pragma_table_info(?)", table)
        for column, declared in columns:
            if declared.upper() not in ("TEXT", ""):
                continue
            for (value,) in await rows(seeds_store, f'SELECT "{column}" FROM "{table}"'):
                if isinstance(value, str):
                    checked += 1
                    assert not looks_mis_decoded(value), (table, column, value[:80])
    assert checked > 5000


@pytest.mark.parametrize(
    ("alias", "attribute", "value"),
    [
        ("M2", "total_parameters", "230B"),
        ("MiniMax-M2", "active_parameters", "10B"),
        ("M2", "licence", "MIT (fully open, commercial use allowed)"),
        ("M2", "price", "$0.30/M input tokens, $1.20/M output tokens"),
        ("M2", "release", "Oct 2025"),
        ("Text-01", "total_parameters", "456B"),
        ("Text-01", "active_parameters", "45.9B"),
        ("Text-01", "layers", "80"),
        ("Text-01", "experts", "32"),
        ("Text-01", "context", "4M tokens"),
        ("Text-01", "release", "Jan 2025"),
        ("MiniMax-VL-01", "vision_encoder", "303M Vision Transformer (ViT)"),
        ("MiniMax-M1", "training_cost", "$534,700 on 512 H800 GPUs for 3 weeks"),
        ("MiniMax-M1", "open_source", "MIT/Apache licensed, fully open-weight"),
        ("ABAB 6.5s", "release", "Apr 2024"),
        ("DeepSeek-V3", "total_parameters", "671B"),
        ("Speech-02", "voices", "300+ pre-built options across demographics"),
        ("M2.5", "tokens_per_day", "10 trillion, 10x the target"),
    ],
)
async def test_model_values(
    seeds_store: CorpusStore, alias: str, attribute: str, value: str
) -> None:
    assert value in (await model_facts(seeds_store, alias)).get(attribute, set())


@pytest.mark.parametrize(
    ("alias", "kind", "minimax"),
    [
        ("abab 6.5 series", "text", 1),
        ("ABAB 6.5s", "text", 1),
        ("MiniMax-VL-01", "vision-language", 1),
        ("Speech-02", "speech", 1),
        ("T2A-01-HD", "audio", 1),
        ("Music-01", "music", 1),
        ("Hailuo-02", "video", 1),
        ("Xingye", "app", 1),
        ("M3", "text", 1),
        ("10T model", "text", 1),
        ("M1", "text", 1),
        ("DeepSeek-V3", "text", 0),
        ("GPT-4", "text", 0),
        ("Hailuo Platform", "platform", 1),
        ("MiniMax-01", "series", 1),
        ("Codex", "product", None),
    ],
)
async def test_model_kinds_and_makers(
    seeds_store: CorpusStore, alias: str, kind: str | None, minimax: int | None
) -> None:
    found = await rows(
        seeds_store,
        "SELECT m.kind, m.minimax FROM models m JOIN model_aliases a ON a.model_id = m.id"
        " WHERE a.alias = ?",
        alias,
    )
    assert found == [(kind, minimax)]


async def test_the_ceo_goes_by_every_spelling(seeds_store: CorpusStore) -> None:
    names = {
        name
        for (name,) in await rows(
            seeds_store,
            "SELECT n.name FROM person_names n JOIN people p ON p.id = n.person_id"
            " WHERE p.name = 'Junjie Yan'",
        )
    }
    assert {"Junjie Yan", "Yan Junjie", "Yanjunjie", "IO", "颜俊杰", "闫俊杰"} <= names


async def test_every_interview_answer_is_a_quote_of_the_ceo(seeds_store: CorpusStore) -> None:
    quotes = await rows(
        seeds_store,
        "SELECT q.speaker, q.text, q.question FROM quotes q JOIN documents d"
        " ON d.id = q.document_id WHERE d.file = ?",
        INTERVIEW,
    )
    answers = [q for q in quotes if q[2] is not None]
    assert len(answers) == 76
    assert {speaker for speaker, _, _ in answers} == {"Junjie Yan"}
    assert not any(text.startswith(("LatePost", "· LatePost")) for _, text, _ in quotes)
    by_question = {question: text for _, text, question in answers}
    assert (
        by_question["Last October you faced a compute crunch. How do you avoid similar risks?"]
        == "Become the biggest customer in the market."
    )
    assert by_question["I heard you don't buy GPUs, only rent them."].startswith(
        "We don't own a single GPU, though we're probably the Chinese startup"
    )


@pytest.mark.parametrize(
    ("question", "answer_start", "answer_end"),
    [
        (
            "How did you finally crack it?",
            "The process was painful. We failed twice.",
            "making the entire R&D team more efficient and more scientific.",
        ),
        (
            "That's hardly fair — your papers have nearly 30,000 citations on Google Scholar.",
            "The top person in the world probably has 300,000.",
            "The top person in the world probably has 300,000.",
        ),
    ],
)
async def test_named_quotes_verbatim(
    seeds_store: CorpusStore, question: str, answer_start: str, answer_end: str
) -> None:
    found = await rows(seeds_store, "SELECT speaker, text FROM quotes WHERE question = ?", question)
    assert len(found) == 1
    speaker, text = found[0]
    assert speaker == "Junjie Yan"
    assert text.startswith(answer_start)
    assert text.endswith(answer_end)


async def test_quoted_speech_in_the_preface_is_yans(seeds_store: CorpusStore) -> None:
    found = await rows(seeds_store, "SELECT text FROM quotes WHERE speaker = 'Yan'")
    assert (
        "The technical path I chose has the highest ceiling, with almost no retreat;"
        " the compute approach I chose is also aggressive,",
    ) in found or any(t.startswith("The technical path I chose") for (t,) in found)


@pytest.mark.parametrize(
    ("evidence", "file", "iso", "precision"),
    [
        ("October 2022", INTERVIEW, "2022-10-01", "month"),
        ("the end of 2021", INTERVIEW, "2021-10-01", "part"),
        # 001's date is its republication's: the interview's months are only likely, a year
        ("Last October", INTERVIEW, "2023-01-01", "year"),
        ("This January", INTERVIEW, "2024-01-01", "year"),
        ("summer 2023", INTERVIEW, "2023-06-01", "part"),
        ("early 2021", INTERVIEW, "2021-01-01", "part"),
        ("late 2021", ABSTRACT, "2021-09-01", "part"),
        ("December 2021", ARTICLE, "2021-12-01", "month"),
        ("Mar 2024", ARTICLE, "2024-03-01", "month"),
        ("Oct 2025", ARTICLE, "2025-10-01", "month"),
        # ambiguous: May 2025 or May 2026, the span of both
        ("Last May Day holiday", SHOW_NOTES, "2025-05-01", "year"),
        ("June 21, 2026", SHOW_NOTES, "2026-06-21", "day"),
        ("April 18, 2024", INTERVIEW, "2024-04-18", "day"),
    ],
)
async def test_named_events(
    seeds_store: CorpusStore, evidence: str, file: str, iso: str, precision: str
) -> None:
    found = await rows(
        seeds_store,
        "SELECT e.start, e.precision FROM events e JOIN documents d ON d.id = e.document_id"
        " WHERE e.evidence = ? AND d.file = ?",
        evidence,
        file,
    )
    assert (iso, precision) in found


async def test_month_precise_events_are_never_days(seeds_store: CorpusStore) -> None:
    days = await rows(seeds_store, "SELECT evidence FROM events WHERE precision = 'day'")
    assert sorted(evidence for (evidence,) in days) == ["April 18, 2024", "June 21, 2026"]


async def test_disagreements_are_kept_with_both_sources(seeds_store: CorpusStore) -> None:
    found = await rows(
        seeds_store,
        "SELECT c.subject, c.attribute, v.value, v.file FROM conflicts c"
        " JOIN conflict_values v ON v.conflict_id = c.id ORDER BY c.attribute, v.file",
    )
    by_attribute: dict[str, list[tuple[str, str]]] = {}
    for _, attribute, value, file in found:
        by_attribute.setdefault(attribute, []).append((value, file))
    # The two facts that disagree, among the claims the curated file adds (the interviewer's
    # 300s, the article's other 200s).
    assert {
        ("roughly 300 people", INTERVIEW),
        ("~200 employees (as of 2024)", ARTICLE),
    } <= set(by_attribute["team_size"])
    assert {file for _, file in by_attribute["team_size"]} == {INTERVIEW, ARTICLE}
    assert sorted({file for _, file in by_attribute["first_moe_model_launch"]}) == [
        INTERVIEW,
        ARTICLE,
    ]
    assert {value for value, _ in by_attribute["chinese_name"]} == {"闫俊杰", "颜俊杰"}
    assert "founded" not in by_attribute  # end of 2021, late 2021, December 2021 agree
