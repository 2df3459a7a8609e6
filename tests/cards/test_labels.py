"""The label catalog: every fixed word in English, simplified and traditional Chinese, and the
same answer in each locale showing the same values under translated labels."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from bot.cards.attribute_labels import ATTRIBUTES
from bot.cards.build import card_for
from bot.cards.card import Card
from bot.cards.catalog import LABELS
from bot.cards.dates import format_when
from bot.cards.labels import LOCALES, counted, left_out, locale_of, placeholders, say
from bot.cards.text import card_text, columns, render_text
from bot.commands import run_command
from bot.domain.records import FuzzyDate
from bot.queries.corpus import Corpus
from bot.queries.labels import _LABELS as ENGLISH_ATTRIBUTE_LABELS
from tests.cards.test_layouts_agree import CALLS

TODAY = date(2026, 6, 21)
HAN = range(0x4E00, 0xA000)
# Wordings that are the same words in every script, with Chinese punctuation at most.
NO_WORDS = frozenset({"named", "ask.about", "daily.when", "permission.list", "terminal.option"})
# Chinese takes its own word order: a month by its number, not its English name.
CHINESE_ONLY = frozenset({"month"})
ENGLISH_LABELS = ("Sources:", "Source:", "Asked:", "Next:", "page ", "… and ", "(the document)")


def chinese(text: str) -> bool:
    return any(ord(ch) in HAN for ch in text)


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_has_all_three_locales(key: str) -> None:
    english, simplified, traditional = LABELS[key]
    assert english.strip() and simplified.strip() and traditional.strip(), key
    for text in (simplified, traditional):
        assert chinese(text) or key in NO_WORDS, (key, text)
        assert placeholders(text) <= placeholders(english) | CHINESE_ONLY, (key, text)
        assert len(text.split("|")) <= len(english.split("|")), key
    assert placeholders(simplified) == placeholders(traditional), key
    values = dict.fromkeys(placeholders(english) | CHINESE_ONLY, "x")
    for locale in LOCALES:
        assert "{" not in say(key, locale, **values), (key, locale)


def test_every_named_attribute_has_both_chinese_labels() -> None:
    assert set(ENGLISH_ATTRIBUTE_LABELS) <= set(ATTRIBUTES)
    for attribute, translated in ATTRIBUTES.items():
        assert set(translated) == {"zh-CN", "zh-TW"}, attribute
        assert all(text.strip() for text in translated.values()), attribute


def test_english_is_the_default_and_each_chinese_tag_finds_its_script() -> None:
    assert [locale_of(tag) for tag in ("en-US", "en-GB", "fr", "", None)] == ["en"] * 5
    assert [locale_of(tag) for tag in ("zh-CN", "zh_cn", "zh", "zh-Hans")] == ["zh-CN"] * 4
    assert [locale_of(tag) for tag in ("zh-TW", "zh-HK", "zh-Hant")] == ["zh-TW"] * 3


def test_counts_take_their_form_and_left_out_items_their_words() -> None:
    assert counted("count.passages", 1) == "1 passage"
    assert counted("count.passages", 1204) == "1,204 passages"
    assert counted("count.passages", 7, "zh-CN") == "7 段"
    assert left_out(3, "events") == "… and 3 more events"
    assert left_out(3, "events", "zh-TW") == "……另有 3 個事件"
    assert left_out(2, "more widgets", "en") == "… and 2 more widgets"  # a phrase, not a key


def test_dates_keep_their_precision_in_chinese() -> None:
    assert format_when(FuzzyDate.month(2021, 12), "zh-CN") == "2021年12月"
    assert format_when(FuzzyDate.part_of_year(2021, "late"), "zh-TW") == "2021年末"
    assert format_when(FuzzyDate.day(2026, 6, 21), "zh-CN") == "2026-06-21"
    assert format_when(FuzzyDate.year(2024), "zh-CN") == "2024"


def test_chinese_labels_line_up_in_a_terminal() -> None:
    assert columns("总参数量") == 8 and columns("Price") == 5


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    opened = await Corpus.open(indexed_seeds_db)
    yield opened
    await opened.close()


def values_of(card: Card) -> list[str]:
    """What the corpus says on the card: values, quoted words, cited texts, citations (not the
    card's own wording, such as a date it formats)."""
    found = [value.text for fact in card.facts for value in fact.values]
    for section in (card.main, *card.sections):
        if section is not None:
            cited = [entry for entry in section.entries if entry.citations]
            found += [f"{entry.text}{entry.citations}" for entry in cited]
            found += [value.text for fact in section.facts for value in fact.values]
    if card.quote is not None:
        found += [card.quote.text, card.quote.question or "", repr(card.quote.citation)]
    return found


@pytest.mark.parametrize(("command", "options"), CALLS, ids=lambda v: str(v))
async def test_the_same_answer_shows_the_same_values_under_translated_labels(
    corpus: Corpus, command: str, options: dict[str, str]
) -> None:
    answer = await run_command(corpus, command, options, TODAY)
    english = card_for(answer)
    for locale in ("zh-CN", "zh-TW"):
        translated = card_for(answer, locale)
        assert translated.locale == locale
        assert values_of(translated) == values_of(english), locale
        text = card_text(translated)
        assert chinese(text), locale
        assert not any(label in text for label in ENGLISH_LABELS), (locale, text[:400])
    assert render_text(answer) == card_text(english)  # English by default


async def test_a_model_card_in_chinese_keeps_the_corpus_words(corpus: Corpus) -> None:
    answer = await run_command(corpus, "model", {"name": "M2"}, TODAY)
    english, simplified = render_text(answer), render_text(answer, "zh-CN")
    assert "Total parameters" in english and "Sources:" in english
    assert "总参数量" in simplified and "来源：" in simplified
    assert "230B" in simplified and "MIT (fully open, commercial use allowed)" in simplified
    assert "Total parameters" not in simplified
