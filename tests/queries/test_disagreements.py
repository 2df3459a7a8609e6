"""/disagreements over the real seeds: paged, by subject in any spelling or by topic words; what
it says when a subject has none; and the section each subject's card shows."""

from __future__ import annotations

from bot.cards.build import card_for
from bot.cards.text import render_text
from bot.queries.corpus import Corpus
from bot.queries.disagreements import PAGE_SIZE, about_subject, disagreement_list, disagreements
from bot.queries.models import model_card
from bot.queries.people import person_profile
from bot.queries.results import ModelCard, PersonProfile

AGREE = "The sources agree"


async def test_every_disagreement_in_pages_the_curated_order_first(corpus: Corpus) -> None:
    first = await disagreement_list(corpus)
    assert first.total == len(await disagreements(corpus)) >= 35
    assert len(first.items) == PAGE_SIZE and first.page_count * PAGE_SIZE >= first.total
    assert [d.attribute for d in first.items[:3]] == [
        "team_size",
        "first_moe_model_launch",
        "chinese_name",
    ]
    text = render_text(first)
    assert f"{first.total} points" in text and "Next: /disagreements page:2" in text
    last = await disagreement_list(corpus, page=999)  # past the end: the last page
    assert last.page == last.page_count - 1 and last.items
    assert "Next:" not in render_text(last)


async def test_a_subject_by_any_spelling_pages_with_its_name(corpus: Corpus) -> None:
    found = await disagreement_list(corpus, "颜俊杰")
    assert found.resolved == "Junjie Yan"
    assert {d.attribute for d in found.items} >= {"chinese_name", "age"}
    minimax = await disagreement_list(corpus, "minimax", page=1)
    assert minimax.page == 1 and minimax.total > PAGE_SIZE
    assert 'Next: /disagreements subject:"minimax" page:3' in render_text(minimax)


async def test_topic_words_find_disagreements_by_their_label(corpus: Corpus) -> None:
    gpus = await disagreement_list(corpus, "GPUs")
    assert [d.attribute for d in gpus.items] == ["owns_gpus"]
    assert gpus.resolved is None
    nothing = await disagreement_list(corpus, "quantum teleportation")
    assert nothing.items == () and nothing.total == 0
    text = render_text(nothing)
    assert "No disagreement is recorded" in text and AGREE not in text


async def test_one_documents_subject_is_never_said_to_agree(corpus: Corpus) -> None:
    for name in ("Glow", "Kimi", "Steve Jobs", "ABAB 6.5s"):
        listing = await disagreement_list(corpus, name)
        assert listing.items == () and listing.resolved is not None, name
        assert len(listing.stating) <= 1, name
        assert AGREE not in render_text(listing), name
    kimi = render_text(await disagreement_list(corpus, "Kimi"))
    assert "Only one document states facts about Kimi" in kimi
    assert "The team's notes on errors in the sources (kept as written):" in kimi
    assert "“智谱清言 Kimi”  智谱清言 is Zhipu's assistant" in kimi


async def test_a_model_card_shows_its_disagreements_and_the_teams_notes(corpus: Corpus) -> None:
    card = await model_card(corpus, "M1")
    assert isinstance(card, ModelCard)
    (line,) = [line for line in card.facts if line.attribute == "relative_size"]
    assert line.disputed and {v.value for v in line.values} >= {"7.8x", "250x typical"}
    assert [n.written for n in card.notes] == ["250x typical"]
    text = render_text(card)
    assert "Team's note (not the sources' words): Within the article: 1M over a typical" in text
    assert "The team's notes on errors in the sources (kept as written):" in text

    hailuo = await model_card(corpus, "Hailuo-2.3")  # a disagreement about two models
    assert isinstance(hailuo, ModelCard)
    assert [d.subject for d in hailuo.disagreements] == ["Hailuo-02"]
    assert "Where the sources disagree (1):" in render_text(hailuo)


async def test_a_characterisation_on_a_fact_line_joins_it_once(corpus: Corpus) -> None:
    card = await model_card(corpus, "MiniMax-Text-01")
    assert isinstance(card, ModelCard)
    (line,) = [line for line in card.facts if line.attribute == "open_source"]
    assert line.disputed
    rows = [c.evidence for v in line.values for c in v.citations]
    assert len(rows) == len(set(rows))  # the ❌ row is cited once, not as two values
    assert "Where the sources disagree" not in render_text(card)


async def test_a_person_card_shows_every_disagreement_about_them(corpus: Corpus) -> None:
    profile = await person_profile(corpus, "Junjie Yan")
    assert isinstance(profile, PersonProfile)
    text = render_text(profile)
    assert "Chinese name  (the sources disagree)" in text
    assert "Role at SenseTime" in text and "MiniMax: Who founded it" in text
    assert "(within one document)" in text  # never appeared publicly, yet a 2021 caption


async def test_the_section_for_any_subject_by_its_names(corpus: Corpus) -> None:
    found, notes = await about_subject(corpus, ["MiniMax"])
    assert {d.attribute for d in found} >= {"team_size", "owns_gpus", "phase_order"}
    assert [n.written for n in notes] == ["captial"]
    found, notes = await about_subject(corpus, ["HongShan"])
    assert found == () and [n.written for n in notes] == ["鸿商"]


async def test_a_disputed_line_of_a_person_carries_every_claim_once(corpus: Corpus) -> None:
    profile = await person_profile(corpus, "Junjie Yan")
    assert isinstance(profile, PersonProfile)
    (name,) = [fact for fact in card_for(profile).facts if fact.label == "Chinese name"]
    assert name.disputed and name.note is not None
    assert [value.text for value in name.values] == ["闫俊杰", "颜俊杰"]
    rows = {c.evidence for c in name.values[1].citations}
    assert "| Yan Junjie | 颜俊杰 | CEO & Co-founder |" in rows  # the claim the facts lack
    assert len(rows) == len(name.values[1].citations)
