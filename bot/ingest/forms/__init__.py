"""Parse a repaired text by its form: Q&A interview, numbered Q&A abstract, show notes, article.

The form is read from the text itself, never from the file name, so a new document in one of
these forms is indexed with no code change. Each form module has `parse(file, text, sha256)`.
Conventions every form keeps: every passage satisfies `text[start:end] == passage.text`; the
document title is not part of any heading path; a heading passage carries the path of the
headings above it, the passages under it carry the path including it.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.domain.errors import IngestError
from bot.domain.records import DocumentKind, ParsedDocument
from bot.ingest.blocks import lines, paragraphs

# A person's name as written in English text: one to four capitalised words.
NAME = r"[A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+){0,3}"
# An interviewer's turn: a bullet, then a label and a colon (`· LatePost: ...`).
QUESTION_TURN = re.compile(r"[·•‧∙◦▪–—][ \t]*(?P<label>[^\W\d_][\w .&'’-]{0,40}?)[ \t]*[:：][ \t]*")
# An answerer's turn: a name and a colon at the start of a paragraph (`Junjie Yan: ...`).
ANSWER_TURN = re.compile(r"(?P<label>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3})[ \t]*[:：][ \t]*")
# A numbered Q&A item: question and answer on one line (`1. Why ...? Because ...`).
NUMBERED_QA = re.compile(
    r"(?P<question>\d{1,3}[.)][ \t]+[^?？\n]{3,}[?？])[ \t]*(?P<answer>\S.*)", re.S
)
SECTION_NUMBER = re.compile(r"\[\d{1,3}\][ \t]+\S")  # `[01] MiniMax's Founding and AGI Belief`
# A timestamped chapter: an optional emoji or bullet, then `MM:SS` or `H:MM:SS`, then a title.
CHAPTER = re.compile(
    r"(?:[^\w\s|#>*+\-\[(\"“'‘]{1,4}[ \t]*)?"
    r"(?P<time>(?:\d{1,2}:)?\d{1,2}:\d{2})[ \t]+(?P<title>\S.*)"
)
_MD_HEADING = re.compile(r"#{1,6}[ \t]+\S")
_MD_TABLE = re.compile(r"\|.*\|[ \t]*$")
_MD_KEY_VALUE = re.compile(
    r"(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?\*\*[^*\n]+\*\*[ \t]*:|\*\*[^*\n]+:\*\*"
)

KNOWN_FORMS = "Q&A interview, numbered Q&A abstract, show notes, markdown article"


def turn_labels(text: str) -> tuple[set[str], set[str]]:
    """The interviewer and answerer labels that recur (twice or more) at paragraph starts."""
    asked: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for block in paragraphs(text):
        if question := QUESTION_TURN.match(block.text):
            asked[question["label"]] += 1
        elif answer := ANSWER_TURN.match(block.text):
            answered[answer["label"]] += 1
    interviewers = {label for label, n in asked.items() if n >= 2}
    answerers = {label for label, n in answered.items() if n >= 2} - interviewers
    return interviewers, answerers


def detect_form(text: str, file: str) -> DocumentKind:
    """The form of a document, from its text alone; an unknown form is an IngestError."""
    found = lines(text)
    if not found:
        raise IngestError(file, "the document is empty", None)
    interviewers, answerers = turn_labels(text)
    if interviewers and answerers:
        return DocumentKind.INTERVIEW
    texts = [line.text for line in found]
    if _count(NUMBERED_QA, texts) >= 2 and _count(SECTION_NUMBER, texts) >= 1:
        return DocumentKind.ABSTRACT
    if _count(CHAPTER, texts) >= 2:
        return DocumentKind.SHOW_NOTES
    headings = _count(_MD_HEADING, texts)
    structure = _count(_MD_TABLE, texts) >= 2 or _count(_MD_KEY_VALUE, texts) >= 1
    if headings >= 2 or (headings == 1 and structure):
        return DocumentKind.ARTICLE
    reason = f"not a known document form ({KNOWN_FORMS})"
    raise IngestError(file, reason, found[0].line)


def parse_text(file: str, text: str, sha256: str) -> ParsedDocument:
    """Parse a repaired text with the parser of its form."""
    kind = detect_form(text, file)
    if kind is DocumentKind.INTERVIEW:
        from bot.ingest.forms import interview

        return interview.parse(file, text, sha256)
    if kind is DocumentKind.ABSTRACT:
        from bot.ingest.forms import abstract

        return abstract.parse(file, text, sha256)
    if kind is DocumentKind.SHOW_NOTES:
        from bot.ingest.forms import show_notes

        return show_notes.parse(file, text, sha256)
    from bot.ingest.forms import article

    return article.parse(file, text, sha256)


def _count(pattern: re.Pattern[str], texts: list[str]) -> int:
    return sum(1 for text in texts if pattern.match(text))
