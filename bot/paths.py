"""Where the product's own files live: the shipped seeds, and the database by default."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
MIGRATIONS_DIR = PROJECT_ROOT / "db"  # one folder of numbered migrations per database


def default_database_path() -> Path:
    """`$XDG_DATA_HOME/minimax-bot/minimax.db`, else `~/.local/share/minimax-bot/minimax.db`."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "minimax-bot" / "minimax.db"
