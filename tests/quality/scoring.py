"""Score the index against the team's reading (tests/gold/): per class, how many of the entries
the reading lists the index gets right, gets wrong, or misses.

- entities: every model or product the reading lists (kinds model, product, app, platform,
  series): `/model <name>` resolves to its card, with the reading's kind and maker.
- names: every name a user may type resolves as the reading expects (to the entity or person,
  "ambiguous" with every candidate offered, or "unknown"); hitting a `must_not` is wrong.
  What `/model` finds (a model, an organisation or a concept) and what `/person` finds count.
- people: every person resolves, and the card carries a role or fact from each document the
  reading cites for them.
- quotes: every quoted text is stored with the speaker the text gives; an interviewer's line
  is never credited to the CEO.

"Wrong" means the index says something the reading does not (another entity, another kind or
maker, another speaker); "missing" means it says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.domain.entities import Entity
from bot.domain.names import name_key
from bot.domain.records import Model, Person
from bot.queries.corpus import Catalog, Corpus
from bot.queries.entity_names import EntityMatch, find_name
from bot.queries.model_names import ModelMatch, find_model
from bot.queries.people import person_profile, resolve_person
from bot.queries.results import PersonProfile, Problem
from bot.store.quotes_read import QuoteRow
from tests.gold.corpus import load

CARD_KINDS = frozenset({"model", "product", "app", "platform", "series"})
# The reading's kind -> the card kinds that say the same thing.
MODEL_KINDS: dict[str, frozenset[str]] = {
    "model": frozenset({"text", "vision-language", "speech", "audio", "music", "video", "model"}),
    "product": frozenset({"product"}),
    "app": frozenset({"app"}),
    "platform": frozenset({"platform"}),
    "series": frozenset({"series"}),
}
CEO = "Junjie Yan"
_VERDICTS = ("unknown", "ambiguous")


@dataclass
class Score:
    """One class: every entry of the reading lands in exactly one of right, wrong, missing."""

    name: str
    right: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.right) + len(self.wrong) + len(self.missing)

    @property
    def share(self) -> float:
        return len(self.right) / self.total if self.total else 1.0

    def line(self) -> str:
        return (
            f"{self.name:<10} in the corpus {self.total:>4}  right {len(self.right):>4}"
            f"  wrong {len(self.wrong):>3}  missing {len(self.missing):>3}  ({self.share:.0%})"
        )


def _keys(names: Iterable[str]) -> set[str]:
    return {key for key in map(name_key, names) if key}


@dataclass(frozen=True)
class Reading:
    """The reading's entities and people, with the name keys each goes by."""

    entities: dict[str, dict[str, Any]]
    people: dict[str, dict[str, Any]]

    @classmethod
    def load(cls) -> Reading:
        entities = {row["name"]: row for row in load("entities")["entity"]}
        people = {row["name"]: row for row in load("people")["person"]}
        return cls(entities, people)

    def entity_keys(self, name: str) -> set[str]:
        row = self.entities[name]
        return _keys([row["name"], *row.get("aliases", [])])

    def person_keys(self, name: str) -> set[str]:
        row = self.people[name]
        return _keys([row["name"], *row.get("other_names", [])])

    def own_name_keys(self) -> dict[str, str]:
        """name key -> the entity or person the reading gives that very name."""
        keys = {name_key(name): name for name in self.entities}
        keys.update({name_key(name): name for name in self.people})
        return keys

    def is_model(self, name: str) -> bool:
        return self.entities.get(name, {}).get("kind") in CARD_KINDS


def model_is(reading: Reading, model: Model, name: str) -> bool:
    """The card is the reading's `name`: it shares a name, and carries no other entity's name."""
    keys = _keys(model.aliases)
    if not keys & reading.entity_keys(name):
        return False
    others = reading.own_name_keys()
    return all(others[key] == name for key in keys if key in others)


def person_is(reading: Reading, person: Person, name: str) -> bool:
    keys = _keys(person.names)
    if not keys & reading.person_keys(name):
        return False
    others = reading.own_name_keys()
    return all(others[key] == name for key in keys if key in others)


def entity_is(reading: Reading, entity: Entity, name: str) -> bool:
    keys = _keys(entity.aliases)
    if not keys & reading.entity_keys(name):
        return False
    others = reading.own_name_keys()
    return all(others[key] == name for key in keys if key in others)


Hit = Model | Person | Entity


def _matches(reading: Reading, hit: Hit, name: str) -> bool:
    if isinstance(hit, Person):
        return name in reading.people and person_is(reading, hit, name)
    if isinstance(hit, Entity):
        return name in reading.entities and entity_is(reading, hit, name)
    return name in reading.entities and model_is(reading, hit, name)


def _label(hit: Hit) -> str:
    return hit.name


# ------------------------------------------------------------------ entities


async def score_entities(corpus: Corpus, reading: Reading) -> Score:
    score = Score("entities")
    for name, row in reading.entities.items():
        if row["kind"] not in CARD_KINDS:
            continue
        found = await find_model(corpus, name)
        if isinstance(found, Problem):
            score.missing.append(f"{name}: no card")
            continue
        model = found.model
        if not model_is(reading, model, name):
            score.wrong.append(f"{name}: resolves to {model.name} {list(model.aliases)}")
            continue
        problems = []
        kind = model.kind.value if model.kind is not None else None
        if kind not in MODEL_KINDS[row["kind"]]:
            problems.append(f"kind {kind} (reading: {row['kind']})")
        if "maker" in row and model.minimax is not (row["maker"] == "MiniMax"):
            problems.append(f"minimax={model.minimax} (reading: maker {row['maker']})")
        if not problems:
            score.right.append(name)
        elif all(p.startswith(("kind None", "minimax=None")) for p in problems):
            score.missing.append(f"{name}: {'; '.join(problems)}")
        else:
            score.wrong.append(f"{name}: {'; '.join(problems)}")
    return score


# ------------------------------------------------------------------ names


async def _hits(corpus: Corpus, typed: str) -> tuple[list[Hit], set[str]]:
    """What `/model` and `/person` answer for `typed`: the hits, and the names offered."""
    catalog = corpus.catalog
    hits: list[Hit] = []
    offered: set[str] = set()
    found = await find_name(corpus, typed)
    if isinstance(found, ModelMatch):
        hits.append(found.model)
    elif isinstance(found, EntityMatch):
        hits.append(found.entity)
    else:
        offered.update(found.suggestions)
    person = resolve_person(catalog, typed)
    if isinstance(person, Person):
        hits.append(person)
    else:
        offered.update(person.suggestions)
    return hits, offered


async def score_names(corpus: Corpus, reading: Reading, *, cards_only: bool = False) -> Score:
    """With `cards_only`, only the names of what the index can hold today: models, products
    and people (not companies, organisations, papers or techniques), ambiguous and unknown."""
    score = Score("names/card" if cards_only else "names")
    for row in load("names")["name"]:
        typed, expect = row["typed"], row["expect"]
        if cards_only and not (
            reading.is_model(expect) or expect in reading.people or expect in _VERDICTS
        ):
            continue
        label = f"{typed!r} -> {expect}"
        hits, offered = await _hits(corpus, typed)
        catalog = corpus.catalog
        traps = [t for t in row.get("must_not", []) if any(_matches(reading, h, t) for h in hits)]
        if traps:
            score.wrong.append(f"{label}: hits {traps}")
            continue
        if expect in _VERDICTS:
            candidates = row.get("candidates", [])
            strays = [
                _label(h) for h in hits if not any(_matches(reading, h, c) for c in candidates)
            ]
            if strays:
                score.wrong.append(f"{label}: resolves to {strays}")
            elif hits:
                score.missing.append(f"{label}: picks {[_label(h) for h in hits]}")
            elif expect == "ambiguous" and not _offers(reading, catalog, offered, candidates):
                score.missing.append(f"{label}: offers {sorted(offered)}")
            else:
                score.right.append(label)
            continue
        if any(_matches(reading, h, expect) for h in hits):
            score.right.append(label)
        elif _wrong_hits(reading, hits, expect):
            score.wrong.append(f"{label}: resolves to {[_label(h) for h in hits]}")
        else:
            score.missing.append(f"{label}: nothing")
    return score


def _wrong_hits(reading: Reading, hits: list[Hit], expect: str) -> bool:
    # /model answers models, organisations and concepts, /person people: only the command
    # the name is for can be wrong.
    if expect in reading.people:
        return any(isinstance(h, Person) for h in hits)
    if reading.is_model(expect):
        return any(not isinstance(h, Person) for h in hits)
    return bool(hits)


def _offers(reading: Reading, catalog: Catalog, offered: set[str], candidates: list[str]) -> bool:
    found = [catalog.model(n) or catalog.entity(n) or catalog.person(n) for n in offered]
    return all(any(f is not None and _matches(reading, f, c) for f in found) for c in candidates)


# ------------------------------------------------------------------ people


def _cited_files(profile: PersonProfile) -> set[str]:
    return {
        citation.source.file
        for line in profile.facts
        for value in line.values
        for citation in value.citations
    }


async def score_people(corpus: Corpus, reading: Reading) -> Score:
    score = Score("people")
    for name, row in reading.people.items():
        found = resolve_person(corpus.catalog, name)
        if isinstance(found, Problem):
            score.missing.append(f"{name}: no one")
            continue
        if not person_is(reading, found, name):
            score.wrong.append(f"{name}: resolves to {found.name} {list(found.names)}")
            continue
        profile = await person_profile(corpus, name)
        assert not isinstance(profile, Problem)
        wanted = {role["doc"] for role in row["roles"]}
        lacking = sorted(file[:3] for file in wanted - _cited_files(profile))
        if lacking:
            score.missing.append(f"{name}: no role from {lacking}")
        else:
            score.right.append(name)
    return score


# ------------------------------------------------------------------ quotes


_EDGE = " ,.;:"


def _flat(text: str) -> str:
    return " ".join(text.split())


async def stored_quotes(corpus: Corpus) -> list[QuoteRow]:
    ends = await corpus.store.quote_id_range()
    if ends is None:
        return []
    rows = [await corpus.store.quote(i) for i in range(ends[0], ends[1] + 1)]
    return [row for row in rows if row is not None]


_PARENTHESIS = re.compile(r"\s*\(.*\)$")


def _speaker_fits(catalog: Catalog, written: str | None, gold: str) -> bool:
    base = _PARENTHESIS.sub("", gold)
    if gold == "unattributed" or base[:1].islower():
        return written is None
    if written is None:
        return False
    person, expected = catalog.person(written), catalog.person(base)
    if person is not None and person == expected:
        return True
    a, b = name_key(written), name_key(base)
    return bool(a and b and (a in b or b in a))


def _is_ceo(catalog: Catalog, written: str | None) -> bool:
    person = catalog.person(written) if written else None
    return person is not None and CEO in person.names


async def score_quotes(corpus: Corpus) -> Score:
    score = Score("quotes")
    rows = await stored_quotes(corpus)
    catalog = corpus.catalog
    for quote in load("quotes")["quote"]:
        text = _flat(quote["text"]).rstrip(_EDGE)  # a comma at the quote's edge is the prose's
        label = f"{quote['doc'][:3]} {quote['speaker']}: {text[:60]!r}"
        holders = [r for r in rows if r.file == quote["doc"] and text in _flat(r.text)]
        if quote["kind"] == "question":
            if any(_is_ceo(catalog, r.speaker) for r in holders):
                score.wrong.append(f"{label}: credited to the CEO")
            else:
                score.right.append(label)
            continue
        if any(_speaker_fits(catalog, r.speaker, quote["speaker"]) for r in holders):
            score.right.append(label)
        elif any(r.speaker is not None for r in holders):
            speakers = sorted({r.speaker for r in holders if r.speaker})
            score.wrong.append(f"{label}: credited to {speakers}")
        else:
            where = "stored unattributed" if holders else "not stored"
            score.missing.append(f"{label}: {where}")
    return score


async def score_all(corpus: Corpus) -> list[Score]:
    reading = Reading.load()
    return [
        await score_entities(corpus, reading),
        await score_names(corpus, reading),
        await score_names(corpus, reading, cards_only=True),
        await score_people(corpus, reading),
        await score_quotes(corpus),
    ]
