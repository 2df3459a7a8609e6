"""Split a document's text into lines and paragraphs that remember where they are."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Block:
    text: str  # stripped of surrounding whitespace; == source[start:end]
    start: int
    end: int
    line: int  # 1-based line number of the first line, for error messages


def lines(text: str) -> list[Block]:
    """Every non-blank line, stripped, with its offsets and line number."""
    found: list[Block] = []
    line_starts = 0
    last = 0
    for match in _LINE.finditer(text):
        line_starts += text.count("\n", last, match.start())
        last = match.start()
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        found.append(Block(stripped, start, start + len(stripped), line_starts + 1))
    return found


def paragraphs(text: str) -> list[Block]:
    """Runs of non-blank lines separated by blank lines; inner newlines kept."""
    found: list[Block] = []
    run: list[Block] = []
    previous_line = -2
    for block in lines(text):
        if run and block.line != previous_line + 1:
            found.append(_join(text, run))
            run = []
        run.append(block)
        previous_line = block.line
    if run:
        found.append(_join(text, run))
    return found


def _join(text: str, run: list[Block]) -> Block:
    start, end = run[0].start, run[-1].end
    return Block(text[start:end], start, end, run[0].line)
