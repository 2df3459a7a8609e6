"""The figures of RELIABILITY.md: each test prints one line (`pytest -s` shows them)."""

from __future__ import annotations

import os
from collections.abc import Mapping

FULL = os.environ.get("MINIMAX_BOT_PROFILE", "default") == "full"


def show(name: str, counts: Mapping[str, int]) -> str:
    """Print `hardening: NAME: key value, ...` and return it."""
    pairs = ", ".join(f"{key} {value:,}" for key, value in counts.items())
    line = f"hardening: {name}: {pairs}"
    print(f"\n{line}")
    return line
