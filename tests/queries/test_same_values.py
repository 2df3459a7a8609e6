"""Values of one fact line worded alike are one value with every citation (issue 15)."""

from __future__ import annotations

from bot.domain.records import DocumentKind
from bot.queries.results import Citation, Source
from bot.queries.same_values import same_values

COMPANY = ("MiniMax AI", "MiniMax")


def _cite(n: int) -> Citation:
    source = Source(f"{n:03}.txt", f"Doc {n}", None, None, DocumentKind.ARTICLE, "en")
    return Citation(source, None, f"line {n}")


def test_the_same_words_in_any_order_without_the_company_are_one_value() -> None:
    said = same_values(
        [
            ("MiniMax founder", [_cite(1)]),
            ("founder", [_cite(2)]),
            ("MiniMax's founder", [_cite(3), _cite(1)]),
            ("Co-founder & CEO", [_cite(4)]),
            ("CEO and co-founder", [_cite(5)]),
        ],
        COMPANY,
    )
    assert [v.value for v in said] == ["MiniMax founder", "Co-founder & CEO"]
    assert said[0].citations == (_cite(1), _cite(2), _cite(3))
    assert said[1].citations == (_cite(4), _cite(5))


def test_values_whose_words_differ_otherwise_stay_apart() -> None:
    said = same_values(
        [
            ("Co-founder", [_cite(1)]),
            ("Co-founder & Head of Algorithms", [_cite(2)]),
            ("founder of SenseTime", [_cite(3)]),
            ("founder", [_cite(4)]),
            ("MiniMax", [_cite(5)]),
            ("MiniMax AI", [_cite(6)]),
        ],
        COMPANY,
    )
    assert [v.value for v in said] == [
        "Co-founder",
        "Co-founder & Head of Algorithms",
        "founder of SenseTime",
        "founder",
        "MiniMax",
        "MiniMax AI",
    ]
