"""Score the index's events, documents and disagreements against the team's reading
(tests/gold/events.toml, documents.toml, disagreements.toml), as `scoring` does the entities.

- events: each happening of the reading, with each source's date and precision, is stored
  once per source: its sentence or table row carries that date (day, month, part or year as
  written); a relative or ambiguous date is never stored finer than a year. A stored date
  other than the reading's is wrong; a happening its source tells as several events is wrong.
- not_events: a dated line that is not a happening (a question, a generalisation) is absent.
- documents: per document, its date, publisher, original outlet and authors as the reading
  gives them; per part that names its credit, a citation of its evidence credits who speaks
  there (Yunqi Capital's introduction, the interview as LatePost's by Cheng Manqi).
- disagreements: each disagreement of the reading is stored with both sides' documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.cards.citing import voice_name
from bot.domain.records import Document, FuzzyDate
from bot.queries.corpus import Corpus
from bot.store.timeline_read import ConflictRow, EventRow
from tests.gold.corpus import load
from tests.quality.scoring import Score

_FIXED = frozenset({"day", "month", "part", "year"})
_COARSE = frozenset({"year", "part"})
_WORD = re.compile(r"[^\W_]+")
# A name as one token: `Speech-02-HD` is not `Speech-02`, `www.minimax.io` is not `MiniMax`.
_NAME = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*")
_YEAR = re.compile(r"\d{4}")


def _words(text: str) -> str:
    """Letters and digits only, lowered: markdown, table bars and spacing do not count."""
    return " ".join(_WORD.findall(text.replace("**", "").lower()))


def _holds(stored: str, evidence: str) -> bool:
    a, b = _words(stored), _words(evidence)
    return bool(a and b) and (a in b or b in a)


def _names(text: str) -> str:
    return " ".join(_NAME.findall(text.replace("**", "").lower()))


def _tells(row: EventRow, evidence: str) -> bool:
    """The stored event is told by this sentence, or built from this table row (its subject,
    as a whole name, and its date's words are both in the row)."""
    if _holds(row.text, evidence):
        return True
    if not evidence.lstrip().startswith("|") or row.subject is None:
        return False
    cells = f" {_words(evidence)} "
    return f" {_names(row.subject)} " in f" {_names(evidence)} " and (
        f" {_words(row.evidence)} " in cells
    )


def _about(row: EventRow, what: str) -> bool:
    """The row is not about another named subject: a sentence that tells several happenings
    ("Launched new models (T2A-01-HD, Music-01, Speech-02, Hailuo-02) in 2025") is each one's
    telling, not this happening told several times."""
    return row.subject is None or f" {_names(row.subject)} " in f" {_names(what)} "


def _own(rows: list[EventRow], what: str) -> list[EventRow]:
    """The rows of the happening whose subject `what` names first, when one sentence tells
    several happenings: "Glow launched in October 2022, followed by STARFIELD" dates Glow's
    launch, and only orders STARFIELD's after it (whose `what` names Glow too, after it)."""
    named = f" {_names(what)} "
    places: dict[int, int] = {}
    for row in rows:
        place = named.find(f" {_names(row.subject)} ") if row.subject else -1
        if place >= 0:
            places[row.happening] = min(place, places.get(row.happening, place))
    if len({row.happening for row in rows}) < 2 or not places:
        return rows
    earliest = min(places.values())
    first = [happening for happening, place in places.items() if place == earliest]
    if len(first) > 1:  # one subject's joining and leaving: its name does not tell them apart
        return rows
    return [row for row in rows if row.happening == first[0]]


async def stored_events(corpus: Corpus) -> list[EventRow]:
    rows, _ = await corpus.store.timeline_page(
        first="0001-01-01", last="9999-12-31", words=(), limit=1_000_000, offset=0
    )
    return rows


def _stored_date(row: EventRow) -> str:
    if row.precision == "day":
        return row.start
    if row.precision == "month":
        return row.start[:7]
    if row.precision == "part":
        return f"{row.part} {row.start[:4]}"
    return row.start[:4]


def _gold_date(text: str) -> FuzzyDate | None:
    try:
        return FuzzyDate.parse(text)
    except (ValueError, KeyError):
        return None


def _date_problem(rows: list[EventRow], dated: dict[str, Any]) -> str | None:
    """What is wrong with the stored dates of one source's passage; None when all fit."""
    precision = dated["precision"]
    if precision not in _FIXED:
        fine = [r for r in rows if r.precision not in ("day", "month")]
        return None if len(fine) == len(rows) else f"{dated['date']!r} stored as a month or day"
    wanted = _gold_date(dated["date"])
    for row in rows:
        if precision == "part" and row.precision == "part" and row.start[:4] in dated["date"]:
            return None  # "late 2021" as the reading words it, "end 2021" as the text does
        if row.precision == precision and (
            _stored_date(row) == dated["date"]
            or (wanted is not None and row.start == wanted.start.isoformat())
        ):
            return None
    # A span ("2021-2022", "Dec 2021 - 2022"): its first year will do.
    first_year = _YEAR.search(dated["date"])
    if (
        wanted is None
        and precision in _COARSE
        and first_year is not None
        and any(r.start[:4] == first_year.group() for r in rows)
    ):
        return None
    return f"{dated['date']} ({precision}) stored as {sorted({_stored_date(r) for r in rows})}"


async def score_events(corpus: Corpus, rows: list[EventRow] | None = None) -> Score:
    score = Score("events")
    rows = rows if rows is not None else await stored_events(corpus)
    for event in load("events")["event"]:
        label = f"{event['id']} ({event['kind']})"
        problems, missing = [], []
        for dated in event["dates"]:
            holders = [r for r in rows if r.file == dated["doc"] and _tells(r, dated["evidence"])]
            if not holders:
                if dated["precision"] in _FIXED:
                    missing.append(f"{dated['doc'][:3]} {dated['date']}")
                continue
            problem = _date_problem(_own(holders, event["what"]), dated)
            if problem:
                problems.append(f"{dated['doc'][:3]} {problem}")
        texts = {
            r.text
            for dated in event["dates"]
            for r in _own([r for r in rows if r.file == dated["doc"]], event["what"])
            if _tells(r, dated["evidence"]) and _about(r, event["what"])
        }
        per_source = len(texts) - len({d["doc"] for d in event["dates"]})
        if per_source > 0:
            problems.append(f"told as {len(texts)} events")
        if problems:
            score.wrong.append(f"{label}: {'; '.join(problems)}")
        elif missing:
            score.missing.append(f"{label}: no event for {', '.join(missing)}")
        else:
            score.right.append(label)
    return score


async def score_not_events(corpus: Corpus, rows: list[EventRow] | None = None) -> Score:
    score = Score("not_events")
    rows = rows if rows is not None else await stored_events(corpus)
    happenings = [dated for event in load("events")["event"] for dated in event["dates"]]

    def a_happening(row: EventRow) -> bool:
        """The row is a telling of the reading's happening, at its date ("- **Born**: 1989
        (age ~36)" is Yan's birth in 1989, and not an event of its age)."""
        return any(
            row.file == dated["doc"]
            and _tells(row, dated["evidence"])
            and _date_problem([row], dated) is None
            for dated in happenings
        )

    for line in load("events")["not_event"]:
        label = f"{line['doc'][:3]} {line['text'][:60]!r}"
        found = [
            r
            for r in rows
            if r.file == line["doc"] and _holds(r.text, line["text"]) and not a_happening(r)
        ]
        if found:
            score.wrong.append(f"{label}: stored as {_stored_date(found[0])}")
        else:
            score.right.append(label)
    return score


def _name_set(written: Iterable[str]) -> set[str]:
    return {_words(name.split("(")[0]) for name in written if name.strip()}


def _document_checks(gold: dict[str, Any], document: Document) -> dict[str, bool]:
    date = "" if document.published is None else document.published.iso()
    publisher = document.publisher or document.outlet or ""
    original = document.outlet if document.publisher else None
    return {
        "date": date == gold["date"],
        "publisher": _holds(publisher, gold["publisher"]) if gold["publisher"] else True,
        "original outlet": _holds(original or "", gold["original_outlet"])
        if gold["original_outlet"]
        else original is None,
        "authors": _name_set(document.authors) >= _name_set(gold["authors"]),
        "editors": _name_set(document.editors) >= _name_set(gold["editors"]),
    }


def _credit_checks(corpus: Corpus, gold: dict[str, Any]) -> dict[str, bool]:
    """Each part of the reading that says whom its citations credit: a citation of its
    evidence credits them (Yunqi Capital's introduction, LatePost with its author)."""
    checks = {}
    for part in gold["part"]:
        if "credit" in part and gold["doc"] in corpus.catalog.sources:
            cited = corpus.catalog.citation(gold["doc"], None, part["evidence"])
            shown = voice_name(cited.source, cited.voice)
            checks[f"credit of {part['part']}"] = _holds(shown, part["credit"])
    return checks


async def score_documents(corpus: Corpus) -> Score:
    score = Score("documents")
    stored = {document.file: document for document in await corpus.store.documents()}
    for gold in load("documents")["document"]:
        for check, fits in _credit_checks(corpus, gold).items():
            label = f"{gold['doc'][:3]} {check}"
            (score.right if fits else score.wrong).append(label)
        document = stored.get(gold["doc"])
        for check, fits in (
            _document_checks(gold, document).items() if document else [("stored", False)]
        ):
            label = f"{gold['doc'][:3]} {check}"
            if fits:
                score.right.append(label)
            elif check == "date" and document is not None and document.published is not None:
                score.wrong.append(
                    f"{label}: {document.published.iso()} (reading: {gold['date']!r})"
                )
            else:
                score.missing.append(label)
    return score


def _sides(rows: list[ConflictRow], claims: list[dict[str, Any]]) -> bool:
    """Some stored conflict holds two of the reading's claims from different passages."""
    by_conflict: dict[int, list[ConflictRow]] = {}
    for row in rows:
        by_conflict.setdefault(row.conflict_id, []).append(row)
    for values in by_conflict.values():
        held = {
            i
            for i, claim in enumerate(claims)
            for v in values
            if v.file == claim["doc"] and _holds(v.evidence, claim["evidence"])
        }
        if len(held) >= 2:
            return True
    return False


async def score_disagreements(corpus: Corpus) -> Score:
    score = Score("disagree")
    rows = await corpus.store.conflict_rows()
    for item in load("disagreements")["disagreement"]:
        label = f"{item['id']} ({item['scope']})"
        if _sides(rows, item["claims"]):
            score.right.append(label)
        else:
            score.missing.append(label)
    return score


async def score_event_classes(corpus: Corpus) -> list[Score]:
    rows = await stored_events(corpus)
    return [
        await score_events(corpus, rows),
        await score_not_events(corpus, rows),
        await score_documents(corpus),
        await score_disagreements(corpus),
    ]
