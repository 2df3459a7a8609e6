"""Author lists in a markdown article: a line naming authors, then bullets of names.

    **Author Highlights** (from MiniMax-01 paper):
    - Aonian Li, Bangwei Gong, Bo Yang
    - Jingtao Han, Junjie Yan (CEO)

Each name becomes a person mentioned as an author, with what the introducing line says of the
list ("from MiniMax-01 paper") and any note in brackets after the name ("CEO").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.records import PassageKind, PersonMention
from bot.ingest.forms.markdown import Line, clean_inline, clean_title

_INTRO = re.compile(r"\*\*[^*\n]*\bauthors?\b[^*\n]*\*\*[^:\n]*:\s*", re.IGNORECASE)
_BRACKETED = re.compile(r"\(([^()]+)\)\s*$")
# A full name: two to four capitalised words (`Aonian Li`, `Jingtao Han`), an optional note.
_AUTHOR = re.compile(r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3})(?: \((?P<note>[^()]+)\))?")


def author_mentions(lines: Sequence[Line]) -> list[PersonMention]:
    """Every author the article's author lists name, in document order."""
    found: list[PersonMention] = []
    role: str | None = None
    for line in lines:
        if line.kind is PassageKind.BULLET and role is not None:
            found += _authors(line, role)
            continue
        role = _list_role(line) if line.kind is PassageKind.PARAGRAPH else None
    return found


def _list_role(line: Line) -> str | None:
    if not _INTRO.fullmatch(line.text.strip()):
        return None
    where = _BRACKETED.search(clean_title(line.text))
    return f"author ({where.group(1)})" if where else "author"


def _authors(line: Line, role: str) -> list[PersonMention]:
    text = clean_inline(line.text.strip().lstrip("-*+").strip())
    found = []
    for piece in text.split(","):
        if author := _AUTHOR.fullmatch(piece.strip()):
            note = author["note"]
            found.append(
                PersonMention(
                    name=author["name"],
                    role=f"{role}; {note}" if note else role,
                    passage=line.passage,
                    evidence=line.text.strip(),
                )
            )
    return found
