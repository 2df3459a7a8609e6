"""Which card a name means, over the real seeds: models first, then organisations and
concepts, then the team's common names; a name never crosses into another entity."""

from __future__ import annotations

import pytest

from bot.queries.corpus import Corpus
from bot.queries.entity_names import EntityMatch, find_name, resolve_name
from bot.queries.model_names import ModelMatch
from bot.queries.results import Problem


def named(corpus: Corpus, typed: str) -> str:
    found = resolve_name(corpus.catalog, typed)
    assert not isinstance(found, Problem), found
    return found.model.name if isinstance(found, ModelMatch) else found.entity.name


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("MiniMax", "MiniMax"),
        ("mini max", "MiniMax"),
        ("迷你马克斯", "MiniMax"),
        ("迷你馬克斯", "MiniMax"),
        ("MiniMx", "MiniMax"),
        ("米哈遊", "MiHoYo"),
        ("miHoYo", "MiHoYo"),
        ("月之暗面", "Moonshot AI"),
        ("Moonshot", "Moonshot AI"),
        ("商湯", "SenseTime"),
        ("SenseTme", "SenseTime"),
        ("騰訊", "Tencent"),
        ("雲啟資本", "Yunqi Capital"),
        ("Yunqi", "Yunqi Capital"),
        ("IDG", "IDG Capital"),
        ("鸿商", "HongShan"),
        ("postlate", "LatePost"),
        ("Mistral", "Mistral"),
        ("DeepSeek", "DeepSeek"),
        ("MoE", "Mixture of Experts"),
        ("arXiv 2501.08313", "MiniMax-01: Scaling Foundation Models with Lightning Attention"),
        ("10X expert collaboration program", "Project 10X"),
        ("T2A", "T2A-01-HD"),
        ("GPT-4o", "GPT-4o"),
        ("Claude", "Claude"),
        ("Qwen3", "Qwen3-235B"),
    ],
)
def test_names_resolve_to_their_card(corpus: Corpus, typed: str, name: str) -> None:
    assert named(corpus, typed) == name


def test_an_alias_with_the_generic_word_added_is_an_exact_match(corpus: Corpus) -> None:
    found = resolve_name(corpus.catalog, "10T")
    assert isinstance(found, ModelMatch) and found.model.name == "10T model"
    assert found.exact  # not "Closest match": the 10T model is what 000 calls "10T"


def test_a_common_name_the_corpus_never_writes_is_marked_as_such(corpus: Corpus) -> None:
    hongshan = resolve_name(corpus.catalog, "红杉")
    assert isinstance(hongshan, EntityMatch) and hongshan.entity.name == "HongShan"
    assert hongshan.common == "红杉" and "红杉" not in hongshan.entity.aliases
    app = resolve_name(corpus.catalog, "海螺AI")
    assert isinstance(app, ModelMatch) and (app.model.name, app.common) == ("Hailuo AI", "海螺AI")


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("海螺", {"Hailuo AI", "Hailuo Chat", "Hailuo Platform"}),
        ("智谱清言", {"Zhipu AI", "Kimi"}),
    ],
)
def test_an_ambiguous_name_says_so_and_offers_the_candidates(
    corpus: Corpus, typed: str, candidates: set[str]
) -> None:
    found = resolve_name(corpus.catalog, typed)
    assert isinstance(found, Problem) and "could be more than one" in found.message
    assert set(found.suggestions) == candidates


@pytest.mark.parametrize(
    ("typed", "never"),
    [
        ("Tencent", {"Hunyuan", "Tencent Games", "Tencent Jarvis Lab"}),
        ("阿里", {"Alibaba Cloud"}),
        ("Yunqi", {"Yunqi Partners"}),
        ("Mistral", {"Mixtral"}),
        ("MiniMax", {"MiniMax-M1", "MiniMax-M2"}),
        ("Project 10X", {"10T model"}),
    ],
)
def test_a_name_never_crosses_into_another_entity(
    corpus: Corpus, typed: str, never: set[str]
) -> None:
    assert named(corpus, typed) not in never


async def test_an_unknown_name_offers_close_names_and_nothing_far(corpus: Corpus) -> None:
    found = await find_name(corpus, "gpt-5")
    assert isinstance(found, Problem)
    assert found.message == "No model, company or concept called “gpt-5” in the corpus."
    assert "GPT-5.5" in found.suggestions
    banana = await find_name(corpus, "banana")
    assert isinstance(banana, Problem) and not banana.suggestions
