"""Values of one fact line that say the same thing, shown once with every citation.

Sources word one statement differently: `MiniMax founder`, `founder`, `MiniMax's founder`;
`Co-founder & CEO`, `CEO & Co-founder`. Two values are the same when their words are, after
case-folding, without the company's name (and its possessive), in any order and with `&` or
`and` between them. Any other difference in words keeps them apart: `Co-founder` is not
`Co-founder & Head of Algorithms`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.queries.corpus import Catalog
from bot.queries.results import Citation, FactValue

COMPANY = "MiniMax"
_WORD = re.compile(r"[\w-]+")
_JOINING = frozenset({"and"})


def company_names(catalog: Catalog) -> tuple[str, ...]:
    """Every name the company is written by, the longest first (`MiniMax AI` before `MiniMax`)."""
    company = catalog.entity(COMPANY)
    names = company.aliases if company is not None else (COMPANY,)
    return tuple(sorted({COMPANY, *names}, key=len, reverse=True))


def _names_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    either = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<!\w)(?:{either})(?:['’]s)?(?!\w)", re.IGNORECASE)


def _words(value: str, company: re.Pattern[str] | None) -> tuple[str, ...]:
    folded = value.casefold()
    rest = company.sub(" ", folded) if company is not None else folded
    words = tuple(sorted(w for w in _WORD.findall(rest) if w not in _JOINING))
    return words or tuple(_WORD.findall(folded))  # a value that is only the name stays itself


def same_values(
    values: Iterable[tuple[str, Iterable[Citation]]], company: Sequence[str]
) -> tuple[FactValue, ...]:
    """The values (each with its citations, in the order first stated) with those that say the
    same thing merged: the first one's wording, every citation of each, once."""
    pattern = _names_pattern(company)
    merged: dict[tuple[str, ...], tuple[str, dict[Citation, None]]] = {}
    for value, citations in values:
        _, cited = merged.setdefault(_words(value, pattern), (value, {}))
        cited.update(dict.fromkeys(citations))
    return tuple(FactValue(value, tuple(cited)) for value, cited in merged.values())
