"""find_dates: every date a text states, as precise as its words and no more."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.records import FuzzyDate, Precision
from bot.ingest.dates import find_dates

DAY, MONTH, PART, YEAR = Precision.DAY, Precision.MONTH, Precision.PART, Precision.YEAR
INTERVIEW = FuzzyDate.day(2024, 4, 18)  # LatePost / Yunqi Capital
PODCAST = FuzzyDate.day(2026, 6, 21)  # Crossing

ABSOLUTE = [
    ("A Conversation ...\nJune 21, 2026\n🚥 This week", "2026-06-21", DAY, "June 21, 2026"),
    ("recorded on 21 June 2026 in Shanghai", "2026-06-21", DAY, "21 June 2026"),
    ("published 2026-06-21.", "2026-06-21", DAY, "2026-06-21"),
    ("云启资本·April 18, 2024", "2024-04-18", DAY, "April 18, 2024"),
    ("on Sept. 3rd, 2024", "2024-09-03", DAY, "Sept. 3rd, 2024"),
    ("Series B funding in March 2024.", "2024-03", MONTH, "March 2024"),
    ("| Series B | Mar 2024 | $600M |", "2024-03", MONTH, "Mar 2024"),
    ("snapshot 2024-03 of the API", "2024-03", MONTH, "2024-03"),
    ("Lightning Attention** (Jan 2025)", "2025-01", MONTH, "Jan 2025"),
    ("Glow, launched in October 2022, followed", "2022-10", MONTH, "October 2022"),
    ("ChatGPT's success (Nov 2022), founders", "2022-11", MONTH, "Nov 2022"),
    ("In late 2023, while most peers", "late 2023", PART, "late 2023"),
    ("In early 2021, Yunqi Capital partner Chen Yu", "early 2021", PART, "early 2021"),
    ("a time capsule from mid-2026: representatives", "mid 2026", PART, "mid-2026"),
    ("by mid 2026", "mid 2026", PART, "mid 2026"),
    ("MoE development began in summer 2023.", "summer 2023", PART, "summer 2023"),
    ("shipped in the summer of 2023", "summer 2023", PART, "summer of 2023"),
    ("Late 2024 saw", "late 2024", PART, "Late 2024"),
    ("fall 2024 launch", "fall 2024", PART, "fall 2024"),
    ("MiniMax was founded at the end of 2021.", "end 2021", PART, "the end of 2021"),
    ("founded end of 2021", "end 2021", PART, "end of 2021"),
    ("In the second half of 2022, we", "second half 2022", PART, "the second half of 2022"),
    ("second half of 2022", "second half 2022", PART, "second half of 2022"),
    ("in the first half of 2023", "first half 2023", PART, "the first half of 2023"),
    ("revenue in H2 2022", "second half 2022", PART, "H2 2022"),
    ("at the beginning of 2022", "early 2022", PART, "the beginning of 2022"),
    ("In 2020 I was still leading a team", "2020", YEAR, "2020"),
    ("MiniMax was founded in 2021.", "2021", YEAR, "2021"),
    ("The 2020 paper that originally proposed Scaling Laws", "2020", YEAR, "2020"),
    ("- **Born**: 1989 (age ~36)", "1989", YEAR, "1989"),
    ("Won championships at ASC15, ISC17, and ICCV 2019", "2019", YEAR, "2019"),
    ("Phase 6: Multimodal Expansion (2025)**", "2025", YEAR, "2025"),
    ("| **2025** | **Speech-02** |", "2025", YEAR, "2025"),
    ("the 2021 World Artificial Intelligence Conference", "2021", YEAR, "2021"),
    ("Total Funding: $1.15B+ reported (as of 2024)", "2024", YEAR, "2024"),
]


@pytest.mark.parametrize(("text", "iso", "precision", "evidence"), ABSOLUTE)
def test_absolute_dates(text: str, iso: str, precision: Precision, evidence: str) -> None:
    [mention] = find_dates(text)
    assert (mention.when.iso(), mention.when.precision, mention.evidence) == (
        iso,
        precision,
        evidence,
    )
    assert text[mention.start : mention.end] == evidence


RANGES = [
    ("| Early Backing | 2021-2022 | - |", "2021-2022", (2021, 1, 1), (2022, 12, 31), YEAR),
    ("Backing (Dec 2021 - 2022)**", "Dec 2021 - 2022", (2021, 12, 1), (2022, 12, 31), YEAR),
    ("Open Platform, 2023–2024)", "2023–2024", (2023, 1, 1), (2024, 12, 31), YEAR),
    ("from Jan 2024 to Mar 2024", "Jan 2024 to Mar 2024", (2024, 1, 1), (2024, 3, 31), MONTH),
]


@pytest.mark.parametrize(("text", "evidence", "start", "end", "precision"), RANGES)
def test_ranges_span_both_ends_at_the_coarser_precision(
    text: str,
    evidence: str,
    start: tuple[int, int, int],
    end: tuple[int, int, int],
    precision: Precision,
) -> None:
    [mention] = find_dates(text)
    assert mention.evidence == evidence
    assert (mention.when.start, mention.when.end) == (date(*start), date(*end))
    assert mention.when.precision is precision


NOT_DATES = [
    "your papers have nearly 30,000 citations on Google Scholar",
    "the company's valuation has surpassed $2.5 billion",
    "Achieved $2.5B+ valuation",
    "dynamic resolution (336x336 to 2016x2016), 4M context",
    "Dynamic from 336×336 to 2016×2016",
    "arXiv 2501.08313 and 2506.13585",
    "[Paper](https://arxiv.org/abs/2501.08313)",
    "https://example.com/blog/2024/03/launch and www.example.com/2023",
    "[GitHub](https://github.com/jiaoew1991)",
    "mail model2024@minimax.io",
    "about 2,000 people and 2000 tokens and 2024 GPUs",
    "🟢 14:12 Conviction to train a 10T model",
    "5 minutes, on Monday, every Friday",
    "Most companies launched in October.",
    "Average Age: ~25 years old (mid-1990s birth cohort)",
    "the 2010s and the 1990's",
    "pre-2020 AI, including much of what I did",
    "Many born after 2000",
    "Gemini 2.0 Flash, Qwen2.5-Max, GPT-5.5, abab 6.5, Qwen3-235B",
    "within 6-9 months it quickly becomes consensus",
    "the 2024-25 season",
    "200 vs. 1000+ at competitors, #2023 ranking, ~2020 units",
    "most hired in the past year; over the last year or so",
    "C≈6ND, where C is Compute",
    "It has only been around for two years.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates(text, INTERVIEW) == []


RELATIVE = [
    ("· LatePost: Last October you faced a compute crunch.", INTERVIEW, "2023-10", MONTH),
    ("This January you were the first domestically", INTERVIEW, "2024-01", MONTH),
    # ambiguous: May 2026 (the latest) or May 2025; the date spans both, at year precision
    ("Last May Day holiday, the team first got something running", PODCAST, "2025", YEAR),
    # "a year ago" is the year before the reference, never a month (issue 14)
    ("\"At this time last year, I couldn't have imagined", PODCAST, "2025", YEAR),
    ("A year ago, data meant labeling", PODCAST, "2025", YEAR),
    ("GPT-4 — released a year ago — with fewer resources", INTERVIEW, "2023", YEAR),
    ("many products last year were built on GPT-4", INTERVIEW, "2023", YEAR),
    ("Based on last year's pattern", INTERVIEW, "2023", YEAR),
    ("What goals have you set for the team this year?", INTERVIEW, "2024", YEAR),
    ("We shipped it last month.", INTERVIEW, "2024-03", MONTH),
    ("We shipped it last month.", FuzzyDate.day(2024, 1, 9), "2023-12", MONTH),
    ("last October", FuzzyDate.day(2024, 11, 2), "2024-10", MONTH),
    ("last April", INTERVIEW, "2023-04", MONTH),
    ("This January", FuzzyDate.year(2024), "2024-01", MONTH),
    ("a year ago", FuzzyDate.year(2024), "2023", YEAR),
]


@pytest.mark.parametrize(("text", "reference", "iso", "precision"), RELATIVE)
def test_relative_dates_resolve_against_the_reference(
    text: str, reference: FuzzyDate, iso: str, precision: Precision
) -> None:
    [mention] = find_dates(text, reference)
    assert (mention.when.iso(), mention.when.precision) == (iso, precision)
    assert text[mention.start : mention.end] == mention.evidence


def test_relative_readings_say_how_far_the_words_anchor_them() -> None:
    [ago] = find_dates("GPT-4 — released a year ago", INTERVIEW)
    assert (ago.when.start, ago.when.end) == (date(2023, 4, 18), date(2024, 4, 18))
    assert ago.reading == "about a year before Apr 2024"
    [may] = find_dates("Last May Day holiday, the team", PODCAST)
    assert (may.when.start, may.when.end) == (date(2025, 5, 1), date(2026, 5, 31))
    assert may.reading == "May 2026 or May 2025 (ambiguous)"
    [before_may] = find_dates("last May Day holiday", FuzzyDate.day(2026, 3, 1))
    assert (before_may.when.iso(), before_may.reading) == ("2025-05", None)
    [october] = find_dates("Last October you faced a compute crunch", INTERVIEW)
    assert (october.when.iso(), october.reading) == ("2023-10", None)


def test_a_republished_documents_relative_months_are_only_likely() -> None:
    # The words were said at some unstated time before the republication's date.
    [october] = find_dates("Last October you faced a compute crunch", INTERVIEW, anchored=False)
    assert (october.when.iso(), october.when.precision) == ("2023", YEAR)
    assert october.reading == "likely Oct 2023"
    [january] = find_dates("This January you were the first", INTERVIEW, anchored=False)
    assert (january.when.iso(), january.reading) == ("2024", "likely Jan 2024")


def test_relative_evidence_is_the_whole_phrase() -> None:
    evidence = [m.evidence for m in find_dates(RELATIVE[2][0] + " " + RELATIVE[3][0], PODCAST)]
    assert evidence == ["Last May Day holiday", "At this time last year"]


@pytest.mark.parametrize("text", [text for text, *_ in RELATIVE])
def test_relative_dates_need_a_reference(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize("text", ["Last October", "last month"])
def test_a_year_precise_reference_cannot_place_a_month(text: str) -> None:
    assert find_dates(text, FuzzyDate.year(2024)) == []


def test_explicit_year_beats_relative_reading() -> None:
    [mention] = find_dates("last October 2023 we", INTERVIEW)
    assert (mention.evidence, mention.when.iso()) == ("October 2023", "2023-10")


def test_several_mentions_in_order_longest_wins_one_per_expression() -> None:
    text = (
        "Phase 1 (Dec 2021 - 2022); Phase 2 (2023). Paper (arXiv 2501.08313, Jan 2025). "
        "Tenure: Joined late 2023, departed 2024"
    )
    mentions = find_dates(text)
    assert [m.evidence for m in mentions] == [
        "Dec 2021 - 2022",
        "2023",
        "Jan 2025",
        "late 2023",
        "2024",
    ]


def test_invalid_days_fall_back_to_what_the_words_still_say() -> None:
    [mention] = find_dates("on February 30, 2024")
    assert (mention.evidence, mention.when.precision) == ("2024", YEAR)


_FRAGMENTS = [
    "June 21, 2026",
    "Mar 2024",
    "late 2021",
    "the end of 2021",
    "2021-2022",
    "2016x2016",
    "30,000",
    "$2.5B",
    "last October",
    "a year ago",
    "May",
    "2024-03",
    "2501.08313",
    "mid-",
    "-",
    "in",
    "2020",
    "(",
    ")",
    "**",
    ",",
    "\n",
]
_DAY_WORDS = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\d{4}-\d\d-\d\d")


@given(
    st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=6), max_size=12).map(" ".join),
    st.sampled_from([None, INTERVIEW, PODCAST, FuzzyDate.year(2024)]),
)
def test_mentions_are_verbatim_ordered_disjoint_and_never_too_precise(
    text: str, reference: FuzzyDate | None
) -> None:
    mentions = find_dates(text, reference)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.evidence
        if mention.when.precision is DAY:
            assert _DAY_WORDS.search(mention.evidence)
    for first, second in pairwise(mentions):
        assert first.end <= second.start
