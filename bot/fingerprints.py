"""What a document's index entry was built from: its bytes' hash, the parser version, its stat.

An unchanged re-index must be cheap even for thousands of documents, so a file whose size and
modification time match what was stored is taken as unchanged without reading it (as git and
make do); any other file is hashed, and only a different hash means re-parsing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Bump when parsing changes what it extracts, so unchanged files are parsed again.
PARSER_VERSION = "5"  # 2: documents carry their publisher, authors and editors; 3: happenings;
# 4: releases a launch sentence orders after it, births; 5: the voice of each passage
CURATED_FILE = "curated.toml"  # the seeds folder's curated facts (bot.ingest.curated)
CURATED_META = "curated_fingerprint"  # the index's meta key for that file's hash
NO_CURATED = "none"


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


def fingerprint(
    path: Path, previous: Fingerprint | None = None, stat: os.stat_result | None = None
) -> Fingerprint:
    """The file's fingerprint; `previous` is reused when the file's stat (`stat` when the
    caller has it already) has not changed."""
    stat = stat or path.stat()
    if previous is not None and stat_unchanged(previous, stat):
        return previous
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Fingerprint(PARSER_VERSION, digest, stat.st_size, stat.st_mtime_ns)


def stat_unchanged(previous: Fingerprint, stat: os.stat_result) -> bool:
    """Whether a file with this stat is taken as unchanged since `previous` (not read again)."""
    return previous.version == PARSER_VERSION and (previous.size, previous.mtime_ns) == (
        stat.st_size,
        stat.st_mtime_ns,
    )


def seed_files(seeds_dir: Path) -> list[Path]:
    """The documents of a seeds folder, in the order they are indexed."""
    return [seeds_dir / name for name, _ in seed_stats(seeds_dir)]


def seed_stats(seeds_dir: Path) -> list[tuple[str, os.stat_result]]:
    """The documents' names in a seeds folder with their stat, in the order they are indexed:
    one pass over the folder and one stat a file (no Path objects: at thousands of files they
    cost more than the stats), which is most of an unchanged re-index."""
    with os.scandir(seeds_dir) as entries:
        found = [
            (entry.name, entry.stat())
            for entry in entries
            if entry.name.endswith(".txt") and entry.is_file()
        ]
    return sorted(found, key=lambda item: item[0])


def curated_print(curated: Path | None) -> str:
    """What the index stores under CURATED_META for the curated file (or its absence)."""
    return fingerprint(curated).sha256 if curated is not None else NO_CURATED


def seeds_unchanged(seeds_dir: Path, stored: Mapping[str, str], curated: str | None) -> bool:
    """Whether indexing `seeds_dir` would find nothing to do, by the indexer's own rule: the
    same documents, each with the size and modification time stored with it, and the same
    curated file. Reads no document; False whenever in doubt (the indexer then decides)."""
    files = seed_stats(seeds_dir)
    if {name for name, _ in files} != set(stored):
        return False
    for name, stat in files:
        previous = Fingerprint.parse(stored[name])
        if previous is None or not stat_unchanged(previous, stat):
            return False
    curated_path = seeds_dir / CURATED_FILE
    if curated_path.exists() and not curated_path.is_file():
        return False
    return curated == curated_print(curated_path if curated_path.exists() else None)
