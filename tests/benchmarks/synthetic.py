"""A synthetic corpus in the four forms of the seeds, recombined from the seeds' own material.

Each copy writes one document of each form (interview, numbered Q&A abstract, show notes,
markdown article), one document in memory at a time. The seeds' material is parsed once with
small local splitters; the product's parsers are not used, so they are exercised, not assumed.
"""

from __future__ import annotations

import itertools
import random
import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SEED_FILES = {
    "shownotes": "000_170ff5059b12dbe9.txt",
    "interview": "001_ee2c00c8cd1ea3f4.txt",
    "abstract": "002_8d76a87ad898c4a7.txt",
    "article": "003_2acd4246ab7622df.txt",
}
FORMS = ("interview", "abstract", "shownotes", "article")
CURATED = "curated.toml"
QUESTION = "· LatePost:"
ANSWER = "Junjie Yan:"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_MODEL = re.compile(r"MiniMax-M2(?![\w-]|\.\d)")
_CHAPTER = re.compile(r"🟢 \d{2}:\d{2} .+")
_SECTION = re.compile(r"\[\d{2}\] (.+)")
_ITEM = re.compile(r"\d+\. (.+)", re.DOTALL)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_EPILOGUE = re.compile(r"(contributed to this article|^Cover image source)")
_FIRST_DAY = date(2023, 1, 1)


@dataclass(frozen=True, slots=True)
class Turn:
    question: str  # the whole "· LatePost: ..." paragraph
    answer: tuple[str, ...]  # first paragraph starts with "Junjie Yan:"


@dataclass(frozen=True, slots=True)
class Material:
    title: str
    outlet: str
    preface: tuple[str, ...]
    turns: tuple[Turn, ...]
    headings: tuple[str, ...]
    epilogue: tuple[str, ...]
    abstract_title: str
    abstract: tuple[str, ...]
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    notes_title: str
    notes_intro: tuple[str, ...]
    chapters: tuple[tuple[str, tuple[str, ...]], ...]
    notes_outro: tuple[str, ...]
    article_head: str
    article_sections: tuple[str, ...]
    sayings: tuple[str, ...]  # short sentences of Junjie Yan's answers


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def _is_heading(paragraph: str) -> bool:
    return (
        len(paragraph) < 90
        and "\n" not in paragraph
        and (paragraph[0].isupper() or paragraph[0] == '"')
        and paragraph[-1] not in ".?!,;:"
    )


def repair(raw: bytes) -> str:  # undo seeds/003's damage: UTF-8 that was read as Mac Roman
    return raw.decode("utf-8").encode("mac_roman").decode("utf-8")


def damage(text: str) -> str:  # the same damage again
    return text.encode("utf-8").decode("mac_roman")


def _interview(text: str) -> tuple[list[str], list[Turn], list[str], list[str]]:
    paras = _paragraphs(text)
    first = next(i for i, p in enumerate(paras) if p.startswith(QUESTION))
    preface_end = first - 1 if _is_heading(paras[first - 1]) else first
    turns: list[Turn] = []
    headings: list[str] = [paras[first - 1]] if preface_end < first else []
    epilogue: list[str] = []
    question, answer = "", list[str]()
    for i, para in enumerate(paras[first:], start=first):
        if para.startswith(QUESTION):
            if answer:
                turns.append(Turn(question, tuple(answer)))
            question, answer = para, []
        elif _is_heading(para) and paras[min(i + 1, len(paras) - 1)].startswith(QUESTION):
            headings.append(para)
        elif _EPILOGUE.search(para):
            epilogue.append(para)
        elif answer or para.startswith(ANSWER):
            answer.append(para)
    if answer:
        turns.append(Turn(question, tuple(answer)))
    return paras[2:preface_end], turns, headings, epilogue


def _as_item(turn: Turn) -> str | None:
    """An interview turn as one "Question? Answer." item, when it reads as one."""
    question = turn.question.removeprefix(QUESTION).strip()
    reply = turn.answer[0].removeprefix(ANSWER).strip()
    if question.count("?") == 1 and question.endswith("?") and "?" not in reply:
        return f"{question} {reply}"
    return None


def load_material(seeds_dir: Path) -> Material:
    read = {form: (seeds_dir / name).read_bytes() for form, name in SEED_FILES.items()}
    transcript = read["interview"].decode("utf-8")
    title, dateline = _paragraphs(transcript)[:2]
    preface, turns, headings, epilogue = _interview(transcript)
    summary = _paragraphs(read["abstract"].decode("utf-8"))
    qa = summary.index("🙋 Q&A")
    sections: list[tuple[str, list[str]]] = []
    for para in summary[qa + 1 :]:
        if heading := _SECTION.fullmatch(para):
            sections.append((heading.group(1), []))
        elif (item := _ITEM.fullmatch(para)) and sections:
            sections[-1][1].append(item.group(1))
    derived = [text for turn in turns if (text := _as_item(turn))]
    for n, name in enumerate(headings):  # interview turns regrouped under its headings
        if items := derived[n :: len(headings)]:
            sections.append((name.strip('"'), items))
    notes = [line.strip() for line in read["shownotes"].decode("utf-8").splitlines()]
    notes = [line for line in notes if line]
    starts = [i for i, line in enumerate(notes) if _CHAPTER.fullmatch(line)]
    outro = next(i for i in range(starts[-1], len(notes)) if notes[i].startswith("Subscribe"))
    bounds = [*starts, outro]
    chapters = [
        (notes[a].split(" ", 2)[2], tuple(notes[a + 1 : b])) for a, b in itertools.pairwise(bounds)
    ]
    article = repair(read["article"])
    head, *article_sections = re.split(r"\n(?=## )", article)
    answers = " ".join(p.removeprefix(ANSWER).strip() for t in turns for p in t.answer)
    return Material(
        title=title,
        outlet=dateline.split("·")[0],
        preface=tuple(preface),
        turns=tuple(turns),
        headings=tuple(headings),
        epilogue=tuple(epilogue),
        abstract_title=summary[0],
        abstract=tuple(summary[1:qa]),
        sections=tuple((name, tuple(items)) for name, items in sections),
        notes_title=notes[0],
        notes_intro=tuple(notes[2 : starts[0]]),
        chapters=tuple(chapters),
        notes_outro=tuple(notes[outro:]),
        article_head=head,
        article_sections=tuple(article_sections),
        sayings=tuple(
            s for s in _SENTENCE_END.split(answers) if 30 <= len(s) <= 140 and '"' not in s
        ),
    )


def _date(rng: random.Random) -> str:
    day = _FIRST_DAY + timedelta(days=rng.randrange(4 * 365))
    return f"{day:%B} {day.day}, {day.year}"


def _subset(rng: random.Random, items: tuple[str, ...], keep: float) -> list[str]:
    """Items in their order, each kept with probability `keep` (never fewer than one)."""
    chosen = [item for item in items if rng.random() < keep]
    return chosen or list(items[:1])


def interview(m: Material, i: int, rng: random.Random) -> str:
    outlet, _, title = m.title.partition(" | ")
    prefix = title.split(": ", 1)[0]
    heading = rng.choice(m.headings).strip('"')
    paras = [f"{outlet} | {prefix}: {heading}", f"{m.outlet}·{_date(rng)}"]
    paras += [p for p in m.preface if len(p) < 80 or rng.random() < 0.8]
    turns = rng.sample(m.turns, rng.randint(len(m.turns) // 2, len(m.turns)))
    for n, turn in enumerate(turns):
        if n == 0 or rng.random() < 0.2:
            paras.append(rng.choice(m.headings))
        paras += [turn.question, *turn.answer]
    return "\n\n".join([*paras, *m.epilogue])


def abstract(m: Material, i: int, rng: random.Random) -> str:
    paras = [m.abstract_title, *m.abstract, "🙋 Q&A"]
    sections = rng.sample(m.sections, rng.randint(3, min(6, len(m.sections))))
    for n, (name, items) in enumerate(sections, start=1):
        paras.append(f"[{n:02d}] {name}")
        picked = rng.sample(items, rng.randint(1, len(items)))
        paras += [f"{k}. {item}" for k, item in enumerate(picked, start=1)]
    return "\n\n".join(paras) + "\n\n"


def shownotes(m: Material, i: int, rng: random.Random) -> str:
    chapters = rng.sample(m.chapters, rng.randint(3, len(m.chapters)))
    topics = ", ".join(name.split(":")[0] for name, _ in chapters[:3])
    lines = ["", f"{m.notes_title.split(': ', 1)[0]}: {topics}", _date(rng)]
    lines += [m.notes_intro[0], *_subset(rng, m.notes_intro[1:], 0.7)]
    seconds = rng.randint(60, 180)
    for name, under in chapters:
        lines.append(f"🟢 {seconds // 60:02d}:{seconds % 60:02d} {name}")
        lines += _subset(rng, under, 0.75)
        if rng.random() < 0.5:
            lines.append(f'"{rng.choice(m.sayings)}"')
        seconds += rng.randint(90, 600)
    return "\n".join([*lines, *m.notes_outro])


def article(m: Material, i: int, rng: random.Random) -> str:
    text = "\n".join([m.article_head, *_subset(rng, m.article_sections, 0.75)])
    if rng.random() < 0.3:
        text = _MODEL.sub(f"MiniMax-M2-syn{i}", text)
    return damage(text) if i % 4 == 0 else text


BUILDERS = dict(zip(FORMS, (interview, abstract, shownotes, article), strict=True))


def write_synthetic_corpus(seeds_dir: Path, out_dir: Path, copies: int, seed: int = 0) -> int:
    """Write `copies` documents of each form, plus the seeds and curated.toml; count files written.

    Every 4th article copy (i % 4 == 0) is re-damaged (UTF-8 read as Mac Roman) so that the
    repair path is exercised; the others are written in their repaired form.
    """
    material = load_material(seeds_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for name in [*SEED_FILES.values(), CURATED]:
        if (seeds_dir / name).exists():
            shutil.copyfile(seeds_dir / name, out_dir / name)
            written += 1
    for i in range(copies):
        rng = random.Random(seed + i)
        for form in FORMS:
            text = BUILDERS[form](material, i, rng)
            (out_dir / f"{i:06d}_{form}.txt").write_text(text, encoding="utf-8", newline="\n")
            written += 1
    return written
