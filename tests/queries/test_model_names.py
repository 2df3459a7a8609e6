"""Which model a name means: exact aliases first, typos that keep the numbers, else a Problem."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.records import Model
from bot.queries.corpus import Catalog
from bot.queries.model_names import ModelMatch, resolve_model, shown
from bot.queries.results import Problem


def catalog(*models: tuple[str, ...]) -> Catalog:
    return Catalog({}, tuple(Model(name=names[0], aliases=names) for names in models), ())


CATALOG = catalog(
    ("MiniMax-M1", "M1"),
    ("MiniMax-M2", "M2"),
    ("M2.5",),
    ("MiniMax-Text-01", "Text-01"),
    ("GPT-5.5",),
    ("Speech-02",),
    ("Speech-02-HD",),
)


def resolved(name: str) -> ModelMatch:
    found = resolve_model(CATALOG, name)
    assert isinstance(found, ModelMatch), found
    return found


@pytest.mark.parametrize(
    ("typed", "name", "alias", "exact"),
    [
        ("m2", "MiniMax-M2", "M2", True),
        ("M 2", "MiniMax-M2", "M2", True),
        ("m2.5", "M2.5", "M2.5", True),
        ("minimax m1", "MiniMax-M1", "MiniMax-M1", True),
        ("minimx text 01", "MiniMax-Text-01", "MiniMax-Text-01", False),
        ("txt01", "MiniMax-Text-01", "Text-01", False),
        ("speech 2", "Speech-02", "Speech-02", False),
        ("speach-02-hd", "Speech-02-HD", "Speech-02-HD", False),
    ],
)
def test_names_resolve(typed: str, name: str, alias: str, exact: bool) -> None:
    found = resolved(typed)
    assert (found.model.name, found.alias, found.exact) == (name, alias, exact)


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("gpt-5", "GPT-5.5"), ("minimax m3", "MiniMax-M1"), ("speech 3", "Speech-02")],
)
def test_a_typo_may_not_change_the_numbers(typed: str, suggested: str) -> None:
    found = resolve_model(CATALOG, typed)
    assert isinstance(found, Problem)
    assert found.message == f"No model called “{typed}” in the corpus."
    assert suggested in found.suggestions


def test_two_equally_close_models_are_a_problem_naming_both() -> None:
    found = resolve_model(catalog(("Foo-1a",), ("Foo-1b",)), "foo 1c")
    assert isinstance(found, Problem) and "more than one" in found.message
    assert set(found.suggestions) == {"Foo-1a", "Foo-1b"}


def test_nothing_typed_asks_for_a_name() -> None:
    for typed in ("", "  ", "\u200b", "\x00"):
        found = resolve_model(CATALOG, typed)
        assert isinstance(found, Problem) and found.message.startswith("Which model?")


def test_names_are_quoted_short_and_clean() -> None:
    assert shown("  Mini\u200bMax\n  M2 ") == "MiniMax M2"
    assert len(shown("x" * 500)) == 60 and shown("x" * 500).endswith("…")


@given(st.text(max_size=600))
def test_any_text_resolves_or_is_a_short_problem(typed: str) -> None:
    found = resolve_model(CATALOG, typed)
    if isinstance(found, Problem):
        assert len(found.message) <= 120 and len(found.suggestions) <= 3
    else:
        assert found.model in CATALOG.models


FAMILIES = catalog(
    ("MiniMax-M3", "M3"),
    ("10T model",),
    ("Qwen3-235B",),
    ("Qwen2.5-Max",),
    ("DeepSeek-R1",),
    ("Gemini 1.5",),
    ("Gemini 1.5 Pro",),
    ("Gemini 2.0 Flash",),
    ("Hailuo AI",),
    ("Hailuo Chat",),
    ("Hailuo Platform",),
    ("Hailuo-2.3",),
    ("Hailuo-2.3-FastVideo",),
    ("Claude Code",),
    ("Kimi", "Moonshot Kimi"),
    ("GPT-4",),
)


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("MiniMax M3", "MiniMax-M3"),
        ("10T", "10T model"),
        ("Qwen3", "Qwen3-235B"),
        ("R1", "DeepSeek-R1"),
        ("Gemini Flash", "Gemini 2.0 Flash"),
        ("Hailuo 2.3 Fast", "Hailuo-2.3-FastVideo"),
        ("Clade Code", "Claude Code"),
    ],
)
def test_short_forms_and_slips_resolve(typed: str, name: str) -> None:
    found = resolve_model(FAMILIES, typed)
    assert isinstance(found, ModelMatch) and found.model.name == name, found


@pytest.mark.parametrize("typed", ["Claude", "Moonshot", "Moonshot AI", "GPT-4o", "Qwen2"])
def test_a_name_never_crosses_into_another_product(typed: str) -> None:
    found = resolve_model(FAMILIES, typed)
    assert isinstance(found, Problem), found
    assert "could be more than one" not in found.message


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("Hailuo", {"Hailuo AI", "Hailuo Chat", "Hailuo Platform"}),
        ("Gemini", {"Gemini 1.5", "Gemini 1.5 Pro", "Gemini 2.0 Flash"}),
    ],
)
def test_a_name_several_models_start_with_is_ambiguous(typed: str, candidates: set[str]) -> None:
    found = resolve_model(FAMILIES, typed)
    assert isinstance(found, Problem)
    assert found.message == f"“{typed}” could be more than one model."
    assert set(found.suggestions) == candidates
