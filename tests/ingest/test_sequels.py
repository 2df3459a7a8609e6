"""Happenings a sentence only orders after a dated one, and a profile's birth year."""

from __future__ import annotations

from datetime import date

from bot.domain.records import Event, EventKind, Fact, FuzzyDate, Passage, PassageKind, Precision
from bot.ingest.events import events_from_passages
from bot.ingest.happenings import group_happenings, select_happenings
from bot.ingest.sequels import followers
from tests.ingest.test_happenings import INTERVIEW, _stored

GLOW = (
    "Its first product, Glow, launched in October 2022, followed by STARFIELD, Hailuo AI, and at"
    " least four others — spanning companion apps to productivity Q&A tools."
)


def _selected(text: str, reference: FuzzyDate | None, facts: tuple[Fact, ...] = ()) -> list[Event]:
    passage = Passage(ordinal=0, kind=PassageKind.PARAGRAPH, text=text, start=0, end=len(text))
    events = events_from_passages([passage], text, reference, anchored=False)
    return select_happenings(events, [passage], facts)


def test_what_a_dated_launch_is_followed_by_is_dated_only_after_it() -> None:
    launches = _selected(GLOW, FuzzyDate.day(2024, 4, 18))
    starfield, hailuo = followers(launches, FuzzyDate.day(2024, 4, 18))
    assert [starfield.subject, hailuo.subject] == ["STARFIELD", "Hailuo AI"]  # not "four others"
    for event in (starfield, hailuo):
        assert event.kind is EventKind.RELEASE and event.reading == "after Oct 2022"
        # Never October 2022: from then to the document's own date, no finer than years.
        assert event.when.precision is Precision.YEAR
        assert (event.when.start, event.when.end) == (date(2022, 10, 1), date(2024, 4, 18))
        assert event.evidence == "October 2022, followed by" and event.evidence in GLOW
        assert event.sentence == GLOW
    assert (starfield.happening, starfield.title) == ("release:starfield", "STARFIELD launched")


def test_without_a_document_date_the_anchor_bounds_what_follows() -> None:
    [starfield, _] = followers(_selected(GLOW, None), None)
    assert (starfield.when.start, starfield.when.end) == (date(2022, 10, 1), date(2022, 10, 31))
    assert starfield.when.precision is Precision.YEAR and starfield.reading == "after Oct 2022"


def test_only_a_dated_launch_orders_what_follows_it() -> None:
    for text in (
        "The meeting was held in October 2022, followed by a dinner with Tencent.",  # no launch
        "Glow launched last October, followed by STARFIELD.",  # itself relative
    ):
        assert followers(_selected(text, FuzzyDate.day(2024, 4, 18)), None) == []


def test_the_curated_telling_of_the_anchor_does_not_swallow_what_follows() -> None:
    glow = {"happening": "curated:glow", "kind": EventKind.RELEASE, "subject": "Glow"}
    after = FuzzyDate(start=date(2022, 10, 1), end=date(2024, 4, 18), precision=Precision.YEAR)
    stored = [
        _stored(1, INTERVIEW, FuzzyDate.month(2022, 10), GLOW, curated=True, **glow),
        _stored(2, INTERVIEW, after, GLOW, subject="STARFIELD", reading="after Oct 2022"),
        _stored(3, INTERVIEW, after, GLOW, subject="Hailuo AI", reading="after Oct 2022"),
        _stored(4, INTERVIEW, FuzzyDate.month(2022, 10), GLOW),  # the parsed anchor: Glow's
    ]
    happenings, repeated = group_happenings(stored, {})
    assert repeated == [4]
    assert [[t.event_id for t in h.tellings] for h in happenings] == [[1], [2], [3]]


def test_a_profile_birth_year_is_the_persons_birth() -> None:
    line = "- **Born**: 1989 (age ~36)"
    born = Fact(subject="Yan Junjie", attribute="born", value="1989", passage=0, evidence=line)
    [birth] = _selected(line, None, (born,))
    assert (birth.kind, birth.subject, birth.happening) == (
        EventKind.BIRTH,
        "Yan Junjie",
        "birth:yanjunjie",
    )
    assert birth.when == FuzzyDate.year(1989) and birth.evidence == "1989"
    assert birth.title == "Yan Junjie born" and birth.sentence == line
