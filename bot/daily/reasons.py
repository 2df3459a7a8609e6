"""Why a guild's daily post is paused: said once in English when it fails (the log and the
state keep that), and shown to each admin in their locale.

The state holds the English sentence, as it always has, so nothing stored changes shape:
`/daily status` reads it back against the catalog's English templates and says the one it
matches in the admin's locale. Discord's own words in it (its error text) stay as Discord
wrote them; a reason no template matches (an older one) is shown as stored.
"""

from __future__ import annotations

import re
import string
from functools import cache

from bot.cards.catalog import LABELS
from bot.cards.labels import DEFAULT, Locale, say

# The catalog's keys of the reasons a post is paused for.
REASONS = (
    "daily.reason.no_access",
    "daily.reason.no_permission",
    "daily.reason.refused",
    "daily.reason.gone",
    "daily.bad_zone",
)


@cache
def _template(key: str) -> re.Pattern[str]:
    """The English sentence of `key` as a pattern, each placeholder a named group."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(LABELS[key][0]):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>.*?)")
    return re.compile("".join(parts), re.DOTALL)


def reason_in(stored: str, locale: Locale = DEFAULT) -> str:
    """A stored reason in `locale`: the template it was made from, said again."""
    if locale == DEFAULT:
        return stored
    for key in REASONS:
        found = _template(key).fullmatch(stored)
        if found is not None:
            return say(key, locale, **found.groupdict())
    return stored
