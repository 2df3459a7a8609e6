"""Whether an index file is still the one its last integrity check passed: a stamp beside it.

`PRAGMA quick_check` reads the whole file (0.7 s for the 750 MB synthetic ×1000 index), too
slow for every unchanged re-index. So when the indexer closes a file it checked (or built) and
wrote only through SQLite after a run that went through, it writes the file's identity, size
and change times beside it (`corpus.db-checked`); a file whose stat still matches needs no check
at the next open. Any other write to the file (a failing disk's driver, a stray program) moves
its ctime, which no tool can set back. A stamp written in the same clock tick as the file's last
change proves nothing (a later write within that tick would leave the times as they were), so
it is not trusted, as git treats a "racily clean" index entry.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

_SUFFIX = "-checked"
_TICK_SECONDS = 0.002  # file times move with the kernel's clock tick (1 to 10 ms)
_TICK_ATTEMPTS = 50  # then leave no stamp: the next open checks


def stamp_path(db: Path) -> Path:
    return db.with_name(db.name + _SUFFIX)


def _identity(stat: os.stat_result) -> list[int]:
    return [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]


def unchanged_since_check(db: Path) -> bool:
    """Whether `db` is, by its stat, the file a trusted stamp beside it describes."""
    stamp = stamp_path(db)
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        written = stamp.stat().st_mtime_ns
        now = db.stat()
    except (OSError, ValueError):
        return False
    changed_last = max(now.st_mtime_ns, now.st_ctime_ns)
    return bool(recorded == _identity(now) and changed_last < written)


def record_checked(db: Path) -> None:
    """Stamp `db` as checked as it is now (call it only for a file known sound, closed)."""
    if unchanged_since_check(db):
        return
    stamp = stamp_path(db)
    try:
        for _ in range(_TICK_ATTEMPTS):
            stamp.write_text(json.dumps(_identity(db.stat())), encoding="utf-8")
            if unchanged_since_check(db):
                return
            time.sleep(_TICK_SECONDS)  # written in the file's last tick: try in the next
        stamp.unlink(missing_ok=True)
    except OSError:
        return  # a read-only folder: every open checks, as without stamps
