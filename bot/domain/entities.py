"""Organisations and concepts: what the corpus names that is neither a model nor a person.

An organisation is a company, an investor, an outlet, a lab or university; a concept is a
technique, a paper, a programme or an idea the corpus explains. Each carries where the corpus
names it (a document and a verbatim snippet), every name it goes by there, and perhaps a note
of the bot's team (never the corpus's words), such as a corpus error.
"""

from __future__ import annotations

from enum import StrEnum

from bot.domain.records import Record


class EntityKind(StrEnum):
    # organisations
    COMPANY = "company"
    INVESTOR = "investor"
    OUTLET = "outlet"  # a publication, a podcast
    LAB = "lab"  # a research lab or institute, a university
    ORGANISATION = "organisation"  # a part of a company, or any other body
    # concepts
    TECHNIQUE = "technique"
    PAPER = "paper"
    PROGRAM = "program"
    CONCEPT = "concept"


ORGANISATION_KINDS = frozenset(
    {
        EntityKind.COMPANY,
        EntityKind.INVESTOR,
        EntityKind.OUTLET,
        EntityKind.LAB,
        EntityKind.ORGANISATION,
    }
)
CONCEPT_KINDS = frozenset(EntityKind) - ORGANISATION_KINDS


class Entity(Record):
    name: str
    aliases: tuple[str, ...]  # every name the corpus uses for it, the canonical name first
    kind: EntityKind
    part_of: str | None = None  # the organisation it belongs to or comes from, as written
    file: str  # the document that names it
    evidence: str  # verbatim
    note: str | None = None  # the bot team's note, never the corpus's words

    @property
    def organisation(self) -> bool:
        return self.kind in ORGANISATION_KINDS
