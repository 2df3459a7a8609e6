"""to_ranked_query: any of the words, stemmed, Chinese as phrases of characters; FTS syntax
stays inert; cjk_spaced indexes each Chinese character as a word."""

from __future__ import annotations

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from bot.store.fts import cjk_spaced, ranked_terms, to_ranked_query


def test_terms() -> None:
    assert ranked_terms("does MiniMax own GPUs?") == ["minimax", "own", "gpus"]
    assert ranked_terms("the of") == ["the", "of"]  # nothing but stop words: keep them
    assert ranked_terms("商汤") == ["商 汤"]
    assert ranked_terms("商汤科技") == ["商 汤 科 技", "商 汤", "汤 科", "科 技"]
    assert ranked_terms("MiniMax什么", pairs=False) == ["minimax", "什 么"]


def test_queries() -> None:
    assert to_ranked_query("GPUs owned") == '"gpus" OR "owned"'
    assert to_ranked_query("GPUs owned", every=True) == '"gpus" "owned"'
    assert to_ranked_query("scal", prefix=True) == '"scal"*'
    assert to_ranked_query("🚀 ...") is None


def test_cjk_spaced() -> None:
    assert cjk_spaced("AGI 不是大杀器!") == "AGI 不 是 大 杀 器!"
    assert cjk_spaced(None) is None


@given(st.text(max_size=200))
def test_any_text_is_a_valid_query_or_none(text: str) -> None:
    query = to_ranked_query(text)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'porter unicode61')")
    conn.execute("INSERT INTO t VALUES ('scaling laws hold')")
    if query is not None:
        conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()
    conn.close()
