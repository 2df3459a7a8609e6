"""Terminal text for models and people: spec cards, the list of models, comparisons, profiles."""

from __future__ import annotations

from bot.domain.records import ModelKind
from bot.queries.results import Comparison, ModelCard, ModelList, PersonProfile
from bot.render.dates import format_when
from bot.render.text_common import Notes, clip, fact_lines, source_line, value_lines

NO_SPEC = "No specification is given in the corpus."
MENTION_CHARS = 300


def _maker(minimax: bool | None) -> str | None:
    if minimax is None:
        return None
    return "by MiniMax" if minimax else "not by MiniMax"


def _kind(kind: ModelKind | None) -> str | None:
    return None if kind is None else f"{kind.value} model"


def _closest(card: ModelCard) -> str:
    alias = f", by its name “{clip(card.matched, 60)}”" if card.matched != card.name else ""
    return f"(the closest match to what you typed{alias})"


def title_line(card: ModelCard) -> str:
    return " · ".join(p for p in (card.name, _kind(card.kind), _maker(card.minimax)) if p)


def render_model_card(card: ModelCard) -> str:
    notes = Notes()
    lines = [title_line(card)]
    others = [alias for alias in card.aliases if alias != card.name]
    if others:
        lines.append(f"Also called: {', '.join(others)}")
    if not card.exact:
        lines.append(_closest(card))
    if not card.specified:
        lines += ["", NO_SPEC]
        if card.facts:
            lines += ["What it does say:", *fact_lines(card.facts, notes)]
        if card.mentions:
            lines.append("Where it is mentioned:")
            for mention in card.mentions:
                refs = notes.refs([mention.citation])
                lines.append(f"  · “{clip(mention.text, MENTION_CHARS)}” {refs}")
        if not card.facts and not card.mentions:
            lines.append("The corpus names it, and says nothing more.")
    elif card.facts:
        lines += ["", *fact_lines(card.facts, notes)]
    return "\n".join(lines + notes.lines())


def render_model_list(models: ModelList) -> str:
    scope = f"{models.kind.value} models" if models.kind else "models"
    if not models.models:
        return f"The corpus names no {scope}."
    lines = [f"{len(models.models)} {scope} in the corpus:"]
    width = max(len(m.name) for m in models.models)
    for model in models.models:
        extra = [
            p
            for p in (
                None if models.kind else (model.kind.value if model.kind else None),
                _maker(model.minimax),
                format_when(model.release) if model.release else None,
            )
            if p
        ]
        lines.append(f"  {model.name:<{width}}  {' · '.join(extra)}".rstrip())
    lines += ["", "/model NAME shows a card with every value and its source."]
    return "\n".join(lines)


def render_comparison(comparison: Comparison) -> str:
    left, right = comparison.left, comparison.right
    notes = Notes()
    lines = [f"{title_line(left)}  vs  {title_line(right)}"]
    for card in (left, right):
        if not card.exact:
            lines.append(f"{card.name}: {_closest(card)}")
        if not card.specified:
            lines.append(f"{card.name}: {NO_SPEC}")
    width = max(len(left.name), len(right.name)) + 1
    for row in comparison.rows:
        lines += ["", row.label]
        for card, values in ((left, row.left), (right, row.right)):
            shown = value_lines(values, notes, "")
            lines.append(f"  {card.name + ':':<{width}}  {shown[0]}")
            lines += [f"  {'':<{width}}  {more}" for more in shown[1:]]
    if not comparison.rows:
        lines += ["", "The corpus gives no values to compare."]
    return "\n".join(lines + notes.lines())


def render_person(profile: PersonProfile) -> str:
    notes = Notes()
    lines = [profile.name + (f" — {profile.role}" if profile.role else "")]
    others = [name for name in profile.names if name != profile.name]
    if others:
        lines.append(f"Also written: {', '.join(others)}")
    count = profile.quote_count
    hint = f' (/quote speaker:"{profile.name}")' if count else ""
    lines.append(f"{count} quote{'' if count == 1 else 's'} in the corpus{hint}")
    if profile.facts:
        lines += ["", *fact_lines(profile.facts, notes)]
    if profile.sources:
        lines += ["", "Mentioned in:"]
        lines += [f"  · {source_line(source, full=True)}" for source in profile.sources]
    return "\n".join(lines + notes.lines())
