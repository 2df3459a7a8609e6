"""Which model a name means: an alias exactly, else the one model the name abbreviates, else
the one model a typo comes close to, else a Problem with the names that might help.

Exact first (case, spaces and punctuation aside), so `m2` is MiniMax-M2 and never M2.5; the
maker's prefix and a trailing "model" may be left out or added (`MiniMax-M3` is M3, `10T` the
10T model). A short form may leave out numbers and a leading maker (`Qwen3` is Qwen3-235B,
`Gemini Flash` Gemini 2.0 Flash, `R1` DeepSeek-R1), never a word of the name: `Claude` is not
Claude Code, `Moonshot` not Moonshot Kimi, and a name several models start with (`Hailuo`) is
ambiguous; a code only one name starts with (`T2A`) is that model. A typo must keep the
name's numbers and be a slip in each word: GPT-5 is not GPT-5.5, M1 not M2, `Moonshot AI` not
Moonshot Kimi.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from bot.domain.names import name_key
from bot.domain.records import Model
from bot.domain.text import shown as shown_text
from bot.queries.catalog_cache import PerCatalog
from bot.queries.corpus import Catalog, Corpus
from bot.queries.fuzzy import best_matches
from bot.queries.mentions import mentions_of
from bot.queries.problem_wording import problem
from bot.queries.results import Problem

MAX_NAME_LENGTH = 100
SHOWN_NAME_LENGTH = 60
MATCH_CUTOFF = 80.0  # a fuzzy match at least this close answers; below, "did you mean"
SUGGESTION_CUTOFF = 60.0
MAX_SUGGESTIONS = 3
MIN_WORD_START = 3  # the last word typed may be the start of the name's last word (`Fast`)
MAKER = "minimax"
GENERIC = "model"  # `10T` for the 10T model
_DIGITS = re.compile(r"\d+")
_NUMBER_TAG = re.compile(r"\d+([^\W\d_]*)")
_WORD_BREAK = re.compile(r"[\s\-_/]+")


@dataclass(frozen=True, slots=True)
class ModelMatch:
    model: Model
    alias: str  # the alias the name matched
    exact: bool
    typo: bool = False  # found by correcting a slip, not by the name or a short form of it
    common: str | None = None  # the common name typed (COMMON_NAMES), which the corpus never writes


@dataclass(frozen=True, slots=True)
class _Alias:
    model: Model
    alias: str
    words: tuple[str, ...]


def _digits(key: str) -> str:
    # Model names differ by their numbers (M1/M2, GPT-5/GPT-5.5), so a typo may not change them.
    return "".join(str(int(group)) for group in _DIGITS.findall(key))


def _tagged(key: str) -> tuple[bool, ...]:
    # Which numbers carry letters (`4o`, `6.5s`): GPT-4o is not a slip of GPT-4, nor the reverse.
    return tuple(bool(tag) for tag in _NUMBER_TAG.findall(key))


def words_of(name: str) -> tuple[str, ...]:
    """The words of a name, each as a name key: `Hailuo-2.3-FastVideo` -> hailuo, 23, fastvideo."""
    return tuple(k for w in _WORD_BREAK.split(name) if (k := name_key(w)))


def _numbered(catalog: Catalog) -> dict[str, dict[str, Model]]:
    groups: dict[str, dict[str, Model]] = {}
    for key, model in catalog.model_by_key.items():
        groups.setdefault(_digits(key), {})[key] = model
    return groups


def _aliases(catalog: Catalog) -> tuple[_Alias, ...]:
    return tuple(_Alias(m, a, words_of(a)) for m in catalog.models for a in m.aliases)


_keys_by_number = PerCatalog(_numbered)
_alias_words = PerCatalog(_aliases)


def shown(name: str) -> str:
    """`name` as an answer may quote it: no control or format characters, and not too long."""
    text = "".join(ch for ch in name[:1000] if unicodedata.category(ch) not in ("Cc", "Cf"))
    return shown_text(text, SHOWN_NAME_LENGTH)


def exact_model(catalog: Catalog, key: str) -> ModelMatch | None:
    """The model whose alias has the name `key`, give or take the maker's prefix and a
    trailing "model": the same name either way, so an exact match (`10T` is the 10T model)."""
    forms = [key, key.removeprefix(MAKER), MAKER + key, key + GENERIC]
    for form in forms:
        model = catalog.model_by_key.get(form) if form else None
        if model is not None:
            alias = next(a for a in model.aliases if name_key(a) == form)
            return ModelMatch(model, alias, exact=True)
    return None


def _short_form(typed: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether `typed` abbreviates `name`: its words in order, leaving out only words with
    numbers (or leading words, when the typed form keeps a number: `R1`), the last typed word
    perhaps only the start of the name's last word."""
    if not typed or len(typed) > len(name) or typed == name:
        return False
    matched: list[int] = []
    at = 0
    for i, word in enumerate(typed):
        last = i == len(typed) - 1
        while at < len(name) and not (
            name[at] == word
            or (
                last
                and at == len(name) - 1
                and len(word) >= MIN_WORD_START
                and name[at].startswith(word)
            )
        ):
            at += 1
        if at == len(name):
            return False
        matched.append(at)
        at += 1
    left_out = [w for j, w in enumerate(name) if j not in matched]
    if all(any(ch.isdigit() for ch in w) for w in left_out):
        return True
    leading = matched == list(range(len(name) - len(typed), len(name)))
    return leading and any(ch.isdigit() for w in typed for ch in w)


def _starts(typed: tuple[str, ...], name: tuple[str, ...]) -> bool:
    return len(typed) < len(name) and name[: len(typed)] == typed


def _models(found: list[_Alias], typed_digits: str) -> list[Model]:
    # Names with the typed numbers first (`Hailuo`: Hailuo AI before Hailuo-02), then shorter.
    ranked = sorted(
        found, key=lambda a: (_digits(name_key(a.alias)) != typed_digits, len(a.model.name))
    )
    return list({a.model.name: a.model for a in ranked}.values())


def slip(typed: str, word: str) -> bool:
    return DamerauLevenshtein.distance(typed, word) <= max(1, len(typed) // 4)


def _typo(catalog: Catalog, name: str, key: str, typed: tuple[str, ...]) -> list[ModelMatch]:
    """The models a typo of `name` may mean: close as a whole, with the same numbers, and
    each word a slip of the alias's word (or the whole a slip, when the words run together)."""
    same_numbers = _keys_by_number(catalog).get(_digits(key), {})
    close = best_matches(name, same_numbers, limit=5, cutoff=MATCH_CUTOFF)
    found = []
    for model, score in close:
        for alias in model.aliases:
            words = words_of(alias)
            if _tagged(name_key(alias)) != _tagged(key):
                continue
            slips = (
                all(slip(t, w) for t, w in zip(typed, words, strict=True))
                if len(words) == len(typed)
                else DamerauLevenshtein.distance(key, name_key(alias)) <= 1
            )
            if slips:
                found.append((score, ModelMatch(model, alias, exact=False, typo=True)))
                break
    found.sort(key=lambda hit: -hit[0])
    if len(found) > 1 and found[1][0] == found[0][0]:
        return [match for _, match in found]
    return [match for _, match in found[:1]]


def resolve_model(catalog: Catalog, name: str) -> ModelMatch | Problem:
    """The model `name` means: an alias exactly (case, spaces, punctuation aside), else the one
    model it is a short form of, else the one clearly closest alias with the same numbers and
    a slip in each word; otherwise a Problem with the closest names."""
    name = name[:MAX_NAME_LENGTH]
    if not shown(name):
        return problem("problem.which_model")
    key = name_key(name)
    exact = exact_model(catalog, key)
    if exact is not None:
        return exact
    typed = words_of(name)
    aliases = _alias_words(catalog)
    short = [a for a in aliases if _short_form(typed, a.words)]
    sharing = [a for a in aliases if _starts(typed, a.words)]
    candidates = _models(short + sharing, _digits(key))
    if len(candidates) > 1:
        names = tuple(m.name for m in candidates[:MAX_SUGGESTIONS])
        return problem("problem.many_models", names, name=shown(name))
    if short:
        alias = short[0]
        return ModelMatch(alias.model, alias.alias, exact=False)
    if sharing and _digits(key):
        # A code only one model's name starts with (`T2A` for T2A-01-HD) is that model.
        alias = sharing[0]
        return ModelMatch(alias.model, alias.alias, exact=False)
    typos = _typo(catalog, name, key, typed)
    if len(typos) == 1:
        return typos[0]
    if len(typos) > 1:
        names = tuple(dict.fromkeys(m.model.name for m in typos))[:MAX_SUGGESTIONS]
        return problem("problem.many_models", names, name=shown(name))
    suggestions = best_matches(
        name, catalog.model_by_key, limit=MAX_SUGGESTIONS, cutoff=SUGGESTION_CUTOFF
    )
    names = tuple(
        dict.fromkeys([*(m.name for m in candidates), *(m.name for m, _ in suggestions)])
    )[:MAX_SUGGESTIONS]
    return problem("problem.no_model", names, name=shown(name))


async def find_model(corpus: Corpus, name: str) -> ModelMatch | Problem:
    """`resolve_model`, except that a name the corpus itself writes is never read as a typo of
    another: `Mistral` (a company 001 names) is not Mixtral."""
    found = resolve_model(corpus.catalog, name)
    if isinstance(found, ModelMatch) and found.typo and await mentions_of(corpus, [name], limit=1):
        return problem("problem.not_a_model", (found.model.name,), name=shown(name))
    return found
