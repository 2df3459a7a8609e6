"""The card of an organisation or a concept: MiniMax itself, an investor, a technique."""

from __future__ import annotations

from bot.cards.card import Card, Entry, Section
from bot.cards.labels import DEFAULT, Locale, say
from bot.cards.models import closest_name, common_notice, subject_card
from bot.queries.results import EntityCard


def summary(card: EntityCard, locale: Locale = DEFAULT) -> str:
    """`Investor · also written 鸿商`, `Technique · of MiniMax`."""
    others = [alias for alias in card.aliases if alias != card.name]
    parts = [
        say(f"entity.{card.kind.value}", locale),
        say("entity.part_of", locale, name=card.part_of) if card.part_of else None,
        say("entity.also", locale, names=", ".join(others)) if others else None,
    ]
    return " · ".join(p for p in parts if p)


def entity_card(card: EntityCard, locale: Locale = DEFAULT) -> Card:
    notices = []
    if card.common is not None:
        notices.append(common_notice(card.common, card.name, locale))
    elif not card.exact:
        notices.append(closest_name(card.name, card.matched, locale))
    if card.note:
        notices.append(say("entity.note", locale, note=card.note))
    named = (Entry(card.named.evidence or card.name, citations=(card.named,)),)
    mentions = tuple(Entry(m.text, citations=(m.citation,)) for m in card.mentions)
    title = say("entity.named", locale)
    main = Section(title, named + mentions, what="mentions", quoted=True)
    return subject_card(card, summary(card, locale), notices, main, locale)
