"""Answers as plain terminal text: readable, every fact with its citation, dates at their precision.

`render` takes any answer a command gives (see `bot.queries.listings.Answer`) and returns text
with no colour and no markup beyond `**highlighted**` search words, so it reads the same in a
terminal, a pipe and a test.
"""

from __future__ import annotations

from typing import assert_never

from bot.queries.listings import Answer, DisagreementList, SourceList
from bot.queries.results import (
    About,
    Comparison,
    ModelCard,
    ModelList,
    OnThisDay,
    PersonProfile,
    Problem,
    QuoteAnswer,
    SearchResults,
    Timeline,
)
from bot.render.text_common import clip, quote_lines
from bot.render.text_corpus import (
    render_about,
    render_disagreements,
    render_search,
    render_sources,
)
from bot.render.text_dates import render_on_this_day, render_timeline
from bot.render.text_models import (
    render_comparison,
    render_model_card,
    render_model_list,
    render_person,
)


def render(answer: Answer) -> str:
    """The answer as text, without a trailing newline."""
    match answer:
        case Problem():
            return render_problem(answer)
        case QuoteAnswer():
            return render_quote(answer)
        case ModelCard():
            return render_model_card(answer)
        case ModelList():
            return render_model_list(answer)
        case Comparison():
            return render_comparison(answer)
        case PersonProfile():
            return render_person(answer)
        case Timeline():
            return render_timeline(answer)
        case OnThisDay():
            return render_on_this_day(answer)
        case SearchResults():
            return render_search(answer)
        case SourceList():
            return render_sources(answer)
        case About():
            return render_about(answer)
        case DisagreementList():
            return render_disagreements(answer)
        case _:
            assert_never(answer)


def render_problem(problem: Problem) -> str:
    if not problem.suggestions:
        return problem.message
    return f"{problem.message}\nDid you mean: {', '.join(problem.suggestions)}?"


def render_quote(quote: QuoteAnswer) -> str:
    if quote.how == "daily":
        header = "Quote of the day"
    elif quote.how == "random":
        header = "A random quote"
        if quote.speaker_filter:
            header += f" by {quote.speaker_filter}"
    else:
        header = "Best match" if quote.rank == 0 else f"Match {quote.rank + 1}"
        header += f" for “{clip(quote.query or '', 60)}”"
        if quote.speaker_filter:
            header += f" by {quote.speaker_filter}"
        header += f" ({quote.rank + 1} of {quote.total})"
    return "\n".join([f"{header}:", *quote_lines(quote)])
