"""What the bot tells a user outside the cards, in English, simplified and traditional
Chinese: the tree's refusals and apologies, the buttons' notes, /help, and the /daily
replies and status. Part of the cards' catalog (`bot.cards.catalog`).

Discord's own names are kept as its Chinese clients show them (管理服务器, 嵌入链接); a
command stays as it is typed (`/daily set`). The traditional entries were converted from
the simplified with OpenCC (s2twp) and then read over: Taiwan's words (權限, 貼文, 私訊)
and corner quotes.
"""

from __future__ import annotations

from types import MappingProxyType

from bot.domain.wording import Table

_REPLIES: dict[str, tuple[str, str, str]] = {
    # What the tree's one error path and the buttons tell the user, privately
    "reply.not_allowed": (
        "You need the **Manage Server** permission for this.",
        "你需要**管理服务器**权限才能这样做。",
        "你需要**管理伺服器**權限才能這樣做。",
    ),
    "reply.refused": (
        "This command cannot be used here.",
        "这里不能使用这个命令。",
        "這裡不能使用這個指令。",
    ),
    "reply.server_only": (
        "This command works in a server, not in DMs.",
        "这个命令只能在服务器中使用，不能在私信中使用。",
        "這個指令只能在伺服器中使用，不能在私訊中使用。",
    ),
    "reply.failed": (
        "Something went wrong on our side; please try again in a moment.",
        "我们这边出了点问题，请稍后再试。",
        "我們這邊出了點問題，請稍後再試。",
    ),
    "reply.slow_down": (
        "Slow down: try again {when}.",
        "慢一点：请于{when}再试。",
        "慢一點：請於{when}再試。",
    ),
    "reply.invalid_value": (
        "“{value}” is not a valid {type}.",
        "“{value}”不是有效的值。",
        "「{value}」不是有效的值。",
    ),
    "reply.gone": (
        "These buttons belong to an answer the bot can no longer page; run the command again.",
        "这些按钮所属的回答已无法翻页，请重新运行命令。",
        "這些按鈕所屬的回答已無法翻頁，請重新執行指令。",
    ),
    "reply.not_yours": (
        "Only whoever ran this {command} can use its buttons; try your own.",
        "只有运行这个 {command} 的人才能使用它的按钮，请自己运行一次。",
        "只有執行這個 {command} 的人才能使用它的按鈕，請自己執行一次。",
    ),
    "reply.nothing_to_find": (
        "That message has no text to look for; try /search with your own words.",
        "这条消息没有可查找的文字，请用 /search 输入你自己的关键词。",
        "這條訊息沒有可尋找的文字，請用 /search 輸入你自己的關鍵詞。",
    ),
    # /help
    "help.title": (
        "What this bot can do",
        "本机器人能做什么",
        "本機器人能做什麼",
    ),
    "help.intro": (
        "Answers about MiniMax from a small cited corpus; every answer says where it came from.",
        "根据一个附有出处的小型语料回答关于 MiniMax 的问题，每个回答都注明来源。",
        "根據一個附有出處的小型語料回答關於 MiniMax 的問題，每個回答都註明來源。",
    ),
    "help.daily": (
        "the daily “on this day” post, in servers (Manage Server)",
        "每日“历史上的今天”帖子，限服务器（需管理服务器权限）",
        "每日「歷史上的今天」貼文，限伺服器（需管理伺服器權限）",
    ),
    "help.find": (
        (
            "**Find in the corpus**: on any message, *Apps* ▸ *Find in "
            "the corpus* searches for its text"
        ),
        "**在语料中查找**：在任意消息上选择 *应用* ▸ *在语料中查找*，即可搜索它的文字",
        "**在語料中尋找**：在任意訊息上選擇 *應用程式* ▸ *在語料中尋找*，即可搜尋它的文字",
    ),
    "help.footer": (
        "Buttons under an answer work only for whoever asked.",
        "回答下方的按钮只对提问者有效。",
        "回答下方的按鈕只對提問者有效。",
    ),
    # /daily: what the admin is told
    "daily.cannot_post": (
        (
            "I cannot post in {channel}: I need {permissions} there. "
            "Nothing was saved; grant them, or pick another channel."
        ),
        (
            "我无法在 {channel} 发帖：我在那里需要{permissions}权限。"
            "设置未保存；请授予这些权限，或换一个频道。"
        ),
        (
            "我無法在 {channel} 發文：我在那裡需要{permissions}權限。"
            "設定未儲存；請授予這些權限，或換一個頻道。"
        ),
    ),
    "daily.saved": (
        "Daily post saved.",
        "每日帖子已保存。",
        "每日貼文已儲存。",
    ),
    "daily.now_off": (
        "The daily post is now off. `/daily set` turns it on again.",
        "每日帖子已关闭。`/daily set` 可以重新开启。",
        "每日貼文已關閉。`/daily set` 可以重新開啟。",
    ),
    "daily.already_off": (
        "The daily post was already off.",
        "每日帖子本来就是关闭的。",
        "每日貼文本來就是關閉的。",
    ),
    "daily.no_preview": (
        "No preview: {reason} {resume}",
        "无法预览：{reason} {resume}",
        "無法預覽：{reason} {resume}",
    ),
    "daily.off": (
        "The daily post is **off** in this server. Turn it on with `/daily set`.",
        "本服务器的每日帖子已**关闭**。用 `/daily set` 开启。",
        "本伺服器的每日貼文已**關閉**。用 `/daily set` 開啟。",
    ),
    "daily.resume": (
        "Fix that, then run `/daily set` again to resume.",
        "修正后，再运行一次 `/daily set` 即可恢复。",
        "修正後，再執行一次 `/daily set` 即可恢復。",
    ),
    "daily.bad_zone": (
        (
            "The time zone “{zone}” is no longer in the time zone database,"
            " so I cannot tell when your day starts: pick a current one."
        ),
        "时区“{zone}”已不在时区数据库中，我无法判断你的一天何时开始：请选择一个现行的时区。",
        "時區「{zone}」已不在時區資料庫中，我無法判斷你的一天何時開始：請選擇一個現行的時區。",
    ),
    # Why a post is paused: stored in English, shown in the admin's locale (bot.daily.reasons)
    "daily.reason.no_access": (
        "I cannot see <#{channel}> any more (Missing Access).",
        "我再也看不到 <#{channel}> 了（无访问权限）。",
        "我再也看不到 <#{channel}> 了（無存取權限）。",
    ),
    "daily.reason.no_permission": (
        "I may not post in <#{channel}> (Missing Permissions): I need {needed}.",
        "我无权在 <#{channel}> 发帖（缺少权限）：我需要查看频道、发送消息和嵌入链接权限。",
        "我無權在 <#{channel}> 發文（缺少權限）：我需要檢視頻道、傳送訊息和嵌入連結權限。",
    ),
    "daily.reason.refused": (
        "Discord refused my post in <#{channel}> ({said}).",
        "Discord 拒绝了我在 <#{channel}> 的帖子（{said}）。",
        "Discord 拒絕了我在 <#{channel}> 的貼文（{said}）。",
    ),
    "daily.reason.gone": (
        "The channel <#{channel}> no longer exists ({said}).",
        "频道 <#{channel}> 已不存在（{said}）。",
        "頻道 <#{channel}> 已不存在（{said}）。",
    ),
    "daily.day": (
        "{weekday} {day} {month_abbr} {year}",
        "{year}年{month}月{day}日",
        "{year}年{month}月{day}日",
    ),
    "daily.moment": (
        "{weekday} {day} {month_abbr} {year}, {time} {zone}",
        "{year}年{month}月{day}日 {time} {zone}",
        "{year}年{month}月{day}日 {time} {zone}",
    ),
    "daily.now": (
        "now (it is due and goes out within a minute)",
        "现在（已到时间，一分钟内发出）",
        "現在（已到時間，一分鐘內發出）",
    ),
    "daily.when": (
        "{moment} ({relative})",
        "{moment}（{relative}）",
        "{moment}（{relative}）",
    ),
    "daily.schedule": (
        "Channel: {channel} · every day at {time} ({zone})",
        "频道：{channel} · 每天 {time}（{zone}）",
        "頻道：{channel} · 每天 {time}（{zone}）",
    ),
    "daily.next": (
        "Next post: {when}",
        "下次发帖：{when}",
        "下次發文：{when}",
    ),
    "daily.next_none": (
        "Next post: none while paused",
        "下次发帖：暂停期间无",
        "下次發文：暫停期間無",
    ),
    "daily.last": (
        "Last post: {day} · {link}",
        "上次发帖：{day} · {link}",
        "上次發文：{day} · {link}",
    ),
    "daily.last_none": (
        "Last post: none yet",
        "上次发帖：尚无",
        "上次發文：尚無",
    ),
    "daily.given_up": (
        "Today: given up after repeated failures; tomorrow's post is unaffected.",
        "今天：多次失败后已放弃；明天的帖子不受影响。",
        "今天：多次失敗後已放棄；明天的貼文不受影響。",
    ),
    "daily.retrying": (
        "Today: failed {n}×, retrying (Discord may be having trouble).",
        "今天：已失败 {n} 次，正在重试（Discord 可能出了问题）。",
        "今天：已失敗 {n} 次，正在重試（Discord 可能出了問題）。",
    ),
    "daily.paused": (
        "**Paused:** {reason} {resume}",
        "**已暂停：**{reason} {resume}",
        "**已暫停：**{reason} {resume}",
    ),
    # The terminal's help and console (`minimax-bot console --locale zh-CN`)
    "terminal.commands": (
        "Commands:",
        "命令：",
        "指令：",
    ),
    "terminal.rule": (
        (
            "Options are name:value, as in Discord: a value runs until the next name:, so\n"
            "  /quote speaker:He Tao query:scaling laws   "
            'asks for "scaling laws" said by "He Tao".\n'
            'Quote a value to end it early: /quote speaker:"He Tao" scaling laws.\n'
            "Bare words before the first name: fill the first options: "
            "/model M2, /timeline 2025 funding."
        ),
        (
            "选项写作 name:value，与 Discord 相同：值一直延续到下一个 name:，所以\n"
            "  /quote speaker:He Tao query:scaling laws   查找 He Tao 说的 scaling laws。\n"
            '给值加上引号可以提前结束它：/quote speaker:"He Tao" scaling laws。\n'
            "第一个 name: 之前的单词依次填入最前面的选项：/model M2、/timeline 2025 funding。"
        ),
        (
            "選項寫作 name:value，與 Discord 相同：值一直延續到下一個 name:，所以\n"
            "  /quote speaker:He Tao query:scaling laws   尋找 He Tao 說的 scaling laws。\n"
            '給值加上引號可以提前結束它：/quote speaker:"He Tao" scaling laws。\n'
            "第一個 name: 之前的單詞依次填入最前面的選項：/model M2、/timeline 2025 funding。"
        ),
    ),
    "terminal.more": (
        "Type help COMMAND for its options.",
        "输入 help 命令名 查看它的选项。",
        "輸入 help 指令名 檢視它的選項。",
    ),
    "terminal.required": (
        "required",
        "必填",
        "必填",
    ),
    "terminal.optional": (
        "optional",
        "可选",
        "可選",
    ),
    "terminal.range": (
        "{kind} from {low} to {high}",
        "{kind}，{low} 到 {high}",
        "{kind}，{low} 到 {high}",
    ),
    "terminal.option": (
        "{kind}, {need}: {description}",
        "{kind}，{need}：{description}",
        "{kind}，{need}：{description}",
    ),
    "type.text": (
        "text",
        "文本",
        "文字",
    ),
    "type.integer": (
        "integer",
        "整数",
        "整數",
    ),
    "type.date": (
        "date",
        "日期",
        "日期",
    ),
    "type.model_kind": (
        "model kind",
        "模型类型",
        "模型類型",
    ),
    "type.event_kind": (
        "event kind",
        "事件类型",
        "事件類型",
    ),
    "terminal.welcome": (
        "minimax-bot console: type help for the commands, exit to leave.",
        "minimax-bot 控制台：输入 help 查看命令，输入 exit 退出。",
        "minimax-bot 控制台：輸入 help 檢視指令，輸入 exit 退出。",
    ),
    "terminal.leave": (
        "exit or quit (or Ctrl-D) leaves.",
        "输入 exit 或 quit（或按 Ctrl-D）退出。",
        "輸入 exit 或 quit（或按 Ctrl-D）退出。",
    ),
    "terminal.sorry": (
        "Sorry, that failed: {error}",
        "抱歉，出错了：{error}",
        "抱歉，出錯了：{error}",
    ),
    # The permissions the daily post needs, as Discord's settings name them
    "permission.view_channel": (
        "View Channel",
        "查看频道",
        "檢視頻道",
    ),
    "permission.send_messages": (
        "Send Messages",
        "发送消息",
        "傳送訊息",
    ),
    "permission.embed_links": (
        "Embed Links",
        "嵌入链接",
        "嵌入連結",
    ),
    "permission.list": (
        "{first}, {then}",
        "{first}、{then}",
        "{first}、{then}",
    ),
}

REPLIES: Table = MappingProxyType(_REPLIES)
