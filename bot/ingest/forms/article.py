"""Markdown article: a `# ` title, `##`… sections, paragraphs, bullets, tables and code blocks.

Passages are every heading, paragraph, bullet line, table data row and code block. Models and
facts come from the tables and spec blocks (see `specs`); people from bold name lines
`**Latin Name / 中文名 (Role)**`, from tables with `Name …` columns and from author lists
(see `authors`). A `**Key**: value` line belongs to the nearest subject above it in its
section: a bold label naming a known model or a person, else the spec section's model, else (a
plain paragraph line, not a bullet) the company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.errors import IngestError
from bot.domain.names import name_key
from bot.domain.records import (
    Document,
    DocumentKind,
    Fact,
    ModelMention,
    ParsedDocument,
    PassageKind,
    PersonMention,
    Quote,
)
from bot.ingest.forms.authors import author_mentions
from bot.ingest.forms.markdown import (
    Line,
    Outline,
    Section,
    Table,
    clean_inline,
    clean_title,
    key_value,
    language_of,
    outline,
)
from bot.ingest.forms.specs import (
    MAKER,
    Catalogue,
    catalogue_of,
    comparison,
    facts,
    kind_of,
    ledger,
    model_rows,
    own_path,
    spec_subject,
)
from bot.ingest.quoted import quoted

_PERSON = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3})\s*/\s*(?P<others>[^()]+?)"
    r"\s*(?:\((?P<role>.+)\))?"
)
_ROLE_COLUMN = re.compile(r"role|title|position|affiliation", re.I)
_NO_NAME = {"", "-", "—", "–", "n/a"}


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    other_names: tuple[str, ...]
    role: str | None


def person_label(label: str) -> _Person | None:
    """`Yan Junjie / 颜俊杰 (Co-founder & CEO)` as name, other names and role."""
    if not (match := _PERSON.fullmatch(label)):
        return None
    others = tuple(o.strip() for o in match["others"].split("/") if o.strip() not in _NO_NAME)
    return _Person(match["name"], others, match["role"].strip() if match["role"] else None)


def _table_people(table: Table) -> list[PersonMention]:
    names = [h for h in table.header if h.casefold().startswith("name")]
    if not names:
        return []
    primary = next((h for h in names if "english" in h.casefold()), names[0])
    role = next((h for h in table.header if _ROLE_COLUMN.search(h)), None)
    found: list[PersonMention] = []
    for row in table.rows:
        if (name := row.get(primary)) in _NO_NAME:
            continue
        others = tuple(row.get(h) for h in names if h != primary and row.get(h) not in _NO_NAME)
        found.append(
            PersonMention(
                name=name,
                other_names=others,
                role=(row.get(role) or None) if role else None,
                passage=row.line.passage,
                evidence=row.line.text,
            )
        )
    return found


def _people(doc: Outline) -> list[PersonMention]:
    found: list[PersonMention] = []
    for line in doc.lines:
        if line.is_label and (person := person_label(clean_title(line.text))):
            found.append(
                PersonMention(
                    name=person.name,
                    other_names=person.other_names,
                    role=person.role,
                    passage=line.passage,
                    evidence=line.text,
                )
            )
    for table in doc.tables:
        found += _table_people(table)
    found += author_mentions(doc.lines)
    return sorted(found, key=lambda p: p.passage)


def _quotes(doc: Outline) -> list[Quote]:
    """Quotations in the article's lines; under a person's bold name line, theirs
    (`- **Vision**: "..."` in a founder's profile), else the article does not say whose."""
    found: list[Quote] = []
    for line in doc.lines:
        if line.kind is PassageKind.TABLE_ROW:
            continue
        person = person_label(clean_title(line.label.text)) if line.label else None
        for quotation in quoted(line.text, ()):
            found.append(
                Quote(
                    passage=line.passage,
                    speaker=person.name if person else None,
                    text=quotation.words,
                    start=line.start + quotation.start,
                    end=line.start + quotation.end,
                )
            )
    return found


class _Specs:
    """Resolves which subject each `**Key**: value` line speaks about, and collects it."""

    def __init__(self, doc: Outline, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.models: list[ModelMention] = []
        self.facts: list[Fact] = []
        self.sections: dict[int, str] = {}  # heading passage -> model name
        self.labels: dict[int, str | None] = {}  # label line start -> the subject it names
        self.pairs = [
            (line, pair)
            for line in doc.lines
            if line.kind in (PassageKind.BULLET, PassageKind.PARAGRAPH) and not line.is_label
            if (pair := key_value(line.text))
        ]
        with_pairs = {line.section.passage for line, _ in self.pairs if line.section}
        for section in doc.sections:
            if section.passage in with_pairs:
                self.spec_section(section)

    def mention(self, name: str, line_text: str, passage: int, hint: str, own: bool) -> None:
        kind = self.catalogue.kinds.get(name_key(name)) or kind_of(hint)
        minimax = self.catalogue.minimax(name, default=True if own else None)
        self.catalogue.add(name, kind, bool(minimax))
        self.models.append(
            ModelMention(name=name, kind=kind, minimax=minimax, passage=passage, evidence=line_text)
        )

    def spec_section(self, section: Section) -> None:
        if name := spec_subject(section, self.catalogue):
            self.sections[section.passage] = name
            self.mention(name, section.text, section.passage, section.title, own_path(section))

    def label_subject(self, label: Line) -> str | None:
        """The model (mentioned once) or person a bold label line names; memoised per label."""
        if label.start not in self.labels:
            text = clean_title(label.text)
            model = self.catalogue.starting(text)
            if model:
                self.mention(model, label.text, label.passage, text, False)
            person = None if model else person_label(text)
            self.labels[label.start] = model or (person.name if person else None)
        return self.labels[label.start]

    def subject(self, line: Line) -> str | None:
        if line.label is not None and (named := self.label_subject(line.label)):
            return named
        if line.section is not None and line.section.passage in self.sections:
            return self.sections[line.section.passage]
        return MAKER if line.kind is PassageKind.PARAGRAPH else None

    def collect(self) -> None:
        for line, (key, value) in self.pairs:
            if subject := self.subject(line):
                self.facts += facts(subject, key, clean_inline(value), line)


def parse(file: str, text: str, sha256: str) -> ParsedDocument:
    """Parse a markdown article (text already repaired)."""
    doc = outline(text, file)
    title = doc.title or next((s.title for s in doc.sections), None)
    if not title:
        raise IngestError(file, "a markdown article needs a '# ' title heading", 1)
    document = Document(
        file=file,
        title=title,
        kind=DocumentKind.ARTICLE,
        language=language_of(text),
        sha256=sha256,
        text=text,
    )
    catalogue = catalogue_of(doc.tables)
    specs = _Specs(doc, catalogue)  # adds the spec sections' models to the catalogue
    models: list[ModelMention] = []
    found: list[Fact] = []
    for table in doc.tables:
        for mention, table_facts in [*model_rows(table, catalogue), *comparison(table, catalogue)]:
            models.append(mention)
            found += table_facts
        found += ledger(table)
    specs.collect()
    return ParsedDocument(
        document=document,
        passages=doc.passages,
        quotes=tuple(_quotes(doc)),
        people=tuple(_people(doc)),
        models=tuple(sorted([*models, *specs.models], key=lambda m: m.passage)),
        facts=tuple(sorted([*found, *specs.facts], key=lambda f: f.passage or 0)),
    )
