"""The command table of DESIGN.md, shared by the terminal (`ask`, `console`) and the Discord cogs.

Each command lists its options: name, type, whether it is required, a one-line description.
`run_command` checks and converts raw option text the same way for every front end, so a bad
value gets the same clear message everywhere, then calls the query and returns its answer.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from bot.domain.records import ModelKind
from bot.queries import about, models, onthisday, people, quotes, search, timeline
from bot.queries.corpus import Corpus
from bot.queries.listings import Answer, DisagreementList, SourceList

Value = str | int | date | ModelKind
KINDS = tuple(kind.value for kind in ModelKind)
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_PAGE = 1000


class UsageError(ValueError):
    """A request that does not fit the command table; the message is meant for the user."""


class OptionType(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DATE = "date"  # YYYY-MM-DD, or MM-DD for this year
    MODEL_KIND = "model kind"  # one of KINDS


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    type: OptionType
    description: str  # one line, at most 100 characters (Discord's limit)
    required: bool = False
    positional: bool = True  # in `ask`, bare words may fill it (`/model M2`)
    min_value: int | None = None
    max_value: int | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        return KINDS if self.type is OptionType.MODEL_KIND else ()

    @property
    def placeholder(self) -> str:
        if self.type is OptionType.DATE:
            return "YYYY-MM-DD|MM-DD"
        if self.type is OptionType.MODEL_KIND:
            return "kind"
        return self.name


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    description: str  # one line, at most 100 characters
    options: tuple[Option, ...] = field(default=())

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name.lower()), None)

    @property
    def usage(self) -> str:
        parts = [f"/{self.name}"]
        for option in self.options:
            shown = f"{option.name}:<{option.placeholder}>"
            parts.append(shown if option.required else f"[{shown}]")
        return " ".join(parts)


_YEAR = Option("year", OptionType.INTEGER, "Only this year", min_value=MIN_YEAR, max_value=MAX_YEAR)
_PAGE = Option(
    "page",
    OptionType.INTEGER,
    "Page to show, from 1",
    positional=False,
    min_value=1,
    max_value=MAX_PAGE,
)
_TABLE = (
    Command(
        "quote",
        "The best-matching quote, or a random one",
        (
            Option("query", OptionType.TEXT, "Words to match"),
            Option("speaker", OptionType.TEXT, "Only quotes by this person", positional=False),
        ),
    ),
    Command(
        "model",
        "A model's specification card, every value with its source",
        (Option("name", OptionType.TEXT, "Model name or alias", required=True),),
    ),
    Command(
        "models",
        "The models the corpus names",
        (Option("kind", OptionType.MODEL_KIND, "Only models of this kind"),),
    ),
    Command(
        "compare",
        "Two models side by side, field by field",
        (
            Option("a", OptionType.TEXT, "First model", required=True),
            Option("b", OptionType.TEXT, "Second model", required=True),
        ),
    ),
    Command(
        "timeline",
        "Dated events in date order",
        (_YEAR, Option("query", OptionType.TEXT, "Only events mentioning these words"), _PAGE),
    ),
    Command(
        "onthisday",
        "What happened on this month and day",
        (Option("date", OptionType.DATE, "The day (default today), YYYY-MM-DD or MM-DD"),),
    ),
    Command(
        "search",
        "Passages matching your words, with citations",
        (Option("query", OptionType.TEXT, "Words to search for", required=True), _PAGE),
    ),
    Command(
        "person",
        "Who someone is: every spelling of the name and where they appear",
        (Option("name", OptionType.TEXT, "Name, in any spelling", required=True),),
    ),
    Command("sources", "The documents of the corpus"),
    Command("about", "Corpus statistics and version"),
    Command(
        "disagreements",
        "Where the sources disagree",
        (Option("subject", OptionType.TEXT, "Only this subject (a model, a person, MiniMax)"),),
    ),
)
COMMANDS: Mapping[str, Command] = MappingProxyType({c.name: c for c in _TABLE})


def command_list() -> str:
    return ", ".join(f"/{name}" for name in COMMANDS)


def find_command(name: str) -> Command:
    key = name.strip().lstrip("/").lower()
    command = COMMANDS.get(key)
    if command is not None:
        return command
    close = difflib.get_close_matches(key, list(COMMANDS), n=1, cutoff=0.75)
    hint = f" Did you mean /{close[0]}?" if close else ""
    raise UsageError(f"Unknown command “/{_shown(key)}”.{hint} Commands: {command_list()}.")


def _shown(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"(?:([0-9]{4})-)?([0-9]{1,2})-([0-9]{1,2})")


def convert(option: Option, raw: str, today: date) -> Value:
    """The typed value of `raw` for `option`, or a UsageError that says what would do."""
    text = raw.strip()
    if option.type is OptionType.TEXT:
        return text
    if option.type is OptionType.INTEGER:
        return _integer(option, text)
    if option.type is OptionType.DATE:
        return _date(option, text, today)
    return _kind(option, text)


def _integer(option: Option, text: str) -> int:
    if not _INTEGER.fullmatch(text):
        example = "2025" if option.name == "year" else "2"
        raise UsageError(
            f"{option.name} must be a whole number, like {example}: not “{_shown(text)}”."
        )
    low, high = option.min_value, option.max_value
    try:
        number = int(text)
    except ValueError:  # more digits than Python converts (4,300): out of any range
        raise UsageError(f"{option.name} must be between {low} and {high}.") from None
    if (low is not None and number < low) or (high is not None and number > high):
        raise UsageError(f"{option.name} must be between {low} and {high}: not {number}.")
    return number


def _date(option: Option, text: str, today: date) -> date:
    if text.lower() == "today":
        return today
    usage = f"{option.name} must be YYYY-MM-DD or MM-DD, like 2026-06-21 or 06-21"
    found = _DATE.fullmatch(text)
    if not found:
        raise UsageError(f"{usage}: not “{_shown(text)}”.")
    year_text, month, day = found.groups()
    year = int(year_text) if year_text else today.year
    if not year_text and (int(month), int(day)) == (2, 29):
        while not calendar.isleap(year):  # 29 February without a year: the latest leap year
            year -= 1
    try:
        return date(year, int(month), int(day))
    except ValueError as error:
        raise UsageError(f"{usage}: “{text}” is not a date ({error}).") from None


def _kind(option: Option, text: str) -> ModelKind:
    key = "-".join(text.lower().replace("_", " ").replace("-", " ").split())
    if key in KINDS:
        return ModelKind(key)
    raise UsageError(f"Unknown {option.name} “{_shown(text)}”: choose one of {', '.join(KINDS)}.")


@dataclass(frozen=True, slots=True)
class Call:
    """A request that fits the table: the command and its converted option values."""

    command: Command
    values: Mapping[str, Value]


def prepare(name: str, options: Mapping[str, str], today: date) -> Call:
    """Check a request against the table and convert its options; empty text counts as absent."""
    command = find_command(name)
    values: dict[str, Value] = {}
    for key, raw in options.items():
        option = command.option(key)
        if option is None:
            known = ", ".join(o.name for o in command.options) or "none"
            message = f"/{command.name} has no option “{_shown(key)}” (its options: {known})."
            raise UsageError(message)
        if raw.strip():
            values[option.name] = convert(option, raw, today)
    missing = [o.name for o in command.options if o.required and o.name not in values]
    if missing:
        raise UsageError(f"/{command.name} needs {' and '.join(missing)}: {command.usage}")
    return Call(command, values)


async def run_command(corpus: Corpus, name: str, options: Mapping[str, str], today: date) -> Answer:
    """Check and convert the options, then answer with the query the command names."""
    return await execute(corpus, prepare(name, options, today), today)


async def execute(corpus: Corpus, call: Call, today: date) -> Answer:
    """Answer a checked request with the query its command names."""
    values = call.values

    def text(name: str) -> str | None:
        value = values.get(name)
        return value if isinstance(value, str) else None

    def number(name: str) -> int | None:
        value = values.get(name)
        return value if isinstance(value, int) else None

    page = (number("page") or 1) - 1
    match call.command.name:
        case "quote":
            return await quotes.find_quote(corpus, text("query"), text("speaker"))
        case "model":
            return await models.model_card(corpus, text("name") or "")
        case "models":
            kind = values.get("kind")
            return await models.list_models(corpus, kind if isinstance(kind, ModelKind) else None)
        case "compare":
            return await models.compare_models(corpus, text("a") or "", text("b") or "")
        case "timeline":
            return await timeline.timeline(corpus, number("year"), text("query"), page=page)
        case "onthisday":
            day = values.get("date")
            return await onthisday.on_this_day(corpus, day if isinstance(day, date) else today)
        case "search":
            return await search.search(corpus, text("query") or "", page=page)
        case "person":
            return await people.person_profile(corpus, text("name") or "")
        case "sources":
            return SourceList(await about.sources(corpus))
        case "about":
            return await about.about(corpus)
        case "disagreements":
            subject = text("subject")
            return DisagreementList(await about.disagreements(corpus, subject), subject)
    raise AssertionError(f"no query for /{call.command.name}")
