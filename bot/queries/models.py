"""Models: a model's card with every fact and its sources, lists by kind, comparisons.

A model is *specified* when a parsed table or specification gives any fact about it. Curated
facts (prose a parser cannot read, e.g. M2.5's tokens per day) are shown on the card but do not
make a specification; a card that is not specified also lists the passages that name the model.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.domain.names import name_key
from bot.domain.records import FuzzyDate, Model, ModelKind
from bot.queries.catalog_cache import Cards, PerCatalog
from bot.queries.corpus import Catalog, Corpus
from bot.queries.disagreements import about_subject
from bot.queries.labels import label_for
from bot.queries.mentions import mentions_of
from bot.queries.model_names import ModelMatch, find_model, shown
from bot.queries.problem_wording import problem
from bot.queries.results import (
    Citation,
    Comparison,
    ComparisonRow,
    FactLine,
    FactValue,
    ModelCard,
    ModelList,
    ModelSummary,
    Problem,
)
from bot.queries.same_values import company_names, same_values
from bot.store.models_read import DisputedValue, ModelFactRow

MAX_MENTIONS = 5
MAX_CITATIONS = 5  # per value: the first sources that state it
# Attributes a card shows first, in this order; the rest follow in the order first stated.
ATTRIBUTE_ORDER = (
    "release", "type", "kind", "total_parameters", "active_parameters", "parameters",
    "context", "layers", "attention_heads", "experts", "architecture", "attention", "licence",
    "open_source", "price", "benchmarks", "performance",
)  # fmt: skip


def fact_lines(
    catalog: Catalog, rows: list[ModelFactRow], disputes: list[DisputedValue]
) -> tuple[FactLine, ...]:
    lines: dict[str, dict[str, tuple[str, list[Citation]]]] = {}

    def add(attribute: str, value: str, key: str, citation: Citation) -> None:
        # `Jan 2025` and `January 2025` share a key (the indexer read them): one value.
        values = lines.setdefault(attribute, {})
        _, citations = values.setdefault(key, (value, []))
        if not any(
            (c.source.file, c.evidence) == (citation.source.file, citation.evidence)
            for c in citations
        ):
            citations.append(citation)

    for row in rows:
        citation = catalog.citation(row.file, row.heading, row.evidence)
        add(row.attribute, row.value, row.key, citation)
    # A disagreement on what a fact line states adds its values there; one on anything else
    # (a characterisation) is shown in the card's disagreement section.
    disputes = [dispute for dispute in disputes if dispute.attribute in lines]
    for dispute in disputes:
        cited = {
            (c.source.file, c.evidence)
            for _, citations in lines[dispute.attribute].values()
            for c in citations
        }
        if (dispute.file, dispute.evidence) not in cited:  # a row the line already cites
            citation = catalog.citation(dispute.file, None, dispute.evidence)
            add(dispute.attribute, dispute.value, dispute.key, citation)
    disputed = {dispute.attribute for dispute in disputes}
    first_seen = {attribute: i for i, attribute in enumerate(lines)}
    order = sorted(
        lines,
        key=lambda a: (
            ATTRIBUTE_ORDER.index(a) if a in ATTRIBUTE_ORDER else len(ATTRIBUTE_ORDER),
            first_seen[a],
        ),
    )
    company = company_names(catalog)
    shown_lines = []
    for attribute in order:
        said = same_values(lines[attribute].values(), company)  # worded alike: one value
        shown_lines.append(
            FactLine(
                attribute,
                label_for(attribute),
                tuple(FactValue(v.value, v.citations[:MAX_CITATIONS]) for v in said),
                disputed=attribute in disputed and len(said) > 1,
            )
        )
    return tuple(shown_lines)


def _keys(model: Model) -> list[str]:
    return sorted({name_key(alias) for alias in model.aliases} - {""})


def variants_of(catalog: Catalog, family: Model) -> list[Model]:
    """The models the corpus names as variants of `family` by extending its name:
    MiniMax-M1-40K and -80K of MiniMax-M1, Speech-02-HD of Speech-02."""
    return [
        model
        for model in catalog.models
        if model.name.startswith((f"{family.name}-", f"{family.name} "))
    ]


async def _build_card(corpus: Corpus, model: Model) -> ModelCard:
    rows = await corpus.store.model_facts(_keys(model), per_value=MAX_CITATIONS)
    disputes = await corpus.store.disputed_values(model.aliases)
    specified = await corpus.store.has_parsed_facts(_keys(model))
    for variant in variants_of(corpus.catalog, model):
        # What a variant's row says is said of the family too, cited to the variant's row.
        own = await corpus.store.model_facts(_keys(variant), per_value=MAX_CITATIONS)
        rows += own
        specified = specified or bool(own)
    disagreements, notes = await about_subject(corpus, model.aliases)
    return ModelCard(
        name=model.name,
        aliases=model.aliases,
        kind=model.kind,
        minimax=model.minimax,
        facts=fact_lines(corpus.catalog, rows, disputes),
        mentions=() if specified else await mentions_of(corpus, model.aliases, limit=MAX_MENTIONS),
        specified=specified,
        matched=model.name,
        disagreements=disagreements,
        notes=notes,
    )


# A new generation of the index comes with a new catalog, which owns these.
_cards: Cards[ModelCard] = Cards()


async def card_of(corpus: Corpus, found: ModelMatch) -> ModelCard:
    card = await _cards.get(
        corpus.catalog, found.model.name, lambda: _build_card(corpus, found.model)
    )
    return replace(card, matched=found.alias, exact=found.exact, common=found.common)


async def model_card(corpus: Corpus, name: str) -> ModelCard | Problem:
    """The card of the model `name` means, or a Problem saying what the corpus lacks."""
    found = await find_model(corpus, name)
    return found if isinstance(found, Problem) else await card_of(corpus, found)


def _within(inner: FuzzyDate, outer: FuzzyDate) -> bool:
    return inner != outer and outer.start <= inner.start <= inner.end <= outer.end


def _release(values: list[FuzzyDate]) -> FuzzyDate | None:
    # `2025` and `Oct 2025` agree; the more precise one says more, then the earliest counts.
    precise = [d for d in values if not any(_within(o, d) for o in values)]
    return min(precise, key=lambda d: (d.start, d.end), default=None)


_lists: PerCatalog[dict[ModelKind | None, ModelList]] = PerCatalog(lambda catalog: {})


async def list_models(corpus: Corpus, kind: ModelKind | None = None) -> ModelList:
    """Models of `kind` (all when None): MiniMax's own first, each group by release, then name."""
    lists = _lists(corpus.catalog)
    if kind not in lists:
        lists[kind] = await _list_models(corpus, kind)
    return lists[kind]


async def _list_models(corpus: Corpus, kind: ModelKind | None) -> ModelList:
    keys = [key for model in corpus.catalog.models for key in _keys(model)]
    stated: dict[str, list[FuzzyDate]] = {}
    for row in await corpus.store.release_dates(keys):
        model = corpus.catalog.model_by_key.get(row.subject_key)
        if model is not None:
            stated.setdefault(model.name, []).append(row.when)
    summaries = [
        ModelSummary(m.name, m.kind, m.minimax, _release(stated.get(m.name, [])))
        for m in corpus.catalog.models
        if kind is None or m.kind is kind
    ]
    # A release known only by its year sorts after the months of that year.
    summaries.sort(
        key=lambda s: (
            s.minimax is not True,
            (s.release.end, s.release.start) if s.release else (date.max, date.max),
            s.name.casefold(),
        )
    )
    return ModelList(kind, tuple(summaries))


async def compare_models(corpus: Corpus, left: str, right: str) -> Comparison | Problem:
    """Two cards side by side: a row per attribute either states, shared attributes first."""
    found = [await find_model(corpus, name) for name in (left, right)]
    for match in found:
        if isinstance(match, Problem):
            return match
    first, second = (m for m in found if isinstance(m, ModelMatch))
    if first.model == second.model:
        return problem(
            "problem.same_model", left=shown(left), right=shown(right), name=first.model.name
        )
    a, b = await card_of(corpus, first), await card_of(corpus, second)
    left_lines = {line.attribute: line for line in a.facts}
    right_lines = {line.attribute: line for line in b.facts}
    shared = [attr for attr in left_lines if attr in right_lines]
    order = shared + [x for x in (*left_lines, *right_lines) if x not in shared]
    rows = tuple(
        ComparisonRow(
            label_for(attribute),
            left_lines[attribute].values if attribute in left_lines else (),
            right_lines[attribute].values if attribute in right_lines else (),
            attribute,
        )
        for attribute in dict.fromkeys(order)
    )
    return Comparison(a, b, rows)
