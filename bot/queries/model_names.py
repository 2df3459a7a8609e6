"""Which model a name means: any alias exactly, else the clearly closest one, else "did you mean".

Exact first (case, spaces and punctuation aside), so `m2` is MiniMax-M2 and never M2.5. A fuzzy
match must keep the name's numbers: a typo does not turn GPT-5 into GPT-5.5 nor M1 into M2.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.domain.names import name_key
from bot.domain.records import Model
from bot.domain.text import shown as shown_text
from bot.queries.catalog_cache import PerCatalog
from bot.queries.corpus import Catalog
from bot.queries.fuzzy import best_matches
from bot.queries.results import Problem

MAX_NAME_LENGTH = 100
SHOWN_NAME_LENGTH = 60
MATCH_CUTOFF = 80.0  # a fuzzy match at least this close answers; below, "did you mean"
SUGGESTION_CUTOFF = 60.0
MAX_SUGGESTIONS = 3
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class ModelMatch:
    model: Model
    alias: str  # the alias the name matched
    exact: bool


def _digits(key: str) -> str:
    # Model names differ by their numbers (M1/M2, GPT-5/GPT-5.5), so a typo may not change them.
    return "".join(str(int(group)) for group in _DIGITS.findall(key))


def _numbered(catalog: Catalog) -> dict[str, dict[str, Model]]:
    groups: dict[str, dict[str, Model]] = {}
    for key, model in catalog.model_by_key.items():
        groups.setdefault(_digits(key), {})[key] = model
    return groups


_keys_by_number = PerCatalog(_numbered)


def shown(name: str) -> str:
    """`name` as an answer may quote it: no control or format characters, and not too long."""
    text = "".join(ch for ch in name[:1000] if unicodedata.category(ch) not in ("Cc", "Cf"))
    return shown_text(text, SHOWN_NAME_LENGTH)


def resolve_model(catalog: Catalog, name: str) -> ModelMatch | Problem:
    """The model `name` means: an alias exactly (case, spaces, punctuation aside), else the one
    clearly closest alias with the same numbers; otherwise a Problem with the closest names."""
    name = name[:MAX_NAME_LENGTH]
    if not shown(name):
        return Problem("Which model? Type a model's name, such as MiniMax-M2.")
    key = name_key(name)
    exact = catalog.model_by_key.get(key)
    if exact is not None:
        alias = next(a for a in exact.aliases if name_key(a) == key)
        return ModelMatch(exact, alias, exact=True)
    same_numbers = _keys_by_number(catalog).get(_digits(key), {})
    close = best_matches(name, same_numbers, limit=2, cutoff=MATCH_CUTOFF)
    if close and (len(close) == 1 or close[1][1] < close[0][1]):
        model = close[0][0]
        alias = max(model.aliases, key=lambda a: fuzz.ratio(key, name_key(a)))
        return ModelMatch(model, alias, exact=False)
    suggestions = best_matches(
        name, catalog.model_by_key, limit=MAX_SUGGESTIONS, cutoff=SUGGESTION_CUTOFF
    )
    names = tuple(model.name for model, _ in suggestions)
    if len(close) > 1:
        return Problem(f"“{shown(name)}” could be more than one model.", names)
    return Problem(f"No model called “{shown(name)}” in the corpus.", names)
