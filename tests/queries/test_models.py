"""Model cards, lists and comparisons over the real seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.names import name_key
from bot.domain.records import FuzzyDate, ModelKind
from bot.indexer import index_corpus
from bot.queries.corpus import Corpus
from bot.queries.mentions import name_pattern
from bot.queries.models import compare_models, list_models, model_card
from bot.queries.results import Comparison, FactLine, ModelCard, Problem

SHOW_NOTES = "000_170ff5059b12dbe9.txt"
ARTICLE = "003_2acd4246ab7622df.txt"


async def card(corpus: Corpus, name: str) -> ModelCard:
    found = await model_card(corpus, name)
    assert isinstance(found, ModelCard), found
    return found


def line(found: ModelCard, attribute: str) -> FactLine:
    return next(line for line in found.facts if line.attribute == attribute)


def values(found: ModelCard, attribute: str) -> list[str]:
    return [value.value for value in line(found, attribute).values]


@pytest.mark.parametrize(
    ("typed", "name", "matched", "exact"),
    [
        ("M2", "MiniMax-M2", "M2", True),
        ("m2", "MiniMax-M2", "M2", True),
        ("MiniMax-M2", "MiniMax-M2", "MiniMax-M2", True),
        ("minimax m2", "MiniMax-M2", "MiniMax-M2", True),
        ("  MINIMAX_M2 ", "MiniMax-M2", "MiniMax-M2", True),
        ("minimx text 01", "MiniMax-Text-01", "MiniMax-Text-01", False),
        ("text01", "MiniMax-Text-01", "Text-01", True),
        ("Text-01", "MiniMax-Text-01", "Text-01", True),
        ("abab65", "ABAB 6.5", "ABAB 6.5", True),
        ("ABAB 6.5s", "ABAB 6.5s", "ABAB 6.5s", True),
        ("M2.5", "M2.5", "M2.5", True),
        ("speech 2", "Speech-02", "Speech-02", False),
        ("Hailuo-2", "Hailuo-02", "Hailuo-02", False),
    ],
)
async def test_a_name_finds_its_model(
    corpus: Corpus, typed: str, name: str, matched: str, exact: bool
) -> None:
    found = await card(corpus, typed)
    assert (found.name, found.matched, found.exact) == (name, matched, exact)


async def test_a_card_answers_again_with_the_alias_asked_for(corpus: Corpus) -> None:
    first, again = await card(corpus, "M2"), await card(corpus, "minimx m2")
    assert (first.matched, first.exact) == ("M2", True)
    assert (again.matched, again.exact) == ("MiniMax-M2", False)
    assert first.facts == again.facts and first.name == again.name


async def test_m2_card_holds_its_specification(corpus: Corpus) -> None:
    m2 = await card(corpus, "M2")
    assert m2.specified and m2.minimax is True and m2.kind is ModelKind.TEXT
    assert values(m2, "release") == ["Oct 2025"]
    assert values(m2, "total_parameters") == ["230B"]
    assert values(m2, "active_parameters") == ["10B"]
    assert values(m2, "licence") == ["MIT (fully open, commercial use allowed)"]
    assert values(m2, "price") == ["$0.30/M input tokens, $1.20/M output tokens"]
    assert m2.facts[0].attribute == "release"
    assert line(m2, "total_parameters").label == "Total parameters"
    assert m2.mentions == ()  # a specified model is its card


async def test_every_value_cites_its_source_passage_and_words(corpus: Corpus) -> None:
    m2 = await card(corpus, "MiniMax-M2")
    for fact in m2.facts:
        for value in fact.values:
            assert value.citations
            for citation in value.citations:
                assert citation.source.file == ARTICLE
                assert citation.evidence
    licence = line(m2, "licence").values[0].citations[0]
    assert licence.evidence is not None and "MIT (fully open" in licence.evidence
    assert licence.heading is not None and "MiniMax-M2" in licence.heading


async def test_text01_values_said_several_times_are_one_value_with_every_citation(
    corpus: Corpus,
) -> None:
    text01 = await card(corpus, "Text-01")
    assert values(text01, "layers") == ["80"]
    assert values(text01, "experts") == ["32"]
    assert values(text01, "total_parameters") == ["456B"]
    total = line(text01, "total_parameters").values[0]
    assert len(total.citations) >= 2
    assert len({citation.evidence for citation in total.citations}) == len(total.citations)
    # `Jan 2025` and `January 2025` state one date: one value, two citations.
    assert values(text01, "release") == ["Jan 2025"]
    assert len(line(text01, "release").values[0].citations) == 2


async def test_card_order_puts_the_essentials_first(corpus: Corpus) -> None:
    text01 = await card(corpus, "MiniMax-Text-01")
    attributes = [fact.attribute for fact in text01.facts]
    essentials = ["release", "total_parameters", "active_parameters", "parameters", "context"]
    assert attributes[: len(essentials)] == essentials
    assert attributes.index("layers") < attributes.index("experts") < attributes.index("papers")
    assert len(attributes) == len(set(attributes))


@pytest.mark.parametrize("name", ["M3", "10T model", "M2.5"])
async def test_a_model_only_mentioned_says_so_and_shows_where(corpus: Corpus, name: str) -> None:
    found = await card(corpus, name)
    assert not found.specified
    assert 1 <= len(found.mentions) <= 5
    assert any(m.citation.source.file == SHOW_NOTES for m in found.mentions)
    for mention in found.mentions:
        assert name_pattern(name).search(mention.text), mention.text
        assert len(mention.text) <= 302


async def test_curated_facts_show_but_do_not_make_a_specification(corpus: Corpus) -> None:
    m25 = await card(corpus, "M2.5")
    assert not m25.specified
    assert values(m25, "tokens_per_day") == ["10 trillion, 10x the target"]
    evidence = line(m25, "tokens_per_day").values[0].citations[0].evidence
    assert evidence == "it ended up hitting 10 trillion, 10x the target"


@pytest.mark.parametrize("name", ["ChatGPT", "Sora", "Glow"])
async def test_products_named_in_prose_have_mentions(corpus: Corpus, name: str) -> None:
    found = await card(corpus, name)
    assert not found.specified and found.facts == ()
    assert found.mentions


async def test_m3_mentions_are_not_other_models_or_repeated_headings(corpus: Corpus) -> None:
    m3 = await card(corpus, "M3")
    texts = [mention.text for mention in m3.mentions]
    assert all("M3" in text for text in texts)
    # The chapter `🟢 01:41 Key breakthroughs and assessment of M3` repeats a paragraph.
    keys = [name_key(text) for text in texts]
    assert not any(a != b and a in b for a in keys for b in keys)
    assert len(keys) == len(set(keys))


async def test_unknown_model_is_a_problem_with_the_closest_names(corpus: Corpus) -> None:
    found = await model_card(corpus, "gpt-5")
    assert isinstance(found, Problem)
    assert found.message == "No model called “gpt-5” in the corpus."
    assert "GPT-5.5" in found.suggestions


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "🚀", "🚀🚀🚀", "a" * 500, "'; DROP TABLE models; --", "\u200b", "\u200b\u200d",
     'M2" OR 1=1 --', "NEAR(m2 m3)", "m*", "\x00\x07", "t"],
)  # fmt: skip
async def test_bad_input_is_a_short_problem_never_an_exception(corpus: Corpus, typed: str) -> None:
    found = await model_card(corpus, typed)
    assert isinstance(found, Problem), found
    assert 0 < len(found.message) <= 120
    assert "\u200b" not in found.message and "\x00" not in found.message


async def test_zero_width_characters_inside_a_name_are_ignored(corpus: Corpus) -> None:
    assert (await card(corpus, "Mini\u200bMax-M\u200d2")).name == "MiniMax-M2"


async def test_list_of_text_models_has_minimax_first_by_release(corpus: Corpus) -> None:
    listed = await list_models(corpus, ModelKind.TEXT)
    names = [model.name for model in listed.models]
    assert listed.kind is ModelKind.TEXT
    assert "MiniMax-M2" in names and "Speech-02" not in names
    assert all(model.kind is ModelKind.TEXT for model in listed.models)
    own = [model.minimax for model in listed.models]
    assert own == sorted(own, key=lambda minimax: minimax is not True)
    dated = [model.name for model in listed.models if model.release is not None]
    assert dated.index("ABAB 6.5") < dated.index("MiniMax-Text-01") < dated.index("MiniMax-M2")
    m2 = next(model for model in listed.models if model.name == "MiniMax-M2")
    assert m2.release == FuzzyDate.month(2025, 10)


async def test_list_by_kind_and_all(corpus: Corpus) -> None:
    speech = [model.name for model in (await list_models(corpus, ModelKind.SPEECH)).models]
    assert "Speech-02" in speech and "MiniMax-M2" not in speech
    everything = (await list_models(corpus)).models
    assert {"Speech-02", "MiniMax-M2", "ChatGPT", "Sora"} <= {model.name for model in everything}
    assert everything[-1].minimax is not True


async def test_compare_puts_shared_attributes_first(corpus: Corpus) -> None:
    found = await compare_models(corpus, "M2", "Text-01")
    assert isinstance(found, Comparison)
    assert (found.left.name, found.right.name) == ("MiniMax-M2", "MiniMax-Text-01")
    rows = {row.label: row for row in found.rows}
    total = rows["Total parameters"]
    assert [v.value for v in total.left] == ["230B"] and [v.value for v in total.right] == ["456B"]
    assert rows["Licence"].right == () and rows["Layers"].left == ()
    shared = [bool(row.left and row.right) for row in found.rows]
    assert shared == sorted(shared, reverse=True)


@pytest.mark.parametrize(("left", "right", "unknown"), [("M2", "gpt-5", "gpt-5"),
                                                         ("zzzz", "M2", "zzzz")])  # fmt: skip
async def test_compare_with_an_unknown_model_names_it(
    corpus: Corpus, left: str, right: str, unknown: str
) -> None:
    found = await compare_models(corpus, left, right)
    assert isinstance(found, Problem) and f"“{unknown}”" in found.message


async def test_compare_a_model_with_itself_is_a_problem(corpus: Corpus) -> None:
    found = await compare_models(corpus, "M2", "minimax m2")
    assert isinstance(found, Problem) and "same model" in found.message


async def test_disputed_values_are_all_shown_with_their_sources(
    seeds_copy: Path, tmp_path: Path
) -> None:
    # A second source giving M2 another release month makes the corpus disagree.
    with (seeds_copy / "curated.toml").open("a", encoding="utf-8") as curated:
        curated.write(
            '\n[[fact]]\nsubject = "MiniMax-M2"\nattribute = "release"\n'
            'value = "November 2025"\ncompare = "2025-11"\n'
            f'document = "{ARTICLE}"\nevidence = "MiniMax-M2 (October 2025 Release)"\n'
        )
    db = tmp_path / "disputed.db"
    await index_corpus(seeds_copy, db)
    corpus = await Corpus.open(db)
    try:
        release = line(await card(corpus, "M2"), "release")
        undisputed = line(await card(corpus, "M2"), "licence")
    finally:
        await corpus.close()
    assert release.disputed and not undisputed.disputed
    assert [value.value for value in release.values] == ["Oct 2025", "November 2025"]
    assert all(value.citations for value in release.values)


async def test_a_name_the_corpus_writes_is_never_read_as_a_typo_of_another(
    corpus: Corpus,
) -> None:
    found = await model_card(corpus, "Mistral")  # 001 names the company; Mixtral is a model
    assert isinstance(found, Problem)
    assert found.message == "“Mistral” is named in the corpus, but not as a model or product."
    assert found.suggestions == ("Mixtral",)
    card = await model_card(corpus, "Mixtrl")
    assert not isinstance(card, Problem) and card.name == "Mixtral"


@pytest.mark.parametrize(
    ("typed", "name", "kind"),
    [
        ("GPT-4o", "GPT-4o", "model"),
        ("Claude", "Claude", "text"),
        ("Codex", "Codex", "product"),
        ("MiniMax-01", "MiniMax-01", "series"),
        ("Hailuo API", "Hailuo Platform", "platform"),
        ("abab6.5s-chat", "ABAB 6.5s", "text"),
    ],
)
async def test_models_named_in_prose_have_their_own_cards(
    corpus: Corpus, typed: str, name: str, kind: str
) -> None:
    card = await model_card(corpus, typed)
    assert not isinstance(card, Problem), card
    assert (card.name, card.kind) == (name, kind)


async def test_a_family_card_carries_what_its_variants_rows_say(corpus: Corpus) -> None:
    card = await model_card(corpus, "MiniMax-M1")
    assert not isinstance(card, Problem)
    lines = {line.attribute: line for line in card.facts}
    (release,) = lines["release"].values
    assert release.value == "Jun 2025"
    cited = {citation.evidence for citation in release.citations}
    assert any("**MiniMax-M1-40K**" in (e or "") for e in cited)
    assert any("**MiniMax-M1-80K**" in (e or "") for e in cited)
    assert "context" in lines and "total_parameters" in lines
    variant = await model_card(corpus, "MiniMax-M1-40K")
    assert not isinstance(variant, Problem)
    assert "rl_algorithm" not in {line.attribute for line in variant.facts}  # not the reverse
