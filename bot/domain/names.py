"""Name keys: how two spellings of a name are recognised as the same name.

Chinese is compared in simplified characters, so a name typed in traditional characters
(顏俊傑, 米哈遊, 騰訊) has the key of the simplified form the corpus writes (颜俊杰, 米哈游, 腾讯).
"""

import functools
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from opencc import OpenCC

# Names people commonly use that the corpus never writes (or writes only by mistake), from the
# bot's team, not from any document: what is typed -> the names the corpus does write. A card
# found this way says so, and never shows the typed name as the corpus's words.
COMMON_NAMES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "海螺": ("Hailuo", "Hailuo AI"),  # the Chinese name of the Hailuo products and app
        "海螺AI": ("Hailuo AI",),
        "红杉": ("HongShan",),  # HongShan's usual Chinese name; 003 writes 鸿商
        "红杉中国": ("HongShan",),
        "阿里": ("Alibaba",),  # the usual short form of 阿里巴巴
        "商汤": ("SenseTime",),  # the usual short form of 商汤科技
        "稀宇科技": ("MiniMax",),  # the company's registered Chinese name
        "稀宇": ("MiniMax",),
        "星野": ("Xingye",),  # the app's Chinese name; 003 writes only Xingye
        "黄仁勋": ("Jensen Huang",),  # the corpus writes his name in English only
        "李彦宏": ("Robin Li",),
        # Zhipu AI's chatbot; 003 writes it beside Kimi, so either may be meant
        "智谱清言": ("Zhipu AI", "Kimi"),
    }
)


@functools.cache
def _simplifier() -> OpenCC:
    return OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` with traditional Chinese characters in their simplified form."""
    return text if text.isascii() else _simplifier().convert(text)


def name_key(name: str) -> str:
    """Case-, width-, accent-, punctuation- and script-blind key: `MiniMax-M2` and `minimax m2`
    agree, and so do 米哈遊 and 米哈游."""
    folded = unicodedata.normalize("NFKD", simplified(name)).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def word_set_key(name: str) -> str:
    """Order-blind key for personal names: `Yan Junjie` and `Junjie Yan` agree."""
    words = unicodedata.normalize("NFKC", name).casefold().replace("-", " ").split()
    return " ".join(sorted(name_key(w) for w in words if name_key(w)))


def common_name(typed: str) -> tuple[str, ...]:
    """The corpus's names for a common name it never writes (`海螺AI` -> `Hailuo AI`), if any."""
    key = name_key(typed)
    return next((names for common, names in COMMON_NAMES.items() if name_key(common) == key), ())
