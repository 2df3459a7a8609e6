"""`minimax-bot console --locale zh-CN`: every command's answer, its "nothing found" and its
usage errors carry none of the catalog's English fixed words (the corpus's words stay)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cards.english_leaks import leaks
from tests.cards.test_layouts_agree import CALLS
from tests.test_cli_ask import db as db
from tests.test_cli_ask import run

HAN = range(0x4E00, 0xA000)
# Each a problem, a refusal of the table or a usage error, as a maintainer might type it.
WRONG = (
    "/model gpt-5",
    "/model zhou",
    "/compare M2 M2",
    "/person Elon Musk",
    "/quote zqxjv wvvkpq",
    "/quote speaker:Elon Musk",
    "/timeline 2014 kind:funding",
    "/timeline kind:banquets",
    "/timeline year:3000",
    "/timeline year:twenty",
    "/onthisday 13-45",
    "/onthisday 02-30",
    "/models kind:hologram",
    "/search",
    "/search page:0 GPUs",
    "/ask",
    "/model M2 colour:red",
    "/modle M2",
    "/",
    "/about extra words",
    "help",
    "help timeline",
    "help daily",
)


def lines() -> list[str]:
    asked = []
    for command, options in CALLS:
        typed = " ".join(f'{name}:"{value}"' for name, value in options.items())
        asked.append(f"/{command} {typed}".strip())
    return [*asked, *WRONG]


def console(db: Path, locale: str) -> str:
    result = run("console", "--locale", locale, "--db", str(db), stdin="\n".join(lines()) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize("locale", ["zh-CN", "zh-TW"])
def test_no_english_fixed_word_reaches_a_chinese_reader_of_the_terminal(
    db: Path,
    locale: str,
) -> None:
    transcript = console(db, locale)
    answers = transcript.split("\n\n")
    assert len(answers) >= len(lines())  # one answer a line, some of several paragraphs
    assert not leaks(transcript), leaks(transcript)


def test_the_english_transcript_has_those_words(db: Path) -> None:
    """The check finds what it looks for: the same lines in English show them."""
    found = leaks(console(db, "en"))
    assert {"Best match for", "Did you mean", "must be between"} <= set(found), found
