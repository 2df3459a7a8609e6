"""Organisation and concept cards, as terminal text and as an embed, over the real seeds."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from bot.cards.embed import render_embed
from bot.cards.text import render_text
from bot.commands import run_command
from bot.queries.corpus import Corpus
from tests.cards.embed_checks import assert_every_number_has_its_note
from tests.cards.limits import assert_pings_nobody, assert_within_limits

TODAY = date(2026, 6, 21)


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    opened = await Corpus.open(indexed_seeds_db)
    yield opened
    await opened.close()


async def text_for(corpus: Corpus, name: str) -> str:
    answer = await run_command(corpus, "model", {"name": name}, TODAY)
    embed = render_embed(answer)
    assert_within_limits(embed)
    assert_pings_nobody(embed)
    assert_every_number_has_its_note(embed)
    return render_text(answer)


async def test_the_company_card_lists_founding_funding_team_and_strategy(
    corpus: Corpus,
) -> None:
    text = await text_for(corpus, "MiniMax")
    assert text.startswith("MiniMax\nCompany · also written MiniMax AI, 迷你马克斯")
    for label in ("Founded", "Co-founder", "Funding round", "Valuation", "Team size", "Strategy"):
        assert f"  {label}" in text, label
    assert "(the sources disagree)" in text


async def test_the_team_note_is_the_teams_and_the_common_name_is_marked(corpus: Corpus) -> None:
    text = await text_for(corpus, "红杉")
    assert text.startswith("HongShan\nInvestor · also written 鸿商")
    assert "“红杉” is a common name for HongShan from the bot team's list" in text
    # 003's 鸿商 is flagged with the team's note, as the team's
    assert "“鸿商”" in text.split("Where the corpus names it")[1]
    assert "“红杉”" not in text.split("Where the corpus names it")[1]


async def test_an_exact_alias_is_no_closest_match(corpus: Corpus) -> None:
    assert "Closest match" not in await text_for(corpus, "10T")
    assert "Closest match" in await text_for(corpus, "SenseTme")
