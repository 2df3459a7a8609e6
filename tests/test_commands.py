"""The command table, its typed calls and the option conversion every front end shares."""

from __future__ import annotations

import inspect
import re
from datetime import date
from typing import get_type_hints

import pytest

from bot.commands import COMMANDS, KINDS, Call, Command, UsageError, convert, prepare
from bot.domain.records import ModelKind

TODAY = date(2026, 6, 21)
DESIGN_COMMANDS = {
    "quote": ("query", "speaker"),
    "model": ("name",),
    "models": ("kind",),
    "compare": ("a", "b"),
    "timeline": ("year", "query", "kind", "page"),
    "onthisday": ("date",),
    "search": ("query", "page"),
    "ask": ("question",),
    "person": ("name",),
    "sources": (),
    "about": (),
    "disagreements": ("subject", "page"),
}


def test_the_table_holds_every_command_of_the_design() -> None:
    assert {name: tuple(o.name for o in c.options) for name, c in COMMANDS.items()} == (
        DESIGN_COMMANDS
    )


@pytest.mark.parametrize("command", COMMANDS.values(), ids=lambda c: c.name)
def test_names_and_descriptions_fit_discord(command: Command) -> None:
    name = re.compile(r"[a-z0-9_-]{1,32}")
    assert name.fullmatch(command.name) and 1 <= len(command.description) <= 100
    required = [o.required for o in command.options]
    assert required == sorted(required, reverse=True), "required options come first"
    for option in command.options:
        assert name.fullmatch(option.name) and 1 <= len(option.description) <= 100


def test_model_kind_choices_are_the_record_kinds() -> None:
    kind = COMMANDS["models"].options[0]
    assert kind.type is ModelKind
    assert kind.choices == KINDS == tuple(k.value for k in ModelKind)


@pytest.mark.parametrize(
    ("command", "options", "values"),
    [
        ("model", {"name": " M2 "}, {"name": "M2"}),
        ("timeline", {"year": "2025", "page": "2"}, {"year": 2025, "page": 2}),
        ("timeline", {"query": "   "}, {}),
        ("onthisday", {"date": "2024-03-09"}, {"date": date(2024, 3, 9)}),
        ("onthisday", {"date": "06-21"}, {"date": date(2026, 6, 21)}),
        ("onthisday", {"date": "6-1"}, {"date": date(2026, 6, 1)}),
        ("onthisday", {"date": "02-29"}, {"date": date(2024, 2, 29)}),
        ("onthisday", {"date": "today"}, {"date": TODAY}),
        ("models", {"kind": "Vision Language"}, {"kind": ModelKind.VISION_LANGUAGE}),
        ("models", {"kind": "VIDEO"}, {"kind": ModelKind.VIDEO}),
        ("/MODEL", {"NAME": "M2"}, {"name": "M2"}),
    ],
)
def test_options_convert_to_their_types(
    command: str, options: dict[str, str], values: dict[str, object]
) -> None:
    assert dict(prepare(command, options, TODAY).values) == values


@pytest.mark.parametrize(
    ("command", "options", "message"),
    [
        ("model", {}, "/model needs name: /model name:<name>"),
        ("model", {"name": "  "}, "/model needs name"),
        ("compare", {"a": "M2"}, "/compare needs b"),
        ("timeline", {"year": "abc"}, "year must be a whole number, like 2025: not “abc”"),
        ("timeline", {"year": "２０２５"}, "whole number"),
        ("timeline", {"year": "3000"}, "year must be between 1900 and 2100: not 3000"),
        ("timeline", {"page": "0"}, "page must be between 1 and 1000"),
        (
            "onthisday",
            {"date": "2026-13-45"},
            "“2026-13-45” is not a date (month must be in 1..12)",
        ),
        ("onthisday", {"date": "02-30"}, "is not a date"),
        ("onthisday", {"date": "June 21"}, "must be YYYY-MM-DD or MM-DD, like 2026-06-21 or 06-21"),
        (
            "models",
            {"kind": "banana"},
            "Unknown kind “banana”: choose one of text, vision-language",
        ),
        ("model", {"colour": "red"}, "/model has no option “colour” (its options: name)"),
        ("about", {"x": "1"}, "its options: none"),
        ("nope", {}, "Unknown command “/nope”"),
    ],
)
def test_bad_options_say_what_would_do(command: str, options: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError) as raised:
        prepare(command, options, TODAY)
    assert message in str(raised.value)


def test_every_kind_is_listed_when_a_kind_is_wrong() -> None:
    with pytest.raises(UsageError) as raised:
        convert(COMMANDS["models"].options[0], "banana", TODAY)
    assert all(kind in str(raised.value) for kind in KINDS)


def test_long_bad_values_are_shortened_in_the_message() -> None:
    with pytest.raises(UsageError) as raised:
        prepare("timeline", {"year": "x" * 500}, TODAY)
    assert len(str(raised.value)) < 120


@pytest.mark.parametrize("command", COMMANDS.values(), ids=lambda c: c.name)
def test_each_handler_takes_its_options_typed_as_the_table_says(command: Command) -> None:
    parameters = inspect.signature(command.handler).parameters
    keywords = [p for p in parameters.values() if p.kind is p.KEYWORD_ONLY]
    assert [p.name for p in keywords] == [o.name for o in command.options]
    hints = get_type_hints(command.handler)
    for option, parameter in zip(command.options, keywords, strict=True):
        allowed = hints[option.name]
        assert option.type in (allowed, *getattr(allowed, "__args__", ())), option.name
        assert (parameter.default is parameter.empty) == option.required, option.name


def test_a_typed_call_is_checked_and_hashable() -> None:
    timeline = COMMANDS["timeline"]
    call = timeline.call(year=2025, query="  funding ", page=None)
    assert call == Call(timeline, (("year", 2025), ("query", "funding")))
    assert hash(call) == hash(timeline.call(query="funding", year=2025))
    assert call.with_values(page=2).get("page") == 2 and call.get("page") is None
    assert COMMANDS["models"].call(kind=ModelKind.VIDEO).get("kind") is ModelKind.VIDEO
    with pytest.raises(UsageError, match="year must be between 1900 and 2100: not 3000"):
        timeline.call(year=3000)
    with pytest.raises(UsageError, match="/model needs name"):
        COMMANDS["model"].call(name="   ")
    with pytest.raises(TypeError):
        timeline.call(year="2025")


def test_text_and_typed_requests_make_the_same_call() -> None:
    typed = COMMANDS["onthisday"].call(date=date(2026, 6, 1))
    assert prepare("onthisday", {"date": "06-01"}, TODAY) == typed
    assert prepare("search", {"query": "GPUs", "page": "2"}, TODAY) == COMMANDS["search"].call(
        query="GPUs", page=2
    )
