"""Numbered Q&A abstract: a title, short headings (`🌈 Abstract`, `🙋 Q&A`), sections
(`[01] ...`) of numbered items with the question and its answer on one line.

The items are an author's summary of an interview, not anyone's words: no quotes come out of
this form. A numbered item becomes a QUESTION passage (from its number up to and including the
first question mark) and an ANSWER passage (the rest). A `[NN]` section sits under the last
plain heading; plain headings are top level. People: `its founder X`, `CEO X` and the like.
"""

from __future__ import annotations

import re

from bot.domain.records import (
    Document,
    DocumentKind,
    ParsedDocument,
    Passage,
    PassageKind,
    PersonMention,
)
from bot.ingest.blocks import Block, paragraphs
from bot.ingest.forms import NAME, NUMBERED_QA, SECTION_NUMBER
from bot.ingest.forms.markdown import clean_title, language_of

_NUMBERED = re.compile(r"\d{1,3}[.)][ \t]+\S")
_SENTENCE_END = re.compile(r"[.?!。？！…:;,][\"”’')\]」』]*$")
_HEADING_MAX = 80
_ROLE = re.compile(
    r"\b(?:(?:its|the|their|his|her)[ \t]+)?"
    rf"(?P<role>co-?founder|founder|CEO|chief executive)(?:[ \t]+and[ \t]+\w+)?,?[ \t]+"
    rf"(?P<name>{NAME})"
)


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.passages: list[Passage] = []

    def add(self, kind: PassageKind, path: tuple[str, ...], start: int, end: int) -> int:
        ordinal = len(self.passages)
        self.passages.append(
            Passage(
                ordinal=ordinal,
                kind=kind,
                heading_path=path,
                text=self.text[start:end],
                start=start,
                end=end,
            )
        )
        return ordinal


def parse(file: str, text: str, sha256: str) -> ParsedDocument:
    blocks = paragraphs(text)
    built = _Builder(text)
    top: tuple[str, ...] = ()
    path: tuple[str, ...] = ()
    title_end = blocks[0].start + len(blocks[0].text.split("\n", 1)[0]) if blocks else 0
    for i, block in enumerate(blocks):
        if i == 0:
            built.add(PassageKind.HEADING, (), block.start, block.end)
        elif item := NUMBERED_QA.fullmatch(block.text):
            split = block.start + item.end("question")
            built.add(PassageKind.QUESTION, path, block.start, split)
            built.add(PassageKind.ANSWER, path, block.start + item.start("answer"), block.end)
        elif _NUMBERED.match(block.text):
            built.add(PassageKind.BULLET, path, block.start, block.end)
        elif SECTION_NUMBER.match(block.text) and _is_heading(block):
            built.add(PassageKind.HEADING, top, block.start, block.end)
            path = (*top, clean_title(block.text))
        elif _is_heading(block):
            built.add(PassageKind.HEADING, (), block.start, block.end)
            top = path = (clean_title(block.text),)
        else:
            built.add(PassageKind.PARAGRAPH, path, block.start, block.end)
    title = text[blocks[0].start : title_end] if blocks else file
    document = Document(
        file=file,
        title=title,
        outlet=None,
        published=None,
        kind=DocumentKind.ABSTRACT,
        language=language_of(text[title_end:]),  # by the body: the title may be in another
        sha256=sha256,
        text=text,
    )
    passages = tuple(built.passages)
    return ParsedDocument(document=document, passages=passages, people=_people(passages))


def _is_heading(block: Block) -> bool:
    text = block.text
    return "\n" not in text and len(text) <= _HEADING_MAX and not _SENTENCE_END.search(text)


def _people(passages: tuple[Passage, ...]) -> tuple[PersonMention, ...]:
    found: dict[str, PersonMention] = {}
    for passage in passages:
        if passage.kind is PassageKind.HEADING:
            continue
        for match in _ROLE.finditer(passage.text):
            name = match["name"]
            if name not in found:
                role = match["role"] if match["role"].isupper() else match["role"].lower()
                found[name] = PersonMention(
                    name=name, role=role, passage=passage.ordinal, evidence=match.group()
                )
    return tuple(found.values())
