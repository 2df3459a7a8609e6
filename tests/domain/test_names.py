"""Name keys: spellings, scripts and the team's short list of common names."""

from __future__ import annotations

import pytest

from bot.domain.names import COMMON_NAMES, common_name, name_key, simplified


@pytest.mark.parametrize(
    ("traditional", "written"),
    [
        ("顏俊傑", "颜俊杰"),
        ("闫俊傑", "闫俊杰"),
        ("米哈遊", "米哈游"),
        ("商湯科技", "商汤科技"),
        ("騰訊", "腾讯"),
        ("雲啟資本", "云启资本"),
        ("迷你馬克斯", "迷你马克斯"),
    ],
)
def test_traditional_characters_have_the_key_of_the_simplified_form(
    traditional: str, written: str
) -> None:
    assert simplified(traditional) == written
    assert name_key(traditional) == name_key(written)


def test_latin_names_keep_their_key() -> None:
    assert name_key("MiniMax-M2") == name_key(" minimax m2 ") == "minimaxm2"
    assert simplified("MiniMax-M2") == "MiniMax-M2"


def test_common_names_map_to_names_the_corpus_writes_in_any_script() -> None:
    assert common_name("海螺AI") == ("Hailuo AI",)
    assert common_name("海螺 ai") == ("Hailuo AI",)
    assert common_name("紅杉") == ("HongShan",)  # traditional 红杉
    assert common_name("智谱清言") == ("Zhipu AI", "Kimi")
    assert common_name("MiniMax") == ()
    assert all(names for names in COMMON_NAMES.values())
