"""The command table of DESIGN.md, shared by the terminal (`ask`, `console`) and Discord.

One entry per command: its name, description, options (each with its Python type, range,
choices and autocomplete source) and a typed handler that answers it. Discord registers from
the table (`bot.discord_app.table`), the terminal parses text into the same typed values with
the converters of `bot.command_options`; both answer through `Call.answer`.

Adding a command: a handler here (or a query it calls) and one entry in `_TABLE`.
"""

from __future__ import annotations

import difflib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from bot.command_options import (
    KINDS,
    MAX_PAGE,
    MAX_YEAR,
    MIN_YEAR,
    AutocompleteSource,
    Option,
    UsageError,
    Value,
    check_value,
    convert,
    shown,
)
from bot.domain.records import EventKind, ModelKind
from bot.domain.wording import Wording
from bot.queries import about, entities, models, onthisday, people, quotes, search, timeline
from bot.queries.ask import ask
from bot.queries.ask.suggest import ask_choices
from bot.queries.autocomplete import card_choices, model_choices, speaker_choices
from bot.queries.corpus import Corpus
from bot.queries.disagreements import disagreement_list
from bot.queries.listings import Answer, SourceList

__all__ = [
    "COMMANDS",
    "KINDS",
    "MAX_PAGE",
    "MAX_YEAR",
    "MIN_YEAR",
    "AutocompleteSource",
    "Call",
    "Command",
    "Handler",
    "Option",
    "UsageError",
    "Value",
    "command_list",
    "convert",
    "find_command",
    "prepare",
    "run_command",
]

# `handler(corpus, today, **values)`: the values the call holds, by option name, as keywords;
# `today` is the asker's day (the bot's clock), for commands that default to it.
Handler = Callable[..., Awaitable[Answer]]


@dataclass(frozen=True, slots=True, eq=False)  # one object per command: compared by identity
class Command:
    name: str
    description: str  # one line, at most 100 characters
    handler: Handler
    options: tuple[Option, ...] = ()
    cooldown: bool = False  # a heavier query: each user may run it a few times a minute

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name.lower()), None)

    @property
    def usage(self) -> str:
        parts = [f"/{self.name}"]
        for option in self.options:
            part = f"{option.name}:<{option.placeholder}>"
            parts.append(part if option.required else f"[{part}]")
        return " ".join(parts)

    def no_option(self, key: str) -> UsageError:
        return UsageError.said(
            "usage.no_option", command=self.name, name=shown(key), options=self.option_names
        )

    @property
    def option_names(self) -> str | Wording:
        """Its options' names, as typed, or "none"."""
        return ", ".join(o.name for o in self.options) or Wording.of("usage.none")

    def call(self, **values: Value | None) -> Call:
        """This command with typed `values`, checked: None and blank text count as absent,
        required options must be there, numbers within their range."""
        given: dict[str, Value] = {}
        for key, value in values.items():
            option = self.option(key)
            if option is None:
                raise self.no_option(key)
            if value is None or (
                option.type is str and isinstance(value, str) and not value.strip()
            ):
                continue
            given[option.name] = check_value(option, value)
        missing = [o.name for o in self.options if o.required and o.name not in given]
        if missing:
            named: str | Wording = missing[0]
            for name in missing[1:]:
                named = Wording.of("usage.and", first=named, then=name)
            raise UsageError.said("usage.needs", command=self.name, options=named, usage=self.usage)
        return Call(self, tuple((o.name, given[o.name]) for o in self.options if o.name in given))


@dataclass(frozen=True, slots=True)
class Call:
    """A command with checked, typed values in table order: hashable, so it keys the cache."""

    command: Command
    values: tuple[tuple[str, Value], ...] = ()

    def get(self, name: str) -> Value | None:
        return next((value for key, value in self.values if key == name), None)

    def with_values(self, **values: Value | None) -> Call:
        """The same call with some values replaced (None removes one): the next page."""
        return self.command.call(**{**dict(self.values), **values})

    async def answer(self, corpus: Corpus, today: date) -> Answer:
        return await self.command.handler(corpus, today, **dict(self.values))


async def _quote(
    corpus: Corpus, today: date, *, query: str | None = None, speaker: str | None = None
) -> Answer:
    return await quotes.find_quote(corpus, query, speaker)


async def _model(corpus: Corpus, today: date, *, name: str) -> Answer:
    return await entities.named_card(corpus, name)


async def _models(corpus: Corpus, today: date, *, kind: ModelKind | None = None) -> Answer:
    return await models.list_models(corpus, kind)


async def _compare(corpus: Corpus, today: date, *, a: str, b: str) -> Answer:
    return await models.compare_models(corpus, a, b)


async def _timeline(
    corpus: Corpus,
    today: date,
    *,
    year: int | None = None,
    query: str | None = None,
    kind: EventKind | None = None,
    page: int = 1,
) -> Answer:
    chosen = None if kind is None else kind.value
    return await timeline.timeline(corpus, year, query, page=page - 1, kind=chosen)


async def _onthisday(corpus: Corpus, today: date, *, date: date | None = None) -> Answer:
    return await onthisday.on_this_day(corpus, date or today)


async def _search(corpus: Corpus, today: date, *, query: str, page: int = 1) -> Answer:
    return await search.search(corpus, query, page=page - 1)


async def _ask(corpus: Corpus, today: date, *, question: str) -> Answer:
    return await ask(corpus, question)


async def _person(corpus: Corpus, today: date, *, name: str) -> Answer:
    return await people.person_profile(corpus, name)


async def _sources(corpus: Corpus, today: date) -> Answer:
    return SourceList(await about.sources(corpus))


async def _about(corpus: Corpus, today: date) -> Answer:
    return await about.about(corpus)


async def _disagreements(
    corpus: Corpus, today: date, *, subject: str | None = None, page: int = 1
) -> Answer:
    return await disagreement_list(corpus, subject, page=page - 1)


_YEAR = Option("year", int, "Only this year", min_value=MIN_YEAR, max_value=MAX_YEAR)
_PAGE = Option(
    "page", int, "Page to show, from 1", positional=False, min_value=1, max_value=MAX_PAGE
)
_TABLE = (
    Command(
        "quote",
        "The best-matching quote, or a random one",
        _quote,
        (
            Option("query", str, "Words to match"),
            Option(
                "speaker",
                str,
                "Only quotes by this person",
                positional=False,
                autocomplete=speaker_choices,
            ),
        ),
        cooldown=True,
    ),
    Command(
        "model",
        "A card for a model, company or concept, every value with its source",
        _model,
        (
            Option(
                "name",
                str,
                "Model, company or concept, any name",
                required=True,
                autocomplete=card_choices,
            ),
        ),
    ),
    Command(
        "models",
        "The models the corpus names",
        _models,
        (Option("kind", ModelKind, "Only models of this kind"),),
    ),
    Command(
        "compare",
        "Two models side by side, field by field",
        _compare,
        (
            Option("a", str, "First model", required=True, autocomplete=model_choices),
            Option("b", str, "Second model", required=True, autocomplete=model_choices),
        ),
        cooldown=True,
    ),
    Command(
        "timeline",
        "Dated happenings, the main ones of a year first",
        _timeline,
        (
            _YEAR,
            Option("query", str, "Only events mentioning these words"),
            Option("kind", EventKind, "Only events of this kind", positional=False),
            _PAGE,
        ),
        cooldown=True,
    ),
    Command(
        "onthisday",
        "What happened on this month and day",
        _onthisday,
        (Option("date", date, "The day (default today), YYYY-MM-DD or MM-DD"),),
    ),
    Command(
        "search",
        "Passages matching your words, with citations",
        _search,
        (Option("query", str, "Words to search for", required=True), _PAGE),
        cooldown=True,
    ),
    Command(
        "ask",
        "A question in plain words, English or Chinese, answered with its sources",
        _ask,
        (
            Option(
                "question",
                str,
                "Your question, e.g. when was MiniMax founded",
                required=True,
                autocomplete=ask_choices,
            ),
        ),
        cooldown=True,
    ),
    Command(
        "person",
        "Who someone is: every spelling of the name and where they appear",
        _person,
        (
            Option(
                "name", str, "Name, in any spelling", required=True, autocomplete=speaker_choices
            ),
        ),
    ),
    Command("sources", "The documents of the corpus", _sources),
    Command("about", "Corpus statistics and version", _about),
    Command(
        "disagreements",
        "Where the sources disagree",
        _disagreements,
        (Option("subject", str, "Only this subject (a model, a person, MiniMax)"), _PAGE),
    ),
)
COMMANDS: Mapping[str, Command] = MappingProxyType({c.name: c for c in _TABLE})
_LONGEST_NAME = max(len(name) for name in COMMANDS)


def command_list() -> str:
    return ", ".join(f"/{name}" for name in COMMANDS)


def find_command(name: str) -> Command:
    key = name.strip().lstrip("/").lower()
    command = COMMANDS.get(key)
    if command is not None:
        return command
    # difflib is quadratic in the length of what it compares: a long word is no command.
    close = []
    if len(key) <= 2 * _LONGEST_NAME:
        close = difflib.get_close_matches(key, list(COMMANDS), n=1, cutoff=0.75)
    hint = Wording.of("usage.did_you_mean_command", name=close[0]) if close else ""
    raise UsageError.said(
        "usage.unknown_command", name=shown(key), hint=hint, commands=command_list()
    )


def prepare(name: str, options: Mapping[str, str], today: date) -> Call:
    """A request in text (the terminal's) as a checked call: each option's text converted to
    its type; blank text counts as absent."""
    command = find_command(name)
    values: dict[str, Value | None] = {}
    for key, raw in options.items():
        option = command.option(key)
        if option is None:
            raise command.no_option(key)
        if raw.strip():
            values[option.name] = convert(option, raw, today)
    return command.call(**values)


async def run_command(corpus: Corpus, name: str, options: Mapping[str, str], today: date) -> Answer:
    """The answer to a request in text, as the terminal reads it."""
    return await prepare(name, options, today).answer(corpus, today)
