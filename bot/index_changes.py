"""What one index run changed: the entities, organisations (and concepts), events and
disagreements it added and removed, so a maintainer sees the effect of a document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

CLASSES = ("entities", "organisations", "events", "disagreements")


@dataclass(frozen=True)
class ClassChange:
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndexChanges:
    by_class: dict[str, ClassChange] = field(default_factory=dict)

    @classmethod
    def between(
        cls, before: Mapping[str, frozenset[str]], after: Mapping[str, frozenset[str]]
    ) -> IndexChanges:
        changes = {}
        for name in CLASSES:
            old, new = before.get(name, frozenset()), after.get(name, frozenset())
            changes[name] = ClassChange(tuple(sorted(new - old)), tuple(sorted(old - new)))
        return cls(changes)

    @property
    def empty(self) -> bool:
        return not any(c.added or c.removed for c in self.by_class.values())
