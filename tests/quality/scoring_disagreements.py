"""Score what the cards say of agreement and of the corpus's errors against the team's reading
(tests/gold/disagreements.toml), as `scoring_events` scores the disagreements themselves.

- agree: no card says "the sources agree" of a subject the reading's agreements cover from
  one document only (Glow, Kimi, MiniMax-M1, MiniMax-Text-01); such a line is wrong. A subject
  two documents cover may be said to agree, or may not (its card lists its disagreements).
- errors: each obvious error of the corpus is kept as written, with the team's note, on the
  card of its subject (`about_subject`, which every subject's card calls).
"""

from __future__ import annotations

from bot.cards.text import render_text
from bot.queries.corpus import Corpus
from bot.queries.disagreements import about_subject, disagreement_list
from tests.gold.corpus import load
from tests.quality.scoring import Score
from tests.quality.scoring_events import _holds

AGREE = "The sources agree"


async def score_agreements(corpus: Corpus) -> Score:
    score = Score("agree")
    for item in load("disagreements")["agreement"]:
        label = f"{item['id']} ({item['scope']})"
        text = render_text(await disagreement_list(corpus, item["subject"]))
        if AGREE in text and item["scope"] == "within":
            score.wrong.append(f"{label}: says the sources agree")
        else:
            score.right.append(label)
    return score


async def score_corpus_errors(corpus: Corpus) -> Score:
    score = Score("errors")
    for item in load("disagreements")["corpus_error"]:
        label = f"{item['id']} ({item['subject']})"
        _, notes = await about_subject(corpus, [item["subject"]])
        if any(
            n.written == item["written"]
            and n.citation.source.file == item["doc"]
            and _holds(n.citation.evidence or "", item["evidence"])
            for n in notes
        ):
            score.right.append(label)
        else:
            score.missing.append(label)
    return score


async def score_disagreement_classes(corpus: Corpus) -> list[Score]:
    return [await score_agreements(corpus), await score_corpus_errors(corpus)]
