"""Reads for the disagreements: each with its claims, kind, label and the team's note, for all
subjects or those with given name keys; the corpus errors the team flagged; and which documents
say anything of a subject (whether "the sources agree" may be said at all).

Lists of keys are bound as one JSON parameter (`json_each(?)`), so the SQL text never varies.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.store.corpus_read import CorpusReader


@dataclass(frozen=True, slots=True)
class DisagreementRow:
    """One claim of one disagreement; the rows of a disagreement share its id."""

    conflict_id: int
    subject: str
    attribute: str
    kind: str | None
    label: str | None
    note: str | None
    value: str
    file: str
    evidence: str
    about: tuple[str, ...] = ()  # the other subjects it is about


@dataclass(frozen=True, slots=True)
class CorpusNoteRow:
    subject: str
    written: str
    file: str
    evidence: str
    note: str


_ABOUT = (
    "c.id IN (SELECT conflict_id FROM conflict_subjects"
    " WHERE key IN (SELECT value FROM json_each(?)))"
)


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


class DisagreementsReads(CorpusReader):
    async def disagreement_rows(self, keys: Sequence[str] | None = None) -> list[DisagreementRow]:
        """Every claim of every disagreement, or of those about a subject with one of the name
        `keys`: in the order stored (the curated file's, then those only facts find), claims
        in the order stored."""
        where = "" if keys is None else f"WHERE {_ABOUT}"
        rows = await self._rows(
            "SELECT c.id, c.subject, c.attribute, c.kind, c.label, c.note, v.value, v.file,"
            " v.evidence, (SELECT json_group_array(s.subject) FROM conflict_subjects AS s"
            "  WHERE s.conflict_id = c.id AND s.subject != c.subject)"
            " FROM conflicts AS c JOIN conflict_values AS v ON v.conflict_id = c.id"
            f" {where} ORDER BY c.id, v.rowid",
            () if keys is None else (json.dumps(list(keys)),),
        )
        return [
            DisagreementRow(
                int(r[0]),
                str(r[1]),
                str(r[2]),
                _optional(r[3]),
                _optional(r[4]),
                _optional(r[5]),
                str(r[6]),
                str(r[7]),
                str(r[8]),
                tuple(json.loads(r[9])) if r[9] else (),
            )
            for r in rows
        ]

    async def corpus_notes(self, keys: Sequence[str] | None = None) -> list[CorpusNoteRow]:
        """The corpus errors the team flagged, all or those about a subject with one of `keys`."""
        where = "" if keys is None else "WHERE key IN (SELECT value FROM json_each(?))"
        rows = await self._rows(
            f"SELECT subject, written, file, evidence, note FROM corpus_notes {where} ORDER BY id",
            () if keys is None else (json.dumps(list(keys)),),
        )
        return [CorpusNoteRow(*(str(v) for v in r)) for r in rows]

    async def disputed_subject(self, key: str) -> str | None:
        """The subject, as stored, that a disagreement with the name `key` is about."""
        row = await self._one(
            "SELECT subject FROM conflict_subjects WHERE key = ? ORDER BY rowid LIMIT 1", (key,)
        )
        return None if row is None else str(row[0])

    async def subject_files(self, keys: Sequence[str]) -> set[str]:
        """The documents that state a fact about a subject with one of the name `keys`."""
        rows = await self._rows(
            "SELECT DISTINCT d.file FROM documents AS d JOIN facts AS f ON f.document_id = d.id"
            " WHERE f.subject_key IN (SELECT value FROM json_each(?))",
            (json.dumps(list(keys)),),
        )
        return {str(r[0]) for r in rows}
