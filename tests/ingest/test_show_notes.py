"""The show-notes parser: the real Crossing episode, and a new episode of another show."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from bot.domain.records import DocumentKind, ParsedDocument, PassageKind, PersonMention
from bot.ingest.forms.show_notes import ABOUT, parse
from bot.ingest.repair import repair_text

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_170ff5059b12dbe9.txt"
CHAPTERS = [
    "01:41 Key breakthroughs and assessment of M3",
    "12:09 Base models vs. agents: what's the actual relationship?",
    "14:12 Conviction to train a 10T model",
    "15:54 China-US gap: 10x means exactly two generations",
    '17:53 AI coding inflection point: engineering, or "disposable code"',
    "27:12 Data philosophy shift: they're now hiring nuclear physicists",
    "30:30 MiniMax's next phase: what to bet on?",
]

DEEP_DIVE = """\
Robots, Hands and Money: A Talk with Bob Stone
March 3, 2027
This episode's Deep Dive was recorded in Berlin, where Ann sat down with Acme CTO Bob Stone (BS), Carla Diaz of Foo Labs, and Dan Wu, a researcher at a public lab.
We talked about hands.
▶ 0:00 Intro
“Hands are the whole problem.”
Bob says the word "gripper" is a lie.
▶ 1:02:03 The long middle
Why nobody folds laundry yet.
🎧 Listen wherever you get podcasts.
Hosted by Ann Lee.
"""  # noqa: E501


def assert_offsets(parsed: ParsedDocument) -> None:
    text = parsed.document.text
    assert [p.ordinal for p in parsed.passages] == list(range(len(parsed.passages)))
    for passage in parsed.passages:
        assert text[passage.start : passage.end] == passage.text
    for quote in parsed.quotes:
        assert text[quote.start : quote.end] == quote.text
        passage = parsed.passages[quote.passage]
        # a statement may run to the end of its line (He Tao's hot take), a quotation may not
        assert passage.start < quote.start < quote.end <= passage.end
    for person in parsed.people:
        assert person.evidence in parsed.passages[person.passage].text


@pytest.fixture(scope="module")
def notes() -> ParsedDocument:
    raw = SEED.read_bytes()
    return parse(SEED.name, repair_text(raw, SEED.name), hashlib.sha256(raw).hexdigest())


def test_document(notes: ParsedDocument) -> None:
    document = notes.document
    assert document.title == (
        "A Conversation with MiniMax's Junjie Yan: M3, Project 10X, the 10T Model, "
        "and the Endgame of Intelligence"
    )
    assert (document.kind, document.outlet, document.language, document.published) == (
        DocumentKind.SHOW_NOTES,
        "Crossing",
        "en",
        None,
    )


def test_every_line_is_a_passage(notes: ParsedDocument) -> None:
    assert_offsets(notes)
    assert len(notes.passages) == 50
    assert Counter(p.kind for p in notes.passages) == {
        PassageKind.HEADING: 1,
        PassageKind.CHAPTER: 7,
        PassageKind.PARAGRAPH: 42,
    }


def test_chapters_and_heading_paths(notes: ParsedDocument) -> None:
    chapters = [p for p in notes.passages if p.kind is PassageKind.CHAPTER]
    assert chapters[0].text == "🟢 01:41 Key breakthroughs and assessment of M3"
    assert all(p.heading_path == () for p in chapters)
    paths = [p.heading_path for p in notes.passages]
    assert list(dict.fromkeys(paths)) == [(), *((c,) for c in CHAPTERS), (ABOUT,)]
    assert paths[:15] == [()] * 15  # title, date and intro
    assert paths.count((CHAPTERS[0],)) == 3
    tail = notes.passages[-3:]
    assert [p.heading_path for p in tail] == [(ABOUT,)] * 3
    assert tail[0].text.startswith("Subscribe to Crossing: 🚦")
    assert tail[2].text.startswith("👦🏻 Host Koji: I founded Crossing")
    last_teaser = notes.passages[-4]
    assert last_teaser.heading_path == (CHAPTERS[-1],)
    assert last_teaser.text.startswith('A year ago we didn\'t grasp why "alignment" mattered')


def test_whole_line_quotations_are_quotes_of_the_chapter_s_voice(notes: ParsedDocument) -> None:
    whole = [q for q in notes.quotes if notes.passages[q.passage].text == f'"{q.text}"']
    assert [(q.speaker, q.text, q.question) for q in whole] == [
        (
            "IO",
            "At this time last year, I couldn't have imagined what today's models would look like",
            None,
        ),
        ("IO", "AI is already a massive industry, just like semiconductors.", None),
        (
            None,
            "Nobody ever said vibe engineering, but writing code has always been engineering.",
            None,
        ),
    ]
    assert [notes.passages[q.passage].heading_path for q in whole] == [
        (CHAPTERS[1],),
        (CHAPTERS[2],),
        (CHAPTERS[4],),  # a chapter naming He Tao too: the line does not say who said it
    ]


def test_quoted_fragments_are_quotes_with_the_speaker_the_line_names(
    notes: ParsedDocument,
) -> None:
    said = {q.text: q.speaker for q in notes.quotes}
    assert said["a relatively objective metric"] == "IO"  # IO watches for "..."
    # He Tao's hot take: what he hates hearing, kept inside his own statement, not as his view
    assert "the agent did it, don't blame me" not in said
    hot_take = next(text for text in said if "the agent did it, don't blame me" in text)
    assert said[hot_take] == "He Tao"
    assert hot_take.startswith('most annoying thing is hearing "the agent did it')
    assert hot_take.endswith("whose responsibility is it really?")
    assert said["turning information into executable decision paths,"] == "Yu Yang"
    assert said["basically 10x larger,"] == "IO"  # a chapter of IO's share naming no one else
    assert said["looks correct, but nobody dares to deploy it"] is None
    assert (
        said[
            "I founded Crossing, launched AI Hacker House — a community space for the new "
            "generation of AI entrepreneurs — and serve as Venture Partner at ZhenFund. I "
            "believe technology, especially AI, represents the greatest value-creation "
            "opportunity of our generation."
        ]
        == "Koji"
    )  # Host Koji: ..., not "Koji on Jike"


def test_people(notes: ParsedDocument) -> None:
    intro = notes.passages[2]
    assert intro.text.startswith("🚥 This week's Crossing was recorded live")
    assert notes.people == (
        PersonMention(
            name="Junjie Yan",
            other_names=("IO",),
            role="MiniMax CEO",
            passage=2,
            evidence="MiniMax CEO Junjie Yan (IO)",
        ),
        PersonMention(
            name="Jiayuan Zhang",
            role="of Multica",
            passage=2,
            evidence="Jiayuan Zhang of Multica",
        ),
        PersonMention(name="He Tao", role="of DeerFlow", passage=2, evidence="He Tao of DeerFlow"),
        PersonMention(
            name="Yu Yang",
            role="AI lead at a listed financial company",
            passage=2,
            evidence="Yu Yang, AI lead at a listed financial company",
        ),
        PersonMention(name="Koji", role="host", passage=49, evidence="Host Koji"),
    )


def test_a_new_show_parses_with_no_code_change() -> None:
    parsed = parse("deep.txt", DEEP_DIVE, "0" * 64)
    assert_offsets(parsed)
    assert parsed.document.title == "Robots, Hands and Money: A Talk with Bob Stone"
    assert parsed.document.outlet == "Deep Dive"
    kinds = [(p.kind, p.heading_path) for p in parsed.passages]
    assert kinds == [
        (PassageKind.HEADING, ()),
        (PassageKind.PARAGRAPH, ()),
        (PassageKind.PARAGRAPH, ()),
        (PassageKind.PARAGRAPH, ()),
        (PassageKind.CHAPTER, ()),
        (PassageKind.PARAGRAPH, ("0:00 Intro",)),
        (PassageKind.PARAGRAPH, ("0:00 Intro",)),
        (PassageKind.CHAPTER, ()),
        (PassageKind.PARAGRAPH, ("1:02:03 The long middle",)),
        (PassageKind.PARAGRAPH, (ABOUT,)),
        (PassageKind.PARAGRAPH, (ABOUT,)),
    ]
    assert [(q.speaker, q.text, q.passage) for q in parsed.quotes] == [
        (None, "Hands are the whole problem.", 5)
    ]
    assert [(p.name, p.other_names, p.role, p.evidence) for p in parsed.people] == [
        ("Bob Stone", ("BS",), "Acme CTO", "Acme CTO Bob Stone (BS)"),
        ("Carla Diaz", (), "of Foo Labs", "Carla Diaz of Foo Labs"),
        ("Dan Wu", (), "a researcher at a public lab", "Dan Wu, a researcher at a public lab"),
        ("Ann Lee", (), "host", "Hosted by Ann Lee"),
    ]
