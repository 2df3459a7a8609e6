"""A stand-in for the embedding model, for tests of what surrounds it: each word of a text
adds one to one of a few dimensions (by a stable hash of the word), so texts sharing words are
near. Pure Python, instant, and it records every text it was asked to embed."""

from __future__ import annotations

import hashlib
import math
import re
import struct
from collections.abc import Sequence

from bot.store.vectors import PassageText

DIMENSIONS = 64
_WORD = re.compile(r"\w+")


def _vector(text: str) -> list[float]:
    vector = [0.0] * DIMENSIONS
    for word in _WORD.findall(text.casefold()):
        vector[int(hashlib.sha256(word.encode()).hexdigest()[:8], 16) % DIMENSIONS] += 1.0
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [x / norm for x in vector]


class WordsModel:
    def __init__(self, model_id: str = "words-64") -> None:
        self.model_id = model_id
        self.embedded: list[str] = []  # every text embedded, in order
        self.queries: list[str] = []

    def passage_input(self, passage: PassageText) -> str:
        return f"{passage.heading}: {passage.text}" if passage.heading else passage.text

    def embed_passages(self, texts: Sequence[str]) -> list[bytes]:
        self.embedded += texts
        return [struct.pack(f"<{DIMENSIONS}f", *_vector(text)) for text in texts]

    def index(self, ids: Sequence[int], vectors: Sequence[bytes]) -> WordsIndex:
        return WordsIndex(self, ids, vectors)


class WordsIndex:
    def __init__(self, model: WordsModel, ids: Sequence[int], vectors: Sequence[bytes]) -> None:
        self._model = model
        self._rows = [
            (id_, struct.unpack(f"<{DIMENSIONS}f", v)) for id_, v in zip(ids, vectors, strict=True)
        ]

    def __len__(self) -> int:
        return len(self._rows)

    def nearest(self, query: str, limit: int) -> list[int]:
        self._model.queries.append(query)
        wanted = _vector(query)
        scored = sorted(
            self._rows,
            key=lambda row: (-sum(a * b for a, b in zip(row[1], wanted, strict=True)), row[0]),
        )
        return [id_ for id_, _ in scored[:limit]]
