"""Which card a name means: a model, an organisation or a concept.

In this order, so that a name is never read as another entity's: a model's alias exactly
(`10T`, `M2`); an organisation's or concept's name exactly (`MiniMax`, `Mistral`, `米哈遊` in
any script); a common name the corpus never writes, from the team's short list (`海螺AI`,
`红杉`), read as the name it stands for and marked as such; an organisation's name without
its generic last word (`IDG` for IDG Capital, never `Yunqi` for Yunqi Partners); then the
model rules of `model_names` (short forms, typos that keep the numbers); then a typo of an
organisation's name (`SenseTme`). A name two records claim is ambiguous, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.domain.entities import Entity
from bot.domain.names import common_name, name_key
from bot.queries.catalog_cache import PerCatalog
from bot.queries.corpus import Catalog, Corpus
from bot.queries.fuzzy import best_matches
from bot.queries.mentions import mentions_of
from bot.queries.model_names import (
    MATCH_CUTOFF,
    MAX_NAME_LENGTH,
    MAX_SUGGESTIONS,
    ModelMatch,
    exact_model,
    resolve_model,
    shown,
    slip,
    words_of,
)
from bot.queries.problem_wording import problem
from bot.queries.results import Problem

# Last words an organisation's name may go without: `IDG` is IDG Capital.
ENTITY_HINT = 70.0  # an organisation or concept this close is offered as "did you mean"
GENERIC_WORDS = frozenset({"capital", "ai", "group", "inc", "university", "lab", "laboratory"})


@dataclass(frozen=True, slots=True)
class EntityMatch:
    entity: Entity
    alias: str  # the name it matched
    exact: bool
    common: str | None = None  # the common name typed (COMMON_NAMES), which the corpus never writes


Match = ModelMatch | EntityMatch


def _entity_words(catalog: Catalog) -> tuple[tuple[Entity, str, tuple[str, ...]], ...]:
    return tuple((e, a, words_of(a)) for e in catalog.entities for a in e.aliases)


_words = PerCatalog(_entity_words)


def _alias_of(entity: Entity, key: str) -> str:
    return next((a for a in entity.aliases if name_key(a) == key), entity.name)


def _without_generic(catalog: Catalog, typed: tuple[str, ...]) -> list[EntityMatch]:
    found = {
        entity.name: EntityMatch(entity, alias, exact=False)
        for entity, alias, words in _words(catalog)
        if len(words) > len(typed)
        and words[: len(typed)] == typed
        and all(word in GENERIC_WORDS for word in words[len(typed) :])
    }
    return list(found.values())


def _entity_typos(catalog: Catalog, name: str, typed: tuple[str, ...]) -> list[EntityMatch]:
    """Organisations or concepts a typo of `name` may mean: close as a whole, each word a slip
    of the name's word (or the whole a slip, when the words run together)."""
    key = name_key(name)
    found: dict[str, EntityMatch] = {}
    for entity, score in best_matches(name, catalog.entity_by_key, limit=5, cutoff=MATCH_CUTOFF):
        for alias in entity.aliases:
            words = words_of(alias)
            if len(words) == len(typed):
                slips = all(slip(t, w) for t, w in zip(typed, words, strict=True))
            else:
                slips = slip(key, name_key(alias))
            if slips and score >= MATCH_CUTOFF:
                found.setdefault(entity.name, EntityMatch(entity, alias, exact=False))
                break
    return list(found.values())


def _ambiguous(name: str, names: list[str]) -> Problem:
    unique = tuple(dict.fromkeys(names))[:MAX_SUGGESTIONS]
    return problem("problem.many_things", unique, name=shown(name))


def _label(match: Match) -> str:
    return match.model.name if isinstance(match, ModelMatch) else match.entity.name


def resolve_name(catalog: Catalog, name: str) -> Match | Problem:
    """The model, organisation or concept `name` means (see the module notes), or a Problem
    with the names that might help."""
    name = name[:MAX_NAME_LENGTH]
    key = name_key(name)
    if not key:
        return problem("problem.which_name")
    common = [n for n in common_name(name) if name_key(n) != key]
    model = exact_model(catalog, key)
    entity = catalog.entity_by_key.get(key)
    claims: list[Match] = [m for m in (model,) if m is not None]
    if entity is not None:
        claims.append(EntityMatch(entity, _alias_of(entity, key), exact=True))
    for stands_for in common:
        found = resolve_name(catalog, stands_for)
        if isinstance(found, Problem):  # `海螺`: Hailuo, which several models start with
            return _ambiguous(name, [*map(_label, claims), *found.suggestions])
        claims.append(replace(found, common=name, exact=True))
    if len({_label(c) for c in claims}) > 1:
        return _ambiguous(name, [_label(c) for c in claims])
    if claims:
        return claims[0]
    typed = words_of(name)
    shortened = _without_generic(catalog, typed)
    if len(shortened) == 1:
        return shortened[0]
    models = resolve_model(catalog, name)
    if isinstance(models, ModelMatch) and not models.typo:
        return models
    typos = _entity_typos(catalog, name, typed)
    if isinstance(models, ModelMatch):
        if typos:
            return _ambiguous(name, [models.model.name, *(t.entity.name for t in typos)])
        return models
    if len(typos) == 1:
        return typos[0]
    if typos:
        return _ambiguous(name, [t.entity.name for t in typos])
    if models.wording is not None and models.wording.key == "problem.many_models":
        return models
    # Organisations' names are long and many: only a close one helps (`banana` is no lab).
    close = best_matches(name, catalog.entity_by_key, limit=MAX_SUGGESTIONS, cutoff=ENTITY_HINT)
    suggestions = tuple(dict.fromkeys([*models.suggestions, *(e.name for e, _ in close)]))
    return problem("problem.no_name", suggestions[:MAX_SUGGESTIONS], name=shown(name))


async def find_name(corpus: Corpus, name: str) -> Match | Problem:
    """`resolve_name`, except that a name the corpus itself writes is never read as a typo of
    another: `Mistral` (were it not an organisation) is not Mixtral."""
    found = resolve_name(corpus.catalog, name)
    if isinstance(found, ModelMatch) and found.typo and await mentions_of(corpus, [name], limit=1):
        return problem("problem.no_card", (found.model.name,), name=shown(name))
    return found
