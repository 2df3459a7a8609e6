"""Terminal text for single answers (quotes, models, people, problems), from hand-built results."""

from __future__ import annotations

import pytest

from bot.cards.citing import clip_heading
from bot.cards.labels import say
from bot.cards.text import render_text
from bot.domain.records import FuzzyDate, ModelKind
from bot.domain.text import shown as clip
from bot.queries.listings import Answer, DisagreementList, SourceList
from bot.queries.results import (
    About,
    Citation,
    Comparison,
    ComparisonRow,
    FactLine,
    FactValue,
    Mention,
    ModelList,
    ModelSummary,
    OnThisDay,
    PersonProfile,
    Problem,
    SearchResults,
    Timeline,
)
from tests.cards.samples import (
    ARTICLE,
    PODCAST,
    SPECS,
    TABLE,
    TEAM_200,
    TEAM_300,
    TIMELINE,
    card,
    quote,
)


def test_a_quote_shows_speaker_question_and_its_source_with_date_and_heading() -> None:
    text = render_text(quote())
    assert text.startswith("Best match for “compute crunch”\n")
    assert text.endswith("Match 1 of 3")
    assert "“Become the biggest customer in the market.”" in text
    assert "— Junjie Yan" in text
    assert "Asked: “How do you avoid similar risks?”" in text
    assert "LatePost" in text and "2024-04-18" in text and "› Everything becomes good" in text


@pytest.mark.parametrize(
    ("changes", "header"),
    [
        ({"how": "random", "query": None}, "A random quote\n"),
        ({"how": "random", "query": None, "speaker_filter": "Junjie Yan"}, "A random quote by"),
        ({"how": "daily", "query": None}, "Quote of the day\n"),
        ({"rank": 1}, "Match 2 for “compute crunch”\n"),
    ],
)
def test_quote_headers_say_how_the_quote_was_chosen(
    changes: dict[str, object], header: str
) -> None:
    assert render_text(quote(**changes)).startswith(header)


def test_a_quote_names_the_spelling_the_source_uses() -> None:
    text = render_text(quote(speaker_as_written="闫俊杰", question=None))
    assert "— Junjie Yan (written “闫俊杰”)" in text
    assert "Asked" not in text


def test_an_unattributed_quote_says_so() -> None:
    assert "— Unattributed" in render_text(quote(speaker=None, speaker_as_written=None))


def test_a_model_card_numbers_each_value_by_its_source_and_lists_the_evidence() -> None:
    text = render_text(card())
    assert text.splitlines()[:2] == ["MiniMax-M2", "Text model · by MiniMax · also called M2"]
    assert "Total parameters  230B [1][2]" in text
    assert "· 230B (10B active) [1]" in text and "· 230B total [2]" in text
    sources = text[text.index("Sources:") :]
    assert "“MiniMax: Efficient LLMs”" in sources
    assert "› Models › Table" in sources and "[1] “| **Oct 2025** |" in sources
    assert "[2] “- **Parameters**: 230B total, 10B active”" in sources
    assert "closest match" not in text


def test_a_fuzzy_match_says_it_is_the_closest() -> None:
    assert "Closest match for what you typed" in render_text(card(exact=False))


def test_a_disputed_fact_shows_every_value_with_its_own_source() -> None:
    team = FactLine(
        "team_size",
        "Team size",
        (FactValue("roughly 300 people", (TEAM_300,)), FactValue("~200 employees", (TEAM_200,))),
        disputed=True,
    )
    text = render_text(card(facts=(team,)))
    assert "Team size  (the sources disagree)" in text
    assert "· roughly 300 people [1]" in text and "· ~200 employees [2]" in text
    assert "LatePost, “In Conversation”, 2024-04-18" in text
    assert "[1] “of roughly 300 people”" in text
    assert "[2] “**Total Size**: ~200 employees”" in text


NO_SPEC = say("model.no_spec")


def test_a_model_only_mentioned_says_plainly_no_specification_is_given() -> None:
    mention = Mention("Key breakthroughs and assessment of M3", Citation(PODCAST, "Chapters"))
    text = render_text(
        card(name="M3", aliases=("M3",), facts=(), mentions=(mention,), specified=False)
    )
    assert NO_SPEC == "No specification is given in the corpus."
    assert NO_SPEC in text
    assert "“Key breakthroughs and assessment of M3” [1]" in text
    assert "Crossing" in text and "2026-06-21" in text and "› Chapters" in text


def test_a_model_with_nothing_said_says_that_too() -> None:
    text = render_text(card(facts=(), mentions=(), specified=False))
    assert NO_SPEC in text and "says nothing more" in text


def test_the_model_list_shows_kind_maker_and_release_at_its_precision() -> None:
    models = ModelList(
        None,
        (
            ModelSummary("MiniMax-M2", ModelKind.TEXT, True, FuzzyDate.month(2025, 10)),
            ModelSummary("Sora", ModelKind.VIDEO, False, None),
            ModelSummary("GPT-4", None, None, None),
        ),
    )
    text = render_text(models)
    assert text.startswith("Models in the corpus\n3 models.")
    assert "By MiniMax (1):\n  MiniMax-M2  text · Oct 2025" in text
    assert "Not by MiniMax (1):\n  Sora  video" in text
    assert "2025-10-01" not in text
    empty = render_text(ModelList(ModelKind.MUSIC, ()))
    assert empty == "Music models in the corpus\nThe corpus names no music models."


def test_a_comparison_puts_both_values_under_each_label() -> None:
    right = card(name="MiniMax-Text-01", aliases=("MiniMax-Text-01",), exact=False)
    row = ComparisonRow(
        "Total parameters", (FactValue("230B", (TABLE,)),), (FactValue("456B", (SPECS,)),)
    )
    empty = ComparisonRow("Price", (FactValue("$0.30/M", (SPECS,)),), ())
    text = render_text(Comparison(card(), right, (row, empty)))
    assert text.startswith("MiniMax-M2 vs MiniMax-Text-01\nMiniMax-M2: Text model · by MiniMax")
    assert "  MiniMax-M2:       230B [1]" in text
    assert "  MiniMax-Text-01:  456B [2]" in text
    assert "Only for MiniMax-M2:\n  Price:  $0.30/M [2]" in text
    assert "MiniMax-Text-01: Closest match" in text


def test_a_profile_lists_spellings_role_documents_and_facts() -> None:
    profile = PersonProfile(
        "Junjie Yan",
        ("Junjie Yan", "闫俊杰", "颜俊杰"),
        "Founder and CEO",
        (PODCAST, ARTICLE),
        12,
        (FactLine("born", "Born", (FactValue("1989", (TEAM_200,)),)),),
    )
    text = render_text(profile)
    assert text.startswith("Junjie Yan\nFounder and CEO\n")
    assert "Also written: 闫俊杰, 颜俊杰" in text
    assert '12 quotes in the corpus · /quote speaker:"Junjie Yan"' in text
    assert "Born  1989 [1]" in text
    assert "· Crossing, “A Conversation with Junjie Yan”, 2026-06-21" in text


def test_a_problem_is_its_message_with_suggestions() -> None:
    assert render_text(Problem("No model called “gpt-5”.")) == "No model called “gpt-5”."
    text = render_text(Problem("No model called “gpt-5”.", ("GPT-5.5", "GPT-4")))
    assert text == "No model called “gpt-5”.\nDid you mean: GPT-5.5, GPT-4?"


EVERY_ANSWER: tuple[Answer, ...] = (
    quote(),
    card(),
    ModelList(None, ()),
    Comparison(card(), card(), ()),
    PersonProfile("X", ("X",), None, (), 0),
    Timeline(TIMELINE, 0, 1, 3),
    OnThisDay(6, 21, 2026, (), "none"),
    SearchResults("x", (), 0, 0, 0),
    SourceList(()),
    About({}, (), (), "v"),
    DisagreementList(()),
    Problem("no"),
)


@pytest.mark.parametrize("answer", EVERY_ANSWER, ids=lambda a: type(a).__name__)
def test_every_answer_renders_as_text_without_a_trailing_newline(answer: Answer) -> None:
    text = render_text(answer)
    assert text and text == text.rstrip()


def test_clip_cuts_at_a_word_and_keeps_short_text() -> None:
    assert clip("short  text", 20) == "short text"
    assert clip("one two three four five", 14) == "one two three…"


def test_clip_heading_keeps_the_innermost_levels() -> None:
    heading = "Model Lineage and Release Timeline › Detailed Model Specifications › MiniMax-M2"
    assert clip_heading(heading, 60) == "… › Detailed Model Specifications › MiniMax-M2"
    assert clip_heading("Short › Path", 60) == "Short › Path"


def test_a_republished_source_names_its_republisher_before_the_date() -> None:
    from dataclasses import replace

    from bot.cards.citing import source_line
    from bot.cards.corpus import credits
    from tests.cards.samples import INTERVIEW

    republished = replace(
        INTERVIEW, publisher="Yunqi Capital", authors=("Cheng Manqi",), editors=("Song Wei",)
    )
    assert source_line(republished) == "LatePost, republished by Yunqi Capital, 2024-04-18"
    assert credits(republished) == "by Cheng Manqi, edited by Song Wei · "
    assert credits(INTERVIEW) == ""
