"""What a request that cannot be answered as asked is told, in English, simplified and
traditional Chinese: a query's Problem (no such model, nothing matches). Part of the cards'
catalog (`bot.cards.catalog`), kept here because the queries name these sentences.

What the user typed is echoed as typed, and a command stays as it is typed (`/search`).
The traditional entries were converted from the simplified with OpenCC (s2twp) and then
read over: Taiwan's words (搜尋, 類型) and corner quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from bot.domain.wording import Table, Wording
from bot.queries.results import Problem

_PROBLEMS: dict[str, tuple[str, str, str]] = {
    # A model, a name, a person: what the user typed is echoed, shortened, in quotes.
    "problem.which_model": (
        "Which model? Type a model's name, such as MiniMax-M2.",
        "哪个模型？请输入模型名称，例如 MiniMax-M2。",
        "哪個模型？請輸入模型名稱，例如 MiniMax-M2。",
    ),
    "problem.many_models": (
        "“{name}” could be more than one model.",
        "“{name}”可能指多个模型。",
        "「{name}」可能指多個模型。",
    ),
    "problem.no_model": (
        "No model called “{name}” in the corpus.",
        "语料中没有名为“{name}”的模型。",
        "語料中沒有名為「{name}」的模型。",
    ),
    "problem.not_a_model": (
        "“{name}” is named in the corpus, but not as a model or product.",
        "语料提到了“{name}”，但它不是模型或产品。",
        "語料提到了「{name}」，但它不是模型或產品。",
    ),
    "problem.which_name": (
        "Which name? Type a model's, company's or concept's name, such as M2.",
        "哪个名称？请输入模型、公司或概念的名称，例如 M2。",
        "哪個名稱？請輸入模型、公司或概念的名稱，例如 M2。",
    ),
    "problem.many_things": (
        "“{name}” could be more than one thing the corpus names.",
        "“{name}”可能指语料中提到的多个对象。",
        "「{name}」可能指語料中提到的多個項目。",
    ),
    "problem.no_name": (
        "No model, company or concept called “{name}” in the corpus.",
        "语料中没有名为“{name}”的模型、公司或概念。",
        "語料中沒有名為「{name}」的模型、公司或概念。",
    ),
    "problem.no_card": (
        "“{name}” is named in the corpus, but it has no card.",
        "语料提到了“{name}”，但它没有卡片。",
        "語料提到了「{name}」，但它沒有卡片。",
    ),
    "problem.same_model": (
        "“{left}” and “{right}” are the same model, {name}: name two different models.",
        "“{left}”和“{right}”是同一个模型 {name}：请输入两个不同的模型。",
        "「{left}」和「{right}」是同一個模型 {name}：請輸入兩個不同的模型。",
    ),
    "problem.which_person": (
        "Whom should I look up? Type a name.",
        "要查找谁？请输入名字。",
        "要查詢誰？請輸入名字。",
    ),
    "problem.many_people": (
        "“{name}” could be more than one person.",
        "“{name}”可能指多个人。",
        "「{name}」可能指多個人。",
    ),
    "problem.no_person": (
        "No one called “{name}” in the corpus.",
        "语料中没有名为“{name}”的人。",
        "語料中沒有名為「{name}」的人。",
    ),
    # /quote
    "problem.no_quotes": (
        "The corpus holds no quotes.",
        "语料中没有语录。",
        "語料中沒有語錄。",
    ),
    "problem.no_quotes_by": (
        "The corpus holds no quotes by {name}.",
        "语料中没有 {name} 的语录。",
        "語料中沒有 {name} 的語錄。",
    ),
    "problem.no_attributed_quotes": (
        "The corpus holds no attributed quotes.",
        "语料中没有署名的语录。",
        "語料中沒有署名的語錄。",
    ),
    "problem.no_words": (
        "No words to match in “{query}”: try a few words.",
        "“{query}”中没有可匹配的词：请输入几个词。",
        "「{query}」中沒有可相符的詞：請輸入幾個詞。",
    ),
    "problem.only_in_passages": (
        "No quote says “{said}”; the passages do: try /search {query}",
        "没有语录说到“{said}”，但段落中有：试试 /search {query}",
        "沒有語錄說到「{said}」，但段落中有：試試 /search {query}",
    ),
    "problem.no_quote_match": (
        "No quote matches “{query}”.",
        "没有与“{query}”匹配的语录。",
        "沒有與「{query}」相符的語錄。",
    ),
    "problem.no_more_matches": (
        "No more matches for “{query}”.",
        "与“{query}”匹配的语录已经没有了。",
        "與「{query}」相符的語錄已經沒有了。",
    ),
    # /search, /ask
    "problem.nothing_to_search": (
        "Nothing to search for: type a few words.",
        "没有要搜索的内容：请输入几个词。",
        "沒有要搜尋的內容：請輸入幾個詞。",
    ),
    "problem.empty_question": (
        "Ask a question in a few words: `/ask when was MiniMax founded`.",
        "请用几个词提问：`/ask MiniMax 什么时候成立的`。",
        "請用幾個詞提問：`/ask MiniMax 什麼時候成立的`。",
    ),
    # /timeline: `No funding events in 2024 match “M2”.`, its parts each a wording
    "problem.no_events": (
        "No {kind}events{year}{window}{match}.",
        "{year}{window}没有{match}{kind}事件。",
        "{year}{window}沒有{match}{kind}事件。",
    ),
    "problem.in_year": (
        " in {year}",
        "{year}年",
        "{year}年",
    ),
    "problem.between": (
        " between {start} and {end}",
        "{start}至{end}期间",
        "{start}至{end}期間",
    ),
    "problem.from": (
        " from {start} on",
        "{start}起",
        "{start}起",
    ),
    "problem.up_to": (
        " up to {end}",
        "截至{end}",
        "截至{end}",
    ),
    "problem.matching": (
        " match “{query}”",
        "匹配“{query}”的",
        "相符「{query}」的",
    ),
    # What kind of event a timeline was asked for: `No funding events`
    "event.founding": (
        "founding ",
        "成立",
        "成立",
    ),
    "event.funding": (
        "funding ",
        "融资",
        "融資",
    ),
    "event.valuation": (
        "valuation ",
        "估值",
        "估值",
    ),
    "event.release": (
        "release ",
        "发布",
        "釋出",
    ),
    "event.publication": (
        "publication ",
        "发表",
        "發表",
    ),
    "event.first": (
        "first ",
        "首次",
        "首次",
    ),
    "event.milestone": (
        "milestone ",
        "里程碑",
        "里程碑",
    ),
    "event.hire": (
        "hire ",
        "入职",
        "入職",
    ),
    "event.departure": (
        "departure ",
        "离职",
        "離職",
    ),
    "event.birth": (
        "birth ",
        "出生",
        "出生",
    ),
    "event.award": (
        "award ",
        "获奖",
        "獲獎",
    ),
    "event.appearance": (
        "appearance ",
        "公开露面",
        "公開露面",
    ),
    "event.meeting": (
        "meeting ",
        "会面",
        "會面",
    ),
    "event.incident": (
        "incident ",
        "事故",
        "事故",
    ),
    "event.recording": (
        "recording ",
        "录制",
        "錄製",
    ),
    "problem.no_event_kind": (
        "No kind of event called “{kind}”.",
        "没有名为“{kind}”的事件类型。",
        "沒有名為「{kind}」的事件類型。",
    ),
    "problem.backwards_range": (
        "The range ends ({end}) before it starts ({start}).",
        "时间范围的结束（{end}）早于开始（{start}）。",
        "時間範圍的結束（{end}）早於開始（{start}）。",
    ),
}

PROBLEMS: Table = MappingProxyType(_PROBLEMS)


def english(wording: Wording) -> str:
    return wording.text(PROBLEMS)


def problem(key: str, suggestions: Sequence[str] = (), **values: str | int | Wording) -> Problem:
    """The Problem `key` names, worded in English for the log and the tests, and carrying
    its wording for the cards to say in the reader's locale."""
    wording = Wording.of(key, **values)
    return Problem(english(wording), tuple(suggestions), wording)
