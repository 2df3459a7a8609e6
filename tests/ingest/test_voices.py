"""Who speaks in each passage of a republished interview (issue 14 item 4)."""

from __future__ import annotations

from bot.domain.records import Voice
from bot.ingest.forms.interview import parse
from bot.ingest.pipeline import parse_file
from tests.ingest.test_interview import SEED, WIRED

REPUBLISHED = """Daily Notes | A Talk with Ann Lee

Daily Notes·May 2, 2025

We met Ann Lee first in 2019, and invested the year after.

This article is republished with permission from Tech Weekly (ID: techweekly)

By Sam Writer

Ann Lee has never given an interview before.

· Tech Weekly: Why robots?

Ann Lee: Because hands are the whole problem.
"""


def test_the_introduction_is_the_republishers_and_the_rest_the_original_outlets() -> None:
    parsed = parse_file(SEED)
    voice = {p.text.split("\n")[0][:40]: p.voice for p in parsed.passages}
    assert voice["Shortly after, we became MiniMax's sole "] is Voice.PUBLISHER
    assert voice['"The technical path we chose also has th'] is Voice.PUBLISHER
    assert voice["This article is republished with permiss"] is Voice.PUBLISHER  # its last line
    assert voice["By Cheng Manqi"] is Voice.ORIGINAL
    assert voice["In China's bustling large-model startup "] is Voice.ORIGINAL
    answers = [p for p in parsed.passages if p.text.startswith("Junjie Yan:")]
    assert answers and all(p.voice is Voice.ORIGINAL for p in answers)
    assert parsed.passages[-1].voice is Voice.ORIGINAL  # the credits after the last answer


def test_the_republication_line_marks_the_parts_of_any_such_document() -> None:
    parsed = parse("notes.txt", REPUBLISHED, "0" * 64)
    assert (parsed.document.publisher, parsed.document.outlet) == ("Daily Notes", "Tech Weekly")
    voices = [(p.text[:20], p.voice) for p in parsed.passages]
    assert voices == [
        ("Daily Notes | A Talk", Voice.PUBLISHER),
        ("Daily Notes·May 2, 2", Voice.PUBLISHER),
        ("We met Ann Lee first", Voice.PUBLISHER),
        ("This article is repu", Voice.PUBLISHER),
        ("By Sam Writer", Voice.ORIGINAL),
        ("Ann Lee has never gi", Voice.ORIGINAL),
        ("· Tech Weekly: Why r", Voice.ORIGINAL),
        ("Ann Lee: Because han", Voice.ORIGINAL),
    ]


def test_without_a_republication_line_the_document_credit_speaks_for_all_of_it() -> None:
    parsed = parse("wired.txt", WIRED, "0" * 64)
    assert parsed.document.publisher is None
    assert {p.voice for p in parsed.passages} == {None}
