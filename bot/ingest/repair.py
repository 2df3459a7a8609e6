"""Turn a document's raw bytes into clean text: strict UTF-8, then undo mis-decoding.

A common kind of damage is a UTF-8 file that some program decoded with a legacy 8-bit
encoding (Mac Roman, Windows-1252, Latin-1, ...) and saved again as UTF-8: `🚀` becomes
`üöÄ`, `迷你马克斯` becomes `Ëø∑‰Ω†È©¨ÂÖãÊñØ`. Such damage is undone by the round trip
`text.encode(legacy).decode("utf-8")`. We try every round trip on the whole document (then
on each line, for mixed damage), keep a result only when it is less suspicious than what we
had (see `_round_trip`), and finally let ftfy mend what is left, with settings that never
touch legitimate typography (curly quotes, dashes, full-width forms, ligatures), HTML
entities the text wrote, or Unicode normalisation.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import badness, is_bad

from bot.domain.errors import IngestError

# Encodings a UTF-8 file is commonly mis-decoded with. Importing ftfy registers the "sloppy"
# codecs, which map the bytes Windows-1252 leaves undefined to the same code points.
_LEGACY = ("mac_roman", "sloppy-windows-1252", "latin-1", "cp437", "koi8-r")
# Characters that legitimate text practically never holds but damaged text often does: the
# Apple logo (byte 0xF0 in Mac Roman, i.e. the first byte of every 4-byte UTF-8 sequence),
# the replacement character and C1 control characters.
_MARKERS = re.compile("[\uf8ff\ufffd\u0080-\u009f]")
# Control characters ftfy removes, and the Mac Roman pairs ftfy's badness does not see
# (`‚Üí` for `→`, `‚úÖ` for `✅`): either sends a text through the slow, thorough path.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_MAC_ROMAN_HINTS = re.compile("[‚√][Ä-ü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø]")
# Mojibake is spelled with Latin-1, Latin Extended, Greek, Cyrillic, box-drawing and a few
# other characters; a text with none of them (ASCII, CJK, emoji, typographic punctuation)
# needs no scoring by ftfy's slower badness check.
_MOJIBAKE_ALPHABET = re.compile("[\u0080-\u04ff\u2500-\u25ff\uf8ff\ufffd]")
_LATIN = (0xC0, 0x17F)  # À .. ſ: rarer Latin letters are what `…é` would "repair" into
_PLAUSIBLE_NAMES = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "VARIATION SELECTOR")
_MIN_CREATED = 3
_MAX_PASSES = 3  # text mis-decoded twice or three times is still recovered

FIXER = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization=None,
    explain=False,
)


def suspicion(text: str) -> int:
    """How much `text` looks like mojibake: 0 for clean text, more the worse it looks."""
    return badness(text) + 2 * len(_MARKERS.findall(text))


def looks_mis_decoded(text: str) -> bool:
    """True when `text` holds mojibake: `Ã©`, `‚Äî`, `üöÄ`, `Ëø∑‰Ω†`, stray C1 controls..."""
    if text.isascii():
        return False
    return is_bad(text) or _MARKERS.search(text) is not None or _round_trip(text) is not None


def repair_text(raw: bytes, file: str) -> str:
    """Decode a document's bytes and repair its encoding; line endings become `\\n`."""
    text = _decode(raw, file).replace("\r\n", "\n").replace("\r", "\n")
    text = _undo(text, lenient=True)
    if text.isascii() or not _still_suspicious(text):
        return text  # the common case: clean text, and ftfy would change nothing in it
    # Mixed damage (a damaged part beside text the legacy codec cannot hold) defeats the
    # whole-document round trip: such lines are tried alone, on strong evidence only.
    text = "".join(_undo(line, lenient=False) for line in text.splitlines(keepends=True))
    text = ftfy.fix_text(text, FIXER)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _still_suspicious(text: str) -> bool:
    """Cheap whole-text check: anything ftfy or a per-line round trip could act on."""
    return (
        (_MOJIBAKE_ALPHABET.search(text) is not None and is_bad(text))
        or _MARKERS.search(text) is not None
        or _CONTROLS.search(text) is not None
        or _MAC_ROMAN_HINTS.search(text) is not None
    )


def _undo(text: str, lenient: bool) -> str:
    for _ in range(_MAX_PASSES):
        fixed = _round_trip(text, lenient)
        if fixed is None:
            break
        text = fixed
    return text


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        offset = min(offset, len(raw) - 1)
        line = raw.count(b"\n", 0, offset) + 1
        reason = f"not valid UTF-8: byte 0x{raw[offset]:02x} ({error.reason})"
        raise IngestError(file, reason, line) from error


def _round_trip(text: str, lenient: bool = True) -> str | None:
    """The best undoing of a wrong decoding, if one is better than `text`; else None.

    A candidate must be free of control, private-use and unassigned characters, and either be
    strictly less suspicious than `text`, or (when lenient) as suspicious, since ftfy does not
    see every Mac Roman sequence (`‚Üí` for `→`), while holding at least three non-ASCII
    characters, all of them plausible here. Fewer could be chance: legitimate `café——` reads
    as Windows-1252 for `caf闗`.
    """
    if text.isascii():
        return None
    candidates: list[str] = []
    for legacy in _LEGACY:
        try:
            candidate = text.encode(legacy).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if candidate != text and all(_allowed(ch) for ch in set(candidate)):
            candidates.append(candidate)
    if not candidates:
        return None  # the common case, and cheap: no badness scoring at all
    base = suspicion(text)
    scored = [(suspicion(c), len(c) - len(c.encode("ascii", "ignore")), c) for c in candidates]
    kept = [entry for entry in scored if _better(*entry, base=base, lenient=lenient)]
    return min(kept, key=lambda entry: entry[:2])[2] if kept else None


def _better(score: int, created: int, candidate: str, *, base: int, lenient: bool) -> bool:
    if score < base:
        return True
    plausible = created >= _MIN_CREATED and all(_plausible(ch) for ch in set(candidate))
    return lenient and score == base and plausible


def _allowed(ch: str) -> bool:
    return ch in "\t\n\r" or unicodedata.category(ch) not in {"Cc", "Cn", "Co", "Cs"}


def _plausible(ch: str) -> bool:
    """ASCII, Latin-1 and Latin Extended-A letters, punctuation, symbols, digits, emoji parts,
    CJK, kana and hangul: what a damaged document of this corpus turns back into."""
    if ch.isascii() or _LATIN[0] <= ord(ch) <= _LATIN[1]:
        return True
    category = unicodedata.category(ch)
    if category[0] in "PSNZ" or category == "Cf":
        return True
    return unicodedata.name(ch, "").startswith(_PLAUSIBLE_NAMES)
