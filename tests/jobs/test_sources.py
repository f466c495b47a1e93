"""Job sources in the admin: who may create, change, activate and fetch them.

Fetched listings go live without review, so a source is a publisher's decision:
editors see the list and each source's fetch record, and nothing else.
"""

import pytest
from django.urls import reverse

from careers.core.roles import EDITORS, PUBLISHERS
from jobs.models import JobSource
from tests.admin_forms import change_form_data
from tests.factories import CareerFactory
from tests.jobs.factories import CompanyFactory, JobSourceFactory
from tests.staff import staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _groups(editorial_groups):
    """Editors and Publishers exist, whatever tests ran before."""


def add_data(company, career, **changes) -> dict:
    return {
        "name": "acme-greenhouse",
        "company": company.pk,
        "kind": "greenhouse",
        "identifier": "acme",
        "default_career": career.pk,
        "title_rules": "",
        "interval_minutes": 60,
        "active": "on",
        **changes,
    }


def test_an_editor_sees_sources_but_cannot_add_change_or_activate_them():
    source = JobSourceFactory(active=False)
    editor = staff_client("ed", EDITORS)
    assert editor.get(reverse("admin:jobs_jobsource_changelist")).status_code == 200
    change_url = reverse("admin:jobs_jobsource_change", args=[source.pk])
    page = editor.get(change_url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content  # read-only for editors
    add = editor.post(
        reverse("admin:jobs_jobsource_add"), add_data(source.company, source.default_career)
    )
    assert add.status_code == 403
    changed = editor.post(change_url, {**add_data(source.company, source.default_career)})
    assert changed.status_code == 403
    deleted = editor.post(reverse("admin:jobs_jobsource_delete", args=[source.pk]), {"post": "yes"})
    assert deleted.status_code == 403
    source.refresh_from_db()
    assert not source.active
    assert JobSource.objects.count() == 1


def test_a_publisher_adds_and_activates_a_source():
    company, career = CompanyFactory(), CareerFactory()
    publisher = staff_client("pub", PUBLISHERS)
    response = publisher.post(reverse("admin:jobs_jobsource_add"), add_data(company, career))
    assert response.status_code == 302
    source = JobSource.objects.get()
    assert source.active
    assert source.outcome == JobSource.Outcome.NEVER


def test_title_rules_must_name_real_careers():
    company, career = CompanyFactory(), CareerFactory(slug="data-engineer")
    publisher = staff_client("pub", PUBLISHERS)
    response = publisher.post(
        reverse("admin:jobs_jobsource_add"),
        add_data(company, career, title_rules="data => data-engineer\nml => no-such-career"),
    )
    assert response.status_code == 200
    assert "no-such-career" in str(response.context["adminform"].form.errors)
    response = publisher.post(
        reverse("admin:jobs_jobsource_add"), add_data(company, career, title_rules="just words")
    )
    assert "Rule 1" in str(response.context["adminform"].form.errors)
    assert not JobSource.objects.exists()


def test_a_publisher_save_keeps_the_fetch_record_written_meanwhile():
    source = JobSourceFactory()
    publisher = staff_client("pub", PUBLISHERS)
    url = reverse("admin:jobs_jobsource_change", args=[source.pk])
    data = change_form_data(publisher.get(url))
    JobSource.objects.filter(pk=source.pk).update(outcome="ok", counts={"new": 3})
    data["interval_minutes"] = "15"
    assert publisher.post(url, data).status_code == 302
    source.refresh_from_db()
    assert (source.interval_minutes, source.outcome, source.counts) == (15, "ok", {"new": 3})


def test_career_rules_match_in_order():
    source = JobSourceFactory.build(title_rules="machine learning => mle\n\ndata => de")
    assert source.career_rules() == [("machine learning", "mle"), ("data", "de")]
