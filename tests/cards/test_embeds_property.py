"""Property: whatever an answer holds (hundreds of facts, values of thousands of characters,
markdown, pings, emoji, zero-width characters), its embed stays within Discord's limits, pings
nobody, and lists a note for every number it shows."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cards.embed import render_embed
from bot.domain.records import DocumentKind, FuzzyDate, ModelKind
from bot.queries.listings import Answer, DisagreementList, SourceList
from bot.queries.results import (
    About,
    Citation,
    Comparison,
    ComparisonRow,
    Disagreement,
    FactLine,
    FactValue,
    Mention,
    ModelCard,
    ModelList,
    ModelSummary,
    OnThisDay,
    PersonProfile,
    Problem,
    QuoteAnswer,
    SearchHit,
    SearchResults,
    Segment,
    Source,
    SourceSummary,
    Timeline,
    TimelineEntry,
)
from tests.cards.embed_checks import assert_every_number_has_its_note
from tests.cards.limits import assert_pings_nobody, assert_within_limits

# Pieces that stress the escaping and the cutting; no bare "[" or digits next to one, so a
# synthesised value never looks like a note number.
PIECES = [*"ab *_~`|>#-@<&!:\n ", "everyone", "here", "123", "🚀", "\u200b", "颜俊杰", "[x](y)"]
SHORT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
# Long text cheaply: a short piece repeated up to 3000 characters.
LONG = st.builds(lambda piece, size: ((piece or "z") * size)[:3000], SHORT, st.integers(0, 3000))
TEXT = st.one_of(SHORT, SHORT, LONG)
WHEN = [FuzzyDate.day(2026, 6, 21), FuzzyDate.month(2024, 3), FuzzyDate.part_of_year(2021, "late")]
DATES = st.none() | st.sampled_from(WHEN)
SOURCES = st.builds(
    Source, TEXT, TEXT, st.none() | TEXT, DATES, st.sampled_from(DocumentKind), st.just("en")
)
CITATIONS = st.builds(Citation, SOURCES, st.none() | TEXT, st.none() | TEXT)


def tuples(items: st.SearchStrategy, max_size: int, min_size: int = 0) -> st.SearchStrategy:
    return st.lists(items, min_size=min_size, max_size=max_size).map(tuple)


VALUES = st.builds(FactValue, TEXT, tuples(CITATIONS, 2))
FACTS = st.builds(FactLine, SHORT, TEXT, tuples(VALUES, 3, min_size=1), st.booleans())
KINDS = st.none() | st.sampled_from(ModelKind)
CARDS = st.builds(
    ModelCard,
    name=TEXT,
    aliases=tuples(TEXT, 4),
    kind=KINDS,
    minimax=st.none() | st.booleans(),
    facts=tuples(FACTS, 30),
    mentions=tuples(st.builds(Mention, TEXT, CITATIONS), 10),
    specified=st.booleans(),
    matched=TEXT,
    exact=st.booleans(),
)
ENTRIES = st.builds(TimelineEntry, st.sampled_from(WHEN), TEXT, st.none() | TEXT, CITATIONS)
QUOTES = st.builds(
    QuoteAnswer,
    quote_id=st.integers(0, 10),
    text=TEXT,
    speaker=st.none() | TEXT,
    speaker_as_written=st.none() | TEXT,
    question=st.none() | TEXT,
    citation=CITATIONS,
    how=st.sampled_from(["match", "random", "daily"]),
    query=st.none() | TEXT,
    speaker_filter=st.none() | TEXT,
    rank=st.integers(0, 99),
    total=st.integers(1, 100),
)
SUMMARIES = st.builds(
    SourceSummary, SOURCES, st.integers(0, 10**6), st.integers(0, 999), st.integers(0, 99)
)
DISAGREEMENTS = st.builds(Disagreement, TEXT, SHORT, TEXT, tuples(VALUES, 5, min_size=1))
PAGE = st.integers(0, 9)
COUNT = st.integers(0, 999)
MODEL_LISTS = st.builds(
    ModelList,
    KINDS,
    tuples(st.builds(ModelSummary, TEXT, KINDS, st.none() | st.booleans(), DATES), 150),
)
ROWS = st.builds(ComparisonRow, TEXT, tuples(VALUES, 3), tuples(VALUES, 3))
PEOPLE = st.builds(
    PersonProfile,
    TEXT,
    tuples(TEXT, 8),
    st.none() | TEXT,
    tuples(SOURCES, 30),
    st.integers(0, 500),
    tuples(FACTS, 20),
)
TIMELINES = st.builds(
    Timeline,
    tuples(ENTRIES, 12),
    PAGE,
    PAGE,
    COUNT,
    st.none() | st.integers(1900, 2100),
    st.none() | TEXT,
)
DAYS = st.builds(
    OnThisDay,
    st.integers(1, 12),
    st.integers(1, 28),
    st.just(2026),
    tuples(ENTRIES, 12),
    st.sampled_from(["none", "month", "quote"]),
    st.none() | QUOTES,
)
HITS = st.builds(SearchHit, tuples(st.builds(Segment, TEXT, st.booleans()), 8), CITATIONS)
ABOUTS = st.builds(
    About,
    st.dictionaries(SHORT, st.integers(0, 10**9), max_size=40),
    tuples(SUMMARIES, 30),
    tuples(DISAGREEMENTS, 25),
    TEXT,
)
ANSWERS: st.SearchStrategy[Answer] = st.one_of(
    CARDS,
    MODEL_LISTS,
    st.builds(Comparison, CARDS, CARDS, tuples(ROWS, 30)),
    PEOPLE,
    TIMELINES,
    DAYS,
    st.builds(SearchResults, TEXT, tuples(HITS, 10), PAGE, PAGE, COUNT),
    st.builds(SourceList, tuples(SUMMARIES, 30)),
    ABOUTS,
    st.builds(DisagreementList, tuples(DISAGREEMENTS, 25), st.none() | TEXT),
    st.builds(Problem, TEXT, tuples(TEXT, 30)),
    QUOTES,
)


@settings(
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ]
)
@given(ANSWERS)
def test_any_answer_renders_within_every_limit(answer: Answer) -> None:
    embed = render_embed(answer)
    assert_within_limits(embed)
    assert_pings_nobody(embed)
    if not isinstance(answer, SearchResults | About | SourceList | ModelList | Problem):
        assert_every_number_has_its_note(embed)
