"""The markdown-article parser: the real deep-dive, and a synthetic article in the same form."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from bot.domain.errors import IngestError
from bot.domain.records import (
    DocumentKind,
    Fact,
    ModelKind,
    ModelMention,
    ParsedDocument,
    PassageKind,
    PersonMention,
)
from bot.ingest.forms.article import parse
from bot.ingest.forms.markdown import clean_inline
from bot.ingest.repair import repair_text

SEED = Path(__file__).resolve().parents[2] / "seeds" / "003_2acd4246ab7622df.txt"

SYNTHETIC = """\
# 🛰️ Acme: Small Models, Big Context

Acme builds compact models.
It was founded in 2023.

---

## 🏢 Overview

**Total Funding**: $20M (as of 2025)

**Acme Specs Ahead:**
- **Headcount**: not a model fact, a bullet about nothing in particular

## 📊 Model Lineage

### Language Models

| Release | Model | Type | Parameters | Context | Resources |
|---|---|---|---|---|---|
| **Mar 2025** | **Acme-X1** | LLM | 70B (7B active) | 256K tokens | [Blog](https://a.example) |
| **Sep 2025** | **Acme-Voice-2** | Text-to-Speech | — | — | API only |

### Video Models

| Release | Model | Key Features |
|---|---|---|
| **2025** | **Acme-Motion-1** | 1080p output, [demo](https://acme.example/demo) |

### Detailed Model Specifications

#### **Acme-X1 (Flagship)**
- **Architecture**: 40 layers, 32 attention heads, 16 experts
- **Licensing**: Apache-2.0
- **Pricing**: $0.10/M input tokens

#### **Acme Video (Latest: Acme-Motion-2)**
- **Output**: 4K @ 60fps

**Acme-X1 Training Notes:**
- **Total Parameters**: 70B (dense equivalent 40B)

## 🆚 Comparison

| Feature | Acme-X1 | Rival-7B |
|---|---|---|
| **Parameters** | 70B (7B active) | 7B |
| **Open Source** | ✅ | ❌ |

| Round | Date | Amount |
|---|---|---|
| Seed | 2023 | $20M |

## 👥 People

**Jane Doe / 多简 (Founder & CEO)**
- **Education**: PhD, Somewhere

| Name (English) | Name (Chinese) | Role | Links |
|---|---|---|---|
| **Leadership** | | | |
| John Roe | — | CTO | [Site](https://john.example) |

```text
pipeline: a -> b
```
"""


@pytest.fixture(scope="module")
def seed() -> ParsedDocument:
    raw = SEED.read_bytes()
    text = repair_text(raw, SEED.name)
    return parse(SEED.name, text, hashlib.sha256(raw).hexdigest())


@pytest.fixture(scope="module")
def synthetic() -> ParsedDocument:
    return parse("acme.md", SYNTHETIC, "0" * 64)


def values(parsed: ParsedDocument, subject: str, attribute: str) -> set[str]:
    return {f.value for f in parsed.facts if f.subject == subject and f.attribute == attribute}


def kinds(parsed: ParsedDocument, name: str) -> set[ModelKind | None]:
    return {m.kind for m in parsed.models if m.name == name}


def makers(parsed: ParsedDocument, name: str) -> set[bool | None]:
    return {m.minimax for m in parsed.models if m.name == name}


# --- invariants, on both documents ----------------------------------------------------------


@pytest.mark.parametrize("which", ["seed", "synthetic"])
def test_passages_are_slices_of_the_text(which: str, request: pytest.FixtureRequest) -> None:
    parsed: ParsedDocument = request.getfixturevalue(which)
    text = parsed.document.text
    assert [p.ordinal for p in parsed.passages] == list(range(len(parsed.passages)))
    for passage in parsed.passages:
        assert text[passage.start : passage.end] == passage.text
        assert not re.fullmatch(r"\|?[\s:|-]*\|[\s:|-]*", passage.text), passage.text
        assert passage.text.strip() not in {"---", "***", "___"}
        assert (passage.kind is PassageKind.TABLE_ROW) == bool(passage.cells)


@pytest.mark.parametrize("which", ["seed", "synthetic"])
def test_evidence_is_verbatim(which: str, request: pytest.FixtureRequest) -> None:
    parsed: ParsedDocument = request.getfixturevalue(which)
    text = parsed.document.text
    records: list[Fact | ModelMention | PersonMention] = [
        *parsed.facts,
        *parsed.models,
        *parsed.people,
    ]
    for record in records:
        assert record.evidence in text, record
    for fact in parsed.facts:
        assert fact.passage is not None
        assert fact.evidence in parsed.passages[fact.passage].text, fact
        # the value is the evidence's own words once markdown links/emphasis are stripped;
        # ✅/❌ read as yes/no
        words = clean_inline(fact.evidence).replace("✅", "yes").replace("❌", "no")
        assert fact.value in words, fact
    for person in parsed.people:
        assert person.evidence in parsed.passages[person.passage].text


# --- the real deep-dive --------------------------------------------------------------------


def test_seed_values_are_verbatim(seed: ParsedDocument) -> None:
    """In the seed no value has markup inside it: all but ✅/❌ are verbatim in their evidence."""
    for fact in seed.facts:
        marked = "✅" in fact.evidence or "❌" in fact.evidence
        assert fact.value in fact.evidence or (marked and fact.value.startswith(("yes", "no")))


def test_seed_document(seed: ParsedDocument) -> None:
    document = seed.document
    assert document.title == "MiniMax: Efficient LLMs with Long Context and Multimodal Capabilities"
    assert document.kind is DocumentKind.ARTICLE
    assert document.language == "en"
    assert document.outlet is None and document.published is None
    assert "迷你马克斯" in document.text and "🚀" in document.text


def test_seed_passages(seed: ParsedDocument) -> None:
    by_kind = {kind: [p for p in seed.passages if p.kind is kind] for kind in PassageKind}
    assert len(by_kind[PassageKind.CODE]) == 2
    assert by_kind[PassageKind.CODE][0].text.startswith("```\nPattern:")
    assert len(by_kind[PassageKind.TABLE_ROW]) == 71
    row = next(p for p in by_kind[PassageKind.TABLE_ROW] if "ABAB 6.5s" in p.text)
    assert row.heading_path == ("Model Lineage and Release Timeline", "Foundation Models (Text)")
    assert row.cells[:3] == (
        ("Release", "Apr 2024"),
        ("Model", "ABAB 6.5s"),
        ("Parameters", "1T+B (MoE)"),
    )
    m2 = next(p for p in by_kind[PassageKind.TABLE_ROW] if "**MiniMax-M2**" in p.text)
    assert dict(m2.cells)["Resources"] == "GitHub · HF · Blog"
    spec = next(p for p in seed.passages if p.text == "#### **MiniMax-M1 (Open-Weight Reasoning)**")
    assert spec.kind is PassageKind.HEADING
    assert spec.heading_path == (
        "Model Lineage and Release Timeline",
        "Detailed Model Specifications",
    )
    yan = next(p for p in by_kind[PassageKind.TABLE_ROW] if p.text.startswith("| Yan Junjie"))
    assert yan.heading_path[-1] == "Founders & Leadership"
    nested = next(p for p in by_kind[PassageKind.BULLET] if "Strategic choice" in p.text)
    assert nested.text.startswith("- Strategic choice")


def test_seed_lineage_models(seed: ParsedDocument) -> None:
    assert kinds(seed, "ABAB 6.5s") == {ModelKind.TEXT}
    assert kinds(seed, "Speech-02") == {ModelKind.SPEECH}
    assert kinds(seed, "T2A-01-HD") == {ModelKind.AUDIO}
    assert kinds(seed, "Music-01") == {ModelKind.MUSIC}
    assert kinds(seed, "Hailuo-02") == {ModelKind.VIDEO}
    assert kinds(seed, "MiniMax-VL-01") == {ModelKind.VISION_LANGUAGE}
    for name in ("ABAB 6.5", "Speech-02-HD", "Hailuo-2.3", "MiniMax-M1", "MiniMax-Text-01"):
        assert makers(seed, name) == {True}, name


def test_seed_m2(seed: ParsedDocument) -> None:
    assert values(seed, "MiniMax-M2", "total_parameters") == {"230B"}
    assert values(seed, "MiniMax-M2", "active_parameters") == {"10B"}
    assert values(seed, "MiniMax-M2", "licence") == {"MIT (fully open, commercial use allowed)"}
    assert values(seed, "MiniMax-M2", "price") == {"$0.30/M input tokens, $1.20/M output tokens"}
    assert values(seed, "MiniMax-M2", "release") == {"Oct 2025"}
    assert kinds(seed, "MiniMax-M2") == {ModelKind.TEXT}


def test_seed_text_01(seed: ParsedDocument) -> None:
    assert values(seed, "MiniMax-Text-01", "layers") == {"80"}
    assert values(seed, "MiniMax-Text-01", "attention_heads") == {"64"}
    assert values(seed, "MiniMax-Text-01", "experts") == {"32"}
    assert values(seed, "MiniMax-Text-01", "total_parameters") == {"456B"}
    assert values(seed, "MiniMax-Text-01", "active_parameters") == {"45.9B"}
    assert {"4M inference", "4M tokens"} <= values(seed, "MiniMax-Text-01", "context")
    assert values(seed, "MiniMax-Text-01", "release") == {"Jan 2025", "January 2025"}
    label = next(m for m in seed.models if m.evidence.startswith("**MiniMax-Text-01 MoE"))
    assert label.name == "MiniMax-Text-01"


def test_seed_spec_sections(seed: ParsedDocument) -> None:
    heading = next(m for m in seed.models if m.evidence.startswith("#### **MiniMax-M1 "))
    assert (heading.name, heading.kind, heading.minimax) == ("MiniMax-M1", ModelKind.TEXT, True)
    assert values(seed, "MiniMax-M1", "rl_algorithm") == {
        "CISPO (Clipped Importance Sampling for Policy Optimization)"
    }
    hailuo = next(m for m in seed.models if m.evidence.startswith("#### **Hailuo Video"))
    assert (hailuo.name, hailuo.kind) == ("Hailuo-2.3", ModelKind.VIDEO)
    assert values(seed, "Hailuo-2.3", "speed") == {"~2 minutes for typical video"}
    assert values(seed, "Speech-02", "voices") == {"300+ pre-built options across demographics"}


def test_seed_competitors(seed: ParsedDocument) -> None:
    assert makers(seed, "DeepSeek-V3") == {False}
    assert values(seed, "DeepSeek-V3", "total_parameters") == {"671B"}
    assert values(seed, "DeepSeek-V3", "active_parameters") == {"37B"}
    assert values(seed, "DeepSeek-V3", "open_source") == {"yes"}
    assert values(seed, "MiniMax-Text-01", "open_source") == {"no"}
    assert values(seed, "GPT-4 Turbo", "multimodal") == {"yes (Vision, Audio)"}
    assert makers(seed, "GPT-4") == {False}
    assert values(seed, "GPT-4", "context") == {"128K tokens"}
    assert makers(seed, "MiniMax-M1") == {True}
    assert values(seed, "Qwen2.5-Max", "total_parameters") == set()


def test_seed_funding_and_company(seed: ParsedDocument) -> None:
    assert values(seed, "Series B", "amount") == {"$600M"}
    assert values(seed, "Series B", "date") == {"Mar 2024"}
    assert values(seed, "Early Backing", "amount") == set()  # `-` is no value
    assert values(seed, "MiniMax", "total_funding") == {"$1.15B+ reported (as of 2024)"}
    assert values(seed, "MiniMax", "valuation") == {"$2.5B+ (March 2024)"}


def test_seed_people(seed: ParsedDocument) -> None:
    yan = [p for p in seed.people if p.name == "Yan Junjie"]
    assert len(yan) == 3
    assert all(p.other_names == ("颜俊杰",) for p in yan)
    assert {p.role for p in yan} == {"Co-founder & CEO", "CEO & Co-founder"}
    authors_end = max(p.passage for p in seed.people if (p.role or "").startswith("author"))
    song = next(p for p in seed.people if p.name == "Jiayuan Song" and p.passage > authors_end)
    assert song.other_names == () and song.role == "LLM Algorithm Engineer"
    wei = next(p for p in seed.people if p.name == "Wei Wei")
    assert wei.role == "Former VP & Head of Open Platform, 2023-2024"
    assert values(seed, "Yan Junjie", "born") == {"1989 (age ~36)"}
    assert not any(p.name.startswith(("Phase", "Founders")) for p in seed.people)


def test_seed_counts(seed: ParsedDocument) -> None:
    counts = (len(seed.passages), len(seed.models), len(seed.facts), len(seed.people))
    assert counts == (613, 34, 211, 68)  # 24 more people: the MiniMax-01 paper's author list


def test_seed_author_list(seed: ParsedDocument) -> None:
    authors = [p for p in seed.people if p.role and p.role.startswith("author")]
    assert len(authors) == 24
    assert authors[0].name == "Aonian Li"
    assert authors[0].role == "author (from MiniMax-01 paper)"
    assert authors[-1].name == "Junjie Yan"
    assert authors[-1].role == "author (from MiniMax-01 paper); CEO"
    assert all(p.evidence.startswith("- ") for p in authors)


# --- a new article in the same form: no code change ------------------------------------------


def test_synthetic_structure(synthetic: ParsedDocument) -> None:
    assert synthetic.document.title == "Acme: Small Models, Big Context"
    first, *_ = synthetic.passages
    assert first.kind is PassageKind.HEADING and first.heading_path == ()
    assert synthetic.passages[1].text == "Acme builds compact models.\nIt was founded in 2023."
    code = [p for p in synthetic.passages if p.kind is PassageKind.CODE]
    assert [p.text for p in code] == ["```text\npipeline: a -> b\n```"]
    row = next(p for p in synthetic.passages if "**Acme-X1**" in p.text)
    assert row.heading_path == ("Model Lineage", "Language Models")
    assert dict(row.cells)["Resources"] == "Blog"


def test_synthetic_models(synthetic: ParsedDocument) -> None:
    assert kinds(synthetic, "Acme-X1") == {ModelKind.TEXT}
    assert kinds(synthetic, "Acme-Voice-2") == {ModelKind.SPEECH}
    assert kinds(synthetic, "Acme-Motion-1") == {ModelKind.VIDEO}
    assert makers(synthetic, "Acme-X1") == {True}
    assert makers(synthetic, "Rival-7B") == {False}
    assert kinds(synthetic, "Acme-Motion-2") == {ModelKind.VIDEO}  # `(Latest: Acme-Motion-2)`
    spec = [m for m in synthetic.models if m.evidence == "#### **Acme-X1 (Flagship)**"]
    assert len(spec) == 1


def test_synthetic_facts(synthetic: ParsedDocument) -> None:
    assert values(synthetic, "Acme-X1", "release") == {"Mar 2025"}
    assert values(synthetic, "Acme-X1", "type") == {"LLM"}
    assert values(synthetic, "Acme-X1", "total_parameters") == {"70B"}
    assert values(synthetic, "Acme-X1", "active_parameters") == {"7B"}
    assert values(synthetic, "Acme-X1", "context") == {"256K tokens"}
    assert values(synthetic, "Acme-X1", "layers") == {"40"}
    assert values(synthetic, "Acme-X1", "attention_heads") == {"32"}
    assert values(synthetic, "Acme-X1", "experts") == {"16"}
    assert values(synthetic, "Acme-X1", "licence") == {"Apache-2.0"}
    assert values(synthetic, "Acme-X1", "price") == {"$0.10/M input tokens"}
    assert values(synthetic, "Acme-X1", "open_source") == {"yes"}
    assert values(synthetic, "Rival-7B", "open_source") == {"no"}
    assert values(synthetic, "Acme-Motion-1", "key_features") == {"1080p output, demo"}
    assert values(synthetic, "Acme-Motion-2", "output") == {"4K @ 60fps"}
    assert not any(f.attribute == "resources" for f in synthetic.facts)
    assert values(synthetic, "Acme-Voice-2", "parameters") == set()  # `—` is no value
    assert values(synthetic, "Seed", "amount") == {"$20M"}
    assert values(synthetic, "MiniMax", "total_funding") == {"$20M (as of 2025)"}
    assert not any(f.attribute == "headcount" for f in synthetic.facts)


def test_synthetic_people(synthetic: ParsedDocument) -> None:
    jane = next(p for p in synthetic.people if p.name == "Jane Doe")
    assert (jane.other_names, jane.role) == (("多简",), "Founder & CEO")
    john = next(p for p in synthetic.people if p.name == "John Roe")
    assert (john.other_names, john.role) == ((), "CTO")
    row = synthetic.passages[john.passage]
    assert row.heading_path == ("People", "Leadership")
    assert values(synthetic, "Jane Doe", "education") == {"PhD, Somewhere"}


# --- malformed input -------------------------------------------------------------------------


def test_unclosed_code_block_names_file_and_line() -> None:
    with pytest.raises(IngestError) as error:
        parse("broken.md", "# Title\n\nText.\n\n```\ncode\n", "0" * 64)
    assert (error.value.file, error.value.line) == ("broken.md", 5)


def test_an_article_needs_a_heading() -> None:
    with pytest.raises(IngestError, match="title"):
        parse("plain.md", "just some text\n", "0" * 64)
