from datetime import date

import pytest

from bot.cards.dates import format_when
from bot.domain.records import FuzzyDate, Precision


@pytest.mark.parametrize(
    ("when", "shown"),
    [
        (FuzzyDate.day(2026, 6, 21), "2026-06-21"),
        (FuzzyDate.month(2021, 12), "Dec 2021"),
        (FuzzyDate.part_of_year(2021, "late"), "late 2021"),
        (FuzzyDate.part_of_year(2023, "summer"), "summer 2023"),
        (FuzzyDate.part_of_year(2021, "end"), "end of 2021"),
        (FuzzyDate.part_of_year(2022, "second half"), "second half of 2022"),
        (FuzzyDate.year(2024), "2024"),
        (
            FuzzyDate(start=date(2021, 1, 1), end=date(2022, 12, 31), precision=Precision.YEAR),
            "2021 – 2022",
        ),
        (
            FuzzyDate(start=date(2021, 12, 1), end=date(2022, 12, 31), precision=Precision.YEAR),
            "Dec 2021 – 2022",
        ),
        (
            FuzzyDate(start=date(2024, 1, 1), end=date(2024, 3, 31), precision=Precision.MONTH),
            "Jan 2024 – Mar 2024",
        ),
    ],
)
def test_dates_show_their_own_precision(when: FuzzyDate, shown: str) -> None:
    assert format_when(when) == shown
