import pytest

from careers.core.templatetags.site_tags import article_for, with_article
from tests.factories import CareerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "article"),
    [
        ("Machine Learning Engineer", "a"),
        ("Data Scientist", "a"),
        ("AI Engineer", "an"),
        ("MLOps Engineer", "an"),
        ("ML Engineer", "an"),
        ("LLM Engineer", "an"),
        ("NLP Researcher", "an"),
        ("SRE", "an"),
        ("FPGA Engineer", "an"),
        ("HR Business Partner", "an"),
        ("R Developer", "an"),
        ("iOS Developer", "an"),
        ("UX Designer", "a"),
        ("QA Analyst", "a"),
        ("DevOps Engineer", "a"),
        ("Engineering Manager", "an"),
        ("Ethical Hacker", "an"),
        ("Operations Analyst", "an"),
        ("Unity Developer", "a"),
        ("User Researcher", "a"),
        ("Usability Tester", "a"),
        ("Umpire", "an"),
        ("European Sales Lead", "a"),
        ("One-Person Founder", "a"),
        ("Hourly Consultant", "an"),
        ("Honest Broker", "an"),
        ("Hardware Engineer", "a"),
        ("8-Week Bootcamp Grad", "an"),
        ("11-Step Planner", "an"),
        ("3D Artist", "a"),
        ("“Quoted” Role", "a"),
    ],
)
def test_the_article_follows_the_sound_the_name_starts_with(name, article):
    assert article_for(name) == article
    assert with_article(name) == f"{article} {name}"


def test_an_editors_choice_on_the_career_wins():
    career = CareerFactory.build(name="SQL Developer")
    assert with_article(career) == "an SQL Developer"
    career.article = "a"  # "a sequel developer"
    assert with_article(career) == "a SQL Developer"


def test_an_empty_name_gets_no_article():
    assert with_article("") == ""
    assert with_article("   ") == "   "


def test_a_new_careers_guide_reads_right(client):
    from tests.factories import GuideFactory

    guide = GuideFactory(career=CareerFactory(name="MLOps Engineer"))
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "What does an MLOps Engineer do?" in html
    assert "What does a MLOps" not in html
