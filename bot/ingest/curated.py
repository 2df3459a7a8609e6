"""The curated facts file (`seeds/curated.toml`): load it, check each snippet in its document."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from bot.domain.entities import CONCEPT_KINDS, ORGANISATION_KINDS, Entity, EntityKind
from bot.domain.errors import IngestError
from bot.domain.records import (
    ConflictingValue,
    DisagreementKind,
    Event,
    EventKind,
    Fact,
    FuzzyDate,
    ModelKind,
)
from bot.fingerprints import CURATED_FILE as CURATED_FILE  # its name, where ingest reads it


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @field_validator("evidence", check_fields=False)
    @classmethod
    def _evidence_says_something(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError(
                "evidence is empty or only whitespace (an empty snippet is in every text)"
            )
        return value

    @field_validator("name", check_fields=False)
    @classmethod
    def _name_says_something(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("name is empty or only whitespace")
        return value


class Evidence(_Entry):
    document: str
    evidence: str


class Alias(Evidence):
    name: str


class CuratedPerson(_Entry):
    name: str
    role: str | None = None
    document: str
    evidence: str
    aliases: tuple[Alias, ...] = ()


class CuratedModel(_Entry):
    name: str
    kind: ModelKind | None = None
    minimax: bool | None = None
    document: str | None = None  # where the name itself is written, when no alias says so
    evidence: str | None = None
    aliases: tuple[Alias, ...] = ()


class CuratedEntity(_Entry):
    """An organisation or a concept: where the corpus names it, and its other names there."""

    name: str
    kind: EntityKind
    part_of: str | None = None
    document: str
    evidence: str
    aliases: tuple[Alias, ...] = ()
    note: str | None = None  # the team's, shown as such

    def as_entity(self) -> Entity:
        names = (self.name, *(a.name for a in self.aliases if a.name != self.name))
        return Entity(
            name=self.name,
            aliases=tuple(dict.fromkeys(names)),
            kind=self.kind,
            part_of=self.part_of,
            file=self.document,
            evidence=self.evidence,
            note=self.note,
        )


class CuratedOrganisation(CuratedEntity):
    @field_validator("kind")
    @classmethod
    def _an_organisation(cls, kind: EntityKind) -> EntityKind:
        if kind not in ORGANISATION_KINDS:
            raise ValueError(f"{kind} is not a kind of organisation (a [[concept]]?)")
        return kind


class CuratedConcept(CuratedEntity):
    @field_validator("kind")
    @classmethod
    def _a_concept(cls, kind: EntityKind) -> EntityKind:
        if kind not in CONCEPT_KINDS:
            raise ValueError(f"{kind} is not a kind of concept (an [[organisation]]?)")
        return kind


class CuratedQuote(_Entry):
    """Words the corpus gives someone that no parser reads as a quotation: a publisher's own
    introduction (its "we"), a view the narrative reports. `text` is verbatim, and so is
    `question` (what it answers), when given."""

    speaker: str
    text: str
    question: str | None = None
    document: str

    @field_validator("text")
    @classmethod
    def _text_says_something(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty or only whitespace")
        return value


class CuratedFact(_Entry):
    subject: str
    attribute: str
    value: str
    compare: float | str | None = None
    document: str
    evidence: str

    def as_fact(self) -> Fact:
        return Fact(
            subject=self.subject, attribute=self.attribute, value=self.value, evidence=self.evidence
        )

    def comparable(self) -> float | FuzzyDate | str | None:
        """What disagreement is judged on: a number, a date range, or a text."""
        if self.compare is None or isinstance(self.compare, float):
            return self.compare
        try:
            return FuzzyDate.parse(self.compare)
        except ValueError:
            return self.compare


class CuratedEvent(_Entry):
    date: FuzzyDate
    text: str
    subject: str | None = None
    document: str
    evidence: str

    @field_validator("date", mode="before")
    @classmethod
    def _parse_date(cls, value: object) -> object:
        return FuzzyDate.parse(value) if isinstance(value, str) else value

    def as_event(self) -> Event:
        return Event(when=self.date, text=self.text, evidence=self.evidence, subject=self.subject)


class CuratedClaim(_Entry):
    value: str
    document: str
    evidence: str

    def as_value(self) -> ConflictingValue:
        return ConflictingValue(value=self.value, file=self.document, evidence=self.evidence)


class CuratedDisagreement(_Entry):
    """A disagreement a reader sees and no fact comparison finds (a characterisation), or the
    kind and note of one that facts find (the same subject and attribute): its claims join."""

    subject: str
    attribute: str  # snake_case key; a fact attribute to annotate a detected disagreement
    label: str | None = None
    kind: DisagreementKind
    note: str
    also_about: tuple[str, ...] = ()
    claims: tuple[CuratedClaim, ...] = ()


class CuratedCorpusError(_Entry):
    subject: str
    written: str
    note: str
    document: str
    evidence: str

    @model_validator(mode="after")
    def _written_in_evidence(self) -> CuratedCorpusError:
        if self.written not in self.evidence:
            raise ValueError(f"the error {self.written!r} is not in its evidence")
        return self


class Telling(_Entry):
    """One source's telling of a curated happening: its sentence, verbatim, and its date."""

    document: str
    evidence: str
    when: str | None = None  # the words of the evidence that date it (default: its first date)
    date: str | None = None  # a date the evidence does not state, from `anchor`
    anchor: str | None = None  # the verbatim words (a heading) that give `date`
    reading: str | None = None  # how a date no words pin down reads: "shortly after early 2021"

    @model_validator(mode="after")
    def _dated_once(self) -> Telling:
        if self.when is not None and self.date is not None:
            raise ValueError("give `when` (words of the evidence) or `date`, not both")
        if self.when is not None and self.when not in self.evidence:
            raise ValueError(f"`when` {self.when!r} is not in the evidence")
        if self.date is not None and self.anchor is None and self.reading is None:
            raise ValueError("a `date` the evidence does not state needs its `anchor` or reading")
        return self


class CuratedHappening(_Entry):
    """A happening prose tells, merged across its tellings; it takes over the parsed releases
    or rounds of its `subjects`."""

    id: str
    kind: EventKind
    title: str
    subject: str | None = None
    subjects: tuple[str, ...] = ()
    telling: tuple[Telling, ...]


class Curated(_Entry):
    person: tuple[CuratedPerson, ...] = ()
    model: tuple[CuratedModel, ...] = ()
    fact: tuple[CuratedFact, ...] = ()
    event: tuple[CuratedEvent, ...] = ()
    disagreement: tuple[CuratedDisagreement, ...] = ()
    corpus_error: tuple[CuratedCorpusError, ...] = ()
    happening: tuple[CuratedHappening, ...] = ()
    organisation: tuple[CuratedOrganisation, ...] = ()
    concept: tuple[CuratedConcept, ...] = ()
    quote: tuple[CuratedQuote, ...] = ()

    def entities(self) -> list[Entity]:
        return [entry.as_entity() for entry in (*self.organisation, *self.concept)]

    def citations(self) -> Iterator[tuple[str, str, str]]:
        """Every (what, document, snippet) the file claims, for the evidence check."""
        for person in self.person:
            yield f"person {person.name!r}", person.document, person.evidence
            for alias in person.aliases:
                yield f"alias {alias.name!r} of {person.name!r}", alias.document, alias.evidence
        for model in self.model:
            if model.document is not None and model.evidence is not None:
                yield f"model {model.name!r}", model.document, model.evidence
            for alias in model.aliases:
                yield f"alias {alias.name!r} of {model.name!r}", alias.document, alias.evidence
        for fact in self.fact:
            what = f"fact {fact.subject!r} {fact.attribute} = {fact.value!r}"
            yield what, fact.document, fact.evidence
        for event in self.event:
            yield f"event {event.date.iso()} {event.text!r}", event.document, event.evidence
        for item in self.disagreement:
            for claim in item.claims:
                what = f"disagreement {item.subject!r} {item.attribute}: {claim.value!r}"
                yield what, claim.document, claim.evidence
        for error in self.corpus_error:
            yield f"corpus error {error.written!r}", error.document, error.evidence
        for happening in self.happening:
            for told in happening.telling:
                yield f"happening {happening.id!r}", told.document, told.evidence
                if told.anchor is not None:
                    yield f"happening {happening.id!r} anchor", told.document, told.anchor
        for quote in self.quote:
            yield f"quote of {quote.speaker!r}", quote.document, quote.text
            if quote.question is not None:
                yield f"question of {quote.speaker!r}", quote.document, quote.question
        for entity in (*self.organisation, *self.concept):
            yield f"{entity.kind} {entity.name!r}", entity.document, entity.evidence
            for alias in entity.aliases:
                yield f"alias {alias.name!r} of {entity.name!r}", alias.document, alias.evidence


def load_curated(seeds_dir: Path) -> Curated:
    """The curated file of a seeds folder; an empty one when there is none."""
    path = curated_file(seeds_dir)
    if path is None:
        return Curated()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise IngestError(CURATED_FILE, f"unreadable: {error}", _line_of(error)) from error
    except RecursionError:  # tomllib recurses once per level of nested tables or arrays
        raise IngestError(CURATED_FILE, "unreadable: nested too deeply") from None
    try:
        return Curated.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        raise IngestError(CURATED_FILE, f"{where}: {message}") from error
    except RecursionError:
        raise IngestError(CURATED_FILE, "nested too deeply") from None


def curated_file(seeds_dir: Path) -> Path | None:
    """The seeds folder's curated file; None without one; IngestError when it is no file."""
    path = seeds_dir / CURATED_FILE
    if not path.exists():
        return None
    if not path.is_file():
        raise IngestError(CURATED_FILE, "is not a file (a folder?): remove it or make it a file")
    return path


def check_evidence(curated: Curated, document_text: Callable[[str], str | None]) -> None:
    """Fail on the first snippet that is not verbatim in the document it names."""
    for what, document, snippet in curated.citations():
        text = document_text(document)
        if text is None:
            raise IngestError(CURATED_FILE, f"{what}: no document {document!r} in the corpus")
        if snippet not in text:
            raise IngestError(CURATED_FILE, f"{what}: evidence {snippet!r} is not in {document}")


def _line_of(error: Exception) -> int | None:
    line = getattr(error, "lineno", None)
    return line if isinstance(line, int) else None
