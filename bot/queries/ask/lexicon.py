"""What a question can ask, in English and Chinese: its kind (when, who, how many ...) and
the subjects the corpus talks about, each with the fact attributes that answer it, the English
words its passages use, and its label in both languages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "when", "who", "how_many", "how_much", "what_is", "yes_no", "which", "what_said", "other"
]
Language = Literal["en", "zh"]

# Checked in order: the first kind whose pattern the question matches is the kind asked.
KIND_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "what_said",
        re.compile(
            r"\bwhat (?:did|does|has)\b.*\b(?:say|said|think|thinks|believe|view)\b"
            r"|\bviews? on\b|\bopinion\b|怎么看|怎么说|说了什么|说过什么|如何看待|看法|观点|谈到"
        ),
    ),
    ("how_many", re.compile(r"\bhow many\b|\bnumber of\b|多少(?!钱)|几个|几位|几名|多少人")),
    (
        "how_much",
        re.compile(r"\bhow much\b|\bhow big\b|\bhow large\b|\bhow long\b|多少钱|多大|多长|多贵"),
    ),
    (
        "when",
        re.compile(
            r"\bwhen\b|\bwhat year\b|\bwhat date\b|\bwhich year\b"
            r"|什么时候|何时|哪年|哪一年|几时|时间"
        ),
    ),
    ("which", re.compile(r"\bwhich\b|\bwhat (?:models|products|apps)\b|哪些|哪个|哪款|哪几")),
    ("who", re.compile(r"\bwho\b|\bwhom\b|\bwhose\b|谁")),
    (
        "yes_no",
        re.compile(
            r"^(?:does|do|did|is|are|was|were|has|have|had|can|could|will)\b"
            r"|是不是|有没有|是否|会不会|能不能|吗[?？]?$"
        ),
    ),
    ("what_is", re.compile(r"\bwhat(?:'s| is| are| was| were)?\b|\bexplain\b|是什么|什么是|介绍")),
)


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    attributes: tuple[str, ...]  # fact attributes that answer it, best first
    words: str  # the English words its passages use, searched for the supporting passage
    label_en: str
    label_zh: str
    cues: re.Pattern[str]  # how a question names it, in either language

    def label(self, language: Language) -> str:
        return self.label_zh if language == "zh" else self.label_en


def _topic(
    name: str, attributes: tuple[str, ...], words: str, en: str, zh: str, cues: str
) -> Topic:
    return Topic(name, attributes, words, en, zh, re.compile(cues, re.IGNORECASE))


# Checked in order: the first topic a question names is what it asks about.
TOPICS: tuple[Topic, ...] = (
    _topic(
        "context",
        ("context",),
        "context window tokens",
        "Context window",
        "上下文窗口",
        r"\bcontext\b|上下文|\btokens?\b",
    ),
    _topic(
        "duration",
        ("output", "duration", "length", "max_length"),
        "seconds minutes long",
        "Length",
        "时长",
        r"\bhow long\b|\bduration\b|\blength\b|时长|多长|多久",
    ),
    _topic(
        "age",
        ("age", "born"),
        "age old born",
        "Age",
        "年龄",
        r"\bage\b|\bhow old\b|\bold\b|年龄|岁",
    ),
    _topic(
        "career",
        ("career", "sensetime_career", "background", "early_career", "at_minimax"),
        "worked career before",
        "Career",
        "经历",
        r"\bwork(?:ed)?\b|\bcareer\b|\bbackground\b|\bpreviously\b|经历|工作",
    ),
    _topic(
        "education",
        ("education",),
        "education PhD studied",
        "Education",
        "教育",
        r"\beducat(?:ion|ed)\b|\bstud(?:y|ied)\b|\bphd\b|\bdegree\b|学历|教育|毕业",
    ),
    _topic(
        "active_parameters",
        ("active_parameters",),
        "active parameters",
        "Active parameters",
        "激活参数",
        r"\bactive param|激活参数",
    ),
    _topic(
        "parameters",
        ("total_parameters", "parameters", "active_parameters"),
        "parameters",
        "Parameters",
        "参数",
        r"\bparam(?:eter)?s?\b|参数|\bhow big\b|多大",
    ),
    _topic(
        "architecture",
        ("architecture", "attention_type", "experts"),
        "architecture",
        "Architecture",
        "架构",
        r"\barchitecture\b|架构|\bMoE\b|\battention\b",
    ),
    _topic(
        "founded",
        ("founded",),
        "founded",
        "Founded",
        "成立",
        r"\bfound(?:ed|ing)?\b|\bstart(?:ed)?\b|\bestablish(?:ed)?\b|\bcreated\b|成立|创立|创办|创建",
    ),
    _topic(
        "team_size",
        ("team_size",),
        "people employees team",
        "Team size",
        "团队规模",
        r"\bemployees?\b|\bstaff\b|\bpeople\b|\bteam\b|\bheadcount\b|\bworkers?\b|员工|团队|多少人",
    ),
    _topic(
        "valuation",
        ("valuation",),
        "valuation",
        "Valuation",
        "估值",
        r"\bvaluation\b|\bvalued\b|\bworth\b|估值|市值",
    ),
    _topic(
        "investors",
        ("key_investors", "investors", "lead_investor"),
        "investor invested led round Series",
        "Investors",
        "投资方",
        r"\binvest(?:ed|or|ors|ment)?\b|\bbacked\b|\bbackers?\b|\bled\b|\bseries [a-d]\b"
        r"|投资人|投资方|投资|领投",
    ),
    _topic(
        "funding",
        ("total_funding",),
        "funding raised round",
        "Funding",
        "融资",
        r"\bfund(?:ing|ed)?\b|\braised?\b|\bround\b|融资|募资",
    ),
    _topic(
        "gpus",
        (),
        "GPU GPUs compute clusters",
        "Compute (GPUs)",
        "算力 (GPU)",
        r"\bgpus?\b|\bcompute\b|\bchips?\b|算力|显卡|芯片",
    ),
    _topic(
        "release",
        ("release",),
        "released launched",
        "Release",
        "发布",
        r"\breleas(?:e|ed)\b|\blaunch(?:ed)?\b|\bcome out\b|发布|推出|上线",
    ),
    _topic(
        "open_source",
        ("license", "licence", "open_source"),
        "open source weights license",
        "Open source",
        "开源",
        r"\bopen[- ]?(?:source|sourced|weights?)\b|\blicen[cs]e\b|开源",
    ),
    _topic(
        "price",
        ("price", "pricing"),
        "price cost",
        "Price",
        "价格",
        r"\bprice\b|\bpricing\b|\bcost\b|\bcheap\b|价格|多少钱|费用",
    ),
    _topic(
        "role",
        ("role", "career"),
        "CEO founder",
        "Role",
        "身份",
        r"\bceo\b|\bfounder\b|\bchief\b|\brole\b|创始人|首席|职位|身份",
    ),
)

# How the company itself is named; it is the subject when a question names nothing else.
COMPANY = "MiniMax"
COMPANY_NAMES = ("minimax", "迷你马克斯")

# Labels of the other attributes a topic reads, in Chinese (English: bot.queries.labels).
SECONDARY_LABELS_ZH: dict[str, str] = {
    "career": "经历",
    "parameters": "参数",
    "total_parameters": "总参数",
    "active_parameters": "激活参数",
    "attention_type": "注意力机制",
    "experts": "专家数",
    "context": "上下文窗口",
    "release": "发布",
    "architecture": "架构",
    "founded": "成立",
    "team_size": "团队规模",
    "valuation": "估值",
    "total_funding": "融资总额",
}

# What a question names nothing more about: its subject's main facts.
OVERVIEW: dict[str, tuple[str, ...]] = {
    "company": ("founded", "team_size", "valuation", "total_funding"),
    "model": ("release", "total_parameters", "active_parameters", "context", "architecture"),
    "person": ("role", "career"),
}
