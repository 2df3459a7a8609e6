"""Form detection reads the text, never the file name; unknown forms fail naming the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bot.domain.errors import IngestError
from bot.domain.records import DocumentKind
from bot.ingest.forms import detect_form, parse_text
from bot.ingest.repair import repair_text
from tests.ingest.test_abstract import ACME, CHINESE
from tests.ingest.test_interview import WIRED
from tests.ingest.test_show_notes import DEEP_DIVE

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EXPECTED = {
    "000_170ff5059b12dbe9.txt": DocumentKind.SHOW_NOTES,
    "001_ee2c00c8cd1ea3f4.txt": DocumentKind.INTERVIEW,
    "002_8d76a87ad898c4a7.txt": DocumentKind.ABSTRACT,
    "003_2acd4246ab7622df.txt": DocumentKind.ARTICLE,
}
ARTICLE = """\
# Acme

## Overview

**Founded**: 2023

| Model | Params |
|---|---|
| A-1 | 7B |
"""


def seed_text(name: str) -> str:
    return repair_text((SEEDS / name).read_bytes(), name)


@pytest.mark.parametrize(("name", "kind"), EXPECTED.items())
def test_each_seed_is_detected_by_its_form(name: str, kind: DocumentKind) -> None:
    assert detect_form(seed_text(name), name) is kind


@pytest.mark.parametrize(("name", "kind"), EXPECTED.items())
def test_the_file_name_plays_no_part(name: str, kind: DocumentKind) -> None:
    for other in ("notes.md", "interview.txt", "003_2acd4246ab7622df.txt"):
        assert detect_form(seed_text(name), other) is kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (WIRED, DocumentKind.INTERVIEW),
        (ACME, DocumentKind.ABSTRACT),
        (CHINESE, DocumentKind.ABSTRACT),
        (DEEP_DIVE, DocumentKind.SHOW_NOTES),
        (ARTICLE, DocumentKind.ARTICLE),
    ],
)
def test_new_documents_in_known_forms_are_detected(text: str, kind: DocumentKind) -> None:
    assert detect_form(text, "new.txt") is kind


@pytest.mark.parametrize(
    "text",
    [
        "Just some prose.\n\nNo structure at all, nothing to parse here.\n",
        "Jane Doe: a single line of speech.\n\nAnd another paragraph.\n",
        "· Wired: one question\n\n· Wired: another question\n\nbut nobody answers\n",
        "1. Why? Because.\n\n2. How? Like this.\n",  # numbered Q&A without [NN] sections
        "🟢 01:41 only one chapter\n\nand some text\n",
        "# One heading\n\nand a paragraph, which is not yet a structured article\n",
        "\x00\x01 binary-looking junk \x7f",
    ],
)
def test_unknown_forms_fail_naming_the_file(text: str) -> None:
    with pytest.raises(IngestError) as caught:
        detect_form(text, "mystery.txt")
    error = caught.value
    assert error.file == "mystery.txt"
    assert error.line == 1
    assert error.reason.startswith("not a known document form (")
    assert "interview" in error.reason and "show notes" in error.reason


@pytest.mark.parametrize("text", ["", "   \n\n\t\n"])
def test_an_empty_text_fails(text: str) -> None:
    with pytest.raises(IngestError, match="empty"):
        detect_form(text, "empty.txt")


@pytest.mark.parametrize("name", [n for n, k in EXPECTED.items() if k is not DocumentKind.ARTICLE])
def test_parse_text_dispatches_to_the_parser_of_the_form(name: str) -> None:
    raw = (SEEDS / name).read_bytes()
    parsed = parse_text(name, repair_text(raw, name), hashlib.sha256(raw).hexdigest())
    assert parsed.document.kind is EXPECTED[name]
    assert parsed.document.file == name
    assert parsed.document.sha256 == hashlib.sha256(raw).hexdigest()
    text = parsed.document.text
    assert all(text[p.start : p.end] == p.text for p in parsed.passages)
    assert all(text[q.start : q.end] == q.text for q in parsed.quotes)
