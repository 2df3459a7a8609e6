"""Human labels for fact attributes: `total_parameters` -> "Total parameters"."""

_LABELS = {
    "licence": "Licence",
    "price": "Price",
    "context": "Context window",
    "release": "Release",
    "total_parameters": "Total parameters",
    "active_parameters": "Active parameters",
    "team_size": "Team size",
    "first_moe_model_launch": "First MoE model launched",
    "moe_development_start": "MoE development began",
    "moe_compute_share": "Compute put into MoE",
    "chinese_name": "Chinese name",
    "tokens_per_day": "Tokens per day",
    "expected_tokens_per_day": "Expected tokens per day",
    "twitter_x": "Twitter / X",
    "co_founder": "Co-founder",
    "ceo": "CEO",
    "funding_round": "Funding round",
    "series_b": "Series B",
    "series_a_valuation": "Valuation at Series A",
    "core_rnd": "Core R&D",
    "compute_source": "Compute from",
}


# Words that keep their own spelling inside a label: `rl_algorithm` -> "RL algorithm".
_WORDS = {
    "rl": "RL", "moe": "MoE", "x": "X", "atg": "ATG", "uber": "Uber", "ai": "AI",
    "sensetime": "SenseTime", "minimax": "MiniMax", "google": "Google", "linkedin": "LinkedIn",
    "waabi": "Waabi", "yan": "Yan", "twitter": "Twitter", "scholar": "Scholar",
}  # fmt: skip


def label_for(attribute: str) -> str:
    known = _LABELS.get(attribute)
    if known:
        return known
    words = [_WORDS.get(word, word) for word in attribute.lower().split("_") if word]
    if not words:
        return attribute
    first = words[0]
    return " ".join([first[:1].upper() + first[1:], *words[1:]])
