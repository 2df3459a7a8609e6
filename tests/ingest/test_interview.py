"""The Q&A interview parser: the real LatePost interview, and a new interview in the same form."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from bot.domain.records import DocumentKind, ParsedDocument, PassageKind, PersonMention
from bot.ingest.forms.interview import parse
from bot.ingest.pipeline import parse_file
from bot.ingest.repair import repair_text

SEED = Path(__file__).resolve().parents[2] / "seeds" / "001_ee2c00c8cd1ea3f4.txt"
CEO = "Junjie Yan"
HEADINGS = [
    '"Everything only becomes good when taken to the extreme"',
    "For Chinese startups, the better approach is to think about technology and product "
    "simultaneously",
    "Tenfold Scaling Laws",
    "The Closer to the Endgame, the Higher the Value of Users",
    "You Can't Kill Competitors With Funding Alone",
    "Treating the Company as a Function",
    "I Seem to Be Slowly Becoming a Set of Basis Functions",
]

WIRED = """\
Wired | Jane Doe on Robots That Fold Laundry

By Sam Writer

Edited by Lee Park

Jane Doe spent a decade on robot hands. "Hands are the whole problem," Doe said.

Below is our conversation, edited for length.

Hands first

• Wired: Why hands?

Jane Doe: Because everything we touch was built for hands.

A gripper is not a hand. "Close enough" is what everyone says, and it is wrong.

• Wired: What did you get wrong?

Jane Doe: Almost everything, at first!

Money,
and patience

• Tom Lee: How do you fund it?

Jane Doe: Slowly.

• Tom Lee: And then?

Jane Doe: Then faster.

Photo credit: Wired
"""


def assert_offsets(parsed: ParsedDocument) -> None:
    text = parsed.document.text
    assert [p.ordinal for p in parsed.passages] == list(range(len(parsed.passages)))
    for passage in parsed.passages:
        assert text[passage.start : passage.end] == passage.text
    for quote in parsed.quotes:
        assert text[quote.start : quote.end] == quote.text
        assert parsed.passages[quote.passage].start <= quote.start
    for person in parsed.people:
        assert person.evidence in parsed.passages[person.passage].text


@pytest.fixture(scope="module")
def interview() -> ParsedDocument:
    raw = SEED.read_bytes()
    return parse(SEED.name, repair_text(raw, SEED.name), hashlib.sha256(raw).hexdigest())


def test_document(interview: ParsedDocument) -> None:
    document = interview.document
    assert document.title == (
        "In Conversation with MiniMax's Junjie Yan: AGI Isn't a Weapon — "
        "It's a Product Ordinary People Use Every Day"
    )
    assert document.outlet == "LatePost"  # republished by Yunqi Capital, written by LatePost
    assert (document.kind, document.language, document.published) == (
        DocumentKind.INTERVIEW,
        "en",
        None,
    )
    assert document.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()


def test_every_paragraph_is_a_passage_with_exact_offsets(interview: ParsedDocument) -> None:
    assert_offsets(interview)
    kinds = Counter(passage.kind for passage in interview.passages)
    # 276 paragraphs; the heading broken over two paragraphs is one passage
    assert len(interview.passages) == 275
    assert kinds == {
        PassageKind.QUESTION: 76,
        PassageKind.ANSWER: 159,
        PassageKind.PARAGRAPH: 32,
        PassageKind.HEADING: 8,  # the title line and seven section headings
    }


def test_section_headings(interview: ParsedDocument) -> None:
    headings = [p for p in interview.passages if p.kind is PassageKind.HEADING]
    assert headings[0].text.startswith("Yunqi Capital | In Conversation")
    assert [" ".join(p.text.split()) for p in headings[1:]] == HEADINGS
    assert all(p.heading_path == () for p in headings)
    split = headings[2]
    assert split.text == (
        "For Chinese startups,\n\nthe better approach is to think about technology and product "
        "simultaneously"
    )
    paths = [p.heading_path for p in interview.passages if p.kind is not PassageKind.HEADING]
    assert list(dict.fromkeys(path for path in paths if path)) == [(h,) for h in HEADINGS]


def test_every_answer_is_a_quote_of_the_ceo(interview: ParsedDocument) -> None:
    answers = [q for q in interview.quotes if q.question is not None]
    assert len(answers) == 76 and len(interview.quotes) == 88  # 12 in the narrative
    assert {q.speaker for q in answers} == {CEO}
    for quote in answers:
        assert not quote.text.startswith(f"{CEO}:")
        assert interview.passages[quote.passage].kind is PassageKind.ANSWER
        assert interview.passages[quote.passage].text.startswith(f"{CEO}: ")
        assert quote.text[-1] in ".?!", "an answer ends a sentence: the heading rule relies on it"


def test_no_interviewer_line_is_attributed_to_the_ceo(interview: ParsedDocument) -> None:
    questions = [p.text for p in interview.passages if p.kind is PassageKind.QUESTION]
    assert len(questions) == 76 and all(q.startswith("· LatePost: ") for q in questions)
    for quote in interview.quotes:
        assert "LatePost:" not in quote.text
        assert all(q.removeprefix("· LatePost: ") not in quote.text for q in questions)
        assert quote.question is None or not quote.question.startswith("·")


def test_a_one_line_answer_with_its_question(interview: ParsedDocument) -> None:
    quote = next(
        q for q in interview.quotes if q.text == "Become the biggest customer in the market."
    )
    assert quote.speaker == CEO
    assert (
        quote.question == "Last October you faced a compute crunch. How do you avoid similar risks?"
    )
    assert interview.passages[quote.passage].heading_path == (HEADINGS[0],)


def test_a_multi_paragraph_answer(interview: ParsedDocument) -> None:
    quote = next(q for q in interview.quotes if q.text.startswith("First, we knew our basic"))
    assert quote.question == "MoE development began in summer 2023. Why was it necessary then?"
    assert quote.text.count("\n\n") == 2
    assert quote.text.endswith(
        "Of course this may be industry consensus now: if you're building a trillion-parameter "
        "model, you can't do it dense."
    )
    first = quote.passage
    assert [p.kind for p in interview.passages[first : first + 3]] == [PassageKind.ANSWER] * 3
    assert interview.passages[first + 3].kind is PassageKind.QUESTION


def test_an_answer_with_quoted_speech_and_the_credits_after_it(interview: ParsedDocument) -> None:
    last = interview.quotes[-1]
    assert last.question == "Can you talk about it today?"
    assert last.text == (
        'It\'s still "Intelligence with everyone." This phrase has two meanings: first, we want to '
        "serve every person with the best technology; second, in our journey toward AGI, we need "
        "to iterate and grow together with our users.\n\n"
        "And I've seen technological progress moving faster than I imagined."
    )
    credits = interview.passages[-2:]
    assert [p.text for p in credits] == [
        "Qianming He also contributed to this article.",
        "Cover image source: Ford v Ferrari",
    ]
    assert all(p.kind is PassageKind.PARAGRAPH and p.heading_path == () for p in credits)


def test_quoted_speech_in_the_preface(interview: ParsedDocument) -> None:
    preface = [(q.speaker, q.text, q.question) for q in interview.quotes if q.speaker == "Yan"]
    assert preface == [
        (
            "Yan",
            "The technical path I chose has the highest ceiling, with almost no retreat; the "
            "compute approach I chose is also aggressive",
            None,
        ),
        (
            "Yan",
            "Without products to capture it, even if you have a technical breakthrough, it "
            "ultimately won't be yours",
            None,
        ),
    ]


def test_quoted_words_in_the_narrative(interview: ParsedDocument) -> None:
    narrative = [(q.speaker, q.text) for q in interview.quotes if q.question is None]
    assert (None, "tech pragmatist") in narrative  # the clause names no one
    assert (None, "Go big or go home,") in narrative  # "Others believe": no one named
    assert (
        CEO,
        "The technical path we chose also has the highest ceiling — with almost no retreat.",
    ) in narrative  # a pull quote: the one answerer's
    assert (
        CEO,
        "the cost and latency per generated token would be unacceptable — we'd collapse quickly.",
    ) in narrative  # "His judgment: ..."


def test_people(interview: ParsedDocument) -> None:
    people = [(p.name, p.role, p.evidence) for p in interview.people]
    assert people == [
        ("Cheng Manqi", "author", "By Cheng Manqi"),
        ("Song Wei", "editor", "Edited by Song Wei"),
        (CEO, None, "Junjie Yan:"),
        ("Qianming He", "contributor", "Qianming He also contributed to this article."),
    ]
    ceo = interview.people[2]
    assert interview.passages[ceo.passage].text.startswith("Junjie Yan: MiniMax was founded")


def test_a_new_interview_parses_with_no_code_change() -> None:
    parsed = parse("wired.txt", WIRED, "0" * 64)
    assert_offsets(parsed)
    assert parsed.document.title == "Jane Doe on Robots That Fold Laundry"
    assert parsed.document.outlet == "Wired"
    headings = [p for p in parsed.passages if p.kind is PassageKind.HEADING]
    assert [p.text for p in headings] == [
        "Wired | Jane Doe on Robots That Fold Laundry",
        "Hands first",
        "Money,\nand patience",
    ]
    answers = [(q.speaker, q.text, q.question) for q in parsed.quotes if q.question]
    assert answers == [
        (
            "Jane Doe",
            "Because everything we touch was built for hands.\n\nA gripper is not a hand. "
            '"Close enough" is what everyone says, and it is wrong.',
            "Why hands?",
        ),
        ("Jane Doe", "Almost everything, at first!", "What did you get wrong?"),
        ("Jane Doe", "Slowly.", "How do you fund it?"),
        ("Jane Doe", "Then faster.", "And then?"),
    ]
    assert [(q.speaker, q.text) for q in parsed.quotes if q.question is None] == [
        ("Doe", "Hands are the whole problem")
    ]
    last_answer = next(p for p in parsed.passages if p.text == "Jane Doe: Then faster.")
    assert last_answer.heading_path == ("Money, and patience",)
    assert parsed.passages[-1].text == "Photo credit: Wired"
    assert parsed.passages[-1].heading_path == ()
    assert parsed.people == (
        PersonMention(name="Sam Writer", role="author", passage=1, evidence="By Sam Writer"),
        PersonMention(name="Lee Park", role="editor", passage=2, evidence="Edited by Lee Park"),
        PersonMention(name="Jane Doe", passage=7, evidence="Jane Doe:"),
        PersonMention(name="Tom Lee", role="interviewer", passage=12, evidence="• Tom Lee:"),
    )


def test_the_republished_interview_names_its_publisher_outlet_author_and_editor() -> None:
    # Issue 14 item 4: LatePost's interview, republished by Yunqi Capital on 2024-04-18.
    parsed = parse_file(SEED)
    document = parsed.document
    assert (document.outlet, document.publisher) == ("LatePost", "Yunqi Capital")
    assert (document.authors, document.editors) == (("Cheng Manqi",), ("Song Wei",))
    published = [e for e in parsed.events if e.when.iso() == "2024-04-18"]
    assert [e.text.split(" “")[0] for e in published] == ["Yunqi Capital republishes LatePost’s"]
