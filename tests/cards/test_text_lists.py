"""Terminal text for lists of things: timeline pages, on this day, search hits, the corpus."""

from __future__ import annotations

from bot.cards.text import render_text
from bot.queries.listings import DisagreementList, SourceList
from bot.queries.results import (
    About,
    Citation,
    Disagreement,
    FactValue,
    OnThisDay,
    SearchHit,
    SearchResults,
    Segment,
    SourceSummary,
    Timeline,
)
from tests.cards.samples import ARTICLE, INTERVIEW, PODCAST, TEAM_200, TEAM_300, TIMELINE, quote


def test_a_timeline_shows_each_date_at_its_precision_with_its_source() -> None:
    text = render_text(
        Timeline(TIMELINE, page=0, page_count=3, total=25, year=None, query="funding")
    )
    lines = text.splitlines()
    assert lines[0] == "Timeline · “funding”"
    assert lines[1] == "  late 2021   MiniMax is founded. [1]"
    assert lines[2] == "  Mar 2024    Series B: $600M. [2]"
    assert lines[3] == "  2026-06-21  Crossing: The podcast airs. [3]"
    assert "2024-03-01" not in text
    assert "[1] “late 2021”" in text and "[2] › Funding" in text and "[3] (the document)" in text
    assert text.endswith('25 events · page 1 of 3\n\nNext: /timeline query:"funding" page:2')


def test_the_last_timeline_page_offers_no_next_page_and_an_empty_one_says_so() -> None:
    text = render_text(Timeline(TIMELINE, page=2, page_count=3, total=25, year=2025))
    assert "page 3 of 3" in text and "Next" not in text
    empty = render_text(Timeline((), 0, 0, 0, year=1999))
    assert empty == "Timeline · 1999\nNo events in the corpus."


def test_on_this_day_lists_the_day_then_labels_each_fallback() -> None:
    day = render_text(OnThisDay(6, 21, 2026, TIMELINE[2:], "none"))
    assert day.startswith("On this day · June 21\n") and "2026-06-21" in day
    month = render_text(OnThisDay(3, 9, 2026, TIMELINE[1:2], "month"))
    assert month.startswith(
        "On this day · March 9\nNothing in the corpus happened on March 9; from March instead:"
    )
    assert "Mar 2024" in month
    fallback = render_text(OnThisDay(2, 29, 2024, (), "quote", quote(how="daily")))
    assert fallback.startswith(
        "On this day · February 29\nNothing in the corpus happened on February 29, nor in February"
    )
    assert "Become the biggest customer" in fallback and "LatePost" in fallback
    assert (
        render_text(OnThisDay(1, 2, 2026, (), "none"))
        == "On this day · January 2\nNothing in the corpus happened on January 2."
    )


def test_search_hits_mark_matched_words_and_cite_their_passage() -> None:
    snippet = (Segment("…we bought ", False), Segment("GPUs", True), Segment(" early…", False))
    hit = SearchHit(snippet, Citation(INTERVIEW, "Part 2"))
    text = render_text(SearchResults("GPUs", (hit,), page=0, page_count=3, total=14))
    assert text.startswith("Search · “GPUs”\n")
    assert "14 passages · page 1 of 3" in text
    assert "…we bought **GPUs** early…" in text
    assert "Source: LatePost, 2024-04-18 › Part 2" in text
    assert text.endswith('Next: /search query:"GPUs" page:2')
    assert (
        render_text(SearchResults("zzz", (), 0, 0, 0))
        == "Search · “zzz”\nNo passage matches “zzz”."
    )


def test_highlight_marks_hug_the_word_not_the_spaces() -> None:
    snippet = (Segment("a", False), Segment(" scaling laws ", True), Segment("b", False))
    hit = SearchHit(snippet, Citation(ARTICLE))
    assert "a **scaling laws** b" in render_text(SearchResults("x", (hit,), 0, 1, 1))


def test_sources_and_about_list_documents_with_outlet_date_and_counts() -> None:
    summaries = (SourceSummary(PODCAST, 30, 14, 9), SourceSummary(ARTICLE, 1, 0, 1))
    text = render_text(SourceList(summaries))
    assert text.startswith("2 documents in the corpus\n")
    assert "1. Crossing, “A Conversation with Junjie Yan”, 2026-06-21" in text
    assert "show notes · en · 000.txt · 30 passages, 14 quotes, 9 events" in text
    assert "1 passage, 0 quotes, 1 event" in text
    dispute = Disagreement(
        "MiniMax", "team_size", "Team size",
        (FactValue("roughly 300 people", (TEAM_300,)), FactValue("~200", (TEAM_200,))),
    )  # fmt: skip
    about = render_text(About({"documents": 2, "passages": 1234}, summaries, (dispute,), "v1"))
    assert "Version v1" in about and "Passages   1,234" in about
    assert "· MiniMax: Team size" in about


def test_disagreements_show_each_value_with_its_source() -> None:
    dispute = Disagreement(
        "MiniMax", "team_size", "Team size",
        (FactValue("roughly 300 people", (TEAM_300,)), FactValue("~200", (TEAM_200,))),
    )  # fmt: skip
    text = render_text(DisagreementList((dispute,)))
    assert "MiniMax: Team size" in text
    assert "· roughly 300 people [1]" in text and "· ~200 [2]" in text
    assert "LatePost" in text and "[1] “of roughly 300 people”" in text
    assert "agree" in render_text(DisagreementList((), "M2"))


def test_a_passage_that_begins_with_the_sources_own_bullet_shows_one_bullet() -> None:
    snippet = (Segment("· LatePost: Then what about ", False), Segment("compute", True))
    text = render_text(SearchResults("compute", (SearchHit(snippet, Citation(ARTICLE)),), 0, 1, 1))
    assert "\n  · LatePost: Then what about **compute**\n" in text
    assert "· · " not in text
