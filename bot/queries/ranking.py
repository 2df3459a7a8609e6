"""Re-ranking what FTS5 found, and cutting the excerpt that shows it.

The ranked index (bot.store.search_read) hands back each match's text with the matched terms
between two private-use markers. From those marks alone this module tells how many different
words of the query a row holds and whether they stand together as typed (a phrase), prefers
whole answers and paragraphs to bullet fragments, headings and links, collapses passages that
say the same thing twice, and cuts a short excerpt whose highlights never cross the source's
own markdown (`**bold**`, links, URLs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.queries.results import Segment
from bot.store.fts import is_cjk

OPEN, CLOSE = "\ue000", "\ue001"
ELLIPSIS = "…"
MARKS = (OPEN, CLOSE)

# How much a passage of each kind is worth next to a paragraph or an answer holding the same
# words: a bullet or a table row is a fragment, a heading or a chapter title only a label.
KIND_WEIGHT = {
    "answer": 1.0,
    "paragraph": 1.0,
    "question": 0.85,
    "bullet": 0.85,
    "table_row": 0.85,
    "chapter": 0.7,
    "heading": 0.5,
    "code": 0.5,
}
WORD_BONUS = 0.6  # per different word of the query beyond the first
PHRASE_BONUS = 0.4  # per pair of matched words standing side by side
AS_TYPED_BONUS = 0.5  # per word matched as typed: `GPUs` finds "GPUs" before "GPU"
ONLY_IN_LINKS = 0.3  # a row whose every match sits inside a URL
SHORT_TEXT = 40  # characters: a shorter row is a label more than an answer
SHORT_WEIGHT = 0.8
SAME_TEXT = 0.8  # share of words two rows have in common to count as the same passage
COLLAPSE_WINDOW = 100  # rows compared for near-duplicates

_URL = re.compile(r"(?:https?://|www\.)\S+")
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.S)
_ADJACENT = re.compile(f"{CLOSE}[ \t\u3000]?{OPEN}")
_EMPHASIS = re.compile(r"(\*\*|__|`)(.+?)\1")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_SUFFIX = re.compile(r"(?:ing|ed|es|s|ly)$")

Row = TypeVar("Row")


def _stem(word: str) -> str:
    """A rough stem, only to count `GPU` and `GPUs` as one word of the query."""
    word = word.casefold().replace(" ", "")
    return word if is_cjk(word) or len(word) <= 4 else _SUFFIX.sub("", word)


def _outside_links(marked: str) -> str:
    """`marked` with the marks inside URLs removed: a match in a link shows nothing read."""
    if "://" not in marked and "www." not in marked:  # no URL: most rows, read in bulk
        return marked
    return _URL.sub(lambda m: m.group(0).replace(OPEN, "").replace(CLOSE, ""), marked)


@dataclass(frozen=True, slots=True)
class Evidence:
    words: int  # different words of the query matched (outside links)
    phrases: int  # matched words standing side by side
    as_typed: int  # different words matched in the very form typed, not only their stem


def evidence(marked: str, typed: frozenset[str] = frozenset()) -> Evidence:
    cleaned = _outside_links(marked)
    spans = {span.casefold() for span in _MARKED.findall(cleaned)}
    return Evidence(
        len({_stem(span) for span in spans}),
        len(_ADJACENT.findall(cleaned)),
        len(typed.intersection(spans)),
    )


def typed_forms(text: str) -> frozenset[str]:
    """The words of the user's text as a highlight would show them, to tell `GPUs` as typed
    from `GPU` found by its stem."""
    return frozenset(word.casefold() for word in _WORD.findall(text))


def weight(marked: str, kind: str = "paragraph", typed: frozenset[str] = frozenset()) -> float:
    """How much more than its bm25 a row is worth (see the constants above)."""
    seen = evidence(marked, typed)
    value = KIND_WEIGHT.get(kind, 1.0)
    if len(marked) < SHORT_TEXT:
        value *= SHORT_WEIGHT
    if seen.words == 0:
        return value * ONLY_IN_LINKS
    bonus = WORD_BONUS * (seen.words - 1) + PHRASE_BONUS * seen.phrases
    return value * (1 + bonus) * (1 + AS_TYPED_BONUS * seen.as_typed)


def weights(rows: Iterable[tuple[str, str]], typed: frozenset[str]) -> list[float]:
    """`weight` of each (marked text, kind): a text met again (at scale the same passage
    recurs in many documents) is weighed once."""
    known: dict[tuple[str, str], float] = {}
    found: list[float] = []
    for row in rows:
        value = known.get(row)
        if value is None:
            value = known[row] = weight(row[0], row[1], typed)
        found.append(value)
    return found


def _plain_words(marked: str) -> frozenset[str]:
    return frozenset(_WORD.findall(marked.replace(OPEN, "").replace(CLOSE, "").casefold()))


def collapse(
    rows: Sequence[Row], marked: Callable[[Row], str], *, limit: int | None = None
) -> list[Row]:
    """`rows` (best first) without those that say nearly what a better one says; the first
    `limit` of them when given (a row is kept or not by the rows before it alone)."""
    kept: list[Row] = []
    kept_words: list[frozenset[str]] = []
    # a text met before with words is left out again: it was kept (this one is the same as
    # it) or the same as one kept; at scale most repeats are of this kind
    met: set[str] = set()
    for index, row in enumerate(rows):
        if limit is not None and len(kept) >= limit:
            break
        if index >= COLLAPSE_WINDOW:  # past the window rows are kept as they come
            kept.extend(rows[index:])
            break
        text = marked(row)
        if text in met:
            continue
        words = _plain_words(text)
        if words:
            met.add(text)
            if any(_same(words, other) for other in kept_words):
                continue
        kept.append(row)
        kept_words.append(words)
    return kept if limit is None else kept[:limit]


def _same(words: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two rows' words are nearly the same: close in number (checked first, it costs
    nothing) and mostly shared."""
    fewer, more = sorted((len(words), len(other)))
    return fewer >= SAME_TEXT * more and len(words & other) >= SAME_TEXT * fewer


def clean(marked: str) -> str:
    """Marked text as a reader should see it: Chinese unspaced, on one line, and no
    highlight inside the source's markdown: a link that holds one shows its text alone, an
    emphasis that holds one loses its own marks (the highlight is the emphasis there); the
    source's other markup is left as written, for the layouts to escape."""
    text = _outside_links(marked)
    text = _LINK.sub(lambda m: m.group(1) if _holds_mark(m.group(0)) else m.group(0), text)
    text = _EMPHASIS.sub(lambda m: m.group(2) if _holds_mark(m.group(2)) else m.group(0), text)
    text = _unspace_cjk(text)
    return _SPACES.sub(" ", text).strip()


def _holds_mark(text: str) -> bool:
    return OPEN in text or CLOSE in text


def _unspace_cjk(text: str) -> str:
    """Undo the index's spacing between CJK characters (markers may sit between them)."""
    if not is_cjk(text):
        return text
    out: list[str] = []
    for index, ch in enumerate(text):
        if ch == " " and out:
            before = next((c for c in reversed(out) if c not in MARKS), "")
            after = next((c for c in text[index + 1 :] if c not in MARKS), "")
            if before and after and is_cjk(before) and is_cjk(after):
                continue
        out.append(ch)
    return "".join(out)


def excerpt(marked: str, *, words: int) -> tuple[Segment, ...]:
    """About `words` words of the cleaned text around its first highlight, as segments."""
    text = clean(marked)
    tokens = text.split(" ")
    first = next((i for i, token in enumerate(tokens) if OPEN in token), 0)
    start = max(0, min(first - words // 3, len(tokens) - words))
    end = min(len(tokens), start + words)
    piece = " ".join(tokens[start:end])
    before = " ".join(tokens[:start])
    if before.rfind(OPEN) > before.rfind(CLOSE):  # the cut falls inside a highlight
        piece = OPEN + piece
    piece = (ELLIPSIS if start > 0 else "") + piece + (ELLIPSIS if end < len(tokens) else "")
    return segments(piece)


def segments(marked: str) -> tuple[Segment, ...]:
    """Split text at the markers into plain and highlighted runs."""
    pieces: list[Segment] = []
    highlight = False
    for piece in re.split(f"({OPEN}|{CLOSE})", marked):
        if piece in MARKS:
            highlight = piece == OPEN
            continue
        text = _SPACES.sub(" ", piece)
        if text:
            pieces.append(Segment(text, highlight))
    if pieces:
        pieces[0] = Segment(pieces[0].text.lstrip(), pieces[0].highlight)
        pieces[-1] = Segment(pieces[-1].text.rstrip(), pieces[-1].highlight)
    return tuple(piece for piece in pieces if piece.text)
