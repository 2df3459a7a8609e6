"""Q&A interview: a preface, then interviewer turns (`· LatePost: ...`) and answerer turns
(`Junjie Yan: ...`) under section headings.

Every paragraph is a passage. A turn runs from its label to the next turn, heading or the
credits after the last answer, so an answer may span several paragraphs. A section heading is
a run of short paragraphs without sentence-final punctuation right before a question (a heading
broken over two paragraphs is one heading). Every answer is a Quote of its speaker, with the
question it answers; an interviewer's line is never a quote. In the preface, `"...," Yan says.`
is a quote of "Yan". People: answerer labels, person-named interviewer labels, bylines, credits.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.domain.records import (
    Document,
    DocumentKind,
    ParsedDocument,
    Passage,
    PassageKind,
    PersonMention,
    Quote,
    Voice,
)
from bot.ingest.blocks import Block, paragraphs
from bot.ingest.forms import ANSWER_TURN, NAME, QUESTION_TURN, turn_labels
from bot.ingest.forms.markdown import language_of
from bot.ingest.quoted import Quoted, quoted

_TITLE = re.compile(r"(?P<outlet>[^|｜\n]{1,60}?)[ \t]*[|｜][ \t]*(?P<title>\S.*)")
_REPUBLISHED = re.compile(
    r"\b(?:republished|reprinted)\b[^.\n]{0,40}?\bfrom[ \t]+"
    r"(?P<outlet>[A-Z][\w&.'’-]*(?:[ \t][A-Z][\w&'’-]*){0,3})"
)
_SENTENCE_END = re.compile(r"[.?!。？！…:;][\"”’')\]」』]*$")
_HEADING_MAX = 120
_BYLINES = (
    (re.compile(rf"(?:By|Written by|Text by|Author:)[ \t]+(?P<name>{NAME})"), "author"),
    (re.compile(rf"(?:Edited by|Editor:)[ \t]+(?P<name>{NAME})"), "editor"),
    (
        re.compile(rf"(?P<name>{NAME}) also contributed to this (?:article|report|story)\.?"),
        "contributor",
    ),
)
_CREDIT = re.compile(
    r"(?i:(?:cover |header )?(?:image|photo|picture)s?(?: source| credit)?s?[ \t]*[:：].*"
    r"|source[ \t]*[:：].*)"
)
_SAYS = r"(?:says|said|adds|added|explains|explained|recalls|recalled|notes|noted)"
_SPEECH = (
    re.compile(rf"[\"“](?P<words>[^\"“”\n]+?),?[\"”],?[ \t]+(?P<speaker>{NAME})[ \t]+{_SAYS}\b"),
    re.compile(rf"(?P<speaker>{NAME})[ \t]+{_SAYS}[,:][ \t]*[\"“](?P<words>[^\"“”\n]+?)[\"”]"),
)
_HIS = re.compile(r"(?:His|Her|He|She)\b")
# An interviewer label is a person only when it is a full name, not an outlet ("LatePost").
_PERSON_LABEL = re.compile(rf"(?=\S+\s+\S)(?:{NAME})")


def parse(file: str, text: str, sha256: str) -> ParsedDocument:
    blocks = paragraphs(text)
    title, publisher = _header(blocks, file)
    republished = _REPUBLISHED.search(text)
    outlet = republished["outlet"].rstrip(".") if republished else publisher
    walker = _Walker(text, blocks, {publisher, outlet})
    walker.walk()
    document = Document(
        file=file,
        title=title,
        outlet=outlet,
        publisher=publisher if outlet != publisher else None,
        authors=_credited(walker.people, "author"),
        editors=_credited(walker.people, "editor"),
        published=None,
        kind=DocumentKind.INTERVIEW,
        language=language_of(text),
        sha256=sha256,
        text=text,
    )
    people: dict[str, PersonMention] = {}
    for person in walker.people:
        people.setdefault(person.name, person)
    passages = walker.passages
    if republished is not None and document.publisher is not None:
        line_end = text.find("\n", republished.end())
        passages = _voiced(passages, len(text) if line_end < 0 else line_end)
    return ParsedDocument(
        document=document,
        passages=tuple(passages),
        quotes=tuple(walker.quotes),
        people=tuple(people.values()),
    )


class _Walker:
    """One pass over the paragraphs, knowing where the turns, headings and credits are."""

    def __init__(self, text: str, blocks: list[Block], outlets: set[str | None]) -> None:
        self.text, self.blocks, self.outlets = text, blocks, outlets
        interviewers, answerers = turn_labels(text)
        self.answerers = answerers
        self.questions = _turns(blocks, QUESTION_TURN, interviewers)
        self.answers = _turns(blocks, ANSWER_TURN, answerers)
        self.headings = _headings(blocks, set(self.questions), set(self.answers))
        self.epilogue = _epilogue(blocks, self.questions, self.answers)
        self.boundaries = sorted(
            {*self.questions, *self.answers, *self.headings, self.epilogue, len(blocks)}
        )
        self.passages: list[Passage] = []
        self.quotes: list[Quote] = []
        self.people: list[PersonMention] = []
        self.path: tuple[str, ...] = ()
        self.question: str | None = None

    def walk(self) -> None:
        i = 0
        while i < len(self.blocks):
            if i in self.headings:
                i = self.heading(i, self.headings[i])
            elif i in self.questions or i in self.answers:
                i = self.turn(i, i in self.questions)
            else:
                i = self.other(i)

    def add(self, kind: PassageKind, path: tuple[str, ...], first: Block, last: Block) -> int:
        ordinal = len(self.passages)
        passage = Passage(
            ordinal=ordinal,
            kind=kind,
            heading_path=path,
            text=self.text[first.start : last.end],
            start=first.start,
            end=last.end,
        )
        self.passages.append(passage)
        return ordinal

    def heading(self, i: int, last: int) -> int:
        run = self.blocks[i : last + 1]
        self.add(PassageKind.HEADING, (), run[0], run[-1])
        self.path = (" ".join(" ".join(block.text.split()) for block in run),)
        self.question = None
        return last + 1

    def turn(self, i: int, is_question: bool) -> int:
        """A turn and its continuation paragraphs, up to the next turn, heading or credits."""
        last = self.boundaries[bisect_right(self.boundaries, i)] - 1
        match = (QUESTION_TURN if is_question else ANSWER_TURN).match(self.blocks[i].text)
        assert match is not None  # _turns keeps only paragraphs that match
        kind = PassageKind.QUESTION if is_question else PassageKind.ANSWER
        first = len(self.passages)
        for block in self.blocks[i : last + 1]:
            self.add(kind, self.path, block, block)
        start, end = self.blocks[i].start + match.end(), self.blocks[last].end
        while start < end and self.text[start].isspace():  # a label alone on its paragraph
            start += 1
        label = match["label"]
        evidence = self.blocks[i].text[: match.end()].rstrip()
        if is_question:
            self.question = self.text[start:end]
            if label not in self.outlets and _PERSON_LABEL.fullmatch(label):
                self.people.append(
                    PersonMention(name=label, role="interviewer", passage=first, evidence=evidence)
                )
            return last + 1
        words = self.text[start:end]
        quote = Quote(
            passage=first, speaker=label, text=words, start=start, end=end, question=self.question
        )
        self.quotes.append(quote)
        self.people.append(PersonMention(name=label, passage=first, evidence=evidence))
        return last + 1

    def other(self, i: int) -> int:
        """The title line, the preface and the credits after the last answer."""
        block = self.blocks[i]
        if i == 0:
            self.add(PassageKind.HEADING, (), block, block)
            return 1
        ordinal = self.add(
            PassageKind.PARAGRAPH, () if i >= self.epilogue else self.path, block, block
        )
        said = _speech(block, ordinal)
        self.quotes.extend(said)
        self.quotes.extend(_narrative(block, ordinal, said, self.speakers()))
        self.people.extend(_bylines(block, ordinal))
        return i + 1

    def speakers(self) -> list[str]:
        """Who the narrative may name as a speaker: the answerers, by full name and surname."""
        return [*self.answerers, *(name.split()[-1] for name in self.answerers)]


def _voiced(passages: list[Passage], original_from: int) -> list[Passage]:
    """Each passage with who speaks in it: the republisher up to the end of the line that says
    it republishes the original (its introduction, that line included), the original outlet
    from there on."""
    return [
        passage.model_copy(
            update={"voice": Voice.PUBLISHER if passage.end <= original_from else Voice.ORIGINAL}
        )
        for passage in passages
    ]


def _header(blocks: list[Block], file: str) -> tuple[str, str | None]:
    """The title and the publisher of the first line `Publisher | Title` (or the line alone)."""
    first_line = blocks[0].text.split("\n", 1)[0] if blocks else file
    if heading := _TITLE.fullmatch(first_line):
        return heading["title"].strip(), heading["outlet"].strip()
    return first_line, None


def _turns(blocks: list[Block], pattern: re.Pattern[str], labels: set[str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for i, block in enumerate(blocks):
        if (match := pattern.match(block.text)) and match["label"] in labels:
            found[i] = match["label"]
    return found


def _heading_like(block: Block) -> bool:
    text = block.text
    if len(text) > _HEADING_MAX or _SENTENCE_END.search(text):
        return False
    return not any(pattern.fullmatch(text) for pattern, _ in _BYLINES)


def _headings(blocks: list[Block], questions: set[int], answers: set[int]) -> dict[int, int]:
    """First paragraph -> last paragraph of every heading run that sits right before a question."""
    found: dict[int, int] = {}
    turns = questions | answers
    for q in sorted(questions):
        first = q
        while first - 1 > 0 and first - 1 not in turns and _heading_like(blocks[first - 1]):
            first -= 1
        if first < q:
            found[first] = q - 1
    return found


def _epilogue(blocks: list[Block], questions: dict[int, str], answers: dict[int, str]) -> int:
    """Index of the first credits paragraph after the last answer (or len(blocks))."""
    last_turn = max([*questions, *answers], default=len(blocks))
    for i in range(last_turn + 1, len(blocks)):
        text = blocks[i].text
        if _CREDIT.fullmatch(text) or any(p.fullmatch(text) for p, _ in _BYLINES):
            return i
    return len(blocks)


def _speech(block: Block, ordinal: int) -> list[Quote]:
    found: list[Quote] = []
    for pattern in _SPEECH:
        for match in pattern.finditer(block.text):
            start, end = block.start + match.start("words"), block.start + match.end("words")
            found.append(
                Quote(
                    passage=ordinal,
                    speaker=match["speaker"],
                    text=match["words"],
                    start=start,
                    end=end,
                    question=None,
                )
            )
    return sorted(found, key=lambda quote: quote.start)


def _narrative(block: Block, ordinal: int, said: list[Quote], names: list[str]) -> list[Quote]:
    """The other quotations of a narrative paragraph, with the answerer its clause names. When
    there is one answerer, a paragraph that is wholly a quotation (a pull quote) and a clause
    that speaks of "his judgment" or what "he says" are theirs."""
    only = names[0] if len(names) == 2 else None  # one answerer: full name and surname

    def speaker(found: Quoted) -> str | None:
        whole = (found.start, found.end) == (1, len(block.text) - 1)
        return found.speaker or (only if whole or _HIS.match(found.clause) else None)

    return [
        Quote(
            passage=ordinal,
            speaker=speaker(found),
            text=found.words,
            start=block.start + found.start,
            end=block.start + found.end,
        )
        for found in quoted(block.text, names)
        if not any(q.start <= block.start + found.start < q.end + 2 for q in said)
    ]


def _credited(people: list[PersonMention], role: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.name for p in people if p.role == role))


def _bylines(block: Block, ordinal: int) -> list[PersonMention]:
    for pattern, role in _BYLINES:
        if match := pattern.fullmatch(block.text):
            return [
                PersonMention(name=match["name"], role=role, passage=ordinal, evidence=block.text)
            ]
    return []
