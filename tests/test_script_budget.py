"""All reader JavaScript on a guide page stays within 10 KB brotli (issue 16)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from bench.script_budget import SCRIPT_BUDGET_BYTES, brotli_size, script_sources
from tests.factories import complete_guide

pytestmark = pytest.mark.django_db


def test_a_guide_pages_scripts_are_within_the_budget(client):
    guide = complete_guide()
    html = client.get(guide.get_absolute_url()).content.decode()
    sources = script_sources(html)
    assert any("plan_guide" in source for source in sources)
    total = 0
    for source in sources:
        assert source.startswith(settings.STATIC_URL), f"{source} is not one of ours"
        path = finders.find(source.removeprefix(settings.STATIC_URL))
        assert path, f"{source} is not a static file"
        data = Path(path).read_bytes()
        # Compression does shrink it: the measure is not of an empty or broken file.
        assert 0 < brotli_size(data) < len(data)
        total += brotli_size(data)
    assert total <= SCRIPT_BUDGET_BYTES, f"{total} brotli bytes of script on a guide page"


def test_the_byte_report_states_the_budget():
    from bench.script_budget import byte_report

    lines = byte_report([("a.js", 20_000, 9_000), ("b.js", 5_000, 2_000)])
    assert "| total | 25000 | 11000 |" in lines
    assert lines[-1] == "11000 of 10240 brotli bytes: OVER the budget."
