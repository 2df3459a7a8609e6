"""Forgiving name matching: the closest names to what someone typed, for "did you mean".

One small pure helper over rapidfuzz. Names are compared by their `name_key` (case, spaces and
punctuation aside), so `minimx text 01` is scored against `minimaxtext01`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from rapidfuzz import fuzz, process

from bot.domain.names import name_key

T = TypeVar("T")

MAX_QUERY_LENGTH = 100
MAX_KEY_LENGTH = 40  # names are shorter; a longer key only costs time
# Like rapidfuzz's WRatio without its word-order passes (keys have no spaces): the whole-string
# ratio, or a part of the longer string matched against the shorter, worth a little less,
# when their lengths differ enough for that to mean something. Below PARTIAL_FROM characters
# partial matching is noise (`t` is "in" every name), so short strings count whole only.
PARTIAL_FROM = 4
PARTIAL_LENGTH_RATIO = 1.5
PARTIAL_WEIGHT = 0.9
TYPING_SLACK = 2  # a typo may add or drop a character or two


def best_matches(
    query: str,
    choices: Mapping[str, T],
    *,
    limit: int = 5,
    cutoff: float = 70.0,
    typing: bool = False,
) -> list[tuple[T, float]]:
    """The items whose keys come closest to `query`, best first, each item once.

    `choices` maps a name key (`bot.domain.names.name_key`) to an item; an item may appear
    under several keys (a model under each alias) and keeps its best score. Scores run from 0
    to 100; nothing below `cutoff` is returned. Ties go to the shorter key, then to the order
    of `choices`. Items are told apart by equality (by identity when they cannot be hashed).

    `typing=True` is for a name still being typed: `query` is compared with the start of each
    key only (`londn` with `london` of `londonderry`).
    """
    key = name_key(query[:MAX_QUERY_LENGTH])[:MAX_KEY_LENGTH]
    if not key or limit <= 0 or not choices:
        return []
    keys = list(choices)
    if typing:
        keys = [k[: len(key) + TYPING_SLACK] for k in keys]
    scores = {
        index: score
        for _, score, index in process.extract(
            key, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        )
    }
    if len(key) >= PARTIAL_FROM and not typing:
        partial = process.extract(
            key, keys, scorer=fuzz.partial_ratio, score_cutoff=cutoff / PARTIAL_WEIGHT, limit=None
        )
        for _, score, index in partial:
            shorter, longer = sorted((len(key), len(keys[index])))
            if shorter >= PARTIAL_FROM and longer >= PARTIAL_LENGTH_RATIO * shorter:
                scores[index] = max(scores.get(index, 0.0), score * PARTIAL_WEIGHT)
    items = list(choices.values())
    best: dict[object, tuple[T, float]] = {}
    ranked = sorted(scores.items(), key=lambda hit: (-hit[1], len(keys[hit[0]]), hit[0]))
    for index, score in ranked:
        best.setdefault(_identity(items[index]), (items[index], float(score)))
        if len(best) == limit:
            break
    return list(best.values())


def _identity(item: object) -> object:
    try:
        hash(item)
    except TypeError:
        return id(item)  # an unhashable item is the same item only as the same object
    return item
