"""Reading a command line as Discord's own client reads it: `/quote speaker:He Tao`."""

from __future__ import annotations

import time
from datetime import date

import pytest

from bot.ask import HELP, Request, help_text, parse_line, tokenize
from bot.commands import COMMANDS, UsageError, prepare


@pytest.mark.parametrize(
    ("line", "command", "options"),
    [
        ("/model M2", "model", {"name": "M2"}),
        ("/model name:M2", "model", {"name": "M2"}),
        ("/model name: M2", "model", {"name": "M2"}),
        ("/model NAME:M2", "model", {"name": "M2"}),
        ("model M2", "model", {"name": "M2"}),
        ("  /MODEL   m2  ", "model", {"name": "m2"}),
        ("/model minimx text 01", "model", {"name": "minimx text 01"}),
        ('/model name:"MiniMax M2"', "model", {"name": "MiniMax M2"}),
        ("/model name:“MiniMax M2”", "model", {"name": "MiniMax M2"}),
        ("/quote", "quote", {}),
        ("/quote scaling laws", "quote", {"query": "scaling laws"}),
        ("/quote speaker:IO scaling laws", "quote", {"speaker": "IO scaling laws"}),
        ("/quote scaling laws speaker:IO", "quote", {"speaker": "IO", "query": "scaling laws"}),
        (
            '/quote speaker:"Junjie Yan" query:"compute crunch"',
            "quote",
            {"speaker": "Junjie Yan", "query": "compute crunch"},
        ),
        ("/models", "models", {}),
        ("/models video", "models", {"kind": "video"}),
        ("/models kind:vision-language", "models", {"kind": "vision-language"}),
        ("/compare a:M2 b:Text-01", "compare", {"a": "M2", "b": "Text-01"}),
        ("/compare M2 Text-01", "compare", {"a": "M2", "b": "Text-01"}),
        ("/compare M2 b:Text-01", "compare", {"a": "M2", "b": "Text-01"}),
        ("/compare b:Text-01 M2", "compare", {"b": "Text-01 M2"}),
        (
            '/compare "minimax m2" minimax text 01',
            "compare",
            {"a": "minimax m2", "b": "minimax text 01"},
        ),
        ("/timeline", "timeline", {}),
        ("/timeline year:2025", "timeline", {"year": "2025"}),
        ("/timeline 2025", "timeline", {"year": "2025"}),
        ("/timeline 2025 funding round", "timeline", {"year": "2025", "query": "funding round"}),
        ("/timeline funding round", "timeline", {"query": "funding round"}),
        ("/timeline year:2024 page:2", "timeline", {"year": "2024", "page": "2"}),
        ("/onthisday", "onthisday", {}),
        ("/onthisday date:06-21", "onthisday", {"date": "06-21"}),
        ("/onthisday 2026-06-21", "onthisday", {"date": "2026-06-21"}),
        ("/search GPUs", "search", {"query": "GPUs"}),
        ("/search what's next", "search", {"query": "what's next"}),
        ("/search https://example.com/x", "search", {"query": "https://example.com/x"}),
        ('/search "note: this"', "search", {"query": "note: this"}),
        ('/search "unclosed quote', "search", {"query": "unclosed quote"}),
        ("/search 10:30 AM", "search", {"query": "10:30 AM"}),
        ("/search 🚀 rocket", "search", {"query": "🚀 rocket"}),
        ("/search query:GPUs page:3", "search", {"query": "GPUs", "page": "3"}),
        ("/person 颜俊杰", "person", {"name": "颜俊杰"}),
        ("/person name:Yan Junjie", "person", {"name": "Yan Junjie"}),
        ("/sources", "sources", {}),
        ("/about", "about", {}),
        ("/disagreements MiniMax", "disagreements", {"subject": "MiniMax"}),
        ("/model name:", "model", {"name": ""}),
        ('/model name:""', "model", {"name": ""}),
    ],
)
def test_lines_parse_to_a_command_and_its_option_text(
    line: str, command: str, options: dict[str, str]
) -> None:
    assert parse_line(line) == Request(command, options)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "Type a command"),
        ("   ", "Type a command"),
        ("/nope", "Unknown command “/nope”"),
        ("/modle M2", "Did you mean /model?"),
        ("/model foo:bar", "/model has no option “foo” (its options: name)"),
        ("/quote note: this", "put it in quotes"),
        ("/model name:a name:b", "name is given twice"),
        ("/sources everything", "Unexpected “everything” after /sources"),
        ('/model name:"M2" extra', "Unexpected “extra” after /model"),
        ("help nope", "Unknown command"),
    ],
)
def test_bad_lines_say_what_is_wrong(line: str, message: str) -> None:
    with pytest.raises(UsageError, match=r".") as raised:
        parse_line(line)
    assert message in str(raised.value)


def test_an_unknown_command_lists_every_command() -> None:
    with pytest.raises(UsageError) as raised:
        parse_line("/nope")
    for name in COMMANDS:
        assert f"/{name}" in str(raised.value)


def test_help_lists_the_commands_and_each_command_its_options() -> None:
    assert parse_line("help") == Request(HELP)
    assert parse_line("/help") == Request(HELP)
    assert parse_line("help /model") == Request(HELP, {"command": "model"})
    listing = help_text()
    assert all(command.usage in listing for command in COMMANDS.values())
    one = help_text("models")
    assert "kind" in one and "vision-language" in one


def test_a_lone_typed_option_takes_the_words_and_its_conversion_says_what_is_wrong() -> None:
    request = parse_line("/onthisday 06-21 tomorrow")
    assert request == Request("onthisday", {"date": "06-21 tomorrow"})
    with pytest.raises(UsageError, match="must be YYYY-MM-DD or MM-DD"):
        prepare(request.command, request.options, date(2026, 6, 21))


def test_words_left_over_extend_the_last_unquoted_text_option() -> None:
    assert parse_line("/person name:Yan Junjie") == Request("person", {"name": "Yan Junjie"})
    quoted = parse_line('/quote speaker:"Junjie Yan" scaling laws')
    assert quoted == Request("quote", {"speaker": "Junjie Yan", "query": "scaling laws"})


def test_undecodable_bytes_become_replacement_characters() -> None:
    assert parse_line("/search caf\udce9") == Request("search", {"query": "caf\ufffd"})


def test_tokens_keep_quoted_spaces_and_option_keys() -> None:
    tokens = tokenize('speaker:"Junjie Yan" scaling   laws')
    assert [(t.key, t.value, t.quoted) for t in tokens] == [
        ("speaker", "Junjie Yan", True),
        (None, "scaling", False),
        (None, "laws", False),
    ]


@pytest.mark.parametrize(
    ("line", "options"),
    [
        ("/quote speaker:He Tao", {"speaker": "He Tao"}),
        ('/quote speaker:"He Tao"', {"speaker": "He Tao"}),
        ("/quote speaker:“He Tao”", {"speaker": "He Tao"}),
        (
            "/quote query:scaling laws speaker:He Tao",
            {"query": "scaling laws", "speaker": "He Tao"},
        ),
        (
            "/quote speaker:He Tao query:scaling laws",
            {"speaker": "He Tao", "query": "scaling laws"},
        ),
        ("/quote scaling laws speaker:He Tao", {"query": "scaling laws", "speaker": "He Tao"}),
        ('/quote speaker:"He Tao" scaling laws', {"speaker": "He Tao", "query": "scaling laws"}),
        ("/quote speaker: He  Tao ", {"speaker": "He Tao"}),
        ('/quote query:the "compute crunch" again', {"query": "the compute crunch again"}),
        ("/search query:see https://example.com/x now", {"query": "see https://example.com/x now"}),
    ],
)
def test_a_value_runs_until_the_next_option_as_in_discord(
    line: str, options: dict[str, str]
) -> None:
    assert parse_line(line) == Request(line.split()[0].lstrip("/"), options)


def test_several_multi_word_options_convert_to_their_types() -> None:
    request = parse_line("/timeline year:2024 query:funding round led by Tencent page:2")
    assert request == Request(
        "timeline", {"year": "2024", "query": "funding round led by Tencent", "page": "2"}
    )
    call = prepare(request.command, request.options, date(2026, 6, 21))
    assert call == COMMANDS["timeline"].call(
        year=2024, query="funding round led by Tencent", page=2
    )
    compare = parse_line("/compare a:MiniMax M2 b:MiniMax Text 01")
    assert compare.options == {"a": "MiniMax M2", "b": "MiniMax Text 01"}


def test_a_typed_option_given_more_words_says_what_is_wrong() -> None:
    request = parse_line("/timeline year:2024 funding")
    with pytest.raises(UsageError, match="year must be a whole number, like 2025"):
        prepare(request.command, request.options, date(2026, 6, 21))


def test_help_states_the_rule_with_an_example() -> None:
    listing = help_text()
    assert "a value runs until the next name:" in listing
    assert "/quote speaker:He Tao" in listing and '/quote speaker:"He Tao"' in listing


def test_a_line_of_a_megabyte_is_read_in_one_pass() -> None:
    """Linear in the line: the old parser (list.pop(0), quadratic) took 21 s for one such
    line, this one half a second; the generous bound only catches a return to quadratic."""
    words = "a " * 500_000  # 1 MB, half a million words
    started = time.perf_counter()
    bare = parse_line("/search " + words)
    keyed = parse_line("/quote speaker:He Tao query:" + words)
    unknown = None
    try:
        parse_line("/sources " + words)
    except UsageError as error:
        unknown = str(error)
    elapsed = time.perf_counter() - started
    assert bare.options["query"] == words.strip() == keyed.options["query"]
    assert unknown is not None and len(unknown) < 200
    assert elapsed < 15.0, f"{elapsed:.1f} s for three 1 MB lines"
