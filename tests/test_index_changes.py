"""What an index run changed, per class, from the labels before and after: and, indexing the
seeds, then a small document, then without it, what that document added and took away."""

from __future__ import annotations

from pathlib import Path

from bot.cli import change_lines
from bot.index_changes import IndexChanges
from bot.indexer import index_corpus


def test_changes_list_added_and_removed_per_class_and_count_the_rest() -> None:
    empty: frozenset[str] = frozenset()
    before = {"entities": frozenset({"A", "B"}), "events": empty, "disagreements": empty}
    after = {
        "entities": frozenset({"B", "C"}),
        "events": frozenset({f"2024 (000) event {n}" for n in range(5)}),
        "disagreements": frozenset(),
    }
    changes = IndexChanges.between(before, after)
    assert changes.by_class["entities"].added == ("C",)
    assert changes.by_class["entities"].removed == ("A",)
    lines = change_lines(changes, shown=2)
    assert "  entities: 1 new, 1 removed" in lines
    assert "    + C" in lines and "    - A" in lines
    assert "  events: 5 new, 0 removed" in lines
    assert "    + … and 3 more" in lines
    assert "  disagreements: 0 new, 0 removed" in lines


def test_a_run_that_changes_no_knowledge_says_so() -> None:
    same = {"entities": frozenset({"A"})}
    assert IndexChanges.between(same, same).empty
    assert change_lines(IndexChanges.between(same, same)) == [
        "what changed: no entity, event or disagreement added or removed"
    ]


NOTE = """# A short note on MiniMax's models

## Foundation Models (Text)

| Release | Model | Parameters | Context | Key Features |
|---------|-------|------------|---------|--------------|
| **Mar 2025** | **MiniMax-M1-40K** | 456B (45.9B active) | 1M tokens | An early preview |
| **Mar 2025** | **Zeta-9** | 9B | 32K tokens | A model no other document names |
"""


async def test_indexing_a_document_then_removing_it_reports_what_it_added_and_took(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    first = await index_corpus(seeds_copy, db)
    assert first.changes.by_class["disagreements"].added  # a first run lists every one
    assert "MiniMax: Team size" in first.changes.by_class["disagreements"].added

    added = seeds_copy / "004_note.txt"
    added.write_text(NOTE, encoding="utf-8")
    addition = (await index_corpus(seeds_copy, db)).changes.by_class
    assert "Zeta-9" in addition["entities"].added and addition["entities"].removed == ()
    assert any("(004)" in event for event in addition["events"].added)
    # Its release date of M1-40K is not 003's (Jun 2025): a new disagreement, nothing removed.
    assert addition["disagreements"].added == ("MiniMax-M1-40K: release",)
    assert addition["disagreements"].removed == ()

    added.unlink()
    removal = (await index_corpus(seeds_copy, db)).changes.by_class
    assert removal["entities"].removed == ("Zeta-9",) and removal["entities"].added == ()
    assert removal["disagreements"].removed == ("MiniMax-M1-40K: release",)
    assert removal["events"].added == () and removal["events"].removed


def test_organisations_are_a_class_of_their_own() -> None:
    before = {"organisations": frozenset({"LatePost (outlet)"})}
    after = {"organisations": frozenset({"LatePost (outlet)", "Yunqi Capital (investor)"})}
    changes = IndexChanges.between(before, after)
    assert changes.by_class["organisations"].added == ("Yunqi Capital (investor)",)
    assert "  organisations: 1 new, 0 removed" in change_lines(changes)
