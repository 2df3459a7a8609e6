"""Hybrid retrieval: the words' ranking (FTS5, bm25) fused with the meaning's (the semantic
extra's passage vectors) by reciprocal rank fusion.

Fusion only ever re-ranks and widens what the words found: when no passage holds a word of
the query, the answer stays "nothing matches", so a query of noise never gets the passages
nearest it in meaning. Without the extra (`corpus.meaning` is None), or on an index built
without it (no vectors), every function here hands back the lexical ranking unchanged.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from bot.queries.catalog_cache import PerCatalog
from bot.queries.corpus import Corpus
from bot.queries.ranking import collapse
from bot.semantic import NearestPassages
from bot.store.quotes_read import QuoteRow
from bot.store.search_read import RankedPassage

# The usual constant of reciprocal rank fusion: a rank's weight is 1 / (RRF_K + rank).
RRF_K = 60
# Passages the meaning adds to (or lifts in) what the words found.
SEMANTIC_PASSAGES = 10
# Passages read for re-ranking quotes: a quote counts by the rank of the passage holding it.
SEMANTIC_QUOTE_PASSAGES = 50
# The kinds of passage the meaning may bring: what says something. A heading or a table's
# header row is short and generic, so it sits near every query in meaning and answers none.
MEANINGFUL_KINDS = ("answer", "paragraph", "question", "bullet", "table_row")


@dataclass
class _Vectors:
    """One generation's vectors, read on first use (see `nearest_passages`)."""

    index: NearestPassages | None = None


_VECTORS = PerCatalog(lambda catalog: _Vectors())


def reciprocal_rank_fusion(*rankings: Sequence[int], k: int = RRF_K) -> list[int]:
    """The ids of every ranking, by the sum of 1 / (k + rank) over the rankings holding each;
    a tie keeps the order of the first ranking that holds them."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, id_ in enumerate(ranking):
            scores[id_] = scores.get(id_, 0.0) + 1.0 / (k + rank)
    first_seen = {id_: index for index, id_ in enumerate(scores)}
    return sorted(scores, key=lambda id_: (-scores[id_], first_seen[id_]))


async def nearest_passages(corpus: Corpus, text: str, limit: int) -> list[int]:
    """The ids of the passages nearest `text` in meaning; none without the extra or vectors."""
    meaning = corpus.meaning
    if meaning is None:
        return []
    held = _VECTORS(corpus.catalog)
    if held.index is None:
        rows = await corpus.store.passage_vectors(meaning.model_id, kinds=MEANINGFUL_KINDS)
        held.index = meaning.index([r.passage_id for r in rows], [r.vector for r in rows])
    index = held.index
    if len(index) == 0:
        return []
    return await asyncio.to_thread(index.nearest, text, limit)


async def fuse_passages(
    corpus: Corpus, text: str, rows: list[RankedPassage]
) -> list[RankedPassage]:
    """`rows` (the words' ranking) fused with the passages nearest `text` in meaning; those
    the words did not find come without highlights."""
    if not rows:
        return rows
    near = await nearest_passages(corpus, text, SEMANTIC_PASSAGES)
    if not near:
        return rows
    by_id = {row.id: row for row in rows}
    added = await corpus.store.passages_shown([id_ for id_ in near if id_ not in by_id])
    for id_, shown in added.items():
        by_id[id_] = RankedPassage(id_, shown.file, shown.heading, shown.kind, shown.spaced, 0.0)
    fused = reciprocal_rank_fusion([row.id for row in rows], near)
    return collapse([by_id[id_] for id_ in fused if id_ in by_id], lambda row: row.marked)


async def fuse_quotes(corpus: Corpus, text: str, rows: list[QuoteRow]) -> list[QuoteRow]:
    """`rows` (the words' ranking) re-ranked by the meaning of the passages holding them."""
    if len(rows) < 2:
        return rows
    near = await nearest_passages(corpus, text, SEMANTIC_QUOTE_PASSAGES)
    if not near:
        return rows
    passage_rank = {id_: rank for rank, id_ in enumerate(near)}
    holder = await corpus.store.quote_passages([row.id for row in rows])
    by_meaning = sorted(
        (row.id for row in rows if holder.get(row.id) in passage_rank),
        key=lambda id_: passage_rank[holder[id_]],
    )
    by_id = {row.id: row for row in rows}
    return [by_id[id_] for id_ in reciprocal_rank_fusion([row.id for row in rows], by_meaning)]
