"""The fixed words that credit a source (part of `bot.cards.catalog`): who wrote, edited and
republished it, and who speaks in each part of a republished document."""

from __future__ import annotations

CREDITS: dict[str, tuple[str, str, str]] = {
    "credits.by": ("by {names}", "作者 {names}", "作者 {names}"),
    "credits.edited": ("edited by {names}", "编辑 {names}", "編輯 {names}"),
    "republished_by": ("republished by {publisher}", "由 {publisher} 转载", "由 {publisher} 轉載"),
    # A republished document: the republisher's introduction, then the original outlet's text.
    "voice.introduction": (
        "{publisher}’s introduction",
        "{publisher} 的导语",
        "{publisher} 的導語",
    ),
    "voice.parts": (
        "{introduction}, then {original}’s text · ",
        "{introduction}，其后为 {original} 的原文 · ",
        "{introduction}，其後為 {original} 的原文 · ",
    ),
}
