"""Values derived from a catalog are built once per catalog object."""

from __future__ import annotations

import gc
import weakref

from bot.queries.catalog_cache import PerCatalog
from bot.queries.corpus import Catalog


def empty() -> Catalog:
    return Catalog({}, (), ())


def test_built_once_per_catalog_and_again_for_another() -> None:
    built: list[Catalog] = []

    def build(catalog: Catalog) -> int:
        built.append(catalog)
        return len(built)

    cache = PerCatalog(build)
    first, second = empty(), empty()
    assert cache(first) == cache(first) == 1
    assert cache(second) == 2
    assert built == [first, second] and built[0] is first


def test_a_value_lives_and_dies_with_its_catalog() -> None:
    class Built:
        pass

    cache = PerCatalog(lambda catalog: Built())
    catalogs = [empty() for _ in range(3)]
    values = [weakref.ref(cache(c)) for c in catalogs]
    assert cache(catalogs[2]) is values[2]() and cache(catalogs[1]) is values[1]()
    del catalogs[0]  # a new generation of the index replaced it
    gc.collect()
    assert values[0]() is None  # nothing keeps what was built from it
