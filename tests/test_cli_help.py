"""`minimax-bot --help` speaks to users: what each command does and an example of it."""

from __future__ import annotations

import re

import pytest

from bot.cli import main

COMMANDS = ("index", "ask", "console", "run", "sync", "invite", "state")


def help_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*args, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_the_overview_names_every_command_with_an_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = help_of(capsys)
    commands, examples = text.split("\ncommands:\n")[1].split("\nexamples:\n")
    for name in COMMANDS:
        assert re.search(rf"^    {name} +\w", commands, re.MULTILINE), name
        assert re.search(rf"^  minimax-bot {name}\b", examples, re.MULTILINE), name
    assert 'minimax-bot ask "/model M2"' in examples
    assert ".env" in text


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_no_help_names_the_code_behind_it(capsys: pytest.CaptureFixture[str], name: str) -> None:
    text = help_of(capsys, *filter(None, [name]))
    assert not re.search(r"\bbot\.\w|\.py\b|\bmodule\b", text), text


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_says_what_it_does_and_shows_itself_in_use(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text = help_of(capsys, name)
    usage, description, *_ = text.split("\n\n")
    assert usage.startswith(f"usage: minimax-bot {name}")
    assert len(description.split()) >= 8  # a sentence, not a label
    example = text.split("\nexample")[1]
    assert re.search(rf"^  minimax-bot {name}\b.*  \w", example, re.MULTILINE)
