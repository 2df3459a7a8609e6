"""Values derived from a catalog are built once per catalog object."""

from __future__ import annotations

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


def test_only_the_last_few_catalogs_are_kept() -> None:
    cache = PerCatalog(lambda catalog: object(), keep=2)
    catalogs = [empty() for _ in range(3)]
    values = [cache(c) for c in catalogs]
    assert cache(catalogs[2]) is values[2] and cache(catalogs[1]) is values[1]
    assert cache(catalogs[0]) is not values[0]  # evicted, so built anew
