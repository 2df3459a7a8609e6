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
}


def label_for(attribute: str) -> str:
    return _LABELS.get(attribute) or attribute.replace("_", " ").strip().capitalize()
