"""One card for any answer: the single dispatch over the answer types."""

from __future__ import annotations

from typing import assert_never

from bot.cards.ask import ask_card
from bot.cards.card import Card, Tone
from bot.cards.corpus import about_card, search_card, sources_card
from bot.cards.disagreements import disagreements_card
from bot.cards.entities import entity_card
from bot.cards.labels import DEFAULT, Locale, say, worded
from bot.cards.models import comparison, model_card, model_list, person
from bot.cards.quotes import quote_card
from bot.cards.timeline import on_this_day_card, timeline_card
from bot.domain.text import shown
from bot.queries.listings import Answer, DisagreementList, SourceList
from bot.queries.results import (
    About,
    AskAnswer,
    Comparison,
    EntityCard,
    ModelCard,
    ModelList,
    OnThisDay,
    PersonProfile,
    Problem,
    QuoteAnswer,
    SearchResults,
    Timeline,
)

SUGGESTION_CHARS = 100


def card_for(answer: Answer, locale: Locale = DEFAULT) -> Card:
    """The card of `answer`, its fixed words in `locale` (the corpus's own words as written)."""
    match answer:
        case Problem():
            return problem_card(answer, locale)
        case QuoteAnswer():
            return quote_card(answer, locale)
        case ModelCard():
            return model_card(answer, locale)
        case EntityCard():
            return entity_card(answer, locale)
        case ModelList():
            return model_list(answer, locale)
        case Comparison():
            return comparison(answer, locale)
        case PersonProfile():
            return person(answer, locale)
        case Timeline():
            return timeline_card(answer, locale)
        case OnThisDay():
            return on_this_day_card(answer, locale)
        case SearchResults():
            return search_card(answer, locale)
        case AskAnswer():
            return ask_card(answer, locale)
        case SourceList():
            return sources_card(answer, locale)
        case About():
            return about_card(answer, locale)
        case DisagreementList():
            return disagreements_card(answer, locale)
        case _:
            assert_never(answer)


def problem_card(problem: Problem, locale: Locale = DEFAULT) -> Card:
    """A short message (it may echo what the user typed) and what might help."""
    lead = [problem.message if problem.wording is None else worded(problem.wording, locale)]
    if problem.suggestions:
        names = ", ".join(shown(s, SUGGESTION_CHARS) for s in problem.suggestions)
        lead.append(say("did_you_mean", locale, names=names))
    return Card(None, lead=tuple(lead), tone=Tone.PROBLEM, locale=locale)
