"""What a request that does not fit the command table is told (a UsageError): an unknown
command or option, a value out of range, a date or time zone that is none, in English,
simplified and traditional Chinese. Part of the cards' catalog (`bot.cards.catalog`), kept
beside the table that raises these errors.

Command and option names stay as they are typed (`/model`, `year`) in every language: the
terminal reads them so. The traditional entries were converted from the simplified with
OpenCC (s2twp) and then read over: Taiwan's words (指令, 清單) and corner quotes.
"""

from __future__ import annotations

from types import MappingProxyType

from bot.domain.wording import Table

_USAGE: dict[str, tuple[str, str, str]] = {
    # A request that does not fit the command table (UsageError): commands and options are named
    # as typed
    "usage.no_command": (
        "Type a command, like /model M2. Commands: {commands}.",
        "请输入命令，例如 /model M2。可用命令：{commands}。",
        "請輸入指令，例如 /model M2。可用指令：{commands}。",
    ),
    "usage.unknown_command": (
        "Unknown command “/{name}”.{hint} Commands: {commands}.",
        "未知命令“/{name}”。{hint}可用命令：{commands}。",
        "未知指令「/{name}」。{hint}可用指令：{commands}。",
    ),
    "usage.did_you_mean_command": (
        " Did you mean /{name}?",
        "你是不是要找 /{name}？",
        "你是不是要找 /{name}？",
    ),
    "usage.no_option": (
        "/{command} has no option “{name}” (its options: {options}).",
        "/{command} 没有选项“{name}”（它的选项：{options}）。",
        "/{command} 沒有選項「{name}」（它的選項：{options}）。",
    ),
    "usage.no_option_colon": (
        (
            "/{command} has no option “{name}” (its options: {options}). "
            "To use text with a colon, put it in quotes."
        ),
        "/{command} 没有选项“{name}”（它的选项：{options}）。要输入带冒号的文字，请加上引号。",
        "/{command} 沒有選項「{name}」（它的選項：{options}）。要輸入帶冒號的文字，請加上引號。",
    ),
    "usage.needs": (
        "/{command} needs {options}: {usage}",
        "/{command} 需要 {options}：{usage}",
        "/{command} 需要 {options}：{usage}",
    ),
    "usage.and": (
        "{first} and {then}",
        "{first} 和 {then}",
        "{first} 和 {then}",
    ),
    "usage.none": (
        "none",
        "无",
        "無",
    ),
    "usage.twice": (
        "{option} is given twice: {usage}",
        "{option} 给了两次：{usage}",
        "{option} 給了兩次：{usage}",
    ),
    "usage.unexpected": (
        "Unexpected “{text}” after /{command}: {usage}",
        "/{command} 后面多了“{text}”：{usage}",
        "/{command} 後面多了「{text}」：{usage}",
    ),
    "usage.between": (
        "{option} must be between {low} and {high}.",
        "{option} 必须在 {low} 到 {high} 之间。",
        "{option} 必須在 {low} 到 {high} 之間。",
    ),
    "usage.between_not": (
        "{option} must be between {low} and {high}: not {value}.",
        "{option} 必须在 {low} 到 {high} 之间，不能是 {value}。",
        "{option} 必須在 {low} 到 {high} 之間，不能是 {value}。",
    ),
    "usage.whole_number": (
        "{option} must be a whole number, like {example}: not “{text}”.",
        "{option} 必须是整数，例如 {example}，不能是“{text}”。",
        "{option} 必須是整數，例如 {example}，不能是「{text}」。",
    ),
    "usage.date_form": (
        "{option} must be YYYY-MM-DD or MM-DD, like 2026-06-21 or 06-21: not “{text}”.",
        "{option} 必须是 YYYY-MM-DD 或 MM-DD 格式，例如 2026-06-21 或 06-21，不能是“{text}”。",
        "{option} 必須是 YYYY-MM-DD 或 MM-DD 格式，例如 2026-06-21 或 06-21，不能是「{text}」。",
    ),
    "usage.not_a_date": (
        (
            "{option} must be YYYY-MM-DD or MM-DD, like 2026-06-21 or "
            "06-21: “{text}” is not a date ({error})."
        ),
        (
            "{option} 必须是 YYYY-MM-DD 或 MM-DD 格式，例如 2026-06-21 "
            "或 06-21：“{text}”不是有效日期。"
        ),
        (
            "{option} 必須是 YYYY-MM-DD 或 MM-DD 格式，例如 2026-06-21 "
            "或 06-21：「{text}」不是有效日期。"
        ),
    ),
    "usage.unknown_choice": (
        "Unknown {option} “{text}”: choose one of {choices}.",
        "未知的 {option}“{text}”：请从 {choices} 中选择。",
        "未知的 {option}「{text}」：請從 {choices} 中選擇。",
    ),
    "usage.not_a_time": (
        (
            "“{text}” is not a time of day: give it as HH:MM on a 24-hour "
            "clock, from 00:00 to 23:59 (for example 09:00 or 18:30)."
        ),
        (
            "“{text}”不是有效的时间：请按 24 小时制 HH:MM 输入，从 00:"
            "00 到 23:59（例如 09:00 或 18:30）。"
        ),
        (
            "「{text}」不是有效的時間：請按 24 小時制 HH:MM 輸入，從 "
            "00:00 到 23:59（例如 09:00 或 18:30）。"
        ),
    ),
    "usage.not_a_zone": (
        (
            "“{text}” is not a time zone I know: pick an IANA name from "
            "the list, like Europe/London or Asia/Kolkata.{hint}"
        ),
        (
            "我不认识时区“{text}”：请从列表中选择 IANA 名称，例如 Asia/Shanghai "
            "或 Europe/London。{hint}"
        ),
        (
            "我不認識時區「{text}」：請從清單中選擇 IANA 名稱，例如 Asia/Taipei "
            "或 Europe/London。{hint}"
        ),
    ),
    "usage.did_you_mean_zone": (
        " Did you mean {zones}?",
        "你是不是要找 {zones}？",
        "你是不是要找 {zones}？",
    ),
}

USAGE: Table = MappingProxyType(_USAGE)
