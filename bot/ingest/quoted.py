"""Quoted words inside a line of prose, with the speaker the line names.

`IO watches for "a relatively objective metric"`, `He Tao's hot take: ... hearing "the agent did
it, don't blame me"`: the speaker is the person named nearest before the quotation in its clause
(clauses end at `;` and at the end of a sentence). A quotation whose clause names no one is kept
without a speaker (`Others believe "Go big or go home,"`): the text does not say who said it.
A word the text names rather than quotes (`the word "gripper"`) is no quotation. Words the
named person says they *hear* from others (`most annoying thing is hearing "..."`) are not that
person's view: the quote is then the person's whole statement, with the heard words inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_QUOTED = re.compile(r"“(?P<curly>[^“”\n]*[^\W_][^“”\n]*)”|\"(?P<plain>[^\"\n]*[^\W_][^\"\n]*)\"")
# A word named rather than said: `the word "gripper"`, `so-called "AI 2C"`.
_NAMED_WORD = re.compile(
    r"\b(?:the (?:word|term|phrase|name|label)s?|so-called|called|dubbed|titled)[ \t]*$", re.I
)
# Where a clause ends: a semicolon, or a sentence's end followed by a space.
_CLAUSE_END = re.compile(r";|[.!?](?=\s)")
# Words someone reports hearing from others, not their own: `most annoying thing is hearing`.
_HEARD = re.compile(r"\b(?:hearing|heard|hear|being told|told)[ \t]*$", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@dataclass(frozen=True, slots=True)
class Quoted:
    start: int  # of the words, inside the quotation marks, in the text given
    end: int
    words: str
    speaker: str | None
    clause: str  # the words of its clause before it: `His judgment: ... or else`


def quoted(text: str, names: Iterable[str]) -> list[Quoted]:
    """Every quotation in `text`, each with the nearest of `names` before it in its clause."""
    patterns = _name_patterns(names)
    found = []
    for match in _QUOTED.finditer(text):
        group = "curly" if match["curly"] is not None else "plain"
        clause = _clause_start(text, match.start())
        if _NAMED_WORD.search(text, clause, match.start()):
            continue
        speaker = _nearest(text, clause, match.start(), patterns)
        if speaker is not None and _HEARD.search(text, clause, match.start()):
            found.append(_statement(text, clause, match, speaker))
            continue
        found.append(
            Quoted(
                start=match.start(group),
                end=match.end(group),
                words=match[group],
                speaker=_nearest(text, clause, match.start(), patterns),
                clause=text[clause : match.start()].strip(),
            )
        )
    return found


def _statement(text: str, clause: int, match: re.Match[str], speaker: str) -> Quoted:
    """The speaker's statement around words they heard: from after the clause's last colon
    (`He Tao's hot take:`) to the end of the sentence."""
    colon = text.rfind(":", clause, match.start())
    start = colon + 1 if colon != -1 else clause
    start += len(text[start:]) - len(text[start:].lstrip())
    ending = _SENTENCE_END.search(text, match.end())
    end = ending.end() if ending else len(text.rstrip())
    return Quoted(start, end, text[start:end], speaker, text[clause:start].strip())


def _clause_start(text: str, before: int) -> int:
    start = 0
    inside = False
    for index, char in enumerate(text[:before]):
        if char in '“”"':
            inside = char == "“" or (char == '"' and not inside)
        elif not inside and _CLAUSE_END.match(text, index):
            start = index + 1
    return start


def _name_patterns(names: Iterable[str]) -> list[tuple[str, re.Pattern[str]]]:
    unique = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
    return [(n, re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])")) for n in unique]


def _nearest(
    text: str, start: int, end: int, patterns: Sequence[tuple[str, re.Pattern[str]]]
) -> str | None:
    best: tuple[int, str] | None = None
    for name, pattern in patterns:
        for match in pattern.finditer(text, start, end):
            if best is None or match.start() > best[0]:
                best = (match.start(), name)
    return best[1] if best else None
