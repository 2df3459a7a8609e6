"""`minimax-bot ask` and `minimax-bot console` end to end, as a maintainer runs them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.paths import SEEDS_DIR


def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[str]:
    raw = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        raw.args, raw.returncode, raw.stdout.decode("utf-8"), raw.stderr.decode("utf-8")
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database the first `ask` builds from the real seeds (and later ones reuse)."""
    path = tmp_path_factory.mktemp("ask") / "corpus.db"
    first = run("ask", "/about", "--db", str(path))
    assert first.returncode == 0, first.stderr
    assert "indexed 4 document(s)" in first.stderr
    return path


def ask(line: str, db: Path) -> subprocess.CompletedProcess[str]:
    result = run("ask", line, "--db", str(db))
    assert "Traceback" not in result.stderr + result.stdout
    return result


def test_ask_prints_the_model_card_with_its_citations(db: Path) -> None:
    result = ask("/model M2", db)
    assert result.returncode == 0, result.stderr
    assert "MiniMax-M2" in result.stdout and "230B" in result.stdout
    assert "Sources:" in result.stdout
    assert (
        "“MiniMax: Efficient LLMs with Long Context and Multimodal Capabilities”" in result.stdout
    )
    assert result.stderr == ""  # nothing changed, so nothing is said about indexing


def test_ask_finds_the_quote_with_its_source(db: Path) -> None:
    result = ask("/quote compute crunch", db)
    assert result.returncode == 0, result.stderr
    assert "Become the biggest customer in the market." in result.stdout
    assert "LatePost" in result.stdout and "2024-04-18" in result.stdout


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/model name:M3", "No specification is given in the corpus."),
        ("/model gpt-5", "Did you mean:"),
        ("/compare a:M2 b:Text-01", "MiniMax-Text-01"),
        ("/models kind:video", "Video models in the corpus"),
        ("/timeline year:2025", "page 1 of"),
        ("/onthisday date:06-21", "2026-06-21"),
        ("/search GPUs", "**GPUs**"),
        ("/sources", "4 documents in the corpus"),
        ("/disagreements", "roughly 300 people"),
        ("/person 颜俊杰", "Junjie Yan"),
        ("/quote scaling laws speaker:IO", "Scaling Laws"),
        ("/quote speaker:Junjie Yan query:scaling laws", "Scaling Laws"),
        ("/search 🚀🚀 \u200b", ""),
        ("/quote 💡 AND OR NEAR(", ""),
        ("help", "/timeline"),
        ("help", "a value runs until the next name:, so\n  /quote speaker:He Tao"),
    ],
)
def test_every_kind_of_answer_exits_zero(db: Path, line: str, expected: str) -> None:
    result = ask(line, db)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert result.stdout.strip()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/nope", "Unknown command “/nope”"),
        ("/model", "/model needs name"),
        ("/timeline year:abc", "year must be a whole number"),
        ("/onthisday date:2026-13-45", "is not a date"),
        ("/models kind:banana", "choose one of text, vision-language"),
        ("/model colour:red", "no option “colour”"),
        ("", "Type a command"),
    ],
)
def test_usage_errors_exit_2_with_a_short_message(db: Path, line: str, message: str) -> None:
    result = ask(line, db)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1


def test_an_unknown_command_lists_the_commands(db: Path) -> None:
    result = ask("/nope", db)
    for name in ("/quote", "/model", "/timeline", "/onthisday", "/search", "/about"):
        assert name in result.stderr


def test_console_answers_each_line_and_keeps_going_after_a_bad_one(db: Path) -> None:
    result = run("console", "--db", str(db), stdin="/model M2\n/bogus\n\nexit\n/about\n")
    assert result.returncode == 0, result.stderr
    assert "MiniMax-M2" in result.stdout and "230B" in result.stdout
    assert "Unknown command “/bogus”" in result.stdout
    assert "version" not in result.stdout  # nothing after `exit` is read
    assert "Traceback" not in result.stdout + result.stderr


def test_console_ends_at_end_of_input_and_takes_any_text(db: Path) -> None:
    lines = "help\n/person 闫俊杰\n/search 🚀\n/quote \u200b\u200d\n/timeline year:abc\n"
    raw = lines.encode() + b"/search caf\xe9\n"  # not UTF-8
    result = run("console", "--db", str(db), stdin=raw)
    assert result.returncode == 0, result.stderr
    assert "/onthisday" in result.stdout and "Junjie Yan" in result.stdout
    assert "year must be a whole number" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_changed_seed_is_indexed_before_answering(tmp_path: Path) -> None:
    seeds = Path(shutil.copytree(SEEDS_DIR, tmp_path / "seeds"))
    db = tmp_path / "c.db"
    assert (
        "indexed 4 document(s)"
        in run("ask", "/about", "--db", str(db), "--seeds", str(seeds)).stderr
    )
    (seeds / "000_170ff5059b12dbe9.txt").write_bytes(
        (seeds / "000_170ff5059b12dbe9.txt").read_bytes() + b"\n"
    )
    again = run("ask", "/sources", "--db", str(db), "--seeds", str(seeds))
    assert again.returncode == 0
    assert "indexed 1 document(s)" in again.stderr


def test_a_broken_database_without_seeds_is_a_short_message_and_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(b"this is not a database" * 100)
    for command in (("ask", "/model M2"), ("console",)):
        result = run(
            *command, "--db", str(db), "--seeds", str(tmp_path / "no"), stdin="/model M2\n"
        )
        assert result.returncode == 1
        assert "database" in result.stderr
        lines = result.stderr.splitlines()
        assert "Traceback" not in result.stderr and len(lines) == 2
        assert lines[0].startswith("no seeds folder") and "not a database" in lines[1]
    assert db.read_bytes() == b"this is not a database" * 100  # nothing to rebuild it from


def test_a_broken_index_is_moved_aside_and_rebuilt_from_the_seeds(tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(b"this is not a database" * 100)
    result = run("ask", "/model M2", "--db", str(db))
    assert result.returncode == 0 and "MiniMax-M2" in result.stdout
    assert "Traceback" not in result.stderr and "indexing the seeds afresh" in result.stderr
    (aside,) = tmp_path.glob("broken.db.damaged-*")
    assert aside.read_bytes() == b"this is not a database" * 100  # kept, never deleted


def test_without_seeds_or_database_there_is_nothing_to_answer_from(tmp_path: Path) -> None:
    result = run(
        "ask", "/model M2", "--db", str(tmp_path / "c.db"), "--seeds", str(tmp_path / "no")
    )
    assert result.returncode == 1
    assert "nothing to answer from" in result.stderr
    assert not (tmp_path / "c.db").exists()
    assert "Traceback" not in result.stderr


def test_without_seeds_an_existing_index_still_answers(db: Path, tmp_path: Path) -> None:
    result = run("ask", "/model M2", "--db", str(db), "--seeds", str(tmp_path / "gone"))
    assert result.returncode == 0
    assert "MiniMax-M2" in result.stdout
    assert "answering from the index as it is" in result.stderr


def test_a_failed_index_serves_the_last_good_one_and_about_says_it_is_stale(
    tmp_path: Path, db: Path
) -> None:
    """A bad curated snippet fails the index; ask still answers from the last good index, says
    why on stderr, and /about says the index is stale and why."""
    seeds = Path(shutil.copytree(SEEDS_DIR, tmp_path / "seeds"))
    copy = tmp_path / "c.db"
    shutil.copyfile(db, copy)
    curated = seeds / "curated.toml"
    curated.write_text(
        curated.read_text(encoding="utf-8")
        + '\n[[fact]]\nsubject = "MiniMax"\nattribute = "motto"\nvalue = "x"\n'
        'document = "000_170ff5059b12dbe9.txt"\nevidence = "words that are not there"\n',
        encoding="utf-8",
    )
    model = run("ask", "/model M2", "--db", str(copy), "--seeds", str(seeds))
    assert model.returncode == 0 and "MiniMax-M2" in model.stdout, model.stderr
    assert "words that are not there" in model.stderr and "last good index" in model.stderr
    about = run("ask", "/about", "--db", str(copy), "--seeds", str(seeds))
    assert about.returncode == 0 and "Traceback" not in about.stderr
    assert "stale" in about.stdout and "words that are not there" in about.stdout
    fresh = run("ask", "/about", "--db", str(copy))
    assert "stale" not in fresh.stdout  # the shipped seeds index again


def test_ask_with_a_locale_shows_the_same_card_under_chinese_labels(db: Path) -> None:
    english = ask("/model M2", db)
    chinese = run("ask", "--locale", "zh-CN", "/model M2", "--db", str(db))
    assert chinese.returncode == 0, chinese.stderr
    assert "总参数量" in chinese.stdout and "来源：" in chinese.stdout
    assert "Sources:" in english.stdout and "Sources:" not in chinese.stdout
    for value in ("230B", "MIT (fully open, commercial use allowed)", "MiniMax-M2"):
        assert value in english.stdout and value in chinese.stdout
    unknown = run("ask", "--locale", "fr", "/model M2", "--db", str(db))
    assert unknown.returncode == 2 and "zh-CN" in unknown.stderr
