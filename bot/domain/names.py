"""Name keys: how two spellings of a name are recognised as the same name."""

import unicodedata


def name_key(name: str) -> str:
    """Case-, width-, accent- and punctuation-blind key: `MiniMax-M2` and `minimax m2` agree."""
    folded = unicodedata.normalize("NFKD", name).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def word_set_key(name: str) -> str:
    """Order-blind key for personal names: `Yan Junjie` and `Junjie Yan` agree."""
    words = unicodedata.normalize("NFKC", name).casefold().replace("-", " ").split()
    return " ".join(sorted(name_key(w) for w in words if name_key(w)))
