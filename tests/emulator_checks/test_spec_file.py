"""The repository carries Discord's OpenAPI spec and its licence; DISCORD_OPENAPI_SPEC may name
another copy, plain or gzipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bot.paths import PROJECT_ROOT
from tests.emulator.spec import SHIPPED_SPEC, SpecValidator, read_spec


def test_the_spec_and_its_licence_ship_in_the_repository() -> None:
    assert SHIPPED_SPEC.parent == PROJECT_ROOT / "tests" / "emulator"
    licence = SHIPPED_SPEC.with_name("openapi.LICENSE").read_text("utf-8")
    assert licence.startswith("MIT License") and "Copyright 2023 Discord" in licence
    doc = json.loads(read_spec(SHIPPED_SPEC))
    assert doc["openapi"].startswith("3.1") and "/channels/{channel_id}/messages" in doc["paths"]


def test_another_copy_of_the_spec_plain_or_gzipped(tmp_path: Path) -> None:
    data = read_spec(SHIPPED_SPEC)
    (tmp_path / "openapi.json").write_bytes(data)
    (tmp_path / "copy.json.gz").write_bytes(gzip.compress(data, compresslevel=1))
    for name in ("openapi.json", "copy.json.gz"):
        validator = SpecValidator(tmp_path / name)
        match = validator.match("POST", "/channels/123/messages")
        assert match is not None and match.template == "/channels/{channel_id}/messages"
