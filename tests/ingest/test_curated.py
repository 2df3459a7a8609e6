from pathlib import Path

import pytest

from bot.domain.errors import IngestError
from bot.domain.records import FuzzyDate, Precision
from bot.ingest.curated import CURATED_FILE, Curated, check_evidence, load_curated
from bot.paths import SEEDS_DIR

DOCS = {"a.txt": "MiniMax was founded at the end of 2021 by Junjie Yan (IO)."}


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / CURATED_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def test_no_curated_file_is_an_empty_one(tmp_path: Path) -> None:
    assert load_curated(tmp_path) == Curated()


def test_loads_people_models_facts_and_events(tmp_path: Path) -> None:
    curated = load_curated(
        write(
            tmp_path,
            """
[[person]]
name = "Junjie Yan"
document = "a.txt"
evidence = "Junjie Yan"
aliases = [{ name = "IO", document = "a.txt", evidence = "Junjie Yan (IO)" }]

[[fact]]
subject = "MiniMax"
attribute = "founded"
value = "the end of 2021"
compare = "end 2021"
document = "a.txt"
evidence = "founded at the end of 2021"

[[fact]]
subject = "MiniMax"
attribute = "team_size"
value = "300"
compare = 300
document = "a.txt"
evidence = "MiniMax"

[[event]]
date = "2021-12"
text = "MiniMax founded"
document = "a.txt"
evidence = "founded at the end of 2021"
""",
        )
    )
    assert curated.person[0].aliases[0].name == "IO"
    founded, team = curated.fact
    assert founded.comparable() == FuzzyDate.part_of_year(2021, "end")
    assert team.comparable() == 300.0
    assert curated.event[0].date.precision is Precision.MONTH
    check_evidence(curated, DOCS.get)


def test_missing_snippet_names_file_fact_and_snippet(tmp_path: Path) -> None:
    curated = load_curated(
        write(
            tmp_path,
            """
[[fact]]
subject = "MiniMax"
attribute = "team_size"
value = "roughly 300 people"
document = "a.txt"
evidence = "of roughly 300 people"
""",
        )
    )
    with pytest.raises(IngestError) as caught:
        check_evidence(curated, DOCS.get)
    message = str(caught.value)
    assert CURATED_FILE in message
    assert "team_size" in message
    assert "'of roughly 300 people'" in message
    assert "a.txt" in message


def test_unknown_document_is_reported(tmp_path: Path) -> None:
    curated = load_curated(
        write(
            tmp_path,
            '[[person]]\nname = "X"\ndocument = "gone.txt"\nevidence = "X"\n',
        )
    )
    with pytest.raises(IngestError, match=r"no document 'gone\.txt'"):
        check_evidence(curated, DOCS.get)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[fact]]\nsubject = 1 2\n", "unreadable"),
        ('[[fact]]\nsubject = "x"\n', "fact.0.attribute"),
        ('[[person]]\nname = "x"\ndocument = "a"\nevidence = "b"\nnick = "y"\n', "nick"),
        ('[[event]]\ndate = "soon"\ntext = "t"\ndocument = "a"\nevidence = "b"\n', "event.0.date"),
    ],
)
def test_malformed_file_is_a_clear_error(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(IngestError, match=expected):
        load_curated(write(tmp_path, text))


def test_the_shipped_curated_file_loads() -> None:
    curated = load_curated(SEEDS_DIR)
    assert any(person.name == "Junjie Yan" for person in curated.person)
    assert len(curated.fact) >= 10


@pytest.mark.parametrize("evidence", ["", " ", "\\n\\t  "])
@pytest.mark.parametrize("entry", ["person", "fact", "event", "alias"])
def test_empty_or_blank_evidence_is_refused(tmp_path: Path, entry: str, evidence: str) -> None:
    """An empty snippet is "in" every text: it would prove nothing."""
    texts = {
        "person": f'[[person]]\nname = "X"\ndocument = "a.txt"\nevidence = "{evidence}"\n',
        "fact": '[[fact]]\nsubject = "MiniMax"\nattribute = "a"\nvalue = "v"\n'
        f'document = "a.txt"\nevidence = "{evidence}"\n',
        "event": '[[event]]\ndate = "2021"\ntext = "t"\ndocument = "a.txt"\n'
        f'evidence = "{evidence}"\n',
        "alias": '[[model]]\nname = "M"\n'
        f'aliases = [{{ name = "m1", document = "a.txt", evidence = "{evidence}" }}]\n',
    }
    with pytest.raises(IngestError, match="evidence is empty or only whitespace"):
        load_curated(write(tmp_path, texts[entry]))


@pytest.mark.parametrize("name", ["", "  ", "\\t"])
def test_blank_alias_names_are_refused(tmp_path: Path, name: str) -> None:
    text = (
        '[[person]]\nname = "Junjie Yan"\ndocument = "a.txt"\nevidence = "Junjie Yan"\n'
        f'aliases = [{{ name = "{name}", document = "a.txt", evidence = "Junjie Yan" }}]\n'
    )
    with pytest.raises(IngestError, match=r"person\.0\.aliases\.0\.name: name is empty"):
        load_curated(write(tmp_path, text))


@pytest.mark.parametrize("opening", ["[", "{a="])
def test_a_file_nested_thousands_deep_is_a_clear_error(tmp_path: Path, opening: str) -> None:
    closing = {"[": "]", "{a=": "}"}[opening]
    deep = "x = " + opening * 5000 + "1" + closing * 5000 + "\n"
    with pytest.raises(IngestError, match="nested too deeply"):
        load_curated(write(tmp_path, deep))


def test_a_folder_named_like_the_curated_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / CURATED_FILE).mkdir()
    with pytest.raises(IngestError, match="is not a file"):
        load_curated(tmp_path)


def test_loads_disagreements_and_corpus_errors_and_checks_their_evidence(tmp_path: Path) -> None:
    curated = load_curated(
        write(
            tmp_path,
            """
[[disagreement]]
subject = "MiniMax"
attribute = "strategy"
label = "Strategy"
kind = "characterisation"
note = "the team's words"
also_about = ["Junjie Yan"]
claims = [
  { value = "founded late", document = "a.txt", evidence = "founded at the end of 2021" },
  { value = "by IO", document = "a.txt", evidence = "Junjie Yan (IO)" },
]

[[corpus_error]]
subject = "Junjie Yan"
written = "IO"
note = "a nickname"
document = "a.txt"
evidence = "Junjie Yan (IO)"
""",
        )
    )
    (item,) = curated.disagreement
    assert (item.kind.value, item.label, item.also_about) == (
        "characterisation",
        "Strategy",
        ("Junjie Yan",),
    )
    assert [claim.as_value().file for claim in item.claims] == ["a.txt", "a.txt"]
    assert curated.corpus_error[0].written == "IO"
    check_evidence(curated, DOCS.get)  # every claim and error is verbatim
    wrong = curated.model_copy(
        update={"corpus_error": (curated.corpus_error[0].model_copy(update={"evidence": "IO!"}),)}
    )
    with pytest.raises(IngestError, match="corpus error 'IO'"):
        check_evidence(wrong, DOCS.get)


def test_a_corpus_error_must_be_written_in_its_evidence(tmp_path: Path) -> None:
    text = """
[[corpus_error]]
subject = "Junjie Yan"
written = "OI"
note = "a nickname"
document = "a.txt"
evidence = "Junjie Yan (IO)"
"""
    with pytest.raises(IngestError, match="'OI' is not in its evidence"):
        load_curated(write(tmp_path, text))


def test_a_disagreement_kind_is_one_of_the_known_kinds(tmp_path: Path) -> None:
    text = """
[[disagreement]]
subject = "MiniMax"
attribute = "strategy"
kind = "vibes"
note = "n"
"""
    with pytest.raises(IngestError, match=r"disagreement\.0\.kind"):
        load_curated(write(tmp_path, text))


def test_organisations_and_concepts_load_with_their_names_and_the_team_note(
    tmp_path: Path,
) -> None:
    curated = load_curated(
        write(
            tmp_path,
            """
[[organisation]]
name = "MiniMax"
kind = "company"
document = "a.txt"
evidence = "MiniMax was founded"
note = "the team's remark"
aliases = [{ name = "MiniMax AI", document = "a.txt", evidence = "MiniMax" }]

[[concept]]
name = "IO"
kind = "concept"
document = "a.txt"
evidence = "(IO)"
""",
        )
    )
    check_evidence(curated, DOCS.get)
    company, concept = curated.entities()
    assert (company.name, company.aliases, company.note) == (
        "MiniMax",
        ("MiniMax", "MiniMax AI"),
        "the team's remark",
    )
    assert (company.kind.value, concept.kind.value) == ("company", "concept")


@pytest.mark.parametrize(
    ("section", "kind"), [("organisation", "technique"), ("concept", "investor")]
)
def test_a_section_takes_only_its_own_kinds(tmp_path: Path, section: str, kind: str) -> None:
    text = f'[[{section}]]\nname = "X"\nkind = "{kind}"\ndocument = "a.txt"\nevidence = "X"\n'
    with pytest.raises(IngestError, match=f"not a kind of {section}"):
        load_curated(write(tmp_path, text))


def test_an_organisation_alias_must_be_in_its_document(tmp_path: Path) -> None:
    curated = load_curated(
        write(
            tmp_path,
            '[[organisation]]\nname = "MiniMax"\nkind = "company"\ndocument = "a.txt"\n'
            'evidence = "MiniMax"\n'
            'aliases = [{ name = "迷你马克斯", document = "a.txt", evidence = "迷你马克斯" }]\n',
        )
    )
    with pytest.raises(IngestError, match="alias '迷你马克斯' of 'MiniMax'"):
        check_evidence(curated, DOCS.get)


def test_a_curated_quote_is_checked_word_for_word(tmp_path: Path) -> None:
    entry = '[[quote]]\nspeaker = "Yunqi"\ntext = "{text}"\ndocument = "a.txt"\n'
    curated = load_curated(write(tmp_path, entry.format(text="founded at the end of 2021")))
    check_evidence(curated, DOCS.get)
    assert curated.quote[0].speaker == "Yunqi"
    curated = load_curated(write(tmp_path, entry.format(text="founded in 2022")))
    with pytest.raises(IngestError, match="quote of 'Yunqi'"):
        check_evidence(curated, DOCS.get)
