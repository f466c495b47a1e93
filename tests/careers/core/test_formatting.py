import pytest

from careers.core.formatting import format_money, format_money_range, format_range


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(49, "$49"), (200, "$200"), (1000, "$1K"), (40_000, "$40K"), (1_500_000, "$1.5M")],
)
def test_money_is_short(amount, expected):
    assert format_money(amount) == expected


def test_unknown_currency_shows_its_code():
    assert format_money(300, "CHF") == "CHF 300"


def test_money_range():
    assert format_money_range(150_000, 230_000) == "$150K–$230K"
    assert format_money_range(200, 1000) == "$200–$1K"
    assert format_money_range(300, None) == "$300"
    assert format_money_range(300, 300) == "$300"


def test_ranges_read_naturally():
    assert format_range(2, 3, "month", "months") == "2–3 months"
    assert format_range(24, None, "month", "months") == "24 months"
    assert format_range(1, 1, "year", "years") == "1 year"
    assert format_range(None, None, "month", "months") == ""
