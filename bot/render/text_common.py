"""Pieces every terminal answer shares: citations, numbered source notes, facts, quotes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.queries.results import Citation, FactLine, FactValue, QuoteAnswer, Source
from bot.render.dates import format_when

TITLE_CHARS = 70
HEADING_CHARS = 80
EVIDENCE_CHARS = 160
LABEL_WIDTH = 24  # fact labels are padded to line up, up to this width
DISPUTED = "the sources disagree"


def plural(count: int, word: str) -> str:
    """`1 passage`, `1,204 passages`."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def clip(text: str, limit: int) -> str:
    """`text` on one line, cut at a word with an ellipsis when longer than `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


def source_name(source: Source) -> str:
    """The outlet, else the title: what a reader recognises a source by."""
    return source.outlet or f"“{clip(source.title, TITLE_CHARS)}”"


def source_line(source: Source, *, full: bool = False) -> str:
    """`Crossing, 2026-06-21`; with `full`, the title too."""
    parts = [source_name(source)]
    if full and source.outlet:
        parts.append(f"“{clip(source.title, TITLE_CHARS)}”")
    if source.published is not None:
        parts.append(format_when(source.published))
    return ", ".join(parts)


def clip_heading(heading: str, limit: int = HEADING_CHARS) -> str:
    """A heading path, its outer levels dropped first: the innermost says the most."""
    parts = [" ".join(part.split()) for part in heading.split(" › ")]
    for drop in range(len(parts)):
        text = " › ".join(["…", *parts[drop:]] if drop else parts)
        if len(text) <= limit:
            return text
    return clip(f"… › {parts[-1]}", limit)


def cite(citation: Citation, *, full: bool = False) -> str:
    """One line: source, date and heading (`LatePost, 2024-04-18 › Part 1`)."""
    line = source_line(citation.source, full=full)
    if citation.heading:
        line += f" › {clip_heading(citation.heading)}"
    return line


class Notes:
    """Numbered citations for one answer: `[1]` beside a value; below, the sources, each with
    its headings and the verbatim evidence of each note."""

    def __init__(self) -> None:
        self._numbers: dict[Citation, int] = {}

    def refs(self, citations: Iterable[Citation]) -> str:
        numbers = [self._numbers.setdefault(c, len(self._numbers) + 1) for c in citations]
        return "".join(f"[{n}]" for n in dict.fromkeys(numbers))

    def lines(self, title: str = "Sources") -> list[str]:
        if not self._numbers:
            return []
        groups: dict[Source, dict[str | None, list[tuple[int, str | None]]]] = {}
        for citation, number in self._numbers.items():
            headings = groups.setdefault(citation.source, {})
            headings.setdefault(citation.heading, []).append((number, citation.evidence))
        lines = ["", f"{title}:"]
        for source, headings in groups.items():
            lines.append(f"  {source_line(source, full=True)}")
            for heading, notes in headings.items():
                where = f"› {clip_heading(heading)}" if heading else "(the document)"
                bare = "".join(f"[{n}]" for n, evidence in notes if not evidence)
                lines.append(f"    {bare} {where}" if bare else f"    {where}")
                lines += [
                    f"      [{n}] “{clip(evidence, EVIDENCE_CHARS)}”"
                    for n, evidence in notes
                    if evidence
                ]
        return lines


def _value(value: FactValue, notes: Notes) -> str:
    refs = notes.refs(value.citations)
    return f"{value.value} {refs}" if refs else value.value


def fact_lines(facts: Sequence[FactLine], notes: Notes, indent: str = "  ") -> list[str]:
    """Each fact on a line; several values (or a disagreement) one per line beneath it."""
    width = min(max((len(f.label) for f in facts), default=0), LABEL_WIDTH)
    lines: list[str] = []
    for fact in facts:
        if len(fact.values) == 1 and not fact.disputed:
            lines.append(f"{indent}{fact.label:<{width}}  {_value(fact.values[0], notes)}")
            continue
        lines.append(f"{indent}{fact.label}" + (f"  ({DISPUTED})" if fact.disputed else ":"))
        lines += [f"{indent}  · {_value(value, notes)}" for value in fact.values]
    return lines


def value_lines(values: Sequence[FactValue], notes: Notes, indent: str) -> list[str]:
    if not values:
        return [f"{indent}(not given)"]
    return [f"{indent}{_value(value, notes)}" for value in values]


def speaker_line(quote: QuoteAnswer) -> str:
    who = quote.speaker or quote.speaker_as_written or "an unnamed speaker"
    written = quote.speaker_as_written
    if quote.speaker and written and written != quote.speaker:
        who += f" (written “{written}”)"
    return f"  — {who}"


def quote_lines(quote: QuoteAnswer) -> list[str]:
    """The quote, who said it, the question it answers and where it was said."""
    lines = [f"“{quote.text.strip()}”", speaker_line(quote)]
    if quote.question:
        lines.append(f"  Asked: “{clip(quote.question, 400)}”")
    lines.append(f"  Source: {cite(quote.citation, full=True)}")
    return lines
