"""The fixed words of /ask's card, as (English, simplified Chinese, traditional Chinese).
Part of the cards' catalog (`bot.cards.catalog`)."""

from __future__ import annotations

from types import MappingProxyType

from bot.domain.wording import Table

_ASK: dict[str, tuple[str, str, str]] = {
    "ask.title": ("Ask · “{q}”", "问 · “{q}”", "問 · 「{q}」"),
    "ask.about": ("{subject} · {topic}", "{subject} · {topic}", "{subject} · {topic}"),
    "ask.supporting": ("Supporting passages", "出处段落", "出處段落"),
    "ask.nearest": ("Nearest passages", "最相近的段落", "最相近的段落"),
    "ask.when": ("When", "时间", "時間"),
    "ask.disputed": (
        "The sources disagree: each value is shown with its source.",
        "各来源说法不一：每个说法都附有出处。",
        "各來源說法不一：每個說法都附有出處。",
    ),
    "ask.not_understood": (
        "I could not tell what this asks. The nearest passages are below.",
        "没能理解这个问题。下面是最相近的段落。",
        "沒能理解這個問題。下面是最相近的段落。",
    ),
    "ask.no_fact": (
        "The corpus does not state it as a fact: what it says nearest is below.",
        "语料中没有把它写成事实：下面是最相近的内容。",
        "語料中沒有把它寫成事實：下面是最相近的內容。",
    ),
    "ask.not_covered": (
        "The corpus does not say. The nearest passages are below.",
        "语料中没有这方面的内容。下面是最相近的段落。",
        "語料中沒有這方面的內容。下面是最相近的段落。",
    ),
    "ask.nothing": (
        "The corpus does not say, and no passage comes near.",
        "语料中没有这方面的内容，也没有相近的段落。",
        "語料中沒有這方面的內容，也沒有相近的段落。",
    ),
}

ASK: Table = MappingProxyType(_ASK)
