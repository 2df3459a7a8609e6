"""Cards for models and people: a spec card, the list of models, a comparison, a profile."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from bot.cards.card import Card, Entry, Fact, Section, Value
from bot.cards.citing import source_line
from bot.cards.dates import format_when
from bot.cards.disagreements import subject_parts
from bot.cards.labels import DEFAULT, Locale, attribute_label, counted, forms, say
from bot.domain.records import ModelKind
from bot.domain.text import shown
from bot.queries.results import (
    Comparison,
    EntityCard,
    FactLine,
    FactValue,
    ModelCard,
    ModelList,
    PersonProfile,
)

NAME_CHARS = 80
# The section each maker's models are listed under, in this order.
MAKERS: Mapping[bool | None, str] = MappingProxyType(
    {True: "maker.minimax", False: "maker.other", None: "maker.unknown"}
)


def kind_names(kind: ModelKind | None, locale: Locale = DEFAULT) -> tuple[str, str]:
    """What one of a kind is called, and many: "Text model", "text models"; "App", "apps"."""
    return forms("kind.any" if kind is None else f"kind.{kind.value}", locale)


def kind_label(kind: ModelKind | None, locale: Locale = DEFAULT) -> str | None:
    return None if kind is None else kind_names(kind, locale)[0]


def maker_label(minimax: bool | None, locale: Locale = DEFAULT) -> str | None:
    if minimax is None:
        return None
    return say("made.minimax" if minimax else "made.other", locale)


def summary(card: ModelCard, locale: Locale = DEFAULT) -> str:
    """`Text model · by MiniMax · also called M2`."""
    others = [alias for alias in card.aliases if alias != card.name]
    also = say("model.also", locale, names=", ".join(others)) if others else None
    parts = (kind_label(card.kind, locale), maker_label(card.minimax, locale), also)
    return " · ".join(p for p in parts if p)


def closest(card: ModelCard, locale: Locale = DEFAULT) -> str:
    return closest_name(card.name, card.matched, locale)


def closest_name(name: str, matched: str, locale: Locale = DEFAULT) -> str:
    if matched != name:
        return say("model.closest_by", locale, name=shown(matched, NAME_CHARS))
    return say("model.closest", locale)


def common_notice(typed: str, name: str, locale: Locale = DEFAULT) -> str:
    """A common name the corpus never writes, from the team's list: never the corpus's words."""
    return say("name.common", locale, typed=shown(typed, NAME_CHARS), name=name)


def values(given: Sequence[FactValue]) -> tuple[Value, ...]:
    return tuple(Value(value.value, value.citations) for value in given)


def facts(lines: Sequence[FactLine], locale: Locale = DEFAULT) -> tuple[Fact, ...]:
    """The lines as facts, each labelled in `locale` where the catalog has its attribute."""
    return tuple(
        Fact(
            attribute_label(line.attribute, line.label, locale), values(line.values), line.disputed
        )
        for line in lines
    )


def model_card(card: ModelCard, locale: Locale = DEFAULT) -> Card:
    notices = [] if card.exact else [closest(card, locale)]
    if card.common is not None:
        notices.append(common_notice(card.common, card.name, locale))
    main = None
    if not card.specified:
        notices.append(say("model.no_spec", locale))
        if not card.facts and not card.mentions:
            notices.append(say("model.nothing_more", locale))
        mentions = tuple(Entry(m.text, citations=(m.citation,)) for m in card.mentions)
        if mentions:
            title = say("model.mentioned", locale)
            main = Section(title, mentions, what="mentions", quoted=True)
    return subject_card(card, summary(card, locale), notices, main, locale)


def subject_card(
    card: ModelCard | EntityCard,
    lead: str,
    notices: Sequence[str],
    main: Section | None,
    locale: Locale = DEFAULT,
) -> Card:
    """The card of a model, an organisation or a concept: its facts with the disagreements on
    them, below `main` (where it is named), then the rest of its disagreements and notes."""
    card_facts, disputes = subject_parts(
        card.aliases, card.facts, facts(card.facts, locale), card.disagreements, card.notes, locale
    )
    return Card(
        card.name,
        lead=(lead,),
        notices=tuple(notices),
        main=main,
        facts=card_facts,
        sections=disputes,
        locale=locale,
    )


def model_list(models: ModelList, locale: Locale = DEFAULT) -> Card:
    one, many = kind_names(models.kind, locale)
    title = say("models.title", locale, kinds=many.capitalize())
    if not models.models:
        return Card(title, lead=(say("models.none", locale, kinds=many),), locale=locale)
    groups: dict[bool | None, list[Entry]] = {maker: [] for maker in MAKERS}
    for model in models.models:
        kind = None if models.kind or model.kind is None else model.kind.value
        release = format_when(model.release, locale) if model.release else None
        text = " · ".join(p for p in (kind, release) if p)
        groups[model.minimax].append(Entry(text, label=model.name))
    sections = tuple(
        Section(f"{say(MAKERS[maker], locale)} ({len(entries)})", tuple(entries), what="models")
        for maker, entries in groups.items()
        if entries
    )
    count = counted("count.models", len(models.models), locale, one=one.lower(), many=many)
    lead = say("models.lead", locale, count=count)
    return Card(title, lead=(lead,), sections=sections, locale=locale)


def comparison(compared: Comparison, locale: Locale = DEFAULT) -> Card:
    """Rows both models give, the two side by side; then what only one of them gives."""
    left, right = compared.left, compared.right
    pair = (left, right)

    def named(card: ModelCard, text: str) -> str:
        return say("named", locale, name=card.name, text=text)

    lead = [named(card, summary(card, locale)) for card in pair]
    notices = [named(card, closest(card, locale)) for card in pair if not card.exact]
    no_spec = say("model.no_spec", locale)
    notices += [named(card, no_spec) for card in pair if not card.specified]
    if not compared.rows:
        notices.append(say("compare.none", locale))
    sections = [
        Section(
            attribute_label(row.attribute, row.label, locale),
            facts=(Fact(left.name, values(row.left)), Fact(right.name, values(row.right))),
            what="rows",
        )
        for row in compared.rows
        if bool(row.left) == bool(row.right)
    ]
    one_sided = [row for row in compared.rows if bool(row.left) != bool(row.right)]
    for card, side in ((left, "left"), (right, "right")):
        given = [(row, row.left if side == "left" else row.right) for row in one_sided]
        only = tuple(
            Fact(attribute_label(row.attribute, row.label, locale), values(shown_values))
            for row, shown_values in given
            if shown_values
        )
        if only:
            title = say("compare.only", locale, name=card.name)
            sections.append(Section(title, facts=only, what="rows"))
    return Card(
        say("compare.title", locale, left=left.name, right=right.name),
        lead=tuple(lead),
        notices=tuple(notices),
        sections=tuple(sections),
        locale=locale,
    )


def person(profile: PersonProfile, locale: Locale = DEFAULT) -> Card:
    lead = [profile.role] if profile.role else []
    others = [name for name in profile.names if name != profile.name]
    if others:
        lead.append(say("person.also", locale, names=", ".join(others)))
    quotes = say(
        "person.quotes", locale, quotes=counted("count.quotes", profile.quote_count, locale)
    )
    if profile.quote_count:
        quotes += f' · /quote speaker:"{profile.name}"'
    lead.append(quotes)
    mentioned = tuple(
        Entry(source_line(source, full=True, locale=locale)) for source in profile.sources
    )
    title = say("person.mentioned", locale)
    sections = (Section(title, mentioned, what="documents"),) if mentioned else ()
    card_facts, disputes = subject_parts(
        profile.names,
        profile.facts,
        facts(profile.facts, locale),
        profile.disagreements,
        profile.notes,
        locale,
    )
    return Card(
        profile.name,
        lead=tuple(lead),
        facts=card_facts,
        sections=(*disputes, *sections),
        locale=locale,
    )
