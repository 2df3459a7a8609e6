"""What an index run changed, per class, from the labels before and after."""

from __future__ import annotations

from bot.cli import change_lines
from bot.index_changes import IndexChanges


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
