"""Happenings: which dated statements are happenings, and which tellings are one happening."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from bot.domain.errors import IngestError
from bot.domain.records import (
    Event,
    EventKind,
    Fact,
    FuzzyDate,
    Passage,
    PassageKind,
    Precision,
    StoredEvent,
)
from bot.ingest.curated import Curated
from bot.ingest.curated_happenings import claims, happening_events
from bot.ingest.events import events_from_passages
from bot.ingest.happenings import group_happenings, select_happenings

ARTICLE = "003_article.txt"
INTERVIEW = "001_interview.txt"
PODCAST = "000_podcast.txt"


def _passage(ordinal: int, kind: PassageKind, text: str, start: int = 0) -> Passage:
    return Passage(ordinal=ordinal, kind=kind, text=text, start=start, end=start + len(text))


def _selected(kind: PassageKind, text: str, facts: tuple[Fact, ...] = ()) -> list[Event]:
    passage = _passage(0, kind, text)
    events = events_from_passages([passage], text, FuzzyDate.day(2024, 4, 18))
    return select_happenings(events, [passage], facts)


@pytest.mark.parametrize(
    "text",
    [
        "Will MoE be a competitive battleground in large models this year?",
        "What will happen in China's large model industry in 2024?",
        "- **Total Size**: ~200 employees (as of 2024)",
        "- **Born**: 1989 (age ~36)",
        "A year ago, data meant labeling; now MiniMax is recruiting economists.",
        "Was it founded in late 2021?",
        "We founded it last year.",  # a relative date is never taken by the parser
    ],
)
def test_questions_generalisations_status_lines_and_ages_are_not_happenings(text: str) -> None:
    assert _selected(PassageKind.PARAGRAPH, text) == []


def test_a_dated_statement_that_something_was_founded_or_released_is_one() -> None:
    [founded] = _selected(PassageKind.PARAGRAPH, "Yanjunjie founded MiniMax in late 2021.")
    assert (founded.kind, founded.when) == (
        EventKind.FOUNDING,
        FuzzyDate.part_of_year(2021, "late"),
    )
    [released] = _selected(PassageKind.PARAGRAPH, "The model was released in March 2024.")
    assert released.kind is EventKind.RELEASE


def test_a_release_heading_and_a_release_line_are_the_subjects_release() -> None:
    [heading] = _selected(PassageKind.HEADING, "#### **MiniMax-M2 (October 2025 Release)**")
    assert (heading.subject, heading.kind, heading.happening) == (
        "MiniMax-M2",
        EventKind.RELEASE,
        "release:minimaxm2",
    )
    line = "- **Release**: January 2025"
    fact = Fact(
        subject="MiniMax-Text-01",
        attribute="release",
        value="January 2025",
        passage=0,
        evidence=line,
    )
    [release] = _selected(PassageKind.BULLET, line, (fact,))
    assert (release.subject, release.happening) == ("MiniMax-Text-01", "release:minimaxtext01")
    assert release.when == FuzzyDate.month(2025, 1)


def test_release_and_funding_rows_carry_their_kind_key_and_row() -> None:
    row = "| **Oct 2025** | **MiniMax-M2** | Open-source |"
    cells = (("Release", "**Oct 2025**"), ("Model", "**MiniMax-M2**"), ("Notes", "Open-source"))
    passage = Passage(
        ordinal=0, kind=PassageKind.TABLE_ROW, text=row, start=0, end=len(row), cells=cells
    )
    [event] = select_happenings(events_from_passages([passage], row, None), [passage], ())
    assert (event.kind, event.happening, event.sentence) == (
        EventKind.RELEASE,
        "release:minimaxm2",
        row,
    )
    assert event.title == "MiniMax-M2 released"


def _stored(
    id: int, file: str, when: FuzzyDate, sentence: str, *, curated: bool = False, **more: object
) -> StoredEvent:
    event = Event(when=when, text=sentence, evidence="x", sentence=sentence, **more)  # type: ignore[arg-type]
    return StoredEvent(id=id, file=file, curated=curated, event=event)


def test_tellings_of_one_release_across_documents_are_one_happening() -> None:
    key = {"happening": "release:minimaxm2", "kind": EventKind.RELEASE, "subject": "MiniMax-M2"}
    stored = [
        _stored(1, ARTICLE, FuzzyDate.month(2025, 10), "| Oct 2025 | MiniMax-M2 |", **key),
        _stored(2, INTERVIEW, FuzzyDate.year(2025), "M2 came out in 2025.", **key),
        _stored(3, ARTICLE, FuzzyDate.year(2024), "Something else in 2024."),
    ]
    happenings, repeated = group_happenings(stored, {})
    assert repeated == []
    [m2, other] = happenings
    assert [t.event_id for t in m2.tellings] == [1, 2]  # the finer date first
    assert (m2.kind, m2.subject, m2.main, m2.differ) == (
        EventKind.RELEASE,
        "MiniMax-M2",
        True,
        False,
    )
    assert (m2.start, m2.end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert [t.event_id for t in other.tellings] == [3] and not other.main


def test_a_curated_happening_takes_over_its_subjects_and_its_sentences() -> None:
    founded = {"happening": "curated:founded", "kind": EventKind.FOUNDING, "title": "Founded"}
    row = {"happening": "funding:seriesb", "kind": EventKind.FUNDING}
    stored = [
        _stored(1, ARTICLE, FuzzyDate.month(2021, 12), "Founded in December 2021 by them."),
        _stored(2, ARTICLE, FuzzyDate.month(2024, 3), "| Series B | Mar 2024 |", **row),
        _stored(
            3,
            ARTICLE,
            FuzzyDate.month(2021, 12),
            "Founded in December 2021 by them.",
            curated=True,
            **founded,
        ),
        _stored(
            4,
            INTERVIEW,
            FuzzyDate.part_of_year(2023, "late"),
            "Late in 2023.",
            curated=True,
            happening="curated:round",
            kind=EventKind.FUNDING,
            title="Round",
        ),
        _stored(
            5,
            INTERVIEW,
            FuzzyDate.part_of_year(2023, "summer"),
            "In summer 2023.",
            curated=True,
            happening="curated:round",
            kind=EventKind.FUNDING,
            title="Round",
        ),
    ]
    happenings, repeated = group_happenings(stored, {"funding:seriesb": "curated:round"})
    assert repeated == [1]  # told again by the curated founding
    titles = {h.title: h for h in happenings}
    assert set(titles) == {"Founded", "Round"}
    round_ = titles["Round"]
    assert {t.event_id for t in round_.tellings} == {2, 4, 5}
    assert round_.differ  # summer and late 2023 do not overlap, nor does March 2024
    accounts = {t.event_id: t.account for t in round_.tellings}
    assert accounts[4] == accounts[5] == "In summer 2023. … Late in 2023."  # in date order


def _curated(**telling: str) -> Curated:
    return Curated.model_validate(
        {
            "happening": [
                {
                    "id": "h",
                    "kind": "release",
                    "title": "A release",
                    "subjects": ["Model-1"],
                    "telling": [{"document": INTERVIEW, **telling}],
                }
            ]
        }
    )


def _reference(file: str) -> tuple[FuzzyDate | None, bool]:
    return {
        INTERVIEW: (FuzzyDate.day(2024, 4, 18), False),  # a republication's date
        PODCAST: (FuzzyDate.day(2026, 6, 21), True),
    }.get(file, (None, True))


def test_curated_tellings_are_dated_by_their_words_relative_ones_as_far_as_anchored() -> None:
    [(file, event)] = happening_events(
        _curated(evidence="GPT-4 — released a year ago — with fewer resources"), _reference
    )
    assert file == INTERVIEW and event.happening == "curated:h" and event.kind is EventKind.RELEASE
    assert event.when.precision is Precision.YEAR
    assert (event.reading, event.evidence) == ("about a year before Apr 2024", "a year ago")
    [(_, october)] = happening_events(_curated(evidence="Last October you faced it."), _reference)
    assert (october.when, october.reading) == (FuzzyDate.year(2023), "likely Oct 2023")
    [(_, chosen)] = happening_events(
        _curated(evidence="Phase 1 (Dec 2021 - 2022)", when="Dec 2021"), _reference
    )
    assert chosen.when == FuzzyDate.month(2021, 12)
    [(_, anchored)] = happening_events(
        _curated(evidence="- Launched a model", date="2025", anchor="Phase 6 (2025)"), _reference
    )
    assert (anchored.when, anchored.evidence) == (FuzzyDate.year(2025), "Phase 6 (2025)")
    assert claims(_curated(evidence="x 2020")) == {"release:model1": "curated:h"}


def test_curated_tellings_say_what_is_wrong() -> None:
    with pytest.raises(ValidationError, match="is not in the evidence"):
        _curated(evidence="In 2020.", when="2021")
    with pytest.raises(ValidationError, match="not both"):
        _curated(evidence="In 2020.", when="2020", date="2020", anchor="x")
    with pytest.raises(ValidationError, match="needs its `anchor` or reading"):
        _curated(evidence="Launched.", date="2020")
    with pytest.raises(IngestError, match="no date in"):
        happening_events(_curated(evidence="Launched a model."), _reference)
    anchored = _curated(evidence="Launched.", date="2025", anchor="Phase 6 (2025)")
    assert ("happening 'h' anchor", INTERVIEW, "Phase 6 (2025)") in list(anchored.citations())
