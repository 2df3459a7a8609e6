"""Every kind of event a timeline may be asked for has its words in every locale: a refusal
that names a kind never fails on a missing one (`/timeline kind:birth` did)."""

from __future__ import annotations

from bot.domain.records import EventKind
from bot.queries.problem_wording import PROBLEMS


def test_every_event_kind_is_worded_in_every_locale() -> None:
    for kind in EventKind:
        words = PROBLEMS[f"event.{kind.value}"]
        assert len(words) == 3 and all(word.strip() for word in words), kind
