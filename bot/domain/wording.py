"""A fixed sentence named by its key in the catalog, with the values that fill it.

A layer below the cards (a query's Problem, the command table's UsageError) cannot know the
reader's locale, so it says *which* sentence it means and with what; the cards and the
Discord replies word it in the reader's locale (`bot.cards.labels.worded`). A value is text
(a name the user typed, a year) or another Wording, worded in the same locale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# A catalog: each key's wording in English, simplified Chinese and traditional Chinese.
Table = Mapping[str, tuple[str, str, str]]
ENGLISH = 0


@dataclass(frozen=True, slots=True)
class Wording:
    key: str
    values: tuple[tuple[str, str | Wording], ...] = ()

    @classmethod
    def of(cls, key: str, **values: str | int | Wording) -> Wording:
        filled = tuple(
            (name, v if isinstance(v, Wording) else str(v)) for name, v in values.items()
        )
        return cls(key, filled)

    def text(self, table: Table, index: int = ENGLISH) -> str:
        """This sentence from `table` in the language at `index` (0: English)."""
        filled = {
            name: value.text(table, index) if isinstance(value, Wording) else value
            for name, value in self.values
        }
        return table[self.key][index].format(**filled)
