"""Podcast show notes: a title, an intro, timestamped chapters (`🟢 14:12 Title`) with their
teaser lines, then a tail about the show (subscribe, host blurb).

Every line is a passage. A chapter line is a CHAPTER and its lines sit under
`("14:12 Title",)`; the intro has no heading path. After the last chapter, the first line that
starts with an emoji (`🚦 ...`, `👦🏻 Host ...`) or with "Subscribe"/"Follow"/"About" begins the
tail, which sits under `("About the show",)`. Every quotation in a line is a Quote, with the
person its clause names before it as the speaker (`IO watches for "..."`), else none: a line
that is wholly a quotation does not say who said it. `Host X: ...` is the host speaking.
People: the guests the intro lists after "sat down with" and the like
(`MiniMax CEO Junjie Yan (IO)`, `Jiayuan Zhang of Multica`, `Yu Yang, AI lead at ...`), and
`Host X`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

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
from bot.ingest.quoted import quoted

ABOUT = "About the show"
_SHOW = re.compile(
    r"\bThis (?:week|month|episode|edition|issue)['’]s "
    r"(?P<show>[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3}) (?:was|is|were) (?:recorded|taped|filmed)"
)
_TAIL = re.compile(r"(?:Subscribe|Follow|About)\b")
_HOST_SPEECH = re.compile(rf"\b[Hh]ost[ \t]+(?P<name>{NAME})[ \t]*[:：][ \t]*(?P<words>\S.*)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+")
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
    speeches: list[tuple[Block, int]] = []
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
            speeches.append((block, i))
            people.extend(_guests(block, i))
            people.extend(_hosts(block, i))
    names = [name for person in people for name in (person.name, *person.other_names)]
    for block, i in speeches:
        quotes.extend(_quotes(block, i, names))
    quotes = _in_main_voice(quotes, passages)
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


def _quotes(block: Block, ordinal: int, names: list[str]) -> list[Quote]:
    if host := _HOST_SPEECH.search(block.text):
        words = _own_words(host["words"], host["name"])
        start = block.start + host.start("words")
        return [
            Quote(
                passage=ordinal,
                speaker=host["name"],
                text=words,
                start=start,
                end=start + len(words),
            )
        ]
    return [
        Quote(
            passage=ordinal,
            speaker=found.speaker,
            text=found.words,
            start=block.start + found.start,
            end=block.start + found.end,
        )
        for found in quoted(block.text, names)
    ]


def _in_main_voice(quotes: list[Quote], passages: list[Passage]) -> list[Quote]:
    """Give the show's main voice the quotes no one is named for, in chapters that name no one
    else: the speaker named in the most chapters (at least two) is the one whose share the
    chapters are (`IO watches for ...`, then `"basically 10x larger"` in a chapter of IO's)."""
    chapters: dict[tuple[str, ...], set[str]] = {}
    for quote in quotes:
        path = passages[quote.passage].heading_path
        if path and path != (ABOUT,):
            named = chapters.setdefault(path, set())
            if quote.speaker:
                named.add(quote.speaker)
    counts = Counter(name for named in chapters.values() for name in named)
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) == 2 and top[1][1] == top[0][1]):
        return quotes
    voice = top[0][0]
    return [
        quote.model_copy(update={"speaker": voice})
        if quote.speaker is None
        and (path := passages[quote.passage].heading_path) in chapters
        and chapters[path] <= {voice}
        else quote
        for quote in quotes
    ]


def _own_words(words: str, name: str) -> str:
    """The host's words: the sentences before one that names the host (`Koji on Jike`)."""
    kept: list[str] = []
    for sentence in _SENTENCE_END.split(words):
        if kept and re.search(rf"\b{re.escape(name)}\b", sentence):
            break
        kept.append(sentence)
    return words[: words.index(kept[-1]) + len(kept[-1])]


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
