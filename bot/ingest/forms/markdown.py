"""Generic markdown structure: headings, paragraphs, bullets, table rows and code blocks.

`outline` walks a markdown text once and returns its passages (heading paths, offsets into the
text) together with the structure a form parser reads: the sections, the tables with their header
and data rows, and every line with the section and the bold label line it sits under.
Nothing here knows about models, people or MiniMax.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.errors import IngestError
from bot.domain.records import Passage, PassageKind
from bot.ingest.blocks import Block, lines

_HEADING = re.compile(r"(?P<hashes>#{1,6})\s+(?P<title>.*?)(?:\s+#+)?\s*")
_FENCE = re.compile(r"`{3,}|~{3,}")
_RULE = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
_BULLET = re.compile(r"(?:[-*+]|\d{1,3}[.)])\s+")
_SEPARATOR = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")
_PIPE = re.compile(r"(?<!\\)\|")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_STRONG = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_EM = re.compile(r"(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])")
_CODE = re.compile(r"`([^`]*)`")
_LABEL = re.compile(r"\*\*([^*]+)\*\*:?")
_KEY_VALUE = (
    re.compile(r"\*\*(?P<key>[^*]+?):\*\*\s*(?P<value>.*)"),
    re.compile(r"\*\*(?P<key>[^*]+?)\*\*\s*:\s*(?P<value>.*)"),
)
_WS = re.compile(r"\s+")
_MARKUP = re.compile(r"[*_`\[]")
_SCRIPTS = {  # the first listed wins a tie
    "en": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "ko": re.compile(r"[\uac00-\ud7af]"),
}


def clean_inline(text: str) -> str:
    """Markdown inline markup removed: links keep their text, emphasis and code marks go."""
    if not _MARKUP.search(text):
        return " ".join(text.split())
    text = _LINK.sub(r"\1", text)
    text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    text = _EM.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    return _WS.sub(" ", text).strip()


def clean_title(text: str) -> str:
    """A heading or label as plain text: no markup, no leading emoji, no trailing colon."""
    text = clean_inline(text)
    while text and (
        unicodedata.category(text[0]) in {"So", "Sk", "Mn", "Me", "Cf", "Cs", "Co"}
        or text[0].isspace()
    ):
        text = text[1:]
    return text.rstrip(":").strip()


def key_value(text: str) -> tuple[str, str] | None:
    """`**Key**: value` or `**Key:** value`, with or without a bullet, as (key, raw value)."""
    bullet = _BULLET.match(text)
    body = text[bullet.end() :] if bullet else text
    for pattern in _KEY_VALUE:
        if match := pattern.fullmatch(body):
            return clean_title(match["key"]), match["value"].strip()
    return None


def language_of(text: str) -> str:
    """BCP 47 primary tag by script: the script with the most letters wins."""
    counts = {tag: len(pattern.findall(text)) for tag, pattern in _SCRIPTS.items()}
    if counts["ja"]:  # kana: Japanese, whose Han letters count with it
        counts["ja"] += counts["zh"]
    return max(counts, key=lambda tag: counts[tag])


@dataclass(frozen=True, slots=True)
class Section:
    """A heading; the lines under it point back to it."""

    title: str  # clean_title of the heading
    level: int
    path: tuple[str, ...]  # titles of the headings above it, outermost first
    passage: int
    text: str  # the raw heading line


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line outside code blocks, with where it sits."""

    text: str  # raw, == source[start:end]
    start: int
    end: int
    number: int  # 1-based
    passage: int  # ordinal of the passage that holds it
    kind: PassageKind
    section: Section | None
    label: Line | None  # the nearest bold label line above it in its section
    is_label: bool = False  # the whole line is bold: `**Market Position:**`

    @property
    def label_text(self) -> str | None:
        return clean_title(self.label.text) if self.label else None


@dataclass(frozen=True, slots=True)
class Row:
    line: Line
    cells: tuple[tuple[str, str], ...]  # (clean header, clean cell)

    def get(self, header: str) -> str:
        return next((cell for name, cell in self.cells if name == header), "")


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]  # clean header cells
    header_text: str  # the raw header row
    section: Section | None
    rows: tuple[Row, ...]  # data rows only: no header, separator or group label rows


@dataclass(frozen=True, slots=True)
class Outline:
    title: str | None  # the first level-1 heading
    passages: tuple[Passage, ...]
    lines: tuple[Line, ...]
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]


def split_row(text: str) -> list[str]:
    """The raw cells of a `| a | b |` row."""
    inner = text.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip() for cell in _PIPE.split(inner)]


def _is_group_label(cells: list[str]) -> bool:
    return bool(cells) and bool(_LABEL.fullmatch(cells[0])) and not any(cells[1:])


class _Walker:
    def __init__(self, text: str, file: str) -> None:
        self.text, self.file = text, file
        self.blocks = lines(text)
        self.passages: list[Passage] = []
        self.lines: list[Line] = []
        self.sections: list[Section] = []
        self.tables: list[Table] = []
        self.stack: list[tuple[int, str]] = []
        self.title: str | None = None
        self.section: Section | None = None
        self.label: Line | None = None

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(title for _, title in self.stack)

    def passage(
        self,
        kind: PassageKind,
        first: Block,
        last: Block,
        path: tuple[str, ...] | None = None,
        cells: tuple[tuple[str, str], ...] = (),
    ) -> int:
        ordinal = len(self.passages)
        self.passages.append(
            Passage(
                ordinal=ordinal,
                kind=kind,
                heading_path=self.path if path is None else path,
                text=self.text[first.start : last.end],
                start=first.start,
                end=last.end,
                cells=cells,
            )
        )
        return ordinal

    def line(self, block: Block, ordinal: int, kind: PassageKind, is_label: bool = False) -> Line:
        at = (block.text, block.start, block.end, block.line)
        line = Line(*at, ordinal, kind, self.section, self.label, is_label)
        self.lines.append(line)
        return line

    def walk(self) -> Outline:
        i = 0
        while i < len(self.blocks):
            i = self.step(i)
        found = (tuple(self.passages), tuple(self.lines), tuple(self.sections), tuple(self.tables))
        return Outline(self.title, *found)

    def step(self, i: int) -> int:
        block = self.blocks[i]
        if fence := _FENCE.match(block.text):
            return self.code(i, fence.group())
        if _RULE.fullmatch(block.text):
            return i + 1
        if heading := _HEADING.fullmatch(block.text):
            self.heading(block, len(heading["hashes"]), clean_title(heading["title"]))
            return i + 1
        if block.text.startswith("|"):
            end = self.run(i, lambda b: b.text.startswith("|"))
            if end - i >= 2 and _SEPARATOR.fullmatch(self.blocks[i + 1].text):
                self.table(self.blocks[i:end])
                return end
        if _BULLET.match(block.text):
            self.line(block, self.passage(PassageKind.BULLET, block, block), PassageKind.BULLET)
            return i + 1
        return self.paragraph(i)

    def run(self, i: int, keep: Callable[[Block], bool]) -> int:
        end = i + 1
        while (
            end < len(self.blocks)
            and self.blocks[end].line == self.blocks[end - 1].line + 1
            and keep(self.blocks[end])
        ):
            end += 1
        return end

    def code(self, i: int, fence: str) -> int:
        for j in range(i + 1, len(self.blocks)):
            closing = self.blocks[j].text
            if closing.startswith(fence) and not closing.strip(fence[0]):
                self.passage(PassageKind.CODE, self.blocks[i], self.blocks[j])
                return j + 1
        raise IngestError(self.file, "code block is never closed", self.blocks[i].line)

    def heading(self, block: Block, level: int, title: str) -> None:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        ordinal = self.passage(PassageKind.HEADING, block, block)
        self.section = Section(title, level, self.path, ordinal, block.text)
        self.sections.append(self.section)
        self.label = None
        self.line(block, ordinal, PassageKind.HEADING)
        if level == 1 and self.title is None:
            self.title = title  # the document's title: not part of any heading path
        else:
            self.stack.append((level, title))

    def paragraph(self, i: int) -> int:
        end = self.run(i, lambda b: not _starts_structure(b.text))
        ordinal = self.passage(PassageKind.PARAGRAPH, self.blocks[i], self.blocks[end - 1])
        for block in self.blocks[i:end]:
            is_label = bool(_LABEL.fullmatch(block.text))
            line = self.line(block, ordinal, PassageKind.PARAGRAPH, is_label)
            if is_label:
                self.label = line
        return end

    def table(self, rows: list[Block]) -> None:
        header = tuple(clean_title(cell) for cell in split_row(rows[0].text))
        group: tuple[str, ...] = ()
        data: list[Row] = []
        for block in rows[2:]:
            raw = split_row(block.text)
            if _is_group_label(raw):
                group = (clean_title(raw[0]),)
                ordinal = self.passage(PassageKind.HEADING, block, block)
                self.line(block, ordinal, PassageKind.HEADING)
                continue
            names = header + ("",) * max(0, len(raw) - len(header))
            cells = tuple(zip(names, (clean_inline(c) for c in raw), strict=False))
            cells += tuple((name, "") for name in names[len(cells) :])
            ordinal = self.passage(PassageKind.TABLE_ROW, block, block, self.path + group, cells)
            data.append(Row(self.line(block, ordinal, PassageKind.TABLE_ROW), cells))
        self.tables.append(Table(header, rows[0].text, self.section, tuple(data)))


def _starts_structure(text: str) -> bool:
    return bool(
        _FENCE.match(text)
        or _RULE.fullmatch(text)
        or _HEADING.fullmatch(text)
        or _BULLET.match(text)
        or text.startswith("|")
    )


def outline(text: str, file: str) -> Outline:
    """The structure of a markdown text; an unclosed code block is an IngestError."""
    return _Walker(text, file).walk()
