"""A career can be made with only what a guide needs; its pay and outlook follow, and its
guide goes live only once they are in (issue 18: "creating a career from the guide screen")."""

import pytest
from django.core.exceptions import ValidationError

from careers.core.publishing import Publishable, publish_problems, publishable_status_set
from careers.core.roles import EDITORS, PUBLISHERS
from careers.models import Career
from careers.site.health import content_health
from tests.admin_forms import change_form_data
from tests.factories import CareerFactory, CategoryFactory, GuideFactory, RoadmapStepFactory
from tests.staff import staff_client

pytestmark = pytest.mark.django_db

NO_FIGURES = {
    **dict.fromkeys(Career.SALARY_FIELDS + Career.OUTLOOK_FIELDS),
    **dict.fromkeys(
        ("salary_source_name", "salary_source_url", "outlook_label", "outlook_text"), ""
    ),
    **dict.fromkeys(("outlook_source_name", "outlook_source_url"), ""),
}
POPUP_ADD = "/admin/careers/career/add/?_to_field=id&_popup=1"


def career_without_figures(**fields) -> Career:
    return CareerFactory(**NO_FIGURES, **fields)


def test_a_career_needs_no_figures_but_gets_them_all_or_none():
    career = career_without_figures()
    career.full_clean()
    assert not career.has_figures

    career.salary_low = 90_000
    with pytest.raises(ValidationError) as error:
        career.full_clean()
    assert set(error.value.message_dict) == {"salary_high", "salary_source_name", "salary_as_of"}
    assert "leave all of the pay empty" in error.value.message_dict["salary_high"][0]


def test_the_guide_of_a_career_without_figures_cannot_go_live_by_any_door():
    guide = GuideFactory(
        career=career_without_figures(name="MLOps Engineer"), status=Publishable.Status.DRAFT
    )
    RoadmapStepFactory(guide=guide)
    guide.refresh_from_db()

    problem = "give its career, MLOps Engineer, its typical pay and job outlook"
    # The admin actions and the moderation desk ask publish_problems; both refuse.
    assert publish_problems(guide) == [problem]
    assert publishable_status_set(item=guide, status=Publishable.Status.PUBLISHED) == [problem]
    guide.refresh_from_db()
    assert guide.status == Publishable.Status.DRAFT
    # The edit form (the model's own validation) refuses too.
    guide.status = Publishable.Status.PUBLISHED
    with pytest.raises(ValidationError, match="its typical pay and job outlook"):
        guide.full_clean()


def test_publishing_from_the_guide_screen_says_what_is_missing(editorial_groups):
    guide = GuideFactory(
        career=career_without_figures(name="MLOps Engineer"), status=Publishable.Status.DRAFT
    )
    RoadmapStepFactory(guide=guide)
    client = staff_client("pat", PUBLISHERS)
    url = f"/admin/guides/guide/{guide.pk}/change/"
    data = change_form_data(client.get(url))
    data["status"] = Publishable.Status.PUBLISHED

    response = client.post(url, data)

    assert response.status_code == 200
    assert "give its career, MLOps Engineer, its typical pay and job outlook" in (
        response.content.decode()
    )
    guide.refresh_from_db()
    assert guide.status == Publishable.Status.DRAFT


def test_a_draft_guide_of_such_a_career_previews_without_pay_or_outlook(editorial_groups):
    guide = GuideFactory(career=career_without_figures(), status=Publishable.Status.DRAFT)
    RoadmapStepFactory(guide=guide)
    client = staff_client("ann", EDITORS)

    response = client.get(guide.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="salary"' not in page
    assert 'id="outlook"' not in page
    assert 'href="#salary"' not in page


def test_the_figures_of_a_career_with_a_live_guide_stay_filled_in():
    guide = GuideFactory(status=Publishable.Status.PUBLISHED)
    career = guide.career
    for name, value in NO_FIGURES.items():
        setattr(career, name, value)

    with pytest.raises(ValidationError, match="Its guide is live"):
        career.full_clean()


@pytest.mark.parametrize("role", [EDITORS, PUBLISHERS])
def test_the_plus_beside_a_guides_career_asks_only_what_a_guide_needs(role, editorial_groups):
    client = staff_client("kim", role)
    category = CategoryFactory()

    form = client.get(POPUP_ADD)

    assert form.status_code == 200
    fields = set(form.context["adminform"].form.fields) - {"opened_version"}  # lost-work guard
    assert fields == {"name", "article", "slug", "category", "description"}
    assert not form.context["inline_admin_formsets"]
    assert "can follow" in form.content.decode()

    response = client.post(
        POPUP_ADD,
        {
            "name": "MLOps Engineer",
            "slug": "mlops-engineer",
            "category": category.pk,
            "description": "Runs the systems that train and serve models.",
            "_popup": "1",
            "_to_field": "id",
        },
    )

    assert response.status_code == 200  # the page that hands the new career to the guide
    career = Career.objects.get(slug="mlops-engineer")
    assert not career.has_figures
    assert response.templates[0].name == "admin/popup_response.html"
    assert response.context["popup_response_data"]


def test_the_careers_own_page_still_asks_for_everything(editorial_groups):
    client = staff_client("pat", PUBLISHERS)
    form = client.get("/admin/careers/career/add/")
    assert {"salary_low", "outlook_text"} <= set(form.context["adminform"].form.fields)
    assert form.context["inline_admin_formsets"]


def test_content_health_lists_a_career_still_waiting_for_figures():
    career = career_without_figures(name="MLOps Engineer")
    CareerFactory(name="Data Engineer")

    health = content_health()

    assert health.careers_without_figures == [career]
    assert health.problem_count >= 1
