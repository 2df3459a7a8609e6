"""Lookup structures derived from a Catalog, built once per catalog rather than per request.

A Catalog holds dicts, so it cannot be hashed for `functools.lru_cache`; this cache keys on the
catalog's identity instead and keeps the catalog itself alive next to what it built, so an id
is never reused while its entry exists. Only the last few catalogs are kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from bot.queries.corpus import Catalog

T = TypeVar("T")


class PerCatalog(Generic[T]):
    def __init__(self, build: Callable[[Catalog], T], *, keep: int = 4) -> None:
        self._build = build
        self._keep = keep
        self._built: OrderedDict[int, tuple[Catalog, T]] = OrderedDict()

    def __call__(self, catalog: Catalog) -> T:
        hit = self._built.get(id(catalog))
        if hit is not None and hit[0] is catalog:
            self._built.move_to_end(id(catalog))
            return hit[1]
        value = self._build(catalog)
        self._built[id(catalog)] = (catalog, value)
        while len(self._built) > self._keep:
            self._built.popitem(last=False)
        return value
