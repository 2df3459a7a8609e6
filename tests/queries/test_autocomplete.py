"""Autocomplete for model names, speakers and time zones, from memory, within Discord's limits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.records import Model, Person
from bot.queries.autocomplete import (
    MAX_CHOICE_LENGTH,
    MAX_CHOICES,
    Named,
    NameIndex,
    model_choices,
    model_index,
    speaker_choices,
    speaker_index,
    timezone_choices,
)
from bot.queries.corpus import Catalog, Corpus
from bot.queries.results import Choice


@pytest.fixture
def catalog(corpus: Corpus) -> Catalog:
    return corpus.catalog


def names(choices: list[Choice]) -> list[str]:
    return [choice.name for choice in choices]


def within_limits(choices: list[Choice]) -> bool:
    return len(choices) <= MAX_CHOICES and all(
        0 < len(c.name) <= MAX_CHOICE_LENGTH and 0 < len(c.value) <= MAX_CHOICE_LENGTH
        for c in choices
    )


@pytest.mark.parametrize(
    ("typed", "first_value", "first_name"),
    [
        ("m2", "MiniMax-M2", "MiniMax-M2 (M2)"),
        ("M2", "MiniMax-M2", "MiniMax-M2 (M2)"),
        ("minimax-m2", "MiniMax-M2", "MiniMax-M2"),
        ("text", "MiniMax-Text-01", "MiniMax-Text-01 (Text-01)"),
        ("abab 6.5 se", "ABAB 6.5", "ABAB 6.5 (abab 6.5 series)"),
        ("speech", "Speech-02", "Speech-02"),
        ("minimx text", "MiniMax-Text-01", "MiniMax-Text-01"),  # a typo: fuzzy
        ("xingye", "Glow", "Glow (Xingye)"),
    ],
)
def test_model_choices_lead_with_the_best_match(
    catalog: Catalog, typed: str, first_value: str, first_name: str
) -> None:
    first = model_choices(catalog, typed)[0]
    assert (first.value, first.name) == (first_value, first_name)


def test_abab_offers_both_versions(catalog: Catalog) -> None:
    assert names(model_choices(catalog, "abab"))[:2] == ["ABAB 6.5", "ABAB 6.5s"]


def test_prefix_matches_come_before_names_that_only_contain_the_text(catalog: Catalog) -> None:
    found = [choice.value for choice in model_choices(catalog, "mini")]
    assert found.index("MiniMax-M2") < found.index("Gemini 1.5")


def test_each_model_is_offered_once(catalog: Catalog) -> None:
    for typed in ("m", "minimax", "01", "hailuo"):
        values = [choice.value for choice in model_choices(catalog, typed)]
        assert len(values) == len(set(values))


def test_choice_values_are_canonical_names(catalog: Catalog) -> None:
    canonical = {model.name for model in catalog.models}
    for typed in ("", "m", "m1", "abab", "xingye", "text01"):
        assert {choice.value for choice in model_choices(catalog, typed)} <= canonical


def test_empty_input_gives_minimax_models_first_capped_at_25(catalog: Catalog) -> None:
    found = model_choices(catalog, "")
    assert len(found) == MAX_CHOICES
    by_name = {model.name: model for model in catalog.models}
    assert by_name[found[0].value].minimax is True


def test_an_order_from_list_models_leads_the_defaults(catalog: Catalog) -> None:
    index = model_index(catalog, ["MiniMax-M2", "MiniMax-Text-01"])
    assert names(index.choices(""))[:2] == ["MiniMax-M2", "MiniMax-Text-01"]


@pytest.mark.parametrize(
    "typed", ["", "a" * 6000, "🚀", "\u200b", "'; DROP TABLE", '"NEAR(', "*", "\x00", "m" * 101]
)
def test_any_input_stays_within_discords_limits(catalog: Catalog, typed: str) -> None:
    for choices in (
        model_choices(catalog, typed),
        speaker_choices(catalog, typed),
        timezone_choices(typed),
    ):
        assert within_limits(choices)


@given(st.text(max_size=300))
def test_random_input_stays_within_limits(typed: str) -> None:
    assert within_limits(timezone_choices(typed))


def test_long_names_are_cut_cleanly() -> None:
    long = "Model " + "x" * 150
    index = NameIndex([Named(long, (long, "short alias"))])
    choice = index.choices("short")[0]
    assert len(choice.name) == len(choice.value) == MAX_CHOICE_LENGTH
    assert choice.name.endswith("…") and choice.value.endswith("…")


def test_many_matches_are_capped_and_ranked_shortest_first() -> None:
    models = [Model(name=f"Model-{i}", aliases=(f"Model-{i}",)) for i in range(1000)]
    catalog = Catalog({}, tuple(models), ())
    found = names(model_choices(catalog, "model"))
    assert len(found) == MAX_CHOICES
    assert found[:10] == [f"Model-{i}" for i in range(10)]
    assert names(model_choices(catalog, "model-99"))[:2] == ["Model-99", "Model-990"]
    assert names(model_choices(catalog, "999")) == ["Model-999"]


def test_speakers_by_any_spelling(catalog: Catalog) -> None:
    assert speaker_choices(catalog, "junjie")[0] == Choice("Junjie Yan", "Junjie Yan")
    assert speaker_choices(catalog, "闫俊杰")[0] == Choice("Junjie Yan (闫俊杰)", "Junjie Yan")
    assert speaker_choices(catalog, "yan")[0].value == "Junjie Yan"
    assert speaker_choices(catalog, "")[0].value == "Junjie Yan"


def test_speakers_given_first_lead_the_defaults() -> None:
    people = (
        Person(name="Ann Lee", names=("Ann Lee",)),
        Person(name="Bo Chen", names=("Bo Chen", "Chen Bo")),
    )
    catalog = Catalog({}, (), people)
    assert names(speaker_index(catalog).choices("")) == ["Bo Chen", "Ann Lee"]
    assert names(speaker_index(catalog, ["Ann Lee"]).choices("")) == ["Ann Lee", "Bo Chen"]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("lon", "Europe/London"),
        ("London", "Europe/London"),
        ("kolkata", "Asia/Kolkata"),
        ("new_york", "America/New_York"),
        ("new york", "America/New_York"),
        ("America/New", "America/New_York"),
        ("utc", "UTC"),
        ("tokyo", "Asia/Tokyo"),
        ("londn", "Europe/London"),  # a typo: fuzzy
    ],
)
def test_timezones_by_name_or_city(typed: str, first: str) -> None:
    choice = timezone_choices(typed)[0]
    assert choice == Choice(first, first)


def test_timezone_defaults_are_common_zones() -> None:
    found = [choice.value for choice in timezone_choices("")]
    assert len(found) == MAX_CHOICES
    assert found[0] == "UTC" and "Europe/London" in found and "Asia/Shanghai" in found


def test_a_region_lists_its_zones_capped() -> None:
    found = [choice.value for choice in timezone_choices("europe")]
    assert len(found) == MAX_CHOICES and all(value.startswith("Europe/") for value in found)
