"""The slash commands in Chinese: names, descriptions and option names for zh-CN and zh-TW.

Keyed by the English text the command table (and cogs) register, so a command added to the
table shows in English until it is given a line here. Names follow Discord's rule for command
and option names (letters and digits, no spaces, at most 32 characters); the message menu's
name may have spaces. Corpus text is never translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from bot.cards.catalog import LABELS
from bot.cards.labels import DEFAULT, forms, locale_of

# English -> (zh-CN, zh-TW)
_NAMES: dict[str, tuple[str, str]] = {
    "quote": ("语录", "語錄"),
    "model": ("模型", "模型"),
    "models": ("模型列表", "模型列表"),
    "compare": ("对比", "比較"),
    "timeline": ("时间线", "時間線"),
    "onthisday": ("历史上的今天", "歷史上的今天"),
    "search": ("搜索", "搜尋"),
    "ask": ("提问", "提問"),
    "person": ("人物", "人物"),
    "sources": ("来源", "來源"),
    "about": ("关于", "關於"),
    "disagreements": ("分歧", "分歧"),
    "help": ("帮助", "說明"),
    "daily": ("每日", "每日"),
    "set": ("设置", "設定"),
    "off": ("关闭", "關閉"),
    "status": ("状态", "狀態"),
    "preview": ("预览", "預覽"),
    "Find in the corpus": ("在语料中查找", "在語料中尋找"),
    # options
    "query": ("关键词", "關鍵字"),
    "speaker": ("发言人", "發言人"),
    "name": ("名称", "名稱"),
    "kind": ("类型", "類型"),
    "year": ("年份", "年份"),
    "page": ("页码", "頁碼"),
    "date": ("日期", "日期"),
    "subject": ("主题", "主題"),
    "question": ("问题", "問題"),
    "channel": ("频道", "頻道"),
    "time": ("时间", "時間"),
    "timezone": ("时区", "時區"),
}

_TEXTS: dict[str, tuple[str, str]] = {
    "A question in plain words, English or Chinese, answered with its sources": (
        "用中文或英文直接提问，回答附出处",
        "用中文或英文直接提問，回答附出處",
    ),
    "Your question, e.g. when was MiniMax founded": (
        "你的问题，例如：MiniMax 什么时候成立的",
        "你的問題，例如：MiniMax 什麼時候成立的",
    ),
    "The best-matching quote, or a random one": (
        "最匹配的语录，或随机一条",
        "最相符的語錄，或隨機一則",
    ),
    "Words to match": ("要匹配的词", "要比對的字詞"),
    "Only quotes by this person": ("只看此人的语录", "只看此人的語錄"),
    "A card for a model, company or concept, every value with its source": (
        "模型、公司或概念的卡片，每个数值都注明来源",
        "模型、公司或概念的卡片，每個數值都註明來源",
    ),
    "Model, company or concept, any name": (
        "模型、公司或概念，任何名称",
        "模型、公司或概念，任何名稱",
    ),
    "The models the corpus names": ("语料中提到的模型", "語料中提到的模型"),
    "Only models of this kind": ("只看此类模型", "只看此類模型"),
    "Two models side by side, field by field": ("两个模型逐项对比", "兩個模型逐項比較"),
    "First model": ("第一个模型", "第一個模型"),
    "Second model": ("第二个模型", "第二個模型"),
    "Dated happenings, the main ones of a year first": (
        "按日期排列的事件，每年的主要事件在前",
        "依日期排列的事件，每年的主要事件在前",
    ),
    "Only events of this kind": ("只看此类事件", "只看此類事件"),
    "Only this year": ("只看这一年", "只看這一年"),
    "Only events mentioning these words": ("只看提到这些词的事件", "只看提到這些字詞的事件"),
    "Page to show, from 1": ("要显示的页码，从 1 开始", "要顯示的頁碼，從 1 開始"),
    "What happened on this month and day": ("历年这一天发生了什么", "歷年這一天發生了什麼"),
    "The day (default today), YYYY-MM-DD or MM-DD": (
        "日期（默认今天），YYYY-MM-DD 或 MM-DD",
        "日期（預設今天），YYYY-MM-DD 或 MM-DD",
    ),
    "Passages matching your words, with citations": (
        "与你的词匹配的段落，附出处",
        "與你的字詞相符的段落，附出處",
    ),
    "Words to search for": ("要搜索的词", "要搜尋的字詞"),
    "Who someone is: every spelling of the name and where they appear": (
        "某人是谁：名字的各种写法及出处",
        "某人是誰：名字的各種寫法及出處",
    ),
    "Name, in any spelling": ("名字，任何写法均可", "名字，任何寫法皆可"),
    "The documents of the corpus": ("语料中的文档", "語料中的文件"),
    "Corpus statistics and version": ("语料统计与版本", "語料統計與版本"),
    "Where the sources disagree": ("各来源说法不一之处", "各來源說法不一之處"),
    "Only this subject (a model, a person, MiniMax)": (
        "只看此主题（模型、人物、MiniMax）",
        "只看此主題（模型、人物、MiniMax）",
    ),
    "What this bot can do, with a link to each command": (
        "本机器人能做什么，附各命令链接",
        "本機器人能做什麼，附各指令連結",
    ),
    "The daily “on this day” post (Manage Server)": (
        "每日“历史上的今天”帖子（需管理服务器权限）",
        "每日「歷史上的今天」貼文（需管理伺服器權限）",
    ),
    "Post “on this day” in a channel every day": (
        "每天在一个频道发布“历史上的今天”",
        "每天在一個頻道發布「歷史上的今天」",
    ),
    "The channel to post in": ("要发布到的频道", "要發布到的頻道"),
    "Local time, HH:MM on a 24-hour clock (09:00)": (
        "当地时间，24 小时制 HH:MM（09:00）",
        "當地時間，24 小時制 HH:MM（09:00）",
    ),
    "Your time zone, an IANA name like Europe/London": (
        "你的时区，IANA 名称，如 Asia/Shanghai",
        "你的時區，IANA 名稱，如 Asia/Taipei",
    ),
    "Stop the daily post in this server": ("停止本服务器的每日帖子", "停止本伺服器的每日貼文"),
    "Where and when the daily post goes, and why not": (
        "每日帖子发到哪里、何时发，以及为何没发",
        "每日貼文發到哪裡、何時發，以及為何沒發",
    ),
    "What today's daily post will say (only you)": (
        "今天的每日帖子内容（仅你可见）",
        "今天的每日貼文內容（僅你可見）",
    ),
}

LOCALES = ("zh-CN", "zh-TW")


def choice_name(value: str, locale: str) -> str | None:
    """A kind offered as a choice (`/models kind`, `/timeline kind`) as the cards name it in
    `locale`: a model kind's many form (视频模型), an event kind's word (融资); None in
    English or for a value the catalog does not name."""
    reader = locale_of(locale)
    if reader == DEFAULT:
        return None
    for key in (f"kind.{value}", f"event.{value}"):
        if key in LABELS:
            return forms(key, reader)[1]
    return None


def _per_locale(table: dict[str, tuple[str, str]], index: int) -> Mapping[str, str]:
    return MappingProxyType({english: pair[index] for english, pair in table.items()})


NAMES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {locale: _per_locale(_NAMES, i) for i, locale in enumerate(LOCALES)}
)
TEXTS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {locale: _per_locale(_TEXTS, i) for i, locale in enumerate(LOCALES)}
)
