"""No test, fixture or benchmark reads outside the repository: their sources name no path above
it, and a test that reads beside the clone anyway fails (the guard in `tests/outside_reads.py`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.paths import PROJECT_ROOT

TESTS = PROJECT_ROOT / "tests"


def _file_anchored(node: ast.expr) -> bool:
    return any(isinstance(n, ast.Name) and n.id == "__file__" for n in ast.walk(node))


def _parent_chain(node: ast.Attribute) -> int:
    """How many `.parent` in a row end at `node`."""
    steps = 0
    current: ast.expr = node
    while isinstance(current, ast.Attribute) and current.attr == "parent":
        steps, current = steps + 1, current.value
    return steps


def _path_operands(tree: ast.AST) -> set[ast.AST]:
    """What is passed to a call (`open(...)`, `Path(...)`) or joined with `/`."""
    operands: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            operands.update(node.args)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            operands.update((node.left, node.right))
    return operands


def climbs_out(source: str, relative: Path) -> list[str]:
    """The places in a test source that name a path above the repository: a climb from
    `__file__` past the root (`parents[N]`, `.parent.parent...`), or a string starting ``../``
    that is opened, made a path or joined to one."""
    depth = len(relative.parts) - 1  # folders between the root and the file
    tree = ast.parse(source)
    operands = _path_operands(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "parents"
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, int)
            and node.slice.value > depth
            and _file_anchored(node.value)
        ):
            found.append(f"{relative}:{node.lineno}: parents[{node.slice.value}]")
        elif isinstance(node, ast.Attribute) and node.attr == "parent" and _file_anchored(node):
            steps = _parent_chain(node)
            if steps - 1 > depth:  # Path(__file__).parent is parents[0]
                found.append(f"{relative}:{node.lineno}: {steps} × .parent")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith(("../", "..\\"))
            and node in operands
        ):
            found.append(f"{relative}:{node.lineno}: {node.value!r}")
    return found


def test_no_test_source_names_a_path_above_the_repository() -> None:
    sources = sorted(TESTS.rglob("*.py"))
    assert len(sources) > 50 and TESTS / "benchmarks" / "bench_index.py" in sources
    found = [
        place
        for path in sources
        for place in climbs_out(path.read_text("utf-8"), path.relative_to(PROJECT_ROOT))
    ]
    assert found == []


@pytest.mark.parametrize(
    ("source", "relative", "climbs"),
    [
        ("Path(__file__).resolve().parents[2] / 'x'", "tests/a/b.py", False),
        ("Path(__file__).resolve().parents[3] / 'shared'", "tests/a/b.py", True),
        ("Path(__file__).resolve().parent.parent / 'seeds'", "tests/a.py", False),
        ("Path(__file__).resolve().parent.parent.parent / 'shared'", "tests/a.py", True),
        ("open('../shared/corpus/x.txt')", "tests/a.py", True),
        ("open('seeds/x.txt')", "tests/a.py", False),
        ("ROOT / '../shared'", "tests/a.py", True),
        ("BAD_TIMEZONES = ['../../etc/passwd']", "tests/a.py", False),  # not a path opened
        ("ROOT.parents[5]", "tests/a.py", False),  # not anchored at __file__: the guard's job
    ],
)
def test_the_source_check_finds_climbs(source: str, relative: str, climbs: bool) -> None:
    assert bool(climbs_out(source, Path(relative))) == climbs


def test_a_test_that_reads_beside_the_clone_fails(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clone in a folder of its own with `shared/` beside it, as on the team's machine."""
    (pytester.path / "shared" / "corpus").mkdir(parents=True)
    (pytester.path / "shared" / "corpus" / "doc.txt").write_text("beside", encoding="utf-8")
    (pytester.path / "shared" / "other.txt").write_text("beside", encoding="utf-8")
    clone = pytester.mkdir("clone")
    (clone / "inside.txt").write_text("inside", encoding="utf-8")
    (clone / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (clone / "conftest.py").write_text('pytest_plugins = ["tests.outside_reads"]\n')
    (clone / "test_reads.py").write_text(
        """
import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

def test_reads_inside():
    assert (HERE / "inside.txt").read_text() == "inside"

def test_reads_beside_by_a_relative_path():
    os.chdir(HERE)
    assert open("../shared/other.txt").read() == "beside"

def test_lists_beside():
    assert os.listdir(HERE.parent / "shared")

@pytest.mark.reads_beside_repo("shared/corpus")
def test_allowed_to_read_the_corpus():
    assert (HERE.parent / "shared" / "corpus" / "doc.txt").read_text() == "beside"
""",
        encoding="utf-8",
    )
    monkeypatch.chdir(clone)
    monkeypatch.setenv("PYTHONPATH", str(PROJECT_ROOT))
    monkeypatch.delenv("DISCORD_OPENAPI_SPEC", raising=False)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, errors=2)  # the bodies passed; the guard failed two
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_reads_beside_by_a_relative_path*",
            "*1 read(s) beside the repository*",
            "*../shared/other.txt*",
            "*ERROR at teardown of test_lists_beside*",
            "*../shared*",
        ]
    )
    assert "doc.txt" not in result.stdout.str()
