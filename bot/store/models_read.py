"""Reads for the models queries: a model's facts, its disputed values, passages that name it.

Lists of names and keys are bound as one JSON parameter (`json_each(?)`); a name reaches an
FTS5 MATCH only through `to_fts_query`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.records import FuzzyDate
from bot.store.corpus_read import PASSAGE_HITS, CorpusReader, PassageHit, fuzzy_date
from bot.store.fts import to_fts_query


@dataclass(frozen=True, slots=True)
class ModelFactRow:
    attribute: str
    value: str  # verbatim
    key: str  # shared by values that say the same thing (`Jan 2025`, `January 2025`)
    evidence: str
    file: str
    heading: str | None  # of the passage that states it
    curated: bool  # from seeds/curated.toml rather than a parsed table or specification


@dataclass(frozen=True, slots=True)
class DisputedValue:
    attribute: str
    value: str
    key: str  # as ModelFactRow.key
    file: str
    evidence: str


@dataclass(frozen=True, slots=True)
class ReleaseDate:
    subject_key: str
    when: FuzzyDate  # a date a release fact states, with its precision


# The key of the value in `f.value`, or (an index not yet re-derived) its folded text.
_VALUE_KEY = "coalesce((SELECT key FROM fact_values WHERE value = {v}), lower(trim({v})))"


class ModelsReads(CorpusReader):
    async def model_facts(self, keys: Sequence[str], *, per_value: int = 5) -> list[ModelFactRow]:
        """The facts whose subject has one of the name `keys`, in document order: for each
        name, attribute and verbatim value, its first `per_value` statements only, so a value
        the corpus repeats a thousand times costs little more than one it states a few times
        (the distinct values come from the `facts_card` index, each value's first statements
        from one seek in it)."""
        rows = await self._rows(
            "WITH stated AS (SELECT DISTINCT subject_key, attribute, value FROM facts"
            "  WHERE subject_key IN (SELECT value FROM json_each(?1))) "
            f"SELECT f.attribute, f.value, {_VALUE_KEY.format(v='f.value')},"
            " f.evidence, d.file, p.heading, f.curated "
            "FROM stated AS s JOIN facts AS f ON f.id IN (SELECT id FROM facts AS x"
            "  WHERE x.subject_key = s.subject_key AND x.attribute = s.attribute"
            "  AND x.value = s.value ORDER BY x.id LIMIT ?2) "
            "JOIN documents AS d ON d.id = f.document_id "
            "LEFT JOIN passages AS p ON p.id = f.passage_id "
            "ORDER BY d.file, p.ordinal IS NULL, p.ordinal, f.id",
            (json.dumps(list(keys)), per_value),
        )
        return [
            ModelFactRow(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), r[5], bool(r[6]))
            for r in rows
        ]

    async def has_parsed_facts(self, keys: Sequence[str]) -> bool:
        """Whether any fact about the name `keys` comes from a parsed table or specification."""
        row = await self._one(
            "SELECT EXISTS (SELECT 1 FROM facts WHERE curated = 0"
            " AND subject_key IN (SELECT value FROM json_each(?)))",
            (json.dumps(list(keys)),),
        )
        return row is not None and bool(row[0])

    async def disputed_values(self, subjects: Sequence[str]) -> list[DisputedValue]:
        """The values of the conflicts listed for any of `subjects` (canonical names)."""
        rows = await self._rows(
            f"SELECT c.attribute, v.value, {_VALUE_KEY.format(v='v.value')}, v.file, v.evidence "
            "FROM conflicts AS c JOIN conflict_values AS v ON v.conflict_id = c.id "
            "WHERE c.id IN (SELECT conflict_id FROM conflict_subjects"
            " WHERE subject IN (SELECT value FROM json_each(?))) ORDER BY c.id, v.rowid",
            (json.dumps(list(subjects)),),
        )
        return [DisputedValue(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]

    async def release_dates(self, keys: Sequence[str]) -> list[ReleaseDate]:
        """Each distinct date a release fact states for a subject with one of the name `keys`."""
        rows = await self._rows(
            "SELECT DISTINCT f.subject_key, v.start, v.end, v.precision, v.part FROM facts AS f"
            " JOIN fact_value_dates AS v ON v.value = f.value WHERE f.attribute = 'release'"
            " AND f.subject_key IN (SELECT value FROM json_each(?))"
            " ORDER BY f.subject_key, v.start, v.end",
            (json.dumps(list(keys)),),
        )
        found = ((str(r[0]), fuzzy_date(r[1], r[2], r[3], r[4])) for r in rows)
        return [ReleaseDate(key, when) for key, when in found if when is not None]

    async def passages_with_words(self, name: str, *, limit: int = 40) -> list[PassageHit]:
        """The first passages (in the order indexed) whose own text, not heading, holds every
        word of `name`. The words may be apart or in another order: callers confirm the name."""
        query = to_fts_query(name)
        if query is None:
            return []
        rows = await self._rows(
            f"{PASSAGE_HITS} ORDER BY passages_fts.rowid LIMIT ?",
            (f"text : ({query})", limit),
        )
        return [PassageHit(*row) for row in rows]
