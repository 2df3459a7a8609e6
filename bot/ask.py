"""Read a command line the way Discord's own client reads one: `/quote speaker:He Tao`.

Options are `name:value`, and a value runs until the next `name:` (so `speaker:He Tao` is the
speaker "He Tao"); `name: value` with a space works too. A quoted value ("like this" or
“like this”) ends at its closing quote. Bare words (before the first `name:`, or after a
quoted value) fill the command's first unfilled options in table order: every option but the
last takes one word (a typed option skips a word it cannot take, so `/timeline funding`
searches for "funding"), the last takes the rest, so `/model minimax m2` and
`/compare M2 Text-01` both work. A word that looks like an option but is not one of the
command's is an error (put text with a colon in quotes), except URLs.

The parser makes one pass over the line: a line of megabytes is read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from bot.cards.labels import DEFAULT, Locale, say
from bot.command_options import shown
from bot.commands import COMMANDS, Command, Option, UsageError, command_list, convert, find_command
from bot.discord_app.locales import TEXTS

HELP = "help"
# Spaces, then an optional `name:`, then a value: quoted ("…" or “…”, an unclosed quote runs
# to the end of the line) or a word.
_TOKEN = re.compile(r'\s*(?:([A-Za-z][A-Za-z0-9_-]*):)?(?:"([^"]*)"?|[“”]([^”]*)”?|(\S*))')
_PROBE_DAY = date(2024, 1, 1)  # any leap year: only checks whether a word could be a date
RULE = say("terminal.rule")  # in English; `help_text` says it in the reader's locale


class Token(NamedTuple):  # a tuple: a megabyte of words makes many
    key: str | None  # `name` of `name:value`
    value: str
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class Request:
    command: str  # a name in COMMANDS, or HELP
    options: dict[str, str] = field(default_factory=dict)


def clean(text: str) -> str:
    """Text safe to print and to store: lone surrogates (undecodable bytes) become U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate outside U+DC80..U+DCFF: no byte made it
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def tokenize(text: str) -> list[Token]:
    """Words, quoted runs and `name:` keys, in one pass of one regular expression."""
    tokens: list[Token] = []
    for found in _TOKEN.finditer(text):
        key, straight, curly, word = found.groups()
        quoted = straight if straight is not None else curly
        if quoted is not None:
            tokens.append(Token(key, quoted, quoted=True))
        elif key is not None or word:  # not the empty match after trailing spaces
            tokens.append(Token(key, word))
    return tokens


def parse_line(line: str) -> Request:
    """The command and raw option text of one line; a UsageError says what is wrong."""
    text = clean(line).strip()
    if not text:
        raise UsageError.said("usage.no_command", commands=command_list())
    head, _, rest = text.partition(" ")
    if head.lstrip("/").lower() in (HELP, "?"):
        topic = rest.strip().lstrip("/")
        return Request(HELP, {"command": find_command(topic).name} if topic else {})
    command = find_command(head)
    return Request(command.name, _options(command, tokenize(rest)))


def _options(command: Command, tokens: list[Token]) -> dict[str, str]:
    values: dict[str, list[str]] = {}
    bare: list[str] = []
    words = bare  # where the next word without a key goes: the open unquoted value, or bare
    for token in tokens:
        option = None if token.key is None else command.option(token.key)
        if token.key is not None and option is None and not token.value.startswith("//"):
            raise UsageError.said(
                "usage.no_option_colon",
                command=command.name,
                name=shown(token.key),
                options=command.option_names,
            )
        if option is None:  # a word, or a URL (`https://…`)
            words.append(token.value if token.key is None else f"{token.key}:{token.value}")
            continue
        if option.name in values:
            raise UsageError.said("usage.twice", option=option.name, usage=command.usage)
        values[option.name] = [token.value]
        words = bare if token.quoted else values[option.name]
    options = {name: " ".join(word for word in given if word) for name, given in values.items()}
    _fill(command, options, bare)
    return options


def _fill(command: Command, options: dict[str, str], bare: list[str]) -> None:
    targets = [o for o in command.options if o.positional and o.name not in options]
    used = 0
    for number, option in enumerate(targets, start=1):
        if used == len(bare):
            return
        if number == len(targets):
            options[option.name] = " ".join(bare[used:])
            return
        if option.required or _takes(option, bare[used]):
            options[option.name] = bare[used]  # a required one: its conversion says what is wrong
            used += 1
    if used < len(bare):
        unused = shown(" ".join(bare[used : used + 20]))
        raise UsageError.said(
            "usage.unexpected", text=unused, command=command.name, usage=command.usage
        )


def _takes(option: Option, word: str) -> bool:
    try:
        convert(option, word, _PROBE_DAY)
    except UsageError:
        return False
    return True


def help_text(command: str | None = None, locale: Locale = DEFAULT) -> str:
    """The commands with their usage and the rule for options, or one command's options, in
    `locale` (the descriptions as the commands are registered in it on Discord)."""
    described = TEXTS.get(locale, {})
    if command is not None:
        found = COMMANDS[command]
        lines = [found.usage, f"  {described.get(found.description, found.description)}"]
        for option in found.options:
            need = say("terminal.required" if option.required else "terminal.optional", locale)
            choices = f" ({', '.join(option.choices)})" if option.choices else ""
            kind = say("type." + option.type_name.replace(" ", "_"), locale)
            if option.min_value is not None and option.max_value is not None:
                low, high = option.min_value, option.max_value
                kind = say("terminal.range", locale, kind=kind, low=low, high=high)
            description = described.get(option.description, option.description)
            said = say("terminal.option", locale, kind=kind, need=need, description=description)
            lines.append(f"  {option.name:<8} {said}{choices}")
        return "\n".join(lines)
    width = max(len(c.usage) for c in COMMANDS.values())
    lines = [say("terminal.commands", locale)]
    lines += [
        f"  {c.usage:<{width}}  {described.get(c.description, c.description)}"
        for c in COMMANDS.values()
    ]
    lines += [say("terminal.rule", locale), say("terminal.more", locale)]
    return "\n".join(lines)
