"""Models and facts from a markdown article's tables, spec sections and `**Key**: value` lines.

The rules read the form of the article, never the names in it:
- a table with a `Model` column lists models, one per row; a table whose header names models as
  columns (`| Feature | A-1 | B-2 |`) compares them, one fact per row and column;
- a heading whose subject is a model (`#### **X-1 (Flagship)**`, `(Latest: X-2)` names X-2) and
  a bold label line that starts with a model's name (`**X-1 MoE Specifications:**`) open a spec
  block: every `**Key**: value` line in it is a fact of that model;
- any other table with an `Amount` column is a ledger (funding rounds): subject = first cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from bot.domain.names import name_key
from bot.domain.records import Fact, ModelKind, ModelMention
from bot.ingest.forms.markdown import Line, Section, Table, clean_title

MAKER = "MiniMax"  # the company the corpus is about: its models are `minimax=True`

_KINDS: tuple[tuple[re.Pattern[str], ModelKind], ...] = (
    (re.compile(r"speech|\btts\b|voice", re.I), ModelKind.SPEECH),
    (re.compile(r"audio|sound", re.I), ModelKind.AUDIO),
    (re.compile(r"music|song", re.I), ModelKind.MUSIC),
    (re.compile(r"video", re.I), ModelKind.VIDEO),
    (re.compile(r"vision|multimodal|\bvl\b", re.I), ModelKind.VISION_LANGUAGE),
    (re.compile(r"\btext\b|foundation|\bllms?\b|language model|reasoning", re.I), ModelKind.TEXT),
)
_LINEAGE = re.compile(r"lineage|timeline|\breleases?\b|family|portfolio|line-?up", re.I)
_VERSUS = re.compile(r"\bvs\b|versus|compar|competitor|benchmark|landscape", re.I)
_SPECS = re.compile(r"\bmodels?\b|specification|\bspecs?\b", re.I)
_LATEST = re.compile(r"(?:latest|current|newest|now)\s*:\s*(?P<name>.+)", re.I)
_PAREN = re.compile(r"(?P<base>.*?)\s*\((?P<note>[^()]*)\)")
_MODEL_LIKE = re.compile(r"(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9][\w.+-]*(?: [\w.+-]+){0,2}")
_SIZE = r"~?\d[\d.,]*\s?[KMBT]\+?"
_SPLITS = (
    re.compile(rf"(?P<total>{_SIZE})\s*\((?P<active>{_SIZE})\s+active\b"),
    re.compile(rf"(?P<total>{_SIZE})\s+total\b[,;]?\s*(?P<active>{_SIZE})\s+active\b"),
)
_QUANTITY = re.compile(rf"{_SIZE}(?=$|[\s,;(])|~?\d[\d,]*(?=$|[\s,;(])")
_COUNTS = re.compile(r"(?P<n>\d[\d,]*)\s+(?P<what>layers|attention heads|experts)\b", re.I)
_SYNONYMS = {
    "released": "release",
    "release_date": "release",
    "params": "parameters",
    "context_window": "context",
    "context_length": "context",
    "licensing": "licence",
    "license": "licence",
    "licensed": "licence",
    "pricing": "price",
    "benchmark": "benchmarks",
    "number_of_experts": "experts",
    "number_of_layers": "layers",
    "heads": "attention_heads",
}
_SKIPPED = {"resources", "links", "link"}  # columns of links only
_LEADING_QUANTITY = {
    "total_parameters",
    "active_parameters",
    "experts",
    "layers",
    "attention_heads",
}
_PLACEHOLDERS = {"", "-", "—", "–", "n/a"}
_MARKS = {"✅": "yes", "✔": "yes", "✓": "yes", "❌": "no", "✗": "no", "✘": "no"}


def kind_of(*texts: str) -> ModelKind | None:
    """The first kind whose keywords occur, trying the texts in order."""
    for text in texts:
        for pattern, kind in _KINDS:
            if pattern.search(text):
                return kind
    return None


def attribute_name(key: str) -> str:
    """`Key Features` -> `key_features`; synonyms fold: `Licensing` -> `licence`."""
    snake = re.sub(r"[^0-9a-z]+", "_", clean_title(key).casefold()).strip("_")
    return _SYNONYMS.get(snake, snake)


def own_path(section: Section | None) -> bool:
    """Under a heading about the company's own lineage/timeline, and not a comparison."""
    titles = () if section is None else (*section.path, section.title)
    return any(_LINEAGE.search(t) for t in titles) and not any(_VERSUS.search(t) for t in titles)


def section_texts(section: Section | None) -> tuple[str, ...]:
    """The heading titles above a line, innermost first."""
    return () if section is None else (section.title, *reversed(section.path))


def heading_subject(title: str) -> str:
    """`X-1 (Flagship)` -> `X-1`; `Family (Latest: X-2)` -> `X-2`."""
    if paren := _PAREN.fullmatch(title):
        if latest := _LATEST.fullmatch(paren["note"].strip()):
            return latest["name"].strip()
        return paren["base"].strip()
    return title


def model_like(text: str) -> bool:
    """Up to three words with a letter and a digit: `DeepSeek-V3`, `GPT-4 Turbo`, `Qwen2.5-Max`."""
    return bool(_MODEL_LIKE.fullmatch(text))


def spec_subject(section: Section, known: Catalogue) -> str | None:
    """The model a heading is about: a known model, or a one-word model-like name (`X-1`) under
    a heading about models or specifications."""
    name = heading_subject(section.title)
    under_specs = any(_SPECS.search(t) for t in section.path)
    if name in known or (" " not in name and model_like(name) and under_specs):
        return name
    return None


def _value(value: str) -> str:
    for mark, word in _MARKS.items():
        if value.startswith(mark):
            return f"{word}{value[len(mark) :]}".replace("\ufe0f", "")
    return value


def facts(subject: str, key: str, value: str, line: Line) -> list[Fact]:
    """The facts one `key: value` gives (value free of markup), derived values included."""
    attribute = attribute_name(key)
    value = _value(value)
    if not attribute or attribute in _SKIPPED or value.casefold() in _PLACEHOLDERS:
        return []

    def fact(attribute: str, value: str) -> Fact:
        return Fact(
            subject=subject, attribute=attribute, value=value, passage=line.passage,
            evidence=line.text,
        )  # fmt: skip

    if attribute in _LEADING_QUANTITY and (quantity := _QUANTITY.match(value)):
        return [fact(attribute, quantity.group())]
    found = [fact(attribute, value)]
    if attribute == "parameters":
        for pattern in _SPLITS:
            if split := pattern.match(value):
                found += [fact("total_parameters", split["total"])]
                found += [fact("active_parameters", split["active"])]
                break
    if attribute == "architecture":
        for count in _COUNTS.finditer(value):
            found.append(fact(attribute_name(count["what"]), count["n"]))
    return found


@dataclass
class Catalogue:
    """Models the document names, by name key: what they are called, their kind, who makes them."""

    names: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, ModelKind] = field(default_factory=dict)
    own: set[str] = field(default_factory=set)

    def add(self, name: str, kind: ModelKind | None, own: bool) -> None:
        key = name_key(name)
        self.names.setdefault(key, name)
        if kind is not None:
            self.kinds.setdefault(key, kind)
        if own:
            self.own.add(key)

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self.names

    def minimax(self, name: str, *, default: bool | None) -> bool | None:
        if name_key(name).startswith(name_key(MAKER)) or name_key(name) in self.own:
            return True
        return default

    def starting(self, label: str) -> str | None:
        """The longest known model name that `label` starts with, as a whole word."""
        best: str | None = None
        for name in self.names.values():
            rest = label[len(name) :]
            if label.startswith(name) and (not rest or not (rest[0].isalnum() or rest[0] in "-.")):
                best = name if best is None or len(name) > len(best) else best
        return best


def model_column(table: Table) -> str | None:
    return next((h for h in table.header if h.casefold() == "model"), None)


def compared_models(table: Table) -> tuple[str, ...]:
    """The model names of a table whose header row names models as columns, else ()."""
    models = table.header[1:]
    if model_column(table) or len(models) < 2 or not all(model_like(m) for m in models):
        return ()
    return models


def model_rows(table: Table, catalogue: Catalogue) -> Iterator[tuple[ModelMention, list[Fact]]]:
    """One mention per row of a table with a `Model` column, with the row's values as facts."""
    column = model_column(table)
    if column is None:
        return
    own = own_path(table.section)
    type_column = next((h for h in table.header if h.casefold() == "type"), None)
    for row in table.rows:
        name = row.get(column)
        if name.casefold() in _PLACEHOLDERS:
            continue
        type_kind = kind_of(row.get(type_column)) if type_column else None
        kind = (
            type_kind
            or kind_of(*section_texts(table.section))
            or catalogue.kinds.get(name_key(name))
        )
        mention = ModelMention(
            name=name,
            kind=kind,
            minimax=catalogue.minimax(name, default=own),
            passage=row.line.passage,
            evidence=row.line.text,
        )
        found = [f for h, cell in row.cells if h != column for f in facts(name, h, cell, row.line)]
        yield mention, found


def comparison(table: Table, catalogue: Catalogue) -> Iterator[tuple[ModelMention, list[Fact]]]:
    """One mention per model column; each row gives one fact per model column."""
    models = compared_models(table)
    if not models or not table.rows:
        return
    first = table.rows[0].line
    for index, name in enumerate(models, start=1):
        mention = ModelMention(
            name=name,
            kind=catalogue.kinds.get(name_key(name)),
            minimax=catalogue.minimax(name, default=False),
            passage=first.passage,
            evidence=table.header_text,
        )
        found: list[Fact] = []
        for row in table.rows:
            cell = row.cells[index][1] if index < len(row.cells) else ""
            found += facts(name, row.cells[0][1], cell, row.line)
        yield mention, found


def ledger(table: Table) -> list[Fact]:
    """Facts of a table with an `Amount` column (funding rounds): subject = the first cell."""
    if model_column(table) or compared_models(table) or "amount" not in _folded(table.header):
        return []
    found: list[Fact] = []
    for row in table.rows:
        subject = row.cells[0][1]
        found += [f for h, cell in row.cells[1:] for f in facts(subject, h, cell, row.line)]
    return found


def _folded(texts: Iterable[str]) -> set[str]:
    return {t.casefold() for t in texts}


def catalogue_of(tables: Iterable[Table]) -> Catalogue:
    """Every model the tables name; own lineage tables first, so competitor tables can defer."""
    catalogue = Catalogue()
    tables = sorted(tables, key=lambda t: not own_path(t.section))
    for table in tables:
        for mention, _ in model_rows(table, catalogue):
            catalogue.add(mention.name, mention.kind, bool(mention.minimax))
        for name in compared_models(table):
            catalogue.add(name, None, False)
    return catalogue
