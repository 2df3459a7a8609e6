"""The timeline card shows each source's date of a happening side by side."""

from __future__ import annotations

from bot.cards.timeline import events, side_by_side, timeline_card
from bot.domain.records import FuzzyDate
from bot.queries.results import Citation, DatedTelling, Timeline, TimelineEntry
from tests.cards.samples import ARTICLE, INTERVIEW

ABSTRACT_FILE = "002_8d76a87ad898c4a7.txt"


def _telling(when: FuzzyDate, file: str, words: str, reading: str | None = None) -> DatedTelling:
    source = ARTICLE if file.startswith("003") else INTERVIEW
    citation = Citation(source, None, f"They said {words}.")
    return DatedTelling(when, file, words, reading, citation)


FOUNDING = TimelineEntry(
    FuzzyDate.month(2021, 12),
    "MiniMax is founded",
    None,
    Citation(ARTICLE, None, "Founded in December 2021"),
    kind="founding",
    tellings=(
        _telling(FuzzyDate.month(2021, 12), ARTICLE.file, "December 2021"),
        _telling(FuzzyDate.part_of_year(2021, "end"), INTERVIEW.file, "the end of 2021"),
        _telling(FuzzyDate.part_of_year(2021, "late"), ABSTRACT_FILE, "late 2021"),
    ),
)


def test_each_sources_date_side_by_side() -> None:
    assert side_by_side(FOUNDING) == "Dec 2021 (003) · end of 2021 (001) · late 2021 (002)"
    assert side_by_side(FOUNDING, "zh-CN") == (
        "2021年12月（来源 003） · 2021年底（来源 001） · 2021年末（来源 002）"
    )
    [entry] = events([FOUNDING]).entries
    assert (entry.label, entry.text, len(entry.citations)) == ("Dec 2021", "MiniMax is founded", 3)


def test_a_relative_date_shows_its_words_and_differing_dates_say_so() -> None:
    ago = _telling(
        FuzzyDate.year(2023), INTERVIEW.file, "a year ago", "about a year before Apr 2024"
    )
    single = TimelineEntry(ago.when, "OpenAI releases GPT-4", None, ago.citation, tellings=(ago,))
    assert side_by_side(single) == "about a year before Apr 2024 (001 says “a year ago”)"
    differ = TimelineEntry(
        FuzzyDate.month(2024, 4),
        "MoE",
        None,
        ago.citation,
        tellings=(_telling(FuzzyDate.month(2024, 4), ARTICLE.file, "April 2024"), ago),
        differ=True,
        more=2,
    )
    line = side_by_side(differ)
    assert line is not None and line.startswith("Apr 2024 (003) · about a year before")
    assert line.endswith("and 2 more sources — the sources date it differently")
    plain = TimelineEntry(
        FuzzyDate.year(2020),
        "x",
        None,
        ago.citation,
        tellings=(_telling(FuzzyDate.year(2020), ARTICLE.file, "2020"),),
    )
    assert side_by_side(plain) is None  # the label already says it


def test_a_kind_is_in_the_title_and_the_next_page() -> None:
    page = Timeline((FOUNDING,), 0, 2, 11, year=2021, kind="founding")
    card = timeline_card(page)
    assert card.title == "Timeline · 2021 · founding"
    assert card.next_page == "/timeline year:2021 kind:founding page:2"


def test_the_kind_in_the_title_is_in_the_readers_locale() -> None:
    page = Timeline((FOUNDING,), 0, 1, 1, kind="birth")
    assert timeline_card(page, "zh-CN").title == "时间线 · 出生"
    assert timeline_card(page, "zh-TW").title == "時間線 · 出生"
    assert timeline_card(page).title == "Timeline · birth"
