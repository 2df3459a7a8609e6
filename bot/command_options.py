"""What a command's option is, and the one converter per type from text to its value.

The terminal converts everything it reads with `convert`; Discord carries text and integers
itself and converts dates and kinds with the same `convert` (its transformers call it), so a
bad value gets the same message on both screens. `check_value` checks a typed value however it
came (Discord has range-checked integers already; the check stays as the table's own).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.command_wording import USAGE
from bot.domain.records import EventKind, ModelKind
from bot.domain.wording import Wording
from bot.queries.corpus import Catalog
from bot.queries.results import Choice

Value = str | int | date | ModelKind | EventKind
ValueType = type[str] | type[int] | type[date] | type[ModelKind] | type[EventKind]
AutocompleteSource = Callable[[Catalog, str], list[Choice]]  # (catalog, typed) -> choices
KINDS = tuple(kind.value for kind in ModelKind)
EVENT_KINDS = tuple(kind.value for kind in EventKind)
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_PAGE = 1000
TYPE_NAMES: dict[ValueType, str] = {
    str: "text",
    int: "integer",
    date: "date",
    ModelKind: "model kind",
    EventKind: "event kind",
}


class UsageError(ValueError):
    """A request that does not fit the command table; the message is meant for the user, in
    English, and `wording` says it in the user's locale (`bot.command_wording`)."""

    def __init__(self, message: str, wording: Wording | None = None) -> None:
        super().__init__(message)
        self.wording = wording

    @classmethod
    def said(cls, key: str, **values: str | int | Wording) -> UsageError:
        wording = Wording.of(key, **values)
        return cls(wording.text(USAGE), wording)


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    type: ValueType
    description: str  # one line, at most 100 characters (Discord's limit)
    required: bool = False
    positional: bool = True  # in `ask`, bare words may fill it (`/model M2`)
    min_value: int | None = None
    max_value: int | None = None
    autocomplete: AutocompleteSource | None = None  # Discord offers its choices while typing

    @property
    def choices(self) -> tuple[str, ...]:
        if self.type is EventKind:
            return EVENT_KINDS
        return KINDS if self.type is ModelKind else ()

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.type]

    @property
    def placeholder(self) -> str:
        if self.type is date:
            return "YYYY-MM-DD|MM-DD"
        if self.type in (ModelKind, EventKind):
            return "kind"
        return self.name


def shown(text: str, limit: int = 40) -> str:
    """`text` on one line, cut to `limit` characters: user input quoted in a message."""
    flat = " ".join(text[: limit * 4].split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"(?:([0-9]{4})-)?([0-9]{1,2})-([0-9]{1,2})")


def convert(option: Option, raw: str, today: date) -> Value:
    """The typed value of `raw` for `option`, or a UsageError that says what would do."""
    text = raw.strip()
    if option.type is int:
        return _integer(option, text)
    if option.type is date:
        return _date(option, text, today)
    if option.type is ModelKind:
        return _kind(option, text)
    if option.type is EventKind:
        return _event_kind(option, text)
    return text


def check_value(option: Option, value: Value) -> Value:
    """`value` if it fits `option` (text stripped); a UsageError if a number is out of range."""
    if not isinstance(value, option.type) or isinstance(value, bool):
        raise TypeError(f"{option.name} takes {option.type_name}, not {type(value).__name__}")
    if isinstance(value, int):
        low, high = option.min_value, option.max_value
        if (low is not None and value < low) or (high is not None and value > high):
            raise UsageError.said(
                "usage.between_not", option=option.name, low=str(low), high=str(high), value=value
            )
    if option.type is str and isinstance(value, str):
        return value.strip()
    return value


def _integer(option: Option, text: str) -> int:
    if not _INTEGER.fullmatch(text):
        example = "2025" if option.name == "year" else "2"
        raise UsageError.said(
            "usage.whole_number", option=option.name, example=example, text=shown(text)
        )
    try:
        number = int(text)
    except ValueError:  # more digits than Python converts (4,300): out of any range
        low, high = option.min_value, option.max_value
        raise UsageError.said(
            "usage.between", option=option.name, low=str(low), high=str(high)
        ) from None
    check_value(option, number)
    return number


def _date(option: Option, text: str, today: date) -> date:
    if text.lower() == "today":
        return today
    found = _DATE.fullmatch(text)
    if not found:
        raise UsageError.said("usage.date_form", option=option.name, text=shown(text))
    year_text, month, day = found.groups()
    year = int(year_text) if year_text else today.year
    if not year_text and (int(month), int(day)) == (2, 29):
        while not calendar.isleap(year):  # 29 February without a year: the latest leap year
            year -= 1
    try:
        return date(year, int(month), int(day))
    except ValueError as error:
        raise UsageError.said(
            "usage.not_a_date", option=option.name, text=text, error=str(error)
        ) from None


def _kind(option: Option, text: str) -> ModelKind:
    key = "-".join(text.lower().replace("_", " ").replace("-", " ").split())
    if key in KINDS:
        return ModelKind(key)
    raise UsageError.said(
        "usage.unknown_choice", option=option.name, text=shown(text), choices=", ".join(KINDS)
    )


def _event_kind(option: Option, text: str) -> EventKind:
    key = text.strip().lower()
    if key in EVENT_KINDS:
        return EventKind(key)
    kinds = ", ".join(EVENT_KINDS)
    raise UsageError.said(
        "usage.unknown_choice", option=option.name, text=shown(text), choices=kinds
    )
