"""Embeds for models and people: spec cards, the list of models, comparisons, profiles."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from bot.domain.records import ModelKind
from bot.queries.results import (
    Comparison,
    ComparisonRow,
    FactValue,
    Mention,
    ModelCard,
    ModelList,
    PersonProfile,
)
from bot.render.dates import format_when
from bot.render.embeds_common import (
    FIELD_VALUE_LIMIT,
    TITLE_LIMIT,
    Detail,
    Layout,
    chunk_lines,
    join_within,
    safe,
    safe_cut,
)
from bot.render.embeds_notes import (
    EmbedNotes,
    Field,
    add_cited_fields,
    add_cited_group,
    add_sources,
    cited_lines,
    fact_builders,
    values_text,
)
from bot.render.text_common import source_line

NO_SPEC = "The corpus mentions this model but gives no specification."
NOTHING_MORE = "The corpus names it, and says nothing more."
NAME_CHARS = 80  # a model's name in a comparison row, where two share a field
LABEL_ROOM = NAME_CHARS + len("**:**\n")  # `**MiniMax-M2:**` before a value
ROWS_LEFT_OUT = "more rows; /model shows each card in full"
LABEL_CHARS = 200
LINE_CHARS = 600  # a line of a description: aliases, a role


def kind_label(kind: ModelKind | None) -> str | None:
    if kind is None:
        return None
    return "App" if kind is ModelKind.APP else f"{kind.value.capitalize()} model"


def maker_label(minimax: bool | None) -> str | None:
    return None if minimax is None else "MiniMax" if minimax else "Competitor"


def summary(card: ModelCard) -> str:
    """`Text model · MiniMax · also called M2`."""
    others = [alias for alias in card.aliases if alias != card.name]
    also = f"also called {', '.join(others)}" if others else None
    parts = [kind_label(card.kind), maker_label(card.minimax), also]
    return safe_cut(" · ".join(p for p in parts if p), LINE_CHARS, flat=True)


def closest(card: ModelCard) -> str:
    matched = safe_cut(card.matched, NAME_CHARS, flat=True)
    by = f", by its name “{matched}”" if card.matched != card.name else ""
    return f"*Closest match for what you typed{by}.*"


def _mention(mention: Mention, notes: EmbedNotes, chars: int) -> str:
    text = safe_cut(mention.text, chars, flat=True)
    return f"• “{text}” {notes.refs([mention.citation])}"


def card_embed(card: ModelCard, layout: Layout) -> None:
    embed = layout.embed
    embed.title = safe_cut(card.name, TITLE_LIMIT)
    head = [summary(card)]
    if not card.exact:
        head.append(closest(card))
    notes = EmbedNotes()
    if not card.specified:
        head += ["", f"**{NO_SPEC}**"]
        if not card.facts and not card.mentions:
            head.append(NOTHING_MORE)
        elif card.mentions:
            head.append("Where it is mentioned:")
        mentions = [partial(_mention, m, chars=layout.detail.text) for m in card.mentions]
        embed.description = cited_lines(layout, "\n".join(head), mentions, notes, "more mentions")
    else:
        embed.description = "\n".join(head)
    add_cited_fields(layout, fact_builders(card.facts, layout.detail), notes, "more facts")


def model_list_embed(models: ModelList, layout: Layout) -> None:
    embed = layout.embed
    scope = f"{models.kind.value} models" if models.kind else "models"
    embed.title = f"{scope.capitalize()} in the corpus"
    if not models.models:
        embed.description = f"The corpus names no {scope}."
        return
    embed.description = (
        f"{len(models.models)} {scope}. `/model NAME` shows a card with every value and its source."
    )
    groups: dict[bool | None, list[str]] = {True: [], False: [], None: []}
    for model in models.models:
        parts = [
            None if models.kind or model.kind is None else model.kind.value,
            format_when(model.release) if model.release else None,
        ]
        extra = " · ".join(p for p in parts if p)
        name = f"**{safe_cut(model.name, NAME_CHARS, flat=True)}**"
        groups[model.minimax].append(name + (f" · {extra}" if extra else ""))
    titles = {True: "By MiniMax", False: "By others", None: "Maker not stated"}
    fields = []
    for maker, lines in groups.items():
        for number, chunk in enumerate(chunk_lines(lines)):
            name = f"{titles[maker]} ({len(lines)})" + (" (continued)" if number else "")
            fields.append((name, chunk))
    layout.add_all(fields, "more groups")


def _labelled(label: str, values: Sequence[FactValue], text: str) -> str:
    return f"{label}\n{text}" if len(values) > 1 else f"{label} {text}"


def _row(row: ComparisonRow, comparison: Comparison, layout: Layout, notes: EmbedNotes) -> Field:
    half = (FIELD_VALUE_LIMIT - 1) // 2 - LABEL_ROOM
    sides = []
    for card, values in ((comparison.left, row.left), (comparison.right, row.right)):
        text = values_text(values, notes, layout.detail, limit=half)
        sides.append(_labelled(f"**{safe_cut(card.name, NAME_CHARS)}:**", values, text))
    return Field(safe_cut(row.label, LABEL_CHARS, flat=True), "\n".join(sides))


def _one_sided(label: str, values: Sequence[FactValue], detail: Detail, notes: EmbedNotes) -> str:
    text = values_text(values, notes, detail, limit=FIELD_VALUE_LIMIT - LABEL_ROOM)
    return _labelled(f"**{safe_cut(label, NAME_CHARS)}:**", values, text)


def comparison_embed(comparison: Comparison, layout: Layout) -> None:
    """Rows both models give, one field each with the two side by side; then what only one of
    them gives, packed per model, so more rows fit in Discord's 25 fields."""
    embed = layout.embed
    left, right = comparison.left, comparison.right
    embed.title = safe_cut(f"{left.name} vs {right.name}", TITLE_LIMIT)
    lines = []
    for card in (left, right):
        lines.append(f"**{safe_cut(card.name, NAME_CHARS)}**: {summary(card)}")
        if not card.exact:
            lines.append(closest(card))
        if not card.specified:
            lines.append(NO_SPEC)
    if not comparison.rows:
        lines += ["", "The corpus gives no values to compare."]
    embed.description = "\n".join(lines)
    notes = EmbedNotes()
    shared = [r for r in comparison.rows if bool(r.left) == bool(r.right)]
    rows = [partial(_row, row, comparison, layout) for row in shared]
    add_cited_fields(layout, rows, notes, ROWS_LEFT_OUT, sources=False, later=2)
    one_sided = [r for r in comparison.rows if bool(r.left) != bool(r.right)]
    given = (
        (left, [(r.label, r.left) for r in one_sided if r.left]),
        (right, [(r.label, r.right) for r in one_sided if r.right]),
    )
    for later, (card, labelled) in zip((1, 0), given, strict=True):
        lines_of = [partial(_one_sided, label, values, layout.detail) for label, values in labelled]
        name = f"Only for {safe_cut(card.name, NAME_CHARS)}"
        add_cited_group(layout, name, lines_of, notes, ROWS_LEFT_OUT, later=later)
    add_sources(layout, notes)


def person_embed(profile: PersonProfile, layout: Layout) -> None:
    embed = layout.embed
    embed.title = safe_cut(profile.name, TITLE_LIMIT)
    lines = [safe_cut(profile.role, LINE_CHARS, flat=True)] if profile.role else []
    others = [name for name in profile.names if name != profile.name]
    if others:
        lines.append(f"Also written: {safe_cut(', '.join(others), LINE_CHARS, flat=True)}")
    count = profile.quote_count
    quotes = f"{count} quote{'' if count == 1 else 's'} in the corpus"
    if count:
        quotes += f' · /quote speaker:"{safe_cut(profile.name, NAME_CHARS)}"'
    lines.append(quotes)
    if profile.sources:
        mentioned = [f"• {safe(source_line(source, full=True))}" for source in profile.sources]
        lines += ["", "**Mentioned in**", join_within(mentioned, LINE_CHARS * 2, "more documents")]
    embed.description = "\n".join(lines)
    facts = fact_builders(profile.facts, layout.detail)
    add_cited_fields(layout, facts, EmbedNotes(), "more facts")
