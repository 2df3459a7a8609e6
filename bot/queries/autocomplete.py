"""Autocomplete: choices for what someone is typing, answered from memory in microseconds.

Names are matched by their `name_key` (case, spaces, punctuation aside): names that start with
what was typed first (shortest first, so an exact alias leads), then names that contain it,
then, only when nothing does, the closest by fuzzy matching. Empty input gives the defaults.
Each index is built once per catalog (time zones once per process) and never touches the
database.
"""

from __future__ import annotations

import zoneinfo
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.domain.names import name_key
from bot.domain.text import shorten
from bot.queries.catalog_cache import PerCatalog
from bot.queries.corpus import Catalog
from bot.queries.fuzzy import best_matches
from bot.queries.results import Choice

MAX_CHOICES = 25  # Discord's limits
MAX_CHOICE_LENGTH = 100
MAX_TYPED = 100
TYPO_CUTOFF = 70.0
# A prefix shared by more forms than this is served by walking the forms shortest first.
_SORT_AT_MOST = 200
_POPULAR_ZONES = (
    "UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Moscow",
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "America/Toronto", "America/Mexico_City", "America/Sao_Paulo", "Africa/Lagos",
    "Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai",
    "Asia/Hong_Kong", "Asia/Taipei", "Asia/Seoul", "Asia/Tokyo", "Australia/Sydney",
    "Pacific/Auckland", "Pacific/Honolulu",
)  # fmt: skip
# The areas of current zone names; the rest (`Etc/GMT+5`, `US/Eastern`, `GB`) are aliases.
_REGIONS = frozenset({
    "Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian",
    "Pacific",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Named:
    """One thing to offer: its label, and the spellings (aliases) it can be typed as."""

    label: str  # shown, and sent back as the choice's value
    spellings: tuple[str, ...]  # the label first


class NameIndex:
    """Names and their spellings, kept sorted for prefix and substring matching."""

    def __init__(self, named: Sequence[Named], *, extra_keys: bool = False) -> None:
        self._named = tuple(named)  # in default order
        forms: dict[tuple[str, int], str] = {}
        for order, item in enumerate(self._named):
            for spelling in item.spellings:
                keys = [name_key(spelling)]
                if extra_keys:  # each part after a slash: `london` for Europe/London
                    keys += [name_key(part) for part in spelling.split("/")[1:]]
                for key in keys:
                    if key:
                        forms.setdefault((key, order), spelling)
        self._forms = sorted((key, order, spelling) for (key, order), spelling in forms.items())
        self._keys = [form[0] for form in self._forms]
        self._shortest = sorted(self._forms, key=lambda form: (len(form[0]), form))
        self._joined = "\n".join(form[0] for form in self._shortest)
        self._starts = [0]
        for key, _, _ in self._shortest[:-1]:
            self._starts.append(self._starts[-1] + len(key) + 1)
        self._typos: dict[str, tuple[int, str]] = {}
        for key, order, spelling in self._shortest:
            self._typos.setdefault(key, (order, spelling))

    def choices(self, typed: str) -> list[Choice]:
        key = name_key(typed[:MAX_TYPED])
        if not key:
            return [
                self._choice(order, None) for order in range(min(len(self._named), MAX_CHOICES))
            ]
        found: dict[int, str] = {}  # order -> the spelling that matched, best first
        for matches in (self._prefixed(key), self._containing(key)):
            for order, spelling in matches:
                found.setdefault(order, spelling)
                if len(found) == MAX_CHOICES:
                    return self._choices(found)
        if not found:
            typos = best_matches(
                key, self._typos, limit=MAX_CHOICES, cutoff=TYPO_CUTOFF, typing=True
            )
            for (order, spelling), _ in typos:
                found.setdefault(order, spelling)
        return self._choices(found)

    def _prefixed(self, key: str) -> Iterator[tuple[int, str]]:
        low = bisect_left(self._keys, key)
        high = bisect_right(self._keys, key + "\U0010ffff", low)
        hits: Iterable[tuple[str, int, str]]
        if high - low <= _SORT_AT_MOST:
            hits = sorted(self._forms[low:high], key=lambda form: (len(form[0]), form))
        else:
            hits = (form for form in self._shortest if form[0].startswith(key))
        return ((order, spelling) for _, order, spelling in hits)

    def _containing(self, key: str) -> Iterator[tuple[int, str]]:
        # One scan of all keys joined (shortest first) in C, rather than a loop in Python.
        at = self._joined.find(key)
        while at != -1:
            index = bisect_right(self._starts, at) - 1
            form_key, order, spelling = self._shortest[index]
            if not form_key.startswith(key):
                yield order, spelling
            at = self._joined.find(key, self._starts[index] + len(form_key) + 1)

    def _choices(self, found: dict[int, str]) -> list[Choice]:
        return [self._choice(order, spelling) for order, spelling in found.items()]

    def _choice(self, order: int, spelling: str | None) -> Choice:
        label = self._named[order].label
        shown = label if spelling in (None, label) else f"{label} ({spelling})"
        return Choice(shorten(shown, MAX_CHOICE_LENGTH), shorten(label, MAX_CHOICE_LENGTH))


def _ranked(names: Sequence[str]) -> dict[str, int]:
    return {name: i for i, name in enumerate(names)}


def model_index(catalog: Catalog, first: Sequence[str] = ()) -> NameIndex:
    """The models and their aliases: those named in `first` (e.g. by `list_models`) first, in
    that order; then MiniMax's own, then competitors, by name."""
    rank = _ranked(first)
    models = sorted(
        catalog.models,
        key=lambda m: (rank.get(m.name, len(rank)), m.minimax is not True, m.name.casefold()),
    )
    return NameIndex([Named(m.name, m.aliases) for m in models])


def card_index(catalog: Catalog) -> NameIndex:
    """What `/model` shows a card for: the models as `model_index` ranks them, then the
    organisations and concepts, MiniMax itself first."""
    models = model_index(catalog)._named
    entities = sorted(catalog.entities, key=lambda e: (e.name != "MiniMax", e.name.casefold()))
    return NameIndex([*models, *(Named(e.name, e.aliases) for e in entities)])


def speaker_index(catalog: Catalog, first: Sequence[str] = ()) -> NameIndex:
    """People and their spellings: those named in `first` (e.g. who has quotes) first; then
    the people the corpus spells most ways, who are the ones it says most about."""
    rank = _ranked(first)
    people = sorted(
        catalog.people,
        key=lambda p: (rank.get(p.name, len(rank)), -len(p.names), p.name.casefold()),
    )
    return NameIndex([Named(p.name, p.names) for p in people])


_models = PerCatalog(model_index)
_cards = PerCatalog(card_index)
_speakers = PerCatalog(speaker_index)


@lru_cache(maxsize=1)
def _timezone_index() -> NameIndex:
    zones = zoneinfo.available_timezones()
    popular = [zone for zone in _POPULAR_ZONES if zone in zones]
    rest = sorted(zones - set(popular), key=lambda z: (z.split("/")[0] not in _REGIONS, z))
    return NameIndex([Named(zone, (zone,)) for zone in (*popular, *rest)], extra_keys=True)


def model_choices(catalog: Catalog, typed: str) -> list[Choice]:
    """Models by any alias; the choice shows the alias typed: `MiniMax-M2 (M2)`."""
    return _models(catalog).choices(typed)


def card_choices(catalog: Catalog, typed: str) -> list[Choice]:
    """Models, organisations and concepts by any name, as `model_choices` shows them."""
    return _cards(catalog).choices(typed)


def speaker_choices(catalog: Catalog, typed: str) -> list[Choice]:
    """People by any spelling of their name; the value is the canonical name."""
    return _speakers(catalog).choices(typed)


def timezone_choices(typed: str) -> list[Choice]:
    """IANA time zones by name or city: `lon` gives Europe/London, `new york` New_York."""
    return _timezone_index().choices(typed)
