"""Text helpers every layer shares: splitting user text into words, shortening text for
display, and keeping corpus or user text from pinging anyone when Discord shows it."""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"
# Punctuation left dangling before an ellipsis reads as a typo ("one two,…").
_TRAILING = " \t\n,;:"
# "@everyone", "@here", "<@123>", "<@!123>", "<@&123>": a zero-width space after "@" keeps the
# text readable and makes it ping nobody, even when copied into a message by hand.
_PING = re.compile(r"@(?=everyone|here|[!&]?\d)", re.IGNORECASE)
_ZWSP = "\u200b"


def words(text: str) -> list[str]:
    """The words of text as FTS5's unicode61 tokenizer splits them: runs of letters, marks
    and digits (after NFKC). Format characters (zero-width space, BOM, bidi marks) vanish
    inside a word, so `sca\u200bling` is `scaling`; anything else separates words."""
    found: list[str] = []
    current: list[str] = []
    for ch in unicodedata.normalize("NFKC", text):
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        if category[0] in "LMN":
            current.append(ch)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def flatten(text: str) -> str:
    """The text on one line, runs of white space as one space."""
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    """`text` within `limit` characters: cut at a line end or a word, in the second half of
    the room, with an ellipsis; cut mid-word only when there is no such boundary."""
    if len(text) <= limit:
        return text
    if limit < 2:
        return ELLIPSIS[:limit]
    head = text[: limit - 1]
    if text[limit - 1].isspace():  # the room ends at a word's end: keep that word
        return head.rstrip(_TRAILING) + ELLIPSIS
    for mark in ("\n", " "):
        at = head.rfind(mark)
        if at >= limit // 2:
            head = head[:at]
            break
    return head.rstrip(_TRAILING) + ELLIPSIS


def shown(text: str, limit: int) -> str:
    """User or corpus text as a message repeats it: on one line, shortened to `limit`."""
    return shorten(flatten(text), limit)


def unping(text: str) -> str:
    """The text with every mention made inert (`@\u200beveryone`), and otherwise as it was."""
    return _PING.sub("@" + _ZWSP, text)
