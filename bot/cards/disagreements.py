"""Where the corpus disagrees, as cards show it: `/disagreements`, and the part every
subject's card (a model, a person, MiniMax) adds for its own disagreements and for the errors
of the corpus about it, which are kept as written and flagged with the team's note.

The team's notes are always labelled as the team's, never given as the corpus's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.cards.card import Card, Entry, Fact, Section, Tone, Value
from bot.cards.citing import source_line
from bot.cards.labels import DEFAULT, Locale, attribute_label, counted, say
from bot.cards.timeline import pages
from bot.domain.text import shown
from bot.queries.listings import DisagreementList
from bot.queries.results import Disagreement, FactLine, TeamNote

QUERY_CHARS = 60


def disagreement_fact(
    item: Disagreement, locale: Locale = DEFAULT, *, subject: bool = True
) -> Fact:
    """`MiniMax: Team size`, each claim with its sources, the team's note below them."""
    label = attribute_label(item.attribute, item.label, locale)
    if subject:
        label = say("named", locale, name=item.subject, text=label)
    if len(item.files) == 1:
        label = f"{label} ({say('disagree.within', locale)})"
    values = tuple(Value(value.value, value.citations) for value in item.values)
    return Fact(label, values, note=item.note)


def notes_section(notes: Sequence[TeamNote], locale: Locale = DEFAULT) -> Section:
    """The corpus's errors, each as written with the team's note, cited where it is written."""
    entries = tuple(Entry(n.note, label=f"“{n.written}”", citations=(n.citation,)) for n in notes)
    return Section(say("disagree.notes", locale), entries, what="notes")


def subject_parts(
    names: Sequence[str],
    lines: Sequence[FactLine],
    facts: Sequence[Fact],
    items: Sequence[Disagreement],
    notes: Sequence[TeamNote],
    locale: Locale = DEFAULT,
) -> tuple[tuple[Fact, ...], tuple[Section, ...]]:
    """For the card of the subject `names` spells, with its fact `lines` laid out as `facts`:
    the facts, a disputed one with every claim and the team's note on it; then a section for
    the disagreements no fact line states, and one for the errors of the corpus about the
    subject."""
    own = set(names)
    stated = {line.attribute for line in lines}
    on_lines = {i.attribute: i for i in items if i.subject in own and i.attribute in stated}
    shown_facts = tuple(
        _with_claims(fact, on_lines[line.attribute]) if line.attribute in on_lines else fact
        for line, fact in zip(lines, facts, strict=True)
    )
    rest = tuple(
        disagreement_fact(item, locale, subject=item.subject not in own)
        for item in items
        if on_lines.get(item.attribute) is not item
    )
    sections = []
    if rest:
        title = say("disagree.counted", locale, n=len(rest))
        sections.append(Section(title, facts=rest, what="points"))
    if notes:
        sections.append(notes_section(notes, locale))
    return shown_facts, tuple(sections)


def _with_claims(fact: Fact, item: Disagreement) -> Fact:
    """The fact flagged, with the team's note and every claim of `item` it does not cite yet:
    a claim of the same words as a value adds its citations to that value."""
    values = list(fact.values)
    cited = {(c.source.file, c.evidence) for v in values for c in v.citations}
    for claim in item.values:
        new = tuple(c for c in claim.citations if (c.source.file, c.evidence) not in cited)
        same = next((i for i, v in enumerate(values) if v.text == claim.value), None)
        if not new:
            continue
        if same is None:
            values.append(Value(claim.value, new))
        else:
            values[same] = Value(values[same].text, values[same].citations + new)
        cited.update((c.source.file, c.evidence) for c in new)
    return Fact(fact.label, tuple(values), True, item.note)


def _when_none(listing: DisagreementList, subject: str | None, locale: Locale) -> str:
    """What to say when nothing disagrees: "the sources agree" only of a subject that two or
    more documents state facts about; one document alone agrees with nothing."""
    if subject is None:
        return say("disagree.none", locale)
    name = listing.resolved
    if name is None:
        return say("disagree.none_about", locale, subject=subject)
    stating = [source_line(source, locale=locale) for source in listing.stating]
    mentioning = [source_line(source, locale=locale) for source in listing.mentioning]
    if len(stating) >= 2:
        documents = "; ".join(stating)
        return say("disagree.agree", locale, n=len(stating), name=name, documents=documents)
    if stating:
        return say("disagree.one_source", locale, name=name, document=stating[0])
    if mentioning:
        return say("disagree.only_named", locale, name=name, documents="; ".join(mentioning))
    return say("disagree.nothing", locale, name=name)


def _next_page(listing: DisagreementList) -> str | None:
    if listing.page + 1 >= listing.page_count:
        return None
    subject = f' subject:"{listing.subject}"' if listing.subject else ""
    return f"/disagreements{subject} page:{listing.page + 2}"


def disagreements_card(listing: DisagreementList, locale: Locale = DEFAULT) -> Card:
    subject = shown(listing.subject, QUERY_CHARS) if listing.subject else None
    about = "_about" if subject else ""
    title = say(f"disagree.title{about}", locale, subject=subject)
    notes = (notes_section(listing.notes, locale),) if listing.notes else ()
    if not listing.items:
        lead = _when_none(listing, subject, locale)
        return Card(title, lead=(lead,), sections=notes, locale=locale)
    points = counted("count.points", listing.total, locale)
    return Card(
        title,
        lead=(say("disagree.lead", locale, points=points),),
        facts=tuple(disagreement_fact(item, locale) for item in listing.items),
        facts_what="points",
        sections=notes if listing.page == 0 else (),
        status=(points, pages(listing.page, listing.page_count, locale)),
        next_page=_next_page(listing),
        tone=Tone.WARNING,
        locale=locale,
    )
