"""The catalog's Chinese is in the script its locale reads: no traditional character in a
zh-CN wording, none left simplified in a zh-TW one (checked with OpenCC, the converter the
project reads Chinese names with), and each key is said in one place only."""

from __future__ import annotations

import re
from functools import cache

import pytest
from opencc import OpenCC

from bot.cards.attribute_labels import ATTRIBUTES
from bot.cards.catalog import _LABELS, LABELS
from bot.cards.catalog_ask import ASK
from bot.cards.catalog_replies import REPLIES
from bot.cards.credit_labels import CREDITS
from bot.command_wording import USAGE
from bot.discord_app.locales import NAMES, TEXTS
from bot.domain.records import EventKind, ModelKind
from bot.queries.problem_wording import PROBLEMS


@cache
def converter(config: str) -> OpenCC:
    return OpenCC(config)


def simplified_only(text: str) -> bool:
    return converter("t2s").convert(text) == text


def traditional_only(text: str) -> bool:
    # Taiwan writes 平台 with 台, which OpenCC's s2tw makes 臺.
    return converter("s2tw").convert(text).replace("臺", "台") == text.replace("臺", "台")


def pairs() -> list[tuple[str, str, str]]:
    found = [(key, cn, tw) for key, (_, cn, tw) in LABELS.items()]
    found += [(key, both["zh-CN"], both["zh-TW"]) for key, both in ATTRIBUTES.items()]
    for table in (NAMES, TEXTS):
        found += [(key, cn, table["zh-TW"][key]) for key, cn in table["zh-CN"].items()]
    return found


@pytest.mark.parametrize(("key", "simplified", "traditional"), pairs(), ids=lambda v: str(v))
def test_each_chinese_wording_is_in_its_locales_script(
    key: str, simplified: str, traditional: str
) -> None:
    assert simplified_only(simplified), (key, simplified)
    assert traditional_only(traditional), (key, traditional)


def test_no_key_is_said_in_two_places() -> None:
    tables = (_LABELS, ASK, CREDITS, PROBLEMS, USAGE, REPLIES)
    assert sum(len(table) for table in tables) == len(LABELS)


@pytest.mark.parametrize(("key", "simplified", "traditional"), pairs(), ids=lambda v: str(v))
def test_chinese_wordings_take_full_width_punctuation(
    key: str, simplified: str, traditional: str
) -> None:
    """`：` and `，` beside Chinese characters, not `:` and `,`."""
    half_width = re.compile(r"[\u4e00-\u9fff][,:;()!?]|[,:;()!?][\u4e00-\u9fff]")
    assert not half_width.search(simplified) and not half_width.search(traditional), key


def test_every_kind_a_command_offers_is_named_in_the_catalog() -> None:
    """`/timeline kind:` and `/models kind:` choices, and `No funding events` for each."""
    assert {f"event.{kind.value}" for kind in EventKind} <= set(LABELS)
    assert {f"kind.{kind.value}" for kind in ModelKind} <= set(LABELS)
