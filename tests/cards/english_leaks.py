"""Which of the catalog's English fixed words show in an answer meant for a Chinese reader.

A fixed word is a run of at least two words of an English wording of the catalog (or of an
English fact label, or of a command's description), between its placeholders. Corpus text
stays as written, so a run that the corpus or the curated file (its names, the team's
notes) itself writes is not looked for: it could be the corpus speaking.
"""

from __future__ import annotations

import re
import string
from functools import cache

from bot.cards.attribute_labels import ATTRIBUTES
from bot.cards.catalog import LABELS
from bot.discord_app.locales import TEXTS
from bot.paths import SEEDS_DIR
from bot.queries.labels import _LABELS as ENGLISH_FACT_LABELS

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_EDGES = " \t\n.,:;!?()[]“”\"'`*…·—–/<>|"


def _pieces(wording: str) -> list[str]:
    """The literal runs of a wording, between its placeholders and its one|many forms."""
    runs: list[str] = []
    for form in wording.split("|"):
        runs += [literal for literal, _, _, _ in string.Formatter().parse(form)]
    return runs


def _fragments(run: str) -> list[str]:
    """A run cut at its punctuation, each part trimmed: `Slow down: try again` gives
    `Slow down` and `try again`."""
    parts = re.split(r"[.:;!?()“”\"`*…·—–|]", run)
    return [part.strip(_EDGES) for part in parts]


@cache
def corpus_text() -> str:
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in SEEDS_DIR.iterdir()]
    return "\n".join(texts).lower()


@cache
def english_fixed_words() -> frozenset[str]:
    """Each English wording's fixed words that its Chinese does not keep (a name such as
    `Twitter / X` reads the same in both)."""
    wordings = [(english, simplified) for english, simplified, _ in LABELS.values()]
    wordings += [
        (english, ATTRIBUTES.get(attribute, {}).get("zh-CN", ""))
        for attribute, english in ENGLISH_FACT_LABELS.items()
    ]
    # and the commands' descriptions, which /help shows
    wordings += list(TEXTS["zh-CN"].items())
    found = set()
    for english, chinese in wordings:
        for run in _pieces(english):
            for fragment in _fragments(run):
                if len(_WORD.findall(fragment)) < 2 or fragment in chinese:
                    continue
                if fragment.lower() not in corpus_text():
                    found.add(fragment)
    return frozenset(found)


def leaks(text: str) -> list[str]:
    """The catalog's English fixed words in `text`, which a Chinese reader should not see."""
    return sorted(fragment for fragment in english_fixed_words() if fragment in text)


@cache
def english_labels() -> frozenset[str]:
    """Whole English labels (`Sources`, `Total parameters`), as a field of a card shows them."""
    whole = {english for english, _, _ in LABELS.values() if "{" not in english}
    return frozenset(whole | set(ENGLISH_FACT_LABELS.values())) - {"Twitter / X", "CEO"}
