"""IndexWriter: the indexer's writes, cascades, FTS sync, atomicity, and untouched guild tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.domain.names import name_key
from bot.domain.records import (
    Conflict,
    ConflictingValue,
    Event,
    Fact,
    FuzzyDate,
    Model,
    ModelKind,
    Person,
)
from bot.store import CorpusStore, IndexWriter, StoreError
from tests.store.raw import (
    connection_of,
    legacy_row_counts,
    search_passages,
    search_quotes,
)
from tests.store.sample import check_integrity, fts_matches, make_parsed, scalar


async def test_insert_and_counts(store: IndexWriter) -> None:
    document_id = await store.insert_parsed(make_parsed(), "fp-a")
    assert document_id > 0
    assert await store.counts() == {
        "documents": 1,
        "passages": 4,
        "quotes": 1,
        "people": 0,
        "models": 0,
        "facts": 1,
        "events": 3,
        "conflicts": 0,
    }
    assert await store.fingerprints() == {"a.txt": "fp-a"}
    assert await store.document_text("a.txt") == make_parsed().document.text
    assert await store.document_text("missing.txt") is None
    await check_integrity(store)


async def test_stored_columns(store: IndexWriter) -> None:
    await store.insert_parsed(make_parsed(), "fp")
    conn = connection_of(store)
    async with conn.execute(
        "SELECT published_start, published_end, published_precision, published_part FROM documents"
    ) as cursor:
        assert tuple(await cursor.fetchone() or ()) == ("2024-04-18", "2024-04-18", "day", None)
    async with conn.execute("SELECT heading, cells FROM passages ORDER BY ordinal") as cursor:
        rows = [tuple(row) for row in await cursor.fetchall()]
    assert rows[0] == (None, None)
    assert rows[1] == ("MiniMax interview › Part one", None)
    assert rows[3][0] is None
    assert json.loads(rows[3][1]) == [["Model", "MiniMax-M2"], ["Release", "2025-10"]]
    async with conn.execute(
        "SELECT start, end, precision, part, month_day, subject_key, passage_id IS NULL "
        "FROM events ORDER BY start"
    ) as cursor:
        events = [tuple(row) for row in await cursor.fetchall()]
    assert events == [
        ("2023-09-01", "2023-12-31", "part", "late", "09-01", None, 1),
        ("2024-04-18", "2024-04-18", "day", None, "04-18", None, 1),
        ("2025-10-01", "2025-10-31", "month", None, "10-01", name_key("MiniMax-M2"), 0),
    ]
    assert await scalar(store, "SELECT key FROM model_mentions WHERE name = 'GPT-4'") == "gpt4"
    assert await scalar(store, "SELECT minimax FROM model_mentions WHERE name = 'GPT-4'") is None
    assert await scalar(store, "SELECT other_names FROM person_mentions") == '["颜俊杰"]'
    quote_passage = await scalar(
        store, "SELECT p.ordinal FROM quotes q JOIN passages p ON p.id = q.passage_id"
    )
    assert quote_passage == 2


async def test_search(store: IndexWriter) -> None:
    await store.insert_parsed(make_parsed("a.txt", "scaling"), "fp-a")
    await store.insert_parsed(make_parsed("b.txt", "emergent"), "fp-b")
    hits = await search_passages(store, "scaling")
    assert sorted((h.file, h.ordinal) for h in hits) == [("a.txt", 1), ("a.txt", 2)]
    answer = next(h for h in hits if h.ordinal == 2)
    assert answer.kind == "answer" and answer.heading == "MiniMax interview › Part one"
    assert (answer.start, answer.end) != (0, 0)
    # FTS syntax in user text is inert, and the escaped query still finds the words.
    assert {h.file for h in await search_passages(store, '"scaling" NEAR( -laws*')} == set()
    assert {h.file for h in await search_passages(store, '"scaling laws" ^')} == {"a.txt"}
    assert {h.file for h in await search_passages(store, "EMERGENT")} == {"b.txt"}
    assert {h.file for h in await search_passages(store, "emer", prefix=True)} == {"b.txt"}
    assert await search_passages(store, "'; DROP TABLE passages;--") == []
    assert await search_passages(store, "  ") == []
    quotes = await search_quotes(store, "emergent laws")
    assert [(q.file, q.passage, q.speaker) for q in quotes] == [("b.txt", 2, "Junjie Yan")]
    assert quotes[0].question == "Do emergent laws still hold?"
    assert len(await search_quotes(store, "Junjie", limit=1)) == 1
    assert len(await search_quotes(store, "Junjie")) == 2


async def test_delete_document_cascades_to_fts(store: IndexWriter) -> None:
    await store.insert_parsed(make_parsed("a.txt", "scaling"), "fp-a")
    await store.insert_parsed(make_parsed("b.txt", "emergent"), "fp-b")
    await store.insert_curated(
        "a.txt", [Fact(subject="M", attribute="x", value="1", evidence="e")], []
    )
    assert await fts_matches(store, "passages_fts", "scaling") == 2
    assert await fts_matches(store, "quotes_fts", "scaling") == 1

    await store.delete_document("a.txt")

    assert await fts_matches(store, "passages_fts", "scaling") == 0
    assert await fts_matches(store, "quotes_fts", "scaling") == 0
    assert await fts_matches(store, "passages_fts", "emergent") == 2
    counts = await store.counts()
    assert (counts["documents"], counts["passages"], counts["quotes"]) == (1, 4, 1)
    assert (counts["facts"], counts["events"]) == (1, 3)
    assert await scalar(store, "SELECT count(*) FROM person_mentions") == 1
    assert await scalar(store, "SELECT count(*) FROM model_mentions") == 2
    assert await scalar(store, "SELECT count(*) FROM facts WHERE curated = 1") == 0
    assert await store.fingerprints() == {"b.txt": "fp-b"}
    await check_integrity(store)
    await store.delete_document("never-indexed.txt")  # no error


async def test_reinserting_a_file_fails_cleanly(store: IndexWriter) -> None:
    await store.insert_parsed(make_parsed(), "fp-1")
    with pytest.raises(StoreError, match=r"a\.txt"):
        await store.insert_parsed(make_parsed(), "fp-2")
    assert await store.fingerprints() == {"a.txt": "fp-1"}
    assert (await store.counts())["passages"] == 4


async def test_bad_passage_ordinal_fails_and_rolls_back(store: IndexWriter) -> None:
    parsed = make_parsed()
    quote = parsed.quotes[0].model_copy(update={"passage": 99})
    broken = parsed.model_copy(update={"quotes": (quote,)})
    with pytest.raises(StoreError, match=r"a\.txt: quote .* passage 99"):
        await store.insert_parsed(broken, "fp")
    assert await store.counts() == dict.fromkeys(
        ("documents", "passages", "quotes", "people", "models", "facts", "events", "conflicts"),
        0,
    )
    assert await fts_matches(store, "passages_fts", "scaling") == 0


async def test_failed_transaction_keeps_previous_rows(store: IndexWriter, tmp_path: Path) -> None:
    await store.insert_parsed(make_parsed("a.txt", "scaling"), "fp-a")
    before = await store.counts()
    reader = await CorpusStore.open(tmp_path / "corpus.db")
    try:
        with pytest.raises(RuntimeError, match="halfway"):
            async with store.transaction():
                await store.delete_document("a.txt")
                await store.insert_parsed(make_parsed("b.txt", "emergent"), "fp-b")
                await store.meta_set("curated", "new")
                # WAL: another connection still reads the last committed state.
                assert await reader.counts() == before
                assert await reader.fingerprints() == {"a.txt": "fp-a"}
                assert [h.file for h in await search_passages(reader, "scaling")] == ["a.txt"] * 2
                assert await store.fingerprints() == {"b.txt": "fp-b"}
                raise RuntimeError("halfway")
        assert not connection_of(store).in_transaction
        assert await store.counts() == before
        assert await store.fingerprints() == {"a.txt": "fp-a"}
        assert await store.meta_get("curated") is None
        assert len(await search_passages(store, "scaling")) == 2
        assert await search_passages(store, "emergent") == []
        await check_integrity(store)
    finally:
        await reader.close()


async def test_transaction_commits_and_does_not_nest(store: IndexWriter) -> None:
    async with store.transaction():
        await store.insert_parsed(make_parsed(), "fp")
        with pytest.raises(StoreError, match="already open"):
            async with store.transaction():
                pass
    assert (await store.counts())["documents"] == 1


async def test_curated_facts(store: IndexWriter) -> None:
    await store.insert_parsed(make_parsed(), "fp")
    facts = [
        Fact(subject="MiniMax", attribute="team_size", value="~200", passage=2, evidence="x"),
        Fact(subject="MiniMax", attribute="founded", value="2021", evidence="y"),
    ]
    events = [Event(when=FuzzyDate.year(2021), text="founded", evidence="y", subject="MiniMax")]
    await store.insert_curated("a.txt", facts, events)
    assert await scalar(store, "SELECT count(*) FROM facts WHERE curated = 1") == 2
    assert await scalar(store, "SELECT count(*) FROM events WHERE curated = 1") == 1
    assert (
        await scalar(
            store,
            "SELECT p.ordinal FROM facts f JOIN passages p ON p.id = f.passage_id "
            "WHERE f.attribute = 'team_size'",
        )
        == 2
    )
    assert await scalar(store, "SELECT passage_id FROM facts WHERE attribute = 'founded'") is None
    await store.delete_curated()
    counts = await store.counts()
    assert (counts["facts"], counts["events"]) == (1, 3)
    with pytest.raises(StoreError, match=r"missing\.txt"):
        await store.insert_curated("missing.txt", facts, [])
    bad = [Fact(subject="M", attribute="a", value="v", passage=42, evidence="e")]
    with pytest.raises(StoreError, match="passage 42"):
        await store.insert_curated("a.txt", bad, [])
    assert (await store.counts())["facts"] == 1


async def test_distinct_mentions_and_derived_tables(store: IndexWriter) -> None:
    await store.insert_parsed(make_parsed("a.txt", "scaling"), "fp-a")
    await store.insert_parsed(make_parsed("b.txt", "emergent"), "fp-b")
    assert await store.distinct_person_mentions() == [("Junjie Yan", ("颜俊杰",), "CEO")]
    assert await store.distinct_speakers() == ["Junjie Yan"]
    assert await store.distinct_model_mentions() == [
        ("GPT-4", None, None),
        ("MiniMax-M2", ModelKind.TEXT, True),
    ]
    # One row per distinct value, cited by its first source.
    assert await store.facts_for_conflicts() == [
        ("MiniMax-M2", "release", "2025-10", "a.txt", "2025-10"),
    ]
    await store.insert_curated(
        "b.txt", [Fact(subject="M", attribute="a", value="v", evidence="e")], []
    )
    assert len(await store.facts_for_conflicts()) == 2
    assert len(await store.facts_for_conflicts(curated=False)) == 1
    assert await store.facts_for_conflicts(curated=True) == [("M", "a", "v", "b.txt", "e")]

    people = [
        Person(name="Junjie Yan", names=("Junjie Yan", "junjie yan", "颜俊杰", "IO"), role="CEO"),
        Person(name="Yang Bin", names=("Yang Bin",)),
    ]
    await store.replace_people(people)
    await store.replace_people(people)  # replacing twice is the same as once
    async with connection_of(store).execute(
        "SELECT p.name, n.name, n.key FROM person_names n JOIN people p ON p.id = n.person_id "
        "ORDER BY p.id, n.rowid"
    ) as cursor:
        names = [tuple(row) for row in await cursor.fetchall()]
    assert names == [
        ("Junjie Yan", "Junjie Yan", "junjieyan"),
        ("Junjie Yan", "junjie yan", "junjieyan"),
        ("Junjie Yan", "颜俊杰", "颜俊杰"),
        ("Junjie Yan", "IO", "io"),
        ("Yang Bin", "Yang Bin", "yangbin"),
    ]

    models = [
        Model(
            name="MiniMax-M2",
            aliases=("MiniMax-M2", "M2", "minimax m2"),
            kind=ModelKind.TEXT,
            minimax=True,
        ),
        Model(name="GPT-4", aliases=("GPT-4", "gpt4")),
    ]
    await store.replace_models(models)
    model = await scalar(
        store,
        "SELECT m.name FROM model_aliases a JOIN models m ON m.id = a.model_id WHERE a.key = ?",
        name_key("MINIMAX M2"),
    )
    assert model == "MiniMax-M2"
    assert await scalar(store, "SELECT count(*) FROM model_aliases") == 5
    assert await scalar(store, "SELECT minimax FROM models WHERE name = 'GPT-4'") is None

    with pytest.raises(StoreError, match="models"):
        await store.replace_models([models[0], models[0]])
    assert (await store.counts())["models"] == 2  # the failed replacement changed nothing

    conflict = Conflict(
        subject="MiniMax",
        attribute="team_size",
        values=(
            ConflictingValue(value="~200", file="a.txt", evidence="about 200"),
            ConflictingValue(value="~300", file="b.txt", evidence="about 300"),
        ),
    )
    await store.replace_conflicts([conflict])
    await store.replace_conflicts([conflict])
    counts = await store.counts()
    assert (counts["people"], counts["models"], counts["conflicts"]) == (2, 2, 1)
    assert counts["facts"] == 3
    assert await scalar(store, "SELECT count(*) FROM conflict_values") == 2
    await store.replace_conflicts([])
    assert await scalar(store, "SELECT count(*) FROM conflict_values") == 0


async def test_meta(store: IndexWriter) -> None:
    assert await store.meta_get("curated_sha256") is None
    await store.meta_set("curated_sha256", "one")
    await store.meta_set("curated_sha256", "two")
    assert await store.meta_get("curated_sha256") == "two"


async def test_guild_rows_not_yet_moved_survive_reindexing(store: IndexWriter) -> None:
    """Rows an older version kept in the corpus stay until the state file takes them."""
    conn = connection_of(store)
    await conn.execute(
        "INSERT INTO legacy_guild_settings (guild_id, channel_id, post_time, timezone) "
        "VALUES (?, ?, ?, ?)",
        (111, 222, "09:00", "Asia/Shanghai"),
    )
    await conn.execute(
        "INSERT INTO legacy_daily_posts (guild_id, local_date, channel_id, message_id, nonce) "
        "VALUES (?, ?, ?, ?, ?)",
        (111, "2026-06-21", 222, 333, "n"),
    )
    expected = {"legacy_guild_settings": 1, "legacy_daily_posts": 1}
    assert await legacy_row_counts(store) == expected

    async with store.transaction():
        await store.insert_parsed(make_parsed(), "fp")
        await store.delete_curated()
        await store.insert_curated("a.txt", [], [])
        await store.replace_people([Person(name="Junjie Yan", names=("Junjie Yan",))])
        await store.replace_models([Model(name="M2", aliases=("M2",))])
        await store.replace_conflicts([])
        await store.meta_set("k", "v")
    async with store.transaction():
        await store.delete_document("a.txt")
        await store.replace_people([])
        await store.replace_models([])
    assert await legacy_row_counts(store) == expected
    assert await scalar(
        store, "SELECT timezone FROM legacy_guild_settings WHERE guild_id = 111"
    ) == ("Asia/Shanghai")
