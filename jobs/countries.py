"""Country names for the ISO 3166-1 codes listings store, so pages read "Germany", not "DE".

The full ISO list, from django-countries; settings.COUNTRIES_OVERRIDE keeps the
short names readers know ("United States").
"""

from django.core.exceptions import ValidationError
from django_countries import countries


def country_name(code: str) -> str:
    """The country's name; a code that is not in the ISO list shows as itself."""
    return countries.name(code) or code


# What boards write that is not a country's ISO name.
_OTHER_NAMES = {"usa": "US", "united states of america": "US", "uk": "GB", "england": "GB"}


def country_code(text: str) -> str:
    """ "United States", "USA", "Germany", "DE" -> the ISO code, or "" when not a country."""
    text = text.strip()
    if not text:
        return ""
    if len(text) == 2 and text.upper() in countries:
        return text.upper()
    return _OTHER_NAMES.get(text.lower()) or countries.by_name(text) or ""


def country_codes_matching(text: str) -> list[str]:
    """Codes whose name contains `text` ("united" -> AE, GB, US...), or the code itself ("de")."""
    text = text.strip().lower()
    if not text:
        return []
    return [
        code
        for code, name in countries
        if text == code.lower() or (len(text) > 2 and text in name.lower())
    ]


def validate_country_code(value: str) -> None:
    if value not in countries:
        raise ValidationError(
            "“%(value)s” is not an ISO 3166-1 country code: use two capital letters, e.g. US "
            "or DE.",
            code="invalid_country",
            params={"value": value},
        )


def validate_country_list(value: str) -> None:
    """Codes separated by commas, e.g. "US,CA", each one in the ISO list."""
    if not value:
        return
    unknown = [code for code in value.split(",") if code not in countries]
    if unknown:
        raise ValidationError(
            "Not ISO 3166-1 country codes: %(codes)s. List two-letter codes separated by "
            "commas, e.g. US,CA.",
            code="invalid_country",
            params={"codes": ", ".join(f"“{code}”" for code in unknown)},
        )
