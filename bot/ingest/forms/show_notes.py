"""Podcast show notes: a title, an intro, timestamped chapters (`🟢 14:12 Title`) with their
teaser lines, then a tail about the show (subscribe, host blurb).

Every line is a passage. A chapter line is a CHAPTER and its lines sit under
`("14:12 Title",)`; the intro has no heading path. After the last chapter, the first line that
starts with an emoji (`🚦 ...`, `👦🏻 Host ...`) or with "Subscribe"/"Follow"/"About" begins the
tail, which sits under `("About the show",)`. A line that is wholly a quotation is a Quote
without a speaker (show notes do not say who said it); lines that merely contain a quoted
fragment are not quotes. People: the guests the intro lists after "sat down with" and the like
(`MiniMax CEO Junjie Yan (IO)`, `Jiayuan Zhang of Multica`, `Yu Yang, AI lead at ...`), and
`Host X`.
"""

from __future__ import annotations

import re
import unicodedata

from bot.domain.records import (
    Document,
    DocumentKind,
    ParsedDocument,
    Passage,
    PassageKind,
    PersonMention,
    Quote,
)
from bot.ingest.blocks import Block, lines
from bot.ingest.forms import CHAPTER, NAME
from bot.ingest.forms.markdown import language_of

ABOUT = "About the show"
_SHOW = re.compile(
    r"\bThis (?:week|month|episode|edition|issue)['’]s "
    r"(?P<show>[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3}) (?:was|is|were) (?:recorded|taped|filmed)"
)
_TAIL = re.compile(r"(?:Subscribe|Follow|About)\b")
_WHOLE_QUOTE = re.compile(r"[\"“](?P<words>[^\"“”\n]+)[\"”]")
_GUESTS = re.compile(
    r"\b(?:sat down with|sits down with|spoke with|speaks with|talked (?:with|to)|talks (?:with|to)"
    r"|joined by|featuring|guests (?:are|were|include|included))[ \t]+(?P<list>[^.\n]+)"
)
_GUEST = re.compile(
    r"(?P<core>.*?)(?:[ \t]*\((?P<alias>[^()]+)\))?"
    r"(?:[ \t]+(?P<affiliation>(?:of|from|at)[ \t].+))?"
)
_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+")
_NAME_WORDS = 3  # a guest's name is the last one to three capitalised words of its item
_HOST = re.compile(rf"\b(?:[Hh]ost|[Hh]osted by)[ \t]+(?P<name>{NAME})\b")
_ITEM = re.compile(r"[^,]+")
_AND = re.compile(r"(?:and|&)[ \t]+")


def parse(file: str, text: str, sha256: str) -> ParsedDocument:
    found = lines(text)
    chapters = {i for i, block in enumerate(found) if i > 0 and CHAPTER.fullmatch(block.text)}
    tail = _tail_start(found, max(chapters, default=len(found)))
    passages: list[Passage] = []
    quotes: list[Quote] = []
    people: list[PersonMention] = []
    path: tuple[str, ...] = ()
    for i, block in enumerate(found):
        kind = PassageKind.HEADING if i == 0 else PassageKind.PARAGRAPH
        chapter = CHAPTER.fullmatch(block.text) if i in chapters else None
        if chapter:
            kind, path = PassageKind.CHAPTER, ()
        elif i == tail:
            path = (ABOUT,)
        passages.append(
            Passage(
                ordinal=i,
                kind=kind,
                heading_path=path,
                text=block.text,
                start=block.start,
                end=block.end,
            )
        )
        if chapter:
            path = (f"{chapter['time']} {chapter['title'].strip()}",)
        elif kind is PassageKind.PARAGRAPH:
            quotes.extend(_quote(block, i))
            people.extend(_guests(block, i))
            people.extend(_hosts(block, i))
    show = _SHOW.search(text)
    document = Document(
        file=file,
        title=found[0].text if found else file,
        outlet=show["show"] if show else None,
        published=None,
        kind=DocumentKind.SHOW_NOTES,
        language=language_of(text),
        sha256=sha256,
        text=text,
    )
    return ParsedDocument(
        document=document, passages=tuple(passages), quotes=tuple(quotes), people=_first(people)
    )


def _starts_with_emoji(text: str) -> bool:
    return unicodedata.category(text[0]) in {"So", "Sk"}


def _tail_start(found: list[Block], last_chapter: int) -> int | None:
    for i in range(last_chapter + 1, len(found)):
        if _starts_with_emoji(found[i].text) or _TAIL.match(found[i].text):
            return i
    return None


def _quote(block: Block, ordinal: int) -> list[Quote]:
    if not (match := _WHOLE_QUOTE.fullmatch(block.text)):
        return []
    start, end = block.start + match.start("words"), block.start + match.end("words")
    return [Quote(passage=ordinal, speaker=None, text=match["words"], start=start, end=end)]


def _guests(block: Block, ordinal: int) -> list[PersonMention]:
    """People in a guest list: `A (alias), B of X, and C, role at Y`."""
    found: list[PersonMention] = []
    for listed in _GUESTS.finditer(block.text):
        offset = listed.start("list")
        for item in _ITEM.finditer(listed["list"]):
            piece = item.group()
            start = offset + item.start() + len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if joined := _AND.match(piece):
                piece, start = piece[joined.end() :], start + joined.end()
            evidence = block.text[start : start + len(piece)]
            if guest := _guest(piece, ordinal, evidence):
                found.append(guest)
            elif found and piece:  # an apposition: `Yu Yang, AI lead at ...` describes Yu Yang
                last = found[-1]
                evidence = block.text[block.text.index(last.evidence, offset) : start + len(piece)]
                found[-1] = last.model_copy(update={"role": piece, "evidence": evidence})
    return found


def _guest(piece: str, ordinal: int, evidence: str) -> PersonMention | None:
    """`MiniMax CEO Junjie Yan (IO)`, `Jiayuan Zhang of Multica`; None when no name ends it."""
    parts = _GUEST.fullmatch(piece)
    if not parts:
        return None
    words = parts["core"].split()
    first = len(words)
    while first > 0 and len(words) - first < _NAME_WORDS and _NAME_WORD.fullmatch(words[first - 1]):
        first -= 1
    if first == len(words):
        return None
    role = " ".join(p for p in (" ".join(words[:first]), parts["affiliation"]) if p) or None
    aliases = (parts["alias"].strip(),) if parts["alias"] else ()
    name = " ".join(words[first:])
    return PersonMention(
        name=name, other_names=aliases, role=role, passage=ordinal, evidence=evidence
    )


def _hosts(block: Block, ordinal: int) -> list[PersonMention]:
    return [
        PersonMention(name=match["name"], role="host", passage=ordinal, evidence=match.group())
        for match in _HOST.finditer(block.text)
    ]


def _first(people: list[PersonMention]) -> tuple[PersonMention, ...]:
    seen: dict[str, PersonMention] = {}
    for person in people:
        seen.setdefault(person.name, person)
    return tuple(seen.values())
