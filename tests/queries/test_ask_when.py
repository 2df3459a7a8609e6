"""/ask "when" on the real seeds: answered from the happening asked about (its subject and its
verb), each source's date at its own precision with its sentence or row, the card wording
the dates as the timeline does, in the question's language."""

from __future__ import annotations

from bot.cards.ask import ask_card
from bot.cards.dates import telling_when
from bot.cards.text import card_text
from bot.domain.records import Precision
from bot.queries.ask import ask
from bot.queries.corpus import Corpus
from bot.queries.results import AskAnswer, TimelineEntry


async def happening(corpus: Corpus, question: str) -> tuple[AskAnswer, TimelineEntry]:
    found = await ask(corpus, question)
    assert isinstance(found, AskAnswer) and found.outcome == "answered", found
    assert found.happening is not None, found
    return found, found.happening


async def test_gpt4_is_a_year_at_most_before_the_interview_with_its_sentence(
    corpus: Corpus,
) -> None:
    found, entry = await happening(corpus, "when was GPT-4 released")
    assert "GPT-4" in entry.text and entry.kind == "release"
    (told,) = entry.tellings
    assert told.reading == "about a year before Apr 2024" and told.words == "a year ago"
    evidence = told.citation.evidence or ""
    assert "GPT-4" in evidence and "released a year ago" in evidence  # the sentence, not a token
    assert len(evidence) > 40
    assert not found.facts  # no bare year stated as fact
    text = card_text(ask_card(found))
    assert "about a year before Apr 2024 (001 says “a year ago”)" in text
    assert "When  2023" not in text


async def test_m1_first_run_is_ambiguous_with_both_readings(corpus: Corpus) -> None:
    found, entry = await happening(corpus, "when did M1 first run")
    (told,) = entry.tellings
    assert told.reading is not None and "ambiguous" in told.reading
    assert "May 2025" in told.reading and "May 2026" in told.reading
    assert "Last May Day holiday" in (told.citation.evidence or "")
    assert not any(v.value == "2025" for line in found.facts for v in line.values)
    assert telling_when(told) in card_text(ask_card(found))


async def test_the_founding_shows_three_sources_dates_side_by_side(corpus: Corpus) -> None:
    found, entry = await happening(corpus, "when was MiniMax founded")
    assert entry.kind == "founding"
    dates = {telling_when(t) for t in entry.tellings}
    assert {"Dec 2021 (003)", "late 2021 (002)", "end of 2021 (001)"} <= dates
    assert all(t.citation.evidence for t in entry.tellings)
    assert "Dec 2021 (003) · late 2021 (002) · end of 2021 (001)" in card_text(ask_card(found))


async def test_a_chinese_when_gets_the_same_happening_in_chinese_words(corpus: Corpus) -> None:
    english, entry = await happening(corpus, "when was MiniMax founded")
    for question in ("MiniMax 什么时候成立的", "MiniMax 哪年成立", "迷你马克斯何时成立"):
        found, same = await happening(corpus, question)
        assert found.language == "zh" and same == entry
        text = card_text(ask_card(found))
        assert "时间" in text and "2021年12月（来源 003）" in text
        assert "2021年底（来源 001）" in text
    assert "Dec 2021 (003)" in card_text(ask_card(english))


async def test_the_verb_picks_the_happening(corpus: Corpus) -> None:
    _, released = await happening(corpus, "when was MiniMax-M1 released")
    _, ran = await happening(corpus, "when did the team first get M1 running")
    assert released.kind == "release" and "Jun 2025 (003)" in {
        telling_when(t) for t in released.tellings
    }
    assert ran != released and "first" in ran.text


async def test_sources_that_date_it_differently_are_said_to(corpus: Corpus) -> None:
    found = await ask(corpus, "MiniMax 第一个 MoE 模型什么时候发布")
    assert isinstance(found, AskAnswer)
    # the disagreement on the first MoE model stays on the card beside the happening
    assert any(line.disputed for line in found.facts)


async def test_no_happening_falls_back_to_dated_facts_or_says_so(corpus: Corpus) -> None:
    # Claude is named, never dated (Hailuo AI's launch, asked here before, is now a happening)
    found = await ask(corpus, "when did Claude launch")
    assert isinstance(found, AskAnswer)
    assert found.happening is None and found.outcome != "answered"


async def test_a_launch_its_source_only_orders_after_another_is_after_it_never_its_month(
    corpus: Corpus,
) -> None:
    found, entry = await happening(corpus, "when did Hailuo AI launch")
    (told,) = entry.tellings
    assert told.reading == "after Oct 2022" and told.when.precision is Precision.YEAR
    assert "followed by STARFIELD, Hailuo AI" in (told.citation.evidence or "")
    text = card_text(ask_card(found))
    assert "after Oct 2022 (001 says “October 2022, followed by”)" in text


async def test_the_card_says_when_the_sources_date_it_differently(corpus: Corpus) -> None:
    found, entry = await happening(corpus, "when did MiniMax put most of its compute into MoE")
    assert entry.differ and len({t.file for t in entry.tellings}) >= 2
    assert "the sources date it differently" in card_text(ask_card(found))
    assert "各来源的日期不一致" in card_text(ask_card(found, "zh-CN"))


async def test_a_word_in_common_is_not_the_happening_asked_about(corpus: Corpus) -> None:
    # the republication's title names Yan and AGI; it is not when he chose AGI
    found = await ask(corpus, "when did Yan decide AGI was the direction")
    assert isinstance(found, AskAnswer) and found.happening is None


async def test_the_verb_and_the_name_must_both_fit(corpus: Corpus) -> None:
    # `join` is not a happening of another kind; Talkie's launch is not abab 6.5's release
    for question in ("when did Yan join SenseTime", "when was Talkie launched"):
        found = await ask(corpus, question)
        assert isinstance(found, AskAnswer) and found.happening is None, question
    # "Hailuo" alone is now the app's launch as well (Hailuo AI, after Oct 2022): ask whole
    _, platform = await happening(corpus, "when was the Hailuo platform released")
    assert "Hailuo platform" in platform.text  # the name whole, not Hailuo-02
