"""Resolve the names documents use into people and models, each with every spelling it goes by."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.domain.names import name_key, word_set_key
from bot.domain.records import Model, ModelKind, Person
from bot.ingest.curated import Curated

MAKER_PREFIX = "minimax"


class _Groups:
    """Union-find over names: spellings that belong together end up in one group."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self.spellings: dict[str, list[str]] = {}  # key -> spellings in first-seen order

    def add(self, spelling: str, key: str) -> str:
        self._parent.setdefault(key, key)
        seen = self.spellings.setdefault(key, [])
        if spelling not in seen:
            seen.append(spelling)
        return key

    def find(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[root_b] = root_a

    def groups(self) -> list[list[str]]:
        members: dict[str, list[str]] = {}
        for key in self._parent:
            members.setdefault(self.find(key), []).append(key)
        return list(members.values())


@dataclass
class _PersonFacts:
    spellings: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


def resolve_people(
    mentions: Iterable[tuple[str, Sequence[str], str | None]],
    speakers: Iterable[str],
    curated: Curated,
) -> list[Person]:
    """People from (name, other names, role) mentions, quote speakers and the curated file.

    Spellings join one person when a mention writes them side by side (`Yan Junjie / 颜俊杰`),
    when they are the same words in another order (`Yan Junjie`, `Junjie Yan`), or when the
    curated file says so (`IO`, `Yanjunjie`).
    """
    groups = _Groups()
    roles: dict[str, list[str]] = {}

    def person_key(name: str) -> str:
        return word_set_key(name) or name_key(name) or name

    def link(names: Sequence[str], role: str | None) -> None:
        keys = [groups.add(name, person_key(name)) for name in names if name.strip()]
        for other in keys[1:]:
            groups.union(keys[0], other)
        if keys and role:
            roles.setdefault(keys[0], []).append(role)

    canonical: dict[str, str] = {}
    curated_roles: dict[str, str] = {}
    for person in curated.person:
        link([person.name, *(alias.name for alias in person.aliases)], None)
        canonical[person_key(person.name)] = person.name
        if person.role:
            curated_roles[person_key(person.name)] = person.role
    for name, other_names, role in mentions:
        link([name, *other_names], role)
    for speaker in speakers:
        link([speaker], None)

    people: list[Person] = []
    for keys in groups.groups():
        spellings = [s for key in keys for s in groups.spellings[key]]
        chosen = next((canonical[k] for k in keys if k in canonical), None)
        name = chosen or _preferred_name(spellings)
        role = next((curated_roles[k] for k in keys if k in curated_roles), None)
        if role is None:
            role_counts = Counter(r for key in keys for r in roles.get(key, []))
            role = role_counts.most_common(1)[0][0] if role_counts else None
        names = [name, *(s for s in _dedupe(spellings) if s != name)]
        people.append(Person(name=name, names=tuple(names), role=role))
    return sorted(people, key=lambda person: person.name.casefold())


def resolve_models(
    mentions: Iterable[tuple[str, ModelKind | None, bool | None]], curated: Curated
) -> list[Model]:
    """Models from (name, kind, maker) mentions and the curated file, merged by name key.

    `MiniMax-M2` is also known as `M2`: the maker's prefix is an alias the corpus implies.
    """
    groups = _Groups()
    kinds: dict[str, Counter[ModelKind]] = {}
    makers: dict[str, list[bool]] = {}
    curated_makers: dict[str, bool] = {}

    def add(name: str) -> str:
        key = groups.add(name, name_key(name) or name)
        short = _without_maker(name)
        if short:
            groups.union(key, groups.add(short, name_key(short)))
        return key

    canonical: dict[str, str] = {}
    for model in curated.model:
        key = add(model.name)
        canonical[key] = model.name
        for alias in model.aliases:
            groups.union(key, add(alias.name))
        if model.kind is not None:
            kinds.setdefault(key, Counter())[model.kind] += 1000  # curated outweighs mentions
        if model.minimax is not None:
            curated_makers[key] = model.minimax
    for name, kind, minimax in mentions:
        key = add(name)
        if kind is not None:
            kinds.setdefault(key, Counter())[kind] += 1
        if minimax is not None:
            makers.setdefault(key, []).append(minimax)

    models: list[Model] = []
    for keys in groups.groups():
        spellings = [s for key in keys for s in groups.spellings[key]]
        chosen = next((canonical[k] for k in keys if k in canonical), None)
        name = chosen or max(spellings, key=len)
        kind_votes = sum((kinds.get(k, Counter()) for k in keys), Counter[ModelKind]())
        votes = {vote for k in keys for vote in makers.get(k, [])}
        maker = next((curated_makers[k] for k in keys if k in curated_makers), None)
        if maker is None and votes:
            maker = True in votes  # a document that calls it MiniMax's own outweighs silence
        models.append(
            Model(
                name=name,
                aliases=tuple([name, *(s for s in _dedupe(spellings) if s != name)]),
                kind=kind_votes.most_common(1)[0][0] if kind_votes else None,
                minimax=maker,
            )
        )
    return sorted(models, key=lambda model: model.name.casefold())


def _without_maker(name: str) -> str | None:
    if name_key(name).startswith(MAKER_PREFIX) and len(name) > len(MAKER_PREFIX) + 1:
        rest = name[len(MAKER_PREFIX) :].lstrip(" -_")
        # `MiniMax-01` is not also called `01`: a bare number names nothing on its own.
        return rest if name_key(rest) and not name_key(rest).isdigit() else None
    return None


def _preferred_name(spellings: Sequence[str]) -> str:
    """A Latin-script full name if there is one, else the first spelling."""
    latin = [s for s in spellings if s.isascii() and " " in s]
    return latin[0] if latin else spellings[0]


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
