"""Organisations and concepts: their cards, and `/model`'s answer for any name.

An organisation's or concept's card says where the corpus names it, every fact a document
states of it (MiniMax's: founding, founders, funding rounds, valuation, team, products,
strategy, each with its verbatim sentence or table row), the passages that name it when the
facts are few, and the team's note, if any, as the team's.
"""

from __future__ import annotations

from dataclasses import replace

from bot.domain.entities import Entity
from bot.domain.names import name_key
from bot.queries.catalog_cache import Cards
from bot.queries.corpus import Corpus
from bot.queries.disagreements import about_subject
from bot.queries.entity_names import EntityMatch, find_name
from bot.queries.mentions import mentions_of
from bot.queries.model_names import ModelMatch
from bot.queries.models import MAX_CITATIONS, card_of, fact_lines
from bot.queries.results import EntityCard, FactLine, Mention, ModelCard, Problem

MAX_MENTIONS = 5
FEW_FACTS = 3  # with fewer facts than this, the card also shows passages that name it
# What a company's card shows first, in this order: who and when, money, people, what it
# makes and how it competes. The rest follow in the order first stated.
COMPANY_ORDER = (
    "founded", "founder", "co_founder", "founders", "ceo", "company_age",
    "first_investor", "funding_round", "series_b", "series_a_valuation",
    "total_funding", "valuation", "shareholders",
    "team_size", "core_rnd", "early_team", "organisation",
    "products", "customers", "strategy", "owns_gpus", "compute_source",
)  # fmt: skip


def _ordered(lines: tuple[FactLine, ...]) -> tuple[FactLine, ...]:
    first_seen = {line.attribute: i for i, line in enumerate(lines)}
    return tuple(
        sorted(
            lines,
            key=lambda line: (
                COMPANY_ORDER.index(line.attribute)
                if line.attribute in COMPANY_ORDER
                else len(COMPANY_ORDER),
                first_seen[line.attribute],
            ),
        )
    )


async def _build_card(corpus: Corpus, entity: Entity) -> EntityCard:
    keys = sorted({name_key(alias) for alias in entity.aliases} - {""})
    rows = await corpus.store.model_facts(keys, per_value=MAX_CITATIONS)
    disputes = await corpus.store.disputed_values(entity.aliases)
    facts = _ordered(fact_lines(corpus.catalog, rows, disputes))
    mentions: tuple[Mention, ...] = ()
    if len(facts) < FEW_FACTS:
        found = await mentions_of(corpus, entity.aliases, limit=MAX_MENTIONS + 1)
        named = name_key(entity.evidence)
        mentions = tuple(m for m in found if named not in name_key(m.text))[:MAX_MENTIONS]
    disagreements, notes = await about_subject(corpus, entity.aliases)
    return EntityCard(
        name=entity.name,
        aliases=entity.aliases,
        kind=entity.kind,
        part_of=entity.part_of,
        named=corpus.catalog.citation(entity.file, None, entity.evidence),
        facts=facts,
        mentions=mentions,
        note=entity.note,
        matched=entity.name,
        disagreements=disagreements,
        notes=notes,
    )


# Built once per catalog, as the model cards are (bot.queries.models).
_cards: Cards[EntityCard] = Cards()


async def entity_card_of(corpus: Corpus, found: EntityMatch) -> EntityCard:
    card = await _cards.get(
        corpus.catalog, found.entity.name, lambda: _build_card(corpus, found.entity)
    )
    return replace(card, matched=found.alias, exact=found.exact, common=found.common)


async def named_card(corpus: Corpus, name: str) -> ModelCard | EntityCard | Problem:
    """`/model`: the card of the model, organisation or concept `name` means."""
    found = await find_name(corpus, name)
    if isinstance(found, ModelMatch):
        return await card_of(corpus, found)
    if isinstance(found, EntityMatch):
        return await entity_card_of(corpus, found)
    return found
