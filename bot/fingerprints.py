"""What a document's index entry was built from: its bytes' hash, the parser version, its stat.

An unchanged re-index must be cheap even for thousands of documents, so a file whose size and
modification time match what was stored is taken as unchanged without reading it (as git and
make do); any other file is hashed, and only a different hash means re-parsing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

# Bump when parsing changes what it extracts, so unchanged files are parsed again.
PARSER_VERSION = "3"  # 2: documents carry their publisher, authors and editors; 3: happenings


@dataclass(frozen=True, slots=True)
class Fingerprint:
    version: str
    sha256: str
    size: int
    mtime_ns: int

    def __str__(self) -> str:
        return f"{self.version}:{self.sha256}:{self.size}:{self.mtime_ns}"

    @classmethod
    def parse(cls, text: str | None) -> Fingerprint | None:
        parts = (text or "").split(":")
        if len(parts) != 4 or not parts[2].isdigit() or not parts[3].isdigit():
            return None
        return cls(parts[0], parts[1], int(parts[2]), int(parts[3]))

    def same_content(self, other: Fingerprint | None) -> bool:
        return other is not None and (self.version, self.sha256) == (other.version, other.sha256)


def fingerprint(path: Path, previous: Fingerprint | None = None) -> Fingerprint:
    """The file's fingerprint; `previous` is reused when the file's stat has not changed."""
    stat = path.stat()
    if (
        previous is not None
        and previous.version == PARSER_VERSION
        and (previous.size, previous.mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    ):
        return previous
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Fingerprint(PARSER_VERSION, digest, stat.st_size, stat.st_mtime_ns)
