"""Lookup structures derived from a Catalog, built once per catalog rather than per request.

The built value is kept in the catalog itself (`Catalog.derived`): its one owner, which a
new generation of the index replaces whole, so nothing outlives the index it was built from.
A `PerCatalog` holds no state of its own: only how to build the value.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from bot.queries.corpus import Catalog

T = TypeVar("T")


class PerCatalog(Generic[T]):
    def __init__(self, build: Callable[[Catalog], T]) -> None:
        self._build = build

    def __call__(self, catalog: Catalog) -> T:
        return catalog.derived(self, self._build)


class Cards(Generic[T]):
    """Cards by name, each built once per catalog: a card depends only on the corpus, which
    does not change while its catalog is in use."""

    def __init__(self) -> None:
        self._cards: PerCatalog[dict[str, T]] = PerCatalog(lambda catalog: {})

    async def get(self, catalog: Catalog, name: str, build: Callable[[], Awaitable[T]]) -> T:
        cards = self._cards(catalog)
        card = cards.get(name)
        if card is None:
            card = cards[name] = await build()
        return card
