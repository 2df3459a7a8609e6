"""No test reads beside the clone: a fresh clone has nothing next to it (no ``../shared``).

A pytest plugin (enabled in ``tests/conftest.py``). It installs one audit hook (PEP 578) per
process that records every ``open``, ``os.listdir`` and ``os.scandir`` of a path inside the
repository's parent folder but not inside the repository, and fails the test that made it, as
the emulator fails a test whose bot broke Discord's spec. ``@pytest.mark.reads_beside_repo(
"shared/corpus")`` lets one test read that folder (the seeds' comparison with the documents as
received, which skips itself when the folder is absent); DISCORD_OPENAPI_SPEC, when set, is
allowed too, since the user named it.

The repository is pytest's root folder. Where the interpreter, the site packages or the
temporary folder lie inside the parent (a virtualenv beside the clone, a clone in /tmp), reads
there are the machine's, not the tests', and are left alone; a clone at the top of the file
system has everything beside it, so there the hook is not installed.
"""

from __future__ import annotations

import os
import site
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

WATCHED_EVENTS = frozenset({"open", "os.listdir", "os.scandir"})
MARKER = "reads_beside_repo"
GUARD_KEY = pytest.StashKey["OutsideReads"]()


class OutsideReads:
    """The audit hook and what it recorded since the last ``take``."""

    def __init__(self, root: Path, allowed: Iterable[Path] = ()) -> None:
        self.root = os.path.realpath(root)
        self.parent = os.path.dirname(self.root)
        self.allowed = tuple(os.path.realpath(path) for path in allowed)
        self.machine = tuple(
            path for path in map(os.path.realpath, _machine_folders()) if _within(path, self.parent)
        )
        self._found: list[str] = []

    @property
    def active(self) -> bool:
        return self.parent != os.path.dirname(self.parent)  # the parent is not the root

    def audit(self, event: str, args: tuple[Any, ...]) -> None:
        # Called for every audit event in the process, so it returns as early as it can.
        if event not in WATCHED_EVENTS or not args:
            return
        target = args[0]
        if target is None or isinstance(target, int):  # listdir() of the cwd, or an fd
            return
        try:
            path = os.path.abspath(os.fsdecode(target))
        except (TypeError, ValueError):
            return
        if not _within(path, self.parent) or _within(path, self.root):
            return
        real = os.path.realpath(path)  # the slow check, only for a path that looks beside
        exempt = self.machine + self.allowed
        if (
            _within(real, self.parent)
            and not _within(real, self.root)
            and not any(_within(real, folder) for folder in exempt)
        ):
            self._found.append(real)

    def take(self, allowed: Iterable[str] = ()) -> list[str]:
        """What was read beside the clone since the last call, but for the `allowed` folders
        (relative to the parent)."""
        found, self._found = self._found, []
        exempt = [os.path.join(self.parent, folder) for folder in allowed]
        return sorted({path for path in found if not any(_within(path, f) for f in exempt)})

    def describe(self, found: list[str], when: str) -> str:
        shown = "\n".join(f"  {os.path.relpath(path, self.root)}" for path in found[:10])
        return (
            f"{len(found)} read(s) beside the repository {when}; a fresh clone has nothing "
            f"there (ship what the test needs inside the repository):\n{shown}"
        )


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _machine_folders() -> Iterator[str]:
    yield from (sys.prefix, sys.base_prefix, sys.exec_prefix, tempfile.gettempdir())
    yield from site.getsitepackages()
    if site.ENABLE_USER_SITE and site.USER_SITE:
        yield site.USER_SITE


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(folder): the test may read this folder beside the repository "
        "(relative to the repository's parent)",
    )
    spec = os.environ.get("DISCORD_OPENAPI_SPEC")
    guard = OutsideReads(config.rootpath, allowed=[Path(spec)] if spec else [])
    if guard.active:
        sys.addaudithook(guard.audit)
        config.stash[GUARD_KEY] = guard


@pytest.fixture(autouse=True)
def _no_reads_beside_the_repo(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    guard = request.config.stash.get(GUARD_KEY, None)
    if guard is None:
        return
    allowed = [mark.args[0] for mark in request.node.iter_markers(MARKER)]
    found = guard.take(allowed)
    if found:
        pytest.fail(guard.describe(found, "during this test or before it"), pytrace=False)


def pytest_sessionfinish(session: pytest.Session) -> None:
    guard = session.config.stash.get(GUARD_KEY, None)
    found = guard.take() if guard is not None else []
    if guard is not None and found:
        print(f"\n{guard.describe(found, 'after the last test')}", file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
