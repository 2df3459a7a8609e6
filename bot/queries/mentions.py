"""Where the corpus names something: passages that hold one of its names as a whole word.

Full-text search finds passages with every word of a name; each is then confirmed against the
name itself, so `M3` does not match `m3` in other words, nor `M2` the `M2` of `M2.5`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.names import name_key
from bot.queries.corpus import Corpus
from bot.queries.results import Mention
from bot.store.corpus_read import PassageHit

EXCERPT_LENGTH = 300


def name_pattern(name: str) -> re.Pattern[str]:
    """`name` as a whole word, not part of a longer name (`MiniMax-M1` in `MiniMax-M1-40K`).

    Case matters, as names are written (`Glow`, not the glow of a screen), except for longer
    names with numbers, which documents write in any case (`abab 6.5`, `ABAB 6.5`).
    """
    words = r"\s+".join(re.escape(word) for word in name.split())
    loose = len(name) > 3 and any(ch.isdigit() for ch in name)
    return re.compile(rf"(?<!\w){words}(?!\w|[.\-]\w)", re.IGNORECASE if loose else 0)


def excerpt(text: str, start: int, end: int, length: int = EXCERPT_LENGTH) -> str:
    """About `length` characters of `text` around `text[start:end]`, cut between words."""
    if len(text.strip()) <= length:
        return text.strip()
    low = max(0, min(start - (length - (end - start)) // 2, len(text) - length))
    high = min(len(text), low + length)
    if low > 0:
        low = text.find(" ", low, start) + 1 or low
    if high < len(text):
        high = max(text.rfind(" ", end, high), end)
    before = "…" if text[:low].strip() else ""
    after = "…" if text[high:].strip() else ""
    return before + text[low:high].strip() + after


async def mentions_of(
    corpus: Corpus, names: Sequence[str], *, limit: int = 5
) -> tuple[Mention, ...]:
    """Up to `limit` passages naming any of `names`, in document order, each text shown once."""
    found: dict[tuple[str, int], tuple[PassageHit, re.Match[str]]] = {}
    for name in names:
        pattern = name_pattern(name)
        for hit in await corpus.store.passages_with_words(name):
            match = pattern.search(hit.text)
            if match is not None:
                found.setdefault((hit.file, hit.ordinal), (hit, match))
    mentions: list[Mention] = []
    kept: list[str] = []
    for _, (hit, match) in sorted(found.items()):
        key = name_key(hit.text)  # a chapter title repeats its heading: show it once
        if any(key in other or other in key for other in kept):
            continue
        kept.append(key)
        citation = corpus.catalog.citation(hit.file, hit.heading, ordinal=hit.ordinal)
        mentions.append(Mention(excerpt(hit.text, match.start(), match.end()), citation))
        if len(mentions) == limit:
            break
    return tuple(mentions)
