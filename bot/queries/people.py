"""People: who a name means (any spelling, forgiving typos) and what the corpus says of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import DamerauLevenshtein

from bot.domain.names import name_key
from bot.domain.records import Person
from bot.domain.text import shown as shown_text
from bot.queries.corpus import Catalog, Corpus
from bot.queries.disagreements import about_subject
from bot.queries.labels import label_for
from bot.queries.problem_wording import problem
from bot.queries.results import Citation, FactLine, PersonProfile, Problem
from bot.queries.same_values import company_names, same_values
from bot.queries.search import fold, query_words
from bot.store.quotes_read import PersonFactRow

NAME_CUTOFF = 75.0  # below this a name is only a "did you mean"
SUGGESTION_CUTOFF = 50.0
MAX_SUGGESTIONS = 3
MAX_NAME_LENGTH = 100


@dataclass(frozen=True, slots=True)
class NameMatch:
    person: Person
    score: float


def _score(query: str, spelling: str, **_: object) -> float:
    # Word order is free (`Yan Junjie`, `Junjie Yan`); a name given in part (`Junjie`) counts
    # a little less than a whole one, so a surname two people share stays ambiguous.
    return max(fuzz.token_sort_ratio(query, spelling), 0.95 * fuzz.token_set_ratio(query, spelling))


def close_people(
    catalog: Catalog, name: str, *, cutoff: float = SUGGESTION_CUTOFF
) -> list[NameMatch]:
    """People whose spellings come close to `name`, best first, each person once."""
    query = utils.default_process(name[:MAX_NAME_LENGTH])
    if not query.strip():
        return []
    spellings = [(spelling, person) for person in catalog.people for spelling in person.names]
    found = process.extract(
        query,
        [spelling for spelling, _ in spellings],
        scorer=_score,
        processor=utils.default_process,
        score_cutoff=cutoff,
        limit=None,
    )
    best: dict[str, NameMatch] = {}
    for _, score, index in sorted(found, key=lambda hit: (-hit[1], hit[2])):
        person = spellings[index][1]
        best.setdefault(person.name, NameMatch(person, float(score)))
    return list(best.values())


def resolve_person(catalog: Catalog, name: str) -> Person | Problem:
    """The person `name` means: any exact spelling, else the one clear fuzzy match."""
    exact = catalog.person(name[:MAX_NAME_LENGTH])
    if exact is not None:
        return exact
    shown = shown_text(name, MAX_NAME_LENGTH) or name[:MAX_NAME_LENGTH]
    close = close_people(catalog, name)
    suggestions = tuple(match.person.name for match in close[:MAX_SUGGESTIONS])
    if close and close[0].score >= NAME_CUTOFF and _every_word_close(name, close[0].person):
        if len(close) == 1 or close[1].score < close[0].score:
            return close[0].person
        return problem("problem.many_people", suggestions, name=shown)
    return problem("problem.no_person", suggestions, name=shown)


def _every_word_close(name: str, person: Person) -> bool:
    """Each word typed is a word of one spelling, give or take a typo per four letters (one
    for a short word): `Chen Yu` is not `Weiyu Cheng`, though the two sort to similar letters,
    `Jensen Zhang` is not `Jensen Huang`, and `MiniMax` is not the handle `@YJJMinimax`."""
    typed = utils.default_process(name[:MAX_NAME_LENGTH]).split()
    spellings = [words for s in person.names if (words := utils.default_process(s).split())]
    if not typed or not spellings:
        return True
    return any(
        all(min(DamerauLevenshtein.distance(t, w) for w in words) <= _slips(t) for t in typed)
        for words in spellings
    )


def _slips(word: str) -> int:
    return max(1, len(word) // 4)


def _fact_lines(
    rows: Sequence[PersonFactRow], catalog: Catalog, disputed: set[str]
) -> tuple[FactLine, ...]:
    # value -> its citations, as an ordered set: a value many documents give is cited by each.
    by_attribute: dict[str, dict[str, dict[Citation, None]]] = {}
    for row in rows:
        values = by_attribute.setdefault(row.attribute, {})
        citation = catalog.citation(row.file, row.heading, row.evidence)
        values.setdefault(row.value, {})[citation] = None
    company = company_names(catalog)
    lines = []
    for attribute, values in by_attribute.items():
        said = same_values(values.items(), company)  # `founder`, `MiniMax's founder`: one
        # the sources differ only where the values shown do
        lines.append(
            FactLine(
                attribute,
                label_for(attribute),
                said,
                disputed=attribute in disputed and len(said) > 1,
            )
        )
    return tuple(lines)


def _fewest_texts(person: Person) -> list[str]:
    """Spellings to look for in passages: a spelling whose words include all the words of
    another (`Junjie Yan` when `Yan` is one) can only find passages the other finds."""
    word_sets = {frozenset(fold(w) for w in query_words(s)) for s in person.names} - {frozenset()}
    kept = [words for words in word_sets if not any(other < words for other in word_sets)]
    return sorted(" ".join(sorted(words)) for words in kept)


async def person_profile(corpus: Corpus, name: str) -> PersonProfile | Problem:
    """Every spelling, the role, the documents that mention the person, quotes and facts."""
    if not name.strip():
        return problem("problem.which_person")
    found = resolve_person(corpus.catalog, name)
    if isinstance(found, Problem):
        return found
    store, catalog = corpus.store, corpus.catalog
    keys = sorted({name_key(spelling) for spelling in found.names} - {""})
    speakers = await speakers_of(corpus, found)
    files = await store.person_files(keys=keys, speakers=speakers, texts=_fewest_texts(found))
    quote_count = await store.quote_count(speakers=speakers)
    disputed = await store.disputed_attributes(found.names)
    facts = _fact_lines(await store.person_facts(keys), catalog, disputed)
    sources = tuple(catalog.sources[file] for file in sorted(files) if file in catalog.sources)
    disagreements, notes = await about_subject(corpus, found.names)
    return PersonProfile(
        found.name, found.names, found.role, sources, quote_count, facts, disagreements, notes
    )


async def speakers_of(corpus: Corpus, person: Person) -> tuple[str, ...]:
    """The person's spellings, plus any speaker spelling quotes use that names the person."""
    quoted = await corpus.store.quoted_speakers()
    written = (s for s in quoted if corpus.catalog.person(s) == person)
    return tuple(dict.fromkeys((*person.names, *written)))
