"""The fixed words of every card in the reader's locale: English, simplified and traditional
Chinese. Each wording lives once, in `bot.cards.catalog`; a card is built for one locale and
its layouts (text, embed) take their own words from the same locale. Corpus text is never
translated: only the labels around it.

A Discord user's locale comes from `interaction.locale`, the terminal's from `--locale`;
any tag the catalog does not have reads as English.
"""

from __future__ import annotations

import string
from typing import Literal, get_args

from bot.cards.attribute_labels import ATTRIBUTES
from bot.cards.catalog import LABELS
from bot.domain.wording import Wording

Locale = Literal["en", "zh-CN", "zh-TW"]
LOCALES: tuple[Locale, ...] = get_args(Locale)
DEFAULT: Locale = "en"
_TRADITIONAL = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")


def locale_of(tag: str | None) -> Locale:
    """`zh-CN`, `zh_cn`, `zh-Hans` and `zh` read as simplified Chinese; `zh-TW`, `zh-HK` and
    `zh-Hant` as traditional; anything else (`en-US`, `fr`, none) as English."""
    folded = (tag or "").strip().lower().replace("_", "-")
    if folded.startswith(_TRADITIONAL):
        return "zh-TW"
    if folded == "zh" or folded.startswith("zh-"):
        return "zh-CN"
    return DEFAULT


def _entry(key: str, locale: Locale) -> str:
    return LABELS[key][LOCALES.index(locale)]


def say(key: str, locale: Locale = DEFAULT, **values: object) -> str:
    """The catalog's wording for `key` in `locale`, its `{placeholders}` filled in."""
    return _entry(key, locale).format(**values)


def worded(wording: Wording, locale: Locale = DEFAULT) -> str:
    """A sentence a lower layer named (a Problem's, a UsageError's) in `locale`."""
    return wording.text(LABELS, LOCALES.index(locale))


def told(message: str, wording: Wording | None, locale: Locale = DEFAULT) -> str:
    """A Problem's or UsageError's `message` (English) in `locale`, by its `wording` if any."""
    return message if wording is None else worded(wording, locale)


def counted(key: str, count: int, locale: Locale = DEFAULT, **values: object) -> str:
    """`1 passage`, `1,204 passages`, `7 段`: an entry written `one|many` picks its form by
    `count`; an entry without `|` has one form for any count."""
    forms = _entry(key, locale).split("|")
    form = forms[0] if count == 1 or len(forms) == 1 else forms[1]
    return form.format(n=f"{count:,}", **values)


def forms(key: str, locale: Locale = DEFAULT) -> tuple[str, str]:
    """An entry written `one|many` as its two forms; an entry of one form, that form twice."""
    one, _, many = _entry(key, locale).partition("|")
    return one, many or one


def left_out(count: int, what: str, locale: Locale = DEFAULT) -> str:
    """`… and 3 more events`: how many items of a list were left out. `what` names them by a
    `more.*` key of the catalog; an English phrase (a builder not yet in the catalog) is
    shown as it is."""
    key = f"more.{what}"
    if key in LABELS:
        return say(key, locale, n=count)
    return say("more.phrase", locale, n=count, what=what)


def attribute_label(attribute: str, english: str, locale: Locale) -> str:
    """A fact's label in `locale`: the catalog's translation of its attribute, else the
    English label the query gave it (`bot.queries.labels`)."""
    if locale == DEFAULT:
        return english
    return ATTRIBUTES.get(attribute, {}).get(locale, english)


def placeholders(text: str) -> frozenset[str]:
    """The `{names}` a wording takes."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)
