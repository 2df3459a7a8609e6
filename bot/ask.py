"""Read a command line the way Discord's own syntax reads: `/quote speaker:IO scaling laws`.

Options are `name:value`; a value may be quoted ("like this" or “like this”), and `name: value`
with a space works too. Bare words fill the command's first unfilled options in table order:
every option but the last takes one word (a typed option skips a word it cannot take, so
`/timeline funding` searches for "funding"), the last takes the rest, so `/model minimax m2`
and `/compare M2 Text-01` both work. Words left over extend the last unquoted `name:value`
text (`/person name:Yan Junjie`). A word that looks like an option but is not one of the
command's is an error (put text with a colon in quotes), except URLs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.commands import (
    COMMANDS,
    Command,
    Option,
    OptionType,
    UsageError,
    command_list,
    convert,
    find_command,
)

HELP = "help"
_KEY = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):", re.ASCII)
_QUOTES = {'"': '"', "“": "”", "”": "”"}
_PROBE_DAY = date(2024, 1, 1)  # any leap year: only checks whether a word could be a date


@dataclass(frozen=True, slots=True)
class Token:
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
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        key = None
        found = _KEY.match(text, i)
        if found:
            key, i = found.group(1), found.end()
        if i < n and text[i] in _QUOTES:
            close = text.find(_QUOTES[text[i]], i + 1)
            end = n if close < 0 else close  # an unclosed quote runs to the end of the line
            tokens.append(Token(key, text[i + 1 : end], quoted=True))
            i = end + 1
            continue
        start = i
        while i < n and not text[i].isspace():
            i += 1
        tokens.append(Token(key, text[start:i]))
    return tokens


def parse_line(line: str) -> Request:
    """The command and raw option text of one line; a UsageError says what is wrong."""
    text = clean(line).strip()
    if not text:
        raise UsageError(f"Type a command, like /model M2. Commands: {command_list()}.")
    head, _, rest = text.partition(" ")
    if head.lstrip("/").lower() in (HELP, "?"):
        topic = rest.strip().lstrip("/")
        return Request(HELP, {"command": find_command(topic).name} if topic else {})
    command = find_command(head)
    return Request(command.name, _options(command, tokenize(rest)))


def _options(command: Command, tokens: list[Token]) -> dict[str, str]:
    options: dict[str, str] = {}
    bare: list[Token] = []
    last_text: str | None = None  # the last `name:value` text option, when its value is unquoted
    queue = list(tokens)
    while queue:
        token = queue.pop(0)
        option = None if token.key is None else command.option(token.key)
        if token.key is None or (option is None and token.value.startswith("//")):
            bare.append(token if token.key is None else Token(None, f"{token.key}:{token.value}"))
            continue
        if option is None:
            known = ", ".join(o.name for o in command.options) or "none"
            raise UsageError(
                f"/{command.name} has no option “{token.key}” (its options: {known}). "
                "To use text with a colon, put it in quotes."
            )
        value = token.value
        if not value and not token.quoted and queue and queue[0].key is None:
            value = queue.pop(0).value  # `name: value`
        if option.name in options:
            raise UsageError(f"{option.name} is given twice: {command.usage}")
        options[option.name] = value
        last_text = option.name if option.type is OptionType.TEXT and not token.quoted else None
    _fill(command, options, bare, last_text)
    return options


def _fill(
    command: Command, options: dict[str, str], bare: list[Token], last_text: str | None
) -> None:
    targets = [o for o in command.options if o.positional and o.name not in options]
    words = [token.value for token in bare]
    while words and targets:
        option = targets.pop(0)
        if not targets:
            options[option.name] = " ".join(words)
            return
        if _takes(option, words[0]):
            options[option.name] = words.pop(0)
        elif option.required:
            options[option.name] = words.pop(0)  # let the conversion say what is wrong
    if words and last_text is not None:
        options[last_text] = " ".join([options[last_text], *words]).strip()  # `name:Yan Junjie`
    elif words:
        unused = " ".join(words)
        raise UsageError(f"Unexpected “{unused}” after /{command.name}: {command.usage}")


def _takes(option: Option, word: str) -> bool:
    try:
        convert(option, word, _PROBE_DAY)
    except UsageError:
        return False
    return True


def help_text(command: str | None = None) -> str:
    """The commands with their usage, or one command with its options."""
    if command is not None:
        found = COMMANDS[command]
        lines = [found.usage, f"  {found.description}"]
        for option in found.options:
            need = "required" if option.required else "optional"
            choices = f" ({', '.join(option.choices)})" if option.choices else ""
            lines.append(f"  {option.name:<8} {option.type}, {need}: {option.description}{choices}")
        return "\n".join(lines)
    width = max(len(c.usage) for c in COMMANDS.values())
    lines = ["Commands (options as name:value; bare words fill the first options):"]
    lines += [f"  {c.usage:<{width}}  {c.description}" for c in COMMANDS.values()]
    lines.append("Type help COMMAND for its options.")
    return "\n".join(lines)
