"""Every command, every option, any text: through the queries to an embed and to the terminal.

An answer or a UsageError (the tree shows its message privately), nothing else; every embed
within Discord's limits and pinging nobody, in every piece of its text; the terminal answers
any line, lone surrogates included. `MINIMAX_BOT_PROFILE=full` runs 1,250 examples a command
on the Discord path (11,250 over the 9 commands with options; /sources and /about have one
each) and 200 a command on the terminal (2,200); `pytest -s` prints the figures.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cards.embed import render_embed
from bot.cards.text import render_text as render
from bot.command_options import Option, Value, ValueType
from bot.commands import COMMANDS, Command, UsageError, run_command
from bot.domain.records import EventKind, ModelKind
from bot.terminal import respond
from tests.cards.limits import assert_pings_nobody, assert_within_limits
from tests.hardening.conftest import Served
from tests.hardening.figures import FULL, show
from tests.hardening.inputs import dates, kinds, numbers, texts

TODAY = date(2026, 6, 21)
DISCORD_EXAMPLES = 1_250 if FULL else 25
TERMINAL_EXAMPLES = 200 if FULL else 10
CONTENT_LIMIT = 2000
SEEN: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def figures() -> Iterator[None]:
    yield
    if SEEN:
        show("fuzzed commands", SEEN)


def values_for(option_type: ValueType, *, surrogates: bool = False) -> st.SearchStrategy[str]:
    if option_type is str:
        return texts(surrogates=surrogates)
    if option_type is int:
        return numbers()
    if option_type is date:
        return dates()
    return kinds()


def options_of(command: Command, *, surrogates: bool = False) -> st.SearchStrategy[dict[str, str]]:
    """Any subset of the command's options (a required one may be missing), any values."""
    each = {
        option.name: st.none() | values_for(option.type, surrogates=surrogates)
        for option in command.options
    }
    return st.fixed_dictionaries(each).map(
        lambda drawn: {key: value for key, value in drawn.items() if value is not None}
    )


@pytest.mark.parametrize("name", list(COMMANDS))
@settings(max_examples=DISCORD_EXAMPLES)
@given(data=st.data())
def test_any_options_get_an_answer_that_discord_accepts(
    served: Served, name: str, data: st.DataObject
) -> None:
    options = data.draw(options_of(COMMANDS[name]), label="options")
    SEEN["discord examples"] += 1
    try:
        answer = served.runner.run(run_command(served.corpus, name, options, TODAY))
    except UsageError as error:  # the tree answers it privately, as content
        message = str(error)
        assert message.strip() and len(message) <= CONTENT_LIMIT
        SEEN["usage messages"] += 1
        return
    SEEN[f"answers: {type(answer).__name__}"] += 1
    embed = render_embed(answer)
    assert_within_limits(embed)
    assert_pings_nobody(embed)
    json.dumps(embed.to_dict(), ensure_ascii=False).encode("utf-8")  # what goes over the wire
    text = render(answer)
    assert text.strip()
    text.encode("utf-8")  # the terminal can print it


def typed_values_for(option: Option) -> st.SearchStrategy[Value]:
    """What discord.py hands the callback: text, integers within the option's range (Discord
    checks it), dates and kinds already converted."""
    if option.type is int:
        return st.integers(option.min_value, option.max_value)
    if option.type is date:
        return st.dates()
    if option.type is ModelKind:
        return st.sampled_from(ModelKind)
    if option.type is EventKind:
        return st.sampled_from(EventKind)
    return texts()


@pytest.mark.parametrize("name", list(COMMANDS))
@settings(max_examples=TERMINAL_EXAMPLES)
@given(data=st.data())
def test_any_typed_values_get_an_answer_that_discord_accepts(
    served: Served, name: str, data: st.DataObject
) -> None:
    command = COMMANDS[name]
    drawn = {
        o.name: data.draw(st.none() | typed_values_for(o), label=o.name) for o in command.options
    }
    SEEN["typed examples"] += 1
    try:
        call = command.call(**drawn)
    except UsageError as error:  # a required option missing or blank: told privately
        assert str(error).strip() and len(str(error)) <= CONTENT_LIMIT
        return
    embed = render_embed(served.runner.run(call.answer(served.corpus, TODAY)))
    assert_within_limits(embed)
    assert_pings_nobody(embed)


@pytest.mark.parametrize("name", list(COMMANDS))
@settings(max_examples=TERMINAL_EXAMPLES)
@given(data=st.data())
def test_the_terminal_answers_any_line(served: Served, name: str, data: st.DataObject) -> None:
    options = data.draw(options_of(COMMANDS[name], surrogates=True), label="options")
    words = data.draw(texts(surrogates=True), label="bare words")
    line = " ".join([f"/{name}", *(f"{key}:{value}" for key, value in options.items()), words])
    SEEN["terminal lines"] += 1
    reply = respond(served.corpus, served.runner, line)
    assert not reply.startswith("Sorry, that failed"), reply
    assert reply.strip()
    reply.encode("utf-8")  # no lone surrogate reaches the screen
