"""How figures read on the page: "$150K–$230K", "2–3 months"."""

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "INR": "₹"}


def format_money(amount: int | float, currency: str = "USD") -> str:
    """Short money: 49 -> "$49", 1000 -> "$1K", 40000 -> "$40K", 1500000 -> "$1.5M"."""
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    for size, suffix in ((1_000_000, "M"), (1_000, "K")):
        if amount >= size:
            value = amount / size
            text = f"{value:.1f}".removesuffix(".0")
            return f"{symbol}{text}{suffix}"
    return f"{symbol}{amount:g}"


def format_money_range(low: int | None, high: int | None, currency: str = "USD") -> str:
    if low is None and high is None:
        return ""
    if low is None or high is None or low == high:
        return format_money(low if high is None else high, currency)
    return f"{format_money(low, currency)}–{format_money(high, currency)}"


def format_range(low: int | None, high: int | None, unit_singular: str, unit_plural: str) -> str:
    """2, 3, month -> "2–3 months"; 24, 24 -> "24 months"; 1, 1 -> "1 month"."""
    if low is None:
        return ""
    if high is None or high == low:
        return f"{low} {unit_singular if low == 1 else unit_plural}"
    return f"{low}–{high} {unit_plural}"
