"""A Chinese question read as the English one it asks: traditional characters simplified, the
corpus's subjects in Chinese (a small bilingual lexicon) replaced by the English words its
passages and facts use, question words and fillers dropped, names left as typed.

The corpus is English apart from a few names and one title, so a Chinese question is nearly
always about an English fact: reading it in English lets the same intents, facts and search
answer both languages.
"""

from __future__ import annotations

import re

from bot.queries.catalog_cache import PerCatalog
from bot.queries.corpus import Catalog
from bot.store.fts import is_cjk

# Traditional characters of the lexicon, the question words and the corpus's Chinese names,
# and their simplified forms, character for character.
_TRADITIONAL = (
    "誰麼們個幾嗎時間說為產參數練資錢輪與關係導創辦業術團隊書經歷問訪論號億萬員沒總裡"
    "營閆傑開發佈賣價構過對於從這還視頻語聲樂結華騰裏來東將"
)
_SIMPLIFIED = (
    "谁么们个几吗时间说为产参数练资钱轮与关系导创办业术团队书经历问访论号亿万员没总里"
    "营闫杰开发布卖价构过对于从这还视频语声乐结华腾里来东将"
)
_TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)

# The corpus's subjects in Chinese -> the English words that say them in the corpus. Longest
# match first, so 训练成本 is read whole before 成本.
LEXICON: dict[str, str] = {
    "什么时候成立": "when founded",
    "成立": "founded",
    "创立": "founded",
    "创办": "founded",
    "创建": "founded",
    "创始人": "founder",
    "联合创始人": "co-founder",
    "首席执行官": "CEO",
    "融资": "funding round",
    "募资": "funding raised",
    "投资人": "investors",
    "投资方": "investors",
    "投资者": "investors",
    "投资": "invested",
    "领投": "led",
    "股东": "shareholder",
    "天使轮": "angel round",
    "B轮": "Series B",
    "A轮": "Series A",
    "员工": "employees",
    "团队": "team",
    "人数": "people",
    "参数量": "parameters",
    "参数": "parameters",
    "激活参数": "active parameters",
    "上下文窗口": "context window",
    "上下文": "context window",
    "算力": "compute GPUs",
    "显卡": "GPUs",
    "芯片": "chips",
    "自己的": "own",
    "开源": "open source",
    "估值": "valuation",
    "发布": "released",
    "推出": "launched",
    "上线": "launched",
    "产品": "products",
    "第一个": "first",
    "第一款": "first",
    "出生": "born",
    "开始做": "start began",
    "开始": "start began",
    "多少人": "people",
    "多长": "how long",
    "多久": "how long",
    "多大了": "age",
    "年龄": "age",
    "以前": "before",
    "工作": "work",
    "经历": "career",
    "作者": "authors",
    "论文": "paper",
    "训练成本": "training cost",
    "成本": "cost",
    "价格": "price",
    "采访": "interviewed interview",
    "访谈": "interview",
    "发表": "published",
    "负责人": "head lead",
    "公司": "company",
    "公司文化": "culture",
    "文化": "culture",
    "上市": "IPO listed",
    "总部": "headquartered",
    "营收": "revenue",
    "收入": "revenue",
    "差距": "gap",
    "中美": "China US",
    "大模型": "large model",
    "模型": "model",
    "核物理学家": "physicists",
    "物理学家": "physicists",
    "经济学家": "economists",
    "招": "recruiting",
    "数据": "data",
    "用户": "users",
    "日活": "DAU",
    "专家": "experts",
    "架构": "architecture",
    "注意力": "attention",
    "教育": "education",
    "学历": "education",
    "推特": "Twitter",
    "中文名": "Chinese name",
    "名字": "name",
    "目标": "goals",
    "今年": "this year",
    "去年": "last year",
    "定义": "define",
    "视频": "video",
    "音乐": "music",
    "语音": "speech",
    "分辨率": "resolution",
    "离开": "left",
    "离职": "left",
    "加入": "joined",
    "主持人": "host",
    "主持": "hosts",
    "播客": "podcast",
    "双轮驱动": "dual-engine",
    "收购": "acquired",
    "商汤": "SenseTime",
    "阿里巴巴": "Alibaba",
    "阿里": "Alibaba",
    "腾讯": "Tencent",
    "字节跳动": "ByteDance",
    "英伟达": "NVIDIA",
    "月之暗面": "Moonshot",
    "智谱": "Zhipu",
    "云启资本": "Yunqi Capital",
    "晚点": "LatePost",
    "星野": "Xingye",
    "引用": "citations",
    "失败": "failed",
    "次": "times",
    "关系": "",
    "策略": "strategy",
    "战略": "strategy",
    "商业模式": "business model",
    "消费者": "consumer",
    "企业": "enterprises",
    "开发者": "developers",
}

# Question words and fillers, dropped once the kind of question is read from them.
_FILLER = re.compile(
    r"什么时候|什么|哪些|哪个|哪款|哪年|哪一年|哪里|哪|多少|是不是|有没有|是否|怎么看|怎么说"
    r"|怎么|如何|为什么|谁|吗|呢|的|了|是|有|在|和|把|投入|完成|这篇|一下|介绍"
    r"|看法|观点|说过|说了|说|几个|几位|几名|几|请问|告诉我|有多大|多大|多长|多久|多|么"
)
_CJK_RUN = re.compile(r"[^\x00-\x7f]+")
_ROUND = re.compile(r"\b([A-Da-d])\s*轮")  # B 轮 (a round, written with its letter)


def simplified(text: str) -> str:
    """`text` with the traditional characters this module knows written simplified."""
    return text.translate(_TO_SIMPLIFIED)


def _read_run(run: str, names: frozenset[str]) -> str:
    """A run of Chinese as English words: names kept, lexicon words replaced (longest
    first), question words dropped from what is left, the rest kept as typed."""
    out: list[str] = []
    unread: list[str] = []
    index = 0
    longest = max((len(k) for k in (*LEXICON, *names)), default=1)
    while index < len(run):
        for size in range(min(longest, len(run) - index), 0, -1):
            piece = run[index : index + size]
            if piece in names or piece in LEXICON:
                out.append(_FILLER.sub(" ", "".join(unread)))
                unread.clear()
                out.append(f" {piece if piece in names else LEXICON[piece]} ")
                index += size
                break
        else:
            unread.append(run[index])
            index += 1
    out.append(_FILLER.sub(" ", "".join(unread)))
    return "".join(out)


def in_english(text: str, names: frozenset[str]) -> str:
    """The question with its Chinese read as English words (see the module notes); `names`
    are the Chinese names to keep whole (the corpus's own and the curated ones)."""
    text = _ROUND.sub(r" Series \1 ", simplified(text))
    return _CJK_RUN.sub(lambda m: _read_run(m.group(0), names), text)


def _corpus_names(catalog: Catalog) -> frozenset[str]:
    """The Chinese names the corpus writes (people's, models'), kept whole when read."""
    names = [n for p in catalog.people for n in p.names]
    names += [a for m in catalog.models for a in m.aliases]
    return frozenset(n for n in names if is_cjk(n))


CORPUS_NAMES = PerCatalog(_corpus_names)


def with_english(text: str, catalog: Catalog) -> str:
    """Text to search for: as typed, and when it holds Chinese, also read in English (a
    Chinese question finds the English passages that answer it; `商汤` still finds 商汤科技)."""
    if not is_cjk(text):
        return text
    return f"{text} {in_english(text, CORPUS_NAMES(catalog))}"
