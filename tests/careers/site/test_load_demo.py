"""`load_demo`: the demo guides carry every fact of the reference page, and reruns are harmless."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from careers.models import Career, Category, SalaryFigure
from careers.site import demo as site_demo
from guides import demo as guides_demo
from guides.models import (
    FAQ,
    Certification,
    Guide,
    GuideCertification,
    GuideSkill,
    Path,
    RelatedGuide,
    RoadmapStep,
)
from guides.selectors import guide_for_page, related_guide_summaries

ALL_MODELS = [
    Category,
    Career,
    SalaryFigure,
    Certification,
    Guide,
    RoadmapStep,
    GuideSkill,
    Path,
    GuideCertification,
    FAQ,
    RelatedGuide,
]
DEMO_SLUGS = [guide["slug"] for guide in guides_demo.demo_guide_specs()]


def demo_load():
    """The careers and guides of the demo (decks and jobs have tests of their own)."""
    return site_demo.demo_load(apps=["careers", "guides"])


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ALL_MODELS}


@pytest.fixture
def ml_guide(db) -> Guide:
    demo_load()
    return Guide.objects.select_related("career").get(slug="machine-learning-engineer")


# --- The Machine Learning Engineer guide carries every fact of the reference page ------


def test_ml_guide_is_live_2026_edition(ml_guide):
    assert ml_guide.is_live()
    assert ml_guide.publish_from is None
    assert ml_guide.full_title == "How to Become a Machine Learning Engineer (2026 Guide)"
    assert ml_guide.career.slug == "machine-learning-engineer"
    assert ml_guide.career.category.name == "Data & AI"


def test_ml_guide_roadmap_steps_and_badges(ml_guide):
    assert [(step.title, step.badge) for step in ml_guide.steps.all()] == [
        ("Build software engineering foundations", "Prereq"),
        ("Study classical ML theory", "2–3 months"),
        ("Deep learning and frameworks", "3–4 months"),
        ("LLMs and modern AI", "2–3 months"),
        ("MLOps and productionization", "3–4 months"),
        ("Specialize in one area", "3–4 months"),
        ("Interview preparation", "2–3 months"),
    ]
    first = ml_guide.steps.first()
    assert first.duration_min is None
    assert first.duration_label == "Prereq"


@pytest.mark.parametrize(
    ("position", "facts"),
    [
        (1, ["Python", "Git", "testing", "a year"]),
        (
            2,
            [
                "linear and logistic regression",
                "gradient boosting",
                "regularization",
                "cross-validation",
                "Andrew Ng",
                "Hands-On Machine Learning",
                "Géron",
            ],
        ),
        (3, ["PyTorch", "CNNs", "RNNs", "transformers", "from scratch", "Fast.ai"]),
        (4, ["prompt engineering", "RAG", "LoRA", "evaluate", "deploy", "private documents"]),
        (
            5,
            [
                "Docker",
                "Kubernetes",
                "feature store",
                "MLflow",
                "Triton",
                "BentoML",
                "monitor",
                "data scientists",
            ],
        ),
        (6, ["NLP", "computer vision", "recommendations", "time series", "Open-source"]),
        (
            7,
            [
                "ML theory",
                "LeetCode medium",
                "ML system design",
                "take-home",
                "Machine Learning System Design Interview",
            ],
        ),
    ],
)
def test_ml_guide_steps_keep_the_specific_facts(ml_guide, position, facts):
    step = ml_guide.steps.get(position=position)
    missing = [fact for fact in facts if fact not in step.description]
    assert not missing, f"step {position} lacks {missing}"
    assert step.description_html.startswith("<p>")


def test_ml_guide_skills_in_reference_order(ml_guide):
    technical = ml_guide.skills.filter(kind=GuideSkill.Kind.TECHNICAL)
    soft = ml_guide.skills.filter(kind=GuideSkill.Kind.SOFT)
    # Each a skill of the hub, with the reference's wording kept in its note.
    assert [str(link) for link in technical] == [
        "Python (expert)",
        "PyTorch (or TensorFlow)",
        "Machine learning (classical and deep)",
        "Large language models (RAG, fine-tuning)",
        "Docker",
        "Kubernetes",
        "MLflow (or Weights & Biases)",
        "Feature stores",
        "SQL",
        "Cloud data warehouses",
    ]
    assert [str(link) for link in soft] == [
        "Scientific communication",
        "Experimentation rigor",
        "Cross-functional collaboration",
        "Production reliability mindset",
    ]


def test_ml_guide_paths(ml_guide):
    paths = list(ml_guide.paths.all())
    assert [(p.name, p.duration_display, p.cost_display, p.is_typical) for p in paths] == [
        ("SWE → MLE transition", "12–18 months", "$200–$1K", True),
        ("DS → MLE transition", "9–12 months", "$200–$1K", False),
        ("MS in ML / CS", "24 months", "$40K–$100K", False),
    ]
    assert (paths[2].duration_min, paths[2].duration_max) == (24, None)


def test_ml_guide_certifications(ml_guide):
    links = ml_guide.certifications.select_related("certification")
    assert [
        (
            link.certification.name,
            link.certification.provider,
            link.certification.cost_display,
            link.certification.duration_display,
        )
        for link in links
    ] == [
        ("AWS Certified Machine Learning – Specialty", "AWS", "$300", "3–4 months"),
        ("Google Professional ML Engineer", "Google Cloud", "$200", "3–4 months"),
        ("DeepLearning.AI TensorFlow Developer", "Coursera", "$49/mo", "3 months"),
    ]


def test_ml_career_salary_and_outlook(ml_guide):
    career = ml_guide.career
    assert career.salary_display == "$150K–$230K"
    assert (career.salary_low, career.salary_high) == (150_000, 230_000)
    assert career.outlook_growth_percent == 36
    assert career.outlook_horizon_year == 2033
    assert career.outlook_label == "much faster than average"
    assert career.outlook_source_name == "BLS"
    assert career.outlook_source_url == "https://www.bls.gov/ooh/"
    assert "2023" in career.outlook_text  # entry-level competition since 2023
    assert "portfolio" in career.outlook_text


def test_ml_guide_faqs(ml_guide):
    faqs = list(ml_guide.faqs.all())
    assert [faq.question for faq in faqs] == [
        "MLE or DS — which pays more?",
        "Do I need a PhD?",
        "Which framework, PyTorch or TensorFlow?",
        "How much math?",
        "Is LLM work killing classical ML?",
    ]
    assert "20–30%" in faqs[0].answer
    assert "Research scientist" in faqs[1].answer
    assert "Start with PyTorch" in faqs[2].answer
    assert "mobile" in faqs[2].answer
    assert "backpropagation" in faqs[3].answer
    assert "attention" in faqs[3].answer
    assert faqs[4].answer.startswith("No.")
    assert all(faq.answer_html for faq in faqs)


def test_ml_guide_related_guides_read_as_the_reference_shows(ml_guide):
    assert [(s.title, s.line) for s in related_guide_summaries(ml_guide)] == [
        (
            "How to Become a Data Scientist",
            "6-step roadmap · typically 12–18 months · $120K–$175K a year",
        ),
        (
            "How to Become an AI Engineer",
            "6-step roadmap · typically 12–18 months · $160K–$250K a year",
        ),
        (
            "How to Become a Data Engineer",
            "6-step roadmap · typically 12–18 months · $130K–$180K a year",
        ),
        (
            "How to Become a Software Engineer",
            "6-step roadmap · typically 12–24 months · $110K–$180K a year",
        ),
        (
            "How to Become a Cloud Architect",
            "7-step roadmap · typically 3–5 years · $160K–$220K a year",
        ),
        (
            "How to Become a DevOps Engineer",
            "6-step roadmap · typically 12–18 months · $130K–$185K a year",
        ),
    ]


# --- Every demo guide is complete -------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("slug", DEMO_SLUGS)
def test_every_demo_guide_is_complete(slug):
    demo_load()
    guide = guide_for_page(slug)  # live, with every part the page shows
    career = guide.career

    assert guide.edition_year == 2026
    assert 0 < len(guide.meta_description) < 160
    assert guide.intro_html.startswith("<p>")
    assert guide.prerequisite_note_html.startswith("<p>")
    assert guide.weekly_hours == 10  # the pace its durations assume, stated in its YAML

    steps = list(guide.steps.all())
    assert 6 <= len(steps) <= 7
    assert all(step.badge and step.description_html for step in steps)
    skills = list(guide.skills.all())
    assert 6 <= sum(s.kind == GuideSkill.Kind.TECHNICAL for s in skills) <= 10
    assert 3 <= sum(s.kind == GuideSkill.Kind.SOFT for s in skills) <= 5
    paths = list(guide.paths.all())
    assert 2 <= len(paths) <= 3
    assert sum(path.is_typical for path in paths) == 1
    assert all(path.duration_display and path.cost_display for path in paths)
    certifications = [link.certification for link in guide.certifications.all()]
    assert 2 <= len(certifications) <= 3
    assert all(c.provider and c.cost_display and c.duration_display for c in certifications)
    assert 4 <= len(guide.faqs.all()) <= 5

    related = list(guide.related_links.values_list("related__slug", flat=True))
    assert 3 <= len(related) <= 6
    assert slug not in related
    assert set(related) <= set(DEMO_SLUGS)

    assert career.salary_display
    assert career.outlook_growth_percent > 0
    assert career.outlook_horizon_year == 2033
    assert career.outlook_source_name.startswith("BLS")
    assert career.outlook_source_url.startswith("https://www.bls.gov/ooh/")
    figures = list(career.salary_figures.all())
    assert len(figures) == 3
    assert all(f.label and f.source_name and f.as_of for f in figures)


# Whose figures each linked site publishes: a figure's label and its link name one source.
SOURCE_SITES = {"www.bls.gov": "BLS"}


@pytest.mark.django_db
def test_every_demo_figures_label_and_link_name_the_same_source():
    demo_load()
    careers = list(Career.objects.all())
    sourced = [(c.salary_source_name, c.salary_source_url) for c in careers]
    sourced += [(c.outlook_source_name, c.outlook_source_url) for c in careers]
    sourced += [(f.source_name, f.source_url) for f in SalaryFigure.objects.all()]
    assert len(sourced) == 7 * 5
    for name, url in sourced:
        if "estimate" in name.lower():
            # The editors' own figure: no other site to send readers to.
            assert url == "", (name, url)
        else:
            assert SOURCE_SITES[urlsplit(url).hostname] in name, (name, url)


@pytest.mark.django_db
def test_demo_categories_group_the_careers():
    demo_load()
    assert [
        (category.name, sorted(category.careers.values_list("slug", flat=True)))
        for category in Category.objects.all()
    ] == [
        (
            "Data & AI",
            ["ai-engineer", "data-engineer", "data-scientist", "machine-learning-engineer"],
        ),
        ("Software & Cloud", ["cloud-architect", "devops-engineer", "software-engineer"]),
    ]


# --- Idempotent, and never overwrites what editors changed ------------------------------


@pytest.mark.django_db
def test_running_twice_creates_nothing_the_second_time():
    first = demo_load()
    before = counts()
    second = demo_load()

    assert first.created["guide"] == 7
    assert counts() == before
    assert sum(second.created.values()) == 0
    assert second.skipped["guide"] == 7


@pytest.mark.django_db
def test_edited_guide_survives_a_second_run():
    demo_load()
    guide = Guide.objects.get(slug="data-scientist")
    guide.title = "Becoming a Data Scientist"
    guide.save()
    guide.steps.get(position=6).delete()
    guide.faqs.first().delete()

    demo_load()

    guide.refresh_from_db()
    assert guide.title == "Becoming a Data Scientist"
    assert guide.steps.count() == 5  # the deleted step is not put back
    assert guide.faqs.count() == 4


@pytest.mark.django_db
def test_edited_career_and_certification_survive_a_second_run():
    demo_load()
    Career.objects.filter(slug="data-engineer").update(salary_low=125_000)
    Certification.objects.filter(name="Google Professional ML Engineer").update(cost=250)

    demo_load()

    assert Career.objects.get(slug="data-engineer").salary_low == 125_000
    assert Certification.objects.get(name="Google Professional ML Engineer").cost == 250


@pytest.mark.django_db
def test_a_renamed_guide_is_not_created_again():
    """A guide whose slug an editor changed still counts: one guide per career and year."""
    demo_load()
    Guide.objects.filter(slug="cloud-architect").update(slug="cloud-architecture")

    result = demo_load()

    assert result.created["guide"] == 0
    assert Guide.objects.filter(career__slug="cloud-architect").count() == 1


@pytest.mark.django_db
def test_existing_objects_are_reused_not_duplicated():
    """An editor's own category and certification, matched by name, are used as they are."""
    category = Category.objects.create(name="Data & AI", slug="data-and-ai", position=5)
    certification = Certification.objects.create(
        name="Google Professional ML Engineer", provider="Google", cost=200, duration_min=2
    )

    result = demo_load()

    assert result.skipped["category"] == 1
    assert result.skipped["certification"] == 1
    assert Career.objects.get(slug="data-scientist").category == category
    ml_certifications = GuideCertification.objects.filter(guide__slug="machine-learning-engineer")
    assert certification.pk in ml_certifications.values_list("certification", flat=True)
    category.refresh_from_db()
    assert (category.slug, category.position) == ("data-and-ai", 5)


@pytest.mark.django_db
def test_invalid_data_fails_validation_and_leaves_nothing_behind(monkeypatch):
    specs = guides_demo.demo_guide_specs()
    devops = next(spec for spec in specs if spec["slug"] == "devops-engineer")
    bad_path = {**devops["paths"][1], "duration_min": 12, "duration_max": 6}
    devops["paths"] = [bad_path]
    monkeypatch.setattr(guides_demo, "demo_guide_specs", lambda: specs)

    with pytest.raises(ValidationError):
        demo_load()

    assert sum(counts().values()) == 0


# --- The command -------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_prints_a_summary_line_for_guides_decks_and_jobs():
    out = StringIO()
    call_command("load_demo", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Demo careers: created 7, skipped 0 that already exist")
    assert lines[1].startswith("Demo guides: created 7, skipped 0 that already exist")
    assert lines[2].startswith("Demo decks: created 7, skipped 0 that already exist")
    assert lines[3].startswith("Demo job listings: created ")

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert out.getvalue().splitlines() == [
        "Demo careers: created 0, skipped 7 that already exist.",
        "Demo guides: created 0, skipped 7 that already exist.",
        "Demo decks: created 0, skipped 7 that already exist.",
        "Demo job listings: created 0, skipped 38 that already exist.",
    ]


@pytest.mark.django_db
def test_loading_stays_fast(django_assert_max_num_queries):
    """A bounded number of queries (full_clean() checks cost a few per object), so the load
    stays well under two seconds on SQLite; a rerun only looks things up. About 700 of
    them are the demo skills and their aliases, and linking steps, cards and listings."""
    with django_assert_max_num_queries(2400):
        demo_load()
    with django_assert_max_num_queries(50):
        demo_load()
