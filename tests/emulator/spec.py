"""Validation of every REST request against Discord's official OpenAPI 3.1 spec.

The spec is Discord's own (discord/discord-api-spec, MIT: ``openapi.LICENSE`` beside it), shipped
gzipped as ``openapi.json.gz`` next to this module so a fresh clone needs nothing beside it;
DISCORD_OPENAPI_SPEC may name another copy (``.json`` or ``.json.gz``). It is loaded once per
process (``load_spec`` is cached). Requests are checked for: a path template and method that
exist, path parameters and query parameter names the operation declares, and a JSON body (or
the ``payload_json`` part of a multipart body) that validates with jsonschema Draft 2020-12
against the operation's ``requestBody`` schema, ``$ref``s resolved through a
``referencing.Registry`` holding the whole document.

Snowflakes: Discord accepts ids sent as JSON integers (discord.py sends some that way) while
the spec types them as strings, so every schema with ``format: snowflake`` is rewritten to
``anyOf: [<the string schema>, {type: integer, minimum: 0}]`` before validators are built.
Nothing in the request body is coerced.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from jsonschema.exceptions import ValidationError, relevance  # type: ignore[import-untyped]
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPEC_ENV = "DISCORD_OPENAPI_SPEC"
SHIPPED_SPEC = Path(__file__).resolve().with_name("openapi.json.gz")
SPEC_PATH = Path(os.environ.get(SPEC_ENV) or SHIPPED_SPEC)
_URI = "urn:discord-openapi"
_METHODS = ("get", "put", "post", "patch", "delete")
_TRUTHY = {"true", "false", "True", "False", "1", "0"}


def read_spec(path: Path) -> bytes:
    """The spec's JSON bytes, from a plain or a gzipped file."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _relax_snowflakes(node: Any) -> Any:
    if isinstance(node, list):
        return [_relax_snowflakes(n) for n in node]
    if not isinstance(node, dict):
        return node
    relaxed = {k: _relax_snowflakes(v) for k, v in node.items()}
    if relaxed.get("format") == "snowflake":
        return {"anyOf": [relaxed, {"type": "integer", "minimum": 0}]}
    return relaxed


@dataclass(frozen=True)
class Match:
    template: str
    params: dict[str, str]
    operation: dict[str, Any]
    path_item: dict[str, Any]


class SpecValidator:
    def __init__(self, path: Path = SPEC_PATH) -> None:
        self.doc: dict[str, Any] = _relax_snowflakes(json.loads(read_spec(path)))
        self.registry: Registry[Any] = Registry().with_resource(
            _URI, DRAFT202012.create_resource(self.doc)
        )
        self._validators: dict[str, Draft202012Validator] = {}
        routes = []
        for template in self.doc["paths"]:
            segments = template.strip("/").split("/")
            pattern = "/".join("([^/]+)" if s.startswith("{") else re.escape(s) for s in segments)
            names = [s[1:-1] for s in segments if s.startswith("{")]
            literals = sum(not s.startswith("{") for s in segments)
            routes.append((re.compile(f"^/{pattern}$"), template, names, literals))
        self._routes = sorted(routes, key=lambda r: -r[3])

    def validator(self, pointer: str) -> Draft202012Validator:
        if pointer not in self._validators:
            schema = {"$ref": f"{_URI}#{pointer}"}
            self._validators[pointer] = Draft202012Validator(schema, registry=self.registry)
        return self._validators[pointer]

    def match(self, method: str, path: str) -> Match | None:
        """The spec operation for ``method path`` (path relative to /api/v10), or None."""
        for regex, template, names, _ in self._routes:
            found = regex.match(path)
            item = self.doc["paths"][template]
            if found and method.lower() in item:
                return Match(
                    template,
                    dict(zip(names, found.groups(), strict=True)),
                    item[method.lower()],
                    item,
                )
        return None

    def check(
        self, match: Match, method: str, query: dict[str, str], content_type: str | None, body: Any
    ) -> list[tuple[str, str]]:
        """Problems with a request, as (kind, detail) pairs; empty when it is valid."""
        problems: list[tuple[str, str]] = []
        params = match.path_item.get("parameters", []) + match.operation.get("parameters", [])
        base = f"/paths/{_escape(match.template)}"
        levels = ((base, match.path_item), (f"{base}/{method.lower()}", match.operation))
        for where, holder in levels:
            for index, param in enumerate(holder.get("parameters", [])):
                if param["in"] == "path" and param["name"] in match.params:
                    value = match.params[param["name"]]
                    errors = self._errors(f"{where}/parameters/{index}/schema", value)
                    problems += [("path", f"{param['name']}: {e}") for e in errors]
        declared = {p["name"]: p for p in params if p["in"] == "query"}
        for name, value in query.items():
            if name not in declared:
                problems.append(("query", f"unknown query parameter {name!r}"))
            elif declared[name].get("schema", {}).get("type") == "boolean" and value not in _TRUTHY:
                problems.append(("query", f"{name}={value!r} is not a boolean"))
        request_body = match.operation.get("requestBody")
        if body is None:
            if request_body and request_body.get("required"):
                problems.append(("body", "the operation requires a body and none was sent"))
            return problems
        if request_body is None:
            return [*problems, ("body", f"the operation takes no body, got {_short(body)}")]
        kind = (
            "multipart/form-data" if content_type == "multipart/form-data" else "application/json"
        )
        if content_type not in ("application/json", "multipart/form-data"):
            problems.append(
                ("content-type", f"Content-Type {content_type!r}, expected application/json")
            )
        if kind not in request_body["content"]:
            return [
                *problems,
                (
                    "content-type",
                    f"{kind} not accepted; spec lists {list(request_body['content'])}",
                ),
            ]
        pointer = f"{base}/{method.lower()}/requestBody/content/{_escape(kind)}/schema"
        return problems + [("body", e) for e in self._errors(pointer, body)]

    def _errors(self, pointer: str, instance: Any) -> list[str]:
        errors = list(self.validator(pointer).iter_errors(instance))
        if not errors:
            return []
        leaves = [leaf for e in sorted(errors, key=relevance) for leaf in _leaves(e)]
        return [_describe(e) for e in leaves[:3]]


def _short(value: Any, limit: int = 120) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _leaves(error: ValidationError) -> list[ValidationError]:
    """The telling errors under a union: skip branches whose discriminator (a ``type``
    property failing enum/const) or JSON type does not match, then take the fewest errors."""
    if not error.context:
        return [error]
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)

    def score(errs: list[ValidationError]) -> tuple[bool, bool, int]:
        wrong_kind = any(
            list(e.relative_path) == ["type"] and e.validator in ("enum", "const") for e in errs
        )
        wrong_type = any(not e.relative_path and e.validator == "type" for e in errs)
        return wrong_kind, wrong_type, len(errs)

    chosen = sorted(min(branches.values(), key=lambda errs: score(list(errs))), key=relevance)
    return [leaf for sub in chosen for leaf in _leaves(sub)]


def _describe(leaf: ValidationError) -> str:
    where = leaf.json_path
    if leaf.validator in ("maxLength", "minLength", "maxItems", "minItems", "maximum", "minimum"):
        what = f"{leaf.validator} {leaf.validator_value} violated by {_short(leaf.instance, 60)}"
    elif leaf.validator in ("type", "enum", "const", "pattern"):
        what = (
            f"{_short(leaf.instance, 60)} fails {leaf.validator} {_short(leaf.validator_value, 80)}"
        )
    else:
        what = leaf.message if len(leaf.message) < 200 else leaf.message[:199] + "…"
    return f"{where}: {what}"


@functools.lru_cache(maxsize=2)
def load_spec(path: Path = SPEC_PATH) -> SpecValidator:
    """The validator, built once per process (the spec is over a megabyte)."""
    return SpecValidator(path)
