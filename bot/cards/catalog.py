"""Every fixed word of the cards, once, as (English, simplified Chinese, traditional Chinese).

Keys name what a wording is for; `{names}` are filled in by `bot.cards.labels.say`. An entry
written `one|many` has a form for one and for many (`counted`). Chinese needs no plural, and
takes its own word order, so a Chinese entry may leave out a placeholder the English needs
(a month's English name). Corpus text is never here. Problems, usage errors and replies join
it from `bot.queries.problem_wording`, `bot.command_wording` and `bot.cards.catalog_replies`,
a source's credits from `bot.cards.credit_labels`, /ask's from `bot.cards.catalog_ask`.
"""

from __future__ import annotations

from types import MappingProxyType

from bot.cards.catalog_ask import ASK
from bot.cards.catalog_replies import REPLIES
from bot.cards.credit_labels import CREDITS
from bot.command_wording import USAGE
from bot.domain.wording import Table
from bot.queries.problem_wording import PROBLEMS

_LABELS: dict[str, tuple[str, str, str]] = {
    # The layouts: around the values, the notes and the lists.
    "source": ("Source", "来源", "來源"),
    "sources": ("Sources", "来源", "來源"),
    "source_of": ("Source · {name}", "来源 · {name}", "來源 · {name}"),
    "asked": ("Asked", "提问", "提問"),
    "whole_document": ("the document", "全文", "全文"),
    "continued": ("{name} (continued)", "{name}（续）", "{name}（續）"),
    "disputed": ("the sources disagree", "各来源说法不一", "各來源說法不一"),
    "not_given": ("not given", "未给出", "未提供"),
    "next": ("Next: {command}", "下一页：{command}", "下一頁：{command}"),
    "page": (
        "page {page} of {pages}",
        "第 {page} 页，共 {pages} 页",
        "第 {page} 頁，共 {pages} 頁",
    ),
    "did_you_mean": (
        "Did you mean: {names}?",
        "你是不是要找：{names}？",
        "你是不是要找：{names}？",
    ),
    "named": ("{name}: {text}", "{name}：{text}", "{name}：{text}"),
    # What a list left out: `left_out(3, "events")`.
    "more.items": ("… and {n} more", "……另有 {n} 项", "……另有 {n} 項"),
    "more.phrase": ("… and {n} {what}", "……另有 {n} {what}", "……另有 {n} {what}"),
    "more.events": ("… and {n} more events", "……另有 {n} 个事件", "……另有 {n} 個事件"),
    "more.facts": ("… and {n} more facts", "……另有 {n} 项信息", "……另有 {n} 項資訊"),
    "more.values": ("… and {n} more values", "……另有 {n} 个说法", "……另有 {n} 個說法"),
    "more.mentions": ("… and {n} more mentions", "……另有 {n} 处提及", "……另有 {n} 處提及"),
    "more.models": ("… and {n} more models", "……另有 {n} 个模型", "……另有 {n} 個模型"),
    "more.documents": ("… and {n} more documents", "……另有 {n} 份文档", "……另有 {n} 份文件"),
    "more.passages": ("… and {n} more passages", "……另有 {n} 段", "……另有 {n} 段"),
    "more.points": ("… and {n} more points", "……另有 {n} 处分歧", "……另有 {n} 處分歧"),
    "more.notes": ("… and {n} more notes", "……另有 {n} 条注释", "……另有 {n} 條註釋"),
    "more.counts": ("… and {n} more counts", "……另有 {n} 项统计", "……另有 {n} 項統計"),
    "more.rows": (
        "… and {n} more rows; /model shows each card in full",
        "……另有 {n} 行；/model 可查看完整卡片",
        "……另有 {n} 列；/model 可查看完整卡片",
    ),
    # Counts.
    "count.passages": ("{n} passage|{n} passages", "{n} 段", "{n} 段"),
    "count.passages_more": ("{n}+ passages", "{n}+ 段", "{n}+ 段"),
    "count.quotes": ("{n} quote|{n} quotes", "{n} 条语录", "{n} 則語錄"),
    "count.events": ("{n} event|{n} events", "{n} 个事件", "{n} 個事件"),
    "count.documents": ("{n} document|{n} documents", "{n} 份文档", "{n} 份文件"),
    "count.points": ("{n} point|{n} points", "{n} 处", "{n} 處"),
    "count.models": ("{n} {one}|{n} {many}", "{n} 个{many}", "{n} 個{many}"),
    # Dates: a day, a month or a part of a year, never more precise than the source.
    "date.month": ("{month_abbr} {year}", "{year}年{month}月", "{year}年{month}月"),
    "date.month_name": ("{month_name}", "{month}月", "{month}月"),
    "date.month_day": ("{month_name} {day}", "{month}月{day}日", "{month}月{day}日"),
    "date.range": ("{start} – {end}", "{start}至{end}", "{start}至{end}"),
    "part.early": ("early {year}", "{year}年初", "{year}年初"),
    "part.spring": ("spring {year}", "{year}年春", "{year}年春"),
    "part.mid": ("mid {year}", "{year}年中", "{year}年中"),
    "part.summer": ("summer {year}", "{year}年夏", "{year}年夏"),
    "part.autumn": ("autumn {year}", "{year}年秋", "{year}年秋"),
    "part.fall": ("fall {year}", "{year}年秋", "{year}年秋"),
    "part.late": ("late {year}", "{year}年末", "{year}年末"),
    "part.end": ("end of {year}", "{year}年底", "{year}年底"),
    "part.winter": ("winter {year}", "{year}年冬", "{year}年冬"),
    "part.first half": ("first half of {year}", "{year}年上半年", "{year}年上半年"),
    "part.second half": ("second half of {year}", "{year}年下半年", "{year}年下半年"),
    # /quote
    "quote.daily": ("Quote of the day", "每日语录", "每日語錄"),
    "quote.random": ("A random quote", "随机语录", "隨機語錄"),
    "quote.random_by": (
        "A random quote by {speaker}",
        "{speaker} 的随机语录",
        "{speaker} 的隨機語錄",
    ),
    "quote.best": ("Best match for “{query}”", "与“{query}”最匹配", "與「{query}」最相符"),
    "quote.best_by": (
        "Best match for “{query}” by {speaker}",
        "{speaker} 的语录中与“{query}”最匹配",
        "{speaker} 的語錄中與「{query}」最相符",
    ),
    "quote.match": (
        "Match {n} for “{query}”",
        "与“{query}”匹配的第 {n} 条",
        "與「{query}」相符的第 {n} 則",
    ),
    "quote.match_by": (
        "Match {n} for “{query}” by {speaker}",
        "{speaker} 的语录中与“{query}”匹配的第 {n} 条",
        "{speaker} 的語錄中與「{query}」相符的第 {n} 則",
    ),
    "quote.rank": ("Match {n} of {total}", "第 {n} 条，共 {total} 条", "第 {n} 則，共 {total} 則"),
    "quote.written": (
        "{speaker} (written “{written}”)",
        "{speaker}（原文写作“{written}”）",
        "{speaker}（原文寫作「{written}」）",
    ),
    "quote.unattributed": ("Unattributed", "未署名", "未署名"),
    "quote.unattributed_notes": (
        "Unattributed · quoted in the show notes",
        "未署名 · 引自节目简介",
        "未署名 · 引自節目簡介",
    ),
    "button.next_quote": ("Next quote", "下一条语录", "下一則語錄"),
    # /timeline and /onthisday
    "timeline": ("Timeline", "时间线", "時間線"),
    "timeline.none": ("No events in the corpus.", "语料中没有事件。", "語料中沒有事件。"),
    # one source's date of a happening, side by side with the others'
    "timeline.dated": ("{when} ({source})", "{when}（来源 {source}）", "{when}（來源 {source}）"),
    "timeline.says": (
        "{reading} ({source} says “{words}”)",
        "{reading}（{source}原文：“{words}”）",
        "{reading}（{source}原文：「{words}」）",
    ),
    "timeline.more_sources": (
        "and {n} more source|and {n} more sources",
        "另有 {n} 个来源",
        "另有 {n} 個來源",
    ),
    "timeline.differ": (
        "the sources date it differently",
        "各来源的日期不一致",
        "各來源的日期不一致",
    ),
    "onthisday": ("On this day · {day}", "历史上的今天 · {day}", "歷史上的今天 · {day}"),
    "onthisday.nothing": (
        "Nothing in the corpus happened on {day}.",
        "语料中没有发生在{day}的事。",
        "語料中沒有發生在{day}的事。",
    ),
    "onthisday.month": (
        "Nothing in the corpus happened on {day}; from {month} instead:",
        "语料中没有发生在{day}的事；改为{month}的事件：",
        "語料中沒有發生在{day}的事；改為{month}的事件：",
    ),
    "onthisday.quote": (
        "Nothing in the corpus happened on {day}, nor in {month}; the quote of the day instead:",
        "语料中没有发生在{day}或{month}的事；改为每日语录：",
        "語料中沒有發生在{day}或{month}的事；改為每日語錄：",
    ),
    "onthisday.fallback_month": (
        "Fallback: events from {month}",
        "备选：{month}的事件",
        "備選：{month}的事件",
    ),
    "onthisday.fallback_quote": ("Fallback: quote of the day", "备选：每日语录", "備選：每日語錄"),
    # /model, /models, /compare, /person
    "model.no_spec": (
        "No specification is given in the corpus.",
        "语料中没有给出规格。",
        "語料中沒有提供規格。",
    ),
    "model.nothing_more": (
        "The corpus names it, and says nothing more.",
        "语料提到了它，但没有更多内容。",
        "語料提到了它，但沒有更多內容。",
    ),
    "model.also": ("also called {names}", "又称 {names}", "又稱 {names}"),
    "model.closest": (
        "Closest match for what you typed.",
        "与你输入的内容最接近的结果。",
        "與你輸入的內容最接近的結果。",
    ),
    "model.closest_by": (
        "Closest match for what you typed, by its name “{name}”.",
        "与你输入的内容最接近的结果（按名称“{name}”匹配）。",
        "與你輸入的內容最接近的結果（依名稱「{name}」比對）。",
    ),
    "model.mentioned": ("Where it is mentioned", "提及之处", "提及之處"),
    "maker.minimax": ("By MiniMax", "MiniMax 出品", "MiniMax 出品"),
    "maker.other": ("Not by MiniMax", "非 MiniMax 出品", "非 MiniMax 出品"),
    "maker.unknown": ("Maker not stated", "未说明出品方", "未說明出品方"),
    "made.minimax": ("by MiniMax", "MiniMax 出品", "MiniMax 出品"),
    "made.other": ("not by MiniMax", "非 MiniMax 出品", "非 MiniMax 出品"),
    # What one of a kind is called, and many: `one|many`.
    "kind.any": ("Model|models", "模型", "模型"),
    "kind.text": ("Text model|text models", "文本模型", "文字模型"),
    "kind.vision-language": (
        "Vision-language model|vision-language models",
        "视觉语言模型",
        "視覺語言模型",
    ),
    "kind.speech": ("Speech model|speech models", "语音模型", "語音模型"),
    "kind.audio": ("Audio model|audio models", "音频模型", "音訊模型"),
    "kind.music": ("Music model|music models", "音乐模型", "音樂模型"),
    "kind.video": ("Video model|video models", "视频模型", "影片模型"),
    "kind.model": (
        "Model|models of unstated kind",
        "模型|未说明类型的模型",
        "模型|未說明類型的模型",
    ),
    "kind.app": ("App|apps", "应用", "應用程式"),
    "kind.product": ("Product|products", "产品", "產品"),
    "kind.platform": ("Platform|platforms", "平台", "平台"),
    "kind.series": ("Model series|model series", "模型系列", "模型系列"),
    "models.title": ("{kinds} in the corpus", "语料中的{kinds}", "語料中的{kinds}"),
    "models.none": (
        "The corpus names no {kinds}.",
        "语料中没有提到{kinds}。",
        "語料中沒有提到{kinds}。",
    ),
    "models.lead": (
        "{count}. /model NAME shows a card with every value and its source.",
        "{count}。/model 名称 可查看附有每个数值出处的卡片。",
        "{count}。/model 名稱 可查看附有每個數值出處的卡片。",
    ),
    "compare.title": ("{left} vs {right}", "{left} 对比 {right}", "{left} 對比 {right}"),
    "compare.none": (
        "The corpus gives no values to compare.",
        "语料中没有可对比的数值。",
        "語料中沒有可比較的數值。",
    ),
    "compare.only": ("Only for {name}", "仅 {name} 有", "僅 {name} 有"),
    "person.also": ("Also written: {names}", "其他写法：{names}", "其他寫法：{names}"),
    "person.quotes": ("{quotes} in the corpus", "语料中有 {quotes}", "語料中有 {quotes}"),
    "person.mentioned": ("Mentioned in", "出现于", "出現於"),
    # /search, /sources, /about, /disagreements
    "search.title": ("Search · “{query}”", "搜索 · “{query}”", "搜尋 · 「{query}」"),
    "search.none": (
        "No passage matches “{query}”.",
        "没有段落匹配“{query}”。",
        "沒有段落符合「{query}」。",
    ),
    "document.interview": ("interview", "访谈", "訪談"),
    "document.abstract": ("abstract", "摘要", "摘要"),
    "document.show_notes": ("show notes", "节目简介", "節目簡介"),
    "document.article": ("article", "文章", "文章"),
    "sources.none_title": ("No documents", "没有文档", "沒有文件"),
    "sources.none": (
        "The corpus holds no documents yet: run `minimax-bot index`.",
        "语料中还没有文档：请运行 `minimax-bot index`。",
        "語料中還沒有文件：請執行 `minimax-bot index`。",
    ),
    "sources.title": ("{documents} in the corpus", "语料中有 {documents}", "語料中有 {documents}"),
    "about.title": ("minimax-bot corpus", "minimax-bot 语料", "minimax-bot 語料"),
    "about.version": ("Version {version}", "版本 {version}", "版本 {version}"),
    "about.stale": (
        "The index is stale, answers come from the last good one; the last index failed: {reason}",
        "索引已过期，回答来自上一个完好的索引；上次索引失败：{reason}",
        "索引已過期，回答來自上一個完好的索引；上次索引失敗：{reason}",
    ),
    "about.hint_sources": (
        "/sources lists the documents",
        "/sources 列出文档",
        "/sources 列出文件",
    ),
    "about.hint_disagreements": (
        "/disagreements shows each side",
        "/disagreements 列出各方说法",
        "/disagreements 列出各方說法",
    ),
    "stat.documents": ("Documents", "文档", "文件"),
    "stat.passages": ("Passages", "段落", "段落"),
    "stat.quotes": ("Quotes", "语录", "語錄"),
    "stat.people": ("People", "人物", "人物"),
    "stat.models": ("Models", "模型", "模型"),
    "stat.facts": ("Facts", "事实", "事實"),
    "stat.events": ("Events", "事件", "事件"),
    "stat.conflicts": ("Conflicts", "冲突", "衝突"),
    "disagree.title": ("Where the sources disagree", "各来源说法不一之处", "各來源說法不一之處"),
    "disagree.title_about": (
        "Where the sources disagree about “{subject}”",
        "关于“{subject}”各来源说法不一之处",
        "關於「{subject}」各來源說法不一之處",
    ),
    "disagree.counted": (
        "Where the sources disagree ({n})",
        "各来源说法不一之处（{n}）",
        "各來源說法不一之處（{n}）",
    ),
    "disagree.none": (
        "The corpus records no disagreement.",
        "语料中没有记录任何分歧。",
        "語料中沒有記錄任何分歧。",
    ),
    "disagree.none_about": (
        "No disagreement is recorded about “{subject}”: /disagreements lists them all.",
        "没有关于“{subject}”的分歧记录：/disagreements 列出全部分歧。",
        "沒有關於「{subject}」的分歧記錄：/disagreements 列出全部分歧。",
    ),
    # "The sources agree" only where two or more documents state facts about the subject.
    "disagree.agree": (
        "The sources agree: the {n} documents that state facts about {name} ({documents})"
        " do not contradict each other on what the bot records.",
        "各来源说法一致：对 {name} 有所陈述的 {n} 份文档（{documents}）在机器人记录的内容上"
        "没有互相矛盾。",
        "各來源說法一致：對 {name} 有所陳述的 {n} 份文件（{documents}）在機器人記錄的內容上"
        "沒有互相矛盾。",
    ),
    "disagree.one_source": (
        "Only one document states facts about {name} ({document}): there is no other to"
        " compare it with, and it does not contradict itself on what the bot records.",
        "只有一份文档对 {name} 有所陈述（{document}）：没有其他文档可以比较，"
        "它在机器人记录的内容上也没有自相矛盾。",
        "只有一份文件對 {name} 有所陳述（{document}）：沒有其他文件可以比較，"
        "它在機器人記錄的內容上也沒有自相矛盾。",
    ),
    "disagree.only_named": (
        "The corpus names {name} ({documents}) but states nothing about it that the bot"
        " could compare: no disagreement is recorded.",
        "语料提到了 {name}（{documents}），但没有可供比较的陈述：没有记录分歧。",
        "語料提到了 {name}（{documents}），但沒有可供比較的陳述：沒有記錄分歧。",
    ),
    "disagree.nothing": (
        "The corpus says nothing of {name} that could disagree.",
        "语料中没有关于 {name} 的可比较内容。",
        "語料中沒有關於 {name} 的可比較內容。",
    ),
    "disagree.within": ("within one document", "同一文档之内", "同一文件之內"),
    "disagree.team_note": (
        "Team's note (not the sources' words):",
        "整理者注（非来源原文）：",
        "整理者註（非來源原文）：",
    ),
    "disagree.team_note_short": ("Team's note", "整理者注", "整理者註"),
    "disagree.notes": (
        "The team's notes on errors in the sources (kept as written)",
        "整理者对来源中错误的注释（原文照录）",
        "整理者對來源中錯誤的註釋（原文照錄）",
    ),
    "disagree.lead": (
        "{points}. Each value is shown with its source; the bot does not pick one.",
        "{points}。每个说法都附有出处；机器人不替你选择。",
        "{points}。每個說法都附有出處；機器人不替你選擇。",
    ),
    "name.common": (
        "“{typed}” is a common name for {name} from the bot team's list; the corpus does not "
        "write it.",
        "“{typed}”是机器人团队整理的 {name} 的常用名，语料中没有这个写法。",
        "「{typed}」是機器人團隊整理的 {name} 的常用名，語料中沒有這個寫法。",
    ),
    "entity.named": ("Where the corpus names it", "语料中的出处", "語料中的出處"),
    "entity.note": (
        "Note from the bot's team (not the corpus's words): {note}",
        "机器人团队的说明（不是语料原文）：{note}",
        "機器人團隊的說明（不是語料原文）：{note}",
    ),
    "entity.part_of": ("of {name}", "隶属 {name}", "隸屬 {name}"),
    "entity.also": ("also written {names}", "又写作 {names}", "又寫作 {names}"),
    "entity.company": ("Company", "公司", "公司"),
    "entity.investor": ("Investor", "投资方", "投資方"),
    "entity.outlet": ("Outlet", "媒体", "媒體"),
    "entity.lab": ("Lab or university", "实验室或大学", "實驗室或大學"),
    "entity.organisation": ("Organisation", "机构", "機構"),
    "entity.technique": ("Technique", "技术", "技術"),
    "entity.paper": ("Paper", "论文", "論文"),
    "entity.program": ("Programme", "项目", "項目"),
    "entity.concept": ("Concept", "概念", "概念"),
    "ask.curated": (
        "“{typed}” read as {name}: a common name from a curated list, not the corpus's.",
        "“{typed}”按 {name} 理解：这是整理的常用名，不是语料原文。",
        "「{typed}」按 {name} 理解：這是整理的常用名，不是語料原文。",
    ),
}

LABELS: Table = MappingProxyType({**_LABELS, **ASK, **CREDITS, **PROBLEMS, **USAGE, **REPLIES})
