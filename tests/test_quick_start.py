"""The README's Quick start: two one-line commands, the first installs only what the bot needs
and answers, the second installs the test extras and runs the suite; `.ci/run` runs exactly
those."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from bot.paths import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text("utf-8")
PROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
TOOLS_ONLY = ("ruff", "mypy", "hypothesis", "pytest", "jsonschema")


def quick_start() -> list[str]:
    section = README.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"^```sh\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    assert block is not None
    return block.group(1).splitlines()


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=\[ ;]", line, maxsplit=1)[0].lower() for line in requirements}


def test_two_commands_install_answer_and_test() -> None:
    install, check = quick_start()
    assert install.startswith("python3 -m venv .venv && . .venv/bin/activate && ")
    assert "pip install -e . && " in install and install.endswith('minimax-bot ask "/model M2"')
    assert check == "pip install -e '.[test,dev,postgres,semantic]' && python -m pytest"


def test_the_bot_alone_needs_no_test_or_lint_tool() -> None:
    assert not names(PROJECT["dependencies"]) & set(TOOLS_ONLY)
    extras = PROJECT["optional-dependencies"]
    assert names(extras["dev"]) == {"ruff", "mypy"}
    assert not names(extras["test"]) & {"ruff", "mypy"}
    assert {"pytest", "hypothesis"} <= names(extras["test"])


def test_ci_runs_exactly_the_readme_commands() -> None:
    done = subprocess.run(
        ["bash", str(PROJECT_ROOT / ".ci" / "run"), "--print-commands"],
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == quick_start()


def test_ask_answers_with_none_of_the_tools_importable(tmp_path: Path) -> None:
    """What `pip install -e .` gives: the test and lint tools cannot be imported."""
    blocker = f"""
import sys
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {TOOLS_ONLY!r}:
            raise ImportError(name + " is not installed")
sys.meta_path.insert(0, Refuse())
from bot.cli import main
sys.exit(main(["ask", "/model M2", "--db", {str(tmp_path / "corpus.db")!r}]))
"""
    done = subprocess.run(
        [sys.executable, "-c", blocker],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert "MiniMax-M2" in done.stdout and "Sources:" in done.stdout


def test_ci_fails_when_no_test_ran_and_cleans_up() -> None:
    script = (PROJECT_ROOT / ".ci" / "run").read_text("utf-8")
    assert 'code" -eq 5' in script and "MINIMAX_BOT_PROFILE=full" in script
    assert "trap 'rm -rf" in script and "</dev/null" in script
    assert "stop_postgres' EXIT" in script and "MINIMAX_BOT_TEST_POSTGRES_URL" in script
