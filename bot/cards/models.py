"""Cards for models and people: a spec card, the list of models, a comparison, a profile."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from bot.cards.card import Card, Entry, Fact, Section, Value
from bot.cards.citing import plural, source_line
from bot.cards.dates import format_when
from bot.domain.records import ModelKind
from bot.domain.text import shown
from bot.queries.results import (
    Comparison,
    FactLine,
    FactValue,
    ModelCard,
    ModelList,
    PersonProfile,
)

NO_SPEC = "No specification is given in the corpus."
NOTHING_MORE = "The corpus names it, and says nothing more."
NAME_CHARS = 80
MAKERS: Mapping[bool | None, str] = MappingProxyType(
    {True: "By MiniMax", False: "Not by MiniMax", None: "Maker not stated"}
)


# What one of a kind is called, and many: "Text model", "text models"; "App", "apps".
KINDS: Mapping[ModelKind, tuple[str, str]] = MappingProxyType(
    {
        ModelKind.TEXT: ("Text model", "text models"),
        ModelKind.VISION_LANGUAGE: ("Vision-language model", "vision-language models"),
        ModelKind.SPEECH: ("Speech model", "speech models"),
        ModelKind.AUDIO: ("Audio model", "audio models"),
        ModelKind.MUSIC: ("Music model", "music models"),
        ModelKind.VIDEO: ("Video model", "video models"),
        ModelKind.MODEL: ("Model", "models of unstated kind"),
        ModelKind.APP: ("App", "apps"),
        ModelKind.PRODUCT: ("Product", "products"),
        ModelKind.PLATFORM: ("Platform", "platforms"),
        ModelKind.SERIES: ("Model series", "model series"),
    }
)


def kind_label(kind: ModelKind | None) -> str | None:
    return None if kind is None else KINDS[kind][0]


def maker_label(minimax: bool | None) -> str | None:
    return None if minimax is None else "by MiniMax" if minimax else "not by MiniMax"


def summary(card: ModelCard) -> str:
    """`Text model · by MiniMax · also called M2`."""
    others = [alias for alias in card.aliases if alias != card.name]
    also = f"also called {', '.join(others)}" if others else None
    return " · ".join(p for p in (kind_label(card.kind), maker_label(card.minimax), also) if p)


def closest(card: ModelCard) -> str:
    by = f", by its name “{shown(card.matched, NAME_CHARS)}”" if card.matched != card.name else ""
    return f"Closest match for what you typed{by}."


def values(given: Sequence[FactValue]) -> tuple[Value, ...]:
    return tuple(Value(value.value, value.citations) for value in given)


def facts(lines: Sequence[FactLine]) -> tuple[Fact, ...]:
    return tuple(Fact(line.label, values(line.values), line.disputed) for line in lines)


def model_card(card: ModelCard) -> Card:
    notices = [] if card.exact else [closest(card)]
    main = None
    if not card.specified:
        notices.append(NO_SPEC)
        if not card.facts and not card.mentions:
            notices.append(NOTHING_MORE)
        mentions = tuple(Entry(m.text, citations=(m.citation,)) for m in card.mentions)
        if mentions:
            main = Section("Where it is mentioned", mentions, what="more mentions", quoted=True)
    return Card(
        card.name,
        lead=(summary(card),),
        notices=tuple(notices),
        main=main,
        facts=facts(card.facts),
    )


def model_list(models: ModelList) -> Card:
    one, scope = KINDS[models.kind] if models.kind else ("Model", "models")
    title = f"{scope.capitalize()} in the corpus"
    if not models.models:
        return Card(title, lead=(f"The corpus names no {scope}.",))
    groups: dict[bool | None, list[Entry]] = {maker: [] for maker in MAKERS}
    for model in models.models:
        kind = None if models.kind or model.kind is None else model.kind.value
        release = format_when(model.release) if model.release else None
        text = " · ".join(p for p in (kind, release) if p)
        groups[model.minimax].append(Entry(text, label=model.name))
    sections = tuple(
        Section(f"{MAKERS[maker]} ({len(entries)})", tuple(entries), what="more models")
        for maker, entries in groups.items()
        if entries
    )
    number = len(models.models)
    count = f"{number:,} {one.lower() if number == 1 else scope}"
    lead = f"{count}. /model NAME shows a card with every value and its source."
    return Card(title, lead=(lead,), sections=sections)


def comparison(compared: Comparison) -> Card:
    """Rows both models give, the two side by side; then what only one of them gives."""
    left, right = compared.left, compared.right
    lead = [f"{card.name}: {summary(card)}" for card in (left, right)]
    notices = [f"{card.name}: {closest(card)}" for card in (left, right) if not card.exact]
    notices += [f"{card.name}: {NO_SPEC}" for card in (left, right) if not card.specified]
    if not compared.rows:
        notices.append("The corpus gives no values to compare.")
    what = "more rows; /model shows each card in full"
    sections = [
        Section(
            row.label,
            facts=(Fact(left.name, values(row.left)), Fact(right.name, values(row.right))),
            what=what,
        )
        for row in compared.rows
        if bool(row.left) == bool(row.right)
    ]
    one_sided = [row for row in compared.rows if bool(row.left) != bool(row.right)]
    for card, side in ((left, "left"), (right, "right")):
        given = [(row.label, row.left if side == "left" else row.right) for row in one_sided]
        only = tuple(
            Fact(label, values(shown_values)) for label, shown_values in given if shown_values
        )
        if only:
            sections.append(Section(f"Only for {card.name}", facts=only, what=what))
    return Card(
        f"{left.name} vs {right.name}",
        lead=tuple(lead),
        notices=tuple(notices),
        sections=tuple(sections),
    )


def person(profile: PersonProfile) -> Card:
    lead = [profile.role] if profile.role else []
    others = [name for name in profile.names if name != profile.name]
    if others:
        lead.append(f"Also written: {', '.join(others)}")
    quotes = f"{plural(profile.quote_count, 'quote')} in the corpus"
    if profile.quote_count:
        quotes += f' · /quote speaker:"{profile.name}"'
    lead.append(quotes)
    mentioned = tuple(Entry(source_line(source, full=True)) for source in profile.sources)
    sections = (Section("Mentioned in", mentioned, what="more documents"),) if mentioned else ()
    return Card(profile.name, lead=tuple(lead), facts=facts(profile.facts), sections=sections)
