"""events_from_passages: one event per date a sentence or a dated table row states."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from bot.domain.records import Event, FuzzyDate, Passage, PassageKind, Precision
from bot.ingest.blocks import lines, paragraphs
from bot.ingest.events import events_from_passages

DAY, MONTH, PART, YEAR = Precision.DAY, Precision.MONTH, Precision.PART, Precision.YEAR
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SHOW_NOTES = "000_170ff5059b12dbe9.txt"
INTERVIEW = "001_ee2c00c8cd1ea3f4.txt"
ABSTRACT = "002_8d76a87ad898c4a7.txt"
DEEP_DIVE = "003_2acd4246ab7622df.txt"
REFERENCES = {
    SHOW_NOTES: FuzzyDate.day(2026, 6, 21),
    INTERVIEW: FuzzyDate.day(2024, 4, 18),
    ABSTRACT: None,
    DEEP_DIVE: None,
}


def _seed_text(name: str) -> str:
    text = (SEEDS / name).read_bytes().decode("utf-8")
    # The deep-dive is UTF-8 that was read as Mac Roman; undo that for the test.
    return text.encode("mac_roman").decode("utf-8") if name == DEEP_DIVE else text


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _split(text: str) -> list[Passage]:
    """A tiny stand-in for the real parsers: paragraphs, and markdown tables as rows."""
    passages: list[Passage] = []
    all_lines = lines(text)
    for block in paragraphs(text):
        rows = [line for line in all_lines if block.start <= line.start < block.end]
        if len(rows) > 2 and all(row.text.startswith("|") for row in rows):
            header = _cells(rows[0].text)
            for row in rows[2:]:
                cells = tuple(zip(header, _cells(row.text), strict=False))
                passages.append(_passage(text, row.start, row.end, len(passages), cells))
        else:
            passages.append(_passage(text, block.start, block.end, len(passages)))
    return passages


def _passage(
    text: str, start: int, end: int, ordinal: int, cells: tuple[tuple[str, str], ...] = ()
) -> Passage:
    kind = PassageKind.TABLE_ROW if cells else PassageKind.PARAGRAPH
    return Passage(
        ordinal=ordinal, kind=kind, text=text[start:end], start=start, end=end, cells=cells
    )


@cache
def _seed_events(name: str) -> tuple[Event, ...]:
    text = _seed_text(name)
    return tuple(events_from_passages(_split(text), text, REFERENCES[name]))


def _dated(name: str, snippet: str) -> set[tuple[str, Precision]]:
    return {(e.when.iso(), e.when.precision) for e in _seed_events(name) if snippet in e.text}


INTERVIEW_EVENTS = [
    ("Its first product, Glow, launched in October 2022", "2022-10", MONTH),
    ("MiniMax was founded at the end of 2021", "end 2021", PART),
    ("OpenAI's release of CLIP in early 2021", "early 2021", PART),
    ("Last October you faced a compute crunch", "2023-10", MONTH),
    ("This January you were the first domestically to launch an MoE large model", "2024-01", MONTH),
    ("MoE development began in summer 2023", "summer 2023", PART),
    ("In late 2023, while most Chinese peers", "late 2023", PART),
    ("In the second half of 2022, we were building Glow", "second half 2022", PART),
    ("In early 2021, Yunqi Capital partner Chen Yu", "early 2021", PART),
    ("In 2020 I was still leading a technical team", "2020", YEAR),
    ("The 2020 paper that originally proposed Scaling Laws", "2020", YEAR),
    ("GPT-4 — released a year ago", "2023", YEAR),  # the year before, never a month
    ("AI was very hot last year", "2023", YEAR),
    ("What goals have you set for the team this year?", "2024", YEAR),
    ("What will happen in China's large model industry in 2024?", "2024", YEAR),
    ("云启资本·April 18, 2024", "2024-04-18", DAY),
]
SHOW_NOTES_EVENTS = [
    ("a time capsule from mid-2026", "mid 2026", PART),
    # ambiguous (May 2026 or May 2025): a span at year precision; "a year ago" never a month
    ("Last May Day holiday, the team first got something running on M1", "2025", YEAR),
    ("At this time last year, I couldn't have imagined", "2025", YEAR),
    ("A year ago, data meant labeling", "2025", YEAR),
    ("A year ago we didn't grasp why", "2025", YEAR),
]
DEEP_DIVE_EVENTS = [
    ("Founded in December 2021 by former SenseTime executives", "2021-12", MONTH),
    ("After ChatGPT's success (Nov 2022)", "2022-11", MONTH),
    ("Phase 3: First Major Release & Validation (April 2024)", "2024-04", MONTH),
    ("Phase 4: Major Funding & Acceleration (March 2024)", "2024-03", MONTH),
    ("Phase 6: Multimodal Expansion (2025)", "2025", YEAR),
    ("Born: 1989 (age ~36)", "1989", YEAR),
    ("Tenure: Joined late 2023, departed 2024", "late 2023", PART),
    ("Tenure: Joined late 2023, departed 2024", "2024", YEAR),
    ("MiniMax-M2 (October 2025 Release)", "2025-10", MONTH),
    ("ABAB 6.5 released — First MoE-based commercial model", "2024-04", MONTH),
    ("Speech-02 released", "2025", YEAR),
    (
        "Series B: $600M (Alibaba (lead), Hillhouse, HongShan, IDG Capital, Tencent)",
        "2024-03",
        MONTH,
    ),
]
EXPECTED = (
    [(INTERVIEW, *case) for case in INTERVIEW_EVENTS]
    + [(SHOW_NOTES, *case) for case in SHOW_NOTES_EVENTS]
    + [(DEEP_DIVE, *case) for case in DEEP_DIVE_EVENTS]
    + [(ABSTRACT, "Yanjunjie founded MiniMax in late 2021", "late 2021", PART)]
)


@pytest.mark.parametrize(("name", "snippet", "iso", "precision"), EXPECTED)
def test_seed_events(name: str, snippet: str, iso: str, precision: Precision) -> None:
    assert (iso, precision) in _dated(name, snippet)


SEED_NAMES = [SHOW_NOTES, INTERVIEW, ABSTRACT, DEEP_DIVE]
_WORDS_FOR = {
    DAY: re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\d{4}-\d\d-\d\d"),
    MONTH: re.compile(r"\b[A-Z][a-z]{2}|\d{4}-\d\d|year ago|time last year|last month", re.I),
    PART: re.compile(r"early|late|mid|spring|summer|autumn|fall|winter|half|end|H[12]\b", re.I),
    YEAR: re.compile(r"\d{4}|year|May Day"),
}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_event_is_verbatim_and_no_more_precise_than_its_words(name: str) -> None:
    text = _seed_text(name)
    events = _seed_events(name)
    assert events
    for event in events:
        assert event.evidence in text
        assert _WORDS_FOR[event.when.precision].search(event.evidence), event
        assert 1989 <= event.when.start.year <= 2026, event  # nothing from URLs or numbers
        assert "**" not in event.text and not event.text.startswith(("- ", "· ", "#"))


def test_interview_dates_nothing_that_is_not_a_date() -> None:
    evidence = {event.evidence for event in _seed_events(INTERVIEW)}
    assert evidence.isdisjoint({"30,000", "2.5", "2020s", "pre-2020", "300,000"})
    assert not [e for e in _seed_events(INTERVIEW) if "pre-2020" in e.text]


def test_the_show_notes_dateline_alone_is_not_an_event() -> None:
    assert not [e for e in _seed_events(SHOW_NOTES) if e.when.precision is DAY]


def test_deep_dive_ranges_links_and_rows() -> None:
    events = _seed_events(DEEP_DIVE)
    [phase_1] = [
        e for e in events if e.text == "Phase 1: Founding & Initial Backing (Dec 2021 - 2022)"
    ]
    assert (phase_1.when.start, phase_1.when.end) == (date(2021, 12, 1), date(2022, 12, 31))
    assert (phase_1.when.precision, phase_1.evidence) == (YEAR, "Dec 2021 - 2022")
    [paper] = [e for e in events if "(arXiv 2501.08313, Jan 2025)" in e.text]
    assert paper.evidence == "Jan 2025" and "https://" not in paper.text
    [m2] = [e for e in events if e.subject == "MiniMax-M2"]
    assert m2.text == (
        "MiniMax-M2 released — Open-source, MIT licensed, coding/agentic focus, "
        "#1 on open-source evals"
    )
    assert (m2.when.iso(), m2.evidence) == ("2025-10", "Oct 2025")
    [early] = [e for e in events if e.subject == "Early Backing"]
    assert (early.text, early.evidence) == ("Early Backing (MiHoYo (initial))", "2021-2022")
    assert not [e for e in events if "mid-1990s" in e.text or "born after 2000" in e.text]


# --- the table branch, on hand-built rows ---------------------------------------------------

M2_ROW = (
    "| **Oct 2025** | **MiniMax-M2** | 230B (10B active) | Context TBD | Open-source, MIT "
    "licensed, coding/agentic focus, #1 on open-source evals | "
    "[GitHub](https://github.com/MiniMax-AI/MiniMax-M2) |"
)
M2_CELLS = (
    ("Release", "**Oct 2025**"),
    ("Model", "**MiniMax-M2**"),
    ("Parameters", "230B (10B active)"),
    ("Context", "Context TBD"),
    ("Key Features", "Open-source, MIT licensed, coding/agentic focus, #1 on open-source evals"),
    ("Resources", "[GitHub](https://github.com/MiniMax-AI/MiniMax-M2)"),
)


def _row(row: str, cells: tuple[tuple[str, str], ...], prefix: str = "intro\n") -> list[Event]:
    text = prefix + row + "\n"
    start = len(prefix)
    passage = Passage(
        ordinal=7,
        kind=PassageKind.TABLE_ROW,
        text=row,
        start=start,
        end=start + len(row),
        cells=cells,
    )
    return events_from_passages([passage], text, None)


@pytest.mark.parametrize(
    "cells", [M2_CELLS, tuple((header, cell.replace("**", "")) for header, cell in M2_CELLS)]
)
def test_release_row(cells: tuple[tuple[str, str], ...]) -> None:
    [event] = _row(M2_ROW, cells)
    assert event.text == (
        "MiniMax-M2 released — Open-source, MIT licensed, coding/agentic focus, "
        "#1 on open-source evals"
    )
    assert (event.when.iso(), event.when.precision) == ("2025-10", MONTH)
    assert (event.evidence, event.subject, event.passage) == ("Oct 2025", "MiniMax-M2", 7)
    assert event.evidence in M2_ROW


def test_release_row_with_a_year_only_and_a_long_description() -> None:
    long = "Multiple genres " + "and many more styles " * 10
    row = f"| **2025** | **Music-01** | Music Generation | {long} |"
    cells = (
        ("Release", "**2025**"),
        ("Model", "**Music-01**"),
        ("Type", "Music Generation"),
        ("Key Features", long),
    )
    [event] = _row(row, cells)
    assert (event.when.iso(), event.when.precision, event.subject) == ("2025", YEAR, "Music-01")
    assert event.text.startswith("Music-01 released — Multiple genres") and event.text.endswith("…")
    assert len(event.text) < 130


def test_funding_rows() -> None:
    header = ("Round", "Date", "Amount", "Key Investors")
    row = "| Series B | Mar 2024 | $600M | Alibaba (lead), Hillhouse, Tencent |"
    [event] = _row(row, tuple(zip(header, _cells(row), strict=True)))
    assert event.text == "Series B: $600M (Alibaba (lead), Hillhouse, Tencent)"
    assert (event.when.iso(), event.evidence, event.subject) == ("2024-03", "Mar 2024", "Series B")
    row = "| Early Backing | 2021-2022 | - | MiHoYo (initial) |"
    [event] = _row(row, tuple(zip(header, _cells(row), strict=True)))
    assert event.text == "Early Backing (MiHoYo (initial))"
    assert (event.when.start, event.when.end) == (date(2021, 1, 1), date(2022, 12, 31))


def test_generic_dated_row_joins_its_cells() -> None:
    row = "| 2019 | ICCV | — | Won the championship |"
    cells = (("Year", "2019"), ("Venue", "ICCV"), ("Rank", "—"), ("Result", "Won the championship"))
    [event] = _row(row, cells)
    assert (event.text, event.subject, event.when.iso()) == (
        "ICCV · Won the championship",
        "ICCV",
        "2019",
    )


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        (
            "| Yan Junjie | 颜俊杰 | CEO |",
            (("Name", "Yan Junjie"), ("Chinese", "颜俊杰"), ("Role", "CEO")),
        ),
        ("| Series A | - | $1B |", (("Round", "Series A"), ("Date", "-"), ("Amount", "$1B"))),
        ("| GPT-4 | 2023 |", (("Model", "GPT-4"), ("Context", "2023"))),
    ],
)
def test_rows_without_a_dated_date_column_give_nothing(
    row: str, cells: tuple[tuple[str, str], ...]
) -> None:
    assert _row(row, cells) == []


# --- prose: sentences, markup, kinds ----------------------------------------------------------


def _prose(text: str, kind: PassageKind = PassageKind.PARAGRAPH) -> list[Event]:
    passage = Passage(ordinal=3, kind=kind, text=text, start=0, end=len(text))
    return events_from_passages([passage], text, FuzzyDate.day(2024, 4, 18))


def test_sentences_split_on_end_punctuation_but_not_abbreviations_or_decimals() -> None:
    events = _prose(
        "Costs fell 2.5x in 2023, e.g. In Beijing. The U.S. market grew in 2024! "
        "Was it late 2024? Yes, vs. Dr. Li in 2025. 他们成立了公司。 No. It was in 2022."
    )
    assert [(e.text, e.evidence) for e in events] == [
        ("Costs fell 2.5x in 2023, e.g. In Beijing.", "2023"),
        ("The U.S. market grew in 2024!", "2024"),
        ("Was it late 2024?", "late 2024"),
        ("Yes, vs. Dr. Li in 2025.", "2025"),
        ("It was in 2022.", "2022"),
    ]
    assert all(e.passage == 3 and e.subject is None for e in events)


def test_markup_is_cleaned_from_the_text_but_never_from_the_evidence() -> None:
    bullet = "- **Tenure**: Joined late 2023, departed 2024"
    assert [(e.text, e.evidence) for e in _prose(bullet, PassageKind.BULLET)] == [
        ("Tenure: Joined late 2023, departed 2024", "late 2023"),
        ("Tenure: Joined late 2023, departed 2024", "2024"),
    ]
    heading = "#### **MiniMax-M2 (October 2025 Release)**"
    [event] = _prose(heading, PassageKind.HEADING)
    assert (event.text, event.evidence) == ("MiniMax-M2 (October 2025 Release)", "October 2025")
    link = (
        "- **Technical Paper**: [MiniMax-01](https://arxiv.org/abs/2501.08313) "
        "(arXiv 2501.08313, Jan 2025)"
    )
    [event] = _prose(link, PassageKind.BULLET)
    assert event.text == "Technical Paper: MiniMax-01 (arXiv 2501.08313, Jan 2025)"
    assert event.evidence == "Jan 2025"


def test_each_line_is_its_own_sentence_and_questions_count() -> None:
    text = "· LatePost: Last October you faced a compute crunch.\nJunjie Yan: We grew in 2023"
    events = _prose(text, PassageKind.QUESTION)
    assert [(e.text, e.when.iso()) for e in events] == [
        ("LatePost: Last October you faced a compute crunch.", "2023-10"),
        ("Junjie Yan: We grew in 2023", "2023"),
    ]


def test_code_gives_no_events_and_a_misplaced_passage_is_an_error() -> None:
    assert _prose("released in March 2024", PassageKind.CODE) == []
    passage = Passage(ordinal=0, kind=PassageKind.PARAGRAPH, text="in 2023", start=0, end=7)
    with pytest.raises(ValueError, match="passage 0"):
        events_from_passages([passage], "something else", None)
